#include "store/users_repo.hpp"

#include "domain/time.hpp"
#include "store/rows.hpp"

namespace binome::store {
namespace {

constexpr const char* kColumns =
    "SELECT u.id, u.login, u.display_name, u.role, u.organisation_id, o.name, o.kind, "
    "o.territory_id, o.departement, u.function_title, u.phone, u.email, u.password_hash, "
    "u.active";
constexpr const char* kFrom = " FROM users u JOIN organisations o ON o.id = u.organisation_id";
const std::string kSelect = std::string(kColumns) + kFrom;

UserRow to_user(const soci::row& r) {
  UserRow u;
  u.id = i64(r, 0);
  u.login = str(r, 1);
  u.display_name = str(r, 2);
  u.role = str(r, 3);
  u.org_id = i64(r, 4);
  u.org_name = str(r, 5);
  u.org_kind = str(r, 6);
  u.org_territory_id = opt_i64(r, 7);
  u.org_departement = str(r, 8);
  u.function_title = opt_str(r, 9);
  u.phone = opt_str(r, 10);
  u.email = opt_str(r, 11);
  u.password_hash = str(r, 12);
  u.active = flag(r, 13);
  return u;
}

template <class T>
std::optional<UserRow> find_one(soci::session& sql, const std::string& where, const T& value) {
  std::optional<UserRow> out;
  for_each_row_once(
      sql, kSelect + where, [&](const soci::row& r) { out = to_user(r); }, soci::use(value));
  return out;
}

}  // namespace

std::optional<UserRow> find_user_by_login(soci::session& sql, const std::string& login) {
  return find_one(sql, " WHERE u.login = :login", login);
}

std::optional<UserRow> find_user_by_id(soci::session& sql, std::int64_t id) {
  const long long v = id;
  return find_one(sql, " WHERE u.id = :id", v);
}

std::map<std::int64_t, std::string> display_names_of(soci::session& sql, Dialect dialect,
                                                     const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, std::string> out;
  if (ids.empty()) return out;
  auto text = ids_text(dialect, ids);
  for_each_row_once(
      sql, "SELECT u.id, u.display_name FROM users u WHERE u.id" + in_ids(dialect),
      [&](const soci::row& r) { out[i64(r, 0)] = str(r, 1); }, soci::use(text, "ids"));
  return out;
}

std::optional<SessionUser> find_session_user(soci::session& sql, const std::string& token_hash) {
  // Typed intos rather than a soci::row: every authenticated request runs this query, and a
  // row describes its 19 columns anew (names, types, holders) at each execution: 7 % of the
  // CPU of a person's page call (perf, docs/PERFORMANCE.md).
  SessionUser out;
  UserRow& u = out.user;
  SessionRow& s = out.session;
  long long id = 0, org_id = 0, territory = 0, active = 0;
  soci::indicator territory_ind = soci::i_ok, function_ind = soci::i_ok, phone_ind = soci::i_ok,
                  email_ind = soci::i_ok;
  std::string function_title, phone, email;
  sql << std::string(kColumns) +
             ", s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, s.client_ip" + kFrom +
             " JOIN sessions s ON s.user_id = u.id WHERE s.token_hash = :t",
      soci::use(token_hash), soci::into(id), soci::into(u.login), soci::into(u.display_name),
      soci::into(u.role), soci::into(org_id), soci::into(u.org_name), soci::into(u.org_kind),
      soci::into(territory, territory_ind), soci::into(u.org_departement),
      soci::into(function_title, function_ind), soci::into(phone, phone_ind),
      soci::into(email, email_ind), soci::into(u.password_hash), soci::into(active),
      soci::into(s.csrf_token), soci::into(s.created_at), soci::into(s.last_seen_at),
      soci::into(s.expires_at), soci::into(s.client_ip);
  if (!sql.got_data()) return std::nullopt;
  u.id = id;
  u.org_id = org_id;
  if (territory_ind == soci::i_ok) u.org_territory_id = territory;
  if (function_ind == soci::i_ok) u.function_title = function_title;
  if (phone_ind == soci::i_ok) u.phone = phone;
  if (email_ind == soci::i_ok) u.email = email;
  u.active = active != 0;
  s.token_hash = token_hash;
  s.user_id = id;
  return out;
}

std::vector<UserRow> list_users(soci::session& sql) {
  std::vector<UserRow> out;
  soci::rowset<soci::row> rs = (sql.prepare << std::string(kSelect) + " ORDER BY u.login");
  for (const auto& r : rs) out.push_back(to_user(r));
  return out;
}

std::vector<UserRow> users_with_role(soci::session& sql, const std::string& role,
                                     const std::string& departement) {
  std::vector<UserRow> out;
  soci::rowset<soci::row> rs =
      (sql.prepare << std::string(kSelect) +
                          " WHERE u.role = :r AND o.departement = :d AND u.active = 1 ORDER BY "
                          "u.display_name",
       soci::use(role), soci::use(departement));
  for (const auto& r : rs) out.push_back(to_user(r));
  return out;
}

std::int64_t insert_user(soci::session& sql, const NewUser& u, const std::string& now) {
  long long id = 0;
  long long org = u.org_id;
  auto fn = Nullable::of(u.function_title), phone = Nullable::of(u.phone),
       email = Nullable::of(u.email);
  sql << "INSERT INTO users (login, display_name, role, organisation_id, function_title, phone, "
         "email, password_hash, created_at) VALUES (:login, :name, :role, :org, :fn, :phone, "
         ":email, :hash, :now) RETURNING id",
      soci::use(u.login), soci::use(u.display_name), soci::use(u.role), soci::use(org),
      soci::use(fn.text, fn.ind), soci::use(phone.text, phone.ind),
      soci::use(email.text, email.ind), soci::use(u.password_hash), soci::use(now), soci::into(id);
  return id;
}

void set_password_hash(soci::session& sql, std::int64_t user_id, const std::string& hash) {
  long long id = user_id;
  sql << "UPDATE users SET password_hash = :hash WHERE id = :id", soci::use(hash), soci::use(id);
}

domain::Actor to_actor(const UserRow& u) {
  domain::Actor a;
  a.user_id = u.id;
  a.login = u.login;
  a.role = domain::parse_role(u.role).value_or(domain::Role::pilotage);
  a.org_id = u.org_id;
  a.org_kind = domain::parse_org_kind(u.org_kind).value_or(domain::OrgKind::departement);
  a.territory_id = u.org_territory_id;
  a.departement = u.org_departement;
  return a;
}

}  // namespace binome::store
