// The person, limited to the identity part of the fiche de liaison (domain.md § 8): no other
// field, no free text, no economic or financial information.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "domain/errors.hpp"
#include "domain/scope.hpp"
#include "domain/time.hpp"

namespace binome::domain {

enum class FamilySituation { seul, en_couple };

struct PersonIdentity {
  std::string last_name;
  std::string first_name;
  std::string birth_date;  // YYYY-MM-DD
  std::string street;
  std::string postal_code;
  std::string commune;
  std::optional<std::string> phone;
  // Kept only while the person consents to electronic exchanges.
  std::optional<std::string> email;
  bool consent_electronic = false;
  std::optional<std::string> ft_id;   // identifiant France Travail
  std::optional<std::string> caf_id;  // numéro d'allocataire CAF
  bool brsa = false;
  bool rqth = false;
  FamilySituation family_situation = FamilySituation::seul;
  int dependent_children = 0;
};

struct Person {
  std::int64_t id = 0;
  PersonIdentity identity;
  PersonScope scope;
};

// Every problem of the identity at once; today is the date the birth date is checked against.
FieldErrors validate(const PersonIdentity& identity, const Date& today);

}  // namespace binome::domain
