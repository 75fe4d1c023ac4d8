// Slowing then locking after failed logins, driven by explicit timestamps (no clock read).
#include "domain/login_policy.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace {

using namespace std::chrono_literals;
using binome::domain::after_failure;
using binome::domain::after_success;
using binome::domain::login_gate;
using binome::domain::LoginGate;
using binome::domain::LoginPolicy;
using binome::domain::LoginState;
using binome::domain::Timestamp;

const Timestamp kT0 = std::chrono::sys_days{std::chrono::year{2026} / 11 / 22} + 5h;

LoginPolicy policy() {
  LoginPolicy p;
  p.free_attempts = 3;
  p.base_delay = 2s;
  p.max_delay = 60s;
  p.lock_after = 10;
  p.lock_duration = 30min;
  return p;
}

TEST(LoginPolicyTest, FreshStateIsOpen) {
  const auto answer = login_gate(policy(), LoginState{}, kT0);
  EXPECT_EQ(answer.gate, LoginGate::open);
  EXPECT_EQ(answer.wait, 0s);
}

TEST(LoginPolicyTest, FirstFreeAttemptsMinusOneFailuresImposeNoWait) {
  const LoginPolicy p = policy();
  LoginState s;
  for (int i = 1; i < p.free_attempts; ++i) {
    s = after_failure(p, s, kT0);
    EXPECT_EQ(s.failed_count, i);
    const auto answer = login_gate(p, s, kT0);
    EXPECT_EQ(answer.gate, LoginGate::open) << "after failure " << i;
    EXPECT_EQ(answer.wait, 0s);
  }
}

TEST(LoginPolicyTest, WaitDoublesFromTheFreeAttemptsthFailureUpToTheCap) {
  const LoginPolicy p = policy();
  LoginState s;
  Timestamp now = kT0;
  for (int i = 1; i < p.free_attempts; ++i) s = after_failure(p, s, now);

  // Failures 3..9: 2, 4, 8, 16, 32, then 60 (capped), 60.
  const std::chrono::seconds expected[] = {2s, 4s, 8s, 16s, 32s, 60s, 60s};
  for (std::chrono::seconds wait : expected) {
    s = after_failure(p, s, now);
    const auto answer = login_gate(p, s, now);
    EXPECT_EQ(answer.gate, LoginGate::slowed) << "failure " << s.failed_count;
    EXPECT_EQ(answer.wait, wait) << "failure " << s.failed_count;
    // Halfway through the wait, the remaining time is given.
    const auto half = login_gate(p, s, now + wait / 2);
    EXPECT_EQ(half.gate, LoginGate::slowed);
    EXPECT_EQ(half.wait, wait - wait / 2);
    // Once the wait has passed, the gate is open again (the next attempt may be checked).
    now += wait;
    EXPECT_EQ(login_gate(p, s, now).gate, LoginGate::open) << "failure " << s.failed_count;
  }
  EXPECT_EQ(s.failed_count, p.lock_after - 1);
  EXPECT_FALSE(s.locked_until.has_value());
}

TEST(LoginPolicyTest, WaitStaysCappedForLargeCounts) {
  LoginPolicy p = policy();
  p.lock_after = 1000;  // never lock, to check the cap holds far beyond the doubling range
  LoginState s;
  for (int i = 0; i < 80; ++i) s = after_failure(p, s, kT0);
  const auto answer = login_gate(p, s, kT0);
  EXPECT_EQ(answer.gate, LoginGate::slowed);
  EXPECT_EQ(answer.wait, p.max_delay);
}

TEST(LoginPolicyTest, LockedAtLockAfterFailuresForLockDuration) {
  const LoginPolicy p = policy();
  LoginState s;
  Timestamp now = kT0;
  for (int i = 0; i < p.lock_after; ++i) {
    s = after_failure(p, s, now);
    now += 60s;  // each attempt waits out the previous delay
  }
  const Timestamp last_failure = now - 60s;
  ASSERT_EQ(s.failed_count, p.lock_after);
  ASSERT_TRUE(s.locked_until.has_value());
  EXPECT_EQ(*s.locked_until, last_failure + 30min);

  const auto at_once = login_gate(p, s, last_failure);
  EXPECT_EQ(at_once.gate, LoginGate::locked);
  EXPECT_EQ(at_once.wait, std::chrono::seconds{30min});

  const auto later = login_gate(p, s, last_failure + 29min + 59s);
  EXPECT_EQ(later.gate, LoginGate::locked);
  EXPECT_EQ(later.wait, 1s);
}

TEST(LoginPolicyTest, AfterTheLockRunsOutGateOpensAndCountStartsAfresh) {
  const LoginPolicy p = policy();
  LoginState s;
  for (int i = 0; i < p.lock_after; ++i) s = after_failure(p, s, kT0);
  ASSERT_EQ(login_gate(p, s, kT0).gate, LoginGate::locked);

  const Timestamp end = kT0 + 30min;
  const auto answer = login_gate(p, s, end);
  EXPECT_EQ(answer.gate, LoginGate::open);
  EXPECT_EQ(answer.wait, 0s);

  // The next failure is the first of a fresh count: no wait, no lock.
  s = after_failure(p, s, end);
  EXPECT_EQ(s.failed_count, 1);
  EXPECT_FALSE(s.locked_until.has_value());
  EXPECT_EQ(login_gate(p, s, end).gate, LoginGate::open);

  // And the slowing starts again only at the free_attempts-th failure.
  s = after_failure(p, s, end);
  EXPECT_EQ(login_gate(p, s, end).gate, LoginGate::open);
  s = after_failure(p, s, end);
  const auto slowed = login_gate(p, s, end);
  EXPECT_EQ(slowed.gate, LoginGate::slowed);
  EXPECT_EQ(slowed.wait, 2s);
}

TEST(LoginPolicyTest, SuccessResetsEverything) {
  const LoginPolicy p = policy();
  LoginState s;
  for (int i = 0; i < 5; ++i) s = after_failure(p, s, kT0);
  ASSERT_EQ(login_gate(p, s, kT0).gate, LoginGate::slowed);

  s = after_success();
  EXPECT_EQ(s.failed_count, 0);
  EXPECT_FALSE(s.next_attempt_at.has_value());
  EXPECT_FALSE(s.locked_until.has_value());
  EXPECT_EQ(login_gate(p, s, kT0).gate, LoginGate::open);

  // The count after a success starts from zero: two more failures are still free.
  s = after_failure(p, s, kT0);
  s = after_failure(p, s, kT0);
  EXPECT_EQ(login_gate(p, s, kT0).gate, LoginGate::open);
}

TEST(LoginPolicyTest, OtherPolicyValuesAreHonoured) {
  LoginPolicy p;
  p.free_attempts = 1;
  p.base_delay = 5s;
  p.max_delay = 12s;
  p.lock_after = 4;
  p.lock_duration = 2min;
  LoginState s = after_failure(p, {}, kT0);
  EXPECT_EQ(login_gate(p, s, kT0).wait, 5s);  // slowed from the very first failure
  s = after_failure(p, s, kT0);
  EXPECT_EQ(login_gate(p, s, kT0).wait, 10s);
  s = after_failure(p, s, kT0);
  EXPECT_EQ(login_gate(p, s, kT0).wait, 12s);  // 20s capped to 12s
  s = after_failure(p, s, kT0);
  const auto locked = login_gate(p, s, kT0);
  EXPECT_EQ(locked.gate, LoginGate::locked);
  EXPECT_EQ(locked.wait, 120s);
}

}  // namespace
