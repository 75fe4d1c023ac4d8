// Axe 1: the base of social resources (search, sheets, editing, life cycle, import/export) and
// the resources mobilised for a person.
#include "domain/resource_lists.hpp"
#include "domain/text.hpp"
#include "http/routes.hpp"
#include "store/datainclusion_json.hpp"

namespace binome::http {
namespace {

using domain::DomainError;

template <std::size_t N>
Json list_json(const std::array<domain::Labelled, N>& list) {
  Json out = Json::array();
  for (const auto& item : list) out.push_back({{"code", item.code}, {"label", item.label}});
  return out;
}

template <std::size_t N>
Json labelled(const std::vector<std::string>& codes, const std::array<domain::Labelled, N>& list) {
  Json out = Json::array();
  for (const auto& c : codes)
    out.push_back({{"code", c}, {"label", std::string(domain::label_of(list, c).value_or(c))}});
  return out;
}

template <std::size_t N>
Json labelled(const std::optional<std::string>& code, const std::array<domain::Labelled, N>& list) {
  if (!code) return nullptr;
  return {{"code", *code}, {"label", std::string(domain::label_of(list, *code).value_or(*code))}};
}

// Sub-theme code -> {label, problématique code and label}.
struct SubThemeLabels {
  std::map<std::string, std::pair<std::string, const store::Problematique*>> by_code;
  std::shared_ptr<const std::vector<store::Problematique>> all;
  explicit SubThemeLabels(std::shared_ptr<const std::vector<store::Problematique>> p)
      : all(std::move(p)) {
    for (const auto& pr : *all)
      for (const auto& st : pr.sub_themes) by_code[st.code] = {st.label, &pr};
  }
  Json of(const std::vector<std::string>& codes) const {
    Json out = Json::array();
    for (const auto& c : codes) {
      auto it = by_code.find(c);
      if (it == by_code.end()) continue;
      out.push_back({{"code", c},
                     {"label", it->second.first},
                     {"problematique",
                      {{"code", it->second.second->code}, {"label", it->second.second->label}}}});
    }
    return out;
  }
};

Json structure_json(const domain::ResourceStructure& s) {
  auto j = store::structure_to_json(s);
  j["source_id"] = j["id"];
  j["id"] = s.id;
  j["reseaux_porteurs"] = labelled(s.reseaux_porteurs, domain::kDiReseauxPorteurs);
  return j;
}

Json service_summary(const domain::ResourceService& s, const std::string& structure_nom, bool stale,
                     const SubThemeLabels& labels) {
  return {{"id", s.id},
          {"nom", s.nom},
          {"structure", {{"id", s.structure_id}, {"nom", structure_nom}}},
          {"commune", s.commune ? Json(*s.commune) : Json(nullptr)},
          {"type", labelled(s.type, domain::kDiServiceTypes)},
          {"publics", labelled(s.publics, domain::kDiPublics)},
          {"sous_thematiques", labels.of(s.sub_themes)},
          {"state", domain::to_string(s.state)},
          {"state_label", domain::label_fr(s.state)},
          {"date_maj", s.date_maj},
          {"stale", stale}};
}

Json service_json(const app::ServiceView& v, const SubThemeLabels& labels) {
  const auto& s = v.service;
  auto j = store::service_to_json(s);
  j["source_id"] = j["id"];
  j["id"] = s.id;
  j["structure_id"] = s.structure_id;
  j["structure"] = structure_json(v.structure);
  j["territory_id"] = s.territory_id ? Json(*s.territory_id) : Json(nullptr);
  j["type"] = labelled(s.type, domain::kDiServiceTypes);
  j["frais"] = labelled(s.frais, domain::kDiFrais);
  j["thematiques"] = labelled(s.thematiques, domain::kDiThematiques);
  j["publics"] = labelled(s.publics, domain::kDiPublics);
  j["modes_accueil"] = labelled(s.modes_accueil, domain::kDiModesAccueil);
  j["modes_mobilisation"] = labelled(s.modes_mobilisation, domain::kDiModesMobilisation);
  j["mobilisable_par"] = labelled(s.mobilisable_par, domain::kDiMobilisablePar);
  j["zone_eligibilite"] = s.zone_eligibilite;
  j["sous_thematiques"] = labels.of(s.sub_themes);
  j["frequence_mise_a_jour_mois"] = s.update_every_months;
  j["mise_a_jour_due_le"] = v.due_on;
  j["stale"] = v.stale;
  j["state"] = domain::to_string(s.state);
  j["state_label"] = domain::label_fr(s.state);
  auto validation = [&](const std::optional<std::int64_t>& by,
                        const std::optional<std::string>& at) {
    if (!by) return Json(nullptr);
    auto it = v.names.find(*by);
    return Json{{"by", it == v.names.end() ? std::string() : it->second}, {"at", at.value_or("")}};
  };
  j["validations"] = {
      {"departement", validation(s.validated_departement_by, s.validated_departement_at)},
      {"france_travail", validation(s.validated_france_travail_by, s.validated_france_travail_at)}};
  j["published_at"] = s.published_at ? Json(*s.published_at) : Json(nullptr);
  j["archived_at"] = s.archived_at ? Json(*s.archived_at) : Json(nullptr);
  return j;
}

std::vector<std::string> service_body_fields() {
  std::vector<std::string> out(store::service_content_fields().begin(),
                               store::service_content_fields().end());
  for (const char* extra :
       {"structure_id", "territory_id", "sous_thematiques", "frequence_mise_a_jour_mois"})
    out.push_back(extra);
  return out;
}

std::vector<std::string> string_list(const Json& body, const std::string& field,
                                     domain::FieldErrors& errors) {
  std::vector<std::string> out;
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array()) {
    errors.push_back({field, "type", "« " + field + " » doit être une liste."});
    return out;
  }
  for (const auto& v : *it)
    if (v.is_string())
      out.push_back(v.get<std::string>());
    else
      errors.push_back({field, "type", "« " + field + " » ne contient que des textes."});
  return out;
}

domain::ResourceService service_from_body(const Request& req) {
  auto body = json_object_body(req, service_body_fields());
  domain::FieldErrors errors;
  domain::ResourceService s;
  store::read_service_content(body, s, errors);
  const auto structure = opt_int(body, "structure_id", errors);
  if (!structure)
    errors.push_back({"structure_id", "obligatoire", "Choisissez la structure porteuse."});
  s.structure_id = structure.value_or(0);
  s.territory_id = opt_int(body, "territory_id", errors);
  s.sub_themes = string_list(body, "sous_thematiques", errors);
  s.update_every_months =
      static_cast<int>(opt_int(body, "frequence_mise_a_jour_mois", errors).value_or(3));
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  return s;
}

domain::ResourceStructure structure_from_body(const Request& req) {
  std::vector<std::string> allowed(store::structure_content_fields().begin(),
                                   store::structure_content_fields().end());
  auto body = json_object_body(req, allowed);
  domain::FieldErrors errors;
  domain::ResourceStructure s;
  store::read_structure_content(body, s, errors);
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  return s;
}

std::optional<std::string> query_code(const Request& req, const std::string& name,
                                      domain::FieldErrors& errors) {
  auto v = req.query_value(name);
  if (!v || v->empty()) return std::nullopt;
  const bool ok = v->size() <= 80 && std::all_of(v->begin(), v->end(), [](char c) {
                    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                           c == '-' || c == '.' || (c >= 'A' && c <= 'Z');
                  });
  if (!ok) errors.push_back({name, "format", "Le filtre « " + name + " » est mal formé."});
  return v;
}

Json action_json(const store::ResourceAction& a) {
  auto opt = [](const std::optional<std::string>& v) { return v ? Json(*v) : Json(nullptr); };
  static const std::map<std::string, std::string> kStatus{
      {"proposee", "Proposée"}, {"realisee", "Réalisée"}, {"abandonnee", "Abandonnée"}};
  return {
      {"id", a.id},
      {"person_id", a.person_id},
      {"service", {{"id", a.service_id}, {"nom", a.service_nom}, {"structure", a.structure_nom}}},
      {"problematique", {{"code", a.problematique}, {"label", a.problematique_label}}},
      {"status", a.status},
      {"status_label", kStatus.at(a.status)},
      {"proposed_on", a.proposed_on},
      {"done_on", opt(a.done_on)},
      {"abandoned_on", opt(a.abandoned_on)}};
}

}  // namespace

void add_resource_routes(Router& router, RouteDeps deps) {
  auto& svc = deps.services.resources;

  router.add("GET", "/api/v1/resources/referentials", Access::authenticated, [&svc](Request&) {
    Json problems = Json::array();
    for (const auto& p : svc.problematiques()) {
      Json subs = Json::array();
      for (const auto& st : p.sub_themes)
        subs.push_back({{"code", st.code}, {"label", st.label}, {"thematiques", st.thematiques}});
      problems.push_back({{"code", p.code}, {"label", p.label}, {"sous_thematiques", subs}});
    }
    return json_response(200, {{"problematiques", problems},
                               {"thematiques", list_json(domain::kDiThematiques)},
                               {"types", list_json(domain::kDiServiceTypes)},
                               {"frais", list_json(domain::kDiFrais)},
                               {"publics", list_json(domain::kDiPublics)},
                               {"modes_accueil", list_json(domain::kDiModesAccueil)},
                               {"modes_mobilisation", list_json(domain::kDiModesMobilisation)},
                               {"mobilisable_par", list_json(domain::kDiMobilisablePar)},
                               {"reseaux_porteurs", list_json(domain::kDiReseauxPorteurs)}});
  });

  router.add("PUT", "/api/v1/admin/resources/sub-themes/{code}", Access::authenticated,
             [&svc](Request& req) {
               auto body = json_object_body(req, {"thematiques"});
               domain::FieldErrors errors;
               auto list = string_list(body, "thematiques", errors);
               if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
               auto st = svc.set_mapping(req.actor(), req.params.at("code"), list, req.origin());
               return json_response(
                   200, {{"code", st.code}, {"label", st.label}, {"thematiques", st.thematiques}});
             });

  router.add("GET", "/api/v1/resources/structures", Access::authenticated, [&svc](Request& req) {
    Json items = Json::array();
    for (const auto& s : svc.structures(req.actor())) items.push_back(structure_json(s));
    return json_response(200, {{"items", items}});
  });
  router.add("POST", "/api/v1/resources/structures", Access::authenticated, [&svc](Request& req) {
    return json_response(201, structure_json(svc.create_structure(
                                  req.actor(), structure_from_body(req), req.origin())));
  });
  router.add(
      "PUT", "/api/v1/resources/structures/{id}", Access::authenticated, [&svc](Request& req) {
        return json_response(
            200, structure_json(svc.update_structure(req.actor(), path_id(req, "id"),
                                                     structure_from_body(req), req.origin())));
      });

  router.add("GET", "/api/v1/resources/services", Access::authenticated, [&svc](Request& req) {
    auto [page, per_page] = paging(req);
    store::ResourceQuery q;
    q.page = page;
    q.per_page = per_page;
    domain::FieldErrors errors;
    if (auto text = req.query_value("q"); text && !text->empty()) {
      if (text->size() > 200 || !domain::is_clean_utf8(*text))
        errors.push_back({"q", "invalide", "La recherche est trop longue ou mal formée."});
      q.text = *text;
    }
    q.problematique = query_code(req, "problematique", errors);
    q.sub_theme = query_code(req, "sous_thematique", errors);
    q.commune = query_code(req, "commune", errors);
    if (q.commune && !domain::is_commune_code(*q.commune))
      errors.push_back(
          {"commune", "format", "La commune se donne par son code INSEE (5 caractères)."});
    q.public_code = query_code(req, "public", errors);
    if (q.public_code && !domain::label_of(domain::kDiPublics, *q.public_code))
      errors.push_back({"public", "liste", "Ce public n'est pas dans la liste data·inclusion."});
    if (auto st = req.query_value("structure_id")) q.structure_id = query_id(req, "structure_id");
    if (auto etat = query_code(req, "etat", errors)) {
      if (*etat == "tous")
        q.states = {"brouillon", "valide", "publie"};
      else if (domain::parse_resource_state(*etat))
        q.states = {*etat};
      else
        errors.push_back(
            {"etat", "liste", "État inconnu : brouillon, valide, publie, archive ou tous."});
    }
    if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
    const auto result = svc.search(req.actor(), q);
    const SubThemeLabels labels(svc.labels());
    Json items = Json::array();
    for (const auto& hit : result.items)
      items.push_back(service_summary(hit.service, hit.structure_nom, hit.stale, labels));
    return json_response(200, {{"items", items},
                               {"total", result.total},
                               {"total_capped", result.total_capped},
                               {"page", page},
                               {"per_page", per_page}});
  });

  router.add("POST", "/api/v1/resources/services", Access::authenticated, [&svc](Request& req) {
    const SubThemeLabels labels(svc.labels());
    return json_response(
        201, service_json(svc.create(req.actor(), service_from_body(req), req.origin()), labels));
  });
  router.add("GET", "/api/v1/resources/services/{id}", Access::authenticated, [&svc](Request& req) {
    const SubThemeLabels labels(svc.labels());
    return json_response(200, service_json(svc.get(req.actor(), path_id(req, "id")), labels));
  });
  router.add("PUT", "/api/v1/resources/services/{id}", Access::authenticated, [&svc](Request& req) {
    const SubThemeLabels labels(svc.labels());
    return json_response(200, service_json(svc.update(req.actor(), path_id(req, "id"),
                                                      service_from_body(req), req.origin()),
                                           labels));
  });
  using Step = app::ServiceView (app::ResourceBaseService::*)(const domain::Actor&, std::int64_t,
                                                              const app::Origin&);
  for (auto [suffix, step] :
       {std::pair<const char*, Step>{"validation", &app::ResourceBaseService::validate},
        {"publication", &app::ResourceBaseService::publish},
        {"archive", &app::ResourceBaseService::archive},
        {"confirmation", &app::ResourceBaseService::confirm}})
    router.add("POST", std::string("/api/v1/resources/services/{id}/") + suffix,
               Access::authenticated, [&svc, step](Request& req) {
                 const SubThemeLabels labels(svc.labels());
                 return json_response(
                     200, service_json((svc.*step)(req.actor(), path_id(req, "id"), req.origin()),
                                       labels));
               });

  router.add("GET", "/api/v1/resources/stale", Access::authenticated, [&svc](Request& req) {
    const SubThemeLabels labels(svc.labels());
    Json items = Json::array();
    for (const auto& s : svc.stale_for(req.actor())) {
      auto j = service_summary(s, "", true, labels);
      j["mise_a_jour_due_le"] =
          domain::to_iso(domain::update_due_on(s.date_maj, s.update_every_months));
      items.push_back(j);
    }
    return json_response(200, {{"items", items}});
  });

  router.add("POST", "/api/v1/resources/import", Access::authenticated, [&svc](Request& req) {
    Json file = Json::parse(req.body, nullptr, false);
    if (file.is_discarded()) throw BadRequest("Le fichier n'est pas du JSON valide.");
    const auto report = svc.import_json(req.actor(), file, req.actor().departement, req.origin());
    Json errors = Json::array();
    for (const auto& e : report.errors)
      errors.push_back({{"record", e.record},
                        {"field", e.field ? Json(*e.field) : Json(nullptr)},
                        {"rule", e.rule},
                        {"message", e.message}});
    return json_response(200, {{"structures_created", report.structures_created},
                               {"structures_updated", report.structures_updated},
                               {"services_created", report.services_created},
                               {"services_updated", report.services_updated},
                               {"unchanged", report.unchanged},
                               {"rejected", report.rejected},
                               {"errors", errors}});
  });
  router.add("GET", "/api/v1/resources/export", Access::authenticated, [&svc](Request& req) {
    auto r =
        json_response(200, svc.export_json(req.actor(), req.actor().departement, req.origin()));
    r.headers.push_back({"Content-Disposition", "attachment; filename=\"ressources-" +
                                                    req.actor().departement + ".json\""});
    return r;
  });

  router.add("GET", "/api/v1/persons/{id}/resource-actions", Access::authenticated,
             [&svc](Request& req) {
               Json items = Json::array();
               for (const auto& a : svc.actions_of(req.actor(), path_id(req, "id"), req.origin()))
                 items.push_back(action_json(a));
               return json_response(200, {{"items", items}});
             });
  router.add(
      "POST", "/api/v1/persons/{id}/resource-actions", Access::authenticated, [&svc](Request& req) {
        auto body = json_object_body(req, {"service_id", "problematique", "proposed_on"});
        domain::FieldErrors errors;
        const auto service = opt_int(body, "service_id", errors);
        const auto problem = req_string(body, "problematique", errors);
        const auto on = req_string(body, "proposed_on", errors);
        if (!service)
          errors.push_back({"service_id", "obligatoire", "Choisissez le service proposé."});
        if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
        return json_response(201, action_json(svc.propose(req.actor(), path_id(req, "id"), *service,
                                                          problem, on, req.origin())));
      });
  router.add(
      "POST", "/api/v1/resource-actions/{id}/status", Access::authenticated, [&svc](Request& req) {
        auto body = json_object_body(req, {"status", "on"});
        domain::FieldErrors errors;
        const auto status = req_string(body, "status", errors);
        const auto on = req_string(body, "on", errors);
        if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
        return json_response(200, action_json(svc.set_action_status(req.actor(), path_id(req, "id"),
                                                                    status, on, req.origin())));
      });
}

}  // namespace binome::http
