// The retention rules: limits per category from the convention's end and its profile.
#include <gtest/gtest.h>

#include "domain/retention.hpp"

namespace binome::domain {
namespace {

Date d(const char* iso) {
  return *parse_date(iso);
}

RetentionFacts facts_62() {
  RetentionFacts f;
  f.convention_code = "62-2024";
  f.convention_end = d("2025-12-31");
  f.rules.fiche_years_after_convention_end = 10;
  f.rules.application_data_months = 12;
  f.has_followup_data = true;
  f.has_fiche = true;
  return f;
}

TEST(Retention, FollowUpDataGoTwelveMonthsAfterTheEndOf62) {
  const auto f = facts_62();
  EXPECT_TRUE(purge_due(f, d("2026-12-31")).empty()) << "the last day is still allowed";
  const auto due = purge_due(f, d("2027-01-01"));
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].category, RetentionCategory::suivi);
  EXPECT_EQ(to_iso(due[0].limit), "2026-12-31");
  EXPECT_NE(due[0].rule.find("12 mois après la fin de la convention 62-2024"), std::string::npos);
}

TEST(Retention, TheFicheStaysForTheFsePeriod) {
  auto f = facts_62();
  EXPECT_EQ(purge_due(f, d("2035-12-31")).size(), 1u);
  const auto due = purge_due(f, d("2036-01-01"));
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[1].category, RetentionCategory::fiche);
  EXPECT_EQ(to_iso(due[1].limit), "2035-12-31");
  EXPECT_NE(due[1].rule.find("FSE : 10 ans"), std::string::npos);
  f.has_followup_data = false;  // already purged: only the fiche is left
  EXPECT_EQ(purge_due(f, d("2036-01-01")).size(), 1u);
}

TEST(Retention, WithoutAShorterPeriodFollowUpDataStayWithTheFiche) {
  auto f = facts_62();
  f.rules.application_data_months.reset();  // 68, 67, 77
  EXPECT_TRUE(purge_due(f, d("2030-01-01")).empty());
  EXPECT_EQ(purge_due(f, d("2036-01-01")).size(), 2u);
}

TEST(Retention, APersonNeverOrientedHasNoFicheToKeep) {
  auto f = facts_62();
  f.has_fiche = false;
  const auto due = purge_due(f, d("2027-01-01"));
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[1].category, RetentionCategory::fiche);
  EXPECT_EQ(to_iso(due[1].limit), "2026-12-31");
  EXPECT_NE(due[1].rule.find("aucune obligation FSE"), std::string::npos);
}

TEST(Retention, FlowDataGoTwoMonthsAfterTheEndOf62AloneThenWithTheFollowUp) {
  auto f = facts_62();
  f.rules.flow_data_months = 2;  // 62's RSA flows convention
  f.has_flow_data = true;
  EXPECT_TRUE(purge_due(f, d("2026-02-28")).empty()) << "2025-12-31 + 2 months, last day kept";
  const auto due = purge_due(f, d("2026-03-01"));
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].category, RetentionCategory::flux);
  EXPECT_EQ(to_iso(due[0].limit), "2026-02-28");
  EXPECT_NE(due[0].rule.find("2 mois après la fin de la convention 62-2024"), std::string::npos);
  // Once the follow-up data go, they take the flow data with them: one line, not two.
  const auto later = purge_due(f, d("2027-01-01"));
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].category, RetentionCategory::suivi);
  // Already gone, or never received: nothing to list.
  f.has_flow_data = false;
  EXPECT_TRUE(purge_due(f, d("2026-03-01")).empty());
}

TEST(Retention, WithoutAFlowPeriodFlowDataGoWithTheFollowUp) {
  auto f = facts_62();
  f.has_flow_data = true;  // flow_data_months not set
  EXPECT_TRUE(purge_due(f, d("2026-03-01")).empty());
  const auto due = purge_due(f, d("2027-01-01"));
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].category, RetentionCategory::suivi);
}

TEST(Retention, NothingGoesWhileASupportIsInProgressOrOnceAnonymised) {
  auto f = facts_62();
  f.support_in_progress = true;
  f.rules.flow_data_months = 2;
  f.has_flow_data = true;
  EXPECT_TRUE(purge_due(f, d("2040-01-01")).empty());
  f.support_in_progress = false;
  f.anonymised = true;
  EXPECT_TRUE(purge_due(f, d("2040-01-01")).empty());
}

}  // namespace
}  // namespace binome::domain
