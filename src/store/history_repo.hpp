// The timestamped steps of an orientation or a support: what the person's page shows as
// history. One shape, one table per kind of step.
#pragma once
#include <soci/soci.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/database.hpp"

namespace binome::store {

enum class History { orientation, support, social_support };

struct HistoryEvent {
  std::string at, user_name, kind, detail;
};

void insert_history_event(soci::session& sql, History history, std::int64_t owner_id,
                          const std::string& at, std::optional<std::int64_t> user_id,
                          const std::string& kind, const std::string& detail);
std::vector<HistoryEvent> history_events(soci::session& sql, History history,
                                         std::int64_t owner_id);
// The histories of many owners in one query, each in the order of history_events: a list of
// thousands of orientations made as many round trips before.
std::unordered_map<std::int64_t, std::vector<HistoryEvent>> history_events_of(
    soci::session& sql, Dialect dialect, History history, const std::vector<std::int64_t>& owners);

}  // namespace binome::store
