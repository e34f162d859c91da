// Time-zone conversion: UTC, fixed offsets, every tzdata zone's current rule and, with_history(),
// its past offsets — checked by hand at known instants and against the C library on every zone.
#include <gtest/gtest.h>

#include <time.h>

#include <cstdlib>

#include "core/timezone_history.hpp"

using namespace palabre::core;

namespace {
std::int64_t utc(int y, int mo, int d, int h, int mi, int s = 0) {
  return (days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s) * 1000;
}
std::string local(const char* zone, std::int64_t at) { return format_iso_local(to_local(*parse_timezone(zone), at)); }
std::string past(const char* zone, std::int64_t at) {
  return format_iso_local(to_local(with_history(*parse_timezone(zone)), at));
}
}  // namespace

TEST(TimeZone, GivenSeedMessageInstant_WhenShownInParis_ThenSummerTime) {
  EXPECT_EQ(local("Europe/Paris", utc(2022, 10, 6, 8, 6, 3)), "2022-10-06T10:06:03+02:00");
}

TEST(TimeZone, GivenEuDstBoundaries_WhenShownInParis_ThenSwitchAtOneUtc) {
  // 2022: last Sunday of March = 27th, of October = 30th.
  EXPECT_EQ(local("Europe/Paris", utc(2022, 3, 27, 0, 59, 59)), "2022-03-27T01:59:59+01:00");
  EXPECT_EQ(local("Europe/Paris", utc(2022, 3, 27, 1, 0, 0)), "2022-03-27T03:00:00+02:00");
  EXPECT_EQ(local("Europe/Paris", utc(2022, 10, 30, 0, 59, 59)), "2022-10-30T02:59:59+02:00");
  EXPECT_EQ(local("Europe/Paris", utc(2022, 10, 30, 1, 0, 0)), "2022-10-30T02:00:00+01:00");
  EXPECT_EQ(local("Europe/London", utc(2024, 7, 1, 12, 0)), "2024-07-01T13:00:00+01:00");
}

TEST(TimeZone, GivenUsDstBoundaries_WhenShownInNewYork_ThenSwitchAtTwoLocal) {
  // 2023: second Sunday of March = 12th, first Sunday of November = 5th.
  EXPECT_EQ(local("America/New_York", utc(2023, 3, 12, 6, 59, 59)), "2023-03-12T01:59:59-05:00");
  EXPECT_EQ(local("America/New_York", utc(2023, 3, 12, 7, 0, 0)), "2023-03-12T03:00:00-04:00");
  EXPECT_EQ(local("America/New_York", utc(2023, 11, 5, 5, 59, 59)), "2023-11-05T01:59:59-04:00");
  EXPECT_EQ(local("America/New_York", utc(2023, 11, 5, 6, 0, 0)), "2023-11-05T01:00:00-05:00");
  EXPECT_EQ(local("America/Los_Angeles", utc(2023, 1, 15, 20, 0)), "2023-01-15T12:00:00-08:00");
}

TEST(TimeZone, GivenFixedOffsetsAndUtc_WhenParsed_ThenApplied) {
  EXPECT_EQ(local("UTC", utc(2022, 10, 6, 8, 6, 3)), "2022-10-06T08:06:03+00:00");
  EXPECT_EQ(local("+05:30", utc(2022, 10, 6, 20, 0)), "2022-10-07T01:30:00+05:30");
  EXPECT_EQ(local("UTC-3", utc(2022, 1, 1, 1, 0)), "2021-12-31T22:00:00-03:00");
  EXPECT_EQ(local("-0930", utc(2022, 1, 1, 12, 0)), "2022-01-01T02:30:00-09:30");
}

TEST(TimeZone, GivenUnknownOrMalformedZone_WhenParsed_ThenNothing) {
  EXPECT_FALSE(parse_timezone("Mars/Olympus"));
  EXPECT_FALSE(parse_timezone("+25:00"));
  EXPECT_FALSE(parse_timezone("+2:3"));
  EXPECT_FALSE(parse_timezone(""));
}

TEST(TimeZone, GivenDates_WhenConvertedToDaysAndBack_ThenSameDateAndWeekday) {
  int y, m, d;
  civil_from_days(days_from_civil(2022, 10, 6), y, m, d);
  EXPECT_EQ(y * 10000 + m * 100 + d, 20221006);
  EXPECT_EQ(to_local(*parse_timezone("UTC"), utc(2022, 10, 6, 12, 0)).weekday, 4);  // a Thursday
  EXPECT_EQ(to_local(*parse_timezone("UTC"), -1).year, 1969);
}

TEST(TimeZone, GivenZonesOfEveryKind_WhenParsed_ThenTheirCurrentRuleApplies) {
  EXPECT_EQ(local("Asia/Kolkata", utc(2024, 6, 1, 0, 0)), "2024-06-01T05:30:00+05:30");
  EXPECT_EQ(local("Asia/Kathmandu", utc(2024, 6, 1, 0, 0)), "2024-06-01T05:45:00+05:45");
  EXPECT_EQ(local("America/St_Johns", utc(2024, 1, 1, 12, 0)), "2024-01-01T08:30:00-03:30");
  // Southern hemisphere: daylight time from October to April.
  EXPECT_EQ(local("Australia/Sydney", utc(2024, 1, 15, 0, 0)), "2024-01-15T11:00:00+11:00");
  EXPECT_EQ(local("Australia/Sydney", utc(2024, 7, 15, 0, 0)), "2024-07-15T10:00:00+10:00");
  // Half an hour of daylight saving; Chatham's 2:45 rule; a rule at hour 26 (Jerusalem).
  EXPECT_EQ(local("Australia/Lord_Howe", utc(2024, 1, 15, 0, 0)), "2024-01-15T11:00:00+11:00");
  EXPECT_EQ(local("Australia/Lord_Howe", utc(2024, 7, 15, 0, 0)), "2024-07-15T10:30:00+10:30");
  EXPECT_EQ(local("Pacific/Chatham", utc(2024, 1, 15, 0, 0)), "2024-01-15T13:45:00+13:45");
  EXPECT_EQ(local("Asia/Jerusalem", utc(2024, 3, 29, 0, 0)), "2024-03-29T03:00:00+03:00");
  EXPECT_EQ(local("Asia/Jerusalem", utc(2024, 3, 28, 0, 0)), "2024-03-28T02:00:00+02:00");
  // Negative rule times (Greenland: -1 and 0 in the day of the change).
  EXPECT_EQ(local("America/Nuuk", utc(2024, 7, 1, 12, 0)), "2024-07-01T11:00:00-01:00");
  EXPECT_EQ(local("America/Sao_Paulo", utc(2024, 1, 15, 12, 0)), "2024-01-15T09:00:00-03:00");
  EXPECT_EQ(local("Asia/Ho_Chi_Minh", utc(2024, 1, 15, 12, 0)), "2024-01-15T19:00:00+07:00");
}

TEST(TimeZone, GivenAPastInstant_WhenShownWithHistory_ThenTheOffsetOfThatTime) {
  // São Paulo kept daylight saving until 2019; its rule today has none.
  EXPECT_EQ(local("America/Sao_Paulo", utc(2018, 1, 15, 12, 0)), "2018-01-15T09:00:00-03:00");
  EXPECT_EQ(past("America/Sao_Paulo", utc(2018, 1, 15, 12, 0)), "2018-01-15T10:00:00-02:00");
  // France changed summer time's end from September to October in 1996; in 1976 it began.
  EXPECT_EQ(past("Europe/Paris", utc(1995, 10, 10, 12, 0)), "1995-10-10T13:00:00+01:00");
  EXPECT_EQ(past("Europe/Paris", utc(1996, 10, 10, 12, 0)), "1996-10-10T14:00:00+02:00");
  EXPECT_EQ(past("Europe/Paris", utc(1975, 7, 1, 12, 0)), "1975-07-01T13:00:00+01:00");
  // The US moved its dates in 2007.
  EXPECT_EQ(past("America/New_York", utc(2006, 3, 20, 12, 0)), "2006-03-20T07:00:00-05:00");
  EXPECT_EQ(past("America/New_York", utc(2007, 3, 20, 12, 0)), "2007-03-20T08:00:00-04:00");
  // Now, the history gives what the rule gives; fixed offsets have none.
  EXPECT_EQ(past("Europe/Paris", utc(2022, 10, 6, 8, 6, 3)), "2022-10-06T10:06:03+02:00");
  EXPECT_EQ(past("UTC+2", utc(1990, 1, 1, 0, 0)), "1990-01-01T02:00:00+02:00");
}

TEST(TimeZone, GivenPosixRules_WhenMalformed_ThenRefused) {
  EXPECT_TRUE(parse_posix_rule("CET-1CEST,M3.5.0,M10.5.0/3"));
  EXPECT_TRUE(parse_posix_rule("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0"));
  EXPECT_TRUE(parse_posix_rule("IST-2IDT,M3.4.4/26,M10.5.0"));
  EXPECT_FALSE(parse_posix_rule("CET"));                 // no offset
  EXPECT_FALSE(parse_posix_rule("CET-1CEST,M13.5.0,M10.5.0"));
  EXPECT_FALSE(parse_posix_rule("CET-1CEST,M3.5.0"));    // no end
  EXPECT_FALSE(parse_posix_rule("<+05-5"));              // unclosed name
  EXPECT_FALSE(parse_posix_rule("CET-1 "));
}

// Every zone of the table, with its history, against glibc reading the same tzdata files: the
// offset at noon UTC on the 1st and 15th of every month from 1970 to 2037, and one second on each
// side of every change the C library reports; without its history, from 2025.
TEST(TimeZone, GivenEveryZone_WhenComparedWithTheCLibrary_ThenTheSameOffsets) {
  const auto names = timezone_names();
  ASSERT_GT(names.size(), 400u);
  const char* saved = std::getenv("TZ");
  const std::string saved_tz = saved ? saved : "";
  int checked = 0;
  std::vector<std::string> wrong;
  for (std::string_view name : names) {
    const auto zone = parse_timezone(name);
    ASSERT_TRUE(zone) << name;
    const TimeZone full = with_history(*zone);
    setenv("TZ", (":" + std::string(name)).c_str(), 1);
    tzset();
    auto libc = [](std::int64_t s) {
      const time_t t = static_cast<time_t>(s);
      struct tm tm {};
      localtime_r(&t, &tm);
      return static_cast<int>(tm.tm_gmtoff);
    };
    int previous = libc(0);
    for (int year = 1970; year <= 2037 && wrong.size() < 20; ++year) {
      for (int month = 1; month <= 12; ++month) {
        for (int day : {1, 15}) {
          const std::int64_t s = days_from_civil(year, month, day) * 86400 + 12 * 3600;
          const int expected = libc(s);
          if (utc_offset_seconds(full, s * 1000) != expected)
            wrong.push_back(std::string(name) + " at " + std::to_string(s) + ": " +
                            std::to_string(utc_offset_seconds(full, s * 1000)) + " != " + std::to_string(expected));
          // Without its history (a participant's screen), a zone is right from 2025 on.
          if (year >= 2025 && utc_offset_seconds(*zone, s * 1000) != expected)
            wrong.push_back(std::string(name) + " without history at " + std::to_string(s));
          if (expected != previous) {  // a change since the last sample: find it, check both sides
            std::int64_t lo = s - 16 * 86400, hi = s;
            while (hi - lo > 1) {
              const std::int64_t mid = lo + (hi - lo) / 2;
              (libc(mid) == expected ? hi : lo) = mid;
            }
            for (const std::int64_t at : {lo, hi})
              if (utc_offset_seconds(full, at * 1000) != libc(at))
                wrong.push_back(std::string(name) + " around " + std::to_string(at));
          }
          previous = expected;
          ++checked;
        }
      }
    }
  }
  if (saved) setenv("TZ", saved_tz.c_str(), 1);
  else unsetenv("TZ");
  tzset();
  EXPECT_TRUE(wrong.empty()) << wrong.size() << " differences, first: " << (wrong.empty() ? "" : wrong.front());
  EXPECT_GT(checked, 400 * 1600);
}
