#include "domain/committee.hpp"

#include <algorithm>
#include <regex>

#include "domain/time.hpp"

namespace binome::domain {

std::vector<std::string> personal_data_hints(std::string_view text) {
  const std::string s(text);
  std::vector<std::string> out;
  static const std::regex email(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})");
  static const std::regex phone(R"((\+33 ?|0)[1-9]([ .-]?[0-9]{2}){4})");
  static const std::regex digits(R"([0-9]{7,})");
  static const std::regex birth(R"(\b[0-3][0-9]/[01][0-9]/(19|20)[0-9]{2}\b)");
  static const std::regex nir(
      R"(\b[12] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{3} ?[0-9]{3}( ?[0-9]{2})?\b)");
  if (std::regex_search(s, email)) out.push_back("une adresse électronique");
  if (std::regex_search(s, phone)) out.push_back("un numéro de téléphone");
  if (std::regex_search(s, nir))
    out.push_back("un numéro de sécurité sociale");
  else if (std::regex_search(s, digits))
    out.push_back("un identifiant (suite de 7 chiffres ou plus)");
  if (std::regex_search(s, birth)) out.push_back("une date qui ressemble à une date de naissance");
  return out;
}

FieldErrors check_committee(const std::string& kind, const std::string& held_on,
                            const std::vector<std::string>& points) {
  FieldErrors errors;
  if (std::none_of(kCommitteeKinds.begin(), kCommitteeKinds.end(),
                   [&](const auto& k) { return k.code == kind; }))
    errors.push_back({"kind", "inconnu",
                      "Le comité est un COPIL, un comité opérationnel ou une cellule locale."});
  if (!parse_date(held_on))
    errors.push_back({"held_on", "date_invalide", "Date attendue au format AAAA-MM-JJ."});
  if (points.empty())
    errors.push_back({"agenda", "obligatoire", "L'ordre du jour compte au moins un point."});
  for (const auto& p : points)
    if (std::none_of(kCommitteePoints.begin(), kCommitteePoints.end(),
                     [&](const auto& k) { return k.code == p; })) {
      errors.push_back({"agenda", "inconnu", "Point d'ordre du jour inconnu : " + p + "."});
      break;
    }
  return errors;
}

}  // namespace binome::domain
