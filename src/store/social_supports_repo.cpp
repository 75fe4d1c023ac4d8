#include "store/social_supports_repo.hpp"

#include "store/rows.hpp"

namespace binome::store {
namespace {

const std::string kSelect =
    "SELECT s.id, s.person_id, s.profile_id, s.profile_version_id, cp.label, s.service_org_id, "
    "o.name, s.state, s.requested_by, s.planned_start, s.start_date, s.total_months, s.renewals, "
    "s.validated_by, s.validated_at, s.quota_override, s.end_date, s.end_reason, " +
    std::string(kPersonColumns) +
    " FROM social_supports s JOIN convention_profiles cp ON cp.id = s.profile_id "
    "LEFT JOIN organisations o ON o.id = s.service_org_id JOIN persons p ON p.id = s.person_id "
    "LEFT JOIN users su ON su.id = p.referent_social_id";

SocialSupportRow to_row(const soci::row& r) {
  SocialSupportRow s;
  std::size_t i = 0;
  s.id = i64(r, i++);
  s.person_id = i64(r, i++);
  s.profile_id = i64(r, i++);
  s.profile_version_id = i64(r, i++);
  s.profile_label = str(r, i++);
  s.service_org_id = opt_i64(r, i++);
  s.service_name = opt_str(r, i++).value_or("");
  s.state = str(r, i++);
  s.requested_by = i64(r, i++);
  s.planned_start = str(r, i++);
  s.start_date = opt_str(r, i++);
  s.total_months = static_cast<int>(i64(r, i++));
  s.renewals = static_cast<int>(i64(r, i++));
  s.validated_by = opt_i64(r, i++);
  s.validated_at = opt_str(r, i++);
  s.quota_override = flag(r, i++);
  s.end_date = opt_str(r, i++);
  s.end_reason = opt_str(r, i++);
  auto person = read_person_columns(r, i);
  s.person_scope = std::move(person.scope);
  s.person_name = std::move(person.name);
  s.person_brsa = person.brsa;
  return s;
}

std::vector<SocialSupportRow> select_rows(soci::session& sql, const std::string& where,
                                          std::optional<long long> value) {
  std::vector<SocialSupportRow> out;
  for_each_row(sql, kSelect + where, value,
               [&](const soci::row& row) { out.push_back(to_row(row)); });
  return out;
}

}  // namespace

std::int64_t insert_social_support(soci::session& sql, const SocialSupportRow& s,
                                   const std::string& now) {
  long long id = 0, person = s.person_id, profile = s.profile_id, version = s.profile_version_id,
            by = s.requested_by;
  auto service = Nullable::of(s.service_org_id);
  int total = s.total_months;
  sql << "INSERT INTO social_supports (person_id, profile_id, profile_version_id, service_org_id, "
         "state, requested_by, planned_start, total_months, created_at, updated_at) VALUES (:p, "
         ":pr, :v, :so, :st, :by, :ps, :tm, :c1, :c2) RETURNING id",
      soci::use(person), soci::use(profile), soci::use(version),
      soci::use(service.number, service.ind), soci::use(s.state), soci::use(by),
      soci::use(s.planned_start), soci::use(total), soci::use(now), soci::use(now), soci::into(id);
  return id;
}

void update_social_support(soci::session& sql, const SocialSupportRow& s, const std::string& now) {
  long long id = s.id;
  int total = s.total_months, renewals = s.renewals, override_quota = s.quota_override;
  auto start = Nullable::of(s.start_date), validated_by = Nullable::of(s.validated_by),
       validated_at = Nullable::of(s.validated_at), end_date = Nullable::of(s.end_date),
       end_reason = Nullable::of(s.end_reason);
  sql << "UPDATE social_supports SET state = :s, start_date = :sd, total_months = :t, renewals = "
         ":r, validated_by = :vb, validated_at = :va, quota_override = :q, end_date = :ed, "
         "end_reason = :er, updated_at = :now WHERE id = :id",
      soci::use(s.state), soci::use(start.text, start.ind), soci::use(total), soci::use(renewals),
      soci::use(validated_by.number, validated_by.ind),
      soci::use(validated_at.text, validated_at.ind), soci::use(override_quota),
      soci::use(end_date.text, end_date.ind), soci::use(end_reason.text, end_reason.ind),
      soci::use(now), soci::use(id);
}

std::optional<SocialSupportRow> find_social_support(soci::session& sql, std::int64_t id) {
  auto rows = select_rows(sql, " WHERE s.id = :id", id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<SocialSupportRow> social_supports_of_person(soci::session& sql,
                                                        std::int64_t person_id) {
  return select_rows(sql, " WHERE s.person_id = :p ORDER BY s.id DESC", person_id);
}

std::vector<SocialSupportRow> open_social_supports(soci::session& sql) {
  return select_rows(sql, " WHERE s.state IN ('a_valider', 'en_cours') ORDER BY s.id",
                     std::nullopt);
}

std::vector<SocialSupportRow> social_supports_in_reach(soci::session& sql,
                                                       const domain::Reach& reach,
                                                       const std::string& state) {
  std::vector<SocialSupportRow> out;
  // The state is one of the codes of the CHECK constraint, never input.
  for_each_row_in_reach(
      sql,
      kSelect + " WHERE s.state = '" + state + "' AND " + reach_condition(reach) + " ORDER BY s.id",
      reach, [&](const soci::row& row) { out.push_back(to_row(row)); });
  return out;
}

int axe3_starts_in_service(soci::session& sql, std::int64_t profile_id, std::int64_t service_org_id,
                           int year) {
  long long profile = profile_id, service = service_org_id;
  const std::string from = std::to_string(year) + "-01-01",
                    to = std::to_string(year + 1) + "-01-01";
  int n = 0;
  sql << "SELECT COUNT(*) FROM social_supports WHERE profile_id = :p AND service_org_id = :s AND "
         "start_date >= :f AND start_date < :t",
      soci::use(profile), soci::use(service), soci::use(from), soci::use(to), soci::into(n);
  return n;
}

int axe3_starts_in_all(soci::session& sql, std::int64_t profile_id, int year) {
  long long profile = profile_id;
  const std::string from = std::to_string(year) + "-01-01",
                    to = std::to_string(year + 1) + "-01-01";
  int n = 0;
  sql << "SELECT COUNT(*) FROM social_supports WHERE profile_id = :p AND start_date >= :f AND "
         "start_date < :t",
      soci::use(profile), soci::use(from), soci::use(to), soci::into(n);
  return n;
}

}  // namespace binome::store
