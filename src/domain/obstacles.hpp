// The closed lists of obstacles ("freins"): the seven peripheral obstacles of the fiche de
// liaison (domain.md § 8), and the social and professional criteria of eligibility (seed 002,
// art. 2 b). Codes are stable identifiers; labels are what users read.
#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace binome::domain {

struct Labelled {
  std::string_view code;
  std::string_view label;
};

// In the order of the fiche's checkboxes.
inline constexpr std::array<Labelled, 7> kPeripheralObstacles{{
    {"difficultes_financieres", "Faire face à des difficultés financières"},
    {"logement", "Faire face à des difficultés de logement"},
    {"sante", "Prendre en compte son état de santé"},
    {"administratif_juridique", "Faire face à des difficultés administratives ou juridiques"},
    {"contraintes_familiales", "Surmonter des contraintes familiales"},
    {"insertion_communication", "Développer ses capacités d'insertion et de communication"},
    {"transport", "Accéder à un moyen de transport"},
}};

// Social criteria of eligibility (seed 002, art. 2 b).
inline constexpr std::array<Labelled, 6> kSocialCriteria{{
    {"sante", "Santé"},
    {"precarite_financiere", "Précarité financière"},
    {"logement", "Logement"},
    {"administratif_juridique", "Difficultés administratives ou juridiques"},
    {"contraintes_familiales", "Contraintes familiales"},
    {"isolement", "Isolement"},
}};

// Professional criteria of eligibility (seed 002, art. 2 b).
inline constexpr std::array<Labelled, 5> kProfessionalCriteria{{
    {"projet_a_definir", "Projet professionnel à définir"},
    {"absence_qualification", "Absence de qualification"},
    {"manque_experience", "Manque d'expérience"},
    {"mobilite", "Mobilité"},
    {"eloignement_emploi",
     "Éloignement important de l'emploi ou risque de chômage de longue durée"},
}};

template <std::size_t N>
std::optional<std::string_view> label_of(const std::array<Labelled, N>& list,
                                         std::string_view code) {
  for (const auto& item : list)
    if (item.code == code) return item.label;
  return std::nullopt;
}

}  // namespace binome::domain
