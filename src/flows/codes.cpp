#include "flows/codes.hpp"

#include <array>
#include <utility>

namespace binome::flows {

std::optional<std::string_view> cessation_label(std::string_view code) {
  // Seed 003, Annexe 4, "LIBELLE MOTIF CESSATION IDE".
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 36> kCodes{{
      {"11", "reprise d'emploi par ses propres moyens sur emploi durable à temps plein"},
      {"12", "reprise d'emploi par ses propres moyens sur emploi à temps partiel"},
      {"13", "reprise d'emploi par ses propres moyens sur emploi temporaire de - de 3 mois"},
      {"14", "reprise d'emploi par ses propres moyens sur emploi temporaire de + de 3 mois"},
      {"15", "reprise d'emploi par ses propres moyens sur emploi non précisé"},
      {"16", "création d'entreprise"},
      {"18", "entrée en CIE"},
      {"19", "entrée en contrat d'accompagnement dans l'emploi"},
      {"21", "reprise d'emploi par l'agence sur emploi durable à temps plein"},
      {"22", "reprise d'emploi par l'agence sur emploi à temps partiel"},
      {"23", "reprise d'emploi par l'agence sur emploi temporaire de - de 3 mois"},
      {"24", "reprise d'emploi par l'agence sur emploi temporaire de + de 3 mois"},
      {"25", "reprise d'emploi par l'agence sur emploi non précisé"},
      {"31", "entrée en stage par France Travail"},
      {"32", "entrée en stage par ses propres moyens"},
      {"33", "fin de convention de reclassement personnalisé"},
      {"34", "entrée en AREF"},
      {"36", "absence du lieu de résidence supérieure à 35 jours"},
      {"37", "fin de contrat de transition professionnelle"},
      {"38", "sortie anticipée du CTP"},
      {"39", "entrée CLCA"},
      {"41", "fin de stage ou de mesure"},
      {"42", "abandon de stage ou de mesure"},
      {"43", "fin de contrat de travail temporaire ou CDD (catégorie 5 uniquement)"},
      {"45", "maladie, maternité, accident du travail"},
      {"46", "changement site France Travail"},
      {"47", "titre de séjour non valide"},
      {"48", "retraite"},
      {"49", "autres cas"},
      {"71", "autres cas d'arrêt de recherche d'emploi"},
      {"72", "dispense de recherche d'emploi (tout décret)"},
      {"73", "décès"},
      {"80", "obtient le statut réfugié"},
      {"90", "absence au contrôle (non-réponse à DAM)"},
      {"95", "date de péremption atteinte (catégories 4 ou 5)"},
      {"98", "DSM irrecevable (non signée)"},
  }};
  if (code.empty()) return std::nullopt;
  for (const auto& [c, label] : kCodes)
    if (c == code) return label;
  return std::nullopt;
}

}  // namespace binome::flows
