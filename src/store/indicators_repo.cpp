#include "store/indicators_repo.hpp"

#include <stdexcept>

#include "domain/support.hpp"
#include "store/rows.hpp"

namespace binome::store {
namespace {

// Values written into the SQL text are ISO dates made by domain::to_iso and ids: the
// département code is checked to be one of them too (letters and digits only).
std::string quoted(const std::string& text) {
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-'))
      throw std::invalid_argument("valeur inattendue dans une requête d'indicateurs");
  return "'" + text + "'";
}

// Whole days from a to b (ISO date columns), in the session's dialect.
std::string days(bool postgres, const std::string& a, const std::string& b) {
  if (postgres) return "(CAST(" + b + " AS DATE) - CAST(" + a + " AS DATE))";
  return "CAST(ROUND(julianday(" + b + ") - julianday(" + a + ")) AS INTEGER)";
}

// FROM persons of the scope joined to `table x`, and the WHERE that selects them.
std::string from_where(const std::string& table, const IndicatorPersons& persons,
                       const std::string& join = "") {
  bool referent_org = false;
  std::string where = " WHERE p.departement = " + quoted(persons.departement);
  for (const auto& [column, value] : persons.equal) {
    const auto id = std::to_string(value);
    switch (column) {
      case IndicatorPersons::Column::territory:
        where += " AND p.territory_id = " + id;
        break;
      case IndicatorPersons::Column::agence:
        where += " AND p.agence_id = " + id;
        break;
      case IndicatorPersons::Column::conseiller:
        where += " AND p.conseiller_id = " + id;
        break;
      case IndicatorPersons::Column::referent_org:
        where += " AND su.organisation_id = " + id;
        referent_org = true;
        break;
    }
  }
  return " FROM " + table + " x JOIN persons p ON p.id = x.person_id" + join +
         (referent_org ? " LEFT JOIN users su ON su.id = p.referent_social_id" : "") + where;
}

int as_int(const soci::row& r, std::size_t i) {
  return static_cast<int>(i64(r, i));
}

}  // namespace

domain::IndicatorCounts count_indicators(soci::session& sql, const IndicatorPersons& persons,
                                         const domain::Period& period,
                                         const std::vector<std::int64_t>& counsellors) {
  const bool pg = sql.get_backend_name() == "postgresql";
  const auto from = quoted(domain::to_iso(period.from)), to = quoted(domain::to_iso(period.to));
  const auto ages = domain::age_bounds(period.to);
  const auto cohort = domain::twelve_month_cohort(period);
  std::string jobs;
  for (const auto& o : domain::kExitOutcomes)
    if (domain::is_job_start(o.code))
      jobs += (jobs.empty() ? "'" : ", '") + std::string(o.code) + "'";

  // The conditions of count_indicator_facts, in SQL.
  const std::string entered = "(x.start_date >= " + from + " AND x.start_date <= " + to + ")";
  const std::string exited = "(x.exit_date >= " + from + " AND x.exit_date <= " + to + ")";
  const std::string ongoing = "(x.start_date > '' AND x.start_date <= " + to +
                              " AND (x.exit_date IS NULL OR x.exit_date > " + to + "))";
  const std::string in_cohort =
      "(x.start_date >= " + quoted(cohort.from) + " AND x.start_date <= " + quoted(cohort.to) + ")";
  // plus_months(start, 12) as text: the next year, 29 February becoming 28 February.
  const std::string anniversary =
      "(CAST(CAST(substr(x.start_date, 1, 4) AS INTEGER) + 1 AS TEXT) || CASE WHEN "
      "substr(x.start_date, 5) = '-02-29' THEN '-02-28' ELSE substr(x.start_date, 5) END)";
  const auto sum_if = [](const std::string& cond) {
    return "SUM(CASE WHEN " + cond + " THEN 1 ELSE 0 END)";
  };

  domain::IndicatorCounts c;
  for (auto id : counsellors) c.portfolio[id];

  // One pass over the supports of the scope, grouped by binôme (counsellor, social referent).
  {
    const std::string query =
        "SELECT COALESCE(p.conseiller_id, 0), COALESCE(p.referent_social_id, 0), " +
        sum_if(entered) + ", " + sum_if(exited) + ", " + sum_if(ongoing) + ", " +
        sum_if(ongoing + " AND p.brsa <> 0") + ", " + sum_if(ongoing + " AND p.rqth <> 0") + ", " +
        sum_if(ongoing + " AND p.birth_date <= " + quoted(ages.born_by_0) + " AND p.birth_date > " +
               quoted(ages.born_by_26)) +
        ", " +
        sum_if(ongoing + " AND p.birth_date <= " + quoted(ages.born_by_26) +
               " AND p.birth_date > " + quoted(ages.born_by_50)) +
        ", " + sum_if(ongoing + " AND p.birth_date <= " + quoted(ages.born_by_50)) +
        ", SUM(CASE WHEN " + exited + " THEN " + days(pg, "x.start_date", "x.exit_date") +
        " ELSE 0 END), " + sum_if(in_cohort) + ", " +
        sum_if(in_cohort + " AND x.exit_outcome IN (" + jobs +
               ") AND x.exit_date <= " + anniversary) +
        from_where("supports", persons) + " AND (" + entered + " OR " + exited + " OR " + ongoing +
        " OR " + in_cohort + ") GROUP BY COALESCE(p.conseiller_id, 0), " +
        "COALESCE(p.referent_social_id, 0)";
    soci::rowset<soci::row> rows = sql.prepare << query;
    for (const auto& r : rows) {
      const auto conseiller = i64(r, 0);
      const int entries = as_int(r, 2), in_progress = as_int(r, 4);
      c.entries += entries;
      c.exits += as_int(r, 3);
      c.in_progress += in_progress;
      c.brsa += as_int(r, 5);
      c.rqth += as_int(r, 6);
      c.under26 += as_int(r, 7);
      c.from26to49 += as_int(r, 8);
      c.over50 += as_int(r, 9);
      c.time_in_support += i64(r, 10);
      c.cohort += as_int(r, 11);
      c.cohort_employed += as_int(r, 12);
      if (entries > 0 || in_progress > 0) ++c.binomes;
      if (conseiller && in_progress > 0) c.portfolio[conseiller] += in_progress;
    }
  }
  // The entries' delays and the exits' outcomes: the period's rows only.
  {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " + days(pg, "o.oriented_on", "x.start_date") + ", COUNT(*)" +
                            from_where("supports", persons,
                                       " JOIN orientations o ON o.id = x.orientation_id") +
                            " AND " + entered + " GROUP BY 1");
    for (const auto& r : rows) c.entry_delays[as_int(r, 0)] += as_int(r, 1);
  }
  {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT COALESCE(x.exit_outcome, ''), COUNT(*)" +
                            from_where("supports", persons) + " AND " + exited + " GROUP BY 1");
    for (const auto& r : rows) c.exits_by_outcome[str(r, 0)] += as_int(r, 1);
  }
  {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT x.origin, COUNT(*)" + from_where("orientations", persons) +
                            " AND x.oriented_on >= " + from + " AND x.oriented_on <= " + to +
                            " GROUP BY x.origin");
    for (const auto& r : rows) {
      const int n = as_int(r, 1);
      c.orientations_by_origin[str(r, 0)] += n;
      c.orientations += n;
    }
  }
  // Axe 3: the validated ones (a start date), by service for the year's quota.
  {
    const auto year_start = quoted(std::to_string(static_cast<int>(period.to.year())) + "-01-01");
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT COALESCE(x.service_org_id, 0), " +
                            sum_if("x.start_date >= " + from) + ", " +
                            sum_if("(x.end_date IS NULL OR x.end_date > " + to + ")") + ", " +
                            sum_if("x.start_date >= " + year_start) +
                            from_where("social_supports", persons) +
                            " AND x.start_date IS NOT NULL AND x.start_date <= " + to +
                            " GROUP BY COALESCE(x.service_org_id, 0)");
    for (const auto& r : rows) {
      c.axe3_started += as_int(r, 1);
      c.axe3_ongoing += as_int(r, 2);
      if (const int year = as_int(r, 3); year > 0) {
        c.axe3_started_year += year;
        c.axe3_started_year_by_service[i64(r, 0)] += year;
      }
    }
  }
  return c;
}

domain::IndicatorFacts load_indicator_facts(soci::session& sql, const IndicatorPersons& persons) {
  domain::IndicatorFacts out;
  const auto each = [&](const std::string& query, const auto& visit) {
    soci::rowset<soci::row> rows = sql.prepare << query;
    for (const auto& r : rows) visit(r);
  };
  each(
      "SELECT p.conseiller_id, p.referent_social_id, p.brsa, p.rqth, p.birth_date, "
      "o.oriented_on, x.start_date, x.exit_date, x.exit_outcome" +
          from_where("supports", persons, " JOIN orientations o ON o.id = x.orientation_id") +
          " ORDER BY x.id",
      [&](const soci::row& r) {
        std::size_t i = 0;
        domain::SupportIndicatorFact f;
        f.conseiller_id = opt_i64(r, i++).value_or(0);
        f.referent_social_id = opt_i64(r, i++).value_or(0);
        f.brsa = flag(r, i++);
        f.rqth = flag(r, i++);
        f.birth_date = str(r, i++);
        f.oriented_on = str(r, i++);
        f.start_date = str(r, i++);
        f.exit_date = opt_str(r, i++);
        f.exit_outcome = opt_str(r, i++);
        out.supports.push_back(std::move(f));
      });
  each("SELECT x.oriented_on, x.origin" + from_where("orientations", persons) + " ORDER BY x.id",
       [&](const soci::row& r) {
         std::size_t i = 0;
         domain::OrientationIndicatorFact f;
         f.oriented_on = str(r, i++);
         f.origin = str(r, i++);
         out.orientations.push_back(std::move(f));
       });
  each("SELECT x.service_org_id, x.start_date, x.end_date" +
           from_where("social_supports", persons) + " ORDER BY x.id",
       [&](const soci::row& r) {
         std::size_t i = 0;
         domain::SocialSupportIndicatorFact f;
         f.service_org_id = opt_i64(r, i++).value_or(0);
         f.start_date = opt_str(r, i++);
         f.end_date = opt_str(r, i++);
         out.social_supports.push_back(std::move(f));
       });
  return out;
}

}  // namespace binome::store
