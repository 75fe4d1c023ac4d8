// Appointments of a support: planned with a kind, a date and a channel, then their
// attendance, which feeds the no-show rule (seed 000): after the second unexcused absence in
// a row the counsellor has a task and, for a BrSa, the Département's referent examines a
// sanction procedure. Scoped to the person's referents and coordinateurs, audited.
#pragma once
#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/appointment.hpp"
#include "exports/convocation_pdf.hpp"
#include "store/appointments_repo.hpp"

namespace binome::app {

class AppointmentService {
 public:
  explicit AppointmentService(Context& ctx) : ctx_(ctx) {}
  store::AppointmentRow schedule(const domain::Actor& actor, std::int64_t person_id,
                                 const domain::AppointmentRequest& request, const Origin& origin);
  std::vector<store::AppointmentRow> of_person(const domain::Actor& actor, std::int64_t person_id,
                                               const Origin& origin);
  store::AppointmentRow attendance(const domain::Actor& actor, std::int64_t id,
                                   const std::string& attendance, const Origin& origin);
  // The letter's content; the reading is audited.
  exports::ConvocationData convocation(const domain::Actor& actor, std::int64_t id,
                                       const Origin& origin);
  // Past appointments whose attendance is not recorded, for the actor's "à faire" list.
  std::vector<store::AppointmentRow> attendance_to_record(const domain::Actor& actor);
  // True once the appointment is past and its attendance not yet recorded.
  bool attendance_open(const store::AppointmentRow& row) const;

 private:
  store::AppointmentRow load(const domain::Actor& actor, std::int64_t id, const Origin& origin);
  Context& ctx_;
};

}  // namespace binome::app
