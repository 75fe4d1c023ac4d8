#include "store/indicators_repo.hpp"

#include "store/rows.hpp"

namespace binome::store {
namespace {

// The scope columns of kPersonColumns, without the name.
constexpr const char* kScopeColumns =
    "p.conseiller_id, p.referent_social_id, su.organisation_id, p.territory_id, p.agence_id, "
    "p.departement";
constexpr const char* kPersonJoin =
    " JOIN persons p ON p.id = x.person_id LEFT JOIN users su ON su.id = p.referent_social_id ";

domain::PersonScope read_scope(const soci::row& r, std::size_t& i) {
  domain::PersonScope s;
  s.conseiller_id = opt_i64(r, i++);
  s.referent_social_id = opt_i64(r, i++);
  s.referent_social_org_id = opt_i64(r, i++);
  s.territory_id = opt_i64(r, i++);
  s.agence_id = opt_i64(r, i++);
  s.departement = str(r, i++);
  return s;
}

template <typename Visit>
void each_row(soci::session& sql, const std::string& query, const std::string& departement,
              Visit visit) {
  std::string dep = departement;
  soci::rowset<soci::row> rows = (sql.prepare << query, soci::use(dep));
  for (const auto& r : rows) visit(r);
}

}  // namespace

IndicatorSource load_indicator_source(soci::session& sql, const std::string& departement) {
  IndicatorSource out;
  each_row(sql,
           std::string("SELECT ") + kScopeColumns +
               ", p.brsa, p.rqth, p.birth_date, o.oriented_on, x.start_date, x.exit_date, "
               "x.exit_outcome FROM supports x" +
               kPersonJoin +
               "JOIN orientations o ON o.id = x.orientation_id WHERE p.departement = :d "
               "ORDER BY x.id",
           departement, [&](const soci::row& r) {
             std::size_t i = 0;
             auto scope = read_scope(r, i);
             domain::SupportIndicatorFact f;
             f.conseiller_id = scope.conseiller_id.value_or(0);
             f.referent_social_id = scope.referent_social_id.value_or(0);
             f.brsa = flag(r, i++);
             f.rqth = flag(r, i++);
             f.birth_date = str(r, i++);
             f.oriented_on = str(r, i++);
             f.start_date = str(r, i++);
             f.exit_date = opt_str(r, i++);
             f.exit_outcome = opt_str(r, i++);
             out.supports.emplace_back(std::move(scope), std::move(f));
           });
  each_row(sql,
           std::string("SELECT ") + kScopeColumns +
               ", x.oriented_on, x.origin FROM orientations x" + kPersonJoin +
               "WHERE p.departement = :d ORDER BY x.id",
           departement, [&](const soci::row& r) {
             std::size_t i = 0;
             auto scope = read_scope(r, i);
             domain::OrientationIndicatorFact f;
             f.oriented_on = str(r, i++);
             f.origin = str(r, i++);
             out.orientations.emplace_back(std::move(scope), std::move(f));
           });
  each_row(sql,
           std::string("SELECT ") + kScopeColumns +
               ", x.service_org_id, x.start_date, x.end_date FROM social_supports x" + kPersonJoin +
               "WHERE p.departement = :d ORDER BY x.id",
           departement, [&](const soci::row& r) {
             std::size_t i = 0;
             auto scope = read_scope(r, i);
             domain::SocialSupportIndicatorFact f;
             f.service_org_id = opt_i64(r, i++).value_or(0);
             f.start_date = opt_str(r, i++);
             f.end_date = opt_str(r, i++);
             out.social_supports.emplace_back(std::move(scope), std::move(f));
           });
  return out;
}

}  // namespace binome::store
