#include "domain/calendar.hpp"

#include <stdexcept>
#include <utility>

namespace binome::domain {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

sys_days checked(const Date& d) {
  if (!d.ok()) throw std::invalid_argument("invalid date");
  return sys_days{d};
}

bool is_weekend(sys_days day) {
  const std::chrono::weekday wd{day};
  return wd == std::chrono::Saturday || wd == std::chrono::Sunday;
}

}  // namespace

Date easter_sunday(std::chrono::year y) {
  const int year = int(y);
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Date{y, std::chrono::month{unsigned(month)}, std::chrono::day{unsigned(day)}};
}

Calendar::Calendar(std::string departement)
    : departement_(std::move(departement)),
      alsace_moselle_(departement_ == "57" || departement_ == "67" || departement_ == "68") {}

std::optional<std::string_view> Calendar::holiday_name(const Date& d) const {
  const sys_days day = checked(d);
  const unsigned month = unsigned(d.month());
  const unsigned dom = unsigned(d.day());
  struct Fixed {
    unsigned month, day;
    std::string_view name;
  };
  static constexpr Fixed kFixed[] = {
      {1, 1, "Jour de l'an"},     {5, 1, "Fête du travail"}, {5, 8, "Victoire 1945"},
      {7, 14, "Fête nationale"},  {8, 15, "Assomption"},     {11, 1, "Toussaint"},
      {11, 11, "Armistice 1918"}, {12, 25, "Noël"},
  };
  for (const auto& f : kFixed)
    if (f.month == month && f.day == dom) return f.name;
  if (alsace_moselle_ && month == 12 && dom == 26) return "Saint-Étienne";

  // Movable holidays sit at fixed offsets from Easter Sunday of the same year.
  const auto offset = (day - sys_days{easter_sunday(d.year())}).count();
  switch (offset) {
    case 1:
      return "Lundi de Pâques";
    case 39:
      return "Ascension";
    case 50:
      return "Lundi de Pentecôte";
    case -2:
      if (alsace_moselle_) return "Vendredi saint";
      break;
    default:
      break;
  }
  return std::nullopt;
}

bool Calendar::is_public_holiday(const Date& d) const {
  return holiday_name(d).has_value();
}

bool Calendar::is_working_day(const Date& d) const {
  return !is_weekend(checked(d)) && !is_public_holiday(d);
}

Date Calendar::add_calendar_days(const Date& d, int n) const {
  return Date{checked(d) + days{n}};
}

Date Calendar::add_working_days(const Date& d, int n) const {
  sys_days day = checked(d);
  const days step{n < 0 ? -1 : 1};
  for (int left = n < 0 ? -n : n; left > 0;) {
    day += step;
    if (is_working_day(Date{day})) --left;
  }
  return Date{day};
}

int Calendar::working_days_between(const Date& from, const Date& to) const {
  sys_days lo = checked(from);
  sys_days hi = checked(to);
  const int sign = hi < lo ? -1 : 1;
  if (hi < lo) std::swap(lo, hi);
  int count = 0;
  for (sys_days day = lo + days{1}; day <= hi; day += days{1})
    if (is_working_day(Date{day})) ++count;
  return sign * count;
}

Date Calendar::add_months(const Date& d, int n) const {
  checked(d);
  const std::chrono::year_month ym =
      std::chrono::year_month{d.year(), d.month()} + std::chrono::months{n};
  const std::chrono::day last = std::chrono::year_month_day_last{ym / std::chrono::last}.day();
  return Date{ym / (d.day() < last ? d.day() : last)};
}

std::optional<Date> Calendar::nth_working_weekday(std::chrono::year_month ym,
                                                  std::chrono::weekday wd, unsigned n) const {
  if (n == 0 || !ym.ok() || !wd.ok()) return std::nullopt;
  unsigned seen = 0;
  // A month holds at most five of any weekday.
  for (unsigned index = 1; index <= 5; ++index) {
    const std::chrono::year_month_weekday ymw{ym.year(), ym.month(), wd[index]};
    if (!ymw.ok()) break;
    const Date candidate{sys_days{ymw}};
    if (is_working_day(candidate) && ++seen == n) return candidate;
  }
  return std::nullopt;
}

}  // namespace binome::domain
