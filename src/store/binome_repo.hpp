// The binôme of a person over time: who was counsellor and social referent, from when, why.
#pragma once
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace binome::store {

struct BinomeAssignmentRow {
  std::int64_t id = 0, person_id = 0;
  std::optional<std::int64_t> conseiller_id, referent_social_id;
  std::string conseiller_name, referent_social_name;
  std::string reason, at;
  std::optional<std::int64_t> by_user_id;
  std::string by_user_name;
};

void insert_binome_assignment(soci::session& sql, const BinomeAssignmentRow& row);
std::vector<BinomeAssignmentRow> binome_history(soci::session& sql, std::int64_t person_id);
std::string person_created_at(soci::session& sql, std::int64_t person_id);
void set_person_referents(soci::session& sql, std::int64_t person_id,
                          std::optional<std::int64_t> conseiller_id,
                          std::optional<std::int64_t> referent_social_id, const std::string& now);

}  // namespace binome::store
