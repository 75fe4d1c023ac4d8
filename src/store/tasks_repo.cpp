#include "store/tasks_repo.hpp"

#include "store/rows.hpp"

namespace binome::store {
namespace {

constexpr const char* kSelect =
    "SELECT t.id, t.user_id, t.person_id, t.orientation_id, t.support_id, t.kind, t.created_at, "
    "t.due_on, t.done_at, p.first_name, p.last_name FROM tasks t JOIN persons p ON p.id = "
    "t.person_id ";

TaskRow to_task(const soci::row& r) {
  TaskRow t{i64(r, 0), i64(r, 1), i64(r, 2),     opt_i64(r, 3), opt_i64(r, 4),
            str(r, 5), str(r, 6), opt_str(r, 7), opt_str(r, 8), {}};
  t.person_name = str(r, 9) + " " + str(r, 10);
  return t;
}

}  // namespace

void insert_task(soci::session& sql, const TaskRow& t) {
  long long user = t.user_id, person = t.person_id;
  auto orientation = Nullable::of(t.orientation_id);
  auto support = Nullable::of(t.support_id);
  auto due = Nullable::of(t.due_on);
  sql << "INSERT INTO tasks (user_id, person_id, orientation_id, support_id, kind, created_at, "
         "due_on) VALUES (:u, :p, :o, :s, :k, :c, :d)",
      soci::use(user), soci::use(person), soci::use(orientation.number, orientation.ind),
      soci::use(support.number, support.ind), soci::use(t.kind), soci::use(t.created_at),
      soci::use(due.text, due.ind);
}

std::vector<TaskRow> open_tasks(soci::session& sql, std::int64_t user_id) {
  std::vector<TaskRow> out;
  for_each_row(sql,
               std::string(kSelect) + "WHERE t.user_id = :u AND t.done_at IS NULL ORDER BY t.id",
               user_id, [&](const soci::row& r) { out.push_back(to_task(r)); });
  return out;
}

std::optional<TaskRow> find_task(soci::session& sql, std::int64_t id) {
  std::optional<TaskRow> out;
  for_each_row(sql, std::string(kSelect) + "WHERE t.id = :i", id,
               [&](const soci::row& r) { out = to_task(r); });
  return out;
}

void close_task(soci::session& sql, std::int64_t id, std::int64_t by_user, const std::string& at) {
  long long task = id, user = by_user;
  sql << "UPDATE tasks SET done_at = :a, done_by = :u WHERE id = :i AND done_at IS NULL",
      soci::use(at), soci::use(user), soci::use(task);
}

bool has_open_task(soci::session& sql, std::int64_t person_id, const std::string& kind) {
  long long person = person_id;
  int n = 0;
  sql << "SELECT COUNT(*) FROM tasks WHERE person_id = :p AND kind = :k AND done_at IS NULL",
      soci::use(person), soci::use(kind), soci::into(n);
  return n > 0;
}

void hand_over_tasks(soci::session& sql, std::int64_t person_id, std::int64_t from,
                     std::int64_t to) {
  long long person = person_id, old_user = from, new_user = to;
  sql << "UPDATE tasks SET user_id = :n WHERE person_id = :p AND user_id = :o AND done_at IS NULL",
      soci::use(new_user), soci::use(person), soci::use(old_user);
}

void insert_ep_decision(soci::session& sql, const EpDecisionRow& row, std::int64_t recorded_by) {
  long long person = row.person_id, user = recorded_by;
  auto task = Nullable::of(row.task_id);
  sql << "INSERT INTO ep_decisions (person_id, task_id, decided_on, decision, recorded_by, "
         "recorded_at) VALUES (:p, :t, :d, :k, :u, :a)",
      soci::use(person), soci::use(task.number, task.ind), soci::use(row.decided_on),
      soci::use(row.decision), soci::use(user), soci::use(row.recorded_at);
}

std::vector<EpDecisionRow> ep_decisions_of_person(soci::session& sql, std::int64_t person_id) {
  std::vector<EpDecisionRow> out;
  for_each_row(sql,
               "SELECT e.id, e.person_id, e.task_id, e.decided_on, e.decision, u.display_name, "
               "e.recorded_at FROM ep_decisions e JOIN users u ON u.id = e.recorded_by WHERE "
               "e.person_id = :p ORDER BY e.id",
               person_id, [&](const soci::row& r) {
                 out.push_back({i64(r, 0), i64(r, 1), opt_i64(r, 2), str(r, 3), str(r, 4),
                                str(r, 5), str(r, 6)});
               });
  return out;
}

}  // namespace binome::store
