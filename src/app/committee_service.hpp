// Committees (COPIL, comité opérationnel, cellule locale): created by coordinateurs or
// pilotage of the département with their attendees by role and organisation, an agenda from a
// closed list, and the indicator pack of the period generated at creation (small cells always
// masked: the pack circulates). The relevé de conclusions is the only free text of binome;
// what looks like personal data in it is refused.
#pragma once
#include <string>
#include <vector>

#include "app/context.hpp"
#include "store/committees_repo.hpp"

namespace binome::app {

struct NewCommittee {
  std::string kind, held_on, from, to;
  std::vector<std::string> agenda;
  std::vector<store::CommitteeAttendeeRow> attendees;
};

class CommitteeService {
 public:
  explicit CommitteeService(Context& ctx) : ctx_(ctx) {}
  store::CommitteeRow create(const domain::Actor& actor, const NewCommittee& c,
                             const Origin& origin);
  std::vector<store::CommitteeRow> list(const domain::Actor& actor);
  store::CommitteeRow get(const domain::Actor& actor, std::int64_t id);
  store::CommitteeRow conclude(const domain::Actor& actor, std::int64_t id, const std::string& text,
                               const Origin& origin);

 private:
  Context& ctx_;
};

}  // namespace binome::app
