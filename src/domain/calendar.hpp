// Calendar days and French working days (jours ouvrés): deadlines in the conventions are counted
// in working days, so the public holidays of the département matter. Pure arithmetic: no clock.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "domain/time.hpp"

namespace binome::domain {

// Easter Sunday of a Gregorian year (Meeus/Jones/Butcher algorithm); years from 1583 on.
Date easter_sunday(std::chrono::year y);

// Every function taking a Date requires d.ok() and throws std::invalid_argument otherwise.
class Calendar {
 public:
  // "57", "67" and "68" (Alsace-Moselle) also rest on Good Friday and 26 December.
  explicit Calendar(std::string departement);

  const std::string& departement() const { return departement_; }
  bool alsace_moselle() const { return alsace_moselle_; }

  bool is_public_holiday(const Date& d) const;
  // The French name of the holiday ("Lundi de Pâques", "Saint-Étienne"...), if d is one.
  std::optional<std::string_view> holiday_name(const Date& d) const;
  // Monday to Friday and not a public holiday.
  bool is_working_day(const Date& d) const;

  Date add_calendar_days(const Date& d, int days) const;
  // The |days|-th working day after (or, if negative, before) d; 0 returns d unchanged even when
  // d is not a working day.
  Date add_working_days(const Date& d, int days) const;
  // Working days in (from, to]; if to < from, minus the working days in (to, from].
  int working_days_between(const Date& from, const Date& to) const;
  // Same day n months later (or earlier), clamped to the month's last day: 31 Jan + 1 = 28/29 Feb.
  Date add_months(const Date& d, int months) const;

  // The nth working day falling on weekday wd in month ym (n from 1), e.g. the 3rd working
  // Friday; nullopt if the month has fewer, or n is 0.
  std::optional<Date> nth_working_weekday(std::chrono::year_month ym, std::chrono::weekday wd,
                                          unsigned n) const;

 private:
  std::string departement_;
  bool alsace_moselle_;
};

}  // namespace binome::domain
