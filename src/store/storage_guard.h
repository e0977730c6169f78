// Internal to store/: keeps SOCI's exceptions inside the library. Every public
// store function runs its database work through GuardStorage.
#pragma once
#include <exception>
#include <string>

#include "common/status.h"

namespace reunite {

// Runs `work` and returns its result; an exception becomes StorageError("<what>:
// <message>"). `work` returns a Status or Result<T>.
template <typename Work>
auto GuardStorage(const char* what, Work&& work) -> decltype(work()) {
  try {
    return work();
  } catch (const std::exception& e) {
    return Status::StorageError(std::string(what) + ": " + e.what());
  } catch (...) {
    return Status::StorageError(std::string(what) + ": unknown error");
  }
}

}  // namespace reunite
