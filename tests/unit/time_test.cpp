// The one text form of timestamps and dates: round trips and refusals.
#include "domain/time.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace {

using namespace std::chrono_literals;
using binome::domain::parse_date;
using binome::domain::parse_iso;
using binome::domain::Timestamp;
using binome::domain::to_iso;

TEST(TimeTest, TimestampToIso) {
  const Timestamp t = std::chrono::sys_days{std::chrono::year{2026} / 11 / 22} + 5h + 7min + 9s;
  EXPECT_EQ(to_iso(t), "2026-11-22T05:07:09Z");
  EXPECT_EQ(to_iso(Timestamp{}), "1970-01-01T00:00:00Z");
}

TEST(TimeTest, TimestampRoundTrip) {
  for (const char* text : {"2026-11-22T05:00:00Z", "2024-02-29T23:59:59Z", "2000-01-01T00:00:00Z",
                           "1999-12-31T12:34:56Z"}) {
    const auto t = parse_iso(text);
    ASSERT_TRUE(t.has_value()) << text;
    EXPECT_EQ(to_iso(*t), text);
  }
  const Timestamp t = std::chrono::sys_days{std::chrono::year{2031} / 7 / 14} + 13h + 1s;
  EXPECT_EQ(parse_iso(to_iso(t)), t);
}

TEST(TimeTest, ParseIsoGivesTheRightInstant) {
  EXPECT_EQ(parse_iso("1970-01-01T00:01:00Z"), Timestamp{60s});
  EXPECT_EQ(parse_iso("2026-11-22T05:00:00Z"),
            std::chrono::sys_days{std::chrono::year{2026} / 11 / 22} + 5h);
}

TEST(TimeTest, ParseIsoRejectsImpossibleValues) {
  EXPECT_FALSE(parse_iso("2026-02-30T10:00:00Z"));  // no 30 February
  EXPECT_FALSE(parse_iso("2025-02-29T10:00:00Z"));  // not a leap year
  EXPECT_FALSE(parse_iso("2026-11-22T25:00:00Z"));
  EXPECT_FALSE(parse_iso("2026-11-22T24:00:00Z"));
  EXPECT_FALSE(parse_iso("2026-11-22T05:60:00Z"));
  EXPECT_FALSE(parse_iso("2026-11-22T05:00:60Z"));
  EXPECT_FALSE(parse_iso("2026-13-01T05:00:00Z"));
  EXPECT_FALSE(parse_iso("2026-00-10T05:00:00Z"));
}

TEST(TimeTest, ParseIsoRejectsOtherFormats) {
  EXPECT_FALSE(parse_iso(""));
  EXPECT_FALSE(parse_iso("2026-11-22"));
  EXPECT_FALSE(parse_iso("2026-11-22 05:00:00Z"));
  EXPECT_FALSE(parse_iso("2026-11-22T05:00:00"));
  EXPECT_FALSE(parse_iso("2026-11-22T05:00:00+01:00"));
  EXPECT_FALSE(parse_iso("2026-11-22T05:00:00.000Z"));
  EXPECT_FALSE(parse_iso("2026-11-22t05:00:00z"));
  EXPECT_FALSE(parse_iso("2026/11/22T05:00:00Z"));
  EXPECT_FALSE(parse_iso("22-11-2026T05:00:00Z"));
  EXPECT_FALSE(parse_iso("2026-11-22T5:00:00ZZ"));
  EXPECT_FALSE(parse_iso("2026-1a-22T05:00:00Z"));
  EXPECT_FALSE(parse_iso("2026-11-22T+5:00:00Z"));
  EXPECT_FALSE(parse_iso("2026-11-22T05:-1:00Z"));
}

TEST(TimeTest, DateRoundTrip) {
  const auto d = parse_date("2026-11-22");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(*d, std::chrono::year{2026} / 11 / 22);
  EXPECT_EQ(to_iso(*d), "2026-11-22");
  EXPECT_EQ(to_iso(std::chrono::year_month_day{std::chrono::year{987} / 3 / 4}), "0987-03-04");
  EXPECT_TRUE(parse_date("2024-02-29").has_value());
}

TEST(TimeTest, ParseDateRejects) {
  EXPECT_FALSE(parse_date("2026-02-30"));
  EXPECT_FALSE(parse_date("2026-04-31"));
  EXPECT_FALSE(parse_date("2026-11-00"));
  EXPECT_FALSE(parse_date("2026-11-2"));
  EXPECT_FALSE(parse_date("22/11/2026"));
  EXPECT_FALSE(parse_date("2026-11-22T00:00:00Z"));
  EXPECT_FALSE(parse_date("+026-11-22"));
  EXPECT_FALSE(parse_date(""));
}

}  // namespace

namespace binome::domain {
namespace {
TEST(TimeTest, HourOfIsTheUtcHour) {
  EXPECT_EQ(hour_of(*parse_iso("2026-11-22T00:00:00Z")), 0);
  EXPECT_EQ(hour_of(*parse_iso("2026-11-22T07:59:59Z")), 7);
  EXPECT_EQ(hour_of(*parse_iso("2026-11-22T23:30:00Z")), 23);
}
}  // namespace
}  // namespace binome::domain

namespace binome::domain {
namespace {
TEST(TimeTest, FranceLegalTimeFollowsTheEuropeanSummerTime) {
  EXPECT_EQ(france_local_minute(*parse_iso("2026-11-22T09:30:00Z")), "2026-11-22T10:30");
  EXPECT_EQ(france_local_minute(*parse_iso("2026-07-01T09:30:00Z")), "2026-07-01T11:30");
  // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
  EXPECT_EQ(france_local_minute(*parse_iso("2026-03-29T00:59:00Z")), "2026-03-29T01:59");
  EXPECT_EQ(france_local_minute(*parse_iso("2026-03-29T01:00:00Z")), "2026-03-29T03:00");
  EXPECT_EQ(france_local_minute(*parse_iso("2026-10-25T00:59:00Z")), "2026-10-25T02:59");
  EXPECT_EQ(france_local_minute(*parse_iso("2026-10-25T01:00:00Z")), "2026-10-25T02:00");
  EXPECT_EQ(france_local_minute(*parse_iso("2026-12-31T23:30:00Z")), "2027-01-01T00:30");
}

TEST(TimeTest, TodayIsTheDayInFranceNotInUtc) {
  // Between midnight in Paris and midnight UTC, the users are already on the next day.
  EXPECT_EQ(to_iso(france_today(*parse_iso("2026-11-22T22:59:59Z"))), "2026-11-22");
  EXPECT_EQ(to_iso(france_today(*parse_iso("2026-11-22T23:00:00Z"))), "2026-11-23");
  EXPECT_EQ(to_iso(france_today(*parse_iso("2026-07-01T21:59:59Z"))), "2026-07-01");
  EXPECT_EQ(to_iso(france_today(*parse_iso("2026-07-01T22:00:00Z"))), "2026-07-02");
  EXPECT_EQ(to_iso(france_today(*parse_iso("2026-12-31T23:30:00Z"))), "2027-01-01");
}
}  // namespace
}  // namespace binome::domain
