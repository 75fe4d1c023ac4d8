// Code lists of Annexe 4 of seed 003 that the rules check (R9) and the import labels.
#pragma once
#include <optional>
#include <string_view>

namespace binome::flows {

// Label of a motif de cessation d'inscription (two digits), nullopt for an unknown code.
std::optional<std::string_view> cessation_label(std::string_view code);
// Motif 46: change of France Travail site, which changes code-pe and identifiant-pe.
inline constexpr std::string_view kMotifChangementSite = "46";

}  // namespace binome::flows
