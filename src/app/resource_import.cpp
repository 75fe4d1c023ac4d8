// Import and export of the base in data·inclusion schema v1 JSON.
#include <algorithm>

#include "app/guards.hpp"
#include "app/resource_base_service.hpp"
#include "domain/commune_list.hpp"
#include "store/communes_repo.hpp"
#include "store/datainclusion_json.hpp"
#include "store/orgs_repo.hpp"

namespace binome::app {
namespace {

using domain::DomainError;
using Json = nlohmann::json;

void require_import_role(const domain::Actor& actor) {
  if (actor.role != domain::Role::admin && actor.role != domain::Role::coordinateur)
    throw DomainError(DomainError::Kind::forbidden, "reserve_coordination",
                      "L'import et l'export de la base de ressources sont réservés aux "
                      "coordinateurs et aux administrateurs.");
}

std::string key(const std::string& source, const std::string& id) {
  return source + "\x1f" + id;
}

std::string record_name(const char* list, std::size_t index) {
  return std::string(list) + "[" + std::to_string(index) + "]";
}

// The département a record belongs to when the file does not say: its commune's, else the
// first commune or département of its zone.
std::string derived_departement(const std::optional<std::string>& code_insee,
                                const std::vector<std::string>& zone) {
  if (code_insee && domain::is_commune_code(*code_insee))
    return domain::departement_of_commune(*code_insee);
  for (const auto& z : zone) {
    if (domain::is_commune_code(z)) return domain::departement_of_commune(z);
    if (domain::is_departement_code(z)) return z;
  }
  return "";
}

}  // namespace

ImportReport ResourceBaseService::import_json(const domain::Actor& actor, const Json& file,
                                              const std::string& departement,
                                              const Origin& origin) {
  require_import_role(actor);
  if (!file.is_object())
    throw DomainError(DomainError::Kind::invalid, "format",
                      "Le fichier doit être un objet JSON {\"structures\": [...], \"services\": "
                      "[...]} au schéma data·inclusion v1.");
  domain::FieldErrors top;
  for (const auto& [k, v] : file.items())
    if (k != "structures" && k != "services")
      top.push_back(
          {k, "champ_inconnu",
           "« " + k + " » : seules les listes « structures » et « services » sont lues."});
  for (const char* list : {"structures", "services"})
    if (file.contains(list) && !file[list].is_array())
      top.push_back({list, "type", std::string("« ") + list + " » doit être une liste."});
  if (!top.empty()) throw DomainError(DomainError::Kind::invalid, top);

  const auto day = today();
  ImportReport report;
  auto reject = [&](const std::string& record, const domain::FieldErrors& errors) {
    for (const auto& e : errors) report.errors.push_back({record, e.field, e.code, e.message});
    ++report.rejected;
  };

  const auto [known_sub_themes, mapping] = ctx_.db.with_session([](soci::session& sql) {
    return std::make_pair(store::sub_theme_codes(sql), store::thematique_mapping(sql));
  });
  std::map<std::string, std::set<std::string>> epcis_by_departement;
  auto departement_known = [&](const std::string& code) {
    return ctx_.db.with_session(
        [&](soci::session& sql) { return store::departement_exists(sql, code); });
  };
  auto resolve_departement = [&](const std::string& derived, domain::FieldErrors& errors) {
    const auto dep = departement.empty() ? derived : departement;
    if (dep.empty())
      errors.push_back({"code_insee", "departement",
                        "Impossible de rattacher l'enregistrement à un département : renseignez "
                        "le code INSEE de la commune."});
    else if (!departement_known(dep))
      errors.push_back({"code_insee", "departement",
                        "Le département « " + dep + " » n'est pas géré par binome."});
    return dep;
  };

  // The valid structures in the file's order, and their index by key.
  std::vector<std::pair<std::string, domain::ResourceStructure>> structures;
  std::map<std::string, std::size_t> structure_index;
  std::set<std::string> seen_structures, rejected_structures;
  const Json empty = Json::array();
  const auto& structure_list = file.contains("structures") ? file["structures"] : empty;
  for (std::size_t i = 0; i < structure_list.size(); ++i) {
    domain::FieldErrors errors;
    auto s = store::structure_from_json(structure_list[i], errors);
    const auto k = key(s.source, s.source_id);
    if (!s.source_id.empty() && !seen_structures.insert(k).second)
      errors.push_back({"id", "doublon",
                        "La structure « " + s.source_id + " » figure deux fois dans le fichier."});
    s.departement = resolve_departement(derived_departement(s.code_insee, {}), errors);
    auto more = domain::validate(s, day);
    errors.insert(errors.end(), more.begin(), more.end());
    if (errors.empty()) {
      structure_index[k] = structures.size();
      structures.emplace_back(k, std::move(s));
    } else {
      rejected_structures.insert(k);
      reject(record_name("structures", i), errors);
    }
  }

  std::vector<domain::ResourceService> services;
  std::set<std::string> seen_services;
  const auto& service_list = file.contains("services") ? file["services"] : empty;
  for (std::size_t i = 0; i < service_list.size(); ++i) {
    domain::FieldErrors errors;
    auto s = store::service_from_json(service_list[i], errors);
    const auto k = key(s.source, s.source_id);
    if (!s.source_id.empty() && !seen_services.insert(k).second)
      errors.push_back({"id", "doublon",
                        "Le service « " + s.source_id + " » figure deux fois dans le fichier."});
    const auto sk = key(s.source, s.structure_source_id);
    std::optional<domain::ResourceStructure> structure;
    if (auto it = structure_index.find(sk); it != structure_index.end())
      structure = structures[it->second].second;
    else if (!rejected_structures.count(sk))
      structure = ctx_.db.with_session([&](soci::session& sql) {
        return store::find_structure_by_source(sql, s.source, s.structure_source_id);
      });
    if (!structure)
      errors.push_back(
          {"structure_id", rejected_structures.count(sk) ? "structure_rejetee" : "introuvable",
           rejected_structures.count(sk)
               ? "La structure « " + s.structure_source_id + " » de ce service est rejetée."
               : "La structure « " + s.structure_source_id +
                     " » n'est ni dans le fichier ni dans la base."});
    auto derived = derived_departement(s.code_insee, s.zone_eligibilite);
    if (derived.empty() && structure) derived = structure->departement;
    s.departement = resolve_departement(derived, errors);
    if (structure && !s.departement.empty() && structure->departement != s.departement)
      errors.push_back({"structure_id", "departement",
                        "Le service et sa structure ne sont pas du même département."});
    // Filed under the convention's sub-themes through the mapping of its thématiques.
    std::set<std::string> subs;
    for (const auto& t : s.thematiques)
      if (auto it = mapping.find(t); it != mapping.end())
        for (const auto& st : it->second)
          if (subs.insert(st).second) s.sub_themes.push_back(st);
    auto more = domain::validate(s, known_sub_themes, day);
    if (!s.departement.empty()) {
      auto it = epcis_by_departement.find(s.departement);
      if (it == epcis_by_departement.end())
        it = epcis_by_departement
                 .emplace(s.departement, ctx_.db.with_session([&](soci::session& sql) {
                   return store::epci_codes(sql, s.departement);
                 }))
                 .first;
      auto unknown = domain::check_zone_epcis(s.zone_eligibilite, it->second);
      more.insert(more.end(), unknown.begin(), unknown.end());
    }
    for (auto& e : more)
      if (e.field == "sous_thematiques" && e.code == "obligatoire")
        e.message =
            "Aucune thématique du service ne correspond à une sous-thématique des 7 "
            "problématiques : ajoutez une thématique d'accompagnement social.";
    errors.insert(errors.end(), more.begin(), more.end());
    if (errors.empty())
      services.push_back(std::move(s));
    else
      reject(record_name("services", i), errors);
  }

  const auto now = ctx_.now_iso();
  ctx_.db.transaction([&](soci::session& sql) {
    std::map<std::string, std::int64_t> structure_ids;
    for (auto& [k, s] : structures) {
      if (auto existing = store::find_structure_by_source(sql, s.source, s.source_id)) {
        s.id = existing->id;
        if (store::structure_to_json(*existing) == store::structure_to_json(s) &&
            existing->departement == s.departement)
          ++report.unchanged;
        else {
          store::update_structure(sql, s, now);
          ++report.structures_updated;
        }
      } else {
        s.id = store::insert_structure(sql, s, now);
        ++report.structures_created;
      }
      structure_ids[k] = s.id;
    }
    for (auto& s : services) {
      const auto sk = key(s.source, s.structure_source_id);
      if (auto it = structure_ids.find(sk); it != structure_ids.end())
        s.structure_id = it->second;
      else
        s.structure_id = store::find_structure_by_source(sql, s.source, s.structure_source_id)->id;
      if (auto existing = store::find_service_by_source(sql, s.source, s.source_id)) {
        // binome's own facts (life cycle, territory, frequency) stay; the content is the file's.
        s.id = existing->id;
        s.territory_id = existing->territory_id;
        s.update_every_months = existing->update_every_months;
        s.state = existing->state;
        s.validated_departement_by = existing->validated_departement_by;
        s.validated_departement_at = existing->validated_departement_at;
        s.validated_france_travail_by = existing->validated_france_travail_by;
        s.validated_france_travail_at = existing->validated_france_travail_at;
        s.published_at = existing->published_at;
        s.archived_at = existing->archived_at;
        // The filing done in binome stays; the file's thématiques may add sub-themes to it.
        auto filed = existing->sub_themes;
        for (const auto& st : s.sub_themes)
          if (std::find(filed.begin(), filed.end(), st) == filed.end()) filed.push_back(st);
        s.sub_themes = filed;
        if (store::service_to_json(*existing) == store::service_to_json(s) &&
            existing->sub_themes == s.sub_themes && existing->departement == s.departement &&
            existing->structure_id == s.structure_id)
          ++report.unchanged;
        else {
          store::update_service(sql, ctx_.db.dialect(), s, now);
          ++report.services_updated;
        }
      } else {
        s.state = domain::ResourceState::brouillon;
        s.id = store::insert_service(sql, ctx_.db.dialect(), s, now);
        ++report.services_created;
      }
    }
    store::append_audit(
        sql, ctx_.db.dialect(), now,
        {audit_entry(
            actor, "resource.import", std::nullopt, origin,
            "import:structures=" +
                std::to_string(report.structures_created + report.structures_updated) +
                ",services=" + std::to_string(report.services_created + report.services_updated) +
                ",rejets=" + std::to_string(report.rejected))});
    if (report.services_created + report.services_updated > 0)
      store::refresh_search_statistics(sql, ctx_.db.dialect());
  });
  return report;
}

Json ResourceBaseService::export_json(const domain::Actor& actor, const std::string& departement,
                                      const Origin& origin) {
  require_import_role(actor);
  Json out = {{"structures", Json::array()}, {"services", Json::array()}};
  ctx_.db.with_session([&](soci::session& sql) {
    for (const auto& s : store::list_structures(sql, departement))
      out["structures"].push_back(store::structure_to_json(s));
    for (const auto& s : store::services_for_export(sql, departement))
      out["services"].push_back(store::service_to_json(s));
  });
  audit_now(ctx_, audit_entry(
                      actor, "resource.export", std::nullopt, origin,
                      "departement:" + (departement.empty() ? std::string("tous") : departement)));
  return out;
}

}  // namespace binome::app
