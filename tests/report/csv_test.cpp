// The CSV renderer: one row per record, RFC 4180 quoting, anonymity, formula safety.
#include <gtest/gtest.h>

#include "report/render.hpp"
#include "sample_report.hpp"

namespace palabre::report {
namespace {
using testing::sample_report;

std::vector<std::string> rows_of(const std::string& csv) {
  std::vector<std::string> rows;
  std::size_t start = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    if (csv[i] == '"') quoted = !quoted;
    if (!quoted && csv[i] == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
      rows.push_back(csv.substr(start, i - start));
      start = i + 2;
      ++i;
    }
  }
  return rows;
}

TEST(ReportCsv, GivenASession_WhenRendered_ThenTheHeaderNamesTheDocumentedColumns) {
  const auto rows = rows_of(render_csv(sample_report(Lang::fr)));
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0], "activity_id,activity_kind,activity,question,record,participant,value,time");
}

TEST(ReportCsv, GivenASession_WhenRendered_ThenThereIsOneRowPerRecordAndMessage) {
  const Report report = sample_report(Lang::fr);
  std::size_t records = 0;
  for (const Activity& a : report.activities) records += a.records.size();
  const auto rows = rows_of(render_csv(report));
  EXPECT_EQ(rows.size(), 1 + records + report.messages.size());
}

TEST(ReportCsv, GivenAMessage_WhenRendered_ThenItsRowHasAuthorTextAndIsoTime) {
  const std::string csv = render_csv(sample_report(Lang::fr));
  EXPECT_NE(csv.find("messages,messages,Messages,,message,Gaëlle Lecart,Découverte de Klaxoon. Ravie.,"
                     "2022-10-06T10:06:03+02:00\r\n"),
            std::string::npos);
}

TEST(ReportCsv, GivenFieldsWithCommasQuotesAndNewlines_WhenRendered_ThenTheyAreQuoted) {
  Report report = sample_report(Lang::fr);
  report.messages = {{"Dupont, Jean", "il a dit \"oui\"\net puis non", {}}};
  const std::string csv = render_csv(report);
  EXPECT_NE(csv.find(",\"Dupont, Jean\",\"il a dit \"\"oui\"\"\net puis non\",\r\n"), std::string::npos);
}

TEST(ReportCsv, GivenAValueThatLooksLikeAFormula_WhenRendered_ThenASpreadsheetWillNotRunIt) {
  Report report = sample_report(Lang::fr);
  report.messages = {{"x", "=HYPERLINK(\"http://evil\")", {}}, {"y", "- une liste", {}}, {"z", "-3", {}}};
  const std::string csv = render_csv(report);
  EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"http://evil\"\")\","), std::string::npos);
  EXPECT_NE(csv.find(",- une liste,"), std::string::npos);
  EXPECT_NE(csv.find(",-3,"), std::string::npos);
}

TEST(ReportCsv, GivenAnAnonymousActivity_WhenRendered_ThenTheParticipantColumnIsBlank) {
  const std::string csv = render_csv(sample_report(Lang::fr));
  EXPECT_EQ(csv.find("Secret Person"), std::string::npos);
  EXPECT_NE(csv.find("a7,qna,Vos questions,,question,,Quand sort l'étude ?,"), std::string::npos);
}

TEST(ReportCsv, GivenAnswersIdeasLikesAndVotes_WhenRendered_ThenEachKindIsNamed) {
  const std::string csv = render_csv(sample_report(Lang::fr));
  EXPECT_NE(csv.find(",attempt,Gaëlle Lecart,25/09/2022,2022-10-05T10:00:10+02:00"), std::string::npos);
  EXPECT_NE(csv.find(",answer,Julie,ce mois ci,"), std::string::npos);
  EXPECT_NE(csv.find(",idea,Julie,Réflexion,"), std::string::npos);
  EXPECT_NE(csv.find(",like,claire,1,"), std::string::npos);
  EXPECT_NE(csv.find(",vote,Julie,5,"), std::string::npos);
}

}  // namespace
}  // namespace palabre::report
