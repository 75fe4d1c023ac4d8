#include "domain/convention_profile.hpp"

#include <algorithm>
#include <cctype>

namespace binome::domain {
namespace {

struct ModeName {
  DecisionMode mode;
  std::string_view code, label;
};
constexpr ModeName kModes[] = {
    {DecisionMode::diagnostic_partage, "diagnostic_partage", "Diagnostic partagé"},
    {DecisionMode::accord_tacite, "accord_tacite", "Accord tacite"},
    {DecisionMode::accord_bilateral, "accord_bilateral", "Accord bilatéral"},
    {DecisionMode::confiance_reciproque, "confiance_reciproque",
     "Diagnostic sur la base de la confiance réciproque"},
};

struct PublicName {
  TacitPublic pub;
  std::string_view code, label;
};
constexpr PublicName kPublics[] = {
    {TacitPublic::brsa_oriente_ft, "brsa_oriente_ft",
     "Allocataire du RSA déjà orienté vers France Travail"},
    {TacitPublic::nouvel_entrant_rsa, "nouvel_entrant_rsa",
     "Nouvel entrant au RSA en attente d'orientation"},
    {TacitPublic::de_non_brsa, "de_non_brsa", "Demandeur d'emploi non allocataire du RSA"},
    {TacitPublic::metier_en_tension, "metier_en_tension",
     "Demandeur d'emploi recherchant un métier en tension"},
};

// ROME codes: a letter and four digits (e.g. "G1602").
bool valid_rome(const std::string& code) {
  if (code.size() != 5 || !std::isupper(static_cast<unsigned char>(code[0]))) return false;
  return std::all_of(code.begin() + 1, code.end(), [](unsigned char c) { return std::isdigit(c); });
}

void positive(FieldErrors& errors, const std::optional<int>& v, const char* field, int max,
              const char* what) {
  if (v && (*v < 1 || *v > max))
    errors.push_back(
        {field, "invalide",
         std::string(what) + " doit être compris entre 1 et " + std::to_string(max) + "."});
}

}  // namespace

std::optional<DecisionMode> parse_decision_mode(std::string_view text) {
  for (const auto& m : kModes)
    if (m.code == text) return m.mode;
  return std::nullopt;
}
std::string_view to_string(DecisionMode mode) {
  for (const auto& m : kModes)
    if (m.mode == mode) return m.code;
  return "";
}
std::string_view label_fr(DecisionMode mode) {
  for (const auto& m : kModes)
    if (m.mode == mode) return m.label;
  return "";
}

std::optional<TacitPublic> parse_tacit_public(std::string_view text) {
  for (const auto& p : kPublics)
    if (p.code == text) return p.pub;
  return std::nullopt;
}
std::string_view to_string(TacitPublic pub) {
  for (const auto& p : kPublics)
    if (p.pub == pub) return p.code;
  return "";
}
std::string_view label_fr(TacitPublic pub) {
  for (const auto& p : kPublics)
    if (p.pub == pub) return p.label;
  return "";
}

FieldErrors validate(const ConventionRules& r) {
  FieldErrors errors;
  if (r.decision_modes.empty())
    errors.push_back({"decision_modes", "obligatoire", "Au moins un mode de décision est requis."});
  const bool tacit = std::find(r.decision_modes.begin(), r.decision_modes.end(),
                               DecisionMode::accord_tacite) != r.decision_modes.end();
  if (!tacit && !r.tacit_publics.empty())
    errors.push_back({"tacit_publics", "incoherent",
                      "Des publics d'accord tacite sont listés alors que l'accord tacite n'est pas "
                      "un mode de décision de la convention."});
  if (tacit && r.tacit_publics.empty())
    errors.push_back({"tacit_publics", "obligatoire",
                      "L'accord tacite exige la liste des publics auxquels il s'applique."});
  positive(errors, r.entry_deadline_days, "entry_deadline_days", 366, "Le délai d'entrée (jours)");
  if (r.alert_days_before_deadline < 0 || r.alert_days_before_deadline > 60)
    errors.push_back({"alert_days_before_deadline", "invalide",
                      "L'alerte avant échéance doit être comprise entre 0 et 60 jours."});
  if (r.axe2.initial_months.empty())
    errors.push_back(
        {"axe2.initial_months", "obligatoire", "Au moins une durée initiale est requise."});
  for (int m : r.axe2.initial_months)
    if (m < 1 || m > 36)
      errors.push_back({"axe2.initial_months", "invalide",
                        "Une durée initiale doit être comprise entre 1 et 36 mois."});
  for (int m : r.axe2.renewal_months)
    if (m < 1 || m > 36)
      errors.push_back({"axe2.renewal_months", "invalide",
                        "Un renouvellement doit être compris entre 1 et 36 mois."});
  if (r.axe2.max_total_months) {
    const int shortest =
        r.axe2.initial_months.empty()
            ? 0
            : *std::min_element(r.axe2.initial_months.begin(), r.axe2.initial_months.end());
    if (*r.axe2.max_total_months < shortest)
      errors.push_back(
          {"axe2.max_total_months", "incoherent",
           "La durée maximale ne peut être inférieure à la plus courte durée initiale."});
  }
  if (r.axe2.review_months < 1 || r.axe2.review_months > 24)
    errors.push_back(
        {"axe2.review_months", "invalide", "Le réexamen doit intervenir entre 1 et 24 mois."});
  if (r.portfolio_min && r.portfolio_max && *r.portfolio_min > *r.portfolio_max)
    errors.push_back({"portfolio_max", "incoherent",
                      "Le portefeuille maximal ne peut être inférieur au minimal."});
  positive(errors, r.portfolio_min, "portfolio_min", 1000, "Le portefeuille minimal");
  positive(errors, r.portfolio_max, "portfolio_max", 1000, "Le portefeuille maximal");
  positive(errors, r.brsa_share_target_pct, "brsa_share_target_pct", 100,
           "La part de BRSA visée (%)");
  positive(errors, r.new_entries_per_binome_year, "new_entries_per_binome_year", 10000,
           "Le nombre d'entrées par binôme et par an");
  if (r.axe3.duration_months < 1 || r.axe3.duration_months > 36)
    errors.push_back({"axe3.duration_months", "invalide",
                      "La durée de l'axe 3 doit être comprise entre 1 et 36 mois."});
  if (r.axe3.max_renewals < 0 || r.axe3.max_renewals > 10)
    errors.push_back(
        {"axe3.max_renewals", "invalide", "Le nombre de renouvellements de l'axe 3 est invalide."});
  if (r.axe3.validator != "coordinateur_departement" && r.axe3.validator != "referent_social")
    errors.push_back({"axe3.validator", "invalide",
                      "Le valideur de l'axe 3 doit être « coordinateur_departement » ou "
                      "« referent_social »."});
  positive(errors, r.axe3.quota_per_service_year, "axe3.quota_per_service_year", 100000,
           "Le quota d'axe 3 par service");
  positive(errors, r.axe3.quota_total_year, "axe3.quota_total_year", 100000,
           "Le quota annuel d'axe 3");
  for (const auto& code : r.metiers_en_tension)
    if (!valid_rome(code))
      errors.push_back(
          {"metiers_en_tension", "invalide",
           "Code ROME invalide : « " + code + " » (une lettre et quatre chiffres, ex. G1602)."});
  const bool tension = std::find(r.tacit_publics.begin(), r.tacit_publics.end(),
                                 TacitPublic::metier_en_tension) != r.tacit_publics.end();
  if (tension && r.metiers_en_tension.empty())
    errors.push_back({"metiers_en_tension", "obligatoire",
                      "L'accord tacite pour les métiers en tension exige la liste de ces métiers "
                      "(codes ROME)."});
  if (r.retention.fiche_years_after_convention_end < 1 ||
      r.retention.fiche_years_after_convention_end > 30)
    errors.push_back({"retention.fiche_years_after_convention_end", "invalide",
                      "La conservation des fiches doit être comprise entre 1 et 30 ans."});
  if (r.retention.exchange_files_days < 1 || r.retention.exchange_files_days > 366)
    errors.push_back(
        {"retention.exchange_files_days", "invalide",
         "La conservation des fichiers d'échange doit être comprise entre 1 et 366 jours."});
  return errors;
}

const ProfileVersion* version_in_force(const ConventionProfile& profile, const Date& on) {
  const ProfileVersion* best = nullptr;
  const std::string day = to_iso(on);
  for (const auto& v : profile.versions)
    if (v.effective_from <= day && (!best || v.effective_from >= best->effective_from)) best = &v;
  return best;
}

const Party* party_on(const ConventionProfile& profile, const Date& on) {
  const Party* best = nullptr;
  const std::string day = to_iso(on);
  for (const auto& p : profile.parties)
    if (p.from <= day && (!best || p.from >= best->from)) best = &p;
  return best;
}

}  // namespace binome::domain
