#include "store/history_repo.hpp"

#include "store/rows.hpp"

namespace binome::store {
namespace {

// Table and owner column: fixed names chosen here, never from input.
struct Names {
  const char* table;
  const char* owner;
};

Names names_of(History history) {
  switch (history) {
    case History::orientation:
      return {"orientation_events", "orientation_id"};
    case History::support:
      return {"support_events", "support_id"};
    case History::social_support:
      return {"social_support_events", "social_support_id"};
  }
  return {"support_events", "support_id"};
}

}  // namespace

void insert_history_event(soci::session& sql, History history, std::int64_t owner_id,
                          const std::string& at, std::optional<std::int64_t> user_id,
                          const std::string& kind, const std::string& detail) {
  const auto n = names_of(history);
  long long id = owner_id;
  auto user = Nullable::of(user_id);
  sql << std::string("INSERT INTO ") + n.table + " (" + n.owner +
             ", at, user_id, kind, detail) VALUES (:o, :a, :u, :k, :d)",
      soci::use(id), soci::use(at), soci::use(user.number, user.ind), soci::use(kind),
      soci::use(detail);
}

std::vector<HistoryEvent> history_events(soci::session& sql, History history,
                                         std::int64_t owner_id) {
  const auto n = names_of(history);
  std::vector<HistoryEvent> out;
  for_each_row(sql,
               std::string("SELECT e.at, u.display_name, e.kind, e.detail FROM ") + n.table +
                   " e LEFT JOIN users u ON u.id = e.user_id WHERE e." + n.owner +
                   " = :o ORDER BY e.id",
               owner_id, [&](const soci::row& r) {
                 out.push_back({str(r, 0), str(r, 1), str(r, 2), str(r, 3)});
               });
  return out;
}

std::unordered_map<std::int64_t, std::vector<HistoryEvent>> history_events_of(
    soci::session& sql, Dialect dialect, History history, const std::vector<std::int64_t>& owners) {
  std::unordered_map<std::int64_t, std::vector<HistoryEvent>> out;
  if (owners.empty()) return out;
  const auto n = names_of(history);
  auto ids = ids_text(dialect, owners);
  for_each_row_once(
      sql,
      std::string("SELECT e.") + n.owner + ", e.at, u.display_name, e.kind, e.detail FROM " +
          n.table + " e LEFT JOIN users u ON u.id = e.user_id WHERE e." + n.owner +
          in_ids(dialect) + " ORDER BY e.id",
      [&](const soci::row& r) {
        out[i64(r, 0)].push_back({str(r, 1), str(r, 2), str(r, 3), str(r, 4)});
      },
      soci::use(ids, "ids"));
  return out;
}

}  // namespace binome::store
