// Appointments of a support (domain.md §§ 4–5): their kinds, the channel (never a recording
// or a transcript, seed 003 annexe 2), attendance, and what repeated unexcused absences set
// off (seed 000): after the second, the counsellor acts and, for a BrSa, the Département's
// referent may start the sanction procedure before the équipe pluridisciplinaire.
#pragma once
#include <array>
#include <optional>
#include <string>

#include "domain/errors.hpp"
#include "domain/obstacles.hpp"

namespace binome::domain {

inline constexpr std::array<Labelled, 5> kAppointmentKinds{{
    {"entretien_integration", "Entretien d'intégration"},
    {"point_binome", "Point mensuel du binôme"},
    {"bilan", "Bilan"},
    {"rencontre_tripartite", "Rencontre tripartite"},
    {"suivi", "Rendez-vous de suivi"},
}};

inline constexpr std::array<Labelled, 3> kAppointmentChannels{{
    {"telephone", "Téléphone"},
    {"visio", "Visioconférence"},
    {"sur_site", "Sur site"},
}};

inline constexpr std::array<Labelled, 3> kAttendances{{
    {"present", "Présent(e)"},
    {"absent_excuse", "Absent(e) excusé(e)"},
    {"absent_non_excuse", "Absent(e) non excusé(e)"},
}};

struct AppointmentRequest {
  std::string kind;
  std::string scheduled_at;  // local time, YYYY-MM-DDTHH:MM
  std::string channel;
  std::optional<std::int64_t> place_org_id;  // the organisation's premises, on site
};

FieldErrors check_appointment(const AppointmentRequest& request);

// Unexcused absences in a row, the latest last, counting back to the last attendance.
struct NoShowConsequence {
  bool counsellor_task = false;  // "absences répétées": the counsellor acts
  bool sanction_task = false;    // BrSa: the Département's referent examines a sanction
};
// The number of unexcused absences in a row that sets the rule off.
inline constexpr int kNoShowsBeforeAction = 2;
NoShowConsequence after_attendance(int unexcused_in_a_row, bool brsa);

}  // namespace binome::domain
