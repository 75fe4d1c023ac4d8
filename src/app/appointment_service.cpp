#include "app/appointment_service.hpp"

#include "app/guards.hpp"
#include "domain/support.hpp"
#include "store/history_repo.hpp"
#include "store/orgs_repo.hpp"
#include "store/persons_repo.hpp"
#include "store/supports_repo.hpp"
#include "store/tasks_repo.hpp"
#include "store/users_repo.hpp"

namespace binome::app {
namespace {

using domain::DomainError;

std::string label(const auto& list, const std::string& code) {
  return std::string(domain::label_of(list, code).value_or(code));
}

// Appointments are written in France's legal time, the clock runs in UTC.
std::string local_now(const Context& ctx) {
  return domain::france_local_minute(ctx.clock.now());
}

// Unexcused absences in a row at the end of the person's recorded appointments; an excused
// absence neither counts nor breaks the run, a presence ends it.
int unexcused_in_a_row(const std::vector<store::AppointmentRow>& oldest_first) {
  int n = 0;
  for (auto it = oldest_first.rbegin(); it != oldest_first.rend(); ++it) {
    if (!it->attendance) continue;
    if (*it->attendance == "present") break;
    if (*it->attendance == "absent_non_excuse") ++n;
  }
  return n;
}

}  // namespace

store::AppointmentRow AppointmentService::load(const domain::Actor& actor, std::int64_t id,
                                               const Origin& origin) {
  auto row =
      ctx_.db.with_session([&](soci::session& sql) { return store::find_appointment(sql, id); });
  if (!row)
    throw DomainError(DomainError::Kind::not_found, "rendez_vous_introuvable",
                      "Rendez-vous introuvable.");
  require_person_access(ctx_, actor, row->person_scope, row->person_id, "appointment.denied",
                        origin);
  return *row;
}

store::AppointmentRow AppointmentService::schedule(const domain::Actor& actor,
                                                   std::int64_t person_id,
                                                   const domain::AppointmentRequest& request,
                                                   const Origin& origin) {
  const auto person = person_in_reach(ctx_, actor, person_id, "appointment.denied", origin);
  auto errors = domain::check_appointment(request);
  if (request.place_org_id && !ctx_.db.with_session([&](soci::session& sql) {
        return store::find_organisation(sql, *request.place_org_id);
      }))
    errors.push_back({"place_org_id", "inconnu", "Structure d'accueil inconnue."});
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  store::AppointmentRow row;
  row.person_id = person_id;
  row.kind = request.kind;
  row.scheduled_at = request.scheduled_at;
  row.channel = request.channel;
  row.place_org_id = request.place_org_id;
  row.created_by = actor.user_id;
  const auto id = ctx_.db.transaction([&](soci::session& sql) {
    for (const auto& s : store::supports_of_person(sql, person_id))
      if (s.state != "termine") row.support_id = s.id;
    const auto now = ctx_.now_iso();
    const auto id = store::insert_appointment(sql, row, now);
    if (row.support_id)
      store::insert_history_event(
          sql, store::History::support, *row.support_id, now, actor.user_id, "appointment",
          "Rendez-vous planifié : " + label(domain::kAppointmentKinds, row.kind) + " le " +
              french_date(row.scheduled_at.substr(0, 10)));
    store::append_audit(sql, ctx_.db.dialect(), now,
                        {audit_entry(actor, "appointment.create", person_id, origin,
                                     "rendez-vous:" + std::to_string(id))});
    return id;
  });
  return *ctx_.db.with_session(
      [&](soci::session& sql) { return store::find_appointment(sql, id); });
}

std::vector<store::AppointmentRow> AppointmentService::of_person(const domain::Actor& actor,
                                                                 std::int64_t person_id,
                                                                 const Origin& origin) {
  const auto person = person_in_reach(ctx_, actor, person_id, "appointment.denied", origin);
  auto rows = ctx_.db.with_session(
      [&](soci::session& sql) { return store::appointments_of_person(sql, person_id); });
  audit_now(ctx_, audit_entry(actor, "appointment.read", person_id, origin));
  return rows;
}

store::AppointmentRow AppointmentService::attendance(const domain::Actor& actor, std::int64_t id,
                                                     const std::string& attendance,
                                                     const Origin& origin) {
  auto row = load(actor, id, origin);
  if (!domain::label_of(domain::kAttendances, attendance))
    throw DomainError(DomainError::Kind::invalid,
                      domain::FieldErrors{{"attendance", "obligatoire",
                                           "Choisissez : présent(e), absent(e) excusé(e) ou "
                                           "absent(e) non excusé(e)."}});
  if (row.scheduled_at > local_now(ctx_))
    throw DomainError(DomainError::Kind::conflict, "rendez_vous_futur",
                      "La présence s'enregistre une fois le rendez-vous passé.");
  if (row.attendance)
    throw DomainError(DomainError::Kind::conflict, "presence_deja_saisie",
                      "La présence à ce rendez-vous est déjà enregistrée.");
  ctx_.db.transaction([&](soci::session& sql) {
    const auto now = ctx_.now_iso();
    store::set_attendance(sql, id, attendance, now);
    const auto rows = store::appointments_of_person(sql, row.person_id);
    const auto consequence = domain::after_attendance(unexcused_in_a_row(rows), row.person_brsa);
    const auto due = domain::to_iso(domain::plus_months(today(ctx_), 1));
    if (consequence.counsellor_task && row.person_scope.conseiller_id &&
        !store::has_open_task(sql, row.person_id, "absences_repetees"))
      store::insert_task(sql, {0,
                               *row.person_scope.conseiller_id,
                               row.person_id,
                               std::nullopt,
                               row.support_id,
                               "absences_repetees",
                               now,
                               due,
                               std::nullopt,
                               {}});
    // The Département's referent of a BrSa examines the sanction procedure (seed 000).
    if (consequence.sanction_task && row.person_scope.referent_social_id &&
        !store::has_open_task(sql, row.person_id, "procedure_sanction"))
      store::insert_task(sql, {0,
                               *row.person_scope.referent_social_id,
                               row.person_id,
                               std::nullopt,
                               row.support_id,
                               "procedure_sanction",
                               now,
                               due,
                               std::nullopt,
                               {}});
    if (row.support_id)
      store::insert_history_event(sql, store::History::support, *row.support_id, now, actor.user_id,
                                  "attendance",
                                  label(domain::kAppointmentKinds, row.kind) + " du " +
                                      french_date(row.scheduled_at.substr(0, 10)) + " : " +
                                      label(domain::kAttendances, attendance));
    store::append_audit(sql, ctx_.db.dialect(), now,
                        {audit_entry(actor, "appointment.attendance", row.person_id, origin,
                                     "rendez-vous:" + std::to_string(id))});
  });
  return *ctx_.db.with_session(
      [&](soci::session& sql) { return store::find_appointment(sql, id); });
}

std::vector<store::AppointmentRow> AppointmentService::attendance_to_record(
    const domain::Actor& actor) {
  std::vector<store::AppointmentRow> out;
  for (auto& r : ctx_.db.with_session([&](soci::session& sql) {
         return store::appointments_to_close_by(sql, local_now(ctx_), actor.user_id);
       }))
    out.push_back(std::move(r));
  return out;
}

bool AppointmentService::attendance_open(const store::AppointmentRow& row) const {
  return !row.attendance && row.scheduled_at <= local_now(ctx_);
}

exports::ConvocationData AppointmentService::convocation(const domain::Actor& actor,
                                                         std::int64_t id, const Origin& origin) {
  const auto row = load(actor, id, origin);
  const auto person = ctx_.db.with_session(
      [&](soci::session& sql) { return store::find_person(sql, row.person_id); });
  const auto convener = ctx_.db.with_session(
      [&](soci::session& sql) { return store::find_user_by_id(sql, row.created_by); });
  exports::ConvocationData c;
  const auto& identity = person->person.identity;
  c.person_name = identity.first_name + " " + identity.last_name;
  c.street = identity.street;
  c.postal_code = identity.postal_code;
  c.commune = identity.commune;
  c.kind_label = label(domain::kAppointmentKinds, row.kind);
  c.date_label = french_date(row.scheduled_at.substr(0, 10));
  c.time_label = row.scheduled_at.substr(11, 2) + " h " + row.scheduled_at.substr(14, 2);
  c.channel = row.channel;
  c.channel_label = label(domain::kAppointmentChannels, row.channel);
  c.place = row.place_name;
  if (convener) {
    c.convener_name = convener->display_name;
    c.convener_function = convener->function_title.value_or("");
    c.convener_structure = convener->org_name;
    c.convener_phone = convener->phone.value_or("");
  }
  c.generated_on = french_date(domain::to_iso(domain::france_today(ctx_.clock.now())));
  audit_now(ctx_, audit_entry(actor, "appointment.convocation", row.person_id, origin,
                              "rendez-vous:" + std::to_string(id)));
  return c;
}

}  // namespace binome::app
