#include "domain/daily_hour.hpp"

#include <gtest/gtest.h>

namespace binome::domain {
namespace {

TEST(DailyHourTest, TheHourIsReadOnTheClockOfParisInWinterAndInSummer) {
  // Winter (UTC+1): 07:00 in Paris is 06:00 UTC.
  EXPECT_FALSE(paris_hour_reached(*parse_iso("2026-11-23T05:59:59Z"), 7));
  EXPECT_TRUE(paris_hour_reached(*parse_iso("2026-11-23T06:00:00Z"), 7));
  // Summer (UTC+2): 07:00 in Paris is 05:00 UTC.
  EXPECT_FALSE(paris_hour_reached(*parse_iso("2026-07-01T04:59:59Z"), 7));
  EXPECT_TRUE(paris_hour_reached(*parse_iso("2026-07-01T05:00:00Z"), 7));
}

TEST(DailyHourTest, ALateHourIsNotReachedAgainJustAfterMidnightInParis) {
  // 23:30 UTC is already 00:30 of the next day in Paris: an hour of 23 is not reached yet, so
  // the next day's run does not start before the users' day has begun.
  EXPECT_FALSE(paris_hour_reached(*parse_iso("2026-11-22T23:30:00Z"), 23));
  EXPECT_TRUE(paris_hour_reached(*parse_iso("2026-11-22T22:00:00Z"), 23));
  EXPECT_TRUE(paris_hour_reached(*parse_iso("2026-11-22T23:30:00Z"), 0));
}

}  // namespace
}  // namespace binome::domain
