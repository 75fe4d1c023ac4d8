#include "domain/axe3.hpp"

#include "domain/support.hpp"

namespace binome::domain {

std::string_view to_string(Axe3State s) {
  switch (s) {
    case Axe3State::a_valider:
      return "a_valider";
    case Axe3State::en_cours:
      return "en_cours";
    case Axe3State::refuse:
      return "refuse";
    case Axe3State::termine:
      return "termine";
  }
  return "";
}

std::string_view label_fr(Axe3State s) {
  switch (s) {
    case Axe3State::a_valider:
      return "Axe 3 à valider";
    case Axe3State::en_cours:
      return "Accompagnement social exclusif en cours";
    case Axe3State::refuse:
      return "Axe 3 non validé";
    case Axe3State::termine:
      return "Axe 3 terminé";
  }
  return "";
}

std::optional<Axe3State> parse_axe3_state(std::string_view text) {
  for (auto s : {Axe3State::a_valider, Axe3State::en_cours, Axe3State::refuse, Axe3State::termine})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

Date axe3_period_end(const Axe3Facts& f) {
  return plus_months(*parse_date(f.start_date), f.total_months);
}

bool may_validate_axe3(const Actor& actor, const Axe3Rules& rules) {
  if (rules.validator == "referent_social")
    return actor.role == Role::referent_social || actor.role == Role::coordinateur;
  // The Président du CD's representative: a coordinateur on the Département's side.
  return actor.role == Role::coordinateur && (actor.org_kind == OrgKind::departement ||
                                              actor.org_kind == OrgKind::service_departemental);
}

FieldErrors check_axe3_request(const std::string& planned_start) {
  FieldErrors errors;
  if (!parse_date(planned_start))
    errors.push_back({"planned_start", "invalide",
                      "La date de début prévue doit être une date valide (AAAA-MM-JJ)."});
  return errors;
}

FieldErrors check_axe3_renewal(const Axe3Facts& f, const Axe3Rules& rules,
                               const std::string& convention) {
  FieldErrors errors;
  if (f.state != Axe3State::en_cours)
    errors.push_back({std::nullopt, "etat", "Seul un axe 3 en cours peut être renouvelé."});
  if (f.renewals >= rules.max_renewals)
    errors.push_back({"renewal", "renouvellements_max",
                      rules.max_renewals == 0
                          ? "Renouvellement refusé : la convention " + convention +
                                " ne prévoit pas de renouvellement de l'axe 3."
                          : "Renouvellement refusé : la convention " + convention +
                                " n'autorise que " + std::to_string(rules.max_renewals) +
                                " renouvellement(s) de l'axe 3."});
  if (rules.max_total_months && f.total_months + rules.duration_months > *rules.max_total_months)
    errors.push_back({"renewal", "duree_maximale",
                      "Renouvellement refusé : l'axe 3 durerait " +
                          std::to_string(f.total_months + rules.duration_months) +
                          " mois, au-delà du maximum de " +
                          std::to_string(*rules.max_total_months) + " mois de la convention " +
                          convention + "."});
  return errors;
}

FieldErrors check_axe3_end(const Axe3Facts& f, const std::string& reason,
                           const std::string& end_date) {
  FieldErrors errors;
  if (f.state != Axe3State::en_cours)
    errors.push_back({std::nullopt, "etat", "Seul un axe 3 en cours peut se terminer."});
  if (!label_of(kAxe3EndReasons, reason))
    errors.push_back({"reason", "obligatoire", "Choisissez le motif de fin dans la liste."});
  if (!parse_date(end_date))
    errors.push_back({"end_date", "invalide", "La date de fin doit être une date valide."});
  else if (!f.start_date.empty() && end_date < f.start_date)
    errors.push_back({"end_date", "incoherente", "La fin ne peut précéder le début."});
  return errors;
}

std::optional<std::string> axe3_quota_refusal(int in_service, int in_all, const Axe3Rules& rules,
                                              const std::string& convention) {
  if (rules.quota_per_service_year && in_service >= *rules.quota_per_service_year)
    return "Quota atteint : la convention " + convention + " prévoit au plus " +
           std::to_string(*rules.quota_per_service_year) +
           " entrées en axe 3 par service et par an (" + std::to_string(in_service) +
           " cette année). Un coordinateur peut accorder une dérogation, tracée.";
  if (rules.quota_total_year && in_all >= *rules.quota_total_year)
    return "Quota atteint : la convention " + convention + " prévoit au plus " +
           std::to_string(*rules.quota_total_year) + " entrées en axe 3 par an (" +
           std::to_string(in_all) +
           " cette année). Un coordinateur peut accorder une dérogation, "
           "tracée.";
  return std::nullopt;
}

}  // namespace binome::domain
