// The TOTP state of accounts (table user_totp): secrets as base32 text, never sent back to a
// client once enrolment is confirmed.
#pragma once
#include <soci/soci.h>

#include <optional>
#include <string>

#include "store/database.hpp"

namespace binome::store {

struct TotpRow {
  std::optional<std::string> secret;          // confirmed (base32)
  std::optional<std::string> pending_secret;  // shown, waiting for a first code (base32)
  std::optional<std::int64_t> last_step;
  std::optional<std::string> enrolled_at;
};

std::optional<TotpRow> find_totp(soci::session& sql, std::int64_t user_id);
// Locks the row for the code check (PostgreSQL), so two logins cannot both use one code.
std::optional<TotpRow> lock_totp(soci::session& sql, Dialect dialect, std::int64_t user_id);
void set_pending_totp(soci::session& sql, std::int64_t user_id, const std::string& secret,
                      const std::string& now);
// Makes `secret` the account's confirmed secret; `step` is the code that confirmed it (none
// when an operator sets it, as the demo does).
void confirm_totp(soci::session& sql, std::int64_t user_id, const std::string& secret,
                  std::optional<std::int64_t> step, const std::string& now);
void record_totp_step(soci::session& sql, std::int64_t user_id, std::int64_t step,
                      const std::string& now);
void delete_totp(soci::session& sql, std::int64_t user_id);

}  // namespace binome::store
