// The second factor must agree with every authenticator application: RFC 6238's own test
// vectors (SHA-1 key "12345678901234567890"), base32 as in RFC 4648, and the replay rule.
#include "security/totp.hpp"

#include <gtest/gtest.h>

namespace binome::security {
namespace {

const std::string kRfcKey = "12345678901234567890";

TEST(Totp, MatchesTheRfc6238Sha1Vectors) {
  // RFC 6238 appendix B, 8 digits, T0 = 0, X = 30.
  const std::pair<std::int64_t, const char*> vectors[] = {
      {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
      {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"}};
  for (const auto& [time, code] : vectors)
    EXPECT_EQ(totp_code(kRfcKey, totp_step(time), 8), code) << "T = " << time;
}

TEST(Totp, SixDigitCodesAreTheLastSixOfTheRfcValues) {
  EXPECT_EQ(totp_code(kRfcKey, totp_step(59)), "287082");
  EXPECT_EQ(totp_code(kRfcKey, totp_step(1234567890)), "005924") << "leading zeros are kept";
}

TEST(Totp, Base32FollowsRfc4648) {
  EXPECT_EQ(base32_encode(""), "");
  EXPECT_EQ(base32_encode("f"), "MY");
  EXPECT_EQ(base32_encode("foobar"), "MZXW6YTBOI");
  EXPECT_EQ(base32_encode(kRfcKey), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(base32_decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"), kRfcKey);
  EXPECT_EQ(base32_decode("MZXW6YTBOI======"), "foobar");
  EXPECT_FALSE(base32_decode("MZXW1").has_value()) << "1 is not in the alphabet";
}

TEST(Totp, AcceptsOneStepEitherSideAndNothingFurther) {
  const std::int64_t now = 1111111111;
  const auto step = totp_step(now);
  for (int delta : {-1, 0, 1})
    EXPECT_EQ(matching_totp_step(kRfcKey, totp_code(kRfcKey, step + delta), now, std::nullopt),
              step + delta);
  EXPECT_FALSE(matching_totp_step(kRfcKey, totp_code(kRfcKey, step + 2), now, std::nullopt));
  EXPECT_FALSE(matching_totp_step(kRfcKey, totp_code(kRfcKey, step - 2), now, std::nullopt));
  EXPECT_FALSE(matching_totp_step(kRfcKey, "12345", now, std::nullopt));
  EXPECT_FALSE(matching_totp_step(kRfcKey, "abcdef", now, std::nullopt));
}

TEST(Totp, ACodeIsNotAcceptedTwice) {
  const std::int64_t now = 1111111111;
  const auto step = totp_step(now);
  const auto code = totp_code(kRfcKey, step);
  EXPECT_FALSE(matching_totp_step(kRfcKey, code, now, step)) << "already used";
  EXPECT_FALSE(matching_totp_step(kRfcKey, totp_code(kRfcKey, step - 1), now, step));
  EXPECT_EQ(matching_totp_step(kRfcKey, totp_code(kRfcKey, step + 1), now, step), step + 1);
}

TEST(Totp, OtpauthUriNamesTheAccountAndTheParameters) {
  EXPECT_EQ(otpauth_uri("admin.demo", "ABC"),
            "otpauth://totp/binome:admin.demo?secret=ABC&issuer=binome&algorithm=SHA1&digits=6&"
            "period=30");
  EXPECT_EQ(new_totp_secret().size(), kTotpSecretBytes);
  EXPECT_NE(new_totp_secret(), new_totp_secret());
}

}  // namespace
}  // namespace binome::security
