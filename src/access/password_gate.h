// A cap on password hashes running at once. Each Argon2id hash (accounts_internal.h)
// takes 64 MiB for about a tenth of a second, so 24 parallel logins once raised the
// server to 1.2 GB. Every hash and verification in the process passes this gate:
// at most kMaxConcurrentPasswordHashes run, up to kMaxQueuedPasswordHashes more
// wait (a waiting request holds its database connection, so the queue stays well
// under the server's pool) for at most kPasswordHashWait, and any beyond that are
// refused at once, so a burst costs waiting or a refusal (503), never memory.
#pragma once
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

namespace reunite {

inline constexpr int kMaxConcurrentPasswordHashes = 2;
inline constexpr int kMaxQueuedPasswordHashes = 8;
inline constexpr std::chrono::milliseconds kPasswordHashWait{5000};

class PasswordGate {
 public:
  PasswordGate(int slots, int max_queued, std::chrono::milliseconds wait)
      : slots_(slots), max_queued_(max_queued), wait_(wait) {}
  PasswordGate(const PasswordGate&) = delete;
  PasswordGate& operator=(const PasswordGate&) = delete;

  // The process's gate, with the limits above.
  static PasswordGate& Shared();

  // Holds one slot until destroyed.
  class Permit {
   public:
    explicit Permit(PasswordGate* gate) : gate_(gate) {}
    Permit(Permit&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Permit& operator=(Permit&&) = delete;
    ~Permit() {
      if (gate_) gate_->Leave();
    }

   private:
    PasswordGate* gate_;
  };

  // A slot, waiting for one if need be; nullopt when the queue is full or the
  // wait ran out.
  std::optional<Permit> Enter();

 private:
  void Leave();

  const int slots_, max_queued_;
  const std::chrono::milliseconds wait_;
  std::mutex mutex_;
  std::condition_variable freed_;
  int running_ = 0, queued_ = 0;
};

}  // namespace reunite
