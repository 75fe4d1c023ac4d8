// Failed-login counts per login key (see migration 0001), shared by every instance.
#pragma once
#include <soci/soci.h>

#include <string>
#include <vector>

#include "domain/login_policy.hpp"
#include "store/database.hpp"

namespace binome::store {

// The key of a login as typed: SHA-256 of its lower-case form.
std::string login_key(const std::string& login);

domain::LoginState read_login_state(soci::session& sql, const std::string& key);
// Reads the state, creating it if needed and locking it until the transaction ends, so that
// two wrong attempts at once both count.
domain::LoginState lock_login_state(soci::session& sql, Dialect dialect, const std::string& key,
                                    const std::string& now);
void save_login_state(soci::session& sql, const std::string& key, const domain::LoginState& state,
                      const std::string& now);
void clear_login_state(soci::session& sql, const std::string& key);
// Keys locked at `now`.
std::vector<std::string> locked_keys(soci::session& sql, const std::string& now);
// Forgets counts untouched since `before` that hold no running lock.
int delete_stale_login_states(soci::session& sql, const std::string& before,
                              const std::string& now);

}  // namespace binome::store
