// Random secrets and digests. Session tokens are stored only as their SHA-256, so a copy of
// the database does not let anyone take over a session.
#pragma once
#include <string>
#include <string_view>

namespace binome::security {

// n random bytes as URL-safe base64 without padding.
std::string random_token(std::size_t bytes = 32);
std::string sha256_hex(std::string_view data);
// Comparison in constant time, for secrets sent by clients.
bool equal_secrets(std::string_view a, std::string_view b);

}  // namespace binome::security
