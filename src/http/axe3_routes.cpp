#include "domain/axe3.hpp"
#include "http/routes.hpp"

namespace binome::http {
namespace {

using domain::DomainError;

Json axe3_json(const app::Axe3View& v) {
  const auto& s = v.row;
  const auto state = domain::parse_axe3_state(s.state);
  Json history = Json::array();
  for (const auto& e : v.history)
    history.push_back({{"at", e.at}, {"user", e.user_name}, {"label", e.detail}});
  auto opt = [](const std::optional<std::string>& x) { return x ? Json(*x) : Json(nullptr); };
  return {{"id", s.id},
          {"person", {{"id", s.person_id}, {"name", s.person_name}}},
          {"convention", s.profile_label},
          {"service", s.service_name.empty() ? Json(nullptr) : Json(s.service_name)},
          {"state", s.state},
          {"state_label", state ? std::string(domain::label_fr(*state)) : s.state},
          {"planned_start", s.planned_start},
          {"start_date", opt(s.start_date)},
          {"total_months", s.total_months},
          {"renewals", s.renewals},
          {"review_due_on", opt(v.review_due_on)},
          {"quota_override", s.quota_override},
          {"france_travail_suspended", s.state == "en_cours"},
          {"end", s.end_reason ? Json{{"reason", labelled(s.end_reason, domain::kAxe3EndReasons)},
                                      {"date", s.end_date.value_or("")}}
                               : Json(nullptr)},
          {"history", history}};
}

}  // namespace

void add_axe3_routes(Router& router, RouteDeps deps) {
  router.add("GET", "/api/v1/referentials/axe3", Access::authenticated, [](Request&) {
    return json_response(200, {{"end_reasons", labelled_list(domain::kAxe3EndReasons)}});
  });

  router.add("GET", "/api/v1/persons/{id}/axe3", Access::authenticated, [deps](Request& req) {
    Json items = Json::array();
    for (const auto& v :
         deps.services.axe3.of_person(req.actor(), path_id(req, "id"), req.origin()))
      items.push_back(axe3_json(v));
    return json_response(200, {{"items", items}});
  });

  router.add("POST", "/api/v1/persons/{id}/axe3", Access::authenticated, [deps](Request& req) {
    auto body = json_object_body(req, {"planned_start"});
    domain::FieldErrors errors;
    const auto start = req_string(body, "planned_start", errors);
    if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
    return json_response(201, axe3_json(deps.services.axe3.request(req.actor(), path_id(req, "id"),
                                                                   start, req.origin())));
  });

  router.add("POST", "/api/v1/axe3/{id}/validation", Access::authenticated, [deps](Request& req) {
    auto body = json_object_body(req, {"accept", "override_quota"});
    domain::FieldErrors errors;
    const auto accept = opt_bool(body, "accept", errors);
    const auto override_quota = opt_bool(body, "override_quota", errors);
    if (!accept && errors.empty())
      errors.push_back({"accept", "obligatoire", "Indiquez si l'axe 3 est validé (true) ou non."});
    if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
    return json_response(
        200, axe3_json(deps.services.axe3.validate(req.actor(), path_id(req, "id"), *accept,
                                                   override_quota.value_or(false), req.origin())));
  });

  router.add("POST", "/api/v1/axe3/{id}/renewal", Access::authenticated, [deps](Request& req) {
    if (!req.body.empty()) json_object_body(req, {});  // nothing to send; nothing else accepted
    return json_response(
        200, axe3_json(deps.services.axe3.renew(req.actor(), path_id(req, "id"), req.origin())));
  });

  router.add("POST", "/api/v1/axe3/{id}/end", Access::authenticated, [deps](Request& req) {
    auto body = json_object_body(req, {"reason", "end_date"});
    domain::FieldErrors errors;
    const auto reason = req_string(body, "reason", errors);
    const auto date = req_string(body, "end_date", errors);
    if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
    return json_response(200, axe3_json(deps.services.axe3.end(req.actor(), path_id(req, "id"),
                                                               reason, date, req.origin())));
  });
}

}  // namespace binome::http
