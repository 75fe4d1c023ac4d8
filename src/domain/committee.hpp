// Committees of the accompagnement global (seeds 000, 002, 003): COPIL, comité opérationnel,
// local cells, with their attendees by role and organisation, an agenda from a closed list,
// the indicator pack generated for the meeting, and a « relevé de conclusions » — the only
// free text of binome, which must hold no personal data.
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "domain/errors.hpp"
#include "domain/obstacles.hpp"

namespace binome::domain {

inline constexpr std::array<Labelled, 3> kCommitteeKinds{{
    {"copil", "Comité de pilotage (COPIL)"},
    {"comite_operationnel", "Comité opérationnel"},
    {"cellule_locale", "Cellule locale"},
}};

inline constexpr std::array<Labelled, 6> kCommitteePoints{{
    {"indicateurs", "Bilan des indicateurs de la période"},
    {"objectifs", "Suivi des objectifs de la convention"},
    {"revues_portefeuille", "Retour des revues de portefeuille"},
    {"axe3_quotas", "Accompagnement social exclusif et quotas"},
    {"fse", "Fonds social européen : listes et rapport d'exécution"},
    {"questions_diverses", "Questions diverses"},
}};

inline constexpr std::size_t kConclusionsMaxLength = 8000;

// What in a « relevé de conclusions » looks like personal data: an e-mail address, a phone
// number, a social security number (NIR), a France Travail or CAF identifier (a run of 7 or
// more digits), a date of birth (DD/MM/YYYY). Each hint is a French message; empty: none found.
std::vector<std::string> personal_data_hints(std::string_view text);

// The committee's fields, all problems at once.
FieldErrors check_committee(const std::string& kind, const std::string& held_on,
                            const std::vector<std::string>& points);

}  // namespace binome::domain
