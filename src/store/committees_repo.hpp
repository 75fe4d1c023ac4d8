// Storage of committees and their attendees.
#pragma once
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace binome::store {

struct CommitteeAttendeeRow {
  std::string role, organisation;
  bool present = true;
};

struct CommitteeRow {
  std::int64_t id = 0;
  std::string departement, kind, held_on, period_from, period_to;
  std::string agenda;          // comma-separated codes
  std::string indicator_pack;  // JSON
  std::optional<std::string> conclusions;
  std::int64_t created_by = 0;
  std::string created_at, updated_at;
  std::vector<CommitteeAttendeeRow> attendees;
};

std::int64_t insert_committee(soci::session& sql, const CommitteeRow& row);
std::optional<CommitteeRow> find_committee(soci::session& sql, std::int64_t id);
std::vector<CommitteeRow> committees_of(soci::session& sql, const std::string& departement);
void set_conclusions(soci::session& sql, std::int64_t id, const std::string& text,
                     const std::string& now);

}  // namespace binome::store
