// Brainstorm and board: post, edit, delete, likes (one per person, undoable), dot votes with a
// budget, controlled mode, board positions and lock, host moderation.
#include <gtest/gtest.h>

#include "core/aggregates.hpp"
#include "helpers.hpp"

using namespace palabre::core;
using namespace palabre::core::testing;

namespace {
std::int64_t post(Script& s, std::int64_t activity, const std::string& who, const std::string& text, int category = -1) {
  const std::int64_t id = s.next_seq;
  return s.participant(who, IdeaPost{activity, text, category}).accepted() ? id : -1;
}
}  // namespace

TEST(Ideas, GivenRunningBrainstorm_WhenPosting_ThenIdeaKeptWithSeqAsId) {
  Script s;
  const std::int64_t id = s.running(ideas_spec());
  const std::int64_t idea = post(s, id, "p1", "Réflexion", 0);
  ASSERT_GT(idea, 0);
  const Idea& i = s.activity(id).ideas.at(idea);
  EXPECT_EQ(i.text, "Réflexion");
  EXPECT_EQ(i.by, "p1");
  EXPECT_EQ(i.category, 0);
}

TEST(Ideas, GivenUnknownCategoryOrEmptyText_WhenPosting_ThenRejected) {
  Script s;
  const std::int64_t id = s.running(ideas_spec());
  EXPECT_EQ(s.participant("p1", IdeaPost{id, "x", 3}).code(), "bad_category");
  EXPECT_EQ(s.participant("p1", IdeaPost{id, " "}).code(), "empty_text");
  EXPECT_EQ(s.participant("p1", IdeaPost{id, std::string(501, 'a')}).code(), "text_too_long");
}

TEST(Ideas, GivenOwnIdea_WhenEditing_ThenChangedButOthersCannot) {
  Script s;
  const std::int64_t id = s.running(ideas_spec());
  const std::int64_t idea = post(s, id, "p1", "Médiaton");
  EXPECT_EQ(s.participant("p2", IdeaEdit{id, idea, "Hack", -1}).code(), "not_author");
  EXPECT_TRUE(s.participant("p1", IdeaEdit{id, idea, "Médiation", 1}).accepted());
  EXPECT_EQ(s.activity(id).ideas.at(idea).text, "Médiation");
  EXPECT_EQ(s.activity(id).ideas.at(idea).category, 1);
}

TEST(Ideas, GivenOwnIdea_WhenDeleting_ThenGoneButOthersCannotExceptHost) {
  Script s;
  const std::int64_t id = s.running(ideas_spec());
  const std::int64_t a = post(s, id, "p1", "un");
  const std::int64_t b = post(s, id, "p1", "deux");
  EXPECT_EQ(s.participant("p2", IdeaDelete{id, a}).code(), "not_author");
  EXPECT_TRUE(s.participant("p1", IdeaDelete{id, a}).accepted());
  EXPECT_TRUE(s.host(IdeaDelete{id, b}).accepted());
  EXPECT_TRUE(s.activity(id).ideas.empty());
}

TEST(Ideas, GivenIdea_WhenLikedTwiceBySamePerson_ThenOneLikeAndSecondRejected) {
  Script s;
  const std::int64_t id = s.running(ideas_spec());
  const std::int64_t idea = post(s, id, "p1", "Envie");
  EXPECT_TRUE(s.participant("p2", IdeaLike{id, idea, true}).accepted());
  EXPECT_EQ(s.participant("p2", IdeaLike{id, idea, true}).code(), "already_liked");
  EXPECT_TRUE(s.participant("p3", IdeaLike{id, idea, true}).accepted());
  EXPECT_EQ(s.activity(id).ideas.at(idea).likes.size(), 2u);
}

TEST(Ideas, GivenLike_WhenUndone_ThenRemovedAndUndoingAgainRejected) {
  Script s;
  const std::int64_t id = s.running(ideas_spec());
  const std::int64_t idea = post(s, id, "p1", "Envie");
  s.participant("p2", IdeaLike{id, idea, true});
  EXPECT_TRUE(s.participant("p2", IdeaLike{id, idea, false}).accepted());
  EXPECT_EQ(s.participant("p2", IdeaLike{id, idea, false}).code(), "not_liked");
  EXPECT_TRUE(s.activity(id).ideas.at(idea).likes.empty());
}

TEST(Ideas, GivenDotBudget_WhenSpentBeyondIt_ThenRejectedBudgetExhausted) {
  Script s;
  const std::int64_t id = s.running(ideas_spec(ActivityKind::brainstorm, 2));
  const std::int64_t a = post(s, id, "p1", "un");
  const std::int64_t b = post(s, id, "p1", "deux");
  EXPECT_TRUE(s.participant("p2", IdeaDot{id, a, 1}).accepted());
  EXPECT_TRUE(s.participant("p2", IdeaDot{id, a, 1}).accepted());
  EXPECT_EQ(s.participant("p2", IdeaDot{id, b, 1}).code(), "budget_exhausted");
  EXPECT_TRUE(s.participant("p2", IdeaDot{id, a, -1}).accepted());
  EXPECT_TRUE(s.participant("p2", IdeaDot{id, b, 1}).accepted());
  EXPECT_EQ(s.activity(id).ideas.at(a).dot_total, 1);
  EXPECT_EQ(s.activity(id).ideas.at(b).dot_total, 1);
  EXPECT_EQ(s.participant("p2", IdeaLike{id, a, true}).code(), "wrong_mode");
}

TEST(Ideas, GivenNoDotOnIdea_WhenRemovingADot_ThenRejectedNotVoted) {
  Script s;
  const std::int64_t id = s.running(ideas_spec(ActivityKind::brainstorm, 3));
  const std::int64_t a = post(s, id, "p1", "un");
  EXPECT_EQ(s.participant("p2", IdeaDot{id, a, -1}).code(), "not_voted");
}

TEST(Ideas, GivenControlledMode_WhenPosted_ThenWaitsForApprovalBeforeCountingOrLikes) {
  Script s;
  const std::int64_t id = s.running(ideas_spec(ActivityKind::brainstorm, 0, true));
  const std::int64_t idea = post(s, id, "p1", "Intense");
  EXPECT_FALSE(s.activity(id).ideas.at(idea).approved);
  EXPECT_EQ(idea_figures(s.session, s.activity(id)).ideas, 0);
  EXPECT_EQ(s.participant("p2", IdeaLike{id, idea, true}).code(), "not_approved");
  EXPECT_EQ(s.participant("p2", IdeaApprove{id, idea}).code(), "not_host");
  EXPECT_TRUE(s.host(IdeaApprove{id, idea}).accepted());
  EXPECT_EQ(idea_figures(s.session, s.activity(id)).ideas, 1);
}

TEST(Ideas, GivenFreeMode_WhenHostApproves_ThenRejectedWrongMode) {
  Script s;
  const std::int64_t id = s.running(ideas_spec());
  const std::int64_t idea = post(s, id, "p1", "Intense");
  EXPECT_EQ(s.host(IdeaApprove{id, idea}).code(), "wrong_mode");
}

TEST(Ideas, GivenIdea_WhenHostHides_ThenNotCountedAndNotLikeable) {
  Script s;
  const std::int64_t id = s.running(ideas_spec());
  const std::int64_t idea = post(s, id, "p1", "spam");
  EXPECT_EQ(s.participant("p1", ItemHide{id, idea, true}).code(), "not_host");
  EXPECT_TRUE(s.host(ItemHide{id, idea, true}).accepted());
  EXPECT_EQ(idea_figures(s.session, s.activity(id)).ideas, 0);
  EXPECT_EQ(s.participant("p2", IdeaLike{id, idea, true}).code(), "unknown_item");
  EXPECT_EQ(s.host(ItemHide{id, 12345, true}).code(), "unknown_item");
}

TEST(Ideas, GivenLikes_WhenFigured_ThenIdeasPerCategoryWithLikes) {
  Script s;
  const std::int64_t id = s.running(ideas_spec());
  const std::int64_t a = post(s, id, "p1", "un", 0);
  post(s, id, "p2", "deux", 0);
  const std::int64_t c = post(s, id, "p3", "trois", 2);
  post(s, id, "p3", "sans catégorie");
  s.participant("p2", IdeaLike{id, a, true});
  s.participant("p3", IdeaLike{id, a, true});
  s.participant("p1", IdeaLike{id, c, true});
  IdeaFigures f = idea_figures(s.session, s.activity(id));
  EXPECT_EQ(f.ideas, 4);
  ASSERT_EQ(f.categories.size(), 4u);
  EXPECT_EQ(f.categories[0].ideas, 2);
  EXPECT_EQ(f.categories[0].likes, 2);
  EXPECT_EQ(f.categories[1].ideas, 0);
  EXPECT_EQ(f.categories[2].likes, 1);
  EXPECT_EQ(f.categories[3].name, "");
  EXPECT_EQ(f.by_likes.front(), a);
}

TEST(Board, GivenBoard_WhenPostingAndMoving_ThenPositionAndZoneFollow) {
  Script s;
  const std::int64_t id = s.running(ideas_spec(ActivityKind::board));
  const std::int64_t idea = s.next_seq;
  ASSERT_TRUE(s.participant("p1", IdeaPost{id, "Un annuaire", 1, 4000, 2500, "yellow"}).accepted());
  EXPECT_TRUE(s.participant("p1", IdeaMove{id, idea, 7000, 3000, 2}).accepted());
  const Idea& i = s.activity(id).ideas.at(idea);
  EXPECT_EQ(i.x, 7000);
  EXPECT_EQ(i.category, 2);
  EXPECT_EQ(s.participant("p2", IdeaMove{id, idea, 1, 1, 0}).code(), "not_author");
  EXPECT_EQ(s.participant("p1", IdeaMove{id, idea, 20000, 1, 0}).code(), "bad_position");
}

TEST(Board, GivenLockedBoard_WhenParticipantPostsOrMoves_ThenRejectedBoardLocked) {
  Script s;
  const std::int64_t id = s.running(ideas_spec(ActivityKind::board));
  const std::int64_t idea = post(s, id, "p1", "x");
  EXPECT_EQ(s.participant("p1", BoardLock{id, true}).code(), "not_host");
  EXPECT_TRUE(s.host(BoardLock{id, true}).accepted());
  EXPECT_EQ(s.participant("p1", IdeaPost{id, "y"}).code(), "board_locked");
  EXPECT_EQ(s.participant("p1", IdeaMove{id, idea, 10, 10, -1}).code(), "board_locked");
  EXPECT_TRUE(s.host(IdeaMove{id, idea, 10, 10, -1}).accepted());  // the host still arranges
}

TEST(Board, GivenBrainstorm_WhenMovingOrLocking_ThenRejectedWrongKind) {
  Script s;
  const std::int64_t id = s.running(ideas_spec());
  const std::int64_t idea = post(s, id, "p1", "x");
  EXPECT_EQ(s.participant("p1", IdeaMove{id, idea, 10, 10, -1}).code(), "wrong_kind");
  EXPECT_EQ(s.host(BoardLock{id, true}).code(), "wrong_kind");
}

namespace {
ActivitySpec cloud_spec() {
  ActivitySpec spec = ideas_spec();
  spec.categories.clear();  // a prompt answered in a word: nothing to sort ideas into
  return spec;
}
using Word = std::pair<std::string, int>;
}  // namespace

TEST(WordCloud, GivenCasesAccentsLigaturesAndAPhrase_WhenFigured_ThenOneEntryPerFoldedForm) {
  Script s;
  const std::int64_t id = s.running(cloud_spec(), 6);
  for (const char* text : {"Élan", "Œuvre", "ÉLAN", "Rentrée intense", "élan", "œuvre"}) post(s, id, "p1", text);
  const IdeaFigures f = idea_figures(s.session, s.activity(id));
  ASSERT_EQ(f.words.size(), 3u);
  EXPECT_EQ(f.words[0], (Word{"Élan", 3}));  // three spellings once each: the first seen
  EXPECT_EQ(f.words[1], (Word{"Œuvre", 2}));
  EXPECT_EQ(f.words[2], (Word{"Rentrée intense", 1}));
  EXPECT_TRUE(f.cloud);
}

TEST(WordCloud, GivenSpellingsOfOneWord_WhenFigured_ThenShownInTheMostFrequent) {
  Script s;
  const std::int64_t id = s.running(cloud_spec());
  for (const char* text : {"ÉLAN", "élan", " élan "}) post(s, id, "p1", text);
  const IdeaFigures f = idea_figures(s.session, s.activity(id));
  ASSERT_EQ(f.words.size(), 1u);
  EXPECT_EQ(f.words[0], (Word{"élan", 3}));
}

TEST(WordCloud, GivenEqualCounts_WhenFigured_ThenFirstAppearanceFirst) {
  Script s;
  const std::int64_t id = s.running(cloud_spec());
  for (const char* text : {"Envie", "Dense", "dense", "envie", "Riche"}) post(s, id, "p1", text);
  const IdeaFigures f = idea_figures(s.session, s.activity(id));
  EXPECT_EQ(f.words, (std::vector<Word>{{"Envie", 2}, {"Dense", 2}, {"Riche", 1}}));
}

TEST(WordCloud, GivenHiddenAndPendingIdeas_WhenFigured_ThenLeftOut) {
  Script s;
  ActivitySpec spec = cloud_spec();
  spec.controlled = true;
  const std::int64_t id = s.running(spec);
  const std::int64_t shown = post(s, id, "p1", "Envie");
  const std::int64_t hidden = post(s, id, "p2", "envie");
  post(s, id, "p3", "Envie");  // never approved
  ASSERT_TRUE(s.host(IdeaApprove{id, shown}).accepted());
  ASSERT_TRUE(s.host(IdeaApprove{id, hidden}).accepted());
  ASSERT_TRUE(s.host(ItemHide{id, hidden, true}).accepted());
  const IdeaFigures f = idea_figures(s.session, s.activity(id));
  EXPECT_EQ(f.words, (std::vector<Word>{{"Envie", 1}}));
}

TEST(WordCloud, GivenOneSentenceAmongWords_WhenFigured_ThenStillACloud) {
  Script s;
  const std::int64_t id = s.running(cloud_spec());
  for (const char* text : {"Intense", "Envie", "Rentrée intense", "débordé / pas le temps de penser"}) post(s, id, "p1", text);
  EXPECT_TRUE(idea_figures(s.session, s.activity(id)).cloud);
}

TEST(WordCloud, GivenMostlySentences_WhenFigured_ThenNoCloud) {
  Script s;
  const std::int64_t id = s.running(cloud_spec());
  for (const char* text : {"Intense", "Plus de temps pour les équipes", "Un réseau qui se parle"}) post(s, id, "p1", text);
  EXPECT_FALSE(idea_figures(s.session, s.activity(id)).cloud);
}

TEST(WordCloud, GivenNoIdeasOrCategoriesOrABoard_WhenFigured_ThenNoCloud) {
  Script s;
  const std::int64_t empty = s.running(cloud_spec());
  EXPECT_FALSE(idea_figures(s.session, s.activity(empty)).cloud);
  const std::int64_t sorted = s.add(ideas_spec());
  s.host(ActivityStart{sorted});
  post(s, sorted, "p1", "Envie", 0);
  EXPECT_FALSE(idea_figures(s.session, s.activity(sorted)).cloud);
  ActivitySpec board = cloud_spec();
  board.kind = ActivityKind::board;
  const std::int64_t on_board = s.add(board);
  s.host(ActivityStart{on_board});
  post(s, on_board, "p1", "Envie");
  EXPECT_FALSE(idea_figures(s.session, s.activity(on_board)).cloud);
}
