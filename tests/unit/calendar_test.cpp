// French working days: Easter-based holidays, Alsace-Moselle's extra days, working-day arithmetic.
#include "domain/calendar.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <string>

namespace {

using binome::domain::Calendar;
using binome::domain::Date;
using binome::domain::easter_sunday;
using binome::domain::parse_date;
using binome::domain::to_iso;
using namespace std::chrono_literals;

Date D(const char* text) {
  const auto d = parse_date(text);
  if (!d) throw std::invalid_argument(text);
  return *d;
}

TEST(EasterTest, KnownSundays) {
  EXPECT_EQ(to_iso(easter_sunday(std::chrono::year{2019})), "2019-04-21");
  EXPECT_EQ(to_iso(easter_sunday(std::chrono::year{2024})), "2024-03-31");
  EXPECT_EQ(to_iso(easter_sunday(std::chrono::year{2025})), "2025-04-20");
  EXPECT_EQ(to_iso(easter_sunday(std::chrono::year{2026})), "2026-04-05");
  EXPECT_EQ(to_iso(easter_sunday(std::chrono::year{2038})), "2038-04-25");
  // The extremes of the Gregorian range: earliest 22 March, latest 25 April.
  EXPECT_EQ(to_iso(easter_sunday(std::chrono::year{2285})), "2285-03-22");
  EXPECT_EQ(to_iso(easter_sunday(std::chrono::year{1943})), "1943-04-25");
  EXPECT_EQ(to_iso(easter_sunday(std::chrono::year{2000})), "2000-04-23");
  for (int y = 1990; y <= 2100; ++y)
    EXPECT_EQ(std::chrono::weekday{std::chrono::sys_days{easter_sunday(std::chrono::year{y})}},
              std::chrono::Sunday)
        << y;
}

TEST(CalendarTest, MovableHolidays) {
  const Calendar cal("62");
  struct Case {
    const char* date;
    const char* name;
  };
  for (const Case& c :
       {Case{"2024-04-01", "Lundi de Pâques"}, Case{"2024-05-09", "Ascension"},
        Case{"2024-05-20", "Lundi de Pentecôte"}, Case{"2025-04-21", "Lundi de Pâques"},
        Case{"2025-05-29", "Ascension"}, Case{"2025-06-09", "Lundi de Pentecôte"},
        Case{"2026-04-06", "Lundi de Pâques"}, Case{"2026-05-14", "Ascension"},
        Case{"2026-05-25", "Lundi de Pentecôte"}}) {
    EXPECT_TRUE(cal.is_public_holiday(D(c.date))) << c.date;
    EXPECT_EQ(cal.holiday_name(D(c.date)), c.name) << c.date;
    EXPECT_FALSE(cal.is_working_day(D(c.date))) << c.date;
  }
  // Easter Sunday itself and Pentecost Sunday are Sundays, not listed holidays.
  EXPECT_FALSE(cal.is_public_holiday(D("2026-04-05")));
  EXPECT_FALSE(cal.is_public_holiday(D("2026-05-24")));
  // The day after Ascension is an ordinary working day.
  EXPECT_TRUE(cal.is_working_day(D("2026-05-15")));
}

TEST(CalendarTest, FixedHolidays) {
  const Calendar cal("75");
  struct Case {
    const char* month_day;
    const char* name;
  };
  for (const char* year : {"2024", "2025", "2026"}) {
    for (const Case& c : {Case{"-01-01", "Jour de l'an"}, Case{"-05-01", "Fête du travail"},
                          Case{"-05-08", "Victoire 1945"}, Case{"-07-14", "Fête nationale"},
                          Case{"-08-15", "Assomption"}, Case{"-11-01", "Toussaint"},
                          Case{"-11-11", "Armistice 1918"}, Case{"-12-25", "Noël"}}) {
      const std::string text = std::string(year) + c.month_day;
      EXPECT_EQ(cal.holiday_name(D(text.c_str())), c.name) << text;
    }
  }
  EXPECT_EQ(cal.holiday_name(D("2026-03-17")), std::nullopt);
  EXPECT_EQ(cal.holiday_name(D("2026-12-24")), std::nullopt);
}

TEST(CalendarTest, AlsaceMoselleDays) {
  for (const char* dep : {"57", "67", "68"}) {
    const Calendar cal(dep);
    EXPECT_TRUE(cal.alsace_moselle()) << dep;
    for (const char* good_friday : {"2024-03-29", "2025-04-18", "2026-04-03"})
      EXPECT_EQ(cal.holiday_name(D(good_friday)), "Vendredi saint") << dep << " " << good_friday;
    for (const char* st_stephen : {"2024-12-26", "2025-12-26", "2026-12-26"})
      EXPECT_EQ(cal.holiday_name(D(st_stephen)), "Saint-Étienne") << dep << " " << st_stephen;
    EXPECT_EQ(cal.holiday_name(D("2026-04-06")), "Lundi de Pâques") << dep;
  }
  for (const char* dep : {"62", "75", "54", "2A"}) {
    const Calendar cal(dep);
    EXPECT_FALSE(cal.alsace_moselle()) << dep;
    for (const char* day : {"2024-03-29", "2025-04-18", "2026-04-03", "2024-12-26", "2025-12-26"})
      EXPECT_FALSE(cal.is_public_holiday(D(day))) << dep << " " << day;
    EXPECT_TRUE(cal.is_working_day(D("2025-12-26"))) << dep;
  }
}

TEST(CalendarTest, WorkingDaysAndWeekends) {
  const Calendar cal("62");
  EXPECT_TRUE(cal.is_working_day(D("2026-04-30")));   // Thursday
  EXPECT_FALSE(cal.is_working_day(D("2026-05-01")));  // Friday, Fête du travail
  EXPECT_FALSE(cal.is_working_day(D("2026-05-02")));  // Saturday
  EXPECT_FALSE(cal.is_working_day(D("2026-05-03")));  // Sunday
  EXPECT_TRUE(cal.is_working_day(D("2026-05-04")));   // Monday
}

TEST(CalendarTest, AddWorkingDaysSkipsHolidaysAndWeekends) {
  const Calendar cal("62");
  EXPECT_EQ(cal.add_working_days(D("2026-04-30"), 1), D("2026-05-04"));
  EXPECT_EQ(cal.add_working_days(D("2026-04-30"), 0), D("2026-04-30"));
  // 0 keeps a non-working day as it is.
  EXPECT_EQ(cal.add_working_days(D("2026-05-02"), 0), D("2026-05-02"));
  // From a Saturday the first working day is the Monday.
  EXPECT_EQ(cal.add_working_days(D("2026-06-06"), 1), D("2026-06-08"));
  // Two weeks of plain working days.
  EXPECT_EQ(cal.add_working_days(D("2026-06-01"), 10), D("2026-06-15"));
  // Across the Ascension bridge: Thu 14 May is off.
  EXPECT_EQ(cal.add_working_days(D("2026-05-13"), 1), D("2026-05-15"));
  // Across the year end.
  EXPECT_EQ(cal.add_working_days(D("2025-12-31"), 1), D("2026-01-02"));
}

TEST(CalendarTest, AddNegativeWorkingDays) {
  const Calendar cal("62");
  EXPECT_EQ(cal.add_working_days(D("2026-05-04"), -1), D("2026-04-30"));
  EXPECT_EQ(cal.add_working_days(D("2026-06-08"), -1), D("2026-06-05"));
  EXPECT_EQ(cal.add_working_days(D("2026-06-15"), -10), D("2026-06-01"));
  EXPECT_EQ(cal.add_working_days(D("2026-01-02"), -1), D("2025-12-31"));
  // Backwards from a Sunday: the Friday before.
  EXPECT_EQ(cal.add_working_days(D("2026-06-07"), -1), D("2026-06-05"));
}

TEST(CalendarTest, AlsaceMosellePushesDeadlines) {
  const Calendar elsewhere("62");
  const Calendar alsace("67");
  // Wed 24 Dec 2025 + 1: Thu 25 Dec is Noël everywhere; Fri 26 Dec only in Alsace-Moselle.
  EXPECT_EQ(elsewhere.add_working_days(D("2025-12-24"), 1), D("2025-12-26"));
  EXPECT_EQ(alsace.add_working_days(D("2025-12-24"), 1), D("2025-12-29"));
  EXPECT_EQ(elsewhere.working_days_between(D("2025-12-24"), D("2025-12-29")), 2);
  EXPECT_EQ(alsace.working_days_between(D("2025-12-24"), D("2025-12-29")), 1);
  // Thu 2 April 2026 + 1: Good Friday then Easter Monday in Moselle.
  EXPECT_EQ(Calendar("57").add_working_days(D("2026-04-02"), 1), D("2026-04-07"));
  EXPECT_EQ(elsewhere.add_working_days(D("2026-04-02"), 1), D("2026-04-03"));
}

TEST(CalendarTest, WorkingDaysBetween) {
  const Calendar cal("62");
  EXPECT_EQ(cal.working_days_between(D("2026-06-01"), D("2026-06-01")), 0);
  EXPECT_EQ(cal.working_days_between(D("2026-06-01"), D("2026-06-15")), 10);
  EXPECT_EQ(cal.working_days_between(D("2026-06-15"), D("2026-06-01")), -10);
  // (Fri, Mon] holds only the Monday.
  EXPECT_EQ(cal.working_days_between(D("2026-06-05"), D("2026-06-08")), 1);
  // (Sat, Sun] holds none.
  EXPECT_EQ(cal.working_days_between(D("2026-06-06"), D("2026-06-07")), 0);
  // May 2026: 21 weekdays minus 1, 8, 14 and 25 May.
  EXPECT_EQ(cal.working_days_between(D("2026-04-30"), D("2026-05-31")), 17);
  // Adding then counting gives back the number added.
  for (int n = 0; n <= 40; ++n)
    EXPECT_EQ(cal.working_days_between(D("2026-04-28"), cal.add_working_days(D("2026-04-28"), n)),
              n)
        << n;
}

TEST(CalendarTest, AddCalendarDays) {
  const Calendar cal("62");
  EXPECT_EQ(cal.add_calendar_days(D("2026-04-30"), 1), D("2026-05-01"));
  EXPECT_EQ(cal.add_calendar_days(D("2024-02-28"), 1), D("2024-02-29"));
  EXPECT_EQ(cal.add_calendar_days(D("2025-02-28"), 1), D("2025-03-01"));
  EXPECT_EQ(cal.add_calendar_days(D("2025-12-31"), 1), D("2026-01-01"));
  EXPECT_EQ(cal.add_calendar_days(D("2026-01-01"), -1), D("2025-12-31"));
  EXPECT_EQ(cal.add_calendar_days(D("2026-01-01"), 365), D("2027-01-01"));
  EXPECT_EQ(cal.add_calendar_days(D("2026-01-01"), 0), D("2026-01-01"));
}

TEST(CalendarTest, AddMonthsClampsToMonthEnd) {
  const Calendar cal("62");
  EXPECT_EQ(cal.add_months(D("2024-01-31"), 1), D("2024-02-29"));
  EXPECT_EQ(cal.add_months(D("2025-01-31"), 1), D("2025-02-28"));
  EXPECT_EQ(cal.add_months(D("2026-08-31"), 6), D("2027-02-28"));
  EXPECT_EQ(cal.add_months(D("2026-03-31"), 1), D("2026-04-30"));
  EXPECT_EQ(cal.add_months(D("2026-01-15"), 12), D("2027-01-15"));
  EXPECT_EQ(cal.add_months(D("2026-03-31"), -1), D("2026-02-28"));
  EXPECT_EQ(cal.add_months(D("2026-01-15"), -1), D("2025-12-15"));
  EXPECT_EQ(cal.add_months(D("2026-01-15"), 0), D("2026-01-15"));
}

TEST(CalendarTest, NthWorkingFridaySkipsHolidays) {
  const Calendar cal("62");
  const auto may_2026 = std::chrono::year{2026} / std::chrono::May;
  // Fridays 1 and 8 May 2026 are holidays: the working Fridays are 15, 22 and 29.
  EXPECT_EQ(cal.nth_working_weekday(may_2026, std::chrono::Friday, 1), D("2026-05-15"));
  EXPECT_EQ(cal.nth_working_weekday(may_2026, std::chrono::Friday, 3), D("2026-05-29"));
  EXPECT_EQ(cal.nth_working_weekday(may_2026, std::chrono::Friday, 4), std::nullopt);
  EXPECT_EQ(cal.nth_working_weekday(may_2026, std::chrono::Friday, 0), std::nullopt);
  // Thursday 14 May (Ascension) is skipped too.
  EXPECT_EQ(cal.nth_working_weekday(may_2026, std::chrono::Thursday, 2), D("2026-05-21"));
}

TEST(CalendarTest, NthWorkingFridayOfAPlainMonth) {
  const Calendar cal("62");
  const auto june_2026 = std::chrono::year{2026} / std::chrono::June;
  EXPECT_EQ(cal.nth_working_weekday(june_2026, std::chrono::Friday, 2), D("2026-06-12"));
  EXPECT_EQ(cal.nth_working_weekday(june_2026, std::chrono::Friday, 4), D("2026-06-26"));
  EXPECT_EQ(cal.nth_working_weekday(june_2026, std::chrono::Friday, 5), std::nullopt);
  // Saturdays are never working days.
  EXPECT_EQ(cal.nth_working_weekday(june_2026, std::chrono::Saturday, 1), std::nullopt);
  // A month with five Fridays: January 2027 (1 Jan is Jour de l'an).
  const auto jan_2027 = std::chrono::year{2027} / std::chrono::January;
  EXPECT_EQ(cal.nth_working_weekday(jan_2027, std::chrono::Friday, 4), D("2027-01-29"));
  EXPECT_EQ(cal.nth_working_weekday(jan_2027, std::chrono::Friday, 5), std::nullopt);
}

TEST(CalendarTest, NthWorkingFridayDependsOnDepartement) {
  const auto april_2026 = std::chrono::year{2026} / std::chrono::April;
  // Good Friday 3 April 2026 is off only in Alsace-Moselle.
  EXPECT_EQ(Calendar("75").nth_working_weekday(april_2026, std::chrono::Friday, 1),
            D("2026-04-03"));
  EXPECT_EQ(Calendar("68").nth_working_weekday(april_2026, std::chrono::Friday, 1),
            D("2026-04-10"));
}

TEST(CalendarTest, InvalidDateIsRefused) {
  const Calendar cal("62");
  const Date bad{std::chrono::year{2025}, std::chrono::February, std::chrono::day{30}};
  EXPECT_THROW(cal.is_working_day(bad), std::invalid_argument);
  EXPECT_THROW(cal.add_working_days(bad, 1), std::invalid_argument);
  EXPECT_THROW(cal.add_months(bad, 1), std::invalid_argument);
}

}  // namespace
