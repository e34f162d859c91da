// Codec: envelopes and events to and from the wire JSON, with path + reason on errors.
#include <gtest/gtest.h>

#include "core/codec.hpp"

using namespace palabre::core;

TEST(Codec, GivenWireEnvelope_WhenDecoding_ThenAllFieldsTyped) {
  auto d = decode_envelope(
      R"({"seq":42,"at":1664960763000,"from":"p17","role":"participant","vis":"staff","ev":{"type":"chat.post","text":"Ça marche !"}})");
  ASSERT_TRUE(d) << d.error.message();
  EXPECT_EQ(d.value->seq, 42);
  EXPECT_EQ(d.value->at, 1664960763000);
  EXPECT_EQ(d.value->from, "p17");
  EXPECT_EQ(d.value->role, Role::participant);
  EXPECT_EQ(d.value->vis, Visibility::staff);
  ASSERT_TRUE(std::holds_alternative<ChatPost>(d.value->ev));
  EXPECT_EQ(std::get<ChatPost>(d.value->ev).text, "Ça marche !");
}

TEST(Codec, GivenEnvelope_WhenEncodingThenDecoding_ThenSameTextBack) {
  const std::string text =
      R"({"seq":3,"at":5,"from":"relay","role":"relay","vis":"public","ev":{"type":"presence","who":"p17","online":true}})";
  auto d = decode_envelope(text);
  ASSERT_TRUE(d) << d.error.message();
  EXPECT_EQ(encode_envelope(*d.value), text);
}

TEST(Codec, GivenNotJson_WhenDecoding_ThenErrorAtRoot) {
  auto d = decode_envelope("{not json");
  EXPECT_FALSE(d);
  EXPECT_EQ(d.error.path, "$");
}

TEST(Codec, GivenWrongFieldType_WhenDecoding_ThenErrorNamesThePath) {
  auto d = decode_envelope(R"({"seq":1,"at":2,"from":"p1","role":"participant","vis":"public","ev":{"type":"chat.post","text":5}})");
  EXPECT_FALSE(d);
  EXPECT_EQ(d.error.path, "$.ev.text");
  EXPECT_EQ(d.error.reason, "expected a string");
}

TEST(Codec, GivenMissingSeq_WhenDecoding_ThenErrorNamesSeq) {
  auto d = decode_envelope(R"({"at":2,"from":"p1","role":"participant","vis":"public","ev":{"type":"chat.post","text":"x"}})");
  EXPECT_FALSE(d);
  EXPECT_EQ(d.error.path, "$.seq");
}

TEST(Codec, GivenUnknownRoleOrVisibility_WhenDecoding_ThenRejected) {
  EXPECT_EQ(decode_envelope(R"({"seq":1,"at":2,"from":"p1","role":"king","vis":"public","ev":{"type":"chat.post","text":"x"}})").error.path, "$.role");
  EXPECT_EQ(decode_envelope(R"({"seq":1,"at":2,"from":"p1","role":"host","vis":"secret","ev":{"type":"chat.post","text":"x"}})").error.path, "$.vis");
}

TEST(Codec, GivenUnknownEventType_WhenDecoding_ThenErrorAtType) {
  auto d = decode_envelope(R"({"seq":1,"at":2,"from":"p1","role":"host","vis":"public","ev":{"type":"teleport"}})");
  EXPECT_FALSE(d);
  EXPECT_EQ(d.error.path, "$.ev.type");
}

TEST(Codec, GivenEvent_WhenEncodedForClient_ThenProtocolFrameWithDefaultVisibility) {
  EXPECT_EQ(encode_client_event(ChatPost{"Bonjour"}), R"({"t":"event","vis":"public","ev":{"type":"chat.post","text":"Bonjour"}})");
  EXPECT_EQ(encode_client_event(ChatPost{"B"}, Visibility::staff, 7), R"({"t":"event","vis":"staff","ev":{"type":"chat.post","text":"B"},"cid":7})");
}

TEST(Codec, GivenConfigureWithSomeFields_WhenEncoding_ThenOnlyThoseFields) {
  SessionConfigure c;
  c.title = "T";
  c.timezone = "UTC";
  EXPECT_EQ(encode_event(c), R"({"type":"session.configure","title":"T","timezone":"UTC"})");
  auto back = decode_event(encode_event(c));
  ASSERT_TRUE(back);
  EXPECT_EQ(*std::get<SessionConfigure>(*back.value).timezone, "UTC");
  EXPECT_FALSE(std::get<SessionConfigure>(*back.value).host.has_value());
}

TEST(Codec, GivenEveryEventOfSessionSlice_WhenRoundTripped_ThenEncodingIsStable) {
  for (const Event& ev : std::vector<Event>{ParticipantJoin{"A"}, ParticipantRename{"B"}, ChatPost{"C"},
                                            ChatHide{4, false}, Presence{"p1", false}}) {
    auto back = decode_event(encode_event(ev));
    ASSERT_TRUE(back) << back.error.message();
    EXPECT_EQ(encode_event(*back.value), encode_event(ev));
  }
}
