// Storage of the appointments of a support.
#pragma once
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "domain/scope.hpp"

namespace binome::store {

struct AppointmentRow {
  std::int64_t id = 0, person_id = 0;
  std::optional<std::int64_t> support_id;
  std::string kind, scheduled_at, channel;
  std::optional<std::int64_t> place_org_id;
  std::string place_name;  // the hosting organisation, on site
  std::optional<std::string> attendance;
  std::int64_t created_by = 0;
  std::string created_by_name;
  domain::PersonScope person_scope;
  std::string person_name;
  bool person_brsa = false;
};

std::int64_t insert_appointment(soci::session& sql, const AppointmentRow& row,
                                const std::string& now);
void set_attendance(soci::session& sql, std::int64_t id, const std::string& attendance,
                    const std::string& now);
std::optional<AppointmentRow> find_appointment(soci::session& sql, std::int64_t id);
// Oldest first.
std::vector<AppointmentRow> appointments_of_person(soci::session& sql, std::int64_t person_id);
// Planned (no attendance yet) and already past `before` (YYYY-MM-DDTHH:MM): attendance to record.
std::vector<AppointmentRow> appointments_to_close(soci::session& sql, const std::string& before);
// The same, only those `created_by` planned.
std::vector<AppointmentRow> appointments_to_close_by(soci::session& sql, const std::string& before,
                                                     std::int64_t created_by);

}  // namespace binome::store
