// Storage of persons. Listing is filtered by the caller's Reach in SQL, the same rule the
// domain applies to a single person.
#pragma once
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "domain/person.hpp"
#include "domain/scope.hpp"

namespace binome::store {

struct NamedRef {
  std::int64_t id = 0;
  std::string name;
  std::string organisation;  // for referents: their organisation's name
};

struct PersonRecord {
  domain::Person person;
  std::optional<NamedRef> territory, agence, conseiller, referent_social;
};

struct PersonSummary {
  std::int64_t id = 0;
  std::string last_name, first_name, birth_date, commune;
  bool brsa = false;
  NamedRef territory;
};

std::int64_t insert_person(soci::session& sql, const domain::Person& person,
                           const std::string& now);
// A person restricted (RGPD art. 18) or anonymised is not found: no service processes it.
std::optional<PersonRecord> find_person(soci::session& sql, std::int64_t id);
// The consent to electronic exchanges; without it the e-mail address is not kept.
void set_electronic_consent(soci::session& sql, std::int64_t id, bool consent,
                            const std::string& now);

struct PersonListPage {
  std::vector<PersonSummary> items;
  std::int64_t total = 0;
};
// search: text already folded by domain::fold_for_search; empty for all.
PersonListPage list_persons(soci::session& sql, const domain::Reach& reach,
                            const std::string& search, int limit, int offset);

}  // namespace binome::store
