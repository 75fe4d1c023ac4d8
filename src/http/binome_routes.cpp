#include "http/routes.hpp"

namespace binome::http {
namespace {

using domain::DomainError;

Json assignment_json(const store::BinomeAssignmentRow& b) {
  auto who = [](const std::optional<std::int64_t>& id, const std::string& name) -> Json {
    return id ? Json{{"id", *id}, {"name", name}} : Json(nullptr);
  };
  return {{"conseiller", who(b.conseiller_id, b.conseiller_name)},
          {"referent_social", who(b.referent_social_id, b.referent_social_name)},
          {"reason", b.reason == "initial"
                         ? Json{{"code", "initial"}, {"label", "Binôme désigné à l'orientation"}}
                         : labelled(std::optional(b.reason), app::kReassignmentReasons)},
          {"at", b.at.empty() ? Json(nullptr) : Json(b.at)},
          {"by", b.by_user_name.empty() ? Json(nullptr) : Json(b.by_user_name)}};
}

Json binome_json(const app::BinomeView& v) {
  Json history = Json::array();
  for (const auto& b : v.history) history.push_back(assignment_json(b));
  return {{"current", assignment_json(v.current)}, {"history", history}};
}

}  // namespace

void add_binome_routes(Router& router, RouteDeps deps) {
  router.add("GET", "/api/v1/referentials/binome", Access::authenticated, [](Request&) {
    return json_response(200, {{"reasons", labelled_list(app::kReassignmentReasons)}});
  });

  router.add("GET", "/api/v1/persons/{id}/binome", Access::authenticated, [deps](Request& req) {
    return json_response(200, binome_json(deps.services.binomes.of_person(
                                  req.actor(), path_id(req, "id"), req.origin())));
  });

  router.add("POST", "/api/v1/persons/{id}/binome", Access::authenticated, [deps](Request& req) {
    auto body = json_object_body(req, {"conseiller_id", "referent_social_id", "reason"});
    domain::FieldErrors errors;
    const auto conseiller = opt_int(body, "conseiller_id", errors);
    const auto social = opt_int(body, "referent_social_id", errors);
    const auto reason = req_string(body, "reason", errors);
    if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
    return json_response(
        200, binome_json(deps.services.binomes.reassign(req.actor(), path_id(req, "id"), conseiller,
                                                        social, reason, req.origin())));
  });
}

}  // namespace binome::http
