// Images (blob refs), speaker notes and rich page text (issue 18).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/codec.hpp"
#include "core/plan.hpp"
#include "core/rich_text.hpp"
#include "helpers.hpp"

namespace palabre::core {
namespace {
using testing::Script;

const std::string ref_a(64, 'a');
const std::string ref_b = std::string(63, '0') + "1";

TEST(ImageRefs, GivenHashes_WhenChecked_ThenOnlySixtyFourLowercaseHexDigitsAreRefs) {
  EXPECT_TRUE(is_image_ref(ref_a));
  EXPECT_FALSE(is_image_ref(std::string(63, 'a')));
  EXPECT_FALSE(is_image_ref(std::string(64, 'A')));
  EXPECT_FALSE(is_image_ref("data:image/png;base64,AAAA"));
}

TEST(ImageRefs, GivenAQuizWithImages_WhenValidated_ThenEveryPlaceTakesARefAndChoiceImagesMatchTheChoices) {
  ActivitySpec quiz = testing::quiz_spec();
  quiz.quiz[0].image = ref_a;
  quiz.quiz[0].choice_images = {ref_b, "", ref_a};
  EXPECT_TRUE(validate_spec(quiz, "$").reason.empty());
  EXPECT_EQ(image_refs(quiz), (std::vector<std::string>{ref_a, ref_b, ref_a}));

  quiz.quiz[0].choice_images = {ref_b};
  EXPECT_EQ(validate_spec(quiz, "$").path, "$.questions[0].choice_images");
  quiz.quiz[0].choice_images = {};
  quiz.quiz[0].image = "https://example.org/x.png";
  EXPECT_EQ(validate_spec(quiz, "$").path, "$.questions[0].image");
}

TEST(ImageRefs, GivenAStartedQuiz_WhenOnlyItsImagesChange_ThenTheEditIsWording) {
  Script s;
  const auto id = s.running(testing::quiz_spec());
  ActivitySpec edited = s.activity(id).spec;
  edited.quiz[1].image = ref_a;
  edited.quiz[1].choice_images = {"", ref_b, ""};
  EXPECT_TRUE(s.host(ActivityEdit{id, edited}).accepted());
  EXPECT_EQ(s.activity(id).spec.quiz[1].choice_images[1], ref_b);
}

TEST(ImageRefs, GivenAnOldLogsInlinePageImage_WhenValidated_ThenItStillReplays) {
  ActivitySpec p = testing::presentation_spec();
  p.pages[0].image = "data:image/png;base64,iVBORw0KGgo=";
  EXPECT_TRUE(validate_spec(p, "$").reason.empty());
}

TEST(PlanImages, GivenAPlanWithImagesAndNotes_WhenWrittenAndRead_ThenBothComeBackAndEventsCarryNoNotes) {
  Plan plan;
  plan.info.title = "Atelier";
  plan.info.locale = "fr";
  plan.info.timezone = "Europe/Paris";
  ActivitySpec p = testing::presentation_spec();
  p.pages[0].image = ref_a;
  p.pages[0].notes = "Rappeler la date";
  p.pages[0].slide_text = "Développement TMNlab\n2013 2016";
  plan.activities.push_back(p);
  plan.images[ref_a] = "data:image/png;base64,iVBORw0KGgo=";

  const auto back = load_plan(plan_to_json(plan));
  ASSERT_TRUE(back) << back.error.path << ": " << back.error.reason;
  EXPECT_EQ(back.value->images, plan.images);
  EXPECT_EQ(back.value->activities[0].pages[0].notes, "Rappeler la date");
  EXPECT_EQ(back.value->activities[0].pages[0].slide_text, "Développement TMNlab\n2013 2016");

  const auto events = plan_events(*back.value);
  ASSERT_EQ(events.size(), 3u);  // configure, add, notes
  const std::string add = encode_client_event(events[1]);
  EXPECT_EQ(add.find("Rappeler"), std::string::npos);
  ASSERT_TRUE(std::holds_alternative<ActivityNotes>(events[2]));
  EXPECT_EQ(default_visibility(events[2]), Visibility::staff);
}

TEST(PlanImages, GivenAnImagesEntryThatIsNotADataUri_WhenLoaded_ThenItsPathIsTheError) {
  const std::string text = R"({"format":"palabre-plan","version":1,"session":{"title":"T","locale":"fr","timezone":"UTC"},
    "activities":[],"images":{")" + ref_a + R"(":"https://example.org/a.png"}})";
  const auto plan = load_plan(text);
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error.path, "$.images." + ref_a);
}

TEST(SpeakerNotes, GivenAPresentation_WhenTheHostSendsNotesStaffOnly_ThenTheActivityHoldsThem) {
  Script s;
  const auto id = s.add(testing::presentation_spec());
  const auto o = apply(s.session, s.envelope("h1", Role::host, ActivityNotes{0, {"Note 1"}}, Visibility::staff));
  ASSERT_TRUE(o.accepted()) << reason_code(o.reason);
  EXPECT_EQ(s.activity(id).notes, std::vector<std::string>{"Note 1"});
}

TEST(SpeakerNotes, GivenNotesSentPublic_WhenApplied_ThenRefusedMustBeStaff) {
  Script s;
  s.add(testing::presentation_spec());
  EXPECT_EQ(s.host(ActivityNotes{0, {"Note 1"}}).reason, Reason::must_be_staff);
}

TEST(SpeakerNotes, GivenAParticipant_WhenSendingNotes_ThenRefusedNotHost) {
  Script s;
  s.join("p1", "Ana");
  const auto id = s.add(testing::presentation_spec());
  const auto o = apply(s.session, s.envelope("p1", Role::participant, ActivityNotes{id, {"x"}}, Visibility::staff));
  EXPECT_EQ(o.reason, Reason::not_host);
}

TEST(SpeakerNotes, GivenNotesInsideAnActivityAdd_WhenDecoded_ThenTheyAreDropped) {
  const std::string ev = R"({"type":"activity.add","activity":{"kind":"presentation","title":"P",
    "pages":[{"title":"1","text":"","notes":"secret"}]}})";
  const auto decoded = decode_event(nlohmann::json::parse(ev));
  ASSERT_TRUE(decoded);
  EXPECT_TRUE(std::get<ActivityAdd>(*decoded.value).activity.pages[0].notes.empty());
}

TEST(RichText, GivenMarkdownSubset_WhenParsed_ThenHeadingsListsBoldAndLineBreaksAreKept) {
  const auto lines = parse_rich_text("# Développement\n\n\n**840** membres\ndepuis 2013\n- un\n* deux\n12. douze\n");
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_EQ(lines[0].kind, RichLineKind::heading);
  EXPECT_EQ(lines[1].kind, RichLineKind::gap);
  ASSERT_EQ(lines[2].spans.size(), 2u);
  EXPECT_TRUE(lines[2].spans[0].bold);
  EXPECT_EQ(lines[2].spans[0].text, "840");
  EXPECT_EQ(lines[3].spans[0].text, "depuis 2013");
  EXPECT_EQ(lines[4].kind, RichLineKind::bullet);
  EXPECT_EQ(lines[5].kind, RichLineKind::bullet);
  EXPECT_EQ(lines[6].kind, RichLineKind::numbered);
  EXPECT_EQ(lines[6].number, 12);
}

TEST(RichText, GivenAnUnmatchedMark_WhenParsed_ThenItStaysAsWritten) {
  const auto lines = parse_rich_text("5 ** 3 = 125");
  ASSERT_EQ(lines.size(), 1u);
  ASSERT_EQ(lines[0].spans.size(), 1u);
  EXPECT_EQ(lines[0].spans[0].text, "5 ** 3 = 125");
  EXPECT_EQ(rich_text_plain("- **a** b\n2. c"), "• a b\n2. c");
}

}  // namespace
}  // namespace palabre::core
