// Axe 3, the social-only support (domain.md § 5; seed 001 for 77, seed 002 art. 2 g for 62):
// asked by the binôme, started once validated by the authority the convention names, the
// France Travail support suspended meanwhile, renewed within the convention's limits, each
// period ending with the counsellor's re-examination; in 77 a yearly quota per service.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "domain/convention_profile.hpp"
#include "domain/errors.hpp"
#include "domain/obstacles.hpp"
#include "domain/scope.hpp"

namespace binome::domain {

enum class Axe3State { a_valider, en_cours, refuse, termine };
std::string_view to_string(Axe3State s);
std::string_view label_fr(Axe3State s);
std::optional<Axe3State> parse_axe3_state(std::string_view text);

// How an axe 3 support ends (the counsellor's re-examination or an early end).
inline constexpr std::array<Labelled, 4> kAxe3EndReasons{{
    {"retour_axe2", "Retour vers l'accompagnement global (axe 2)"},
    {"retour_accompagnement_ft", "Reprise de l'accompagnement France Travail"},
    {"duree_maximale", "Durée maximale atteinte"},
    {"autre_fin", "Autre fin d'accompagnement"},
}};

struct Axe3Facts {
  std::string start_date;  // YYYY-MM-DD, once started
  int total_months = 0;
  int renewals = 0;
  Axe3State state = Axe3State::a_valider;
};

// The date of the counsellor's re-examination: the end of the current period.
Date axe3_period_end(const Axe3Facts& facts);

// Who may validate the start: the role the convention names. "coordinateur_departement" is the
// Président du Conseil départemental's representative: a coordinateur of a Département
// organisation; "referent_social" lets the social referent start it alone.
bool may_validate_axe3(const Actor& actor, const Axe3Rules& rules);

FieldErrors check_axe3_request(const std::string& planned_start);
FieldErrors check_axe3_renewal(const Axe3Facts& facts, const Axe3Rules& rules,
                               const std::string& convention);
FieldErrors check_axe3_end(const Axe3Facts& facts, const std::string& reason,
                           const std::string& end_date);

// The yearly quotas of the convention (77: 24 per service, 336 in all). Empty when the start
// fits; otherwise the refusal, naming the rule and the convention.
std::optional<std::string> axe3_quota_refusal(int started_this_year_in_service,
                                              int started_this_year_in_all, const Axe3Rules& rules,
                                              const std::string& convention);

}  // namespace binome::domain
