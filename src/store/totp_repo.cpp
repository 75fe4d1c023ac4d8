#include "store/totp_repo.hpp"

#include <tuple>
#include <vector>

#include "store/rows.hpp"

namespace binome::store {
namespace {

constexpr const char* kSelect =
    "SELECT secret, pending_secret, last_step, enrolled_at, secret_sealed, pending_sealed "
    "FROM user_totp WHERE user_id = :u";

std::optional<TotpRow> select_one(soci::session& sql, const std::string& query,
                                  std::int64_t user_id) {
  std::optional<TotpRow> out;
  for_each_row(sql, query, user_id, [&](const soci::row& r) {
    out = TotpRow{opt_str(r, 0), opt_str(r, 1), opt_i64(r, 2),
                  opt_str(r, 3), opt_str(r, 4), opt_str(r, 5)};
  });
  return out;
}

void ensure_row(soci::session& sql, std::int64_t user_id, const std::string& now) {
  const long long u = user_id;
  sql << "INSERT INTO user_totp (user_id, updated_at) VALUES (:u, :n) ON CONFLICT (user_id) DO "
         "NOTHING",
      soci::use(u), soci::use(now);
}

long long count_where(soci::session& sql, const char* condition) {
  long long n = 0;
  sql << std::string("SELECT COUNT(*) FROM user_totp WHERE ") + condition, soci::into(n);
  return n;
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

void set_pending_totp(soci::session& sql, std::int64_t user_id, const std::string& sealed,
                      const std::string& now) {
  ensure_row(sql, user_id, now);
  const long long u = user_id;
  sql << "UPDATE user_totp SET pending_sealed = :s, pending_secret = NULL, updated_at = :n "
         "WHERE user_id = :u",
      soci::use(sealed), soci::use(now), soci::use(u);
}

void confirm_totp(soci::session& sql, std::int64_t user_id, const std::string& sealed,
                  std::optional<std::int64_t> step, const std::string& now) {
  ensure_row(sql, user_id, now);
  const long long u = user_id;
  auto st = Nullable::of(step);
  sql << "UPDATE user_totp SET secret_sealed = :s, secret = NULL, pending_sealed = NULL, "
         "pending_secret = NULL, last_step = :st, enrolled_at = :n, updated_at = :n2 "
         "WHERE user_id = :u",
      soci::use(sealed), soci::use(st.number, st.ind), soci::use(now), soci::use(now), soci::use(u);
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

long long clear_totp_count(soci::session& sql) {
  return count_where(sql, "secret IS NOT NULL OR pending_secret IS NOT NULL");
}

long long sealed_totp_count(soci::session& sql) {
  return count_where(sql, "secret_sealed IS NOT NULL OR pending_sealed IS NOT NULL");
}

long long seal_clear_totp_secrets(soci::session& sql, const security::NirKeys& keys) {
  std::vector<std::tuple<long long, std::optional<std::string>, std::optional<std::string>>> rows;
  for_each_row(sql,
               "SELECT user_id, secret, pending_secret FROM user_totp WHERE secret IS NOT NULL "
               "OR pending_secret IS NOT NULL",
               std::nullopt, [&](const soci::row& r) {
                 rows.emplace_back(i64(r, 0), opt_str(r, 1), opt_str(r, 2));
               });
  for (const auto& [user, secret, pending] : rows) {
    if (secret) {
      const auto sealed = keys.seal_totp_secret(*secret, user);
      sql << "UPDATE user_totp SET secret_sealed = :s, secret = NULL WHERE user_id = :u",
          soci::use(sealed), soci::use(user);
    }
    if (pending) {
      const auto sealed = keys.seal_totp_secret(*pending, user);
      sql << "UPDATE user_totp SET pending_sealed = :s, pending_secret = NULL WHERE user_id = :u",
          soci::use(sealed), soci::use(user);
    }
  }
  return static_cast<long long>(rows.size());
}

}  // namespace binome::store
