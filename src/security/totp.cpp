#include "security/totp.hpp"

#include <Poco/HMACEngine.h>
#include <Poco/SHA1Engine.h>
#include <sodium.h>

#include <array>
#include <cctype>

#include "security/sodium_init.hpp"
#include "security/tokens.hpp"

namespace binome::security {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string uri_escape(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::int64_t totp_step(std::int64_t unix_seconds) {
  // Floor division: times before 1970 never occur, but keep the arithmetic exact anyway.
  return unix_seconds >= 0 ? unix_seconds / kTotpStepSeconds
                           : -((-unix_seconds + kTotpStepSeconds - 1) / kTotpStepSeconds);
}

std::string totp_code(std::string_view key, std::int64_t step, int digits) {
  Poco::HMACEngine<Poco::SHA1Engine> hmac{std::string(key)};
  std::array<unsigned char, 8> counter{};
  auto value = static_cast<std::uint64_t>(step);
  for (int i = 7; i >= 0; --i) {
    counter[static_cast<std::size_t>(i)] = static_cast<unsigned char>(value & 0xff);
    value >>= 8;
  }
  hmac.update(counter.data(), counter.size());
  const auto& mac = hmac.digest();
  // RFC 4226 dynamic truncation.
  const std::size_t offset = mac[19] & 0x0f;
  const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7f) << 24) |
                               (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                               (static_cast<std::uint32_t>(mac[offset + 2]) << 8) |
                               static_cast<std::uint32_t>(mac[offset + 3]);
  std::uint32_t modulo = 1;
  for (int i = 0; i < digits; ++i) modulo *= 10;
  std::string code = std::to_string(binary % modulo);
  return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

std::string base32_encode(std::string_view bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31];
  return out;
}

std::optional<std::string> base32_decode(std::string_view text) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char ch : text) {
    if (ch == ' ' || ch == '=' || ch == '-') continue;
    const char upper = (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
    const auto pos = kAlphabet.find(upper);
    if (pos == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5) | static_cast<std::uint32_t>(pos);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return out;
}

std::string new_totp_secret() {
  ensure_sodium();
  std::string secret(kTotpSecretBytes, '\0');
  randombytes_buf(secret.data(), secret.size());
  return secret;
}

std::string otpauth_uri(std::string_view login, std::string_view secret_base32) {
  return "otpauth://totp/binome:" + uri_escape(login) + "?secret=" + std::string(secret_base32) +
         "&issuer=binome&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) +
         "&period=" + std::to_string(kTotpStepSeconds);
}

std::optional<std::int64_t> matching_totp_step(std::string_view key, std::string_view code,
                                               std::int64_t now_unix,
                                               std::optional<std::int64_t> last_used_step) {
  if (code.size() != static_cast<std::size_t>(kTotpDigits)) return std::nullopt;
  const auto now = totp_step(now_unix);
  std::optional<std::int64_t> found;
  // Every candidate is computed and compared, so the time does not tell which one matched.
  for (std::int64_t step = now - 1; step <= now + 1; ++step) {
    const bool same = equal_secrets(totp_code(key, step), code);
    if (same && !found && (!last_used_step || step > *last_used_step)) found = step;
  }
  return found;
}

}  // namespace binome::security
