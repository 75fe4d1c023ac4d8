// A convention profile: every rule that differs between départements' conventions (domain.md
// § 11), as data. The code knows the kinds of rules, never a département's numbers. A profile
// has versions, each in force from a date: what happened on a date follows the version in
// force that day.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/errors.hpp"
#include "domain/time.hpp"

namespace binome::domain {

enum class DecisionMode {
  diagnostic_partage,
  accord_tacite,
  accord_bilateral,
  confiance_reciproque
};
std::optional<DecisionMode> parse_decision_mode(std::string_view text);
std::string_view to_string(DecisionMode mode);
std::string_view label_fr(DecisionMode mode);

// The publics for which a detector may use the accord tacite (seed 003, art. 2.2 b).
enum class TacitPublic {
  brsa_oriente_ft,     // BrSa already oriented to France Travail (detected by France Travail)
  nouvel_entrant_rsa,  // new RSA entrant awaiting orientation (detected by France Travail)
  de_non_brsa,         // job seeker not on RSA (detected by France Travail)
  metier_en_tension,   // job seeker seeking a métier en tension (detected by the Département)
};
std::optional<TacitPublic> parse_tacit_public(std::string_view text);
std::string_view to_string(TacitPublic p);
std::string_view label_fr(TacitPublic p);

struct Axe2Rules {
  std::vector<int> initial_months;      // durations one may choose at entry, e.g. {6} or {6, 12}
  std::vector<int> renewal_months;      // renewal steps, e.g. {6} or {6, 12}
  std::optional<int> max_renewals;      // e.g. 1 in 67; none when only the total is capped
  std::optional<int> max_total_months;  // 12 in 67, 18 in 62; none when not fixed (68)
  int review_months = 6;                // the "clause de réexamen"
  int in_work_followup_months = 2;      // suivi dans l'emploi
};

struct Axe3Rules {
  int duration_months = 6;
  int max_renewals = 0;
  std::optional<int> max_total_months;
  std::optional<int> quota_per_service_year;  // 24 per MDS in 77
  std::optional<int> quota_total_year;        // 336 in 77
  std::string validated_by;                   // who validates the start, e.g. "Président du CD"
  // The binome role that validates: "coordinateur_departement" (a coordinateur of a
  // Département organisation, for the Président du CD) or "referent_social".
  std::string validator = "coordinateur_departement";
};

struct RetentionRules {
  int fiche_years_after_convention_end = 10;   // FSE control period
  std::optional<int> application_data_months;  // 12 in 62's application convention
  std::optional<int> flow_data_months;         // 2 in 62's RSA flows convention
  int exchange_files_days = 90;
};

struct ConventionRules {
  std::vector<DecisionMode> decision_modes;
  std::vector<TacitPublic> tacit_publics;
  std::optional<int> entry_deadline_days;  // 21 in 62, 67, 68; none in 77
  int alert_days_before_deadline = 7;
  Axe2Rules axe2;
  std::optional<int> portfolio_min, portfolio_max;
  std::optional<int> brsa_share_target_pct;
  std::optional<int> new_entries_per_binome_year;
  Axe3Rules axe3;
  std::vector<std::string> metiers_en_tension;  // ROME codes
  std::optional<int> dedicated_counsellors_etp;
  RetentionRules retention;
};

// Every problem of a set of rules at once.
FieldErrors validate(const ConventionRules& rules);

struct ProfileVersion {
  std::int64_t id = 0;
  std::string effective_from;  // YYYY-MM-DD
  ConventionRules rules;
  std::string changed_by;
  std::string changed_at;
};

// The party that signed for the Département, which may change without the profile losing its
// history (the Collectivité européenne d'Alsace succeeded 67 and 68 on 2021-01-01).
struct Party {
  std::string name;
  std::string from;  // YYYY-MM-DD
};

struct ConventionProfile {
  std::int64_t id = 0;
  std::string code;         // e.g. "62-2024"
  std::string departement;  // INSEE code
  std::string label;        // e.g. "Pas-de-Calais × France Travail, 2024-2025"
  std::string valid_from;
  std::optional<std::string> valid_to;
  std::vector<Party> parties;            // by date
  std::vector<ProfileVersion> versions;  // by effective_from
};

// The version in force on a date: the latest one that started on or before it. None before
// the first version.
const ProfileVersion* version_in_force(const ConventionProfile& profile, const Date& on);
const Party* party_on(const ConventionProfile& profile, const Date& on);

}  // namespace binome::domain
