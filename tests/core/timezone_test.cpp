// Time-zone conversion: UTC, fixed offsets, EU and US daylight-saving rules, computed.
#include <gtest/gtest.h>

#include "core/timezone.hpp"

using namespace palabre::core;

namespace {
std::int64_t utc(int y, int mo, int d, int h, int mi, int s = 0) {
  return (days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s) * 1000;
}
std::string local(const char* zone, std::int64_t at) { return format_iso_local(to_local(*parse_timezone(zone), at)); }
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
