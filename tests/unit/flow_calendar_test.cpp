// Deposit calendar of the RSA flows: 3rd working Friday before 17:00 (CGPEM), Monday after the
// 2nd working Friday (PECGM), with the département's holidays and Paris time.
#include "domain/flow_calendar.hpp"

#include <gtest/gtest.h>

namespace {

using namespace binome::domain;
using std::chrono::year_month;
using namespace std::chrono_literals;

Date D(const char* text) {
  return *parse_date(text);
}
Timestamp T(const char* text) {
  return *parse_iso(text);
}

TEST(FlowCalendar, ThirdWorkingFridayAndMondayAfterTheSecond) {
  const Calendar pdc("62");
  EXPECT_EQ(cgpem_deadline(pdc, year_month{2025y, std::chrono::September}), D("2025-09-19"));
  EXPECT_EQ(pecgm_available(pdc, year_month{2025y, std::chrono::September}), D("2025-09-15"));
  // 1 November 2024 (Toussaint) is a Friday: it does not count.
  EXPECT_EQ(cgpem_deadline(pdc, year_month{2024y, std::chrono::November}), D("2024-11-22"));
  EXPECT_EQ(pecgm_available(pdc, year_month{2024y, std::chrono::November}), D("2024-11-18"));
  // May 2026: 1st and 8th are holidays; the Monday after the 2nd working Friday (22nd) is
  // Whit Monday: available the Tuesday.
  EXPECT_EQ(cgpem_deadline(pdc, year_month{2026y, std::chrono::May}), D("2026-05-29"));
  EXPECT_EQ(pecgm_available(pdc, year_month{2026y, std::chrono::May}), D("2026-05-26"));
}

TEST(FlowCalendar, AlsaceMoselleRestsOnGoodFriday) {
  // Good Friday 2025 is 18 April: the 3rd Friday of the month, a working day in the 62.
  EXPECT_EQ(cgpem_deadline(Calendar("62"), year_month{2025y, std::chrono::April}), D("2025-04-18"));
  EXPECT_EQ(cgpem_deadline(Calendar("68"), year_month{2025y, std::chrono::April}), D("2025-04-25"));
  EXPECT_EQ(cgpem_deadline(Calendar("57"), year_month{2025y, std::chrono::April}), D("2025-04-25"));
}

TEST(FlowCalendar, ParisTimeFollowsSummerTime) {
  auto p = paris_time(T("2025-01-15T15:30:00Z"));
  EXPECT_EQ(p.date, D("2025-01-15"));
  EXPECT_EQ(p.minutes, 16 * 60 + 30);
  p = paris_time(T("2025-07-15T15:30:00Z"));
  EXPECT_EQ(p.minutes, 17 * 60 + 30);
  p = paris_time(T("2025-03-30T00:59:59Z"));  // 01:59:59 CET, the last second of winter time
  EXPECT_EQ(p.minutes, 60 + 59);
  p = paris_time(T("2025-03-30T01:00:00Z"));  // 03:00 CEST
  EXPECT_EQ(p.minutes, 3 * 60);
  p = paris_time(T("2025-10-26T00:59:00Z"));  // 02:59 CEST
  EXPECT_EQ(p.minutes, 2 * 60 + 59);
  p = paris_time(T("2025-10-26T01:00:00Z"));  // 02:00 CET again
  EXPECT_EQ(p.minutes, 2 * 60);
  p = paris_time(T("2025-12-31T23:30:00Z"));
  EXPECT_EQ(p.date, D("2026-01-01"));
}

TEST(FlowCalendar, NextDeadlineClosesAtFivePmParisTime) {
  const Calendar pdc("62");
  // 19 September 2025 (summer time): 16:59 in Paris is 14:59 UTC.
  EXPECT_EQ(next_cgpem_deadline(pdc, T("2025-09-01T08:00:00Z")), D("2025-09-19"));
  EXPECT_EQ(next_cgpem_deadline(pdc, T("2025-09-19T14:59:00Z")), D("2025-09-19"));
  EXPECT_EQ(next_cgpem_deadline(pdc, T("2025-09-19T15:00:00Z")), D("2025-10-17"));
  EXPECT_EQ(next_cgpem_deadline(pdc, T("2025-09-25T10:00:00Z")), D("2025-10-17"));
  // Winter: 22 November 2024, 17:00 in Paris is 16:00 UTC.
  EXPECT_EQ(next_cgpem_deadline(pdc, T("2024-11-22T15:59:00Z")), D("2024-11-22"));
  EXPECT_EQ(next_cgpem_deadline(pdc, T("2024-11-22T16:00:00Z")), D("2024-12-20"));
  // December 2025 → January 2026 across the year.
  EXPECT_EQ(next_cgpem_deadline(pdc, T("2025-12-30T10:00:00Z")), D("2026-01-16"));
}

TEST(FlowCalendar, NextPecgmIncludesTheDayItself) {
  const Calendar pdc("62");
  EXPECT_EQ(next_pecgm_available(pdc, T("2025-09-15T06:00:00Z")), D("2025-09-15"));
  EXPECT_EQ(next_pecgm_available(pdc, T("2025-09-16T06:00:00Z")), D("2025-10-13"));
  // 23:30 UTC on the 14th is already the 15th in Paris.
  EXPECT_EQ(next_pecgm_available(pdc, T("2025-09-14T23:30:00Z")), D("2025-09-15"));
}

TEST(FlowCalendar, FrenchLongDate) {
  EXPECT_EQ(french_long_date(D("2025-09-19")), "vendredi 19 septembre 2025");
  EXPECT_EQ(french_long_date(D("2026-02-01")), "dimanche 1 février 2026");
}

}  // namespace
