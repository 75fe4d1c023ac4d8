// Random tokens and digests used for sessions.
#include "security/tokens.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace {

using binome::security::equal_secrets;
using binome::security::random_token;
using binome::security::sha256_hex;

TEST(TokensTest, Sha256KnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(TokensTest, RandomTokenIsUrlSafeAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const std::string t = random_token();
    EXPECT_EQ(t.size(), 43u);  // 32 bytes, base64 without padding
    EXPECT_EQ(
        t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos)
        << t;
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 50u);
  EXPECT_EQ(random_token(3).size(), 4u);
}

TEST(TokensTest, EqualSecrets) {
  EXPECT_TRUE(equal_secrets("abc", "abc"));
  EXPECT_TRUE(equal_secrets("", ""));
  EXPECT_FALSE(equal_secrets("abc", "abd"));
  EXPECT_FALSE(equal_secrets("abc", "abcd"));
  EXPECT_FALSE(equal_secrets("abc", ""));
}

}  // namespace
