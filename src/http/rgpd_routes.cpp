// The dpo's RGPD API: data-subject requests and their answers, the breach register, the
// register of processing activities and the sub-processors.
#include "http/routes.hpp"

namespace binome::http {
namespace {

using domain::DomainError;

Json opt(const std::optional<std::string>& v) {
  return v ? Json(*v) : Json(nullptr);
}
Json opt(const std::optional<std::int64_t>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json request_json(const store::RgpdRequestRow& r) {
  return {{"id", r.id},
          {"kind", r.kind},
          {"received_on", r.received_on},
          {"due_on", r.due_on},
          {"last_name", r.last_name},
          {"first_name", r.first_name},
          {"birth_date", r.birth_date},
          {"person_id", opt(r.person_id)},
          {"status", r.status},
          {"outcome", opt(r.outcome)},
          {"answer", opt(r.answer)},
          {"answered_at", opt(r.answered_at)}};
}

Json breach_json(const app::BreachView& v) {
  const auto& b = v.row;
  return {{"id", b.id},
          {"discovered_at", b.discovered_at},
          {"api_incident", b.api_incident},
          {"nature", b.nature},
          {"summary", b.summary},
          {"persons_affected", opt(b.persons_affected)},
          {"deadline_at", b.deadline_at},
          {"notification_hours", app::breach_notification_hours(b.api_incident)},
          {"seconds_left", v.seconds_left},
          {"state", v.state},
          {"notified_at", opt(b.notified_at)},
          {"notified_to", opt(b.notified_to)}};
}

}  // namespace

void add_rgpd_routes(Router& router, RouteDeps deps) {
  router.add("GET", "/api/v1/rgpd/requests", Access::authenticated, [deps](Request& req) {
    const auto open = req.query_value("status");
    Json items = Json::array();
    for (const auto& r :
         deps.services.rgpd.requests(req.actor(), open && *open == "ouverte", req.origin()))
      items.push_back(request_json(r));
    return json_response(200, {{"items", items}});
  });

  router.add("POST", "/api/v1/rgpd/requests", Access::authenticated, [deps](Request& req) {
    auto body =
        json_object_body(req, {"kind", "received_on", "last_name", "first_name", "birth_date"});
    domain::FieldErrors errors;
    app::RgpdRequestInput in;
    in.kind = req_string(body, "kind", errors);
    in.received_on = req_string(body, "received_on", errors);
    in.last_name = req_string(body, "last_name", errors);
    in.first_name = req_string(body, "first_name", errors);
    in.birth_date = req_string(body, "birth_date", errors);
    if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
    return json_response(
        201, request_json(deps.services.rgpd.record_request(req.actor(), in, req.origin())));
  });

  router.add(
      "GET", "/api/v1/rgpd/requests/{id}/export.json", Access::authenticated, [deps](Request& req) {
        const auto id = path_id(req, "id");
        auto res =
            json_response(200, deps.services.rgpd.access_export(req.actor(), id, req.origin()));
        res.headers.emplace_back("Content-Disposition", "attachment; filename=\"donnees-demande-" +
                                                            std::to_string(id) + ".json\"");
        return res;
      });

  router.add(
      "GET", "/api/v1/rgpd/requests/{id}/export.pdf", Access::authenticated, [deps](Request& req) {
        const auto id = path_id(req, "id");
        Response res;
        res.content_type = "application/pdf";
        res.body = deps.services.rgpd.access_pdf(req.actor(), id, req.origin());
        res.headers.emplace_back("Content-Disposition", "attachment; filename=\"donnees-demande-" +
                                                            std::to_string(id) + ".pdf\"");
        return res;
      });

  router.add("POST", "/api/v1/rgpd/requests/{id}/answer", Access::authenticated,
             [deps](Request& req) {
               return json_response(200, request_json(deps.services.rgpd.answer(
                                             req.actor(), path_id(req, "id"), req.origin())));
             });

  router.add("GET", "/api/v1/rgpd/breaches", Access::authenticated, [deps](Request& req) {
    Json items = Json::array();
    for (const auto& b : deps.services.rgpd.breaches(req.actor(), req.origin()))
      items.push_back(breach_json(b));
    return json_response(200, {{"items", items}});
  });

  router.add("POST", "/api/v1/rgpd/breaches", Access::authenticated, [deps](Request& req) {
    auto body = json_object_body(
        req, {"discovered_at", "api_incident", "nature", "summary", "persons_affected"});
    domain::FieldErrors errors;
    app::BreachInput in;
    in.discovered_at = req_string(body, "discovered_at", errors);
    in.api_incident = opt_bool(body, "api_incident", errors).value_or(false);
    in.nature = req_string(body, "nature", errors);
    in.summary = req_string(body, "summary", errors);
    in.persons_affected = opt_int(body, "persons_affected", errors);
    if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
    return json_response(
        201, breach_json(deps.services.rgpd.record_breach(req.actor(), in, req.origin())));
  });

  router.add("POST", "/api/v1/rgpd/breaches/{id}/notification", Access::authenticated,
             [deps](Request& req) {
               auto body = json_object_body(req, {"notified_at", "notified_to"});
               domain::FieldErrors errors;
               const auto at = req_string(body, "notified_at", errors);
               const auto to = req_string(body, "notified_to", errors);
               if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
               return json_response(200,
                                    breach_json(deps.services.rgpd.notify_breach(
                                        req.actor(), path_id(req, "id"), at, to, req.origin())));
             });

  router.add("GET", "/api/v1/rgpd/register", Access::authenticated, [deps](Request& req) {
    return json_response(200, deps.services.rgpd.processing_register(req.actor(), req.origin()));
  });

  router.add("GET", "/api/v1/rgpd/subprocessors", Access::authenticated, [deps](Request& req) {
    Json items = Json::array();
    for (const auto& v : deps.services.rgpd.subprocessors(req.actor(), req.origin())) {
      Json partners = Json::array();
      for (const auto& p : v.partners)
        partners.push_back({{"organisation_id", p.org_id},
                            {"name", p.name},
                            {"contract_start", opt(p.contract_start)},
                            {"contract_end", opt(p.contract_end)}});
      items.push_back({{"departement", v.departement},
                       {"last_review", opt(v.last_review)},
                       {"next_review_due", opt(v.next_review_due)},
                       {"review_due", v.review_due},
                       {"partners", partners}});
    }
    return json_response(200, {{"items", items}});
  });

  router.add("POST", "/api/v1/rgpd/subprocessors/review", Access::authenticated,
             [deps](Request& req) {
               auto body = json_object_body(req, {"departement"});
               domain::FieldErrors errors;
               const auto dep = req_string(body, "departement", errors);
               if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
               deps.services.rgpd.review_subprocessors(req.actor(), dep, req.origin());
               return json_response(200, {{"reviewed", true}});
             });
}

}  // namespace binome::http
