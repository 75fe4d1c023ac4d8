#include "http/routes.hpp"

namespace binome::http {
namespace {

using domain::DomainError;

Json opt_id(const std::optional<std::int64_t>& v) {
  return v ? Json(*v) : Json(nullptr);
}

}  // namespace

void add_worklist_routes(Router& router, RouteDeps deps) {
  router.add("GET", "/api/v1/worklist", Access::authenticated, [deps](Request& req) {
    auto [page, per_page] = paging(req, 50);
    const auto found = deps.services.worklist.of(req.actor(), page, per_page, req.origin());
    Json items = Json::array();
    for (const auto& t : found.items)
      items.push_back({{"kind", t.kind},
                       {"label", t.label},
                       {"person", t.person_id ? Json{{"id", t.person_id}, {"name", t.person_name}}
                                              : Json(nullptr)},
                       {"due_on", t.due_on ? Json(*t.due_on) : Json(nullptr)},
                       {"rule", t.rule},
                       {"convention", t.convention.empty() ? Json(nullptr) : Json(t.convention)},
                       {"link", t.link},
                       {"task_id", opt_id(t.task_id)},
                       {"orientation_id", opt_id(t.orientation_id)},
                       {"support_id", opt_id(t.support_id)},
                       {"axe3_id", opt_id(t.axe3_id)},
                       {"appointment_id", opt_id(t.appointment_id)},
                       {"rgpd_request_id", opt_id(t.rgpd_request_id)},
                       {"breach_id", opt_id(t.breach_id)},
                       {"flow_event_id", opt_id(t.flow_event_id)}});
    return json_response(
        200, {{"items", items}, {"total", found.total}, {"page", page}, {"per_page", per_page}});
  });

  // The menu's badge: a number, no person, so nothing to trace.
  router.add("GET", "/api/v1/worklist/count", Access::authenticated, [deps](Request& req) {
    return json_response(200, {{"count", deps.services.worklist.count(req.actor())}});
  });

  router.add("GET", "/api/v1/persons/{id}/tasks", Access::authenticated, [deps](Request& req) {
    Json items = Json::array();
    for (const auto& t :
         deps.services.tasks.open_for_person(req.actor(), path_id(req, "id"), req.origin()))
      items.push_back({{"task_id", t.id},
                       {"kind", t.kind},
                       {"label", app::task_label(t.kind)},
                       {"created_at", t.created_at},
                       {"due_on", t.due_on ? Json(*t.due_on) : Json(nullptr)}});
    return json_response(200, {{"items", items}});
  });

  router.add("POST", "/api/v1/flow-events/{id}/done", Access::authenticated, [deps](Request& req) {
    deps.services.worklist.acknowledge_flow_event(req.actor(), path_id(req, "id"), req.origin());
    return json_response(200, {{"done", true}});
  });

  router.add("POST", "/api/v1/tasks/{id}/done", Access::authenticated, [deps](Request& req) {
    deps.services.tasks.acknowledge(req.actor(), path_id(req, "id"), req.origin());
    return json_response(200, {{"done", true}});
  });

  router.add("POST", "/api/v1/tasks/{id}/ep-decision", Access::authenticated, [deps](Request& req) {
    auto body = json_object_body(req, {"decision", "decided_on"});
    domain::FieldErrors errors;
    const auto decision = req_string(body, "decision", errors);
    const auto on = req_string(body, "decided_on", errors);
    if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
    deps.services.tasks.ep_decision(req.actor(), path_id(req, "id"), decision, on, req.origin());
    return json_response(200, {{"done", true}});
  });

  router.add(
      "GET", "/api/v1/persons/{id}/ep-decisions", Access::authenticated, [deps](Request& req) {
        Json items = Json::array();
        for (const auto& d :
             deps.services.tasks.ep_decisions(req.actor(), path_id(req, "id"), req.origin()))
          items.push_back({{"id", d.id},
                           {"decided_on", d.decided_on},
                           {"decision", labelled(std::optional(d.decision), app::kEpDecisions)},
                           {"recorded_by", d.recorded_by_name},
                           {"recorded_at", d.recorded_at}});
        return json_response(200,
                             {{"items", items}, {"choices", labelled_list(app::kEpDecisions)}});
      });
}

}  // namespace binome::http
