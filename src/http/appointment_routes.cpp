#include "exports/convocation_pdf.hpp"
#include "http/routes.hpp"

namespace binome::http {
namespace {

using domain::DomainError;

Json appointment_json(const store::AppointmentRow& a, bool attendance_open) {
  return {{"id", a.id},
          {"person", {{"id", a.person_id}, {"name", a.person_name}}},
          {"support_id", a.support_id ? Json(*a.support_id) : Json(nullptr)},
          {"kind", labelled(std::optional(a.kind), domain::kAppointmentKinds)},
          {"scheduled_at", a.scheduled_at},
          {"channel", labelled(std::optional(a.channel), domain::kAppointmentChannels)},
          {"place",
           a.place_org_id ? Json{{"id", *a.place_org_id}, {"name", a.place_name}} : Json(nullptr)},
          {"attendance", labelled(a.attendance, domain::kAttendances)},
          {"attendance_open", attendance_open},
          {"created_by", a.created_by_name}};
}

}  // namespace

void add_appointment_routes(Router& router, RouteDeps deps) {
  router.add("GET", "/api/v1/referentials/appointments", Access::authenticated, [](Request&) {
    return json_response(200, {{"kinds", labelled_list(domain::kAppointmentKinds)},
                               {"channels", labelled_list(domain::kAppointmentChannels)},
                               {"attendances", labelled_list(domain::kAttendances)}});
  });

  router.add(
      "GET", "/api/v1/persons/{id}/appointments", Access::authenticated, [deps](Request& req) {
        Json items = Json::array();
        for (const auto& a :
             deps.services.appointments.of_person(req.actor(), path_id(req, "id"), req.origin()))
          items.push_back(appointment_json(a, deps.services.appointments.attendance_open(a)));
        return json_response(200, {{"items", items}});
      });

  router.add(
      "POST", "/api/v1/persons/{id}/appointments", Access::authenticated, [deps](Request& req) {
        auto body = json_object_body(req, {"kind", "scheduled_at", "channel", "place_org_id"});
        domain::FieldErrors errors;
        domain::AppointmentRequest r;
        r.kind = req_string(body, "kind", errors);
        r.scheduled_at = req_string(body, "scheduled_at", errors);
        r.channel = req_string(body, "channel", errors);
        r.place_org_id = opt_int(body, "place_org_id", errors);
        if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
        const auto row =
            deps.services.appointments.schedule(req.actor(), path_id(req, "id"), r, req.origin());
        return json_response(
            201, appointment_json(row, deps.services.appointments.attendance_open(row)));
      });

  router.add("POST", "/api/v1/appointments/{id}/attendance", Access::authenticated,
             [deps](Request& req) {
               auto body = json_object_body(req, {"attendance"});
               domain::FieldErrors errors;
               const auto value = req_string(body, "attendance", errors);
               if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
               const auto row = deps.services.appointments.attendance(
                   req.actor(), path_id(req, "id"), value, req.origin());
               return json_response(200, appointment_json(row, false));
             });

  router.add(
      "GET", "/api/v1/appointments/{id}/convocation.pdf", Access::authenticated,
      [deps](Request& req) {
        const auto id = path_id(req, "id");
        const auto data = deps.services.appointments.convocation(req.actor(), id, req.origin());
        Response res;
        res.status = 200;
        res.content_type = "application/pdf";
        res.body = exports::render_convocation_pdf(data);
        res.headers.emplace_back("Content-Disposition", "attachment; filename=\"convocation-" +
                                                            std::to_string(id) + ".pdf\"");
        return res;
      });
}

}  // namespace binome::http
