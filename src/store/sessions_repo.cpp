#include "store/sessions_repo.hpp"

#include "store/rows.hpp"

namespace binome::store {

void insert_session(soci::session& sql, const SessionRow& s) {
  long long uid = s.user_id;
  sql << "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, "
         "expires_at, client_ip) VALUES (:t, :u, :c, :cr, :ls, :ex, :ip)",
      soci::use(s.token_hash), soci::use(uid), soci::use(s.csrf_token), soci::use(s.created_at),
      soci::use(s.last_seen_at), soci::use(s.expires_at), soci::use(s.client_ip);
}

std::optional<SessionRow> find_session(soci::session& sql, const std::string& token_hash) {
  soci::rowset<soci::row> rs =
      (sql.prepare << "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at, "
                      "expires_at, client_ip FROM sessions WHERE token_hash = :t",
       soci::use(token_hash));
  for (const auto& r : rs) {
    SessionRow s;
    s.token_hash = str(r, 0);
    s.user_id = i64(r, 1);
    s.csrf_token = str(r, 2);
    s.created_at = str(r, 3);
    s.last_seen_at = str(r, 4);
    s.expires_at = str(r, 5);
    s.client_ip = str(r, 6);
    return s;
  }
  return std::nullopt;
}

void touch_session(soci::session& sql, const std::string& token_hash, const std::string& now) {
  sql << "UPDATE sessions SET last_seen_at = :now WHERE token_hash = :t", soci::use(now),
      soci::use(token_hash);
}

void delete_session(soci::session& sql, const std::string& token_hash) {
  sql << "DELETE FROM sessions WHERE token_hash = :t", soci::use(token_hash);
}

int delete_stale_sessions(soci::session& sql, const std::string& idle_before,
                          const std::string& now) {
  soci::statement st = (sql.prepare << "DELETE FROM sessions WHERE last_seen_at < :idle OR "
                                       "expires_at < :now",
                        soci::use(idle_before), soci::use(now));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

}  // namespace binome::store
