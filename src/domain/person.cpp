#include "domain/person.hpp"

#include <algorithm>
#include <cctype>

#include "domain/text.hpp"
#include "domain/time.hpp"

namespace binome::domain {
namespace {

void require_text(FieldErrors& errors, const std::string& field, const std::string& value,
                  const char* label, std::size_t max_len) {
  if (value.empty())
    errors.push_back(
        {field, "obligatoire", std::string("Le champ « ") + label + " » est obligatoire."});
  else if (value.size() > max_len || !is_clean_utf8(value))
    errors.push_back({field, "invalide",
                      std::string("Le champ « ") + label +
                          " » est trop long ou contient des caractères interdits."});
}

bool all_digits(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

FieldErrors validate(const PersonIdentity& p, const Date& today) {
  FieldErrors errors;
  require_text(errors, "last_name", p.last_name, "Nom", 100);
  require_text(errors, "first_name", p.first_name, "Prénom", 100);
  auto birth = parse_date(p.birth_date);
  if (!birth)
    errors.push_back(
        {"birth_date", "invalide", "La date de naissance doit être une date valide (AAAA-MM-JJ)."});
  else if (std::chrono::sys_days{*birth} >= std::chrono::sys_days{today})
    errors.push_back({"birth_date", "future", "La date de naissance doit être dans le passé."});
  require_text(errors, "street", p.street, "Adresse", 200);
  if (p.postal_code.size() != 5 || !all_digits(p.postal_code))
    errors.push_back({"postal_code", "invalide", "Le code postal doit comporter 5 chiffres."});
  require_text(errors, "commune", p.commune, "Commune", 100);
  if (p.phone && (p.phone->size() > 20 || !is_clean_utf8(*p.phone)))
    errors.push_back({"phone", "invalide", "Le numéro de téléphone est invalide."});
  if (p.email && !p.consent_electronic)
    errors.push_back({"email", "sans_consentement",
                      "Le courriel ne peut être enregistré qu'avec le consentement de la personne "
                      "aux échanges électroniques."});
  if (p.email && (p.email->find('@') == std::string::npos || p.email->size() > 200 ||
                  !is_clean_utf8(*p.email)))
    errors.push_back({"email", "invalide", "L'adresse de courriel est invalide."});
  if (p.ft_id && (p.ft_id->empty() || p.ft_id->size() > 11 || !is_clean_utf8(*p.ft_id)))
    errors.push_back({"ft_id", "invalide", "L'identifiant France Travail est invalide."});
  if (p.caf_id && (p.caf_id->empty() || p.caf_id->size() > 15 || !all_digits(*p.caf_id)))
    errors.push_back(
        {"caf_id", "invalide", "Le numéro d'allocataire CAF doit être composé de chiffres."});
  if (p.dependent_children < 0 || p.dependent_children > 30)
    errors.push_back(
        {"dependent_children", "invalide", "Le nombre d'enfants à charge est invalide."});
  return errors;
}

}  // namespace binome::domain
