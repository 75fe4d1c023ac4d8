#include "store/binome_repo.hpp"

#include "store/rows.hpp"

namespace binome::store {

void insert_binome_assignment(soci::session& sql, const BinomeAssignmentRow& row) {
  long long person = row.person_id;
  auto c = Nullable::of(row.conseiller_id), r = Nullable::of(row.referent_social_id),
       by = Nullable::of(row.by_user_id);
  sql << "INSERT INTO binome_assignments (person_id, conseiller_id, referent_social_id, reason, "
         "at, by_user_id) VALUES (:p, :c, :r, :re, :at, :by)",
      soci::use(person), soci::use(c.number, c.ind), soci::use(r.number, r.ind),
      soci::use(row.reason), soci::use(row.at), soci::use(by.number, by.ind);
}

std::vector<BinomeAssignmentRow> binome_history(soci::session& sql, std::int64_t person_id) {
  std::vector<BinomeAssignmentRow> out;
  for_each_row(
      sql,
      "SELECT b.id, b.person_id, b.conseiller_id, b.referent_social_id, c.display_name, "
      "r.display_name, b.reason, b.at, b.by_user_id, u.display_name FROM binome_assignments b "
      "LEFT JOIN users c ON c.id = b.conseiller_id LEFT JOIN users r ON r.id = "
      "b.referent_social_id LEFT JOIN users u ON u.id = b.by_user_id WHERE b.person_id = :p "
      "ORDER BY b.id",
      person_id, [&](const soci::row& x) {
        out.push_back({i64(x, 0), i64(x, 1), opt_i64(x, 2), opt_i64(x, 3),
                       opt_str(x, 4).value_or(""), opt_str(x, 5).value_or(""), str(x, 6), str(x, 7),
                       opt_i64(x, 8), opt_str(x, 9).value_or("")});
      });
  return out;
}

std::string person_created_at(soci::session& sql, std::int64_t person_id) {
  long long id = person_id;
  std::string at;
  sql << "SELECT created_at FROM persons WHERE id = :p", soci::use(id), soci::into(at);
  return at;
}

void set_person_referents(soci::session& sql, std::int64_t person_id,
                          std::optional<std::int64_t> conseiller_id,
                          std::optional<std::int64_t> referent_social_id, const std::string& now) {
  long long person = person_id;
  auto c = Nullable::of(conseiller_id), r = Nullable::of(referent_social_id);
  sql << "UPDATE persons SET conseiller_id = :c, referent_social_id = :r, updated_at = :n WHERE "
         "id = :p",
      soci::use(c.number, c.ind), soci::use(r.number, r.ind), soci::use(now), soci::use(person);
}

}  // namespace binome::store
