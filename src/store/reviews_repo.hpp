// Storage of the monthly portfolio reviews: the review, its attendance, its decisions and its
// agenda frozen at closing.
#pragma once
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace binome::store {

struct ReviewRow {
  std::int64_t id = 0, agence_id = 0;
  std::string agence_name, departement;
  std::optional<std::int64_t> territory_id;
  std::string month, held_on, secretariat_side, status;
  std::int64_t created_by = 0;
  std::string created_at;
  std::optional<std::string> closed_at;
};

struct AttendeeRow {
  std::optional<std::int64_t> user_id;
  std::string role, organisation;
  bool present = true;
};

struct ReviewDecisionRow {
  std::int64_t id = 0;
  std::string kind;
  std::int64_t person_id = 0, subject_id = 0;
  std::string detail, decided_by_name, decided_at;
};

struct ReviewItemRow {
  std::string kind;
  std::int64_t person_id = 0, subject_id = 0;
  std::string label;
  std::optional<std::string> due_on;
};

std::int64_t insert_review(soci::session& sql, const ReviewRow& row);
std::optional<ReviewRow> find_review(soci::session& sql, std::int64_t id);
std::vector<ReviewRow> reviews_of_agence(soci::session& sql, std::int64_t agence_id);
void close_review(soci::session& sql, std::int64_t id, std::int64_t by, const std::string& at);

void replace_attendees(soci::session& sql, std::int64_t review_id,
                       const std::vector<AttendeeRow>& rows);
std::vector<AttendeeRow> attendees_of(soci::session& sql, std::int64_t review_id);

void insert_review_decision(soci::session& sql, std::int64_t review_id,
                            const ReviewDecisionRow& row, std::int64_t by);
std::vector<ReviewDecisionRow> decisions_of(soci::session& sql, std::int64_t review_id);

void insert_review_items(soci::session& sql, std::int64_t review_id,
                         const std::vector<ReviewItemRow>& rows);
std::vector<ReviewItemRow> items_of(soci::session& sql, std::int64_t review_id);

}  // namespace binome::store
