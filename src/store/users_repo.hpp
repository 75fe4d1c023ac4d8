// Accounts of the people who use binome, with their organisation and login state.
#pragma once
#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/scope.hpp"
#include "store/database.hpp"
#include "store/sessions_repo.hpp"

namespace binome::store {

struct UserRow {
  std::int64_t id = 0;
  std::string login;
  std::string display_name;
  std::string role;
  std::int64_t org_id = 0;
  std::string org_name;
  std::string org_kind;
  std::optional<std::int64_t> org_territory_id;
  std::string org_departement;
  std::optional<std::string> function_title, phone, email;
  std::string password_hash;
  bool active = true;
};

std::optional<UserRow> find_user_by_login(soci::session& sql, const std::string& login);
std::optional<UserRow> find_user_by_id(soci::session& sql, std::int64_t id);

// A login session and its user, in one query: every authenticated request reads both.
struct SessionUser {
  SessionRow session;
  UserRow user;
};
// The display names of these users, in one query.
std::map<std::int64_t, std::string> display_names_of(soci::session& sql, Dialect dialect,
                                                     const std::vector<std::int64_t>& ids);
std::optional<SessionUser> find_session_user(soci::session& sql, const std::string& token_hash);
std::vector<UserRow> list_users(soci::session& sql);
// Active users of a role in a département (to choose a referent).
std::vector<UserRow> users_with_role(soci::session& sql, const std::string& role,
                                     const std::string& departement);

struct NewUser {
  std::string login, display_name, role;
  std::int64_t org_id = 0;
  std::optional<std::string> function_title, phone, email;
  std::string password_hash;
};
std::int64_t insert_user(soci::session& sql, const NewUser& user, const std::string& now);
void set_password_hash(soci::session& sql, std::int64_t user_id, const std::string& hash);

domain::Actor to_actor(const UserRow& user);

}  // namespace binome::store
