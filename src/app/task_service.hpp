// Acting on the tasks a rule opened: acknowledging an information (the orienteur told of a
// second absence), recording the équipe pluridisciplinaire's decision on a sanction procedure
// (orientation maintained or re-oriented), which closes it. Tasks are never typed by hand.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/obstacles.hpp"
#include "store/tasks_repo.hpp"

namespace binome::app {

inline constexpr std::array<domain::Labelled, 2> kEpDecisions{{
    {"orientation_maintenue", "Orientation maintenue"},
    {"reorientation", "Réorientation"},
}};

// What a task asks, in French (the same words in the "à faire" list and on the person page).
std::string task_label(const std::string& kind);
std::string task_rule(const std::string& kind);

class TaskService {
 public:
  explicit TaskService(Context& ctx) : ctx_(ctx) {}
  // Tasks that only inform close by acknowledgement; a sanction task needs the EP decision.
  void acknowledge(const domain::Actor& actor, std::int64_t task_id, const Origin& origin);
  void ep_decision(const domain::Actor& actor, std::int64_t task_id, const std::string& decision,
                   const std::string& decided_on, const Origin& origin);
  // The actor's own open tasks about a person (the person page); audited as a read.
  std::vector<store::TaskRow> open_for_person(const domain::Actor& actor, std::int64_t person_id,
                                              const Origin& origin);
  std::vector<store::EpDecisionRow> ep_decisions(const domain::Actor& actor, std::int64_t person_id,
                                                 const Origin& origin);

 private:
  store::TaskRow own_task(const domain::Actor& actor, std::int64_t task_id, const Origin& origin);
  Context& ctx_;
};

}  // namespace binome::app
