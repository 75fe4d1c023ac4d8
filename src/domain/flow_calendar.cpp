#include "domain/flow_calendar.hpp"

#include <array>
#include <stdexcept>

namespace binome::domain {
namespace {

using namespace std::chrono;

// The next month (or months) after ym, the one whose date is found.
template <class F>
Date next_from(const Calendar& cal, year_month ym, const Date& not_before, F&& of_month) {
  for (int i = 0; i < 24; ++i, ym += months{1})
    if (auto d = of_month(cal, ym); d && sys_days{*d} >= sys_days{not_before}) return *d;
  throw std::logic_error("aucune échéance sur deux ans");
}

}  // namespace

LocalTime paris_time(Timestamp t) {
  const auto local = france_local(t);
  const auto day = floor<days>(local);
  return {Date{day}, int(duration_cast<minutes>(local - day).count())};
}

std::optional<Date> cgpem_deadline(const Calendar& cal, year_month ym) {
  return cal.nth_working_weekday(ym, Friday, 3);
}

std::optional<Date> pecgm_available(const Calendar& cal, year_month ym) {
  const auto second = cal.nth_working_weekday(ym, Friday, 2);
  if (!second) return std::nullopt;
  Date d{sys_days{*second} + days{3}};
  while (!cal.is_working_day(d)) d = Date{sys_days{d} + days{1}};
  return d;
}

Date next_cgpem_deadline(const Calendar& cal, Timestamp now) {
  const LocalTime local = paris_time(now);
  // On the deadline day itself, 17:00 closes it.
  const Date from = local.minutes < 17 * 60 ? local.date : Date{sys_days{local.date} + days{1}};
  return next_from(cal, year_month{local.date.year(), local.date.month()}, from, cgpem_deadline);
}

Date next_pecgm_available(const Calendar& cal, Timestamp now) {
  const LocalTime local = paris_time(now);
  return next_from(cal, year_month{local.date.year(), local.date.month()}, local.date,
                   pecgm_available);
}

std::string french_long_date(const Date& d) {
  static constexpr std::array<const char*, 7> kDays{"dimanche", "lundi",    "mardi", "mercredi",
                                                    "jeudi",    "vendredi", "samedi"};
  static constexpr std::array<const char*, 12> kMonths{
      "janvier", "février", "mars",      "avril",   "mai",      "juin",
      "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
  const weekday wd{sys_days{d}};
  return std::string(kDays[wd.c_encoding()]) + " " + std::to_string(unsigned(d.day())) + " " +
         kMonths[unsigned(d.month()) - 1] + " " + std::to_string(int(d.year()));
}

}  // namespace binome::domain
