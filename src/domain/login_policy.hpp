// Slowing then locking after repeated failed logins (CNIL recommendation on passwords): a few
// free attempts, then a growing wait between attempts, then a temporary lock.
#pragma once
#include <chrono>
#include <optional>

#include "domain/time.hpp"

namespace binome::domain {

struct LoginPolicy {
  int free_attempts = 3;
  std::chrono::seconds base_delay{2};
  std::chrono::seconds max_delay{60};
  int lock_after = 10;
  std::chrono::minutes lock_duration{30};
};

struct LoginState {
  int failed_count = 0;
  std::optional<Timestamp> next_attempt_at;
  std::optional<Timestamp> locked_until;
};

enum class LoginGate { open, slowed, locked };

struct GateAnswer {
  LoginGate gate = LoginGate::open;
  std::chrono::seconds wait{0};  // how long until the next attempt may be made
};

// Whether an attempt may even be checked now. A refused attempt does not count as a failure.
GateAnswer login_gate(const LoginPolicy& policy, const LoginState& state, Timestamp now);

LoginState after_failure(const LoginPolicy& policy, const LoginState& state, Timestamp now);

inline LoginState after_success() {
  return {};
}

}  // namespace binome::domain
