// Time zones computed from rules: EU (last Sunday of March 01:00 UTC → last Sunday of October
// 01:00 UTC) and US (second Sunday of March 02:00 local → first Sunday of November 02:00 local).
#include "core/timezone.hpp"

#include <array>
#include <cstdio>

namespace palabre::core {
namespace {
struct Region { std::string_view name; int offset_min; DstRule rule; };
constexpr std::array<Region, 34> regions{{
    {"UTC", 0, DstRule::none}, {"Etc/UTC", 0, DstRule::none},
    {"Europe/London", 0, DstRule::eu}, {"Europe/Dublin", 0, DstRule::eu}, {"Europe/Lisbon", 0, DstRule::eu},
    {"Europe/Paris", 60, DstRule::eu}, {"Europe/Brussels", 60, DstRule::eu}, {"Europe/Luxembourg", 60, DstRule::eu},
    {"Europe/Berlin", 60, DstRule::eu}, {"Europe/Madrid", 60, DstRule::eu}, {"Europe/Rome", 60, DstRule::eu},
    {"Europe/Amsterdam", 60, DstRule::eu}, {"Europe/Zurich", 60, DstRule::eu}, {"Europe/Vienna", 60, DstRule::eu},
    {"Europe/Monaco", 60, DstRule::eu}, {"Europe/Stockholm", 60, DstRule::eu}, {"Europe/Oslo", 60, DstRule::eu},
    {"Europe/Copenhagen", 60, DstRule::eu}, {"Europe/Prague", 60, DstRule::eu}, {"Europe/Warsaw", 60, DstRule::eu},
    {"Europe/Athens", 120, DstRule::eu}, {"Europe/Helsinki", 120, DstRule::eu}, {"Europe/Bucharest", 120, DstRule::eu},
    {"America/New_York", -300, DstRule::us}, {"America/Toronto", -300, DstRule::us},
    {"America/Montreal", -300, DstRule::us}, {"America/Chicago", -360, DstRule::us},
    {"America/Denver", -420, DstRule::us}, {"America/Phoenix", -420, DstRule::none},
    {"America/Los_Angeles", -480, DstRule::us}, {"America/Anchorage", -540, DstRule::us},
    {"America/Halifax", -240, DstRule::us}, {"Asia/Tokyo", 540, DstRule::none}, {"Indian/Reunion", 240, DstRule::none},
}};

constexpr std::int64_t ms_per_day = 86400000;

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

int weekday_of(std::int64_t days) { return int(((days % 7) + 11) % 7); }  // 1970-01-01 was a Thursday (4)

// Day number of the n-th (1-based) Sunday of a month, or the last one when n == 0.
std::int64_t sunday_of(int year, int month, int n) {
  if (n == 0) {
    int ny = month == 12 ? year + 1 : year, nm = month == 12 ? 1 : month + 1;
    std::int64_t last = days_from_civil(ny, nm, 1) - 1;
    return last - weekday_of(last);
  }
  std::int64_t first = days_from_civil(year, month, 1);
  return first + (7 - weekday_of(first)) % 7 + 7 * (n - 1);
}

bool in_dst(const TimeZone& z, std::int64_t utc_ms) {
  int year, month, day;
  civil_from_days(floor_div(utc_ms, ms_per_day), year, month, day);
  if (z.rule == DstRule::eu) {
    std::int64_t start = sunday_of(year, 3, 0) * ms_per_day + 3600000;
    std::int64_t end = sunday_of(year, 10, 0) * ms_per_day + 3600000;
    return utc_ms >= start && utc_ms < end;
  }
  if (z.rule == DstRule::us) {
    // 02:00 local standard time at the start; 02:00 local daylight time (= 01:00 standard) at the end.
    std::int64_t off = std::int64_t(z.standard_offset_min) * 60000;
    std::int64_t start = sunday_of(year, 3, 2) * ms_per_day + 2 * 3600000 - off;
    std::int64_t end = sunday_of(year, 11, 1) * ms_per_day + 1 * 3600000 - off;
    return utc_ms >= start && utc_ms < end;
  }
  return false;
}

// Parses "+HH:MM", "-HHMM", "+H" into minutes; false when malformed.
bool parse_offset(std::string_view s, int& minutes) {
  if (s.empty() || (s[0] != '+' && s[0] != '-')) return false;
  const int sign = s[0] == '-' ? -1 : 1;
  s.remove_prefix(1);
  int digits[4];
  int n = 0;
  for (char c : s) {
    if (c == ':') continue;
    if (c < '0' || c > '9' || n == 4) return false;
    digits[n++] = c - '0';
  }
  int h = 0, m = 0;
  if (n == 1) h = digits[0];
  else if (n == 2) h = digits[0] * 10 + digits[1];
  else if (n == 4) { h = digits[0] * 10 + digits[1]; m = digits[2] * 10 + digits[3]; }
  else return false;
  if (s.find(':') != std::string_view::npos && n != 4) return false;
  if (h > 14 || m > 59) return false;
  minutes = sign * (h * 60 + m);
  return true;
}
}  // namespace

std::int64_t days_from_civil(int y, int m, int d) {  // Howard Hinnant's algorithm
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + std::int64_t(doe) - 719468;
}

void civil_from_days(std::int64_t z, int& year, int& month, int& day) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = unsigned(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = int(doy - (153 * mp + 2) / 5 + 1);
  month = int(mp < 10 ? mp + 3 : mp - 9);
  year = int(std::int64_t(yoe) + era * 400 + (month <= 2));
}

std::optional<TimeZone> parse_timezone(std::string_view text) {
  for (const Region& r : regions)
    if (r.name == text) return TimeZone{std::string(text), r.offset_min, r.rule};
  if (text == "Z" || text == "GMT") return TimeZone{std::string(text), 0, DstRule::none};
  std::string_view rest = text;
  if (rest.rfind("UTC", 0) == 0 || rest.rfind("GMT", 0) == 0) rest.remove_prefix(3);
  int minutes = 0;
  if (parse_offset(rest, minutes)) return TimeZone{std::string(text), minutes, DstRule::none};
  return std::nullopt;
}

std::string_view supported_timezones() {
  return "UTC, Europe/London, Europe/Dublin, Europe/Lisbon, Europe/Paris, Europe/Brussels, "
         "Europe/Luxembourg, Europe/Berlin, Europe/Madrid, Europe/Rome, Europe/Amsterdam, Europe/Zurich, "
         "Europe/Vienna, Europe/Monaco, Europe/Stockholm, Europe/Oslo, Europe/Copenhagen, Europe/Prague, "
         "Europe/Warsaw, Europe/Athens, Europe/Helsinki, Europe/Bucharest, America/New_York, "
         "America/Toronto, America/Montreal, America/Chicago, America/Denver, America/Phoenix, "
         "America/Los_Angeles, America/Anchorage, America/Halifax, Asia/Tokyo, Indian/Reunion";
}

int utc_offset_minutes(const TimeZone& zone, std::int64_t utc_ms) {
  return zone.standard_offset_min + (in_dst(zone, utc_ms) ? 60 : 0);
}

LocalTime to_local(const TimeZone& zone, std::int64_t utc_ms) {
  LocalTime t;
  t.offset_min = utc_offset_minutes(zone, utc_ms);
  const std::int64_t local = utc_ms + std::int64_t(t.offset_min) * 60000;
  const std::int64_t days = floor_div(local, ms_per_day);
  std::int64_t in_day = local - days * ms_per_day;
  civil_from_days(days, t.year, t.month, t.day);
  t.weekday = weekday_of(days);
  t.hour = int(in_day / 3600000);
  t.minute = int(in_day / 60000 % 60);
  t.second = int(in_day / 1000 % 60);
  t.millisecond = int(in_day % 1000);
  return t;
}

std::string format_iso_local(const LocalTime& t) {
  char buf[40];
  const int off = t.offset_min < 0 ? -t.offset_min : t.offset_min;
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", t.year, t.month, t.day, t.hour,
                t.minute, t.second, t.offset_min < 0 ? '-' : '+', off / 60, off % 60);
  return buf;
}

}  // namespace palabre::core
