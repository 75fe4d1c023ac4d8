// Deposit calendar of the RSA flows (seed 003, Annexe 4; spec/flows R11): the Département's
// CGPEM is due by the 3rd working Friday of the month before 17:00 (Paris time); France
// Travail's PECGM is available from the Monday after the 2nd working Friday. Working days are
// those of the département's Calendar (Alsace-Moselle's extra holidays included). Pure.
#pragma once
#include <chrono>
#include <optional>
#include <string>

#include "domain/calendar.hpp"
#include "domain/time.hpp"

namespace binome::domain {

// Local date and minute of the day in metropolitan France (CET/CEST: summer time from the last
// Sunday of March to the last Sunday of October, changing at 01:00 UTC).
struct LocalTime {
  Date date;
  int minutes = 0;  // 0 … 1439
};
LocalTime paris_time(Timestamp t);

// This month's deadline: the 3rd working Friday (nullopt if a month had fewer).
std::optional<Date> cgpem_deadline(const Calendar& cal, std::chrono::year_month ym);
// This month's PECGM: the Monday after the 2nd working Friday, moved to the next working day
// if that Monday is a holiday.
std::optional<Date> pecgm_available(const Calendar& cal, std::chrono::year_month ym);

// The next CGPEM deadline not yet passed at `now` (the deadline day counts until 16:59).
Date next_cgpem_deadline(const Calendar& cal, Timestamp now);
// The next PECGM availability on or after the local day of `now`.
Date next_pecgm_available(const Calendar& cal, Timestamp now);

// "vendredi 19 septembre 2025"
std::string french_long_date(const Date& d);

}  // namespace binome::domain
