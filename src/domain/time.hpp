// Time values of the domain. The core never reads a clock itself: a Clock is injected, so
// deadlines, idle timeouts and lockouts are tested with a clock the test drives.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace binome::domain {

using Timestamp = std::chrono::sys_seconds;
using Date = std::chrono::year_month_day;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
};

// "2026-11-22T05:00:00Z": the one text form of a timestamp, in the database and the API.
std::string to_iso(Timestamp t);
// Metropolitan France's legal time (CET, CEST from the last Sunday of March to the last Sunday
// of October, changes at 01:00 UTC): `t` as the wall clock of Paris reads it.
Timestamp france_local(Timestamp t);
// The same as YYYY-MM-DDTHH:MM: how appointments are written.
std::string france_local_minute(Timestamp t);
// The day it is in metropolitan France at `t`: "today" for the users, whose date fields are in
// their own time, whatever the server's zone (from midnight to 01:00 or 02:00 in Paris, the
// UTC day is still the day before).
Date france_today(Timestamp t);
// The UTC hour of the day, 0–23.
int hour_of(Timestamp t);
std::optional<Timestamp> parse_iso(std::string_view text);

// "2026-11-22".
std::string to_iso(Date d);
std::optional<Date> parse_date(std::string_view text);

}  // namespace binome::domain
