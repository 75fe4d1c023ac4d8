#include "store/indicators_repo.hpp"

#include <set>
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

// FROM `table x` and the WHERE that selects the rows of the scope. Supports, orientations and
// axe 3 supports carry a copy of their person's fiche (migration 0017, kept by triggers): no
// join to the persons.
std::string from_where(const std::string& table, const IndicatorPersons& persons) {
  const std::string col = "x.person_";
  bool referent_org = false;
  std::string where = " WHERE " + col + "departement = " + quoted(persons.departement);
  for (const auto& [column, value] : persons.equal) {
    const auto id = std::to_string(value);
    switch (column) {
      case IndicatorPersons::Column::territory:
        where += " AND " + col + "territory_id = " + id;
        break;
      case IndicatorPersons::Column::agence:
        where += " AND " + col + "agence_id = " + id;
        break;
      case IndicatorPersons::Column::conseiller:
        where += " AND " + col + "conseiller_id = " + id;
        break;
      case IndicatorPersons::Column::referent_org:
        where += " AND su.organisation_id = " + id;
        referent_org = true;
        break;
    }
  }
  return " FROM " + table + " x" +
         (referent_org ? " LEFT JOIN users su ON su.id = " + col + "referent_social_id" : "") +
         where;
}

// PostgreSQL's default cost of a random page read (4, spinning disks) makes it prefer reading
// the whole supports table and hashing to reading the covering "binome" index in order (on an
// SSD or from cache, 2.5 times faster measured on the bench base). For the counts of one call
// only: set on the session, reset when done, even on error.
class IndexReadCost {
 public:
  IndexReadCost(soci::session& sql, bool pg) : sql_(sql), pg_(pg) {
    if (pg_) sql_ << "SET random_page_cost = 1.1";
  }
  ~IndexReadCost() {
    if (!pg_) return;
    try {
      sql_ << "RESET random_page_cost";
    } catch (const std::exception&) {
      // Inside a failed transaction the rollback undoes the SET; a lost connection comes back
      // with the defaults (Database::revive).
    }
  }
  IndexReadCost(const IndexReadCost&) = delete;
  IndexReadCost& operator=(const IndexReadCost&) = delete;

 private:
  soci::session& sql_;
  bool pg_;
};

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

  // SQLite plans without statistics (binome does not ANALYZE): it would take a date range of
  // the département for the access path even when the scope names a territory, an agence or a
  // counsellor, whose equality reads far fewer rows. The unary + (SQLite only) keeps a date
  // column from being chosen as the access path: the département's ranges stay usable, a
  // narrower scope goes through its own column's index.
  bool narrow = false;
  for (const auto& [column, value] : persons.equal)
    narrow = narrow || column != IndicatorPersons::Column::referent_org;
  const auto date_col = [&](const std::string& column, bool filter_only) {
    return (!pg && (filter_only || narrow) ? "+x." : "x.") + column;
  };
  const std::string start = date_col("start_date", false), exit = date_col("exit_date", false);
  // The conditions of count_indicator_facts, in SQL.
  const std::string entered = "(" + start + " >= " + from + " AND " + start + " <= " + to + ")";
  const std::string exited = "(" + exit + " >= " + from + " AND " + exit + " <= " + to + ")";
  const std::string in_cohort = "(" + start + " >= " + quoted(cohort.from) + " AND " + start +
                                " <= " + quoted(cohort.to) + ")";
  // plus_months(start, 12) as text: the next year, 29 February becoming 28 February.
  const std::string anniversary =
      "(CAST(CAST(substr(x.start_date, 1, 4) AS INTEGER) + 1 AS TEXT) || CASE WHEN "
      "substr(x.start_date, 5) = '-02-29' THEN '-02-28' ELSE substr(x.start_date, 5) END)";
  const auto sum_if = [](const std::string& cond) {
    return "SUM(CASE WHEN " + cond + " THEN 1 ELSE 0 END)";
  };

  domain::IndicatorCounts c;
  for (auto id : counsellors) c.portfolio[id];
  const IndexReadCost index_reads(sql, pg);

  // Each count reads only the rows its condition selects, through an index of the scope
  // column that holds every column it reads (migration 0017): the supports in progress at the
  // end, the entries, the exits and the twelve-month cohort of the period. Per binôme
  // (counsellor, social referent) only what the portfolios and the binômes need comes back: at
  // most one row per binôme. The binôme columns are grouped as they are (no COALESCE) so that
  // SQLite reads them in the order of the "binome" index, without a sort; the start date (a
  // range of most rows there) is never its access path.
  const std::string start_filter = date_col("start_date", true);
  const std::string ongoing_rows = "(" + start_filter + " > '' AND " + start_filter + " <= " + to +
                                   " AND (" + exit + " IS NULL OR " + exit + " > " + to + "))";
  std::set<std::pair<std::int64_t, std::int64_t>> binomes;
  const auto add_in_progress = [&](const soci::row& r, std::size_t i) {
    const auto conseiller = opt_i64(r, 0).value_or(0);
    const int in_progress = as_int(r, i);
    c.in_progress += in_progress;
    c.brsa += as_int(r, i + 1);
    c.rqth += as_int(r, i + 2);
    c.under26 += as_int(r, i + 3);
    c.from26to49 += as_int(r, i + 4);
    c.over50 += as_int(r, i + 5);
    if (conseiller) c.portfolio[conseiller] += in_progress;
  };
  if (pg) {
    // One pass over the supports in progress at the end or entered during the period, both
    // counted per binôme (one scan, planning and round trip less than two queries). Each row
    // is read once for several counts: the comparisons that only filter are done byte by byte
    // (COLLATE "C": ISO dates sort the same in every collation), not by the locale's strcoll.
    const auto c_lit = [&](const std::string& iso) { return quoted(iso) + " COLLATE \"C\""; };
    const std::string ongoing =
        "(x.exit_date IS NULL OR x.exit_date > " + c_lit(domain::to_iso(period.to)) + ")";
    const auto count_if = [](const std::string& cond) {
      return "COUNT(*) FILTER (WHERE " + cond + ")";
    };
    const auto ongoing_and = [&](const std::string& cond) {
      return count_if(ongoing + " AND " + cond);
    };
    const std::string query =
        "SELECT x.person_conseiller_id, x.person_referent_social_id, " +
        count_if("x.start_date >= " + c_lit(domain::to_iso(period.from))) + ", " +
        count_if(ongoing) + ", " + ongoing_and("x.person_brsa <> 0") + ", " +
        ongoing_and("x.person_rqth <> 0") + ", " +
        ongoing_and("x.person_birth_date <= " + c_lit(ages.born_by_0) +
                    " AND x.person_birth_date > " + c_lit(ages.born_by_26)) +
        ", " +
        ongoing_and("x.person_birth_date <= " + c_lit(ages.born_by_26) +
                    " AND x.person_birth_date > " + c_lit(ages.born_by_50)) +
        ", " + ongoing_and("x.person_birth_date <= " + c_lit(ages.born_by_50)) +
        from_where("supports", persons) + " AND x.start_date > " + c_lit("") +
        " AND x.start_date <= " + c_lit(domain::to_iso(period.to)) + " AND (" + ongoing +
        " OR x.start_date >= " + c_lit(domain::to_iso(period.from)) +
        ") GROUP BY x.person_conseiller_id, x.person_referent_social_id";
    soci::rowset<soci::row> rows = sql.prepare << query;
    for (const auto& r : rows) {
      c.entries += as_int(r, 2);
      add_in_progress(r, 3);
      binomes.insert({opt_i64(r, 0).value_or(0), opt_i64(r, 1).value_or(0)});
    }
  } else {
    const std::string query =
        "SELECT x.person_conseiller_id, x.person_referent_social_id, COUNT(*), " +
        sum_if("x.person_brsa <> 0") + ", " + sum_if("x.person_rqth <> 0") + ", " +
        sum_if("x.person_birth_date <= " + quoted(ages.born_by_0) + " AND x.person_birth_date > " +
               quoted(ages.born_by_26)) +
        ", " +
        sum_if("x.person_birth_date <= " + quoted(ages.born_by_26) + " AND x.person_birth_date > " +
               quoted(ages.born_by_50)) +
        ", " + sum_if("x.person_birth_date <= " + quoted(ages.born_by_50)) +
        from_where("supports", persons) + " AND " + ongoing_rows +
        " GROUP BY x.person_conseiller_id, x.person_referent_social_id";
    soci::rowset<soci::row> rows = sql.prepare << query;
    for (const auto& r : rows) {
      add_in_progress(r, 2);
      binomes.insert({opt_i64(r, 0).value_or(0), opt_i64(r, 1).value_or(0)});
    }
    // The entries' binômes.
    soci::rowset<soci::row> entries =
        (sql.prepare << "SELECT x.person_conseiller_id, x.person_referent_social_id, COUNT(*)" +
                            from_where("supports", persons) + " AND " + entered +
                            " GROUP BY x.person_conseiller_id, x.person_referent_social_id");
    for (const auto& r : entries) {
      c.entries += as_int(r, 2);
      binomes.insert({opt_i64(r, 0).value_or(0), opt_i64(r, 1).value_or(0)});
    }
  }
  // The entries' delays (days from orientation to entry): the days are computed once per
  // distinct pair of dates, not once per entry (date parsing is most of the cost). On SQLite,
  // grouping by the bare columns would make a narrow scope read the département's "start"
  // index for its order: the + keeps its own index and a small sort.
  {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " + days(pg, "g.o", "g.s") +
                            ", CAST(SUM(g.n) AS BIGINT) FROM (SELECT x.start_date AS s, "
                            "x.oriented_on AS o, COUNT(*) AS n" +
                            from_where("supports", persons) + " AND " + entered + " GROUP BY " +
                            start + ", " + date_col("oriented_on", false) + ") g GROUP BY 1");
    for (const auto& r : rows)
      if (r.get_indicator(0) != soci::i_null) c.entry_delays[as_int(r, 0)] += as_int(r, 1);
  }
  c.binomes = static_cast<int>(binomes.size());
  {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT COALESCE(x.exit_outcome, ''), COUNT(*), SUM(" +
                            days(pg, "x.start_date", "x.exit_date") + ")" +
                            from_where("supports", persons) + " AND " + exited + " GROUP BY 1");
    for (const auto& r : rows) {
      const int n = as_int(r, 1);
      c.exits += n;
      c.exits_by_outcome[str(r, 0)] += n;
      if (r.get_indicator(2) != soci::i_null) c.time_in_support += i64(r, 2);
    }
  }
  {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT COUNT(*), " +
                            sum_if("x.exit_outcome IN (" + jobs +
                                   ") AND x.exit_date <= " + anniversary) +
                            from_where("supports", persons) + " AND " + in_cohort);
    for (const auto& r : rows)
      if (r.get_indicator(1) != soci::i_null) {
        c.cohort += as_int(r, 0);
        c.cohort_employed += as_int(r, 1);
      }
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

std::vector<std::int64_t> counsellors_of(soci::session& sql, const CounsellorPlace& place) {
  std::string where = " WHERE u.role = 'conseiller' AND u.active = 1 AND o.departement = " +
                      quoted(place.departement);
  if (place.territory_id) where += " AND o.territory_id = " + std::to_string(*place.territory_id);
  if (place.agence_id) where += " AND u.organisation_id = " + std::to_string(*place.agence_id);
  if (place.counsellor_id) where += " AND u.id = " + std::to_string(*place.counsellor_id);
  std::vector<std::int64_t> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT u.id FROM users u JOIN organisations o ON o.id = u.organisation_id" +
                          where + " ORDER BY u.id");
  for (const auto& r : rows) out.push_back(i64(r, 0));
  return out;
}

domain::IndicatorFacts load_indicator_facts(soci::session& sql, const IndicatorPersons& persons) {
  domain::IndicatorFacts out;
  const auto each = [&](const std::string& query, const auto& visit) {
    soci::rowset<soci::row> rows = sql.prepare << query;
    for (const auto& r : rows) visit(r);
  };
  each(
      "SELECT x.person_conseiller_id, x.person_referent_social_id, x.person_brsa, x.person_rqth, "
      "x.person_birth_date, x.oriented_on, x.start_date, x.exit_date, x.exit_outcome" +
          from_where("supports", persons) + " ORDER BY x.id",
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
