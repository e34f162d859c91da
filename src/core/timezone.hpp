#pragma once
// Time-zone conversion as pure functions (no tz database, no I/O): UTC, fixed offsets, and named
// regions whose daylight-saving rule is computed (EU since 1996, US since 2007 — applied to all
// years). Views and reports share this to show times in the session's zone.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace palabre::core {

enum class DstRule { none, eu, us };

struct TimeZone {
  std::string name;           // as given ("Europe/Paris", "UTC", "+05:30")
  int standard_offset_min = 0;  // east of UTC
  DstRule rule = DstRule::none;
};

struct LocalTime {
  int year = 1970, month = 1, day = 1;  // civil date in the zone
  int hour = 0, minute = 0, second = 0, millisecond = 0;
  int weekday = 4;       // 0 = Sunday
  int offset_min = 0;    // offset from UTC in force at that instant
};

// "UTC", "Z", "GMT", "+02:00", "-0530", "UTC+2", "UTC-03:30", or a supported region
// (Europe/Paris, Europe/London, America/New_York, …: see supported_timezones()).
std::optional<TimeZone> parse_timezone(std::string_view text);
// Comma-separated list of the named regions understood, for messages and docs.
std::string_view supported_timezones();

// Offset from UTC (minutes, east positive) in force at `utc_ms`.
int utc_offset_minutes(const TimeZone& zone, std::int64_t utc_ms);
LocalTime to_local(const TimeZone& zone, std::int64_t utc_ms);
// "2022-10-06T10:06:03+02:00": ISO 8601 local time with its offset.
std::string format_iso_local(const LocalTime& t);

// Civil-date helpers (proleptic Gregorian; days since 1970-01-01).
std::int64_t days_from_civil(int year, int month, int day);
void civil_from_days(std::int64_t days, int& year, int& month, int& day);

}  // namespace palabre::core
