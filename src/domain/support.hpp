// Axe 2, the support itself (seed 002 art. 2 f–g, seed 003 art. 2.2 c–d, seed 004 annexe 1):
// entry with an initial duration, a review at the end of each period, renewals by the
// convention's steps never beyond its maximum, a bilan before every renewal and exit, an
// exit with its outcome, and the in-work follow-up after a job start.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "domain/convention_profile.hpp"
#include "domain/obstacles.hpp"
#include "domain/time.hpp"

namespace binome::domain {

inline constexpr std::array<Labelled, 3> kBilanResults{{
    {"objectif_atteint", "Objectif atteint"},
    {"objectif_partiellement_atteint", "Objectif partiellement atteint"},
    {"objectif_non_atteint", "Objectif non atteint"},
}};

// Exit outcomes (seed 004, annexe 1, and the list).
inline constexpr std::array<Labelled, 10> kExitOutcomes{{
    {"emploi_cdi", "Emploi CDI"},
    {"emploi_cdd_plus_6", "Emploi CDD/CTT de plus de 6 mois"},
    {"emploi_cdd_moins_6", "Emploi CDD/CTT de moins de 6 mois"},
    {"creation_entreprise", "Création ou reprise d'entreprise"},
    {"autre_sortie", "Autre sortie"},
    {"service_civique", "Service civique"},
    {"autres_suivis_ft", "Autres suivis France Travail"},
    {"retrait_marche", "Retrait du marché du travail"},
    {"orientation_axe3", "Orientation vers l'axe 3"},
    {"reorientation_referent", "Réorientation vers un autre référent"},
}};
// Outcomes that start the in-work follow-up.
bool is_job_start(std::string_view outcome);

enum class SupportState { en_cours, suivi_emploi, termine };
std::string_view to_string(SupportState s);
std::string_view label_fr(SupportState s);
std::optional<SupportState> parse_support_state(std::string_view text);

struct SupportFacts {
  std::string start_date;  // YYYY-MM-DD
  int total_months = 0;    // initial duration plus renewals
  int renewals = 0;
  bool bilan_since_period_start = false;
  SupportState state = SupportState::en_cours;
};

// The date the current period ends, when its review is due.
Date period_end(const SupportFacts& facts);
// Adds months, clamped to the month's last day (31 January + 1 month = end of February).
Date plus_months(const Date& d, int months);

// Entry: the initial duration must be one the convention allows.
FieldErrors check_entry(int initial_months, const std::string& start_date,
                        const std::string& oriented_on, const ConventionRules& rules,
                        const std::string& convention);
// Renewal by `months`: a step of the convention, within its number of renewals and its
// maximum total, after a bilan. Every failure names the rule and the convention.
FieldErrors check_renewal(const SupportFacts& facts, int months, const ConventionRules& rules,
                          const std::string& convention);
FieldErrors check_exit(const SupportFacts& facts, const std::string& outcome,
                       const std::string& exit_date);

}  // namespace binome::domain
