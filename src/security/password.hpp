// Password hashing with Argon2id (libsodium), parameters stored inside each hash so they can
// be raised later without invalidating existing accounts.
#pragma once
#include <string>
#include <string_view>

namespace binome::security {

std::string hash_password(std::string_view password);
bool verify_password(std::string_view hash, std::string_view password);
// Spends the same effort as a real check, so that an unknown login cannot be told apart
// from a wrong password by timing.
void burn_password_check(std::string_view password);

}  // namespace binome::security
