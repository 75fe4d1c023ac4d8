// Orientation towards accompagnement global (seed 003 art. 2.2 b, seed 002 art. 2 b–e): who
// orients, eligibility that explains itself, the positions of both sides, the decision, and
// the entry deadline of the convention in force.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "domain/convention_profile.hpp"
#include "domain/errors.hpp"
#include "domain/obstacles.hpp"
#include "domain/organisation.hpp"
#include "domain/time.hpp"

namespace binome::domain {

// The side a professional speaks for, from their organisation.
enum class Side { france_travail, departement, partenaire };
Side side_of(OrgKind kind);
std::string_view to_string(Side side);

enum class OrientationStatus {
  a_valider_slai,       // proposed by a partner's referent: the chef de SLAI speaks first
  en_attente_reponse,   // waiting for the other side's answer
  desaccord,            // the sides disagree: flagged for the monthly review
  en_attente_decision,  // both agree (or one diagnosis suffices): the decision is due
  en_attente_entree,    // decision OUI: the entry is awaited
  non_retenue,          // decision NON
  entree,               // the person entered the support (axe 2)
};
std::optional<OrientationStatus> parse_status(std::string_view text);
std::string_view to_string(OrientationStatus s);
std::string_view label_fr(OrientationStatus s);
bool is_pending(OrientationStatus s);

// Reasons for non-entry (seed 004, annexe 1).
inline constexpr std::array<Labelled, 6> kNonEntryReasons{{
    {"absent_non_excuse", "Non-adhésion : absent non excusé"},
    {"ne_souhaite_plus_ag", "Non-adhésion : ne souhaite plus l'accompagnement global"},
    {"ne_souhaite_plus_social", "Non-adhésion : ne souhaite plus l'accompagnement social"},
    {"freins_sociaux_non_identifies", "Freins sociaux non identifiés"},
    {"reprise_emploi_formation", "Reprise d'emploi, de formation ou prestation longue"},
    {"public_non_concerne", "Public non concerné"},
}};

// Why a coordinateur may set a failed eligibility check aside (audited).
inline constexpr std::array<Labelled, 3> kOverrideReasons{{
    {"decision_commission", "Décision de la commission ou de l'équipe pluridisciplinaire"},
    {"validation_conjointe",
     "Situation examinée et validée conjointement par les deux institutions"},
    {"donnee_a_corriger", "Donnée manquante ou erronée, vérifiée auprès de la personne"},
}};

struct OrientationRequest {
  std::string origin;
  std::string decision_mode;
  std::optional<std::string> tacit_public;
  std::optional<std::string> rome_code;
  bool registered_job_seeker = false;
  std::vector<std::string> social_criteria;
  std::vector<std::string> professional_criteria;
  std::vector<std::string> obstacles;  // codes of kPeripheralObstacles
  std::optional<std::string> consent_signature_date;
  bool electronic_exchange = false;
  std::optional<std::string> override_reason;
};

// Codes that are not in their closed list, duplicated, or malformed dates: field errors.
FieldErrors validate_request(const OrientationRequest& request, const Date& today);

// The eligibility rules (field "eligibilite", code = rule id, message naming the rule and the
// convention). `overridable` says whether a coordinateur may set the failure aside.
struct RuleFailure {
  std::string rule;
  std::string message;
  bool overridable = false;
};
std::vector<RuleFailure> check_eligibility(const OrientationRequest& request, bool person_brsa,
                                           Side side, const ConventionRules& rules,
                                           const std::string& convention_label);

OrientationStatus initial_status(DecisionMode mode, Side side);

struct Positions {
  std::optional<bool> france_travail;  // true: accord, false: désaccord
  std::optional<bool> departement;
};
// The status once the positions are what they are (for modes that need both sides).
OrientationStatus status_after_positions(DecisionMode mode, const Positions& positions);

struct Deadline {
  std::optional<Date> due;
  enum class State { none, ok, bientot, depasse } state = State::none;
};
Deadline entry_deadline(const Date& oriented_on, const ConventionRules& rules, const Date& today,
                        bool pending);
std::string_view to_string(Deadline::State s);

}  // namespace binome::domain
