// Time zones: fixed offsets, and IANA zones with their current POSIX rule (core/timezone_data.hpp,
// generated from tzdata) and, after with_history(), their past offsets.
#include "core/timezone.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <iterator>

#include "core/timezone_data.hpp"

namespace palabre::core {
namespace {

constexpr std::int64_t ms_per_day = 86400000;
constexpr std::int64_t s_per_day = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

int weekday_of(std::int64_t days) { return int(((days % 7) + 11) % 7); }  // 1970-01-01 was a Thursday (4)

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

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

// A small reader for POSIX TZ strings (RFC 8536 3.3.1): every footer tzdata writes.
struct PosixReader {
  std::string_view s;
  bool ok = true;

  bool at_end() const { return s.empty(); }
  bool take(char c) {
    if (s.empty() || s.front() != c) return false;
    s.remove_prefix(1);
    return true;
  }
  int number(int max_digits) {
    int value = 0, digits = 0;
    while (!s.empty() && s.front() >= '0' && s.front() <= '9' && digits < max_digits) {
      value = value * 10 + (s.front() - '0');
      s.remove_prefix(1);
      ++digits;
    }
    if (digits == 0) ok = false;
    return value;
  }
  // "CET" or "<+0530>": the abbreviation is not kept.
  void name() {
    if (take('<')) {
      const auto close = s.find('>');
      if (close == std::string_view::npos || close < 3) ok = false;
      else s.remove_prefix(close + 1);
      return;
    }
    std::size_t n = 0;
    while (n < s.size() && ((s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= 'a' && s[n] <= 'z'))) ++n;
    if (n < 3) ok = false;
    s.remove_prefix(n);
  }
  // [+-]hh[:mm[:ss]] in seconds, hours up to `max_hours`.
  int duration(int max_hours) {
    const int sign = take('-') ? -1 : (take('+'), 1);
    const int h = number(3);
    int m = 0, sec = 0;
    if (take(':')) {
      m = number(2);
      if (take(':')) sec = number(2);
    }
    if (h > max_hours || m > 59 || sec > 59) ok = false;
    return sign * (h * 3600 + m * 60 + sec);
  }
  RuleDate date() {
    RuleDate d;
    if (take('J')) {
      d.kind = RuleDate::Kind::julian_no_leap;
      d.day = number(3);
      if (d.day < 1 || d.day > 365) ok = false;
    } else if (take('M')) {
      d.kind = RuleDate::Kind::month_week_day;
      d.month = number(2);
      if (!take('.')) ok = false;
      d.week = number(1);
      if (!take('.')) ok = false;
      d.day = number(1);
      if (d.month < 1 || d.month > 12 || d.week < 1 || d.week > 5 || d.day > 6) ok = false;
    } else {
      d.kind = RuleDate::Kind::day_of_year;
      d.day = number(3);
      if (d.day > 365) ok = false;
    }
    if (take('/')) d.time_s = duration(167);
    return d;
  }
};

// The instant (seconds since 1970, in the clock of the rule's local time) a rule date falls on in `year`.
std::int64_t local_instant(const RuleDate& d, int year) {
  std::int64_t day = 0;
  switch (d.kind) {
    case RuleDate::Kind::julian_no_leap:  // Jn counts 1..365 and never Feb 29
      day = days_from_civil(year, 1, 1) + d.day - 1 + (leap(year) && d.day >= 60 ? 1 : 0);
      break;
    case RuleDate::Kind::day_of_year:
      day = days_from_civil(year, 1, 1) + d.day;
      break;
    case RuleDate::Kind::month_week_day: {
      const std::int64_t first = days_from_civil(year, d.month, 1);
      day = first + (d.day - weekday_of(first) + 7) % 7 + 7 * (d.week - 1);
      const std::int64_t next_month = d.month == 12 ? days_from_civil(year + 1, 1, 1) : days_from_civil(year, d.month + 1, 1);
      while (day >= next_month) day -= 7;  // week 5: the last such weekday
      break;
    }
  }
  return day * s_per_day + d.time_s;
}

int rule_offset(const ZoneRule& rule, std::int64_t utc_s) {
  if (!rule.daylight) return rule.standard_offset_s;
  int year, month, day;
  civil_from_days(floor_div(utc_s + rule.standard_offset_s, s_per_day), year, month, day);
  const std::int64_t start = local_instant(rule.start, year) - rule.standard_offset_s;
  const std::int64_t end = local_instant(rule.end, year) - rule.daylight_offset_s;
  const bool in_daylight = start < end ? (utc_s >= start && utc_s < end) : (utc_s < end || utc_s >= start);
  return in_daylight ? rule.daylight_offset_s : rule.standard_offset_s;
}

}  // namespace

namespace tzdata {

int find_zone(std::string_view name) {
  const std::uint16_t* end = zone_name_at + zone_count;
  const std::uint16_t* it = std::lower_bound(zone_name_at, end, name, [](std::uint16_t at, std::string_view n) {
    return std::string_view(zone_names + at) < n;
  });
  return it != end && name == std::string_view(zone_names + *it) ? static_cast<int>(it - zone_name_at) : -1;
}

std::vector<Transition> transitions(const Step* steps, Span span) {
  std::vector<Transition> out;
  out.reserve(span.count);
  std::int64_t at = 0;
  for (std::uint32_t i = 0; i < span.count; ++i) {
    at += steps[span.first + i].after_s;
    out.push_back({at, steps[span.first + i].offset_s});
  }
  return out;
}

}  // namespace tzdata

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

std::optional<ZoneRule> parse_posix_rule(std::string_view text) {
  PosixReader r{text};
  ZoneRule rule;
  r.name();
  rule.standard_offset_s = -r.duration(24);  // POSIX counts west of UTC
  if (r.ok && !r.at_end()) {
    rule.daylight = true;
    r.name();
    rule.daylight_offset_s = rule.standard_offset_s + 3600;
    if (r.ok && !r.at_end() && r.s.front() != ',') rule.daylight_offset_s = -r.duration(24);
    if (r.take(',')) {
      rule.start = r.date();
      if (!r.take(',')) r.ok = false;
      rule.end = r.date();
    } else {  // POSIX's default: the US rule
      rule.start = RuleDate{RuleDate::Kind::month_week_day, 0, 3, 2};
      rule.end = RuleDate{RuleDate::Kind::month_week_day, 0, 11, 1};
    }
  }
  if (!r.ok || !r.at_end()) return std::nullopt;
  return rule;
}

std::optional<TimeZone> parse_timezone(std::string_view text) {
  if (const int zone = tzdata::find_zone(text); zone >= 0) {
    if (auto rule = parse_posix_rule(tzdata::rules[tzdata::zone_rule[zone]])) {
      TimeZone found{std::string(text), *rule, {}};
      for (std::size_t i = 0; i < tzdata::recent_count; ++i)
        if (tzdata::recents[i].zone == zone) found.history = tzdata::transitions(tzdata::recent_steps, tzdata::recents[i].steps);
      return found;
    }
  }
  if (text == "Z" || text == "GMT" || text == "UTC") return TimeZone{std::string(text), {}, {}};
  std::string_view rest = text;
  if (rest.rfind("UTC", 0) == 0 || rest.rfind("GMT", 0) == 0) rest.remove_prefix(3);
  int minutes = 0;
  if (!parse_offset(rest, minutes)) return std::nullopt;
  TimeZone fixed{std::string(text), {}, {}};
  fixed.rule.standard_offset_s = minutes * 60;
  return fixed;
}

std::vector<std::string_view> timezone_names() {
  std::vector<std::string_view> names;
  names.reserve(tzdata::zone_count);
  for (std::size_t i = 0; i < tzdata::zone_count; ++i) names.emplace_back(tzdata::zone_names + tzdata::zone_name_at[i]);
  return names;
}

int utc_offset_seconds(const TimeZone& zone, std::int64_t utc_ms) {
  const std::int64_t utc_s = floor_div(utc_ms, 1000);
  if (!zone.history.empty() && utc_s >= zone.history.front().at_s && utc_s < zone.history.back().at_s) {
    auto after = std::upper_bound(zone.history.begin(), zone.history.end(), utc_s,
                                  [](std::int64_t t, const Transition& tr) { return t < tr.at_s; });
    return std::prev(after)->offset_s;
  }
  return rule_offset(zone.rule, utc_s);
}

int utc_offset_minutes(const TimeZone& zone, std::int64_t utc_ms) {
  return static_cast<int>(floor_div(utc_offset_seconds(zone, utc_ms), 60));
}

LocalTime to_local(const TimeZone& zone, std::int64_t utc_ms) {
  LocalTime t;
  const int offset_s = utc_offset_seconds(zone, utc_ms);
  t.offset_min = static_cast<int>(floor_div(offset_s, 60));
  const std::int64_t local = utc_ms + std::int64_t(offset_s) * 1000;
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
