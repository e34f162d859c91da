#pragma once
// Time-zone conversion as pure functions (no I/O): UTC, fixed offsets, and every zone of the IANA
// database (Debian's tzdata, read at build time: core/timezone_data.hpp), each with its current
// rule. A zone's real past offsets are added by with_history() (core/timezone_history.hpp), linked
// only where reports are made. Views and reports share this to show times in the session's zone.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace palabre::core {

// When daylight time starts or ends in a year (POSIX TZ, RFC 8536 3.3.1): a day and a time of day in
// seconds (may be negative or past 24 h, as in "M3.4.4/26").
struct RuleDate {
  enum class Kind { julian_no_leap, day_of_year, month_week_day } kind = Kind::month_week_day;
  int day = 0;                 // Jn: 1..365; n: 0..365; M: weekday 0..6 (0 = Sunday)
  int month = 0, week = 0;     // M: month 1..12, week 1..5 (5 = the last)
  int time_s = 2 * 3600;
};

// A zone's current rule: standard offset, and daylight time with its dates when it has one.
struct ZoneRule {
  int standard_offset_s = 0;  // east of UTC
  bool daylight = false;
  int daylight_offset_s = 0;
  RuleDate start, end;        // start in standard time, end in daylight time
};

// A zone's offset from `at_s` (seconds since 1970) on.
struct Transition {
  std::int64_t at_s = 0;
  int offset_s = 0;
};

struct TimeZone {
  std::string name;  // as given ("Europe/Paris", "UTC", "+05:30")
  ZoneRule rule;
  // The offsets from `history.front().at_s` until `history.back().at_s`; `rule` holds outside.
  // parse_timezone() gives the changes since 2024 a rule does not say (Casablanca's Ramadan hours),
  // with_history() every change since 1970. Empty: `rule` holds at every instant.
  std::vector<Transition> history;
};

struct LocalTime {
  int year = 1970, month = 1, day = 1;  // civil date in the zone
  int hour = 0, minute = 0, second = 0, millisecond = 0;
  int weekday = 4;       // 0 = Sunday
  int offset_min = 0;    // offset from UTC in force at that instant
};

// "UTC", "Z", "GMT", "+02:00", "-0530", "UTC+2", "UTC-03:30", or an IANA zone name
// ("Europe/Paris", "America/Sao_Paulo", "Asia/Kolkata"…); nothing for anything else.
std::optional<TimeZone> parse_timezone(std::string_view text);
// A POSIX TZ string ("CET-1CEST,M3.5.0,M10.5.0/3", "<+0530>-5:30"); nothing when malformed.
std::optional<ZoneRule> parse_posix_rule(std::string_view text);
// Every IANA zone name understood, in alphabetical order.
std::vector<std::string_view> timezone_names();

// Offset from UTC in force at `utc_ms`: seconds, and minutes (east positive).
int utc_offset_seconds(const TimeZone& zone, std::int64_t utc_ms);
int utc_offset_minutes(const TimeZone& zone, std::int64_t utc_ms);
LocalTime to_local(const TimeZone& zone, std::int64_t utc_ms);
// "2022-10-06T10:06:03+02:00": ISO 8601 local time with its offset.
std::string format_iso_local(const LocalTime& t);

// Civil-date helpers (proleptic Gregorian; days since 1970-01-01).
std::int64_t days_from_civil(int year, int month, int day);
void civil_from_days(std::int64_t days, int& year, int& month, int& day);

}  // namespace palabre::core
