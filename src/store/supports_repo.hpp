// Storage of axe 2 supports and their history.
#pragma once
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "domain/scope.hpp"

namespace binome::store {

struct SupportRow {
  std::int64_t id = 0, person_id = 0, orientation_id = 0, profile_id = 0, profile_version_id = 0;
  std::string profile_label;
  std::string start_date;
  int initial_months = 0, total_months = 0, renewals = 0;
  std::string state;
  std::optional<std::string> last_bilan_result, last_bilan_on;
  bool bilan_since_period_start = false;
  std::optional<std::string> exit_outcome, exit_date, followup_end;
  domain::PersonScope person_scope;
  std::string person_name;
  bool person_brsa = false;
};

std::int64_t insert_support(soci::session& sql, const SupportRow& row, const std::string& now);
void update_support(soci::session& sql, const SupportRow& row, const std::string& now);
std::optional<SupportRow> find_support(soci::session& sql, std::int64_t id);
std::vector<SupportRow> supports_of_person(soci::session& sql, std::int64_t person_id);
// Supports in `state` of the persons within `reach` (filtered in SQL).
std::vector<SupportRow> supports_in_reach(soci::session& sql, const domain::Reach& reach,
                                          const std::string& state);
// Every support, whatever its state, of the persons within `reach` (filtered in SQL), restricted
// and anonymised persons included: what the access rule keeps of
// every support.
std::vector<SupportRow> all_supports_in_reach(soci::session& sql, const domain::Reach& reach);
}  // namespace binome::store
