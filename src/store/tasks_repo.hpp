// The tasks of the "à faire" list that an event opens for a user (a second absence, a
// radiation) and that an act closes (the équipe pluridisciplinaire's decision, an
// acknowledgement). Nothing is typed by hand: each row comes from a rule.
#pragma once
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace binome::store {

struct TaskRow {
  std::int64_t id = 0, user_id = 0, person_id = 0;
  std::optional<std::int64_t> orientation_id, support_id;
  std::string kind, created_at;
  std::optional<std::string> due_on, done_at;
  std::string person_name;
};
void insert_task(soci::session& sql, const TaskRow& task);
std::vector<TaskRow> open_tasks(soci::session& sql, std::int64_t user_id);
std::optional<TaskRow> find_task(soci::session& sql, std::int64_t id);
void close_task(soci::session& sql, std::int64_t id, std::int64_t by_user, const std::string& at);
// Whether an open task of this kind already waits for this person (no duplicates).
bool has_open_task(soci::session& sql, std::int64_t person_id, const std::string& kind);

// The open tasks of `from` about a person go to `to` (a referent replaced).
void hand_over_tasks(soci::session& sql, std::int64_t person_id, std::int64_t from,
                     std::int64_t to);

struct EpDecisionRow {
  std::int64_t id = 0, person_id = 0;
  std::optional<std::int64_t> task_id;
  std::string decided_on, decision, recorded_by_name, recorded_at;
};
void insert_ep_decision(soci::session& sql, const EpDecisionRow& row, std::int64_t recorded_by);
std::vector<EpDecisionRow> ep_decisions_of_person(soci::session& sql, std::int64_t person_id);

}  // namespace binome::store
