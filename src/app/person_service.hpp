// Reading persons: the scope check and the audit record happen here, in one transaction with
// the read, for the API and the CLI alike.
#pragma once
#include "app/context.hpp"
#include "store/persons_repo.hpp"
#include "store/users_repo.hpp"

namespace binome::app {

struct PersonQuery {
  std::string search;  // as typed by the user
  int page = 1;
  int per_page = 20;
};

class PersonService {
 public:
  explicit PersonService(Context& ctx) : ctx_(ctx) {}
  // Throws DomainError forbidden for roles that never see named persons (audited).
  store::PersonListPage list(const domain::Actor& actor, const PersonQuery& query,
                             const Origin& origin);
  // Creates the identity part of a fiche de liaison. The caller becomes the referent of their
  // own side; a coordinateur names both referents.
  struct NewPerson {
    domain::PersonIdentity identity;
    std::optional<std::int64_t> conseiller_id, referent_social_id;
  };
  store::PersonRecord create(const domain::Actor& actor, const NewPerson& input,
                             const Origin& origin);
  std::vector<store::UserRow> referents(const domain::Actor& actor, const std::string& role);
  // Throws not_found, or forbidden when the person is outside the caller's scope (audited).
  store::PersonRecord get(const domain::Actor& actor, std::int64_t id, const Origin& origin);

 private:
  Context& ctx_;
};

}  // namespace binome::app
