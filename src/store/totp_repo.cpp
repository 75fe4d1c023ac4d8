#include "store/totp_repo.hpp"

#include "store/rows.hpp"

namespace binome::store {
namespace {

constexpr const char* kSelect =
    "SELECT secret, pending_secret, last_step, enrolled_at FROM user_totp WHERE user_id = :u";

std::optional<TotpRow> select_one(soci::session& sql, const std::string& query,
                                  std::int64_t user_id) {
  std::optional<TotpRow> out;
  for_each_row(sql, query, user_id, [&](const soci::row& r) {
    out = TotpRow{opt_str(r, 0), opt_str(r, 1), opt_i64(r, 2), opt_str(r, 3)};
  });
  return out;
}

void ensure_row(soci::session& sql, std::int64_t user_id, const std::string& now) {
  const long long u = user_id;
  sql << "INSERT INTO user_totp (user_id, updated_at) VALUES (:u, :n) ON CONFLICT (user_id) DO "
         "NOTHING",
      soci::use(u), soci::use(now);
}

}  // namespace

std::optional<TotpRow> find_totp(soci::session& sql, std::int64_t user_id) {
  return select_one(sql, kSelect, user_id);
}

std::optional<TotpRow> lock_totp(soci::session& sql, Dialect dialect, std::int64_t user_id) {
  // SQLite transactions already hold the write lock (BEGIN IMMEDIATE).
  return select_one(sql, std::string(kSelect) + (dialect == Dialect::postgres ? " FOR UPDATE" : ""),
                    user_id);
}

void set_pending_totp(soci::session& sql, std::int64_t user_id, const std::string& secret,
                      const std::string& now) {
  ensure_row(sql, user_id, now);
  const long long u = user_id;
  sql << "UPDATE user_totp SET pending_secret = :s, updated_at = :n WHERE user_id = :u",
      soci::use(secret), soci::use(now), soci::use(u);
}

void confirm_totp(soci::session& sql, std::int64_t user_id, const std::string& secret,
                  std::optional<std::int64_t> step, const std::string& now) {
  ensure_row(sql, user_id, now);
  const long long u = user_id;
  auto st = Nullable::of(step);
  sql << "UPDATE user_totp SET secret = :s, pending_secret = NULL, last_step = :st, "
         "enrolled_at = :n, updated_at = :n2 WHERE user_id = :u",
      soci::use(secret), soci::use(st.number, st.ind), soci::use(now), soci::use(now), soci::use(u);
}

void record_totp_step(soci::session& sql, std::int64_t user_id, std::int64_t step,
                      const std::string& now) {
  const long long u = user_id, s = step;
  sql << "UPDATE user_totp SET last_step = :s, updated_at = :n WHERE user_id = :u", soci::use(s),
      soci::use(now), soci::use(u);
}

void delete_totp(soci::session& sql, std::int64_t user_id) {
  const long long u = user_id;
  sql << "DELETE FROM user_totp WHERE user_id = :u", soci::use(u);
}

}  // namespace binome::store
