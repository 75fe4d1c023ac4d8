// Appointment requests and the no-show rule.
#include <gtest/gtest.h>

#include "domain/appointment.hpp"

namespace binome::domain {
namespace {

TEST(AppointmentRules, AValidRequestByPhone) {
  EXPECT_TRUE(
      check_appointment({"point_binome", "2026-12-01T09:30", "telephone", std::nullopt}).empty());
}

TEST(AppointmentRules, OnSiteNeedsThePlaceAndOnlyOnSite) {
  auto on_site = check_appointment({"bilan", "2026-12-01T09:30", "sur_site", std::nullopt});
  ASSERT_EQ(on_site.size(), 1u);
  EXPECT_EQ(on_site[0].field, "place_org_id");
  auto phone = check_appointment({"bilan", "2026-12-01T09:30", "telephone", 4});
  ASSERT_EQ(phone.size(), 1u);
  EXPECT_EQ(phone[0].code, "incoherent");
}

TEST(AppointmentRules, EveryProblemAtOnce) {
  for (const char* bad : {"2026-12-01", "2026-12-01T25:00", "2026-02-30T10:00", "2026-12-01T9:30",
                          "2026-12-01T10:7x"}) {
    const auto errors = check_appointment({"enregistrement", bad, "chat", std::nullopt});
    EXPECT_EQ(errors.size(), 3u) << bad;  // kind, channel, date
  }
}

TEST(AppointmentRules, TheSecondUnexcusedAbsenceSetsTheRuleOffOnce) {
  EXPECT_FALSE(after_attendance(1, true).counsellor_task);
  const auto brsa = after_attendance(2, true);
  EXPECT_TRUE(brsa.counsellor_task);
  EXPECT_TRUE(brsa.sanction_task);
  const auto other = after_attendance(2, false);
  EXPECT_TRUE(other.counsellor_task);
  EXPECT_FALSE(other.sanction_task) << "sanctions concern RSA beneficiaries only";
  EXPECT_FALSE(after_attendance(3, true).sanction_task) << "not opened twice";
}

}  // namespace
}  // namespace binome::domain
