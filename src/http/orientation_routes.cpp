#include <sodium.h>

#include "domain/orientation.hpp"
#include "http/routes.hpp"

namespace binome::http {
namespace {

using domain::DomainError;

template <std::size_t N>
Json labelled_codes(const std::vector<std::string>& codes,
                    const std::array<domain::Labelled, N>& list) {
  Json out = Json::array();
  for (const auto& c : codes)
    out.push_back({{"code", c}, {"label", std::string(domain::label_of(list, c).value_or(c))}});
  return out;
}

Json position_json(const std::optional<store::PositionRow>& p) {
  if (!p) return nullptr;
  return {{"position", p->accord ? "accord" : "desaccord"}, {"by", p->by_name}, {"at", p->at}};
}

Json orientation_json(const app::OrientationView& v) {
  const auto& o = v.row;
  const auto status = domain::parse_status(o.status);
  const auto mode = domain::parse_decision_mode(o.decision_mode);
  const auto tacit = o.tacit_public ? domain::parse_tacit_public(*o.tacit_public) : std::nullopt;
  Json history = Json::array();
  for (const auto& e : v.history)
    history.push_back({{"at", e.at}, {"user", e.user_name}, {"label", e.detail}});
  Json decision = nullptr;
  if (o.decision) {
    Json reason = nullptr;
    if (o.decision_reason)
      reason = {{"code", *o.decision_reason},
                {"label",
                 std::string(
                     domain::label_of(domain::kNonEntryReasons, *o.decision_reason).value_or(""))}};
    decision = {
        {"value", *o.decision},
        {"reason", reason},
        {"planned_start_on", o.planned_start_on ? Json(*o.planned_start_on) : Json(nullptr)},
        {"by", o.decided_by_name},
        {"at", o.decided_at ? Json(*o.decided_at) : Json(nullptr)}};
  }
  Json override_json = nullptr;
  if (o.override_reason)
    override_json = {
        {"reason",
         {{"code", *o.override_reason},
          {"label",
           std::string(
               domain::label_of(domain::kOverrideReasons, *o.override_reason).value_or(""))}}},
        {"by", o.override_by_name}};
  return {{"id", o.id},
          {"person_id", o.person_id},
          {"person", {{"id", o.person_id}, {"name", o.person_name}}},
          {"status", o.status},
          {"status_label", status ? std::string(domain::label_fr(*status)) : o.status},
          {"oriented_on", o.oriented_on},
          {"due_on", v.deadline.due ? Json(domain::to_iso(*v.deadline.due)) : Json(nullptr)},
          {"deadline_state", v.deadline.state == domain::Deadline::State::none
                                 ? Json(nullptr)
                                 : Json(std::string(domain::to_string(v.deadline.state)))},
          {"orienteur",
           {{"id", o.orienteur_id},
            {"display_name", o.orienteur_name},
            {"organisation", o.orienteur_org}}},
          {"side", o.side},
          {"origin", {{"code", o.origin}, {"label", o.origin_label}}},
          {"decision_mode",
           {{"code", o.decision_mode},
            {"label", mode ? std::string(domain::label_fr(*mode)) : o.decision_mode}}},
          {"tacit_public",
           tacit ? Json{{"code", *o.tacit_public}, {"label", std::string(domain::label_fr(*tacit))}}
                 : Json(nullptr)},
          {"rome_code", o.rome_code ? Json(*o.rome_code) : Json(nullptr)},
          {"registered_job_seeker", o.registered_job_seeker},
          {"social_criteria", labelled_codes(o.social_criteria, domain::kSocialCriteria)},
          {"professional_criteria",
           labelled_codes(o.professional_criteria, domain::kProfessionalCriteria)},
          {"obstacles", labelled_codes(o.obstacles, domain::kPeripheralObstacles)},
          {"consent",
           {{"collected_by", o.consent_collected_by_name},
            {"collected_on", o.consent_collected_on},
            {"signature_date", o.consent_signature_on},
            {"electronic_exchange", o.electronic_exchange}}},
          {"positions",
           {{"france_travail", position_json(o.ft_position)},
            {"departement", position_json(o.dep_position)}}},
          {"decision", decision},
          {"no_shows", o.no_shows},
          {"override", override_json},
          {"convention", {{"code", o.profile_code}, {"label", o.profile_label}}},
          {"allowed_actions", v.allowed_actions},
          {"entry_durations", v.entry_durations},
          {"history", history}};
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
  for (const auto& x : *it) {
    if (!x.is_string()) {
      errors.push_back({field, "type", "« " + field + " » doit être une liste de codes."});
      return {};
    }
    out.push_back(x.get<std::string>());
  }
  return out;
}

domain::OrientationRequest request_from(const Request& req) {
  auto body = json_object_body(
      req, {"origin", "decision_mode", "tacit_public", "rome_code", "registered_job_seeker",
            "social_criteria", "professional_criteria", "obstacles", "consent", "override_reason"});
  domain::FieldErrors errors;
  domain::OrientationRequest r;
  r.origin = req_string(body, "origin", errors);
  r.decision_mode = req_string(body, "decision_mode", errors);
  r.tacit_public = opt_string(body, "tacit_public", errors);
  r.rome_code = opt_string(body, "rome_code", errors);
  if (auto it = body.find("registered_job_seeker"); it != body.end() && !it->is_null()) {
    if (it->is_boolean())
      r.registered_job_seeker = it->get<bool>();
    else
      errors.push_back({"registered_job_seeker", "type",
                        "« registered_job_seeker » doit valoir true ou false."});
  }
  r.social_criteria = string_list(body, "social_criteria", errors);
  r.professional_criteria = string_list(body, "professional_criteria", errors);
  r.obstacles = string_list(body, "obstacles", errors);
  r.override_reason = opt_string(body, "override_reason", errors);
  if (auto it = body.find("consent"); it != body.end() && !it->is_null()) {
    if (!it->is_object()) {
      errors.push_back({"consent", "type", "« consent » doit être un objet."});
    } else {
      for (const auto& [k, v] : it->items())
        if (k != "signature_date" && k != "electronic_exchange")
          errors.push_back(
              {"consent." + k, "champ_inconnu", "Champ non autorisé : « consent." + k + " »."});
      r.consent_signature_date = opt_string(*it, "signature_date", errors);
      // Explicit either way: a refusal clears the person's e-mail address.
      if (auto e = it->find("electronic_exchange"); e != it->end() && e->is_boolean())
        r.electronic_exchange = e->get<bool>();
      else
        errors.push_back({"consent.electronic_exchange", "obligatoire",
                          "Indiquez si la personne accepte les échanges par voie électronique."});
    }
  }
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  return r;
}

std::string base64(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

}  // namespace

void add_orientation_routes(Router& router, RouteDeps deps) {
  router.add("GET", "/api/v1/referentials/orientation", Access::authenticated, [deps](Request&) {
    Json origins = Json::array();
    for (const auto& [code, label] : deps.services.orientations.referential().origins)
      origins.push_back({{"code", code}, {"label", label}});
    Json modes = Json::array(), publics = Json::array();
    for (auto m :
         {domain::DecisionMode::diagnostic_partage, domain::DecisionMode::accord_tacite,
          domain::DecisionMode::accord_bilateral, domain::DecisionMode::confiance_reciproque})
      modes.push_back({{"code", std::string(domain::to_string(m))},
                       {"label", std::string(domain::label_fr(m))}});
    for (auto p : {domain::TacitPublic::brsa_oriente_ft, domain::TacitPublic::nouvel_entrant_rsa,
                   domain::TacitPublic::de_non_brsa, domain::TacitPublic::metier_en_tension})
      publics.push_back({{"code", std::string(domain::to_string(p))},
                         {"label", std::string(domain::label_fr(p))}});
    return json_response(200,
                         {{"origins", origins},
                          {"decision_modes", modes},
                          {"tacit_publics", publics},
                          {"social_criteria", labelled_list(domain::kSocialCriteria)},
                          {"professional_criteria", labelled_list(domain::kProfessionalCriteria)},
                          {"obstacles", labelled_list(domain::kPeripheralObstacles)},
                          {"non_entry_reasons", labelled_list(domain::kNonEntryReasons)},
                          {"override_reasons", labelled_list(domain::kOverrideReasons)}});
  });

  router.add("POST", "/api/v1/referentials/orientation/origins", Access::authenticated,
             [deps](Request& req) {
               auto body = json_object_body(req, {"code", "label"});
               domain::FieldErrors errors;
               const auto code = req_string(body, "code", errors);
               const auto label = req_string(body, "label", errors);
               if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
               deps.services.orientations.add_origin(req.actor(), code, label, req.origin());
               return json_response(201, {{"code", code}, {"label", label}});
             });

  router.add(
      "GET", "/api/v1/persons/{id}/orientations", Access::authenticated, [deps](Request& req) {
        Json items = Json::array();
        for (const auto& v :
             deps.services.orientations.of_person(req.actor(), path_id(req, "id"), req.origin()))
          items.push_back(orientation_json(v));
        return json_response(200, {{"items", items}});
      });

  router.add(
      "POST", "/api/v1/persons/{id}/orientations", Access::authenticated, [deps](Request& req) {
        const auto request = request_from(req);
        return json_response(201, orientation_json(deps.services.orientations.create(
                                      req.actor(), path_id(req, "id"), request, req.origin())));
      });

  router.add("GET", "/api/v1/orientations", Access::authenticated, [deps](Request& req) {
    auto [page, per_page] = paging(req, 50);
    const auto found =
        deps.services.orientations.pending(req.actor(), page, per_page, req.origin());
    Json items = Json::array();
    for (const auto& v : found.items) items.push_back(orientation_json(v));
    return json_response(
        200, {{"items", items}, {"total", found.total}, {"page", page}, {"per_page", per_page}});
  });

  router.add("POST", "/api/v1/orientations/{id}/position", Access::authenticated,
             [deps](Request& req) {
               auto body = json_object_body(req, {"position"});
               domain::FieldErrors errors;
               const auto position = req_string(body, "position", errors);
               if (errors.empty() && position != "accord" && position != "desaccord")
                 errors.push_back(
                     {"position", "invalide", "L'avis doit être « accord » ou « desaccord »."});
               if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
               return json_response(
                   200, orientation_json(deps.services.orientations.position(
                            req.actor(), path_id(req, "id"), position == "accord", req.origin())));
             });

  router.add(
      "POST", "/api/v1/orientations/{id}/decision", Access::authenticated, [deps](Request& req) {
        auto body = json_object_body(req, {"decision", "planned_start_date", "reason"});
        domain::FieldErrors errors;
        const auto decision = req_string(body, "decision", errors);
        const auto start = opt_string(body, "planned_start_date", errors);
        const auto reason = opt_string(body, "reason", errors);
        if (errors.empty() && decision != "oui" && decision != "non")
          errors.push_back({"decision", "invalide", "La décision doit être « oui » ou « non »."});
        if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
        return json_response(200, orientation_json(deps.services.orientations.decide(
                                      req.actor(), path_id(req, "id"), decision == "oui", start,
                                      reason, req.origin())));
      });

  router.add("POST", "/api/v1/orientations/{id}/no-show", Access::authenticated,
             [deps](Request& req) {
               return json_response(200, orientation_json(deps.services.orientations.no_show(
                                             req.actor(), path_id(req, "id"), req.origin())));
             });

  router.add(
      "GET", "/api/v1/orientations/{id}/fiche.pdf", Access::authenticated, [deps](Request& req) {
        const auto id = path_id(req, "id");
        auto data = deps.services.orientations.fiche(req.actor(), id, "fiche.pdf", req.origin());
        Response res;
        res.content_type = "application/pdf";
        res.body = exports::render_fiche_pdf(data);
        res.headers.emplace_back("Content-Disposition", "attachment; filename=\"fiche-liaison-" +
                                                            std::to_string(id) + ".pdf\"");
        return res;
      });

  router.add("POST", "/api/v1/orientations/{id}/fiche-chiffree", Access::authenticated,
             [deps](Request& req) {
               const auto id = path_id(req, "id");
               auto data =
                   deps.services.orientations.fiche(req.actor(), id, "fiche.zip", req.origin());
               const std::string name = "fiche-liaison-" + std::to_string(id);
               auto zip = exports::encrypt_in_zip(name + ".pdf", exports::render_fiche_pdf(data));
               return json_response(200, {{"filename", name + ".zip"},
                                          {"password", zip.password},
                                          {"zip_base64", base64(zip.bytes)}});
             });
}

}  // namespace binome::http
