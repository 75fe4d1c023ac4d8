// The TOTP state of accounts (table user_totp): secrets sealed with the key file (see
// app/totp_secrets.hpp), never sent back to a client once enrolment is confirmed. The clear
// columns are read only for secrets enrolled before migration 0018, until they are sealed.
#pragma once
#include <soci/soci.h>

#include <optional>
#include <string>

#include "security/nir_keys.hpp"
#include "store/database.hpp"

namespace binome::store {

struct TotpRow {
  std::optional<std::string> secret;          // confirmed, clear (before 0018)
  std::optional<std::string> pending_secret;  // shown, waiting for a first code, clear
  std::optional<std::int64_t> last_step;
  std::optional<std::string> enrolled_at;
  std::optional<std::string> secret_sealed;   // confirmed, sealed
  std::optional<std::string> pending_sealed;  // pending, sealed
  bool enrolled() const { return secret || secret_sealed; }
  bool pending() const { return pending_secret || pending_sealed; }
};

std::optional<TotpRow> find_totp(soci::session& sql, std::int64_t user_id);
// Locks the row for the code check (PostgreSQL), so two logins cannot both use one code.
std::optional<TotpRow> lock_totp(soci::session& sql, Dialect dialect, std::int64_t user_id);
// `sealed`: the secret as sealed by the key file.
void set_pending_totp(soci::session& sql, std::int64_t user_id, const std::string& sealed,
                      const std::string& now);
// Makes `sealed` the account's confirmed secret; `step` is the code that confirmed it (none
// when an operator sets it, as the demo does).
void confirm_totp(soci::session& sql, std::int64_t user_id, const std::string& sealed,
                  std::optional<std::int64_t> step, const std::string& now);
void record_totp_step(soci::session& sql, std::int64_t user_id, std::int64_t step,
                      const std::string& now);
void delete_totp(soci::session& sql, std::int64_t user_id);

// Secrets still in clear (confirmed or pending), and sealed ones.
long long clear_totp_count(soci::session& sql);
long long sealed_totp_count(soci::session& sql);
// Seals every clear secret and clears its column; the number of accounts concerned.
long long seal_clear_totp_secrets(soci::session& sql, const security::NirKeys& keys);

}  // namespace binome::store
