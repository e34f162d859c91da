// The Session → report model mapping: figures from core, names, anonymity, hiding, time zone.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/aggregates.hpp"
#include "core/board_layout.hpp"
#include "core/session.hpp"
#include "report/from_session.hpp"
#include "report/render.hpp"
#include "report/text.hpp"

namespace palabre::report {
namespace {

constexpr std::int64_t kStart = 1664956800000;  // 2022-10-05T08:00:00Z = 10:00 in Paris

// Drives a core session through apply(), failing the test on any rejection.
struct Workshop {
  core::Session session;
  std::int64_t seq = 0;
  std::int64_t at = kStart;

  std::int64_t send(const std::string& from, core::Event ev, std::int64_t seconds_later = 1) {
    at += seconds_later * 1000;
    core::Envelope e;
    e.seq = ++seq;
    e.at = at;
    e.from = from;
    e.role = from.starts_with("h") ? core::Role::host : from == "relay" ? core::Role::relay : core::Role::participant;
    e.ev = std::move(ev);
    const core::Outcome outcome = core::apply(session, e);
    EXPECT_TRUE(outcome.accepted()) << core::event_type(e.ev) << " from " << from << ": " << outcome.code();
    return e.seq;
  }
  void join(int n) {
    for (int i = 1; i <= n; ++i) send("p" + std::to_string(i), core::ParticipantJoin{"Person " + std::to_string(i)});
  }
  std::int64_t add(core::ActivitySpec spec) {
    const std::int64_t id = send("h1", core::ActivityAdd{std::move(spec)});
    send("h1", core::ActivityStart{id});
    return id;
  }
};

Workshop configured(std::string locale = "fr") {
  Workshop w;
  core::SessionConfigure configure;
  configure.title = "Café";
  configure.host = "Anne Le Gall";
  configure.date = "2022-10-05";
  configure.locale = locale;
  configure.timezone = "Europe/Paris";
  w.send("h1", configure);
  return w;
}

core::ActivitySpec spec(core::ActivityKind kind, std::string title) {
  core::ActivitySpec s;
  s.kind = kind;
  s.title = std::move(title);
  return s;
}

TEST(ReportFromSession, GivenASessionConfiguration_WhenMapped_ThenTheHeaderCarriesIt) {
  Workshop w = configured();
  w.join(3);
  const Report r = build_report(w.session);
  EXPECT_EQ(r.lang, Lang::fr);
  EXPECT_EQ(r.header.title, "Café");
  EXPECT_EQ(r.header.host, "Anne Le Gall");
  EXPECT_EQ(r.header.date.year, 2022);
  EXPECT_EQ(r.header.date.month, 10);
  EXPECT_EQ(r.header.date.day, 5);
  EXPECT_EQ(r.header.participants, 3);
}

TEST(ReportFromSession, GivenAnEnglishSession_WhenMappedWithoutOverride_ThenTheReportIsEnglish) {
  Workshop w = configured("en");
  EXPECT_EQ(build_report(w.session).lang, Lang::en);
  EXPECT_EQ(build_report(w.session, Lang::fr).lang, Lang::fr);
}

TEST(ReportFromSession, GivenAChallengeWonOnTheSecondAttempt_WhenMapped_ThenItsFiguresAreCoresFigures) {
  Workshop w = configured();
  w.join(71);
  auto s = spec(core::ActivityKind::challenge, "A quelle date ?");
  s.hint = "(jj/mm/aaaa)";
  s.answers = {"26/09/2022"};
  const std::int64_t id = w.add(s);
  w.send("p5", core::ChallengeAttempt{id, "25/09/2022"}, 10);
  w.send("p1", core::ChallengeAttempt{id, "01/01/2022"}, 5);
  w.send("p5", core::ChallengeAttempt{id, "26/09/2022"}, 12);
  const Report r = build_report(w.session);
  ASSERT_EQ(r.activities.size(), 1u);
  const Activity& a = r.activities[0];
  const auto& d = std::get<ChallengeDetail>(a.detail);
  EXPECT_TRUE(d.won);
  EXPECT_EQ(d.winner, "Person 5");
  EXPECT_EQ(d.answer, "26/09/2022");
  EXPECT_EQ(d.hint, "(jj/mm/aaaa)");
  EXPECT_EQ(d.attempts, 3);
  EXPECT_EQ(d.winner_attempts, 2);
  EXPECT_EQ(d.seconds_to_win, 27);
  EXPECT_EQ(a.participation.took_part, 2);
  EXPECT_EQ(a.participation.session_participants, 71);
  EXPECT_EQ(a.participation.percent, 3);
  EXPECT_EQ(a.headline.kind, HeadlineKind::answer);
  EXPECT_EQ(a.headline.text, "26/09/2022");
  ASSERT_EQ(a.records.size(), 3u);
  EXPECT_EQ(a.records[0].participant, "Person 5");
  EXPECT_EQ(a.records[0].at.offset_minutes, 120);
}

TEST(ReportFromSession, GivenSurveyAnswers_WhenMapped_ThenChoicesCarryCoresRoundedPercentages) {
  Workshop w = configured();
  w.join(44);
  auto s = spec(core::ActivityKind::survey, "Votre usage");
  core::SurveyQuestion photo;
  photo.kind = core::QuestionKind::single;
  photo.text = "Avez vous mis une photo de profil ?";
  photo.choices = {"non et jamais de la vie", "non mais promis", "oui mais vieille", "oui et récente"};
  s.questions = {photo};
  const std::int64_t id = w.add(s);
  // 4 / 25 / 7 / 8 of 44 → 9 / 57 / 16 / 18; the seed's 9/56/16/20 comes from 4/25/7/9 of 45 people.
  const int counts[] = {4, 25, 7, 8};
  int person = 1;
  for (int choice = 0; choice < 4; ++choice)
    for (int k = 0; k < counts[choice]; ++k)
      w.send("p" + std::to_string(person++), core::SurveyAnswer{id, 0, {choice}, "", 0, ""});
  const Report r = build_report(w.session);
  const auto& q = std::get<SurveyDetail>(r.activities[0].detail).questions[0];
  EXPECT_EQ(q.kind, QuestionKind::single_choice);
  EXPECT_EQ(q.respondents, 44);
  ASSERT_EQ(q.choices.size(), 4u);
  EXPECT_EQ(q.choices[1].label, "non mais promis");
  EXPECT_EQ(q.choices[1].count, 25);
  EXPECT_EQ(q.choices[0].percent, 9);
  EXPECT_EQ(q.choices[1].percent, 57);
  EXPECT_EQ(q.choices[2].percent, 16);
  EXPECT_EQ(q.choices[3].percent, 18);
  EXPECT_EQ(r.activities[0].headline.kind, HeadlineKind::questions);
  EXPECT_EQ(r.activities[0].headline.value, 1);
  EXPECT_EQ(r.activities[0].records.size(), 44u);
}

TEST(ReportFromSession, GivenOpenAnswersAndARatingWithComments_WhenMapped_ThenAuthorsAverageAndCommentsShow) {
  Workshop w = configured();
  w.join(3);
  auto s = spec(core::ActivityKind::survey, "Avis");
  core::SurveyQuestion open;
  open.kind = core::QuestionKind::open;
  open.text = "Si oui, pouvez-vous préciser ?";
  open.hint = "Nom du dispositif";
  core::SurveyQuestion rating;
  rating.kind = core::QuestionKind::rating;
  rating.text = "Que pensez-vous du site ?";
  rating.comment = true;
  s.questions = {open, rating};
  const std::int64_t id = w.add(s);
  w.send("p2", core::SurveyAnswer{id, 0, {}, "PIA 4 & découvrabilité", 0, ""});
  w.send("p1", core::SurveyAnswer{id, 0, {}, "Fonds pour les ICC", 0, ""});
  w.send("p1", core::SurveyAnswer{id, 1, {}, "", 4, "top bravo !"});
  w.send("p2", core::SurveyAnswer{id, 1, {}, "", 5, ""});
  w.send("p3", core::SurveyAnswer{id, 1, {}, "", 4, ""});
  const Report r = build_report(w.session);
  const auto& questions = std::get<SurveyDetail>(r.activities[0].detail).questions;
  ASSERT_EQ(questions[0].answers.size(), 2u);
  EXPECT_EQ(questions[0].hint, "Nom du dispositif");
  EXPECT_EQ(questions[0].answers[0].author, "Person 2");  // in the order they were given
  EXPECT_EQ(questions[0].answers[0].text, "PIA 4 & découvrabilité");
  EXPECT_EQ(questions[1].rating.average_tenths, 43);
  EXPECT_EQ(questions[1].rating.votes, 3);
  ASSERT_EQ(questions[1].rating.distribution.size(), 5u);
  EXPECT_EQ(questions[1].rating.distribution[3], 2);
  ASSERT_EQ(questions[1].comments.size(), 1u);
  EXPECT_EQ(questions[1].comments[0].author, "Person 1");
  EXPECT_EQ(questions[1].comments[0].text, "top bravo !");
}

TEST(ReportFromSession, GivenAnAnonymousSurvey_WhenMappedAndRendered_ThenNoNameAppearsAnywhere) {
  Workshop w = configured();
  w.join(2);
  auto s = spec(core::ActivityKind::survey, "Anonyme");
  s.anonymous = true;
  core::SurveyQuestion open;
  open.kind = core::QuestionKind::open;
  open.text = "Un secret ?";
  s.questions = {open};
  const std::int64_t id = w.add(s);
  w.send("p1", core::SurveyAnswer{id, 0, {}, "mon secret", 0, ""});
  const Report r = build_report(w.session);
  const auto& q = std::get<SurveyDetail>(r.activities[0].detail).questions[0];
  ASSERT_EQ(q.answers.size(), 1u);
  EXPECT_EQ(q.answers[0].author, "");
  EXPECT_EQ(r.activities[0].records.at(0).participant, "");
  for (Format f : {Format::html, Format::markdown, Format::csv, Format::json}) {
    const std::string out = render(r, f);
    EXPECT_NE(out.find("mon secret"), std::string::npos);
    EXPECT_EQ(out.find("Person 1"), std::string::npos) << file_extension(f);
  }
}

TEST(ReportFromSession, GivenIdeasInCategoriesWithLikes_WhenMapped_ThenTheyAreGroupedMostLikedFirst) {
  Workshop w = configured();
  w.join(3);
  auto s = spec(core::ActivityKind::brainstorm, "Votre rapport au TMNlab");
  s.categories = {"Communauté", "Ressources"};
  const std::int64_t id = w.add(s);
  const std::int64_t a = w.send("p1", core::IdeaPost{id, "Partager", 0, 0, 0, ""});
  const std::int64_t b = w.send("p2", core::IdeaPost{id, "Se former", 0, 0, 0, ""});
  w.send("p3", core::IdeaPost{id, "Fiches", 1, 0, 0, ""});
  w.send("p1", core::IdeaLike{id, b, true});
  w.send("p3", core::IdeaLike{id, b, true});
  w.send("p2", core::IdeaLike{id, a, true});
  const Report r = build_report(w.session);
  const auto& d = std::get<BrainstormDetail>(r.activities[0].detail);
  EXPECT_EQ(d.idea_count, 3);
  ASSERT_EQ(d.groups.size(), 2u);
  EXPECT_EQ(d.groups[0].category, "Communauté");
  ASSERT_EQ(d.groups[0].ideas.size(), 2u);
  EXPECT_EQ(d.groups[0].ideas[0].text, "Se former");
  EXPECT_EQ(d.groups[0].ideas[0].likes, 2);
  EXPECT_EQ(d.groups[0].ideas[0].author, "Person 2");
  EXPECT_EQ(d.groups[1].ideas[0].text, "Fiches");
  EXPECT_FALSE(d.one_word);  // sorted into categories: shown by category, not as a cloud
  EXPECT_EQ(r.activities[0].headline.kind, HeadlineKind::ideas);
  EXPECT_EQ(r.activities[0].headline.value, 3);
  EXPECT_EQ(r.activities[0].participation.took_part, 3);
}

// The word cloud is core's figure (IdeaFigures::words), never recounted by a renderer.
Workshop cloud_workshop() {
  Workshop w = configured();
  w.join(2);
  const std::int64_t id = w.add(spec(core::ActivityKind::brainstorm, "Un mot pour votre rentrée ?"));
  for (const char* text : {"Élan", "ÉLAN", "élan", "Œuvre", "œuvre", "Rentrée intense"})
    w.send("p1", core::IdeaPost{id, text, -1, 0, 0, ""});
  return w;
}

TEST(ReportWordCloud, GivenWordsInSeveralSpellings_WhenMapped_ThenTheCloudIsCoresWords) {
  const Workshop w = cloud_workshop();
  const Report r = build_report(w.session);
  const auto& d = std::get<BrainstormDetail>(r.activities[0].detail);
  const core::IdeaFigures f = core::idea_figures(w.session, w.session.activities.front());
  ASSERT_EQ(d.words.size(), f.words.size());
  for (std::size_t i = 0; i < d.words.size(); ++i) {
    EXPECT_EQ(d.words[i].text, f.words[i].first);
    EXPECT_EQ(d.words[i].count, f.words[i].second);
  }
  EXPECT_EQ(d.one_word, f.cloud);
  EXPECT_TRUE(d.one_word);
}

TEST(ReportWordCloud, GivenWordsInSeveralSpellings_WhenRenderedInHtml_ThenOneEntryPerWordMostFrequentFirst) {
  const std::string html = render(build_report(cloud_workshop().session), Format::html);
  const std::size_t cloud = html.find("<p class=\"cloud\">");
  ASSERT_NE(cloud, std::string::npos);
  const std::string shown = html.substr(cloud, html.find("</p>", cloud) - cloud);
  EXPECT_EQ(std::count(shown.begin(), shown.end(), '<') - 1, 6);  // three spans, opened and closed
  const std::size_t elan = shown.find(">Élan<"), oeuvre = shown.find(">Œuvre<"), phrase = shown.find(">Rentrée intense<");
  ASSERT_NE(elan, std::string::npos);
  ASSERT_NE(oeuvre, std::string::npos);
  ASSERT_NE(phrase, std::string::npos);
  EXPECT_LT(elan, oeuvre);
  EXPECT_LT(oeuvre, phrase);
  EXPECT_NE(shown.find("font-size:40px"), std::string::npos);  // the most frequent is the largest
}

TEST(ReportWordCloud, GivenWordsInSeveralSpellings_WhenRenderedInMarkdown_ThenEachWithCoresCount) {
  const std::string md = render(build_report(cloud_workshop().session), Format::markdown);
  EXPECT_NE(md.find("Élan (3) · Œuvre (2) · Rentrée intense (1)"), std::string::npos);
}

// The board as the app draws it: one shared geometry (core/board_layout.hpp) for the app's board and
// the report's picture.
Workshop board_workshop() {
  Workshop w = configured();
  w.join(1);
  auto s = spec(core::ActivityKind::board, "Le board");
  s.categories = {"Une communauté apprenante", "Espace de ressources", "Réseau national"};
  const std::int64_t id = w.add(s);
  w.send("p1", core::IdeaPost{id, "En haut à gauche", 0, 0, 0, ""});
  w.send("p1", core::IdeaPost{id, "Au milieu", 1, 5000, 5000, "#ffcc00"});
  w.send("p1", core::IdeaPost{id, "En bas à droite", 2, 10000, 10000, ""});
  return w;
}

TEST(ReportBoard, GivenABoard_WhenMapped_ThenZonesAreCoresZonesForThePicture) {
  const Report r = build_report(board_workshop().session);
  const auto& d = std::get<BoardDetail>(r.activities[0].detail);
  const std::vector<core::BoardRect> zones = core::board_zones(3, d.width, d.height, d.unit);
  ASSERT_EQ(d.zones.size(), 3u);
  for (std::size_t z = 0; z < 3; ++z) {
    EXPECT_DOUBLE_EQ(d.zones[z].x, zones[z].x);
    EXPECT_DOUBLE_EQ(d.zones[z].y, zones[z].y);
    EXPECT_DOUBLE_EQ(d.zones[z].width, zones[z].width);
    EXPECT_DOUBLE_EQ(d.zones[z].height, zones[z].height);
  }
  EXPECT_EQ(d.zones[2].label, "Réseau national");
  EXPECT_EQ(r.activities[0].headline.kind, HeadlineKind::ideas_posted);
}

TEST(ReportBoard, GivenPostItsInThreeZones_WhenMapped_ThenEachIsWhereTheSharedGeometryPutsItInItsZone) {
  const Workshop w = board_workshop();
  const core::Activity& board = w.session.activities.front();
  const Report r = build_report(w.session);
  const auto& d = std::get<BoardDetail>(r.activities[0].detail);
  ASSERT_EQ(d.notes.size(), 3u);
  for (const BoardNote& note : d.notes) {
    const auto idea = std::find_if(board.ideas.begin(), board.ideas.end(), [&](const auto& i) { return i.second.text == note.text; });
    ASSERT_NE(idea, board.ideas.end());
    const BoardZone& zone = d.zones[std::size_t(idea->second.category)];
    const core::BoardPoint expected = core::board_note_place({zone.x, zone.y, zone.width, zone.height}, {note.width, note.height},
                                                             idea->second.x, idea->second.y, d.unit);
    EXPECT_DOUBLE_EQ(note.x, expected.x) << note.text;
    EXPECT_DOUBLE_EQ(note.y, expected.y) << note.text;
    EXPECT_EQ(note.category, zone.label);
    EXPECT_GE(note.x, zone.x) << note.text;  // inside its zone, never across the picture
    EXPECT_LE(note.x + note.width, zone.x + zone.width) << note.text;
    EXPECT_GE(note.y, zone.y) << note.text;
    EXPECT_LE(note.y + note.height, zone.y + zone.height) << note.text;
  }
}

TEST(ReportBoard, GivenPostItsInZones_WhenRenderedInHtml_ThenThePictureDrawsThemAtTheMappedPlace) {
  const Report r = build_report(board_workshop().session);
  const auto& d = std::get<BoardDetail>(r.activities[0].detail);
  const std::string html = render(r, Format::html);
  for (const BoardNote& note : d.notes) {
    const std::string rect = "<rect x=\"" + text::svg_number(note.x) + "\" y=\"" + text::svg_number(note.y) + "\" width=\"" +
                             text::svg_number(note.width) + "\" height=\"" + text::svg_number(note.height) + "\"";
    EXPECT_NE(html.find(rect), std::string::npos) << rect;
  }
}

TEST(ReportBoard, GivenAPostItWithoutCategoryOnAZonedBoard_WhenMapped_ThenLeftOutOfThePictureButListed) {
  Workshop w = board_workshop();
  w.send("p1", core::IdeaPost{w.session.activities.front().id, "Sans zone", -1, 100, 100, ""});
  const Report r = build_report(w.session);
  const auto& d = std::get<BoardDetail>(r.activities[0].detail);
  EXPECT_EQ(d.notes.size(), 3u);  // as the app, which has no zone to draw it in
  EXPECT_EQ(d.idea_count, 4);
  EXPECT_EQ(d.groups.back().ideas.front().text, "Sans zone");
}

TEST(ReportFromSession, GivenALiveVote_WhenMapped_ThenTheHeadlineIsVotesOverParticipants) {
  Workshop w = configured();
  w.join(5);
  const std::int64_t id = w.add(spec(core::ActivityKind::rating, "Donnez-nous votre avis"));
  w.send("p1", core::RatingVote{id, 4});
  w.send("p2", core::RatingVote{id, 5});
  w.send("p2", core::RatingVote{id, 4});  // changed: the last vote counts
  const Report r = build_report(w.session);
  const Activity& a = r.activities[0];
  EXPECT_EQ(a.headline.kind, HeadlineKind::votes_over_participants);
  EXPECT_EQ(a.headline.value, 2);
  EXPECT_EQ(a.headline.total, 5);
  EXPECT_EQ(std::get<RatingDetail>(a.detail).rating.average_tenths, 40);
  EXPECT_EQ(a.participation.percent, 40);
}

TEST(ReportFromSession, GivenAQuiz_WhenMapped_ThenChoicesAreMarkedAndTheLeaderboardNamed) {
  Workshop w = configured();
  w.join(3);
  auto s = spec(core::ActivityKind::quiz, "Quiz");
  s.quiz = {core::QuizQuestion{"Combien de membres ?", {"300", "840"}, {1}, 20}};
  const std::int64_t id = w.add(s);
  w.send("p1", core::QuizAnswer{id, 0, {1}}, 2);
  w.send("p2", core::QuizAnswer{id, 0, {0}}, 2);
  w.send("p3", core::QuizAnswer{id, 0, {1}}, 5);
  const Report r = build_report(w.session);
  const auto& d = std::get<QuizDetail>(r.activities[0].detail);
  ASSERT_EQ(d.questions.size(), 1u);
  EXPECT_TRUE(d.questions[0].choices[1].correct);
  EXPECT_FALSE(d.questions[0].choices[0].correct);
  EXPECT_EQ(d.questions[0].choices[1].count, 2);
  EXPECT_EQ(d.questions[0].choices[1].percent, 67);
  EXPECT_EQ(d.questions[0].percent_correct, 67);
  ASSERT_EQ(d.leaderboard.size(), 3u);
  EXPECT_EQ(d.leaderboard[0].name, "Person 1");  // faster
  EXPECT_EQ(d.leaderboard[0].rank, 1);
  EXPECT_GT(d.leaderboard[0].points, d.leaderboard[1].points);
  EXPECT_EQ(d.leaderboard[2].name, "Person 2");
  EXPECT_EQ(d.leaderboard[2].points, 0);
}

TEST(ReportFromSession, GivenQuestionsAndUpvotes_WhenMapped_ThenTheMostVotedComesFirst) {
  Workshop w = configured();
  w.join(3);
  const std::int64_t id = w.add(spec(core::ActivityKind::qna, "Vos questions"));
  w.send("p1", core::QnaAsk{id, "Première ?"});
  const std::int64_t second = w.send("p2", core::QnaAsk{id, "Seconde ?"});
  w.send("p3", core::QnaUpvote{id, second, true});
  w.send("h1", core::QnaMark{id, second, true});
  const Report r = build_report(w.session);
  const auto& d = std::get<QnaDetail>(r.activities[0].detail);
  ASSERT_EQ(d.questions.size(), 2u);
  EXPECT_EQ(d.questions[0].text, "Seconde ?");
  EXPECT_EQ(d.questions[0].votes, 1);
  EXPECT_TRUE(d.questions[0].answered);
  EXPECT_EQ(d.questions[0].author, "Person 2");
  EXPECT_EQ(r.activities[0].participation.took_part, 3);
}

TEST(ReportFromSession, GivenAPresentation_WhenMapped_ThenItIsListedApartWithItsPagesAndImages) {
  Workshop w = configured();
  auto s = spec(core::ActivityKind::presentation, "Développement TMNlab");
  s.pages = {core::Page{"Une communauté apprenante", "840 membres depuis 2013", ""},
             core::Page{"Logo", "", "data:image/png;base64,iVBORw0KGgo="}};
  w.add(s);
  const Report r = build_report(w.session);
  EXPECT_TRUE(r.activities.empty());
  ASSERT_EQ(r.presentations.size(), 1u);
  ASSERT_EQ(r.presentations[0].pages.size(), 2u);
  EXPECT_EQ(r.presentations[0].pages[0].number, 1);
  EXPECT_EQ(r.presentations[0].pages[0].text, "840 membres depuis 2013");
  EXPECT_EQ(r.presentations[0].pages[1].image_mime, "image/png");
  EXPECT_EQ(r.presentations[0].pages[1].image_base64, "iVBORw0KGgo=");
}

// Issue 18: pictures by ref, their bytes from the room's blobs.
TEST(ReportFromSession, GivenPicturesByRef_WhenReported_ThenEveryOneTheSourceHasIsEmbeddedAndTheOthersNamed) {
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + "pixels";
  const std::string question(64, 'a'), choice(64, 'b'), slide(64, 'c'), missing(64, 'd');
  Workshop w = configured();
  auto quiz = spec(core::ActivityKind::quiz, "Quiz");
  quiz.quiz = {core::QuizQuestion{"Quel logo ?", {"Rond", "Carré"}, {1}, 20, question, {choice, missing}}};
  w.add(quiz);
  auto slides = spec(core::ActivityKind::presentation, "Diapositives");
  slides.pages = {core::Page{"", "# Bilan\n**840** membres\n- un réseau\n- des études", slide, "Développement TMNlab 2016", ""}};
  w.add(slides);
  const ImageSource blobs = [&](const std::string& ref) -> std::optional<EmbeddedImage> {
    if (ref == missing) return std::nullopt;
    return EmbeddedImage{"", std::string(image_mime_of(png)), to_base64(png)};
  };
  const Report r = build_report(w.session, std::nullopt, blobs);

  ASSERT_EQ(r.activities[0].images.size(), 3u);  // the question's, then each choice's, in reading order
  EXPECT_EQ(r.activities[0].images[0].ref, question);
  EXPECT_EQ(r.activities[0].images[0].mime, "image/png");
  EXPECT_TRUE(r.activities[0].images[2].base64.empty());
  EXPECT_EQ(r.presentations[0].pages[0].image_ref, slide);
  EXPECT_EQ(r.presentations[0].pages[0].slide_text, "Développement TMNlab 2016");

  const std::string html = render_html(r);
  const std::string uri = "src=\"data:image/png;base64," + to_base64(png) + "\"";
  std::size_t embedded = 0;
  for (std::size_t at = html.find(uri); at != std::string::npos; at = html.find(uri, at + 1)) ++embedded;
  EXPECT_EQ(embedded, 3u);  // question, first choice, slide: the missing one is not drawn
  EXPECT_NE(html.find("<h5>Bilan</h5><p><strong>840</strong> membres</p><ul><li>un réseau</li><li>des études</li></ul>"), std::string::npos);
  std::string json = render_json(r);
  std::erase_if(json, [](char c) { return c == ' ' || c == '\n'; });  // pretty-printed
  EXPECT_NE(json.find("\"images\":[\"" + question + "\",\"" + choice + "\",\"" + missing + "\"]"), std::string::npos);
  EXPECT_NE(json.find("\"image_ref\":\"" + slide + "\""), std::string::npos);
  EXPECT_EQ(json.find(to_base64(png)), std::string::npos);  // JSON names images by ref
  const std::string md = render_markdown(r);
  EXPECT_NE(md.find("](images/" + question + ".png)"), std::string::npos);
  EXPECT_NE(md.find("](images/" + slide + ".png)"), std::string::npos);
}

TEST(ReportImages, GivenBytes_WhenSniffedAndEncoded_ThenTheTypeComesFromTheContentAndBase64IsStandard) {
  EXPECT_EQ(image_mime_of(std::string("\xff\xd8\xff\xe0", 4)), "image/jpeg");
  EXPECT_EQ(image_mime_of("GIF89a..."), "image/gif");
  EXPECT_EQ(image_mime_of(std::string("RIFF\x10\x00\x00\x00WEBPVP8 ", 16)), "image/webp");
  EXPECT_EQ(image_mime_of("<svg onload=alert(1)>"), "");
  EXPECT_EQ(image_mime_of(std::string("PLBRE2E1", 8) + std::string(40, 'x')), "");  // an encrypted blob
  EXPECT_EQ(to_base64("Ma"), "TWE=");
  EXPECT_EQ(to_base64("Man"), "TWFu");
  EXPECT_EQ(to_base64(std::string("\xfb\xff", 2)), "+/8=");
}

TEST(ReportFromSession, GivenAnActivityNeverStarted_WhenMapped_ThenItIsLeftOut) {
  Workshop w = configured();
  w.send("h1", core::ActivityAdd{spec(core::ActivityKind::rating, "Plus tard")});
  EXPECT_TRUE(build_report(w.session).activities.empty());
}

TEST(ReportFromSession, GivenMessagesOneHidden_WhenMapped_ThenVisibleOnesShowWithParisTime) {
  Workshop w = configured();
  w.join(2);
  w.at = 1665043563000 - 1000;  // next envelope at 2022-10-06T08:06:03Z
  w.send("p1", core::ChatPost{"Découverte de Klaxoon."});
  const std::int64_t hidden = w.send("p2", core::ChatPost{"spam"});
  w.send("h1", core::ChatHide{hidden, true});
  const Report r = build_report(w.session);
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0].author, "Person 1");
  EXPECT_EQ(r.messages[0].text, "Découverte de Klaxoon.");
  EXPECT_EQ(r.messages[0].at.utc_ms, 1665043563000);
  EXPECT_EQ(r.messages[0].at.offset_minutes, 120);
}

TEST(ReportFromSession, GivenARemovedParticipantWhoseContributionsWereHidden_WhenRendered_ThenEveryFormatSaysHowMany) {
  Workshop w;
  w.join(2);
  w.send("p1", core::ChatPost{"Je dérange"});
  w.send("p1", core::ChatPost{"Encore"});
  w.send("p2", core::ChatPost{"Bonjour"});
  w.send("relay", core::MemberRemoved{"p1"});
  w.send("h1", core::ParticipantRemove{"p1", true});
  const Report report = build_report(w.session);
  EXPECT_EQ(report.header.removed, 1);
  EXPECT_EQ(report.header.hidden, 2);
  ASSERT_EQ(report.messages.size(), 1u);  // the hidden ones are left out, as any hidden message
  EXPECT_NE(render(report, Format::html).find("<b>1</b>Participants retirés de la session"), std::string::npos);
  EXPECT_NE(render(report, Format::markdown).find("Participants retirés de la session : 1 · Contributions masquées à leur retrait : 2"),
            std::string::npos);
  const nlohmann::json json = nlohmann::json::parse(render(report, Format::json));
  EXPECT_EQ(json["header"]["removed"], 1);
  EXPECT_EQ(json["header"]["hidden_contributions"], 2);
}

}  // namespace
}  // namespace palabre::report
