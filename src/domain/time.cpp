#include "domain/time.hpp"

#include <charconv>
#include <cstdio>

namespace binome::domain {
namespace {

bool read_int(std::string_view text, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > text.size()) return false;
  for (std::size_t i = pos; i < pos + len; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  auto res = std::from_chars(text.data() + pos, text.data() + pos + len, out);
  return res.ec == std::errc();
}

}  // namespace

std::string to_iso(Timestamp t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{t - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                int(hms.minutes().count()), int(hms.seconds().count()));
  return buf;
}

std::optional<Timestamp> parse_iso(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[19] != 'Z' || text[13] != ':' || text[16] != ':')
    return std::nullopt;
  auto date = parse_date(text.substr(0, 10));
  int h = 0, m = 0, s = 0;
  if (!date || !read_int(text, 11, 2, h) || !read_int(text, 14, 2, m) ||
      !read_int(text, 17, 2, s) || h > 23 || m > 59 || s > 59)
    return std::nullopt;
  return std::chrono::sys_days{*date} + std::chrono::hours{h} + std::chrono::minutes{m} +
         std::chrono::seconds{s};
}

std::string to_iso(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()),
                unsigned(d.day()));
  return buf;
}

std::optional<Date> parse_date(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !read_int(text, 0, 4, y) ||
      !read_int(text, 5, 2, m) || !read_int(text, 8, 2, d))
    return std::nullopt;
  Date date{std::chrono::year{y}, std::chrono::month{unsigned(m)}, std::chrono::day{unsigned(d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

int hour_of(Timestamp t) {
  const auto since_midnight = t - std::chrono::floor<std::chrono::days>(t);
  return static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(since_midnight).count());
}

namespace {
// 01:00 UTC on the last Sunday of a month.
Timestamp last_sunday_one_utc(std::chrono::year y, std::chrono::month m) {
  const std::chrono::sys_days last = std::chrono::year_month_day_last{y, m / std::chrono::last};
  const auto back = (std::chrono::weekday{last} - std::chrono::Sunday).count();
  return Timestamp{last - std::chrono::days{back}} + std::chrono::hours{1};
}
}  // namespace

Timestamp france_local(Timestamp t) {
  const auto year = std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(t)}.year();
  const bool summer = t >= last_sunday_one_utc(year, std::chrono::March) &&
                      t < last_sunday_one_utc(year, std::chrono::October);
  return t + std::chrono::hours{summer ? 2 : 1};
}

std::string france_local_minute(Timestamp t) {
  return to_iso(france_local(t)).substr(0, 16);
}

Date france_today(Timestamp t) {
  return Date{std::chrono::floor<std::chrono::days>(france_local(t))};
}

}  // namespace binome::domain
