#include "domain/orientation.hpp"

#include <algorithm>
#include <set>

namespace binome::domain {
namespace {

struct StatusName {
  OrientationStatus status;
  std::string_view code, label;
};
constexpr StatusName kStatuses[] = {
    {OrientationStatus::a_valider_slai, "a_valider_slai", "À valider par le chef de SLAI"},
    {OrientationStatus::en_attente_reponse, "en_attente_reponse",
     "En attente de la réponse du partenaire"},
    {OrientationStatus::desaccord, "desaccord", "Désaccord : à examiner en revue mensuelle"},
    {OrientationStatus::en_attente_decision, "en_attente_decision", "En attente de décision"},
    {OrientationStatus::en_attente_entree, "en_attente_entree", "En attente d'entrée"},
    {OrientationStatus::non_retenue, "non_retenue", "Non retenue"},
    {OrientationStatus::entree, "entree", "Entrée en accompagnement global"},
};

template <std::size_t N>
void check_codes(FieldErrors& errors, const std::vector<std::string>& codes,
                 const std::array<Labelled, N>& list, const char* field, const char* what) {
  std::set<std::string> seen;
  for (const auto& c : codes) {
    if (!label_of(list, c))
      errors.push_back({field, "inconnu", std::string(what) + " inconnu : « " + c + " »."});
    else if (!seen.insert(c).second)
      errors.push_back({field, "doublon", std::string(what) + " en double : « " + c + " »."});
  }
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

Side side_of(OrgKind kind) {
  switch (kind) {
    case OrgKind::agence:
    case OrgKind::ft_direction:
      return Side::france_travail;
    case OrgKind::partenaire:
      return Side::partenaire;
    case OrgKind::departement:
    case OrgKind::service_departemental:
      break;
  }
  return Side::departement;
}

std::string_view to_string(Side side) {
  switch (side) {
    case Side::france_travail:
      return "france_travail";
    case Side::departement:
      return "departement";
    case Side::partenaire:
      return "partenaire";
  }
  return "departement";
}

std::optional<OrientationStatus> parse_status(std::string_view text) {
  for (const auto& s : kStatuses)
    if (s.code == text) return s.status;
  return std::nullopt;
}
std::string_view to_string(OrientationStatus st) {
  for (const auto& s : kStatuses)
    if (s.status == st) return s.code;
  return "";
}
std::string_view label_fr(OrientationStatus st) {
  for (const auto& s : kStatuses)
    if (s.status == st) return s.label;
  return "";
}
bool is_pending(OrientationStatus s) {
  return s != OrientationStatus::non_retenue && s != OrientationStatus::entree;
}

FieldErrors validate_request(const OrientationRequest& r, const Date& today) {
  FieldErrors errors;
  if (r.origin.empty() || r.origin.size() > 50)
    errors.push_back({"origin", "obligatoire", "L'origine de l'orientation est obligatoire."});
  if (!parse_decision_mode(r.decision_mode))
    errors.push_back({"decision_mode", "inconnu", "Choisissez un mode de décision."});
  if (r.tacit_public && !parse_tacit_public(*r.tacit_public))
    errors.push_back({"tacit_public", "inconnu", "Public d'accord tacite inconnu."});
  if (r.rome_code &&
      (r.rome_code->size() != 5 || !std::isupper(static_cast<unsigned char>((*r.rome_code)[0])) ||
       !std::all_of(r.rome_code->begin() + 1, r.rome_code->end(),
                    [](unsigned char c) { return std::isdigit(c); })))
    errors.push_back({"rome_code", "invalide",
                      "Le code ROME comporte une lettre et quatre chiffres (ex. G1602)."});
  check_codes(errors, r.social_criteria, kSocialCriteria, "social_criteria", "Frein social");
  check_codes(errors, r.professional_criteria, kProfessionalCriteria, "professional_criteria",
              "Frein professionnel");
  check_codes(errors, r.obstacles, kPeripheralObstacles, "obstacles", "Frein périphérique");
  if (r.consent_signature_date) {
    auto d = parse_date(*r.consent_signature_date);
    if (!d)
      errors.push_back({"consent.signature_date", "invalide",
                        "La date de signature doit être une date valide."});
    else if (std::chrono::sys_days{*d} > std::chrono::sys_days{today})
      errors.push_back({"consent.signature_date", "future",
                        "La date de signature ne peut pas être dans le futur."});
  }
  if (r.override_reason && !label_of(kOverrideReasons, *r.override_reason))
    errors.push_back({"override_reason", "inconnu", "Motif de dérogation inconnu."});
  return errors;
}

std::vector<RuleFailure> check_eligibility(const OrientationRequest& r, bool brsa, Side side,
                                           const ConventionRules& rules,
                                           const std::string& convention) {
  std::vector<RuleFailure> out;
  const std::string in = " (convention " + convention + ")";
  if (!r.registered_job_seeker)
    out.push_back(
        {"inscription_de",
         "Éligibilité : la personne doit être inscrite comme demandeur d'emploi à France Travail" +
             in + ".",
         true});
  if (r.social_criteria.empty())
    out.push_back(
        {"frein_social", "Éligibilité : au moins un frein social est requis" + in + ".", true});
  if (r.professional_criteria.empty())
    out.push_back({"frein_professionnel",
                   "Éligibilité : au moins un frein professionnel est requis" + in + ".", true});
  if (!r.consent_signature_date)
    out.push_back({"consentement",
                   "Adhésion libre : le consentement signé de la personne doit être enregistré" +
                       in + " ; aucune dérogation n'est possible.",
                   false});
  const auto mode = parse_decision_mode(r.decision_mode);
  if (mode && std::find(rules.decision_modes.begin(), rules.decision_modes.end(), *mode) ==
                  rules.decision_modes.end()) {
    std::string allowed;
    for (auto m : rules.decision_modes)
      allowed += (allowed.empty() ? "" : ", ") + std::string(label_fr(m));
    out.push_back({"mode_decision",
                   "Mode de décision « " + std::string(label_fr(*mode)) +
                       " » non prévu par la convention " + convention +
                       " (modes prévus : " + allowed + ").",
                   false});
  }
  if (mode == DecisionMode::accord_tacite &&
      std::find(rules.decision_modes.begin(), rules.decision_modes.end(), *mode) !=
          rules.decision_modes.end()) {
    const auto pub = r.tacit_public ? parse_tacit_public(*r.tacit_public) : std::nullopt;
    std::string why;
    if (!pub) {
      why = "précisez le public concerné";
    } else if (std::find(rules.tacit_publics.begin(), rules.tacit_publics.end(), *pub) ==
               rules.tacit_publics.end()) {
      why = "le public « " + std::string(label_fr(*pub)) + " » n'en relève pas";
    } else if (*pub == TacitPublic::metier_en_tension) {
      if (side == Side::france_travail)
        why = "le public « métier en tension » est détecté par le Département";
      else if (!r.rome_code || !contains(rules.metiers_en_tension, *r.rome_code))
        why = "le métier recherché (code ROME) n'est pas sur la liste des métiers en tension";
    } else {
      if (side != Side::france_travail)
        why = "le public « " + std::string(label_fr(*pub)) + " » est détecté par France Travail";
      else if (*pub == TacitPublic::de_non_brsa && brsa)
        why = "la personne est allocataire du RSA";
      else if (*pub != TacitPublic::de_non_brsa && !brsa)
        why = "la personne n'est pas allocataire du RSA";
    }
    if (!why.empty())
      out.push_back({"accord_tacite_public",
                     "Accord tacite impossible : " + why + in + ". Utilisez l'accord bilatéral.",
                     true});
  }
  return out;
}

OrientationStatus initial_status(DecisionMode mode, Side side) {
  if (side == Side::partenaire) return OrientationStatus::a_valider_slai;
  switch (mode) {
    case DecisionMode::accord_tacite:
      return OrientationStatus::en_attente_entree;
    case DecisionMode::confiance_reciproque:
      return OrientationStatus::en_attente_decision;
    case DecisionMode::accord_bilateral:
    case DecisionMode::diagnostic_partage:
      break;
  }
  return OrientationStatus::en_attente_reponse;
}

OrientationStatus status_after_positions(DecisionMode mode, const Positions& p) {
  if (p.france_travail == false || p.departement == false) return OrientationStatus::desaccord;
  if (p.france_travail == true && p.departement == true)
    return OrientationStatus::en_attente_decision;
  if (mode == DecisionMode::confiance_reciproque) return OrientationStatus::en_attente_decision;
  return OrientationStatus::en_attente_reponse;
}

Deadline entry_deadline(const Date& oriented_on, const ConventionRules& rules, const Date& today,
                        bool pending) {
  Deadline d;
  if (!rules.entry_deadline_days) return d;
  const auto due =
      std::chrono::sys_days{oriented_on} + std::chrono::days{*rules.entry_deadline_days};
  d.due = Date{due};
  if (!pending) return d;
  const auto t = std::chrono::sys_days{today};
  if (t > due)
    d.state = Deadline::State::depasse;
  else if (t >= due - std::chrono::days{rules.alert_days_before_deadline})
    d.state = Deadline::State::bientot;
  else
    d.state = Deadline::State::ok;
  return d;
}

std::string_view to_string(Deadline::State s) {
  switch (s) {
    case Deadline::State::none:
      return "";
    case Deadline::State::ok:
      return "ok";
    case Deadline::State::bientot:
      return "bientot";
    case Deadline::State::depasse:
      return "depasse";
  }
  return "";
}

}  // namespace binome::domain
