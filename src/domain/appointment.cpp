#include "domain/appointment.hpp"

#include "domain/time.hpp"

namespace binome::domain {

FieldErrors check_appointment(const AppointmentRequest& r) {
  FieldErrors errors;
  if (!label_of(kAppointmentKinds, r.kind))
    errors.push_back({"kind", "obligatoire", "Choisissez le type de rendez-vous dans la liste."});
  if (!label_of(kAppointmentChannels, r.channel))
    errors.push_back({"channel", "obligatoire",
                      "Choisissez la modalité : téléphone, visioconférence ou sur site."});
  const bool shape = r.scheduled_at.size() == 16 && r.scheduled_at[10] == 'T' &&
                     r.scheduled_at[13] == ':' && parse_date(r.scheduled_at.substr(0, 10));
  auto two_digits = [&](std::size_t at) {
    const char a = r.scheduled_at[at], b = r.scheduled_at[at + 1];
    return (a >= '0' && a <= '9' && b >= '0' && b <= '9') ? (a - '0') * 10 + (b - '0') : -1;
  };
  const int hour = shape ? two_digits(11) : -1, minute = shape ? two_digits(14) : -1;
  if (!shape || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    errors.push_back(
        {"scheduled_at", "invalide",
         "La date et l'heure du rendez-vous doivent être valides (AAAA-MM-JJTHH:MM)."});
  if (r.channel == "sur_site" && !r.place_org_id)
    errors.push_back({"place_org_id", "obligatoire",
                      "Un rendez-vous sur site précise la structure qui accueille."});
  if (r.channel != "sur_site" && r.place_org_id)
    errors.push_back(
        {"place_org_id", "incoherent", "Un lieu ne se précise que pour un rendez-vous sur site."});
  return errors;
}

NoShowConsequence after_attendance(int unexcused_in_a_row, bool brsa) {
  // Exactly at the threshold: a later absence does not open the same tasks twice.
  if (unexcused_in_a_row != kNoShowsBeforeAction) return {};
  return {true, brsa};
}

}  // namespace binome::domain
