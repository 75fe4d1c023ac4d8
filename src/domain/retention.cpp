#include "domain/retention.hpp"

#include "domain/support.hpp"

namespace binome::domain {

const char* to_string(RetentionCategory c) {
  switch (c) {
    case RetentionCategory::suivi:
      return "suivi";
    case RetentionCategory::flux:
      return "flux";
    case RetentionCategory::fiche:
      break;
  }
  return "fiche";
}

const char* category_label(RetentionCategory c) {
  switch (c) {
    case RetentionCategory::suivi:
      return "Données de suivi (rendez-vous, tâches, décisions de l'équipe "
             "pluridisciplinaire, liens vers les ressources, historique du binôme)";
    case RetentionCategory::flux:
      return "Données reçues par les flux RSA (situation à France Travail, NIR chiffré, "
             "événements des flux)";
    case RetentionCategory::fiche:
      break;
  }
  return "Fiche de liaison et diagnostic partagé (identité de la personne)";
}

std::vector<RetentionDue> retention_limits(const RetentionFacts& f) {
  std::vector<RetentionDue> out;
  const int fiche_months = f.rules.fiche_years_after_convention_end * 12;
  const auto fiche_limit = plus_months(f.convention_end, fiche_months);
  const std::string end = to_iso(f.convention_end);
  const std::string fiche_rule = "Conservation pendant la période exigée par le FSE : " +
                                 std::to_string(f.rules.fiche_years_after_convention_end) +
                                 " ans après la fin de la convention " + f.convention_code + " (" +
                                 end + ")";
  if (f.rules.application_data_months) {
    out.push_back(
        {RetentionCategory::suivi, plus_months(f.convention_end, *f.rules.application_data_months),
         "Destruction au plus tard " + std::to_string(*f.rules.application_data_months) +
             " mois après la fin de la convention " + f.convention_code + " (" + end + ")"});
  } else {
    out.push_back({RetentionCategory::suivi, fiche_limit,
                   fiche_rule + " ; la convention ne fixe pas de durée plus courte"});
  }
  const RetentionDue suivi = out.front();
  if (f.has_fiche)
    out.push_back({RetentionCategory::fiche, fiche_limit, fiche_rule});
  else
    out.push_back({RetentionCategory::fiche, out.front().limit,
                   "Aucune fiche de liaison, donc aucune obligation FSE : identité effacée avec "
                   "les données de suivi (" +
                       out.front().rule + ")"});
  if (f.rules.flow_data_months)
    out.push_back(
        {RetentionCategory::flux, plus_months(f.convention_end, *f.rules.flow_data_months),
         "Données des flux RSA détruites au plus tard " +
             std::to_string(*f.rules.flow_data_months) + " mois après la fin de la convention " +
             f.convention_code + " (" + end + ") ; convention d'échange de données RSA"});
  else
    out.push_back(
        {RetentionCategory::flux, suivi.limit,
         "Données des flux RSA détruites avec les données de suivi (" + suivi.rule + ")"});
  return out;
}

std::vector<RetentionDue> purge_due(const RetentionFacts& f, const Date& today) {
  std::vector<RetentionDue> out;
  if (f.support_in_progress || f.anonymised) return out;
  const auto day = std::chrono::sys_days{today};
  bool suivi_goes = false;
  for (auto& due : retention_limits(f)) {
    if (std::chrono::sys_days{due.limit} >= day) continue;
    if (due.category == RetentionCategory::suivi && !f.has_followup_data) continue;
    if (due.category == RetentionCategory::suivi) suivi_goes = true;
    // The follow-up data include the flow data: one deletion, named by its own rule.
    if (due.category == RetentionCategory::flux && (!f.has_flow_data || suivi_goes)) continue;
    out.push_back(std::move(due));
  }
  return out;
}

Date raw_flow_file_limit(const Date& imported_on, int days) {
  return Date{std::chrono::sys_days{imported_on} + std::chrono::days{days}};
}

bool raw_flow_file_due(const Date& imported_on, int days, const Date& today) {
  return std::chrono::sys_days{raw_flow_file_limit(imported_on, days)} <
         std::chrono::sys_days{today};
}

std::string raw_flow_file_rule(int days) {
  return "Fichiers d'échange bruts des flux RSA conservés " + std::to_string(days) +
         " jours au plus après leur import (convention d'échange de données RSA, annexe 1)";
}

}  // namespace binome::domain
