// The open events of the RSA flows about the persons a user is referent of, for the "à faire"
// list, with what decides who acts: BrSa, and an accompagnement global in progress.
#pragma once
#include <soci/soci.h>

#include <string>
#include <vector>

namespace binome::store {

struct OpenFlowEvent {
  std::int64_t id = 0, person_id = 0;
  std::string person_name, kind, event_date, detail;
  bool brsa = false, in_support = false;
  bool user_is_conseiller = false, user_is_referent_social = false;
};

std::vector<OpenFlowEvent> open_flow_events_of_referent(soci::session& sql, std::int64_t user_id);
// The person an event is about, or 0 when there is no such open event.
std::int64_t open_flow_event_person(soci::session& sql, std::int64_t event_id);

}  // namespace binome::store
