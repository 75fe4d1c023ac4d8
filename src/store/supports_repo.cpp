#include "store/supports_repo.hpp"

#include "store/rows.hpp"

namespace binome::store {
namespace {

const std::string kSelect =
    "SELECT s.id, s.person_id, s.orientation_id, s.profile_id, s.profile_version_id, cp.label, "
    "s.start_date, s.initial_months, s.total_months, s.renewals, s.state, s.last_bilan_result, "
    "s.last_bilan_on, s.bilan_since_period_start, s.exit_outcome, s.exit_date, s.followup_end, " +
    std::string(kPersonColumns) +
    " FROM supports s "
    "JOIN convention_profiles cp ON cp.id = s.profile_id JOIN persons p ON p.id = s.person_id "
    "LEFT JOIN users su ON su.id = p.referent_social_id";

SupportRow to_row(const soci::row& r) {
  SupportRow s;
  std::size_t i = 0;
  s.id = i64(r, i++);
  s.person_id = i64(r, i++);
  s.orientation_id = i64(r, i++);
  s.profile_id = i64(r, i++);
  s.profile_version_id = i64(r, i++);
  s.profile_label = str(r, i++);
  s.start_date = str(r, i++);
  s.initial_months = static_cast<int>(i64(r, i++));
  s.total_months = static_cast<int>(i64(r, i++));
  s.renewals = static_cast<int>(i64(r, i++));
  s.state = str(r, i++);
  s.last_bilan_result = opt_str(r, i++);
  s.last_bilan_on = opt_str(r, i++);
  s.bilan_since_period_start = flag(r, i++);
  s.exit_outcome = opt_str(r, i++);
  s.exit_date = opt_str(r, i++);
  s.followup_end = opt_str(r, i++);
  auto person = read_person_columns(r, i);
  s.person_scope = std::move(person.scope);
  s.person_name = std::move(person.name);
  s.person_brsa = person.brsa;
  return s;
}

std::vector<SupportRow> select_rows(soci::session& sql, const std::string& where,
                                    std::optional<long long> value) {
  std::vector<SupportRow> out;
  for_each_row(sql, kSelect + where, value,
               [&](const soci::row& row) { out.push_back(to_row(row)); });
  return out;
}

}  // namespace

std::int64_t insert_support(soci::session& sql, const SupportRow& s, const std::string& now) {
  long long id = 0, person = s.person_id, orientation = s.orientation_id, profile = s.profile_id,
            version = s.profile_version_id;
  int initial = s.initial_months, total = s.total_months;
  sql << "INSERT INTO supports (person_id, orientation_id, profile_id, profile_version_id, "
         "start_date, initial_months, total_months, state, created_at, updated_at) VALUES (:p, :o, "
         ":pr, :v, :sd, :im, :tm, :st, :c1, :c2) RETURNING id",
      soci::use(person), soci::use(orientation), soci::use(profile), soci::use(version),
      soci::use(s.start_date), soci::use(initial), soci::use(total), soci::use(s.state),
      soci::use(now), soci::use(now), soci::into(id);
  return id;
}

void update_support(soci::session& sql, const SupportRow& s, const std::string& now) {
  long long id = s.id;
  int total = s.total_months, renewals = s.renewals, bilan = s.bilan_since_period_start;
  auto result = Nullable::of(s.last_bilan_result), bilan_on = Nullable::of(s.last_bilan_on),
       outcome = Nullable::of(s.exit_outcome), exit_date = Nullable::of(s.exit_date),
       followup = Nullable::of(s.followup_end);
  sql << "UPDATE supports SET total_months = :t, renewals = :r, state = :s, last_bilan_result = "
         ":br, last_bilan_on = :bo, bilan_since_period_start = :bp, exit_outcome = :eo, exit_date "
         "= :ed, followup_end = :fe, updated_at = :now WHERE id = :id",
      soci::use(total), soci::use(renewals), soci::use(s.state), soci::use(result.text, result.ind),
      soci::use(bilan_on.text, bilan_on.ind), soci::use(bilan),
      soci::use(outcome.text, outcome.ind), soci::use(exit_date.text, exit_date.ind),
      soci::use(followup.text, followup.ind), soci::use(now), soci::use(id);
}

std::optional<SupportRow> find_support(soci::session& sql, std::int64_t id) {
  auto rows = select_rows(sql, " WHERE s.id = :id", id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<SupportRow> supports_of_person(soci::session& sql, std::int64_t person_id) {
  return select_rows(sql, " WHERE s.person_id = :p ORDER BY s.id DESC", person_id);
}

std::vector<SupportRow> supports_in_reach(soci::session& sql, const domain::Reach& reach,
                                          const std::string& state) {
  std::vector<SupportRow> out;
  // The state is one of the three codes of the CHECK constraint, never input.
  for_each_row_in_reach(sql,
                        kSelect + " WHERE s.state = '" + state + "' AND " + reach_condition(reach) +
                            persons_condition(Persons::live) + " ORDER BY s.start_date, s.id",
                        reach, [&](const soci::row& row) { out.push_back(to_row(row)); });
  return out;
}

std::vector<SupportRow> all_supports_in_reach(soci::session& sql, const domain::Reach& reach) {
  std::vector<SupportRow> out;
  for_each_row_in_reach(sql, kSelect + " WHERE " + reach_condition(reach) + " ORDER BY s.id", reach,
                        [&](const soci::row& row) { out.push_back(to_row(row)); });
  return out;
}

}  // namespace binome::store
