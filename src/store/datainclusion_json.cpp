#include "store/datainclusion_json.hpp"

namespace binome::store {
namespace {

using domain::FieldErrors;

void opt_text(const Json& j, const char* field, std::optional<std::string>& out,
              FieldErrors& errors) {
  out.reset();
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return;
  if (!it->is_string()) {
    errors.push_back({field, "type", std::string("« ") + field + " » doit être un texte."});
    return;
  }
  out = it->get<std::string>();
}

void req_text(const Json& j, const char* field, std::string& out, FieldErrors& errors) {
  std::optional<std::string> v;
  opt_text(j, field, v, errors);
  out = v.value_or("");
}

void list(const Json& j, const char* field, std::vector<std::string>& out, FieldErrors& errors) {
  out.clear();
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return;
  if (!it->is_array()) {
    errors.push_back({field, "type", std::string("« ") + field + " » doit être une liste."});
    return;
  }
  for (const auto& v : *it) {
    if (!v.is_string()) {
      errors.push_back(
          {field, "type", std::string("« ") + field + " » ne doit contenir que des textes."});
      return;
    }
    out.push_back(v.get<std::string>());
  }
}

Json opt(const std::optional<std::string>& v) {
  return v ? Json(*v) : Json(nullptr);
}
Json opt_list(const std::vector<std::string>& v) {
  return v.empty() ? Json(nullptr) : Json(v);
}

}  // namespace

const std::set<std::string>& ignored_datainclusion_fields() {
  static const std::set<std::string> fields{
      "latitude",           "longitude",       "nombre_semaines", "volume_horaire_hebdomadaire",
      "accessibilite_lieu", "lien_source",     "score_qualite",   "labels_nationaux",
      "labels_autres",      "_di_surrogate_id"};
  return fields;
}

const std::set<std::string>& service_content_fields() {
  static const std::set<std::string> fields{"nom",
                                            "description",
                                            "type",
                                            "thematiques",
                                            "frais",
                                            "frais_precisions",
                                            "publics",
                                            "publics_precisions",
                                            "conditions_acces",
                                            "adresse",
                                            "complement_adresse",
                                            "code_postal",
                                            "commune",
                                            "code_insee",
                                            "telephone",
                                            "courriel",
                                            "contact_nom_prenom",
                                            "modes_accueil",
                                            "zone_eligibilite",
                                            "modes_mobilisation",
                                            "mobilisable_par",
                                            "mobilisation_precisions",
                                            "lien_mobilisation",
                                            "horaires_accueil"};
  return fields;
}

const std::set<std::string>& structure_content_fields() {
  static const std::set<std::string> fields{
      "nom",         "description",      "siret",           "adresse",   "complement_adresse",
      "code_postal", "commune",          "code_insee",      "telephone", "courriel",
      "site_web",    "horaires_accueil", "reseaux_porteurs"};
  return fields;
}

void read_service_content(const Json& j, domain::ResourceService& s, FieldErrors& errors) {
  req_text(j, "nom", s.nom, errors);
  req_text(j, "description", s.description, errors);
  for (auto [field, target] :
       std::initializer_list<std::pair<const char*, std::optional<std::string>*>>{
           {"type", &s.type},
           {"frais", &s.frais},
           {"frais_precisions", &s.frais_precisions},
           {"publics_precisions", &s.publics_precisions},
           {"conditions_acces", &s.conditions_acces},
           {"adresse", &s.adresse},
           {"complement_adresse", &s.complement_adresse},
           {"code_postal", &s.code_postal},
           {"commune", &s.commune},
           {"code_insee", &s.code_insee},
           {"telephone", &s.telephone},
           {"courriel", &s.courriel},
           {"contact_nom_prenom", &s.contact_nom_prenom},
           {"mobilisation_precisions", &s.mobilisation_precisions},
           {"lien_mobilisation", &s.lien_mobilisation},
           {"horaires_accueil", &s.horaires_accueil}})
    opt_text(j, field, *target, errors);
  for (auto [field, target] :
       std::initializer_list<std::pair<const char*, std::vector<std::string>*>>{
           {"thematiques", &s.thematiques},
           {"publics", &s.publics},
           {"modes_accueil", &s.modes_accueil},
           {"zone_eligibilite", &s.zone_eligibilite},
           {"modes_mobilisation", &s.modes_mobilisation},
           {"mobilisable_par", &s.mobilisable_par}})
    list(j, field, *target, errors);
}

void read_structure_content(const Json& j, domain::ResourceStructure& s, FieldErrors& errors) {
  req_text(j, "nom", s.nom, errors);
  req_text(j, "description", s.description, errors);
  for (auto [field, target] :
       std::initializer_list<std::pair<const char*, std::optional<std::string>*>>{
           {"siret", &s.siret},
           {"adresse", &s.adresse},
           {"complement_adresse", &s.complement_adresse},
           {"code_postal", &s.code_postal},
           {"commune", &s.commune},
           {"code_insee", &s.code_insee},
           {"telephone", &s.telephone},
           {"courriel", &s.courriel},
           {"site_web", &s.site_web},
           {"horaires_accueil", &s.horaires_accueil}})
    opt_text(j, field, *target, errors);
  list(j, "reseaux_porteurs", s.reseaux_porteurs, errors);
}

domain::ResourceService service_from_json(const Json& j, FieldErrors& errors) {
  domain::ResourceService s;
  if (!j.is_object()) {
    errors.push_back({std::nullopt, "type", "Chaque service doit être un objet JSON."});
    return s;
  }
  for (const auto& [key, value] : j.items())
    if (!service_content_fields().count(key) && !ignored_datainclusion_fields().count(key) &&
        key != "source" && key != "id" && key != "structure_id" && key != "date_maj")
      errors.push_back({key, "champ_inconnu",
                        "« " + key + " » n'est pas un champ du schéma data·inclusion v1."});
  req_text(j, "source", s.source, errors);
  req_text(j, "id", s.source_id, errors);
  req_text(j, "structure_id", s.structure_source_id, errors);
  req_text(j, "date_maj", s.date_maj, errors);
  for (auto [field, value] : {std::pair<const char*, const std::string*>{"source", &s.source},
                              {"id", &s.source_id},
                              {"structure_id", &s.structure_source_id}})
    if (value->empty() || value->size() > 200)
      errors.push_back(
          {field, "obligatoire",
           std::string("« ") + field + " » est obligatoire (200 caractères au plus)."});
  read_service_content(j, s, errors);
  return s;
}

domain::ResourceStructure structure_from_json(const Json& j, FieldErrors& errors) {
  domain::ResourceStructure s;
  if (!j.is_object()) {
    errors.push_back({std::nullopt, "type", "Chaque structure doit être un objet JSON."});
    return s;
  }
  for (const auto& [key, value] : j.items())
    if (!structure_content_fields().count(key) && !ignored_datainclusion_fields().count(key) &&
        key != "source" && key != "id" && key != "date_maj")
      errors.push_back({key, "champ_inconnu",
                        "« " + key + " » n'est pas un champ du schéma data·inclusion v1."});
  req_text(j, "source", s.source, errors);
  req_text(j, "id", s.source_id, errors);
  req_text(j, "date_maj", s.date_maj, errors);
  for (auto [field, value] :
       {std::pair<const char*, const std::string*>{"source", &s.source}, {"id", &s.source_id}})
    if (value->empty() || value->size() > 200)
      errors.push_back(
          {field, "obligatoire",
           std::string("« ") + field + " » est obligatoire (200 caractères au plus)."});
  read_structure_content(j, s, errors);
  return s;
}

Json service_to_json(const domain::ResourceService& s) {
  return {{"source", s.source},
          {"id", s.source_id},
          {"structure_id", s.structure_source_id},
          {"nom", s.nom},
          {"description", s.description},
          {"type", opt(s.type)},
          {"thematiques", opt_list(s.thematiques)},
          {"frais", opt(s.frais)},
          {"frais_precisions", opt(s.frais_precisions)},
          {"publics", opt_list(s.publics)},
          {"publics_precisions", opt(s.publics_precisions)},
          {"conditions_acces", opt(s.conditions_acces)},
          {"adresse", opt(s.adresse)},
          {"complement_adresse", opt(s.complement_adresse)},
          {"code_postal", opt(s.code_postal)},
          {"commune", opt(s.commune)},
          {"code_insee", opt(s.code_insee)},
          {"telephone", opt(s.telephone)},
          {"courriel", opt(s.courriel)},
          {"contact_nom_prenom", opt(s.contact_nom_prenom)},
          {"modes_accueil", opt_list(s.modes_accueil)},
          {"zone_eligibilite", opt_list(s.zone_eligibilite)},
          {"modes_mobilisation", opt_list(s.modes_mobilisation)},
          {"mobilisable_par", opt_list(s.mobilisable_par)},
          {"mobilisation_precisions", opt(s.mobilisation_precisions)},
          {"lien_mobilisation", opt(s.lien_mobilisation)},
          {"horaires_accueil", opt(s.horaires_accueil)},
          {"date_maj", s.date_maj}};
}

Json structure_to_json(const domain::ResourceStructure& s) {
  return {{"source", s.source},
          {"id", s.source_id},
          {"nom", s.nom},
          {"description", s.description},
          {"siret", opt(s.siret)},
          {"adresse", opt(s.adresse)},
          {"complement_adresse", opt(s.complement_adresse)},
          {"code_postal", opt(s.code_postal)},
          {"commune", opt(s.commune)},
          {"code_insee", opt(s.code_insee)},
          {"telephone", opt(s.telephone)},
          {"courriel", opt(s.courriel)},
          {"site_web", opt(s.site_web)},
          {"horaires_accueil", opt(s.horaires_accueil)},
          {"reseaux_porteurs", opt_list(s.reseaux_porteurs)},
          {"date_maj", s.date_maj}};
}

}  // namespace binome::store
