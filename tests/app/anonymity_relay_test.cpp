// Issue 16, anonymity end to end: the app's own client (what the browser runs) against a real relay.
// Every envelope each role receives — host, kiosk, the author, another participant — and the
// stored log: nothing of an anonymous activity names its author (member id or name), and the
// engines accept it (the pseudonym path), once per pseudonym.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "../relay/relay_harness.hpp"
#include "app/client.hpp"
#include "core/codec.hpp"

using nlohmann::json;
using namespace palabre;
using relay::testing::RelayFixture;
using relay::testing::TempDir;

namespace {

// An app client wired to a relay socket; keeps every envelope it was sent.
struct Wired {
  explicit Wired(unsigned short port) : socket(port) {}
  app::Client app;
  relay::testing::Client socket;
  std::vector<json> envelopes;

  // Sends what the app queued, then feeds it every frame until the line is quiet.
  void pump() {
    for (;;) {
      for (const std::string& frame : app.take_outgoing()) socket.send(frame);
      const auto text = socket.next_text(std::chrono::milliseconds(150));
      if (!text) return;
      const json frame = json::parse(*text);
      if (frame["t"] == "events")
        for (const json& env : frame["envs"]) envelopes.push_back(env);
      app.on_frame(*text);
    }
  }
};

core::Event event(std::string_view text) { return *core::decode_event(text).value; }

// Every envelope about activity `id`.
std::vector<json> about(const std::vector<json>& envelopes, std::int64_t id) {
  std::vector<json> out;
  for (const json& env : envelopes)
    if (const auto it = env["ev"].find("activity"); it != env["ev"].end() && it->is_number_integer() && *it == id)
      out.push_back(env);
  return out;
}

}  // namespace

TEST(AnonymityEndToEnd, GivenAnonymousSurveyAndBrainstorm_WhenAliceAnswersAndPosts_ThenNoEnvelopeAnyoneGetsNamesHer) {
  TempDir dir;
  RelayFixture relay(dir.path(), RelayFixture::quiet_config());
  // Given a host with an anonymous survey and an anonymous brainstorm, running
  Wired host(relay.port());
  host.app.create_room();
  host.app.on_open();
  host.pump();
  const std::string room = host.app.identity().room;
  ASSERT_FALSE(room.empty());
  host.app.submit(event(R"({"type":"activity.add","activity":{"kind":"survey","title":"S","anonymous":true,
    "questions":[{"kind":"open","text":"Un secret ?"}]}})"));
  host.app.submit(event(R"({"type":"activity.add","activity":{"kind":"brainstorm","title":"B","anonymous":true}})"));
  host.pump();
  ASSERT_EQ(host.app.session().activities.size(), 2u);
  const std::int64_t survey = host.app.session().activities[0].id, ideas = host.app.session().activities[1].id;
  host.app.submit(core::ActivityStart{survey});
  host.app.submit(core::ActivityStart{ideas});
  host.pump();
  // and a kiosk, Alice and Bob in the room
  Wired kiosk(relay.port());
  kiosk.app.enter_room(room, host.app.identity().kiosk_token);
  kiosk.app.on_open();
  kiosk.pump();
  Wired alice(relay.port()), bob(relay.port());
  for (Wired* p : {&alice, &bob}) {
    p->app.enter_room(room, "");
    p->app.on_open();
    p->pump();
    p->app.submit(core::ParticipantJoin{p == &alice ? "Alice" : "Bob"});
    p->pump();
  }
  const std::string alice_id = alice.app.identity().you, alice_anon = alice.app.identity().anon;
  ASSERT_FALSE(alice_anon.empty());
  // when Alice answers the survey and posts an idea, and Bob likes it
  alice.app.submit(core::SurveyAnswer{survey, 0, {}, "mon secret", 0, ""});
  alice.app.submit(core::IdeaPost{ideas, "idée anonyme"});
  alice.pump();
  EXPECT_TRUE(alice.app.pending().empty()) << "Alice's client recognised its pseudonymous envelopes as its own";
  for (Wired* w : {&host, &kiosk, &bob}) w->pump();
  ASSERT_EQ(host.app.session().activities[1].ideas.size(), 1u);
  bob.app.submit(core::IdeaLike{ideas, host.app.session().activities[1].ideas.begin()->first, true});
  bob.pump();
  for (Wired* w : {&host, &kiosk, &alice}) w->pump();

  // then every engine accepted everything (no not_joined)
  for (Wired* w : {&host, &kiosk, &alice, &bob}) EXPECT_EQ(w->app.refused(), 0) << w->app.identity().role;
  EXPECT_EQ(host.app.session().activities[0].survey_answers[0].size(), 1u);
  EXPECT_EQ(host.app.session().activities[1].ideas.begin()->second.likes.size(), 1u);
  // and of every envelope of these activities each role received, none names its author
  const auto names_nobody = [&](const std::vector<json>& envelopes, const char* who) {
    for (std::int64_t id : {survey, ideas})
      for (const json& env : about(envelopes, id)) {
        if (env["role"] != "participant") continue;
        EXPECT_TRUE(core::is_pseudonym(env["from"].get<std::string>())) << who << " got " << env.dump();
        EXPECT_EQ(env.dump().find("Alice"), std::string::npos) << who << " got " << env.dump();
        EXPECT_EQ(env.dump().find("Bob"), std::string::npos) << who << " got " << env.dump();
      }
  };
  names_nobody(host.envelopes, "host");
  names_nobody(kiosk.envelopes, "kiosk");
  names_nobody(bob.envelopes, "bob");
  names_nobody(alice.envelopes, "alice");
  EXPECT_EQ(about(host.envelopes, survey).size(), 1u) << "Alice's answer";
  EXPECT_EQ(about(host.envelopes, ideas).size(), 2u) << "Alice's idea and Bob's like";
  EXPECT_EQ(about(bob.envelopes, ideas).size(), 2u) << "Alice's idea (public) and his own like";
  EXPECT_EQ(about(bob.envelopes, survey).size(), 0u) << "answers are staff";
  // and the stored log holds no member id beside an anonymous activity's event
  std::vector<json> stored;
  for (const std::string& line : relay::testing::log_lines(dir.path() / (room + ".palabre.jsonl")))
    if (line.find("\"seq\"") != std::string::npos) stored.push_back(json::parse(line));
  names_nobody(stored, "log");
  bool found_answer = false;
  for (const json& env : about(stored, survey)) found_answer = found_answer || env["from"] == alice_anon;
  EXPECT_TRUE(found_answer);
  for (const json& env : stored)
    if (env["from"] == alice_id) EXPECT_EQ(env["ev"]["type"], "participant.join") << "Alice's only named event";
}
