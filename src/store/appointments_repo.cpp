#include "store/appointments_repo.hpp"

#include "store/rows.hpp"

namespace binome::store {
namespace {

const std::string kSelect =
    "SELECT a.id, a.person_id, a.support_id, a.kind, a.scheduled_at, a.channel, a.place_org_id, "
    "o.name, a.attendance, a.created_by, cu.display_name, " +
    std::string(kPersonColumns) +
    " FROM appointments a LEFT JOIN organisations o ON o.id = a.place_org_id JOIN users cu ON "
    "cu.id = a.created_by JOIN persons p ON p.id = a.person_id LEFT JOIN users su ON su.id = "
    "p.referent_social_id";

AppointmentRow to_row(const soci::row& r) {
  AppointmentRow a;
  std::size_t i = 0;
  a.id = i64(r, i++);
  a.person_id = i64(r, i++);
  a.support_id = opt_i64(r, i++);
  a.kind = str(r, i++);
  a.scheduled_at = str(r, i++);
  a.channel = str(r, i++);
  a.place_org_id = opt_i64(r, i++);
  a.place_name = opt_str(r, i++).value_or("");
  a.attendance = opt_str(r, i++);
  a.created_by = i64(r, i++);
  a.created_by_name = str(r, i++);
  auto person = read_person_columns(r, i);
  a.person_scope = std::move(person.scope);
  a.person_name = std::move(person.name);
  a.person_brsa = person.brsa;
  return a;
}

}  // namespace

std::int64_t insert_appointment(soci::session& sql, const AppointmentRow& a,
                                const std::string& now) {
  long long id = 0, person = a.person_id, by = a.created_by;
  auto support = Nullable::of(a.support_id), place = Nullable::of(a.place_org_id);
  sql << "INSERT INTO appointments (person_id, support_id, kind, scheduled_at, channel, "
         "place_org_id, created_by, created_at, updated_at) VALUES (:p, :s, :k, :at, :c, :o, :by, "
         ":c1, :c2) RETURNING id",
      soci::use(person), soci::use(support.number, support.ind), soci::use(a.kind),
      soci::use(a.scheduled_at), soci::use(a.channel), soci::use(place.number, place.ind),
      soci::use(by), soci::use(now), soci::use(now), soci::into(id);
  return id;
}

void set_attendance(soci::session& sql, std::int64_t id, const std::string& attendance,
                    const std::string& now) {
  long long key = id;
  sql << "UPDATE appointments SET attendance = :a, updated_at = :n WHERE id = :i",
      soci::use(attendance), soci::use(now), soci::use(key);
}

std::optional<AppointmentRow> find_appointment(soci::session& sql, std::int64_t id) {
  std::optional<AppointmentRow> out;
  for_each_row(sql, kSelect + " WHERE a.id = :i", id, [&](const soci::row& r) { out = to_row(r); });
  return out;
}

std::vector<AppointmentRow> appointments_of_person(soci::session& sql, std::int64_t person_id) {
  std::vector<AppointmentRow> out;
  for_each_row(sql, kSelect + " WHERE a.person_id = :p ORDER BY a.scheduled_at, a.id", person_id,
               [&](const soci::row& r) { out.push_back(to_row(r)); });
  return out;
}

std::vector<AppointmentRow> appointments_to_close(soci::session& sql, const std::string& before) {
  std::vector<AppointmentRow> out;
  soci::rowset<soci::row> rs =
      (sql.prepare << kSelect +
                          " WHERE a.attendance IS NULL AND a.scheduled_at < :b ORDER BY "
                          "a.scheduled_at, a.id",
       soci::use(before));
  for (const auto& r : rs) out.push_back(to_row(r));
  return out;
}

std::vector<AppointmentRow> appointments_to_close_by(soci::session& sql, const std::string& before,
                                                     std::int64_t created_by) {
  std::vector<AppointmentRow> out;
  const long long by = created_by;
  for_each_row_once(
      sql,
      kSelect +
          " WHERE a.created_by = :u AND a.attendance IS NULL AND a.scheduled_at < :b ORDER BY "
          "a.scheduled_at, a.id",
      [&](const soci::row& r) { out.push_back(to_row(r)); }, soci::use(by), soci::use(before));
  return out;
}

}  // namespace binome::store
