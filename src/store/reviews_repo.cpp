#include "store/reviews_repo.hpp"

#include "store/rows.hpp"

namespace binome::store {
namespace {

const std::string kSelect =
    "SELECT r.id, r.agence_id, o.name, o.departement, o.territory_id, r.month, r.held_on, "
    "r.secretariat_side, r.status, r.created_by, r.created_at, r.closed_at FROM "
    "portfolio_reviews r JOIN organisations o ON o.id = r.agence_id ";

ReviewRow to_review(const soci::row& r) {
  ReviewRow v;
  std::size_t i = 0;
  v.id = i64(r, i++);
  v.agence_id = i64(r, i++);
  v.agence_name = str(r, i++);
  v.departement = str(r, i++);
  v.territory_id = opt_i64(r, i++);
  v.month = str(r, i++);
  v.held_on = str(r, i++);
  v.secretariat_side = str(r, i++);
  v.status = str(r, i++);
  v.created_by = i64(r, i++);
  v.created_at = str(r, i++);
  v.closed_at = opt_str(r, i++);
  return v;
}

}  // namespace

std::int64_t insert_review(soci::session& sql, const ReviewRow& row) {
  long long id = 0, agence = row.agence_id, by = row.created_by;
  sql << "INSERT INTO portfolio_reviews (agence_id, month, held_on, secretariat_side, status, "
         "created_by, created_at) VALUES (:a, :m, :h, :s, 'ouverte', :b, :c) RETURNING id",
      soci::use(agence), soci::use(row.month), soci::use(row.held_on),
      soci::use(row.secretariat_side), soci::use(by), soci::use(row.created_at), soci::into(id);
  return id;
}

std::optional<ReviewRow> find_review(soci::session& sql, std::int64_t id) {
  std::optional<ReviewRow> out;
  for_each_row(sql, kSelect + "WHERE r.id = :id", id,
               [&](const soci::row& r) { out = to_review(r); });
  return out;
}

std::vector<ReviewRow> reviews_of_agence(soci::session& sql, std::int64_t agence_id) {
  std::vector<ReviewRow> out;
  for_each_row(sql, kSelect + "WHERE r.agence_id = :a ORDER BY r.month DESC, r.id DESC", agence_id,
               [&](const soci::row& r) { out.push_back(to_review(r)); });
  return out;
}

void close_review(soci::session& sql, std::int64_t id, std::int64_t by, const std::string& at) {
  long long rid = id, uid = by;
  sql << "UPDATE portfolio_reviews SET status = 'close', closed_by = :b, closed_at = :a WHERE id "
         "= :id",
      soci::use(uid), soci::use(at), soci::use(rid);
}

void replace_attendees(soci::session& sql, std::int64_t review_id,
                       const std::vector<AttendeeRow>& rows) {
  long long rid = review_id;
  sql << "DELETE FROM portfolio_review_attendees WHERE review_id = :r", soci::use(rid);
  for (const auto& a : rows) {
    auto user = Nullable::of(a.user_id);
    int present = a.present ? 1 : 0;
    sql << "INSERT INTO portfolio_review_attendees (review_id, user_id, role, organisation, "
           "present) VALUES (:r, :u, :ro, :o, :p)",
        soci::use(rid), soci::use(user.number, user.ind), soci::use(a.role),
        soci::use(a.organisation), soci::use(present);
  }
}

std::vector<AttendeeRow> attendees_of(soci::session& sql, std::int64_t review_id) {
  std::vector<AttendeeRow> out;
  for_each_row(sql,
               "SELECT user_id, role, organisation, present FROM portfolio_review_attendees "
               "WHERE review_id = :r ORDER BY id",
               review_id, [&](const soci::row& r) {
                 out.push_back({opt_i64(r, 0), str(r, 1), str(r, 2), flag(r, 3)});
               });
  return out;
}

void insert_review_decision(soci::session& sql, std::int64_t review_id,
                            const ReviewDecisionRow& row, std::int64_t by) {
  long long rid = review_id, person = row.person_id, subject = row.subject_id, uid = by;
  sql << "INSERT INTO portfolio_review_decisions (review_id, kind, person_id, subject_id, "
         "detail, decided_by, decided_at) VALUES (:r, :k, :p, :s, :d, :b, :a)",
      soci::use(rid), soci::use(row.kind), soci::use(person), soci::use(subject),
      soci::use(row.detail), soci::use(uid), soci::use(row.decided_at);
}

std::vector<ReviewDecisionRow> decisions_of(soci::session& sql, std::int64_t review_id) {
  std::vector<ReviewDecisionRow> out;
  for_each_row(sql,
               "SELECT d.id, d.kind, d.person_id, d.subject_id, d.detail, u.display_name, "
               "d.decided_at FROM portfolio_review_decisions d JOIN users u ON u.id = "
               "d.decided_by WHERE d.review_id = :r ORDER BY d.id",
               review_id, [&](const soci::row& r) {
                 out.push_back(
                     {i64(r, 0), str(r, 1), i64(r, 2), i64(r, 3), str(r, 4), str(r, 5), str(r, 6)});
               });
  return out;
}

void insert_review_items(soci::session& sql, std::int64_t review_id,
                         const std::vector<ReviewItemRow>& rows) {
  long long rid = review_id;
  for (const auto& it : rows) {
    long long person = it.person_id, subject = it.subject_id;
    auto due = Nullable::of(it.due_on);
    sql << "INSERT INTO portfolio_review_items (review_id, kind, person_id, subject_id, label, "
           "due_on) VALUES (:r, :k, :p, :s, :l, :d)",
        soci::use(rid), soci::use(it.kind), soci::use(person), soci::use(subject),
        soci::use(it.label), soci::use(due.text, due.ind);
  }
}

std::vector<ReviewItemRow> items_of(soci::session& sql, std::int64_t review_id) {
  std::vector<ReviewItemRow> out;
  for_each_row(sql,
               "SELECT kind, person_id, subject_id, label, due_on FROM portfolio_review_items "
               "WHERE review_id = :r ORDER BY id",
               review_id, [&](const soci::row& r) {
                 out.push_back({str(r, 0), i64(r, 1), i64(r, 2), str(r, 3), opt_str(r, 4)});
               });
  return out;
}

}  // namespace binome::store
