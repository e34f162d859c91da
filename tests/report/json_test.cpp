// The JSON renderer: the model with a versioned schema, parseable, anonymity kept.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/render.hpp"
#include "sample_report.hpp"

namespace palabre::report {
namespace {
using testing::sample_report;
using nlohmann::json;

json parsed(const Report& report) { return json::parse(render_json(report), nullptr, false); }

TEST(ReportJson, GivenASession_WhenRendered_ThenItNamesItsSchemaAndVersion) {
  const json j = parsed(sample_report(Lang::fr));
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["schema"], "palabre-report");
  EXPECT_EQ(j["version"], kReportSchemaVersion);
  EXPECT_EQ(j["lang"], "fr");
}

TEST(ReportJson, GivenASession_WhenRendered_ThenHeaderAndActivityFiguresAreThere) {
  const json j = parsed(sample_report(Lang::fr));
  EXPECT_EQ(j["header"]["date"], "2022-10-05");
  EXPECT_EQ(j["header"]["participants"], 71);
  const json& challenge = j["activities"][0];
  EXPECT_EQ(challenge["kind"], "challenge");
  EXPECT_EQ(challenge["detail"]["winner"], "Gaëlle Lecart");
  EXPECT_EQ(challenge["detail"]["attempts"], 3);
  EXPECT_EQ(challenge["detail"]["winner_attempts"], 2);
  EXPECT_EQ(challenge["detail"]["seconds_to_win"], 27);
  EXPECT_EQ(challenge["participation"]["percent"], 3);
  EXPECT_EQ(j["activities"][4]["headline"]["display"], "37 /71 votes");
  EXPECT_DOUBLE_EQ(j["activities"][4]["detail"]["rating"]["average"].get<double>(), 4.2);
  const json& q2 = j["activities"][1]["detail"]["questions"][1];
  EXPECT_EQ(q2["kind"], "single_choice");
  EXPECT_EQ(q2["choices"][1]["percent"], 56);
}

TEST(ReportJson, GivenAnAnonymousQuestion_WhenRendered_ThenItsAuthorIsNull) {
  const json j = parsed(sample_report(Lang::fr));
  EXPECT_TRUE(j["activities"][6]["anonymous"].get<bool>());
  EXPECT_TRUE(j["activities"][6]["detail"]["questions"][0]["author"].is_null());
}

TEST(ReportJson, GivenMessages_WhenRendered_ThenTimesAreIso8601WithOffset) {
  const json j = parsed(sample_report(Lang::fr));
  EXPECT_EQ(j["messages"][0]["at"], "2022-10-06T10:06:03+02:00");
  EXPECT_EQ(j["messages"][0]["author"], "Gaëlle Lecart");
}

TEST(ReportJson, GivenInvalidUtf8InUserText_WhenRendered_ThenItIsReplacedNotFatal) {
  Report report = sample_report(Lang::fr);
  report.messages.push_back({"bad", std::string("caf\xC3", 4), {}});
  const json j = parsed(report);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["messages"].back()["text"], "caf\xEF\xBF\xBD");
}

TEST(ReportJson, GivenControlCharactersAndQuotes_WhenRendered_ThenTheyAreEscapedAndReadBack) {
  Report report = sample_report(Lang::fr);
  const std::string tricky = std::string("tab\tquote\"back\\slash\x01 end", 25);
  report.messages.push_back({"x", tricky, {}});
  const json j = parsed(report);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["messages"].back()["text"], tricky);
  EXPECT_NE(render_json(report).find("\\u0001"), std::string::npos);
}

TEST(ReportJson, GivenABoard_WhenRendered_ThenCoordinatesAreNumbers) {
  const json j = parsed(sample_report(Lang::fr));
  const json& board = j["activities"][3]["detail"];
  EXPECT_DOUBLE_EQ(board["width"].get<double>(), 1200.0);
  EXPECT_DOUBLE_EQ(board["notes"][0]["x"].get<double>(), 40.0);
  EXPECT_EQ(board["zones"][2]["label"], "Réseau national");
}

TEST(ReportJson, GivenTheSameReport_WhenRenderedTwice_ThenTheBytesAreEqual) {
  EXPECT_EQ(render_json(sample_report(Lang::en)), render_json(sample_report(Lang::en)));
}

}  // namespace
}  // namespace palabre::report
