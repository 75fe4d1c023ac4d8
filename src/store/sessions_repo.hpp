// Login sessions live in the database, so any binome instance behind a load balancer can
// serve any request. Only the token's SHA-256 is stored.
#pragma once
#include <soci/soci.h>

#include <optional>
#include <string>

namespace binome::store {

struct SessionRow {
  std::string token_hash;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::string created_at, last_seen_at, expires_at, client_ip;
};

void insert_session(soci::session& sql, const SessionRow& s);
std::optional<SessionRow> find_session(soci::session& sql, const std::string& token_hash);
void touch_session(soci::session& sql, const std::string& token_hash, const std::string& now);
void delete_session(soci::session& sql, const std::string& token_hash);
// Removes sessions that ended before `idle_before` (last seen) or `now` (absolute expiry).
int delete_stale_sessions(soci::session& sql, const std::string& idle_before,
                          const std::string& now);

}  // namespace binome::store
