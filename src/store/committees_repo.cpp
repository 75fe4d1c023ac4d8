#include "store/committees_repo.hpp"

#include "store/rows.hpp"

namespace binome::store {
namespace {

const std::string kSelect =
    "SELECT id, departement, kind, held_on, period_from, period_to, agenda, indicator_pack, "
    "conclusions, created_by, created_at, updated_at FROM committees ";

CommitteeRow to_row(const soci::row& r) {
  CommitteeRow c;
  std::size_t i = 0;
  c.id = i64(r, i++);
  c.departement = str(r, i++);
  c.kind = str(r, i++);
  c.held_on = str(r, i++);
  c.period_from = str(r, i++);
  c.period_to = str(r, i++);
  c.agenda = str(r, i++);
  c.indicator_pack = str(r, i++);
  c.conclusions = opt_str(r, i++);
  c.created_by = i64(r, i++);
  c.created_at = str(r, i++);
  c.updated_at = str(r, i++);
  return c;
}

void load_attendees(soci::session& sql, CommitteeRow& c) {
  for_each_row(sql,
               "SELECT role, organisation, present FROM committee_attendees WHERE committee_id = "
               ":c ORDER BY id",
               c.id, [&](const soci::row& r) {
                 c.attendees.push_back({str(r, 0), str(r, 1), flag(r, 2)});
               });
}

}  // namespace

std::int64_t insert_committee(soci::session& sql, const CommitteeRow& c) {
  long long id = 0, by = c.created_by;
  sql << "INSERT INTO committees (departement, kind, held_on, period_from, period_to, agenda, "
         "indicator_pack, created_by, created_at, updated_at) VALUES (:d, :k, :h, :f, :t, :a, "
         ":p, :b, :c1, :c2) RETURNING id",
      soci::use(c.departement), soci::use(c.kind), soci::use(c.held_on), soci::use(c.period_from),
      soci::use(c.period_to), soci::use(c.agenda), soci::use(c.indicator_pack), soci::use(by),
      soci::use(c.created_at), soci::use(c.created_at), soci::into(id);
  for (const auto& a : c.attendees) {
    int present = a.present ? 1 : 0;
    sql << "INSERT INTO committee_attendees (committee_id, role, organisation, present) VALUES "
           "(:c, :r, :o, :p)",
        soci::use(id), soci::use(a.role), soci::use(a.organisation), soci::use(present);
  }
  return id;
}

std::optional<CommitteeRow> find_committee(soci::session& sql, std::int64_t id) {
  std::optional<CommitteeRow> out;
  for_each_row(sql, kSelect + "WHERE id = :id", id, [&](const soci::row& r) { out = to_row(r); });
  if (out) load_attendees(sql, *out);
  return out;
}

std::vector<CommitteeRow> committees_of(soci::session& sql, const std::string& departement) {
  std::vector<CommitteeRow> out;
  std::string dep = departement;
  soci::rowset<soci::row> rows =
      (sql.prepare << kSelect + "WHERE departement = :d ORDER BY held_on DESC, id DESC",
       soci::use(dep));
  for (const auto& r : rows) out.push_back(to_row(r));
  for (auto& c : out) load_attendees(sql, c);
  return out;
}

void set_conclusions(soci::session& sql, std::int64_t id, const std::string& text,
                     const std::string& now) {
  long long cid = id;
  sql << "UPDATE committees SET conclusions = :t, updated_at = :n WHERE id = :id", soci::use(text),
      soci::use(now), soci::use(cid);
}

}  // namespace binome::store
