// Storage of orientations, their history and the stored tasks of the "à faire" list.
#pragma once
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "domain/scope.hpp"
#include "store/database.hpp"
#include "store/persons_filter.hpp"

namespace binome::store {

struct PositionRow {
  bool accord = false;
  std::int64_t by = 0;
  std::string by_name, at;
};

struct OrientationRow {
  std::int64_t id = 0, person_id = 0, profile_id = 0, profile_version_id = 0;
  std::string profile_code, profile_label;
  std::string oriented_on;
  std::int64_t orienteur_id = 0;
  std::string orienteur_name, orienteur_org;
  std::string side, origin, origin_label, decision_mode;
  std::optional<std::string> tacit_public, rome_code;
  bool registered_job_seeker = false;
  std::vector<std::string> social_criteria, professional_criteria, obstacles;
  std::int64_t consent_collected_by = 0;
  std::string consent_collected_by_name, consent_collected_on, consent_signature_on;
  bool electronic_exchange = false;
  std::optional<std::string> override_reason;
  std::optional<std::int64_t> override_by;
  std::string override_by_name;
  std::string status;
  std::optional<PositionRow> ft_position, dep_position;
  std::optional<std::string> decision, decision_reason, planned_start_on, decided_at;
  std::optional<std::int64_t> decided_by;
  std::string decided_by_name;
  int no_shows = 0;
  domain::PersonScope person_scope;  // read along, for the scope check
  std::string person_name;
};

std::int64_t insert_orientation(soci::session& sql, const OrientationRow& row,
                                const std::string& now);
std::optional<OrientationRow> find_orientation(soci::session& sql, std::int64_t id);
std::vector<OrientationRow> orientations_of_person(soci::session& sql, std::int64_t person_id);
// The orientations in progress (neither non retenue nor entered) of the persons within `reach`
// (filtered in SQL).
std::vector<OrientationRow> pending_orientations_in_reach(soci::session& sql,
                                                          const domain::Reach& reach,
                                                          Persons persons);
// One page of the same list, in the same order, and how many there are in all.
struct OrientationPage {
  std::vector<OrientationRow> rows;
  std::int64_t total = 0;
};
OrientationPage pending_orientations_page(soci::session& sql, Dialect dialect,
                                          const domain::Reach& reach, Persons persons, int limit,
                                          int offset);
// Writes the fields that change after creation: status, positions, decision, absences.
void update_orientation(soci::session& sql, const OrientationRow& row, const std::string& now);

// The fields a step of the orientation depends on (status, positions, decision, absences), as
// one comparable text: a step read the row, decided, then checks inside its transaction that
// nobody changed it meanwhile (two services on one person, two binome processes).
std::string orientation_version(const OrientationRow& row);
// The same, read under a row lock (FOR UPDATE on PostgreSQL; on SQLite the transaction's
// BEGIN IMMEDIATE already holds every other writer back). Empty when the row is gone.
std::string locked_orientation_version(soci::session& sql, Dialect dialect, std::int64_t id);
// Holds a person's row until the transaction ends, so that two concurrent creations about one
// person (an orientation, say) run one after the other and the second sees the first.
void lock_person(soci::session& sql, Dialect dialect, std::int64_t person_id);

std::vector<std::pair<std::string, std::string>> orientation_origins(soci::session& sql);
void insert_orientation_origin(soci::session& sql, const std::string& code,
                               const std::string& label);

}  // namespace binome::store
