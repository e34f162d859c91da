// The HTML renderer: self-contained, well-formed, with the seed's figures, charts and pictures.
#include <gtest/gtest.h>

#include "html_check.hpp"
#include "report/render.hpp"
#include "sample_report.hpp"

namespace palabre::report {
namespace {
using testing::sample_report;
using testing::visible_text;

std::size_t occurrences(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t i = haystack.find(needle); i != std::string_view::npos; i = haystack.find(needle, i + 1)) ++n;
  return n;
}

TEST(ReportHtml, GivenASession_WhenRendered_ThenTheFileRequestsNothingExternal) {
  const std::string html = render_html(sample_report(Lang::fr));
  EXPECT_EQ(testing::external_references(html), std::vector<std::string>{});
}

TEST(ReportHtml, GivenASession_WhenRendered_ThenEveryElementIsClosed) {
  EXPECT_EQ(testing::balance_problem(render_html(sample_report(Lang::fr))), "");
  EXPECT_EQ(testing::balance_problem(render_html(sample_report(Lang::en))), "");
}

TEST(ReportHtml, GivenASession_WhenRendered_ThenTheHeaderReadsAsTheSeeds) {
  const std::string text = visible_text(render_html(sample_report(Lang::fr)));
  EXPECT_NE(text.find("Compte-rendu de la Session"), std::string::npos);
  EXPECT_NE(text.find("Café TMNlab | Stratégie numérique culturelle"), std::string::npos);
  EXPECT_NE(text.find("5 oct. 2022"), std::string::npos);
  EXPECT_NE(text.find("Animé par Anne Le Gall"), std::string::npos);
  EXPECT_NE(text.find("Sommaire Compte-rendu Activités"), std::string::npos);
}

TEST(ReportHtml, GivenTheLiveChallenge_WhenRendered_ThenItsBlockShowsWinnerAttemptsSecondsAndParticipation) {
  const std::string text = visible_text(render_html(sample_report(Lang::fr)));
  EXPECT_NE(text.find("« 26/09/2022 »"), std::string::npos);
  EXPECT_NE(text.find("gagné par Gaëlle Lecart"), std::string::npos);
  EXPECT_NE(text.find("2 tentatives du gagnant"), std::string::npos);
  EXPECT_NE(text.find("3 tentatives en tout"), std::string::npos);
  EXPECT_NE(text.find("27 secondes"), std::string::npos);
  EXPECT_NE(text.find("3\u202F% participation"), std::string::npos);
}

TEST(ReportHtml, GivenTheActivitiesList_WhenRendered_ThenEachLineHasItsHeadlineFigure) {
  const std::string text = visible_text(render_html(sample_report(Lang::fr)));
  EXPECT_NE(text.find("26/09/2022"), std::string::npos);
  EXPECT_NE(text.find("4 questions"), std::string::npos);
  EXPECT_NE(text.find("3 idées"), std::string::npos);
  EXPECT_NE(text.find("2 idées postées"), std::string::npos);
  EXPECT_NE(text.find("37 /71 votes"), std::string::npos);
}

TEST(ReportHtml, GivenChoiceQuestionsAndRatings_WhenRendered_ThenEachHasAnInlineSvgChart) {
  const std::string html = render_html(sample_report(Lang::fr));
  // Two single-choice questions, one ranking, one rating question, the live vote, one quiz question.
  EXPECT_EQ(occurrences(html, "<svg class=\"chart wide\""), 6u);
  EXPECT_EQ(occurrences(html, "<svg class=\"chart narrow\""), 6u);
  const std::string text = visible_text(html);
  EXPECT_NE(text.find("36\u202F% · 9"), std::string::npos);
  EXPECT_NE(text.find("56\u202F% · 25"), std::string::npos);
  EXPECT_NE(text.find("4,3"), std::string::npos);
  EXPECT_NE(text.find("Moyenne du groupe"), std::string::npos);
  EXPECT_NE(text.find("4,2"), std::string::npos);
  EXPECT_NE(text.find("moyenne du groupe"), std::string::npos);
}

TEST(ReportHtml, GivenSurveyQuestions_WhenRendered_ThenKindsChoiceCountsHintsAndOpenAnswersShow) {
  const std::string text = visible_text(render_html(sample_report(Lang::fr)));
  EXPECT_NE(text.find("Nombre de participants"), std::string::npos);
  EXPECT_NE(text.find("Nombre de questions"), std::string::npos);
  EXPECT_NE(text.find("choix unique · 4 choix"), std::string::npos);
  EXPECT_NE(text.find("classement · 3 éléments"), std::string::npos);
  EXPECT_NE(text.find("évaluation avec commentaires"), std::string::npos);
  EXPECT_NE(text.find("Nom du dispositif sollicité"), std::string::npos);
  EXPECT_NE(text.find("Eudes Peyre PIA 4 & découvrabilité"), std::string::npos);
  EXPECT_NE(text.find("commentaires"), std::string::npos);
  EXPECT_NE(text.find("claire Beaucoup plus intuitif"), std::string::npos);
}

TEST(ReportHtml, GivenTheBoard_WhenRendered_ThenItIsDrawnWithZonesAndPostIts) {
  const std::string html = render_html(sample_report(Lang::fr));
  const std::size_t board = html.find("<svg class=\"board\"");
  ASSERT_NE(board, std::string::npos);
  const std::string picture = html.substr(board, html.find("</svg>", board) - board);
  EXPECT_NE(picture.find("viewBox=\"0 0 1200 700\""), std::string::npos);
  EXPECT_NE(picture.find("Réseau national"), std::string::npos);
  EXPECT_NE(picture.find(">Partager des<"), std::string::npos);
  EXPECT_NE(picture.find("♥ 3"), std::string::npos);
}

TEST(ReportHtml, GivenAQuiz_WhenRendered_ThenAPodiumAndLeaderboardShow) {
  const std::string html = render_html(sample_report(Lang::fr));
  const std::size_t podium = html.find("<svg class=\"podium\"");
  ASSERT_NE(podium, std::string::npos);
  const std::string picture = html.substr(podium, html.find("</svg>", podium) - podium);
  EXPECT_NE(picture.find("Julie"), std::string::npos);
  EXPECT_NE(picture.find("Eliane"), std::string::npos);
  EXPECT_NE(picture.find("claire"), std::string::npos);
  EXPECT_EQ(picture.find("Olivier V."), std::string::npos);
  EXPECT_NE(visible_text(html).find("4 Olivier V. 0 0"), std::string::npos);
}

TEST(ReportHtml, GivenAnAnonymousActivity_WhenRendered_ThenNoAuthorIsShownAndItIsSaid) {
  const std::string html = render_html(sample_report(Lang::fr));
  const std::size_t qna = html.find("id=\"a7\"");
  ASSERT_NE(qna, std::string::npos);
  const std::string block = visible_text(html.substr(qna, html.find("</article>", qna) - qna));
  EXPECT_NE(block.find("Anonyme"), std::string::npos);
  EXPECT_NE(block.find("Activité anonyme"), std::string::npos);
  EXPECT_EQ(html.find("Secret Person"), std::string::npos);
}

TEST(ReportHtml, GivenQuestionsAndAnswers_WhenRendered_ThenTheyAreOrderedByVotesWithTheirState) {
  const std::string text = visible_text(render_html(sample_report(Lang::fr)));
  const std::size_t first = text.find("Quand sort l'étude ?");
  const std::size_t second = text.find("Le café suivant ?");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_NE(text.find("5 votes Quand sort l'étude ? répondue"), std::string::npos);
}

TEST(ReportHtml, GivenPresentationsAndMessages_WhenRendered_ThenPagesAndTimedMessagesShow) {
  const std::string text = visible_text(render_html(sample_report(Lang::fr)));
  EXPECT_NE(text.find("Nombre de présentations 1"), std::string::npos);
  EXPECT_NE(text.find("Développement TMNlab 2 pages"), std::string::npos);
  EXPECT_NE(text.find("Page 1 Une communauté apprenante 840 membres depuis 2013"), std::string::npos);
  EXPECT_NE(text.find("Nombre de messages 2"), std::string::npos);
  EXPECT_NE(text.find("Gaëlle Lecart 6 oct. 2022, 10:06:03 Découverte de Klaxoon"), std::string::npos);
}

TEST(ReportHtml, GivenUserTextWithMarkup_WhenRendered_ThenItIsEscaped) {
  Report report = sample_report(Lang::fr);
  report.messages.push_back({"<img src=x onerror=alert(1)>", "<script>alert(1)</script>", {}});
  const std::string html = render_html(report);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<img src=x"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
}

TEST(ReportHtml, GivenAPageImageThatIsNotAnImage_WhenRendered_ThenItIsLeftOut) {
  Report report = sample_report(Lang::fr);
  report.presentations[0].pages[0].image_mime = "text/html";
  report.presentations[0].pages[0].image_base64 = "PHNjcmlwdD4=";
  report.presentations[0].pages[1].image_mime = "image/png";
  report.presentations[0].pages[1].image_base64 = "iVBORw0KGgo\"onerror=\"x";
  const std::string html = render_html(report);
  EXPECT_EQ(html.find("data:text/html"), std::string::npos);
  EXPECT_EQ(html.find("onerror"), std::string::npos);
}

TEST(ReportHtml, GivenAPageWithAnEmbeddedImage_WhenRendered_ThenItIsADataUri) {
  Report report = sample_report(Lang::fr);
  report.presentations[0].pages[0].image_mime = "image/png";
  report.presentations[0].pages[0].image_base64 = "iVBORw0KGgo=";
  EXPECT_NE(render_html(report).find("src=\"data:image/png;base64,iVBORw0KGgo=\""), std::string::npos);
}

TEST(ReportHtml, GivenAnyReport_WhenRendered_ThenItIsPhoneReadyAndPrintable) {
  const std::string html = render_html(sample_report(Lang::en));
  EXPECT_NE(html.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("break-inside:avoid"), std::string::npos);
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
}

TEST(ReportHtml, GivenEnglish_WhenRendered_ThenLabelsNumbersAndDatesAreEnglish) {
  const std::string text = visible_text(render_html(sample_report(Lang::en)));
  EXPECT_NE(text.find("Hosted by Anne Le Gall"), std::string::npos);
  EXPECT_NE(text.find("Oct 5, 2022"), std::string::npos);
  EXPECT_NE(text.find("“26/09/2022” won by Gaëlle Lecart"), std::string::npos);
  EXPECT_NE(text.find("4.3"), std::string::npos);
  EXPECT_NE(text.find("3% participation"), std::string::npos);
  EXPECT_NE(text.find("Oct 6, 2022, 10:06:03"), std::string::npos);
  EXPECT_EQ(text.find("Animé par"), std::string::npos);
}

TEST(ReportHtml, GivenAnEmptySession_WhenRendered_ThenItStillMakesAValidDocument) {
  Report empty;
  const std::string html = render_html(empty);
  EXPECT_EQ(testing::balance_problem(html), "");
  EXPECT_EQ(html.find("id=\"messages\""), std::string::npos);
}

}  // namespace
}  // namespace palabre::report
