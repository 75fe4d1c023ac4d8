// Password hashing with Argon2id: what the login relies on.
#include "security/password.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using binome::security::hash_password;
using binome::security::verify_password;

// Hashing is deliberately slow: one hash shared by the tests of this file.
const std::string& stored_hash() {
  static const std::string hash = hash_password("Correct-Cheval-Pile-2026!");
  return hash;
}

TEST(PasswordTest, HashIsArgon2id) {
  EXPECT_EQ(stored_hash().rfind("$argon2id$", 0), 0u) << stored_hash();
  // The hash does not contain the password itself.
  EXPECT_EQ(stored_hash().find("Correct-Cheval"), std::string::npos);
}

TEST(PasswordTest, RightPasswordVerifies) {
  EXPECT_TRUE(verify_password(stored_hash(), "Correct-Cheval-Pile-2026!"));
}

TEST(PasswordTest, WrongPasswordIsRefused) {
  EXPECT_FALSE(verify_password(stored_hash(), "correct-cheval-pile-2026!"));
  EXPECT_FALSE(verify_password(stored_hash(), "Correct-Cheval-Pile-2026"));
  EXPECT_FALSE(verify_password(stored_hash(), "Correct-Cheval-Pile-2026!!"));
}

TEST(PasswordTest, EmptyPasswordIsRefused) {
  EXPECT_FALSE(verify_password(stored_hash(), ""));
}

TEST(PasswordTest, EmbeddedNulIsNotATruncation) {
  // The whole password counts, not just up to a NUL byte.
  const std::string with_nul("Correct-Cheval-Pile-2026!\0x", 27);
  EXPECT_FALSE(verify_password(stored_hash(), with_nul));
}

TEST(PasswordTest, SamePasswordHashesDifferently) {
  const std::string other = hash_password("Correct-Cheval-Pile-2026!");
  EXPECT_NE(other, stored_hash());  // a random salt per hash
  EXPECT_TRUE(verify_password(other, "Correct-Cheval-Pile-2026!"));
}

TEST(PasswordTest, GarbageHashNeverVerifies) {
  EXPECT_FALSE(verify_password("", ""));
  EXPECT_FALSE(verify_password("not-a-hash", "not-a-hash"));
  EXPECT_FALSE(verify_password("$argon2id$v=19$m=65536,t=2,p=1$broken", "x"));
}

}  // namespace
