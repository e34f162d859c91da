// Locale formatting reproduces the seed's own figures, in French and English.
#include <gtest/gtest.h>

#include "report/locale.hpp"

namespace palabre::report {
namespace {

TEST(ReportLocale, GivenAnAverageInTenths_WhenFormattedInFrench_ThenItUsesADecimalComma) {
  EXPECT_EQ(format_tenths(43, Lang::fr), "4,3");
  EXPECT_EQ(format_tenths(42, Lang::fr), "4,2");
  EXPECT_EQ(format_tenths(50, Lang::fr), "5,0");
}

TEST(ReportLocale, GivenAnAverageInTenths_WhenFormattedInEnglish_ThenItUsesADecimalPoint) {
  EXPECT_EQ(format_tenths(43, Lang::en), "4.3");
  EXPECT_EQ(format_tenths(-7, Lang::en), "-0.7");
}

TEST(ReportLocale, GivenLargeCounts_WhenFormatted_ThenThousandsAreGroupedPerLocale) {
  EXPECT_EQ(format_count(71, Lang::fr), "71");
  EXPECT_EQ(format_count(10000, Lang::fr), "10\u202F000");
  EXPECT_EQ(format_count(1234567, Lang::en), "1,234,567");
  EXPECT_EQ(format_count(100000, Lang::en), "100,000");
  EXPECT_EQ(format_count(-1500, Lang::en), "-1,500");
}

TEST(ReportLocale, GivenAPercentage_WhenFormatted_ThenFrenchPutsANarrowNoBreakSpaceBeforeTheSign) {
  EXPECT_EQ(format_percent(3, Lang::fr), "3\u202F%");
  EXPECT_EQ(format_percent(36, Lang::en), "36%");
}

TEST(ReportLocale, GivenAFrenchLabelWithAColon_WhenRead_ThenANarrowNoBreakSpaceComesBeforeIt) {
  EXPECT_NE(labels(Lang::fr).anonymous_activity.find("anonyme\u202F:"), std::string_view::npos);
}

TEST(ReportLocale, GivenTheSeedSessionDate_WhenFormatted_ThenItReadsAsTheSeedWritesIt) {
  EXPECT_EQ(format_date(Date{2022, 10, 5}, Lang::fr), "5 oct. 2022");
  EXPECT_EQ(format_date(Date{2022, 10, 5}, Lang::en), "Oct 5, 2022");
  EXPECT_EQ(format_date(Date{2023, 2, 14}, Lang::fr), "14 févr. 2023");
  EXPECT_EQ(format_date(Date{}, Lang::fr), "");
}

TEST(ReportLocale, GivenAMessageInstantInParis_WhenFormatted_ThenLocalWallClockTimeIsShown) {
  const Moment first_message{1665043563000, 120};  // 2022-10-06T08:06:03Z, UTC+2
  EXPECT_EQ(format_date_time(first_message, Lang::fr), "6 oct. 2022, 10:06:03");
  EXPECT_EQ(format_date_time(first_message, Lang::en), "Oct 6, 2022, 10:06:03");
  EXPECT_EQ(format_iso8601(first_message), "2022-10-06T10:06:03+02:00");
}

TEST(ReportLocale, GivenAnOffsetThatCrossesMidnight_WhenFormatted_ThenTheLocalDateChanges) {
  const Moment late_utc{1665100800000 - 1000, 120};  // 2022-10-06T23:59:59Z → 7 oct. 01:59:59
  EXPECT_EQ(format_date_time(late_utc, Lang::fr), "7 oct. 2022, 01:59:59");
  const Moment new_york{1665043563000, -240};
  EXPECT_EQ(format_iso8601(new_york), "2022-10-06T04:06:03-04:00");
}

TEST(ReportLocale, GivenCounts_WhenCounted_ThenFrenchUsesTheSingularForZeroAndOne) {
  const Labels& fr = labels(Lang::fr);
  const Labels& en = labels(Lang::en);
  EXPECT_EQ(counted(2, fr.attempt_one, fr.attempt_many, Lang::fr), "2 tentatives");
  EXPECT_EQ(counted(1, fr.attempt_one, fr.attempt_many, Lang::fr), "1 tentative");
  EXPECT_EQ(counted(0, fr.idea_one, fr.idea_many, Lang::fr), "0 idée");
  EXPECT_EQ(counted(0, en.idea_one, en.idea_many, Lang::en), "0 ideas");
  EXPECT_EQ(counted(27, fr.second_one, fr.second_many, Lang::fr), "27 secondes");
}

TEST(ReportLocale, GivenEachHeadlineOfTheSeed_WhenFormatted_ThenTheSummaryLineReadsTheSame) {
  EXPECT_EQ(format_headline({HeadlineKind::answer, 0, 0, "26/09/2022"}, Lang::fr), "26/09/2022");
  EXPECT_EQ(format_headline({HeadlineKind::questions, 5, 0, ""}, Lang::fr), "5 questions");
  EXPECT_EQ(format_headline({HeadlineKind::ideas, 46, 0, ""}, Lang::fr), "46 idées");
  EXPECT_EQ(format_headline({HeadlineKind::ideas_posted, 107, 0, ""}, Lang::fr), "107 idées postées");
  EXPECT_EQ(format_headline({HeadlineKind::votes_over_participants, 37, 71, ""}, Lang::fr), "37 /71 votes");
  EXPECT_EQ(format_headline({HeadlineKind::votes_over_participants, 37, 71, ""}, Lang::en), "37 /71 votes");
  EXPECT_EQ(format_headline({HeadlineKind::ideas_posted, 107, 0, ""}, Lang::en), "107 ideas posted");
}

TEST(ReportLocale, GivenQuestionKinds_WhenLabelled_ThenTheSeedsWordsAreUsed) {
  EXPECT_EQ(kind_label(QuestionKind::multiple_choice, false, Lang::fr), "choix multiples");
  EXPECT_EQ(kind_label(QuestionKind::rating, true, Lang::fr), "évaluation avec commentaires");
  EXPECT_EQ(kind_label(QuestionKind::ranking, false, Lang::en), "ranking");
  EXPECT_EQ(kind_label(ActivityKind::challenge, Lang::fr), "live challenge");
}

TEST(ReportLocale, GivenAReport_WhenItsContentsAreListed_ThenTheyFollowTheSeedsSommaire) {
  Report report;
  Activity activity;
  activity.id = "a1";
  activity.title = "Défi";
  report.activities.push_back(activity);
  report.presentations.push_back(Presentation{"p1", "Slides", {}});
  report.messages.push_back(Authored{"A", "hello", {}});
  const auto toc = table_of_contents(report);
  ASSERT_EQ(toc.size(), 5u);
  EXPECT_EQ(toc[0].label, "Compte-rendu");
  EXPECT_EQ(toc[1].label, "Activités");
  EXPECT_EQ(toc[2].anchor, "a1");
  EXPECT_EQ(toc[2].level, 2);
  EXPECT_EQ(toc[3].label, "Présentations");
  EXPECT_EQ(toc[4].label, "Messages");
}

TEST(ReportLocale, GivenAReportWithoutMessagesOrPresentations_WhenListed_ThenThoseSectionsAreLeftOut) {
  Report report;
  report.lang = Lang::en;
  const auto toc = table_of_contents(report);
  ASSERT_EQ(toc.size(), 1u);
  EXPECT_EQ(toc[0].label, "Report");
}

}  // namespace
}  // namespace palabre::report
