// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA-1, 30-second steps,
// 6 digits — what every authenticator application on a phone understands.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace binome::security {

inline constexpr std::int64_t kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;
inline constexpr std::size_t kTotpSecretBytes = 20;  // 160 bits, the RFC 4226 recommendation

// The step of a Unix time (seconds).
std::int64_t totp_step(std::int64_t unix_seconds);
// The code of a step, zero-padded to `digits` (6 by default; the RFC vectors use 8).
std::string totp_code(std::string_view key, std::int64_t step, int digits = kTotpDigits);

// RFC 4648 base32, upper case, without padding (what otpauth URIs carry).
std::string base32_encode(std::string_view bytes);
// Accepts lower case, spaces and padding; empty on any other character.
std::optional<std::string> base32_decode(std::string_view text);

// A fresh random secret (raw bytes).
std::string new_totp_secret();
// otpauth://totp/binome:LOGIN?secret=…&issuer=binome&algorithm=SHA1&digits=6&period=30
std::string otpauth_uri(std::string_view login, std::string_view secret_base32);

// The step among now-1, now, now+1 whose code matches `code` and is later than
// `last_used_step` (a code is not accepted twice); empty otherwise. Constant-time compares.
std::optional<std::int64_t> matching_totp_step(std::string_view key, std::string_view code,
                                               std::int64_t now_unix,
                                               std::optional<std::int64_t> last_used_step);

}  // namespace binome::security
