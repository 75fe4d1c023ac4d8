#include "store/login_throttle_repo.hpp"

#include "security/tokens.hpp"
#include "store/rows.hpp"

namespace binome::store {
namespace {

std::optional<domain::Timestamp> opt_ts(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return domain::parse_iso(*text);
}

Nullable ts_or_null(const std::optional<domain::Timestamp>& t) {
  return Nullable::of(t ? std::optional<std::string>(domain::to_iso(*t)) : std::nullopt);
}

domain::LoginState read_with(soci::session& sql, const std::string& query, const std::string& key) {
  soci::rowset<soci::row> rs = (sql.prepare << query, soci::use(key));
  domain::LoginState state;
  for (const auto& r : rs) {
    state.failed_count = static_cast<int>(i64(r, 0));
    state.next_attempt_at = opt_ts(opt_str(r, 1));
    state.locked_until = opt_ts(opt_str(r, 2));
  }
  return state;
}

constexpr const char* kSelect =
    "SELECT failed_count, next_attempt_at, locked_until FROM login_throttle WHERE login_key = :k";

}  // namespace

std::string login_key(const std::string& login) {
  std::string lower = login;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return security::sha256_hex(lower);
}

domain::LoginState read_login_state(soci::session& sql, const std::string& key) {
  return read_with(sql, kSelect, key);
}

domain::LoginState lock_login_state(soci::session& sql, Dialect dialect, const std::string& key,
                                    const std::string& now) {
  sql << "INSERT INTO login_throttle (login_key, failed_count, updated_at) VALUES (:k, 0, :now) "
         "ON CONFLICT (login_key) DO NOTHING",
      soci::use(key), soci::use(now);
  return read_with(sql, std::string(kSelect) + (dialect == Dialect::postgres ? " FOR UPDATE" : ""),
                   key);
}

void save_login_state(soci::session& sql, const std::string& key, const domain::LoginState& s,
                      const std::string& now) {
  int failed = s.failed_count;
  auto next = ts_or_null(s.next_attempt_at), locked = ts_or_null(s.locked_until);
  sql << "UPDATE login_throttle SET failed_count = :f, next_attempt_at = :n, locked_until = :l, "
         "updated_at = :now WHERE login_key = :k",
      soci::use(failed), soci::use(next.text, next.ind), soci::use(locked.text, locked.ind),
      soci::use(now), soci::use(key);
}

void clear_login_state(soci::session& sql, const std::string& key) {
  sql << "DELETE FROM login_throttle WHERE login_key = :k", soci::use(key);
}

std::vector<std::string> locked_keys(soci::session& sql, const std::string& now) {
  std::vector<std::string> out;
  soci::rowset<soci::row> rs =
      (sql.prepare << "SELECT login_key FROM login_throttle WHERE locked_until > :now",
       soci::use(now));
  for (const auto& r : rs) out.push_back(str(r, 0));
  return out;
}

int delete_stale_login_states(soci::session& sql, const std::string& before,
                              const std::string& now) {
  soci::statement st =
      (sql.prepare << "DELETE FROM login_throttle WHERE updated_at < :before AND (locked_until IS "
                      "NULL OR locked_until < :now)",
       soci::use(before), soci::use(now));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

}  // namespace binome::store
