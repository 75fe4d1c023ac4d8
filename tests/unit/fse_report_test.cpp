// The figures of the annual FSE execution report on a fixture computed by hand, with the
// year's boundaries: an exit on 1 January, entries on 30 June, 1 July and 31 December, an
// exit on the last day of the year before and an entry on the first day of the next.
#include "domain/fse_report.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace binome::domain {
namespace {

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

IndicatorFacts fixture() {
  IndicatorFacts f;
  using S = SupportIndicatorFact;
  // A: entered in 2024 (aged 24), leaves for a CDI on 1 January 2025: a participant of 2025,
  // on the first semester's list only.
  f.supports.push_back(
      S{1, 10, true, false, "2000-06-01", "2024-11-01", "2024-12-01", "2025-01-01", "emploi_cdi"});
  // B: enters on 31 December (aged 50 that day), 30 days after its orientation; RQTH.
  f.supports.push_back(S{1, 11, false, true, "1975-01-01", "2025-12-01", "2025-12-31", {}, {}});
  // C: enters on 1 July (second semester only, aged 35), leaves on 30 September: 91 days.
  f.supports.push_back(S{2, 12, true, false, "1990-07-01", "2025-06-01", "2025-07-01", "2025-09-30",
                         "autre_sortie"});
  // D: left on 31 December 2024: not a participant of 2025 (but its 12th month falls in it).
  f.supports.push_back(
      S{2, 12, false, false, "1999-12-31", "2024-01-01", "2024-02-01", "2024-12-31", "emploi_cdi"});
  // E: enters on 30 June, the eve of its 26th birthday: both semesters' lists, under 26.
  f.supports.push_back(S{3, 13, true, false, "1999-07-01", "2025-06-10", "2025-06-30", {}, {}});
  // F: enters on 1 January 2026: not a participant of 2025.
  f.supports.push_back(S{1, 10, false, false, "1980-05-05", "2026-01-01", "2026-01-01", {}, {}});
  f.social_supports = {{100, "2025-03-01", {}}, {200, "2024-12-31", {}}, {100, "2026-01-01", {}}};
  f.counsellors = {1, 2, 3, 4};
  return f;
}

const std::vector<Labelled> kOrigins = {{"france_travail", "France Travail"}};

TEST(FseReportTest, ParticipantsAndTheTwoSemestersLists) {
  const auto t = fse_annual_tables(fixture(), ConventionRules{}, 2025, kOrigins);
  EXPECT_EQ(value(t, "participants"), 4);    // A, B, C, E
  EXPECT_EQ(value(t, "deja_en_cours"), 1);   // A
  EXPECT_EQ(value(t, "entrees"), 3);         // B, C, E
  EXPECT_EQ(value(t, "sorties"), 2);         // A, C
  EXPECT_EQ(value(t, "en_cours_31_12"), 2);  // B, E
  EXPECT_EQ(value(t, "liste_fse_s1"), 2);    // A, E
  EXPECT_EQ(value(t, "liste_fse_s2"), 3);    // B, C, E
}

TEST(FseReportTest, ProfileAtEntry) {
  const auto t = fse_annual_tables(fixture(), ConventionRules{}, 2025, kOrigins);
  EXPECT_EQ(value(t, "brsa"), 3);  // A, C, E
  EXPECT_EQ(value(t, "boe_rqth"), 1);
  EXPECT_EQ(value(t, "age_moins_26"), 2);  // A (24), E (25)
  EXPECT_EQ(value(t, "age_26_49"), 1);     // C
  EXPECT_EQ(value(t, "age_50_plus"), 1);   // B, 50 on its entry day
}

TEST(FseReportTest, ExitsResultsAndMeans) {
  const auto t = fse_annual_tables(fixture(), ConventionRules{}, 2025, kOrigins);
  EXPECT_EQ(value(t, "sorties_emploi"), 1);  // A
  EXPECT_EQ(value(t, "part_sorties_emploi"), 50.0);
  EXPECT_EQ(value(t, "sortie_emploi_cdi"), 1);
  EXPECT_EQ(value(t, "sortie_autre_sortie"), 1);
  EXPECT_DOUBLE_EQ(value(t, "delai_entree_moyen"), 26.7);  // (30 + 30 + 20) / 3
  EXPECT_EQ(value(t, "duree_moyenne"), 61);                // (31 + 91) / 2
  EXPECT_EQ(value(t, "acces_emploi_12_mois"), 100);        // cohort A and D, both employed
  EXPECT_EQ(value(t, "conseillers_perimetre"), 4);
  EXPECT_EQ(value(t, "conseillers_actifs"), 3);  // 1, 2, 3
  EXPECT_EQ(value(t, "binomes_actifs"), 4);
  EXPECT_EQ(value(t, "axe3_debuts"), 1);
}

TEST(FseReportTest, AnEmptyYearAndMaskedForAggregateReaders) {
  auto t = fse_annual_tables(fixture(), ConventionRules{}, 2020, kOrigins);
  EXPECT_EQ(value(t, "participants"), 0);
  EXPECT_FALSE(row(t, "part_sorties_emploi").value) << "no share without exits";
  t = fse_annual_tables(fixture(), ConventionRules{}, 2025, kOrigins);
  mask_small_cells(t);
  EXPECT_TRUE(row(t, "participants").masked);
  EXPECT_EQ(display_value(row(t, "liste_fse_s2")), "< 5");
  EXPECT_FALSE(fse_report_not_held().empty());
}

}  // namespace
}  // namespace binome::domain
