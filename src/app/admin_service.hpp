// Accounts and organisations, kept by the admin role (and by operators from the CLI).
// No person data passes through here.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/errors.hpp"
#include "store/orgs_repo.hpp"
#include "store/users_repo.hpp"

namespace binome::app {

struct NewUserInput {
  std::string login, display_name, role, password;
  std::int64_t organisation_id = 0;
  std::optional<std::string> function_title, phone, email;
};

struct NewOrganisationInput {
  std::string name, kind, departement;
  std::optional<std::int64_t> territory_id, parent_id;
  std::optional<std::string> contract_start, contract_end;
};

struct UserStatus {
  store::UserRow user;
  bool locked = false;
};

// Password rule after the CNIL recommendation (délibération 2022-100): at least 12 characters
// mixing at least three of lower case, upper case, digits and other characters.
domain::FieldErrors check_password_strength(const std::string& password);

// The actor used by operator commands run on the server itself.
domain::Actor operator_actor();

class AdminService {
 public:
  explicit AdminService(Context& ctx) : ctx_(ctx) {}
  std::vector<UserStatus> users(const domain::Actor& actor, const Origin& origin);
  store::UserRow create_user(const domain::Actor& actor, const NewUserInput& in,
                             const Origin& origin);
  void unlock_user(const domain::Actor& actor, std::int64_t user_id, const Origin& origin);
  void set_password(const domain::Actor& actor, std::int64_t user_id, const std::string& password,
                    const Origin& origin);
  std::vector<store::OrganisationRow> organisations(const domain::Actor& actor);
  store::OrganisationRow create_organisation(const domain::Actor& actor,
                                             const NewOrganisationInput& in, const Origin& origin);
  std::vector<store::TerritoryRow> territories();
  // The referential a new installation starts from: départements (INSEE code) and their
  // territories.
  void create_departement(const domain::Actor& actor, const std::string& code,
                          const std::string& name, const Origin& origin);
  store::TerritoryRow create_territory(const domain::Actor& actor, const std::string& departement,
                                       const std::string& name, const Origin& origin);
  std::vector<std::pair<std::string, std::string>> departements();

 private:
  void require_admin(const domain::Actor& actor, const Origin& origin);
  Context& ctx_;
};

}  // namespace binome::app
