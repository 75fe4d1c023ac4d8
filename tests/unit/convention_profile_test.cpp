// Convention profiles: validation of the rules, the version in force on a date, and the party
// that signs on a date.
#include "domain/convention_profile.hpp"

#include <gtest/gtest.h>

namespace binome::domain {
namespace {

using namespace std::chrono;

ConventionRules rules_62() {
  ConventionRules r;
  r.decision_modes = {DecisionMode::accord_tacite, DecisionMode::accord_bilateral};
  r.tacit_publics = {TacitPublic::de_non_brsa, TacitPublic::metier_en_tension};
  r.entry_deadline_days = 21;
  r.axe2.initial_months = {6, 12};
  r.axe2.renewal_months = {6, 12};
  r.axe2.max_total_months = 18;
  r.metiers_en_tension = {"G1602", "J1501"};
  return r;
}

Date d(int y, unsigned m, unsigned day) {
  return Date{year{y}, month{m}, std::chrono::day{day}};
}

TEST(ConventionRulesTest, ValidRulesHaveNoError) {
  EXPECT_TRUE(validate(rules_62()).empty());
}

TEST(ConventionRulesTest, EveryProblemIsReportedWithItsField) {
  auto r = rules_62();
  r.decision_modes.clear();
  r.axe2.initial_months = {0};
  r.portfolio_min = 100;
  r.portfolio_max = 70;
  r.metiers_en_tension = {"cuisinier"};
  std::set<std::string> fields;
  for (const auto& e : validate(r)) fields.insert(*e.field);
  EXPECT_TRUE(fields.count("decision_modes"));
  EXPECT_TRUE(fields.count("tacit_publics")) << "tacit publics without accord tacite";
  EXPECT_TRUE(fields.count("axe2.initial_months"));
  EXPECT_TRUE(fields.count("portfolio_max"));
  EXPECT_TRUE(fields.count("metiers_en_tension"));
}

TEST(ConventionRulesTest, TacitAgreementForMetiersEnTensionNeedsTheList) {
  auto r = rules_62();
  r.metiers_en_tension.clear();
  const auto errors = validate(r);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(*errors[0].field, "metiers_en_tension");
}

TEST(ConventionRulesTest, CodesRoundTripAndLabelsAreFrench) {
  for (auto m : {DecisionMode::diagnostic_partage, DecisionMode::accord_tacite,
                 DecisionMode::accord_bilateral, DecisionMode::confiance_reciproque})
    EXPECT_EQ(parse_decision_mode(to_string(m)), m);
  EXPECT_EQ(label_fr(DecisionMode::accord_bilateral), "Accord bilatéral");
  EXPECT_EQ(parse_tacit_public("metier_en_tension"), TacitPublic::metier_en_tension);
  EXPECT_FALSE(parse_decision_mode("vote"));
}

TEST(ProfileVersionTest, TheVersionInForceIsTheLatestStartedOnOrBeforeTheDate) {
  ConventionProfile p;
  ProfileVersion v1, v2;
  v1.id = 1;
  v1.effective_from = "2024-01-01";
  v1.rules.entry_deadline_days = 21;
  v2.id = 2;
  v2.effective_from = "2025-03-01";
  v2.rules.entry_deadline_days = 15;
  p.versions = {v1, v2};
  EXPECT_EQ(version_in_force(p, d(2023, 12, 31)), nullptr);
  EXPECT_EQ(version_in_force(p, d(2024, 1, 1))->id, 1);
  EXPECT_EQ(version_in_force(p, d(2025, 2, 28))->id, 1);
  EXPECT_EQ(version_in_force(p, d(2025, 3, 1))->id, 2);
  // Two versions from the same day: the later one wins.
  ProfileVersion v3 = v2;
  v3.id = 3;
  p.versions.push_back(v3);
  EXPECT_EQ(version_in_force(p, d(2025, 6, 1))->id, 3);
}

TEST(ProfileVersionTest, ASuccessorPartyTakesOverWithoutLosingHistory) {
  ConventionProfile p;
  p.parties = {{"Département du Haut-Rhin", "2020-01-01"},
               {"Collectivité européenne d'Alsace", "2021-01-01"}};
  EXPECT_EQ(party_on(p, d(2020, 6, 1))->name, "Département du Haut-Rhin");
  EXPECT_EQ(party_on(p, d(2021, 1, 1))->name, "Collectivité européenne d'Alsace");
  EXPECT_EQ(party_on(p, d(2019, 1, 1)), nullptr);
}

}  // namespace
}  // namespace binome::domain
