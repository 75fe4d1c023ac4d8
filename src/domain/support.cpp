#include "domain/support.hpp"

#include <algorithm>

namespace binome::domain {

bool is_job_start(std::string_view outcome) {
  return outcome == "emploi_cdi" || outcome == "emploi_cdd_plus_6" ||
         outcome == "emploi_cdd_moins_6" || outcome == "creation_entreprise";
}

std::string_view to_string(SupportState s) {
  switch (s) {
    case SupportState::en_cours:
      return "en_cours";
    case SupportState::suivi_emploi:
      return "suivi_emploi";
    case SupportState::termine:
      return "termine";
  }
  return "";
}

std::string_view label_fr(SupportState s) {
  switch (s) {
    case SupportState::en_cours:
      return "Accompagnement en cours";
    case SupportState::suivi_emploi:
      return "Suivi dans l'emploi";
    case SupportState::termine:
      return "Accompagnement terminé";
  }
  return "";
}

std::optional<SupportState> parse_support_state(std::string_view text) {
  for (auto s : {SupportState::en_cours, SupportState::suivi_emploi, SupportState::termine})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

Date plus_months(const Date& d, int months) {
  const auto ym = std::chrono::year_month{d.year(), d.month()} + std::chrono::months{months};
  const auto last =
      std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}};
  const auto day = std::min(d.day(), last.day());
  return Date{ym.year(), ym.month(), day};
}

Date period_end(const SupportFacts& f) {
  return plus_months(*parse_date(f.start_date), f.total_months);
}

namespace {
std::string months_list(const std::vector<int>& v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i)
    out += (i ? (i + 1 == v.size() ? " ou " : ", ") : "") + std::to_string(v[i]);
  return out + " mois";
}
}  // namespace

FieldErrors check_entry(int initial_months, const std::string& start_date,
                        const std::string& oriented_on, const ConventionRules& rules,
                        const std::string& convention) {
  FieldErrors errors;
  const auto& allowed = rules.axe2.initial_months;
  if (std::find(allowed.begin(), allowed.end(), initial_months) == allowed.end())
    errors.push_back({"initial_months", "duree_initiale",
                      "Durée initiale de " + std::to_string(initial_months) +
                          " mois non prévue par la convention " + convention +
                          " (durées prévues : " + months_list(allowed) + ")."});
  if (!parse_date(start_date))
    errors.push_back(
        {"start_date", "invalide", "La date d'entrée effective doit être une date valide."});
  else if (start_date < oriented_on)
    errors.push_back({"start_date", "incoherente", "L'entrée ne peut précéder l'orientation."});
  return errors;
}

FieldErrors check_renewal(const SupportFacts& f, int months, const ConventionRules& rules,
                          const std::string& convention) {
  FieldErrors errors;
  if (f.state != SupportState::en_cours)
    errors.push_back(
        {std::nullopt, "etat", "Seul un accompagnement en cours peut être renouvelé."});
  const auto& steps = rules.axe2.renewal_months;
  if (std::find(steps.begin(), steps.end(), months) == steps.end())
    errors.push_back({"months", "pas_de_renouvellement",
                      "Renouvellement de " + std::to_string(months) +
                          " mois non prévu par la convention " + convention +
                          " (renouvellements prévus : " + months_list(steps) + ")."});
  if (rules.axe2.max_renewals && f.renewals >= *rules.axe2.max_renewals)
    errors.push_back({"months", "renouvellements_max",
                      "Renouvellement refusé : la convention " + convention + " n'autorise que " +
                          std::to_string(*rules.axe2.max_renewals) + " renouvellement(s)."});
  if (rules.axe2.max_total_months && f.total_months + months > *rules.axe2.max_total_months)
    errors.push_back({"months", "duree_maximale",
                      "Renouvellement refusé : la durée totale atteindrait " +
                          std::to_string(f.total_months + months) +
                          " mois, au-delà du maximum de " +
                          std::to_string(*rules.axe2.max_total_months) + " mois de la convention " +
                          convention + "."});
  if (!f.bilan_since_period_start)
    errors.push_back({"bilan", "bilan_requis",
                      "Un bilan entre le binôme et un entretien avec la personne précèdent tout "
                      "renouvellement : "
                      "enregistrez d'abord le bilan."});
  return errors;
}

FieldErrors check_exit(const SupportFacts& f, const std::string& outcome,
                       const std::string& exit_date) {
  FieldErrors errors;
  if (f.state != SupportState::en_cours)
    errors.push_back({std::nullopt, "etat", "Seul un accompagnement en cours peut se terminer."});
  if (!label_of(kExitOutcomes, outcome))
    errors.push_back({"outcome", "obligatoire", "Choisissez le motif de sortie dans la liste."});
  if (!parse_date(exit_date))
    errors.push_back({"exit_date", "invalide", "La date de sortie doit être une date valide."});
  else if (exit_date < f.start_date)
    errors.push_back({"exit_date", "incoherente", "La sortie ne peut précéder l'entrée."});
  if (!f.bilan_since_period_start)
    errors.push_back(
        {"bilan", "bilan_requis", "Un bilan précède toute sortie : enregistrez d'abord le bilan."});
  return errors;
}

}  // namespace binome::domain
