// Issue 16, poison-proof log: the relay is blind to activities, so it stores any `ev` object a member
// sends — of an unknown type, without type, with a field of the wrong type, sealed. Each used to
// stop `palabre replay` and `palabre report` at its line. Must hold: all are stored as sent (the
// relay learns no rule), and the log still reads and reports, the malformed ones left out and listed.
#include "relay_harness.hpp"

#include <gtest/gtest.h>

#include "core/log.hpp"
#include "report/from_session.hpp"
#include "report/render.hpp"

namespace palabre::relay::testing {
namespace {

TEST(Poison, EveryKindOfMalformedEventIsStoredAndTheReportStillComesOut) {
  TempDir dir;
  RelayFixture relay(dir.path(), RelayFixture::quiet_config());
  // Given a room with a running rating and two participants
  Client host(relay.port());
  const std::string room = host.create()["room"];
  host.event("public", {{"type", "activity.add"}, {"activity", {{"kind", "rating"}, {"title", "Votre avis ?"}, {"scale", 5}}}}, 1);
  const std::int64_t rating = host.next_of("ack").value()["seq"];
  host.event("public", {{"type", "activity.start"}, {"id", rating}}, 2);
  host.next_of("ack");
  Client alice(relay.port()), mallory(relay.port());
  alice.join(room);
  mallory.join(room);
  alice.event("public", {{"type", "participant.join"}, {"name", "Alice"}}, 1);
  mallory.event("public", {{"type", "participant.join"}, {"name", "Mallory"}}, 1);
  alice.event("staff", {{"type", "rating.vote"}, {"activity", rating}, {"stars", 4}}, 2);
  // when Mallory sends every kind of event the engine cannot read
  const std::vector<json> poison = {
      {{"type", "no.such.type"}, {"text", "x"}},
      {{"text", "no type"}},
      {{"type", "chat.post"}, {"text", 42}},
      {{"type", "rating.vote"}, {"activity", std::to_string(rating)}, {"stars", 5}},
      {{"type", 7}},
      {{"e2e", 1}, {"iv", "AAAAAAAAAAAAAAAA"}, {"ct", "AAAAAAAAAAAAAAAAAAAAAAAA"}},
      {{"type", "chat.post"}, {"text", "deep"}, {"x", json::parse(std::string(31, '[') + std::string(31, ']'))}},
  };
  for (std::size_t i = 0; i < poison.size(); ++i) mallory.event("public", poison[i], int(i) + 10);
  std::int64_t last = 0;
  for (std::size_t i = 0; i <= poison.size(); ++i) {
    const auto ack = mallory.next_of("ack");
    ASSERT_TRUE(ack.has_value()) << "the relay stores what it cannot judge";
    last = (*ack)["seq"];
  }
  host.event("public", {{"type", "chat.post"}, {"text", "Merci"}}, 3);
  last = host.next_of("ack").value()["seq"];
  host.envelopes_until(last);
  // then the stored log reads, the malformed events left out and listed with their seq
  std::string text;
  for (const std::string& line : log_lines(dir.path() / (room + ".palabre.jsonl"))) text += line + "\n";
  const core::LogContents log = core::read_log(text);
  ASSERT_TRUE(log.ok()) << log.fatal->reason;
  EXPECT_EQ(log.skipped.size(), poison.size() - 1) << "the 31-level one is a readable chat.post";
  // and the report of the valid events comes out, with the left-out ones in its appendix
  const core::Replay replayed = core::replay(log.envelopes);
  report::Report model = report::build_report(replayed.session, report::Lang::en);
  for (const auto& bad : log.skipped) model.left_out.push_back({bad.line, bad.seq, bad.reason});
  const std::string md = report::render(model, report::Format::markdown);
  EXPECT_NE(md.find("1 /2 votes"), std::string::npos) << md;
  EXPECT_NE(md.find("Merci"), std::string::npos);
  EXPECT_NE(md.find("Events left out"), std::string::npos);
  EXPECT_NE(md.find("unknown event type 'no.such.type'"), std::string::npos) << md;
}

}  // namespace
}  // namespace palabre::relay::testing
