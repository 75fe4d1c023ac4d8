#include "http/routes.hpp"
#include "store/profile_json.hpp"

namespace binome::http {
namespace {

using domain::DomainError;

Json profile_json(const domain::ConventionProfile& p, const domain::Date& today, bool history) {
  Json parties = Json::array();
  for (const auto& party : p.parties)
    parties.push_back({{"name", party.name}, {"from", party.from}});
  const auto* current = domain::version_in_force(p, today);
  const auto* party = domain::party_on(p, today);
  Json j = {{"id", p.id},
            {"code", p.code},
            {"departement", p.departement},
            {"label", p.label},
            {"valid_from", p.valid_from},
            {"valid_to", p.valid_to ? Json(*p.valid_to) : Json(nullptr)},
            {"parties", parties},
            {"party_today", party ? Json(party->name) : Json(nullptr)},
            {"rules_today", current ? store::rules_to_json(current->rules) : Json(nullptr)}};
  if (history) {
    Json versions = Json::array();
    for (const auto& v : p.versions)
      versions.push_back({{"id", v.id},
                          {"effective_from", v.effective_from},
                          {"changed_by", v.changed_by},
                          {"changed_at", v.changed_at},
                          {"rules", store::rules_to_json(v.rules)}});
    j["versions"] = versions;
  }
  return j;
}

domain::Date today(const RouteDeps& deps) {
  return domain::france_today(deps.services.ctx.clock.now());
}

}  // namespace

void add_profile_routes(Router& router, RouteDeps deps) {
  router.add("GET", "/api/v1/convention-profiles", Access::authenticated, [deps](Request&) {
    Json items = Json::array();
    for (const auto& p : deps.services.profiles.list())
      items.push_back(profile_json(p, today(deps), false));
    return json_response(200, {{"items", items}});
  });

  router.add("POST", "/api/v1/convention-profiles", Access::authenticated, [deps](Request& req) {
    auto body = json_object_body(
        req, {"code", "departement", "label", "valid_from", "valid_to", "party", "rules"});
    domain::FieldErrors errors;
    app::ProfileService::NewProfile in;
    in.code = req_string(body, "code", errors);
    in.departement = req_string(body, "departement", errors);
    in.label = req_string(body, "label", errors);
    in.valid_from = req_string(body, "valid_from", errors);
    in.valid_to = opt_string(body, "valid_to", errors);
    in.party = req_string(body, "party", errors);
    if (!body.contains("rules")) {
      errors.push_back({"rules", "obligatoire", "Les règles sont obligatoires."});
    } else {
      domain::FieldErrors rule_errors;
      in.rules = store::rules_from_json(body["rules"], rule_errors);
      for (auto& e : rule_errors) {
        if (e.field) e.field = "rules." + *e.field;
        errors.push_back(e);
      }
    }
    if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
    return json_response(
        201, profile_json(deps.services.profiles.create(req.actor(), in, req.origin()), today(deps),
                          true));
  });

  router.add(
      "GET", "/api/v1/convention-profiles/{id}", Access::authenticated, [deps](Request& req) {
        return json_response(
            200, profile_json(deps.services.profiles.get(path_id(req, "id")), today(deps), true));
      });

  router.add("POST", "/api/v1/convention-profiles/{id}/versions", Access::authenticated,
             [deps](Request& req) {
               auto body = json_object_body(req, {"effective_from", "rules"});
               domain::FieldErrors errors;
               const auto from = req_string(body, "effective_from", errors);
               domain::ConventionRules rules;
               if (!body.contains("rules"))
                 errors.push_back({"rules", "obligatoire", "Les règles sont obligatoires."});
               else
                 rules = store::rules_from_json(body["rules"], errors);
               if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
               auto p = deps.services.profiles.add_version(req.actor(), path_id(req, "id"), from,
                                                           rules, req.origin());
               return json_response(201, profile_json(p, today(deps), true));
             });

  router.add("POST", "/api/v1/convention-profiles/{id}/parties", Access::authenticated,
             [deps](Request& req) {
               auto body = json_object_body(req, {"name", "from"});
               domain::FieldErrors errors;
               const auto name = req_string(body, "name", errors);
               const auto from = req_string(body, "from", errors);
               if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
               auto p = deps.services.profiles.add_party(req.actor(), path_id(req, "id"), name,
                                                         from, req.origin());
               return json_response(201, profile_json(p, today(deps), true));
             });
}

}  // namespace binome::http
