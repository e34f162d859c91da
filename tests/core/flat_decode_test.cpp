// The envelope decoder's fast path (core/flat_json.hpp, read in place) against the tree path
// (nlohmann): for every line, the same envelope or the same error, path and reason.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/codec.hpp"

using namespace palabre::core;

namespace {

// What decode_envelope(text) gives, against the tree decoder on the same text.
void expect_same_as_tree(const std::string& line) {
  SCOPED_TRACE(line);
  const auto fast = decode_envelope(std::string_view(line));
  const auto tree_value = nlohmann::json::parse(line, nullptr, false);
  if (tree_value.is_discarded()) {
    ASSERT_FALSE(fast);
    EXPECT_EQ(fast.error.message(), "$: not valid JSON");
    return;
  }
  const auto tree = decode_envelope(tree_value);
  ASSERT_EQ(bool(fast), bool(tree)) << fast.error.message() << " / " << tree.error.message();
  if (tree) {
    EXPECT_EQ(encode_envelope(*fast.value), encode_envelope(*tree.value));
    EXPECT_EQ(fast.value->by, tree.value->by);
  } else {
    EXPECT_EQ(fast.error.message(), tree.error.message());
  }
}

const std::string stamp = R"("seq":7,"at":1664960763000,"from":"p17","role":"participant","vis":"public")";
std::string with_ev(const std::string& ev) { return "{" + stamp + R"(,"ev":)" + ev + "}"; }

}  // namespace

TEST(FlatDecode, GivenEveryLineOfTheSampleWorkshopLog_WhenDecoded_ThenTheFastPathGivesWhatTheTreeGives) {
  std::ifstream in(std::string(PALABRE_SOURCE_DIR) + "/tests/data/workshop_fr.palabre.jsonl");
  std::string line;
  std::getline(in, line);  // the header
  int lines = 0;
  while (std::getline(in, line)) {
    expect_same_as_tree(line);
    ++lines;
  }
  EXPECT_GT(lines, 100);
}

TEST(FlatDecode, GivenTrickyTexts_WhenDecoded_ThenTheFastPathAgreesWithTheTreeOnValueAndError) {
  const std::vector<std::string> lines = {
      with_ev(R"({"type":"chat.post","text":"Ça marche — café ☕ Tiếng Việt 😀"})"),
      with_ev(R"({"type":"chat.post","text":"quote \" backslash \\ slash \/ tab \t nl \n"})"),
      with_ev(R"({"type":"chat.post","text":"\u00e9t\u00e9 \ud83d\ude00"})"),
      with_ev(R"({"type":"chat.post","text":"nul \u0000 inside"})"),
      with_ev(R"({"type":"chat.post","text":5})"),
      with_ev(R"({"type":"chat.post","text":null})"),
      with_ev(R"({"type":"chat.post"})"),
      with_ev(R"({"type":"chat.post","text":"a","text":"last wins"})"),
      with_ev(R"({"text":"type after","type":"chat.post"})"),
      with_ev(R"({"type":"chat.post","text":"x","by":"Anne Le Gall"})"),
      with_ev(R"({"type":"chat.post","text":"x","by":7})"),
      with_ev(R"({"type":"rating.vote","activity":12,"stars":4})"),
      with_ev(R"({"type":"rating.vote","activity":12.0,"stars":4})"),
      with_ev(R"({"type":"rating.vote","activity":1e3,"stars":4})"),
      with_ev(R"({"type":"rating.vote","activity":-0,"stars":4})"),
      with_ev(R"({"type":"rating.vote","activity":012,"stars":4})"),
      with_ev(R"({"type":"rating.vote","activity":99999999999999999999,"stars":4})"),
      with_ev(R"({"type":"rating.vote","activity":9223372036854775807,"stars":4})"),
      with_ev(R"({"type":"rating.vote","activity":123456789012345678,"stars":4})"),
      with_ev(R"({"type":"rating.vote","activity":12,"stars":2000000000})"),
      with_ev(R"({"type":"quiz.answer","activity":3,"question":0,"choices":[1,2]})"),
      with_ev(R"({"type":"quiz.answer","activity":3,"question":0,"choices":[]})"),
      with_ev(R"({"type":"quiz.answer","activity":3,"question":0,"choices":[1,"2"]})"),
      with_ev(R"({"type":"quiz.answer","activity":3,"question":0,"choices":[1,[2]]})"),
      with_ev(R"({"type":"quiz.answer","activity":3,"question":0,"choices":[1,{"a":2}]})"),
      with_ev(R"({"type":"quiz.answer","activity":3,"question":0,"choices":{"a":1}})"),
      with_ev(R"({"type":"quiz.answer","activity":3,"question":0,"choices":[1,2000000]})"),
      with_ev(R"({"type":"session.configure","blocked_words":["zut","flûte"],"screen_join":false})"),
      with_ev(R"({"type":"session.configure","blocked_words":["zut",3]})"),
      with_ev(R"({"type":"activity.add","activity":{"kind":"rating","title":"Note","stars":5}})"),
      with_ev(R"({"type":"activity.add","activity":"not an object"})"),
      with_ev(R"({"type":"activity.add"})"),
      with_ev(R"({"type":"results.publish","activity":4,"counts":[1,2]})"),
      with_ev(R"({"type":"idea.post","activity":5,"text":"x","extra":{"deep":[1,{"a":[]}]}})"),
      with_ev(R"({"type":"no.such.event"})"),
      with_ev(R"({"type":7})"),
      with_ev(R"("a string")"),
      with_ev(R"([1,2])"),
      with_ev(R"({})"),
      with_ev(R"({"type":"chat.post","text":"x"} )"),
      R"({ "seq" : 7 , "at":1,"from":"p1","role":"participant","vis":"public","ev" : { "type" : "chat.post" , "text" : "spaces" } })",
      R"({"seq":7,"at":1,"from":"p1","role":"robot","vis":"public","ev":{"type":"chat.post","text":"x"}})",
      R"({"seq":7,"at":1,"from":"p1","role":"participant","vis":"secret","ev":{"type":"chat.post","text":"x"}})",
      R"({"seq":"7","at":1,"from":"p1","role":"participant","vis":"public","ev":{"type":"chat.post","text":"x"}})",
      R"({"at":1,"from":"p1","role":"participant","vis":"public","ev":{"type":"chat.post","text":"x"}})",
      R"({"seq":7,"at":1,"from":"p1","role":"participant","vis":"public"})",
      R"({"seq":7,"at":1,"from":{"x":1},"role":"participant","vis":"public","ev":{"type":"chat.post","text":"x"}})",
      R"({"seq":7,"at":1,"fr\u006fm":"p1","role":"participant","vis":"public","ev":{"type":"chat.post","text":"x"}})",
      R"({"seq":7,"at":1,"from":"p1","role":"participant","vis":"public","ev":{"type":"chat.post","text":"x"}} trailing)",
      R"({"seq":7,"at":1,"from":"p1","role":"participant","vis":"public","ev":{"type":"chat.post","text":"x"})",
      R"({"seq":7,"at":1,"from":"p1","role":"participant","vis":"public","ev":{"type":"chat.post","text":"x}})",
      R"({"seq":7,"at":1,"from":"p1","role":"participant","vis":"public","ev":{"type":"chat.post","text":"x"},})",
      R"({"seq":7,"at":1,"from":"p1","role":"participant","vis":"public","ev":{"type":"chat.post","text":"x\q"}})",
      "{\"seq\":7,\"at\":1,\"from\":\"p1\",\"role\":\"participant\",\"vis\":\"public\",\"ev\":{\"type\":\"chat.post\",\"text\":\"tab\there\"}}",
      "{\"seq\":7,\"at\":1,\"from\":\"p1\",\"role\":\"participant\",\"vis\":\"public\",\"ev\":{\"type\":\"chat.post\",\"text\":\"bad \xC3\x28 utf8\"}}",
      "{\"seq\":7,\"at\":1,\"from\":\"p1\",\"role\":\"participant\",\"vis\":\"public\",\"ev\":{\"type\":\"chat.post\",\"text\":\"cut \xE2\x82\"}}",
      "{\"seq\":7,\"at\":1,\"from\":\"p1\",\"role\":\"participant\",\"vis\":\"public\",\"ev\":{\"type\":\"chat.post\",\"text\":\"surrogate \xED\xA0\x80\"}}",
      "",
      "   ",
      "[]",
      "{}",
      "nul",
      "{\"seq\":tru}",
  };
  for (const auto& line : lines) expect_same_as_tree(line);
}

TEST(FlatDecode, GivenAnEventsFrame_WhenItsEnvelopesAreFound_ThenEachIsItsExactText) {
  const std::string a = with_ev(R"({"type":"chat.post","text":"a ] } \" [ {"})");
  const std::string b = with_ev(R"({"type":"rating.vote","activity":12,"stars":4})");
  // The envelopes are views into the frame: it must outlive them.
  const std::string frame = R"({"t":"events","envs":[)" + a + " , " + b + "]}";
  const auto envs = events_frame_envelopes(frame);
  ASSERT_TRUE(envs);
  ASSERT_EQ(envs->size(), 2u);
  EXPECT_EQ((*envs)[0], a);
  EXPECT_EQ((*envs)[1], b);
  ASSERT_TRUE(decode_envelope((*envs)[0]));
  EXPECT_EQ(std::get<ChatPost>(decode_envelope((*envs)[0]).value->ev).text, "a ] } \" [ {");

  EXPECT_TRUE(events_frame_envelopes(R"({"t":"events","envs":[]})")->empty());
  EXPECT_FALSE(events_frame_envelopes(R"({"t":"ack","cid":1,"seq":2})"));
  EXPECT_FALSE(events_frame_envelopes(R"({"t":"events","envs":[)" + a));  // cut
  EXPECT_FALSE(events_frame_envelopes(R"({"t":"events","envs":[)" + a + "]} x"));
  EXPECT_FALSE(events_frame_envelopes(R"({"t":"events","envs":{"a":1}})"));
  EXPECT_FALSE(events_frame_envelopes("not json"));
}
