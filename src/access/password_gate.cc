#include "access/password_gate.h"

namespace reunite {

PasswordGate& PasswordGate::Shared() {
  static PasswordGate gate(kMaxConcurrentPasswordHashes, kMaxQueuedPasswordHashes, kPasswordHashWait);
  return gate;
}

std::optional<PasswordGate::Permit> PasswordGate::Enter() {
  std::unique_lock lock(mutex_);
  if (running_ < slots_) {
    ++running_;
    return Permit(this);
  }
  if (queued_ >= max_queued_) return std::nullopt;
  ++queued_;
  const bool got = freed_.wait_for(lock, wait_, [this] { return running_ < slots_; });
  --queued_;
  if (!got) return std::nullopt;
  ++running_;
  return Permit(this);
}

void PasswordGate::Leave() {
  {
    std::lock_guard lock(mutex_);
    --running_;
  }
  freed_.notify_one();
}

}  // namespace reunite
