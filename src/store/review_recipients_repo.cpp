#include "store/review_recipients_repo.hpp"

#include "store/rows.hpp"

namespace binome::store {

RecipientsRow recipients_of_agence(soci::session& sql, std::int64_t agence_id) {
  RecipientsRow out;
  for_each_row(sql,
               "SELECT function_code, email, updated_at FROM review_recipients WHERE agence_id = "
               ":a ORDER BY id",
               agence_id, [&](const soci::row& r) {
                 out.recipients.push_back({str(r, 0), str(r, 1)});
                 out.updated_at = str(r, 2);
               });
  return out;
}

void replace_recipients(soci::session& sql, std::int64_t agence_id,
                        const std::vector<domain::Recipient>& list, std::int64_t by,
                        const std::string& at) {
  long long agence = agence_id, uid = by;
  sql << "DELETE FROM review_recipients WHERE agence_id = :a", soci::use(agence);
  for (const auto& r : list)
    sql << "INSERT INTO review_recipients (agence_id, function_code, email, updated_by, "
           "updated_at) VALUES (:a, :f, :e, :b, :t)",
        soci::use(agence), soci::use(r.function_code), soci::use(r.email), soci::use(uid),
        soci::use(at);
}

void insert_sending(soci::session& sql, std::int64_t review_id, std::int64_t by,
                    const std::string& at, int recipients, int failures) {
  long long rid = review_id, uid = by;
  sql << "INSERT INTO review_sendings (review_id, sent_by, sent_at, recipients, failures) VALUES "
         "(:r, :b, :t, :n, :f)",
      soci::use(rid), soci::use(uid), soci::use(at), soci::use(recipients), soci::use(failures);
}

std::vector<SendingRow> sendings_of(soci::session& sql, std::int64_t review_id) {
  std::vector<SendingRow> out;
  for_each_row(sql,
               "SELECT s.id, u.display_name, s.sent_at, s.recipients, s.failures FROM "
               "review_sendings s JOIN users u ON u.id = s.sent_by WHERE s.review_id = :r ORDER "
               "BY s.id",
               review_id, [&](const soci::row& r) {
                 out.push_back({i64(r, 0), str(r, 1), str(r, 2), static_cast<int>(i64(r, 3)),
                                static_cast<int>(i64(r, 4))});
               });
  return out;
}

}  // namespace binome::store
