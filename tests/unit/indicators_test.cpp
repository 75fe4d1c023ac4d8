// Governance indicators on a fixture whose expected values are computed by hand, with the
// period's boundaries: an entry on the quarter's last day, an exit on the next quarter's first.
#include "domain/indicators.hpp"

#include <gtest/gtest.h>

#include <map>
#include <stdexcept>
#include <utility>

namespace binome::domain {
namespace {

Date d(const char* iso) {
  return *parse_date(iso);
}

const IndicatorRow& row(const std::vector<IndicatorTable>& tables, const std::string& key) {
  for (const auto& t : tables)
    for (const auto& r : t.rows)
      if (r.key == key) return r;
  throw std::runtime_error("no row " + key);
}

double value(const std::vector<IndicatorTable>& tables, const std::string& key) {
  const auto& r = row(tables, key);
  if (!r.value) throw std::runtime_error("no value for " + key);
  return *r.value;
}

ConventionRules fixture_rules() {
  ConventionRules r;
  r.entry_deadline_days = 21;
  r.brsa_share_target_pct = 80;
  r.portfolio_min = 2;
  r.portfolio_max = 3;
  r.new_entries_per_binome_year = 100;
  r.axe3.quota_total_year = 2;
  r.axe3.quota_per_service_year = 1;
  return r;
}

IndicatorFacts fixture() {
  IndicatorFacts f;
  using S = SupportIndicatorFact;
  // A: enters on the quarter's last day, 30 days after its orientation; under 26.
  f.supports.push_back(S{1, 10, true, false, "2001-04-01", "2026-03-01", "2026-03-31", {}, {}});
  // B: entered last quarter, leaves on the next quarter's first day: still in progress; 50.
  f.supports.push_back(
      S{1, 10, false, true, "1976-03-31", "2025-12-01", "2025-12-15", "2026-04-01", "emploi_cdi"});
  // C: enters and leaves within the quarter (59 days), delay 10.
  f.supports.push_back(S{1, 11, true, false, "1990-06-15", "2026-01-05", "2026-01-15", "2026-03-15",
                         "autre_sortie"});
  // D: 12 months after its entry fall in the quarter; it found a job before: counted employed.
  f.supports.push_back(S{2, 10, true, false, "1980-01-01", "2025-01-10", "2025-02-01", "2025-10-01",
                         "emploi_cdd_plus_6"});
  // E: 12 months fall in the quarter, job after them (396 days): not employed within 12 months.
  f.supports.push_back(
      S{2, 12, true, false, "1970-01-01", "2024-12-01", "2025-01-01", "2026-02-01", "emploi_cdi"});
  // F: 26 on the quarter's last day, delay 19.
  f.supports.push_back(S{3, 13, false, false, "2000-03-31", "2026-02-01", "2026-02-20", {}, {}});
  f.orientations = {{"2026-01-01", "france_travail"},
                    {"2026-03-31", "caf"},
                    {"2025-12-31", "france_travail"},
                    {"2026-04-01", "caf"}};
  f.social_supports = {{100, "2026-01-10", {}},
                       {100, "2026-03-31", {}},
                       {200, "2025-11-01", "2026-03-31"},
                       {200, {}, {}}};
  f.counsellors = {1, 2, 3, 4};
  return f;
}

const std::vector<Labelled> kOrigins = {{"france_travail", "France Travail"}, {"caf", "CAF"}};
const Period kQ1{Date{std::chrono::year{2026}, std::chrono::January, std::chrono::day{1}},
                 Date{std::chrono::year{2026}, std::chrono::March, std::chrono::day{31}}};

TEST(IndicatorsTest, QuarterOfADay) {
  const auto q = quarter_of(d("2026-05-17"));
  EXPECT_EQ(to_iso(q.from), "2026-04-01");
  EXPECT_EQ(to_iso(q.to), "2026-06-30");
  EXPECT_EQ(to_iso(quarter_of(d("2024-02-29")).to), "2024-03-31");
  EXPECT_EQ(to_iso(quarter_of(d("2026-12-31")).from), "2026-10-01");
}

TEST(IndicatorsTest, FlowsAtThePeriodBoundaries) {
  const auto t = compute_indicators(fixture(), fixture_rules(), kQ1, kOrigins);
  EXPECT_EQ(value(t, "entrees"), 3) << "A (last day), C, F";
  EXPECT_EQ(value(t, "sorties"), 2) << "C and E; B leaves on the next quarter's first day";
  EXPECT_EQ(value(t, "en_cours_fin"), 3) << "A, B, F";
}

TEST(IndicatorsTest, OriginsOfTheOrientationsOfThePeriod) {
  const auto t = compute_indicators(fixture(), fixture_rules(), kQ1, kOrigins);
  EXPECT_EQ(value(t, "origine_france_travail"), 1);
  EXPECT_EQ(value(t, "origine_caf"), 1);
  EXPECT_EQ(value(t, "orientations"), 2);
}

TEST(IndicatorsTest, TypologyOfThePeopleInProgressAtTheEnd) {
  const auto t = compute_indicators(fixture(), fixture_rules(), kQ1, kOrigins);
  EXPECT_EQ(value(t, "brsa"), 1);
  EXPECT_EQ(value(t, "boe_rqth"), 1);
  EXPECT_EQ(value(t, "age_moins_26"), 1) << "A is 24";
  EXPECT_EQ(value(t, "age_26_49"), 1) << "F turns 26 on the last day";
  EXPECT_EQ(value(t, "age_50_plus"), 1) << "B turns 50 on the last day";
}

TEST(IndicatorsTest, ExitsByOutcome) {
  const auto t = compute_indicators(fixture(), fixture_rules(), kQ1, kOrigins);
  EXPECT_EQ(value(t, "sortie_autre_sortie"), 1);
  EXPECT_EQ(value(t, "sortie_emploi_cdi"), 1) << "E only; B's exit is next quarter";
  EXPECT_EQ(value(t, "sortie_emploi_cdd_plus_6"), 0) << "D left last year";
}

TEST(IndicatorsTest, EntryDelayAgainstTheTarget) {
  const auto t = compute_indicators(fixture(), fixture_rules(), kQ1, kOrigins);
  EXPECT_DOUBLE_EQ(value(t, "delai_entree_moyen"), 19.7) << "(30 + 10 + 19) / 3";
  EXPECT_DOUBLE_EQ(value(t, "delai_entree_median"), 19);
  EXPECT_EQ(row(t, "delai_entree_moyen").target, 21);
  EXPECT_EQ(row(t, "delai_entree_moyen").base, 3);
}

TEST(IndicatorsTest, BrsaSharePortfolioAndEntriesPerBinome) {
  const auto t = compute_indicators(fixture(), fixture_rules(), kQ1, kOrigins);
  EXPECT_DOUBLE_EQ(value(t, "part_brsa"), 33.3) << "A of A, B, F";
  EXPECT_EQ(row(t, "part_brsa").target, 80);
  EXPECT_DOUBLE_EQ(value(t, "entrees_par_binome"), 1) << "3 entries, binômes 1-10, 1-11, 3-13";
  EXPECT_DOUBLE_EQ(*row(t, "entrees_par_binome").target, 24.7) << "100 × 90 / 365";
  EXPECT_DOUBLE_EQ(value(t, "portefeuille_moyen"), 0.8) << "3 people, 4 counsellors";
  EXPECT_EQ(value(t, "conseillers_sous_borne"), 3) << "2 (0), 3 (1), 4 (0)";
  EXPECT_EQ(value(t, "conseillers_dans_bornes"), 1) << "1 (A, B)";
  EXPECT_EQ(value(t, "conseillers_au_dessus"), 0);
}

TEST(IndicatorsTest, EmploymentWithinTwelveMonthsAndTimeInSupport) {
  const auto t = compute_indicators(fixture(), fixture_rules(), kQ1, kOrigins);
  EXPECT_DOUBLE_EQ(value(t, "acces_emploi_12_mois"), 50) << "D of D, E";
  EXPECT_EQ(row(t, "acces_emploi_12_mois").base, 2);
  EXPECT_DOUBLE_EQ(value(t, "duree_moyenne"), 227.5) << "(59 + 396) / 2";
}

TEST(IndicatorsTest, Axe3AgainstQuotas) {
  const auto t = compute_indicators(fixture(), fixture_rules(), kQ1, kOrigins);
  EXPECT_EQ(value(t, "axe3_debuts"), 2);
  EXPECT_EQ(value(t, "axe3_en_cours_fin"), 2) << "the one ended on the last day is not";
  EXPECT_EQ(value(t, "axe3_debuts_annee"), 2);
  EXPECT_EQ(row(t, "axe3_debuts_annee").target, 2);
  EXPECT_EQ(value(t, "axe3_services_au_dessus_quota"), 1) << "service 100 started 2 for 1";
}

TEST(IndicatorsTest, NoTargetWithoutRuleAndNoValueWithoutPeople) {
  const auto t = compute_indicators({}, ConventionRules{}, kQ1, kOrigins);
  EXPECT_FALSE(row(t, "part_brsa").value);
  EXPECT_FALSE(row(t, "part_brsa").target);
  EXPECT_FALSE(row(t, "delai_entree_moyen").value);
  EXPECT_EQ(value(t, "entrees"), 0);
}

TEST(IndicatorsTest, SmallCellsAreMaskedForAggregateReaders) {
  auto t = compute_indicators(fixture(), fixture_rules(), kQ1, kOrigins);
  mask_small_cells(t);
  for (const auto& table : t)
    for (const auto& r : table.rows) {
      EXPECT_TRUE(r.masked) << r.key << ": every figure of the fixture rests on fewer than 5";
      EXPECT_FALSE(r.value) << r.key;
      EXPECT_EQ(display_value(r), "< 5");
    }
  IndicatorFacts many;
  for (int i = 0; i < 5; ++i)
    many.supports.push_back({1, 10, true, false, "1990-01-01", "2026-01-01", "2026-01-11", {}, {}});
  auto big = compute_indicators(many, fixture_rules(), kQ1, kOrigins);
  mask_small_cells(big);
  EXPECT_FALSE(row(big, "entrees").masked);
  EXPECT_EQ(display_value(row(big, "entrees")), "5");
  EXPECT_EQ(display_value(row(big, "part_brsa")), "100");
  EXPECT_TRUE(row(big, "sorties").masked) << "zero is under 5 too";
}

// The store's SQL compares dates as text with these bounds; over every day around them they
// select the same people as the formulas (age_on, plus_months), leap days included.
TEST(IndicatorsTest, AgeBoundsSelectTheAgeBandsOfTheFormulas) {
  for (const char* on_text :
       {"2026-03-31", "2026-12-31", "2024-02-29", "2025-02-28", "2028-02-29", "2027-03-01"}) {
    const auto on = d(on_text);
    const auto b = age_bounds(on);
    const auto last = std::chrono::sys_days{on} + std::chrono::days{400};
    for (auto day = std::chrono::sys_days{on} - std::chrono::days{51 * 366 + 400}; day <= last;
         day += std::chrono::days{1}) {
      const auto birth = to_iso(Date{day});
      IndicatorFacts f;
      f.supports.push_back(
          SupportIndicatorFact{1, 2, false, false, birth, "2000-01-01", "2000-01-01", {}, {}});
      const auto c = count_indicator_facts(f, Period{on, on});
      ASSERT_EQ(c.under26, birth <= b.born_by_0 && birth > b.born_by_26 ? 1 : 0)
          << on_text << " " << birth;
      ASSERT_EQ(c.from26to49, birth <= b.born_by_26 && birth > b.born_by_50 ? 1 : 0)
          << on_text << " " << birth;
      ASSERT_EQ(c.over50, birth <= b.born_by_50 ? 1 : 0) << on_text << " " << birth;
    }
  }
}

TEST(IndicatorsTest, CohortRangeSelectsTheEntriesWhoseTwelfthMonthFallsInThePeriod) {
  const std::vector<std::pair<const char*, const char*>> periods = {
      {"2026-01-01", "2026-03-31"}, {"2025-02-28", "2025-02-28"}, {"2029-02-28", "2029-03-31"},
      {"2028-02-29", "2028-02-29"}, {"2025-03-01", "2025-05-31"}, {"2024-12-15", "2025-03-01"},
      {"2025-01-01", "2025-02-28"}};
  for (const auto& [from, to] : periods) {
    const Period p{d(from), d(to)};
    const auto r = twelve_month_cohort(p);
    for (auto day = std::chrono::sys_days{p.from} - std::chrono::days{2 * 366};
         day <= std::chrono::sys_days{p.to}; day += std::chrono::days{1}) {
      const auto start = to_iso(Date{day});
      IndicatorFacts f;
      f.supports.push_back(
          SupportIndicatorFact{1, 2, false, false, "1980-01-01", start, start, {}, {}});
      ASSERT_EQ(count_indicator_facts(f, p).cohort, start >= r.from && start <= r.to ? 1 : 0)
          << from << "–" << to << " " << start;
    }
  }
}

TEST(IndicatorsTest, TablesFromCountsEqualTheTablesFromFacts) {
  // The median and mean from the delay histogram, the portfolios from the counts.
  const auto counts = count_indicator_facts(fixture(), kQ1);
  EXPECT_EQ(counts.entry_delays, (std::map<int, int>{{10, 1}, {19, 1}, {30, 1}}));
  EXPECT_EQ(counts.binomes, 3) << "1-10 (A, B), 1-11 (C), 3-13 (F)";
  const auto a = compute_indicators(fixture(), fixture_rules(), kQ1, kOrigins);
  const auto b = indicator_tables(counts, fixture_rules(), kQ1, kOrigins);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a[i].rows.size(), b[i].rows.size());
    for (std::size_t j = 0; j < a[i].rows.size(); ++j) {
      EXPECT_EQ(a[i].rows[j].key, b[i].rows[j].key);
      EXPECT_EQ(a[i].rows[j].value, b[i].rows[j].value) << a[i].rows[j].key;
      EXPECT_EQ(a[i].rows[j].base, b[i].rows[j].base) << a[i].rows[j].key;
    }
  }
}

TEST(IndicatorsTest, FrenchDisplay) {
  EXPECT_EQ(display_number(19.7), "19,7");
  EXPECT_EQ(display_number(12), "12");
  EXPECT_EQ(display_number(0.75), "0,8");
}

}  // namespace
}  // namespace binome::domain
