#include "flows/snapshot.hpp"

#include "flows/codes.hpp"

namespace binome::flows {
namespace {

std::optional<std::string> value(const Values& v, Field f) {
  if (!v.has(f) || v.get(f).empty()) return std::nullopt;
  return v.get(f);
}

// "AGENCE ARRAS, 2 BIS RUE SYMPHORINE, 62000 ARRAS": one line for the person's page.
std::optional<std::string> structure(const Values& v, Field first) {
  const auto f = [first](int i) { return static_cast<Field>(static_cast<std::size_t>(first) + i); };
  if (!v.has(first)) return std::nullopt;
  std::string out = v.get(first);
  for (int i : {1, 2})
    if (auto s = value(v, f(i))) out += ", " + *s;
  std::string town;
  if (auto cp = value(v, f(3))) town = *cp;
  if (auto bureau = value(v, f(5))) town += (town.empty() ? "" : " ") + *bureau;
  if (auto cedex = value(v, f(4))) town += " CEDEX " + *cedex;
  if (!town.empty()) out += ", " + town;
  return out;
}

bool is_glo(const std::optional<std::string>& m) {
  return m && *m == "GLO";
}

}  // namespace

JobSeekerSnapshot snapshot_of(Flow flow, const Values& d, const std::string& date_reference,
                              const std::optional<JobSeekerSnapshot>& previous) {
  JobSeekerSnapshot s;
  s.kind = std::string(to_string(flow));
  s.date_reference = date_reference;
  s.nir = value(d, Field::nir);
  s.code_pe = value(d, Field::code_pe);
  s.identifiant_pe = value(d, Field::identifiant_pe);
  s.date_debut_ide = value(d, Field::date_debut_ide);
  s.date_cessation = value(d, Field::date_cessation_ide);
  s.motif_cessation = value(d, Field::motif_cessation_ide);
  s.date_radiation = value(d, Field::date_radiation_ide);
  s.motif_radiation = value(d, Field::motif_radiation_ide);
  if (flow == Flow::pecgm) {
    s.code_categorie = value(d, Field::code_categorie);
    s.structure_principale = structure(d, Field::principale_nom);
    s.structure_deleguee = structure(d, Field::deleguee_nom);
    s.ppae_date_signature = value(d, Field::date_signature);
    s.axe = value(d, Field::axe_code);
    s.modalite = value(d, Field::modalite_code);
  } else if (previous) {
    s.code_categorie = previous->code_categorie;
    s.structure_principale = previous->structure_principale;
    s.structure_deleguee = previous->structure_deleguee;
    s.ppae_date_signature = previous->ppae_date_signature;
    s.axe = previous->axe;
    s.modalite = previous->modalite;
  }
  if (!s.nir && previous) s.nir = previous->nir;  // a file without NIR does not forget it
  return s;
}

std::string_view to_string(EventKind kind) {
  switch (kind) {
    case EventKind::inscription:
      return "inscription";
    case EventKind::cessation:
      return "cessation";
    case EventKind::radiation:
      return "radiation";
    case EventKind::changement_site:
      return "changement_site";
    case EventKind::entree_glo:
      return "entree_glo";
    case EventKind::sortie_glo:
      return "sortie_glo";
  }
  return "";
}

std::optional<EventKind> parse_event_kind(std::string_view t) {
  for (EventKind k : {EventKind::inscription, EventKind::cessation, EventKind::radiation,
                      EventKind::changement_site, EventKind::entree_glo, EventKind::sortie_glo})
    if (to_string(k) == t) return k;
  return std::nullopt;
}

std::string_view label_fr(EventKind kind) {
  switch (kind) {
    case EventKind::inscription:
      return "Nouvelle inscription comme demandeur d'emploi";
    case EventKind::cessation:
      return "Cessation d'inscription";
    case EventKind::radiation:
      return "Radiation de la liste des demandeurs d'emploi";
    case EventKind::changement_site:
      return "Changement de site France Travail";
    case EventKind::entree_glo:
      return "Modalité accompagnement global (GLO)";
    case EventKind::sortie_glo:
      return "Fin de la modalité accompagnement global (GLO)";
  }
  return "";
}

std::vector<FlowEvent> derive_events(const std::optional<JobSeekerSnapshot>& prev,
                                     const JobSeekerSnapshot& next) {
  std::vector<FlowEvent> out;
  const bool moving = next.motif_cessation && *next.motif_cessation == kMotifChangementSite;
  if (next.date_cessation && (!prev || prev->date_cessation != next.date_cessation)) {
    const std::string motif = next.motif_cessation.value_or("");
    const auto label = cessation_label(motif);
    if (moving)
      out.push_back({EventKind::changement_site, *next.date_cessation,
                     "cessation motif 46 : la personne change de site France Travail et "
                     "d'identifiant"});
    else
      out.push_back({EventKind::cessation, *next.date_cessation,
                     "motif " + motif + (label ? " : " + std::string(*label) : std::string())});
  }
  if (next.date_radiation && (!prev || prev->date_radiation != next.date_radiation))
    out.push_back({EventKind::radiation, *next.date_radiation,
                   "motif " + next.motif_radiation.value_or("") +
                       " : sanction (code du travail L.5412-1), à examiner pour le RSA"});
  if (prev) {
    if (next.date_debut_ide && prev->date_debut_ide != next.date_debut_ide)
      out.push_back(
          {EventKind::inscription, *next.date_debut_ide, "inscrite le " + *next.date_debut_ide});
    const bool id_changed =
        next.code_pe && next.identifiant_pe && prev->identifiant_pe &&
        (prev->code_pe != next.code_pe || prev->identifiant_pe != next.identifiant_pe);
    const bool announced = prev->motif_cessation && *prev->motif_cessation == kMotifChangementSite;
    if (id_changed && !announced)
      out.push_back({EventKind::changement_site, next.date_reference,
                     "identifiant France Travail " + prev->code_pe.value_or("") + " " +
                         *prev->identifiant_pe + " → " + *next.code_pe + " " +
                         *next.identifiant_pe});
  }
  if (next.kind == "PECGM") {
    const bool was = prev && is_glo(prev->modalite);
    if (is_glo(next.modalite) && !was)
      out.push_back({EventKind::entree_glo, next.date_reference,
                     "proposée pour l'accompagnement global par France Travail"});
    else if (was && !is_glo(next.modalite))
      out.push_back({EventKind::sortie_glo, next.date_reference,
                     "modalité " + next.modalite.value_or("non renseignée")});
  }
  return out;
}

}  // namespace binome::flows
