#include "domain/login_policy.hpp"

#include <algorithm>

namespace binome::domain {

GateAnswer login_gate(const LoginPolicy&, const LoginState& state, Timestamp now) {
  if (state.locked_until && now < *state.locked_until)
    return {LoginGate::locked, *state.locked_until - now};
  if (state.next_attempt_at && now < *state.next_attempt_at)
    return {LoginGate::slowed, *state.next_attempt_at - now};
  return {};
}

LoginState after_failure(const LoginPolicy& policy, const LoginState& state, Timestamp now) {
  LoginState next = state;
  // A lock that has run out starts a fresh count.
  if (state.locked_until && now >= *state.locked_until) next = {};
  next.failed_count += 1;
  next.locked_until.reset();
  next.next_attempt_at.reset();
  if (next.failed_count >= policy.lock_after) {
    next.locked_until =
        now + std::chrono::duration_cast<std::chrono::seconds>(policy.lock_duration);
  } else if (next.failed_count >= policy.free_attempts) {
    const int step = std::min(next.failed_count - policy.free_attempts, 16);
    const std::chrono::seconds delay =
        std::min<std::chrono::seconds>(policy.base_delay * (1LL << step), policy.max_delay);
    next.next_attempt_at = now + delay;
  }
  return next;
}

}  // namespace binome::domain
