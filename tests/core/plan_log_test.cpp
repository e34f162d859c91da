// Plan format (all or nothing, JSON path + reason) and log format (header, torn tail, bad lines).
#include <gtest/gtest.h>

#include "core/log.hpp"
#include "core/plan.hpp"
#include "helpers.hpp"

using namespace palabre::core;
using namespace palabre::core::testing;

namespace {
const char* valid_plan = R"({"format":"palabre-plan","version":1,
  "session":{"title":"Café","host":"Anne","date":"2022-10-05","locale":"fr","timezone":"Europe/Paris"},
  "activities":[
    {"kind":"challenge","title":"Date ?","answers":["26/09/2022"]},
    {"kind":"survey","title":"Usage","questions":[{"kind":"single","text":"Photo ?","choices":["oui","non"]},
                                                   {"kind":"rating","text":"Site ?","scale":5,"comment":true}]},
    {"kind":"rating","title":"Avis ?"}]})";
}  // namespace

TEST(Plan, GivenValidPlan_WhenLoaded_ThenSessionAndActivities) {
  auto p = load_plan(valid_plan);
  ASSERT_TRUE(p) << p.error.message();
  EXPECT_EQ(p.value->info.title, "Café");
  ASSERT_EQ(p.value->activities.size(), 3u);
  EXPECT_EQ(p.value->activities[1].questions[1].kind, QuestionKind::rating);
  EXPECT_TRUE(p.value->activities[1].questions[1].comment);
}

TEST(Plan, GivenPlan_WhenWrittenAndReloaded_ThenSameJson) {
  auto p = load_plan(valid_plan);
  ASSERT_TRUE(p);
  auto again = load_plan(plan_to_json(*p.value));
  ASSERT_TRUE(again) << again.error.message();
  EXPECT_EQ(plan_to_json(*again.value), plan_to_json(*p.value));
}

TEST(Plan, GivenErrorDeepInside_WhenLoaded_ThenPathAndReasonAndNothingLoaded) {
  std::string text = valid_plan;
  text.replace(text.find(R"("choices":["oui","non"])"), 23, R"("choices":["oui"])");
  auto p = load_plan(text);
  EXPECT_FALSE(p.value.has_value());
  EXPECT_EQ(p.error.path, "$.activities[1].questions[0].choices");
  EXPECT_EQ(p.error.reason, "needs at least 2 choices");
}

TEST(Plan, GivenWrongTypeOrKind_WhenLoaded_ThenPathNamesTheField) {
  EXPECT_EQ(load_plan(R"({"format":"palabre-plan","version":1,"session":{"title":5},"activities":[]})").error.path, "$.session.title");
  EXPECT_EQ(load_plan(R"({"format":"palabre-plan","version":1,"session":{"title":"T"},"activities":[{"kind":"poll","title":"x"}]})").error.path,
            "$.activities[0].kind");
  EXPECT_EQ(load_plan(R"({"format":"palabre-plan","version":2,"session":{"title":"T"},"activities":[]})").error.path, "$.version");
  EXPECT_EQ(load_plan(R"({"format":"palabre-plan","version":1,"session":{"title":"T","timezone":"Mars/Olympus"},"activities":[]})").error.path,
            "$.session.timezone");
  EXPECT_EQ(load_plan("[1,2").error.path, "$");
}

TEST(Plan, GivenPlan_WhenTurnedIntoEvents_ThenHostSetsUpTheSessionWithThem) {
  auto p = load_plan(valid_plan);
  ASSERT_TRUE(p);
  Script s;
  for (const Event& e : plan_events(*p.value)) EXPECT_TRUE(s.host(e).accepted());
  EXPECT_EQ(s.session.info.host, "Anne");
  EXPECT_EQ(s.session.activities.size(), 3u);
}

TEST(Log, GivenHeaderAndEnvelopes_WhenRead_ThenAllEnvelopesInOrder) {
  std::string text = encode_log_header({"ABC123", 1664960400000, 1}) + "\n";
  Script s;
  text += encode_envelope(s.envelope("p1", Role::participant, ParticipantJoin{"A"})) + "\n";
  text += encode_envelope(s.envelope("p1", Role::participant, ChatPost{"Bonjour"})) + "\n";
  LogContents log = read_log(text);
  ASSERT_TRUE(log.ok());
  EXPECT_EQ(log.header->room, "ABC123");
  ASSERT_EQ(log.envelopes.size(), 2u);
  Replay r = replay(log.envelopes);
  EXPECT_EQ(r.applied, 2u);
  EXPECT_EQ(r.session.messages.size(), 1u);
}

TEST(Log, GivenHeader_WhenEncoded_ThenExactlyTheDocumentedLine) {
  EXPECT_EQ(encode_log_header({"ABC123", 1664960400000, 1}),
            R"({"format":"palabre-log","version":1,"room":"ABC123","created":1664960400000})");
}

TEST(Log, GivenBadLineInTheMiddle_WhenRead_ThenFatalWithLineNumber) {
  std::string text = encode_log_header({"ABC123", 1, 1}) + "\n{\"seq\":1}\n" +
                     R"({"seq":2,"at":1,"from":"p1","role":"participant","vis":"public","ev":{"type":"chat.post","text":"x"}})" "\n";
  LogContents log = read_log(text);
  EXPECT_FALSE(log.ok());
  EXPECT_EQ(log.fatal->line, 2u);
  EXPECT_NE(log.fatal->reason.find("$.at"), std::string::npos);
}

// Issue 16: the relay stores any `ev` object (it is blind to activities), so one participant could
// store an event the engine cannot even decode and make the whole log unreadable. Such lines are
// skipped and listed; every other envelope is read and applied.
TEST(Log, GivenMalformedEventsAParticipantCouldStore_WhenRead_ThenSkippedListedAndTheRestApplied) {
  auto line = [](int seq, const std::string& ev) {
    return R"({"seq":)" + std::to_string(seq) + R"(,"at":1,"from":"p1","role":"participant","vis":"public","ev":)" + ev + "}\n";
  };
  const std::string deep = R"({"type":"chat.post","text":"deep","x":)" + std::string(20000, '[') + std::string(20000, ']') + "}";
  const std::string text = encode_log_header({"ABC123", 1, 1}) + "\n" +
                           line(1, R"({"type":"participant.join","name":"Alice"})") +
                           line(2, R"({"type":"no.such.type","text":"x"})") +      // unknown type
                           line(3, R"({"text":"no type"})") +                     // missing type
                           line(4, R"({"type":"chat.post","text":42})") +          // wrong field type
                           line(5, "5") +                                          // not an object (old relays)
                           line(6, deep) +                                         // nested 20,000 deep
                           line(7, R"({"e2e":1,"iv":"AAAA","ct":"AAAA"})") +       // sealed, read in clear
                           line(8, R"({"type":"chat.post","text":"still here"})");
  for (int pass = 0; pass < 2; ++pass) {  // read_log + replay, and the streaming replay_log_text
    std::vector<LogProblem> skipped;
    Replay r;
    if (pass == 0) {
      LogContents log = read_log(text);
      ASSERT_TRUE(log.ok()) << log.fatal->reason;
      skipped = log.skipped;
      r = replay(log.envelopes);
    } else {
      ReplayStream log = replay_log_text(text);
      ASSERT_TRUE(log.ok()) << log.fatal->reason;
      skipped = log.skipped;
      r = std::move(log.replay);
    }
    ASSERT_EQ(skipped.size(), 6u);
    for (std::size_t i = 0; i < skipped.size(); ++i) {
      EXPECT_EQ(skipped[i].line, i + 3) << "lines 3 to 8 of the file";
      EXPECT_EQ(skipped[i].seq, std::int64_t(i) + 2);
      EXPECT_EQ(skipped[i].reason.rfind("$.ev", 0), 0u) << skipped[i].reason;
    }
    EXPECT_NE(skipped[4].reason.find("deeper than 32"), std::string::npos) << skipped[4].reason;
    EXPECT_EQ(r.applied, 2u);
    ASSERT_EQ(r.session.messages.size(), 1u);
    EXPECT_EQ(r.session.messages[0].text, "still here");
  }
}

TEST(Log, GivenMissingOrForeignHeader_WhenRead_ThenFatal) {
  EXPECT_FALSE(read_log("").ok());
  EXPECT_FALSE(read_log(R"({"format":"other","version":1,"room":"A","created":1})" "\n").ok());
  EXPECT_FALSE(read_log(R"({"format":"palabre-log","version":9,"room":"A","created":1})" "\n").ok());
}

TEST(Log, GivenTornLastLine_WhenRead_ThenDroppedReportedAndNotFatal) {
  std::string text = encode_log_header({"A", 1, 1}) + "\n" +
                     R"({"seq":1,"at":1,"from":"p1","role":"participant","vis":"public","ev":{"type":"participant.join","name":"A"}})" "\n" +
                     R"({"seq":2,"at":1,"from":"p1","role":"partic)";
  LogContents log = read_log(text);
  EXPECT_TRUE(log.ok());
  EXPECT_EQ(log.envelopes.size(), 1u);
  ASSERT_TRUE(log.torn_tail.has_value());
  EXPECT_EQ(log.torn_tail->line, 3u);
}

TEST(Log, GivenCrlfLineEnds_WhenRead_ThenAccepted) {
  std::string text = encode_log_header({"A", 1, 1}) + "\r\n" +
                     R"({"seq":1,"at":1,"from":"p1","role":"participant","vis":"public","ev":{"type":"participant.join","name":"A"}})" "\r\n";
  LogContents log = read_log(text);
  EXPECT_TRUE(log.ok());
  EXPECT_EQ(log.envelopes.size(), 1u);
}
