// Axe 3 rules of the conventions: renewals and maximum, quotas, who validates.
#include <gtest/gtest.h>

#include "domain/axe3.hpp"

namespace binome::domain {
namespace {

Axe3Rules rules_62() {
  Axe3Rules r;
  r.duration_months = 6;
  r.max_renewals = 1;
  r.max_total_months = 24;
  return r;
}

Axe3Rules rules_77() {
  Axe3Rules r;
  r.duration_months = 6;
  r.max_renewals = 1;
  r.quota_per_service_year = 24;
  r.quota_total_year = 336;
  return r;
}

TEST(Axe3Rules, RenewedOnceThenRefusedNamingTheConvention) {
  Axe3Facts f{"2026-01-15", 6, 0, Axe3State::en_cours};
  EXPECT_TRUE(check_axe3_renewal(f, rules_62(), "62-2024").empty());
  f.total_months = 12;
  f.renewals = 1;
  const auto errors = check_axe3_renewal(f, rules_62(), "62-2024");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "renouvellements_max");
  EXPECT_NE(errors[0].message.find("62-2024"), std::string::npos);
}

TEST(Axe3Rules, At67NoRenewalAtAll) {
  Axe3Rules r;
  r.duration_months = 6;
  r.max_renewals = 0;
  const auto errors = check_axe3_renewal({"2026-01-15", 6, 0, Axe3State::en_cours}, r, "67-2019");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("ne prévoit pas de renouvellement"), std::string::npos);
}

TEST(Axe3Rules, TheMaximumTotalCapsRenewals) {
  auto r = rules_62();
  r.max_renewals = 5;
  const auto errors = check_axe3_renewal({"2026-01-15", 24, 3, Axe3State::en_cours}, r, "62");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "duree_maximale");
  EXPECT_NE(errors[0].message.find("30 mois"), std::string::npos);
}

TEST(Axe3Rules, OnlyARunningAxe3IsRenewedOrEnded) {
  Axe3Facts f{"", 6, 0, Axe3State::a_valider};
  EXPECT_EQ(check_axe3_renewal(f, rules_62(), "62")[0].code, "etat");
  const auto end = check_axe3_end(f, "fin_inventee", "2026-13-01");
  EXPECT_EQ(end.size(), 3u);
}

TEST(Axe3Rules, PeriodEndIsTheReexamination) {
  EXPECT_EQ(to_iso(axe3_period_end({"2026-08-31", 6, 0, Axe3State::en_cours})), "2027-02-28");
  EXPECT_EQ(to_iso(axe3_period_end({"2026-08-31", 12, 1, Axe3State::en_cours})), "2027-08-31");
}

TEST(Axe3Rules, QuotaOf77PerServiceThenInAll) {
  EXPECT_FALSE(axe3_quota_refusal(23, 300, rules_77(), "77-2015"));
  const auto service = axe3_quota_refusal(24, 300, rules_77(), "77-2015");
  ASSERT_TRUE(service);
  EXPECT_NE(service->find("24 entrées en axe 3 par service"), std::string::npos);
  const auto all = axe3_quota_refusal(2, 336, rules_77(), "77-2015");
  ASSERT_TRUE(all);
  EXPECT_NE(all->find("336"), std::string::npos);
  EXPECT_FALSE(axe3_quota_refusal(500, 5000, rules_62(), "62")) << "no quota in 62";
}

TEST(Axe3Rules, TheDepartementsCoordinateurValidatesUnlessTheConventionSaysOtherwise) {
  Actor slai{1, "chef", Role::coordinateur, 2, OrgKind::service_departemental, 3, "62"};
  Actor agence{1, "dir", Role::coordinateur, 2, OrgKind::agence, 3, "62"};
  Actor social{1, "as", Role::referent_social, 2, OrgKind::service_departemental, 3, "62"};
  const auto r = rules_62();
  EXPECT_TRUE(may_validate_axe3(slai, r));
  EXPECT_FALSE(may_validate_axe3(agence, r));
  EXPECT_FALSE(may_validate_axe3(social, r));
  auto by_social = r;
  by_social.validator = "referent_social";
  EXPECT_TRUE(may_validate_axe3(social, by_social));
}

}  // namespace
}  // namespace binome::domain
