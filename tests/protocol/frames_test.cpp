// What both hosts write: envelopes, server frames, the files' first lines, the roster, history pages.
#include "protocol/envelope.hpp"
#include "protocol/frames.hpp"
#include "protocol/history.hpp"
#include "protocol/log_format.hpp"
#include "protocol/roster.hpp"
#include "protocol/tokens.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace palabre::protocol {
namespace {

using nlohmann::json;

TEST(Envelope, KeepsTheClientsEvBytesAndAFixedKeyOrder) {
  const std::string text = envelope_text(7, 1000, "p3", "participant", true, R"({"type":"x", "a" : 1})");
  EXPECT_EQ(text, R"({"seq":7,"at":1000,"from":"p3","role":"participant","vis":"staff","ev":{"type":"x", "a" : 1}})");
  EXPECT_EQ(envelope_at(text), 1000);
  EXPECT_EQ(envelope_at("{}"), 0);
}

TEST(Envelope, StaffEnvelopesAreSeenByStaffAndTheirSenderOnly) {
  const StoredEnvelope staff{1, true, "p3", "{}"}, open{2, false, "p3", "{}"};
  EXPECT_TRUE(visible_to(staff, true, "h1"));
  EXPECT_TRUE(visible_to(staff, false, "p3"));
  EXPECT_FALSE(visible_to(staff, false, "p4"));
  EXPECT_TRUE(visible_to(open, false, "p4"));
}

TEST(Frames, AreTheDocumentedShapesWithTFirst) {
  const std::string a = "{\"seq\":1}", b = "{\"seq\":2}";
  EXPECT_EQ(events_frame({&a, &b}), R"({"t":"events","envs":[{"seq":1},{"seq":2}]})");
  EXPECT_EQ(ack_frame("", 5), R"({"t":"ack","seq":5})");
  EXPECT_EQ(ack_frame("\"c1\"", 5), R"({"t":"ack","cid":"c1","seq":5})");
  EXPECT_EQ(error_frame("no_room", "no room with this code", "3"),
            R"({"t":"error","code":"no_room","message":"no room with this code","cid":3})");
  EXPECT_EQ(closed_frame("ABC234"), R"({"t":"closed","room":"ABC234"})");
  EXPECT_EQ(presence_ev("p3", true), R"({"type":"presence","who":"p3","online":true})");
  Joined joined{"ABC234", "p3", "participant", "tok", {}, "a0123", 4, 1};
  EXPECT_EQ(joined_frame(joined),
            R"({"t":"joined","room":"ABC234","you":"p3","role":"participant","token":"tok","anon":"a0123","seq":4,"participants":1})");
  joined.kiosk_token = "kt";
  EXPECT_EQ(json::parse(joined_frame(joined))["kiosk_token"], "kt");
  EXPECT_EQ(created_frame("ABC234", "h", "k"),
            R"({"t":"created","room":"ABC234","host_token":"h","kiosk_token":"k","you":"h1","role":"host","token":"h","seq":0})");
}

TEST(Frames, AnErrorMessageWithBrokenUtf8StillMakesJson) {
  const std::string frame = error_frame("bad_message", "unknown type \"\xff\"", "");
  EXPECT_FALSE(json::parse(frame, nullptr, false).is_discarded());
}

TEST(LogFormat, TheHeaderLinesKeepTheirKeyOrder) {
  EXPECT_EQ(log_header_line("ABC234", 1665039300000),
            R"({"format":"palabre-log","version":1,"room":"ABC234","created":1665039300000})");
  EXPECT_EQ(members_header_line("ABC234", "hh", "kh", "key"),
            R"({"format":"palabre-members","version":1,"room":"ABC234","host":"hh","kiosk":"kh","anon_key":"key"})");
  EXPECT_EQ(member_line("p3", "th"), R"({"id":"p3","token":"th"})");
}

TEST(Roster, OpensMembersByTokenHashAndNumbersNewcomersAfterEveryKnownId) {
  Roster roster(token_hash("host"), token_hash("kiosk"), "key");
  EXPECT_EQ(roster.member_for_token_hash(token_hash("host")), "h1");
  EXPECT_EQ(roster.member_for_token_hash(token_hash("kiosk")), "k2");
  EXPECT_FALSE(roster.member_for_token_hash(token_hash("nobody")));
  EXPECT_EQ(roster.next_participant_id(), "p3");
  roster.add_participant("p7", token_hash("seven"));  // stored by another relay
  EXPECT_EQ(roster.next_participant_id(), "p8");
  EXPECT_EQ(roster.member_for_token_hash(token_hash("seven")), "p7");
  EXPECT_EQ(roster.participants(), 1u);
  EXPECT_EQ(roster.at("p7").role, Role::participant);
  EXPECT_EQ(role_name(roster.at("h1").role), "host");
  EXPECT_EQ(roster.at("p7").pseudonym, pseudonym("key", "p7"));
  EXPECT_EQ(roster.real_sender(pseudonym("key", "p7")), "p7");
  EXPECT_EQ(roster.real_sender("p3"), "p3");
}

TEST(History, PagesHoldWhatTheMemberSeesAfterSinceAndStopAtUpTo) {
  std::vector<StoredEnvelope> log;
  for (int seq = 1; seq <= 5; ++seq)
    log.push_back({seq, seq == 3, seq == 3 ? "p4" : "p3", "{\"seq\":" + std::to_string(seq) + "}"});
  HistoryCursor cursor{1, 4};
  const auto visible = [](const StoredEnvelope& e) { return visible_to(e, false, "p3"); };
  const auto page = next_history_page(log, cursor, visible);
  ASSERT_TRUE(page);
  EXPECT_EQ(*page, R"({"t":"events","envs":[{"seq":2},{"seq":4}]})");
  EXPECT_EQ(cursor.envelopes, 2u);
  EXPECT_FALSE(next_history_page(log, cursor, visible));
}

}  // namespace
}  // namespace palabre::protocol
