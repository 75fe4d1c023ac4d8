// Axe 2 rules in each convention: initial durations, renewal steps and maximum, bilans.
#include <gtest/gtest.h>

#include "domain/support.hpp"

namespace binome::domain {
namespace {

ConventionRules rules(std::vector<int> initial, std::vector<int> steps,
                      std::optional<int> max_renewals, std::optional<int> max_total) {
  ConventionRules r;
  r.axe2.initial_months = std::move(initial);
  r.axe2.renewal_months = std::move(steps);
  r.axe2.max_renewals = max_renewals;
  r.axe2.max_total_months = max_total;
  return r;
}
const auto r67 = rules({6}, {6}, 1, 12);
const auto r62 = rules({6, 12}, {6, 12}, std::nullopt, 18);
const auto r77 = rules({6}, {6}, std::nullopt, 18);
const auto r68 = rules({6}, {6}, std::nullopt, std::nullopt);

SupportFacts after_bilan(int total, int renewals) {
  return {"2026-01-15", total, renewals, true, SupportState::en_cours};
}

std::vector<std::string> codes(const FieldErrors& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.code);
  return out;
}

TEST(SupportRulesTest, EntryDurationsAreThoseOfTheConvention) {
  EXPECT_TRUE(check_entry(12, "2026-02-01", "2026-01-20", r62, "62").empty());
  const auto refused = check_entry(12, "2026-02-01", "2026-01-20", r67, "Bas-Rhin 2021");
  ASSERT_EQ(codes(refused), std::vector<std::string>{"duree_initiale"});
  EXPECT_NE(refused[0].message.find("Bas-Rhin 2021"), std::string::npos);
  EXPECT_NE(refused[0].message.find("6 mois"), std::string::npos);
  EXPECT_EQ(codes(check_entry(6, "2026-01-01", "2026-01-20", r67, "67")),
            std::vector<std::string>{"incoherente"});
}

TEST(SupportRulesTest, In67OneRenewalAndNeverBeyondTwelveMonths) {
  EXPECT_TRUE(check_renewal(after_bilan(6, 0), 6, r67, "67").empty());
  const auto second = check_renewal(after_bilan(12, 1), 6, r67, "Bas-Rhin 2021");
  EXPECT_EQ(codes(second), (std::vector<std::string>{"renouvellements_max", "duree_maximale"}));
  EXPECT_NE(second[1].message.find("maximum de 12 mois de la convention Bas-Rhin 2021"),
            std::string::npos);
}

TEST(SupportRulesTest, In62StepsOfSixOrTwelveWithinEighteenMonths) {
  EXPECT_TRUE(check_renewal(after_bilan(6, 0), 12, r62, "62").empty());
  EXPECT_TRUE(check_renewal(after_bilan(12, 0), 6, r62, "62").empty());
  EXPECT_EQ(codes(check_renewal(after_bilan(12, 0), 12, r62, "62")),
            std::vector<std::string>{"duree_maximale"});
  EXPECT_EQ(codes(check_renewal(after_bilan(6, 0), 3, r62, "62")),
            std::vector<std::string>{"pas_de_renouvellement"});
}

TEST(SupportRulesTest, In77ExceptionallyUpToEighteenAndIn68NoMaximum) {
  EXPECT_TRUE(check_renewal(after_bilan(12, 1), 6, r77, "77").empty());
  EXPECT_EQ(codes(check_renewal(after_bilan(18, 2), 6, r77, "77")),
            std::vector<std::string>{"duree_maximale"});
  EXPECT_TRUE(check_renewal(after_bilan(30, 4), 6, r68, "68").empty());
}

TEST(SupportRulesTest, ABilanPrecedesEveryRenewalAndExit) {
  SupportFacts no_bilan{"2026-01-15", 6, 0, false, SupportState::en_cours};
  EXPECT_EQ(codes(check_renewal(no_bilan, 6, r62, "62")), std::vector<std::string>{"bilan_requis"});
  EXPECT_EQ(codes(check_exit(no_bilan, "emploi_cdi", "2026-06-01")),
            std::vector<std::string>{"bilan_requis"});
  EXPECT_EQ(codes(check_exit(after_bilan(6, 0), "", "2026-06-01")),
            std::vector<std::string>{"obligatoire"});
  EXPECT_TRUE(check_exit(after_bilan(6, 0), "retrait_marche", "2026-06-01").empty());
  EXPECT_TRUE(is_job_start("emploi_cdd_plus_6"));
  EXPECT_FALSE(is_job_start("service_civique"));
}

TEST(SupportRulesTest, PeriodsEndOnTheSameDayMonthsLaterClampedToTheMonth) {
  EXPECT_EQ(to_iso(period_end({"2026-01-15", 6, 0, false, SupportState::en_cours})), "2026-07-15");
  EXPECT_EQ(to_iso(period_end({"2025-08-31", 6, 0, false, SupportState::en_cours})), "2026-02-28");
  EXPECT_EQ(to_iso(plus_months(*parse_date("2024-01-31"), 1)), "2024-02-29");
}

}  // namespace
}  // namespace binome::domain
