#include "http/review_routes.hpp"

#include "app/committee_service.hpp"
#include "app/fse_service.hpp"
#include "app/review_service.hpp"
#include "domain/committee.hpp"
#include "domain/review_recipients.hpp"

namespace binome::http {
namespace {

using domain::DomainError;

// The review service over the shared services: the decisions go through the very
// OrientationService, SupportService and Axe3Service of the single actions.
app::ReviewService reviews_of(const RouteDeps& deps) {
  return app::ReviewService(deps.services.ctx, deps.services.orientations, deps.services.supports,
                            deps.services.axe3);
}

Json opt_text(const std::optional<std::string>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json review_json(const store::ReviewRow& r) {
  return {{"id", r.id},
          {"agence", {{"id", r.agence_id}, {"name", r.agence_name}}},
          {"month", r.month},
          {"held_on", r.held_on},
          {"secretariat_side", r.secretariat_side},
          {"status", r.status},
          {"closed_at", opt_text(r.closed_at)}};
}

Json view_json(const app::ReviewView& v) {
  Json out = review_json(v.review);
  Json agenda = Json::array();
  for (const auto& it : v.agenda)
    agenda.push_back({{"kind", it.kind},
                      {"label", it.label},
                      {"person", {{"id", it.person_id}, {"name", it.person_name}}},
                      {"subject_id", it.subject_id},
                      {"due_on", opt_text(it.due_on)}});
  Json attendees = Json::array();
  for (const auto& a : v.attendees)
    attendees.push_back({{"user_id", a.user_id ? Json(*a.user_id) : Json(nullptr)},
                         {"role", a.role},
                         {"organisation", a.organisation},
                         {"present", a.present}});
  Json decisions = Json::array();
  for (const auto& d : v.decisions)
    decisions.push_back({{"id", d.id},
                         {"kind", d.kind},
                         {"person_id", d.person_id},
                         {"subject_id", d.subject_id},
                         {"detail", d.detail},
                         {"decided_by", d.decided_by_name},
                         {"decided_at", d.decided_at}});
  Json sendings = Json::array();
  for (const auto& x : v.sendings)
    sendings.push_back({{"sent_by", x.sent_by_name},
                        {"sent_at", x.sent_at},
                        {"recipients", x.recipients},
                        {"failures", x.failures}});
  out["agenda"] = agenda;
  out["attendees"] = attendees;
  out["decisions"] = decisions;
  out["sendings"] = sendings;
  return out;
}

Json recipients_json(const store::RecipientsRow& r) {
  Json items = Json::array();
  for (const auto& x : r.recipients)
    items.push_back(
        {{"function", labelled(std::optional(x.function_code), domain::kRecipientFunctions)},
         {"email", x.email}});
  return {{"recipients", items},
          {"updated_at", opt_text(r.updated_at)},
          {"functions", labelled_list(domain::kRecipientFunctions)}};
}

Json committee_json(const store::CommitteeRow& c) {
  Json agenda = Json::array();
  std::size_t start = 0;
  while (start < c.agenda.size()) {
    auto end = c.agenda.find(',', start);
    if (end == std::string::npos) end = c.agenda.size();
    agenda.push_back(
        labelled(std::optional(c.agenda.substr(start, end - start)), domain::kCommitteePoints));
    start = end + 1;
  }
  Json attendees = Json::array();
  for (const auto& a : c.attendees)
    attendees.push_back(
        {{"role", a.role}, {"organisation", a.organisation}, {"present", a.present}});
  return {{"id", c.id},
          {"kind", labelled(std::optional(c.kind), domain::kCommitteeKinds)},
          {"held_on", c.held_on},
          {"period", {{"from", c.period_from}, {"to", c.period_to}}},
          {"agenda", agenda},
          {"attendees", attendees},
          {"indicator_pack", Json::parse(c.indicator_pack, nullptr, false)},
          {"conclusions", opt_text(c.conclusions)},
          {"updated_at", c.updated_at}};
}

}  // namespace

void add_review_routes(Router& router, RouteDeps deps) {
  router.add("GET", "/api/v1/agences/{id}/portfolio-reviews", Access::authenticated,
             [deps](Request& req) {
               Json items = Json::array();
               for (const auto& r : reviews_of(deps).of_agence(req.actor(), path_id(req, "id")))
                 items.push_back(review_json(r));
               return json_response(200, {{"items", items}});
             });

  router.add("POST", "/api/v1/agences/{id}/portfolio-reviews", Access::authenticated,
             [deps](Request& req) {
               auto body = json_object_body(req, {"held_on"});
               domain::FieldErrors errors;
               const auto held_on = req_string(body, "held_on", errors);
               if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
               return json_response(
                   201, view_json(reviews_of(deps).open(req.actor(), path_id(req, "id"), held_on,
                                                        req.origin())));
             });

  router.add("GET", "/api/v1/portfolio-reviews/{id}", Access::authenticated, [deps](Request& req) {
    return json_response(
        200, view_json(reviews_of(deps).get(req.actor(), path_id(req, "id"), req.origin())));
  });

  router.add("PUT", "/api/v1/portfolio-reviews/{id}/attendance", Access::authenticated,
             [deps](Request& req) {
               auto body = json_object_body(req, {"attendees"});
               if (!body.contains("attendees") || !body["attendees"].is_array())
                 throw DomainError(
                     DomainError::Kind::invalid,
                     domain::FieldErrors{
                         {"attendees", "obligatoire", "La liste des participants est attendue."}});
               std::vector<store::AttendeeRow> rows;
               for (const auto& a : body["attendees"]) {
                 store::AttendeeRow row;
                 if (!a.is_object())
                   throw DomainError(
                       DomainError::Kind::invalid,
                       domain::FieldErrors{{"attendees", "invalide", "Participant mal formé."}});
                 if (a.contains("user_id") && a["user_id"].is_number_integer())
                   row.user_id = a["user_id"].get<std::int64_t>();
                 if (a.contains("role") && a["role"].is_string()) row.role = a["role"];
                 if (a.contains("organisation") && a["organisation"].is_string())
                   row.organisation = a["organisation"];
                 row.present = !a.contains("present") || a["present"] == true;
                 rows.push_back(row);
               }
               auto service = reviews_of(deps);
               service.set_attendance(req.actor(), path_id(req, "id"), rows, req.origin());
               return json_response(
                   200, view_json(service.get(req.actor(), path_id(req, "id"), req.origin())));
             });

  router.add("POST", "/api/v1/portfolio-reviews/{id}/decisions", Access::authenticated,
             [deps](Request& req) {
               auto body = json_object_body(req, {"items"});
               const auto results =
                   reviews_of(deps).decide(req.actor(), path_id(req, "id"),
                                           body.value("items", Json::array()), req.origin());
               Json out = Json::array();
               for (const auto& r : results) {
                 Json errors = Json::array();
                 for (const auto& e : r.errors)
                   errors.push_back({{"field", e.field ? Json(*e.field) : Json(nullptr)},
                                     {"code", e.code},
                                     {"message", e.message}});
                 out.push_back({{"ok", r.ok}, {"errors", errors}});
               }
               return json_response(200, {{"results", out}});
             });

  router.add(
      "POST", "/api/v1/portfolio-reviews/{id}/close", Access::authenticated, [deps](Request& req) {
        return json_response(
            200, view_json(reviews_of(deps).close(req.actor(), path_id(req, "id"), req.origin())));
      });

  router.add(
      "GET", "/api/v1/portfolio-reviews/{id}/tableau.xlsx", Access::authenticated,
      [deps](Request& req) {
        Response res;
        res.body = reviews_of(deps).tableau_xlsx(req.actor(), path_id(req, "id"), req.origin());
        res.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        res.headers.emplace_back("Content-Disposition",
                                 "attachment; filename=\"tableau-de-suivi.xlsx\"");
        return res;
      });

  router.add("GET", "/api/v1/agences/{id}/review-recipients", Access::authenticated,
             [deps](Request& req) {
               return json_response(200, recipients_json(reviews_of(deps).recipients(
                                             req.actor(), path_id(req, "id"), req.origin())));
             });

  router.add(
      "PUT", "/api/v1/agences/{id}/review-recipients", Access::authenticated, [deps](Request& req) {
        auto body = json_object_body(req, {"recipients"});
        if (!body.contains("recipients") || !body["recipients"].is_array())
          throw DomainError(DomainError::Kind::invalid,
                            domain::FieldErrors{{"recipients", "obligatoire",
                                                 "La liste des destinataires est "
                                                 "attendue (elle peut être vide)."}});
        std::vector<domain::Recipient> list;
        for (const auto& r : body["recipients"]) {
          if (!r.is_object())
            throw DomainError(
                DomainError::Kind::invalid,
                domain::FieldErrors{{"recipients", "invalide", "Destinataire mal formé."}});
          // A wrong type reads as empty: check_recipients then names the line.
          const auto text = [&](const char* f) {
            return r.contains(f) && r[f].is_string() ? r[f].get<std::string>() : std::string{};
          };
          list.push_back({text("function"), text("email")});
        }
        return json_response(200, recipients_json(reviews_of(deps).set_recipients(
                                      req.actor(), path_id(req, "id"), list, req.origin())));
      });

  router.add(
      "POST", "/api/v1/portfolio-reviews/{id}/send", Access::authenticated, [deps](Request& req) {
        const auto r = reviews_of(deps).send_tableau(req.actor(), path_id(req, "id"), req.origin());
        return json_response(
            200, {{"password", r.password}, {"sent", r.sent}, {"failures", r.failures}});
      });

  router.add("GET", "/api/v1/fse-list", Access::authenticated, [deps](Request& req) {
    const auto semester = req.query_value("semester").value_or("");
    const auto format = req.query_value("format").value_or("pdf");
    Response res;
    res.body = app::FseService(deps.services.ctx).list(req.actor(), semester, format, req.origin());
    const auto name = "liste-fse-" + semester + (format == "pdf" ? ".pdf" : ".xlsx");
    res.content_type = format == "pdf"
                           ? "application/pdf"
                           : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
    return res;
  });

  router.add("GET", "/api/v1/committees", Access::authenticated, [deps](Request& req) {
    Json items = Json::array();
    for (const auto& c : app::CommitteeService(deps.services.ctx).list(req.actor()))
      items.push_back(committee_json(c));
    return json_response(200, {{"items", items},
                               {"kinds", labelled_list(domain::kCommitteeKinds)},
                               {"points", labelled_list(domain::kCommitteePoints)}});
  });

  router.add("POST", "/api/v1/committees", Access::authenticated, [deps](Request& req) {
    auto body = json_object_body(req, {"kind", "held_on", "from", "to", "agenda", "attendees"});
    domain::FieldErrors errors;
    app::NewCommittee c;
    c.kind = req_string(body, "kind", errors);
    c.held_on = req_string(body, "held_on", errors);
    c.from = req_string(body, "from", errors);
    c.to = req_string(body, "to", errors);
    if (body.contains("agenda") && body["agenda"].is_array())
      for (const auto& p : body["agenda"])
        if (p.is_string()) c.agenda.push_back(p);
    if (body.contains("attendees") && body["attendees"].is_array())
      for (const auto& a : body["attendees"])
        if (a.is_object())
          c.attendees.push_back({a.value("role", std::string{}),
                                 a.value("organisation", std::string{}), a.value("present", true)});
    if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
    return json_response(
        201, committee_json(
                 app::CommitteeService(deps.services.ctx).create(req.actor(), c, req.origin())));
  });

  router.add("GET", "/api/v1/committees/{id}", Access::authenticated, [deps](Request& req) {
    return json_response(
        200, committee_json(
                 app::CommitteeService(deps.services.ctx).get(req.actor(), path_id(req, "id"))));
  });

  router.add(
      "PUT", "/api/v1/committees/{id}/conclusions", Access::authenticated, [deps](Request& req) {
        auto body = json_object_body(req, {"conclusions"});
        domain::FieldErrors errors;
        const auto text = req_string(body, "conclusions", errors);
        if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
        return json_response(200, committee_json(app::CommitteeService(deps.services.ctx)
                                                     .conclude(req.actor(), path_id(req, "id"),
                                                               text, req.origin())));
      });
}

}  // namespace binome::http
