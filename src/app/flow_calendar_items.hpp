// The deposit calendar of the RSA flows in the « à faire » list of the Département's flows
// operator (issue 5, item 4): the next CGPEM to deposit and the next PECGM to import, with the
// rule and the convention they come from. Computed from the clock, never stored.
#pragma once
#include <vector>

#include "app/worklist_service.hpp"
#include "domain/time.hpp"

namespace binome::app {

// Empty for anyone but a flows operator with a département.
std::vector<WorklistItem> flow_calendar_items(const domain::Actor& actor, domain::Timestamp now);

}  // namespace binome::app
