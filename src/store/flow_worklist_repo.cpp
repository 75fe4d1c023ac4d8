#include "store/flow_worklist_repo.hpp"

#include "store/rows.hpp"

namespace binome::store {

std::vector<OpenFlowEvent> open_flow_events_of_referent(soci::session& sql, std::int64_t user_id) {
  std::vector<OpenFlowEvent> out;
  long long user = user_id, user2 = user_id;
  soci::rowset<soci::row> rs =
      (sql.prepare << "SELECT e.id, e.person_id, p.first_name, p.last_name, e.kind, e.event_date, "
                      "e.detail, p.brsa, (SELECT COUNT(*) FROM supports s WHERE s.person_id = "
                      "p.id AND s.state = 'en_cours'), p.conseiller_id, p.referent_social_id "
                      "FROM flow_events e JOIN persons p ON p.id = e.person_id WHERE e.closed_at "
                      "IS NULL AND (p.conseiller_id = :u OR p.referent_social_id = :u2) ORDER BY "
                      "e.event_date, e.id",
       soci::use(user), soci::use(user2));
  for (const auto& r : rs) {
    OpenFlowEvent e;
    e.id = i64(r, 0);
    e.person_id = i64(r, 1);
    e.person_name = str(r, 2) + " " + str(r, 3);
    e.kind = str(r, 4);
    e.event_date = str(r, 5);
    e.detail = str(r, 6);
    e.brsa = flag(r, 7);
    e.in_support = i64(r, 8) > 0;
    e.user_is_conseiller = opt_i64(r, 9) == user_id;
    e.user_is_referent_social = opt_i64(r, 10) == user_id;
    out.push_back(std::move(e));
  }
  return out;
}

std::int64_t open_flow_event_person(soci::session& sql, std::int64_t event_id) {
  std::int64_t person = 0;
  for_each_row(sql, "SELECT person_id FROM flow_events WHERE id = :i AND closed_at IS NULL",
               event_id, [&](const soci::row& r) { person = i64(r, 0); });
  return person;
}

}  // namespace binome::store
