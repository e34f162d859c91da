// End-to-end encryption (docs/security.md): AES-256-GCM per `ev` under a room key the relay never
// sees. Must hold: only the key opens an event; any changed byte, or the event moved to another
// room, visibility or author, is rejected; a relay carrying an encrypted session stores and
// forwards ciphertext only, still ordering and routing it; the log decrypts to a replayable session.
#include "crypto/e2e.hpp"
#include "core/log.hpp"
#include "relay_harness.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace palabre::crypto {
namespace {

using relay::testing::Client;
using relay::testing::RelayFixture;
using relay::testing::TempDir;
using nlohmann::json;

const std::string kChat = R"({"type":"chat.post","text":"Secret opinion: the budget is wrong"})";

TEST(E2eFormat, GivenAKey_WhenAnEventIsSealedAndOpened_ThenTheSameTextComesBack) {
  const RoomKey key = new_room_key();
  const std::string sealed = encrypt_ev(key, "ABC234", "public", "p3", kChat, new_nonce());
  EXPECT_EQ(sealed.find("budget"), std::string::npos);
  const auto opened = decrypt_ev(key, "ABC234", "public", "p3", sealed);
  ASSERT_TRUE(opened.ev_json.has_value()) << opened.error;
  EXPECT_EQ(*opened.ev_json, kChat);
}

TEST(E2eFormat, GivenAKeyText_WhenParsed_ThenItRoundTripsAndBadTextIsRefused) {
  const RoomKey key = new_room_key();
  const std::string text = room_key_text(key);
  EXPECT_EQ(text.size(), 43u);
  EXPECT_EQ(parse_room_key(text), key);
  EXPECT_FALSE(parse_room_key(text.substr(1)).has_value());
  EXPECT_FALSE(parse_room_key(text.substr(0, 42) + "!").has_value());
  EXPECT_FALSE(parse_room_key("").has_value());
}

TEST(E2eKeyChain, GivenARenewedKey_WhenEventsOfBothEpochsAreOpened_ThenEachOpensWithItsOwnKeyOnly) {
  const RoomKey first = new_room_key(), second = new_room_key();
  const auto chain = parse_key_chain(room_key_text(first) + room_key_text(second));
  ASSERT_TRUE(chain.has_value());
  ASSERT_EQ(chain->size(), 2u);
  const std::string before = encrypt_ev(first, "ABC234", "public", "p3", kChat, new_nonce());
  const std::string after = encrypt_ev(second, "ABC234", "public", "p4", kChat, new_nonce(), 2);
  EXPECT_EQ(json::parse(after)["k"], 2);
  EXPECT_FALSE(json::parse(before).contains("k")) << "epoch 1 writes what v1 always wrote";
  // the whole chain opens both
  EXPECT_TRUE(decrypt_ev(*chain, "ABC234", "public", "p3", before).ev_json.has_value());
  EXPECT_TRUE(decrypt_ev(*chain, "ABC234", "public", "p4", after).ev_json.has_value());
  // the removed participant's chain (the first key only) opens what came before, not what follows
  EXPECT_TRUE(decrypt_ev(first, "ABC234", "public", "p3", before).ev_json.has_value());
  const auto refused = decrypt_ev(first, "ABC234", "public", "p4", after);
  EXPECT_FALSE(refused.ev_json.has_value());
  EXPECT_NE(refused.error.find("epoch 2"), std::string::npos) << refused.error;
  // and relabelling the epoch does not help: the first key does not open the second's ciphertext
  json relabelled = json::parse(after);
  relabelled.erase("k");
  EXPECT_FALSE(decrypt_ev(first, "ABC234", "public", "p4", relabelled.dump()).ev_json.has_value());
}

TEST(E2eKeyChain, GivenChainText_WhenParsed_ThenOnlyWholeKeysEndToEndAreTaken) {
  const std::string one = room_key_text(new_room_key());
  EXPECT_EQ(parse_key_chain(one)->size(), 1u);
  EXPECT_EQ(parse_key_chain(one + one + one)->size(), 3u);
  EXPECT_FALSE(parse_key_chain(one + one.substr(0, 20)).has_value());
  EXPECT_FALSE(parse_key_chain("").has_value());
  EXPECT_FALSE(parse_key_chain(one + "." + one.substr(1)).has_value());
}

TEST(E2eKeyChain, GivenAnEventCarryingItsSendersPublicKey_WhenTheKeyIsSwapped_ThenItIsRejected) {
  const RoomKey key = new_room_key();
  const std::string pub = "BPublicKeyOfZoe";
  json sealed = json::parse(encrypt_ev(key, "ABC234", "public", "p3", kChat, new_nonce(), 1, pub));
  EXPECT_EQ(sealed["pub"], pub);
  EXPECT_TRUE(decrypt_ev(key, "ABC234", "public", "p3", sealed.dump()).ev_json.has_value());
  // a relay swapping in its own public key (to be sent the next room key) is caught
  sealed["pub"] = "BPublicKeyOfTheRelay";
  EXPECT_FALSE(decrypt_ev(key, "ABC234", "public", "p3", sealed.dump()).ev_json.has_value());
  sealed.erase("pub");
  EXPECT_FALSE(decrypt_ev(key, "ABC234", "public", "p3", sealed.dump()).ev_json.has_value());
}

TEST(E2eFormat, GivenASealedEvent_WhenAnyCiphertextByteChanges_ThenItIsRejected) {
  const RoomKey key = new_room_key();
  const json sealed = json::parse(encrypt_ev(key, "ABC234", "staff", "p3", kChat, new_nonce()));
  const std::string ct = sealed["ct"];
  for (std::size_t i = 0; i < ct.size(); ++i) {
    json tampered = sealed;
    std::string changed = ct;
    changed[i] = changed[i] == 'A' ? 'B' : 'A';
    tampered["ct"] = changed;
    const auto opened = decrypt_ev(key, "ABC234", "staff", "p3", tampered.dump());
    // (the last character carries padding bits only when the length is not a multiple of 3)
    if (i + 1 < ct.size()) {
      EXPECT_FALSE(opened.ev_json.has_value()) << "byte " << i << " changed and still opened";
    }
  }
  json other_iv = sealed;
  std::string iv = sealed["iv"];
  iv[0] = iv[0] == 'A' ? 'B' : 'A';
  other_iv["iv"] = iv;
  EXPECT_FALSE(decrypt_ev(key, "ABC234", "staff", "p3", other_iv.dump()).ev_json.has_value());
}

TEST(E2eFormat, GivenASealedEvent_WhenMovedOrOpenedWithAnotherKey_ThenItIsRejected) {
  const RoomKey key = new_room_key();
  const std::string sealed = encrypt_ev(key, "ABC234", "staff", "p3", kChat, new_nonce());
  EXPECT_FALSE(decrypt_ev(new_room_key(), "ABC234", "staff", "p3", sealed).ev_json.has_value());
  EXPECT_FALSE(decrypt_ev(key, "XYZ234", "staff", "p3", sealed).ev_json.has_value());   // another room
  EXPECT_FALSE(decrypt_ev(key, "ABC234", "public", "p3", sealed).ev_json.has_value());  // made public
  EXPECT_FALSE(decrypt_ev(key, "ABC234", "staff", "p4", sealed).ev_json.has_value());   // another author
  EXPECT_FALSE(decrypt_ev(key, "ABC234", "staff", "p3", kChat).ev_json.has_value());    // sent in clear
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST(E2eRelay, GivenAnEncryptedSession_WhenRelayed_ThenTheLogHoldsNoPlaintextAndDecryptsToTheSession) {
  TempDir dir;
  std::string room;
  std::vector<json> seen_by_participant;
  const RoomKey key = new_room_key();
  const std::string title = "Atelier confidentiel 7f3a";
  const std::string answer = "Secret opinion: the budget is wrong";
  {
    RelayFixture relay(dir.path(), RelayFixture::quiet_config());
    // Given a host and a participant who share the room key (their links' fragment)
    Client host(relay.port());
    const json created = host.create();
    room = created["room"];
    Client participant(relay.port());
    const json joined = participant.join(room);
    const std::string me = joined["you"];
    auto send_sealed = [&](Client& client, const std::string& from, const std::string& vis, const json& ev, int cid) {
      client.send(json{{"t", "event"}, {"cid", cid}, {"vis", vis},
                       {"ev", json::parse(encrypt_ev(key, room, vis, from, ev.dump(), new_nonce()))}});
      return client.next_of("ack");
    };
    // when they send encrypted events (configure, a join with a name, a chat message)
    ASSERT_TRUE(send_sealed(host, "h1", "public", {{"type", "session.configure"}, {"title", title}, {"host", "Anne"},
                                                 {"date", "2022-10-05"}, {"locale", "fr"}}, 1));
    ASSERT_TRUE(send_sealed(participant, me, "public", {{"type", "participant.join"}, {"name", "Zoé Secrète"}}, 2));
    const auto ack = send_sealed(participant, me, "public", json::parse(kChat), 3);
    ASSERT_TRUE(ack);
    // then the relay still orders and routes them: the host receives each, as ciphertext
    for (const auto& env : host.envelopes_until((*ack)["seq"])) {
      if (env["role"] == "relay") continue;
      EXPECT_EQ(env["ev"]["e2e"], 1) << env.dump();
      const auto opened = decrypt_ev(key, room, env["vis"].get<std::string>(), env["from"].get<std::string>(), env["ev"].dump());
      EXPECT_TRUE(opened.ev_json.has_value()) << opened.error;
    }
  }
  // and the stored log holds none of the plaintext
  const std::string log = read_file(dir.path() / (room + ".palabre.jsonl"));
  for (const std::string& secret : {title, std::string("Zoé"), std::string("budget"), std::string("chat.post"),
                                    std::string("session.configure")})
    EXPECT_EQ(log.find(secret), std::string::npos) << "plaintext '" << secret << "' in the relay's log";
  // and with the key the log decrypts to a session the engine replays
  const auto plain = decrypt_log(log, key);
  ASSERT_TRUE(plain.text.has_value()) << plain.line << ": " << plain.error;
  EXPECT_TRUE(plain.rejected.empty());
  const auto replay = core::replay_log_text(*plain.text);
  ASSERT_TRUE(replay.ok());
  EXPECT_EQ(replay.replay.session.info.title, title);
  ASSERT_EQ(replay.replay.session.messages.size(), 1u);
  EXPECT_EQ(replay.replay.session.messages[0].text, answer);
  // and without it, nothing opens
  const auto wrong = decrypt_log(log, new_room_key());
  ASSERT_TRUE(wrong.text.has_value());
  EXPECT_EQ(wrong.rejected.size(), 3u);
}

TEST(E2eRelay, GivenATamperedCiphertext_WhenRelayed_ThenEveryReceivingClientRejectsIt) {
  TempDir dir;
  RelayFixture relay(dir.path(), RelayFixture::quiet_config());
  const RoomKey key = new_room_key();
  // Given a host, a kiosk and two participants sharing the key
  Client host(relay.port());
  const json created = host.create();
  const std::string room = created["room"];
  Client kiosk(relay.port());
  kiosk.join(room, created["kiosk_token"]);
  Client honest(relay.port());
  honest.join(room);
  Client attacker(relay.port());
  const std::string attacker_id = attacker.join(room)["you"];
  // when one sends a ciphertext with one byte flipped, and one sent in clear
  json sealed = json::parse(encrypt_ev(key, room, "public", attacker_id, kChat, new_nonce()));
  std::string ct = sealed["ct"];
  ct[3] = ct[3] == 'x' ? 'y' : 'x';
  sealed["ct"] = ct;
  attacker.send(json{{"t", "event"}, {"cid", 1}, {"vis", "public"}, {"ev", sealed}});
  attacker.send(json{{"t", "event"}, {"cid", 2}, {"vis", "public"}, {"ev", json::parse(kChat)}});
  attacker.next_of("ack");
  const auto last = attacker.next_of("ack");
  ASSERT_TRUE(last.has_value());
  // then the relay forwards them (it cannot tell), and every client that decrypts rejects both
  for (Client* client : {&host, &kiosk, &honest}) {
    int rejected = 0;
    for (const auto& env : client->envelopes_until((*last)["seq"])) {
      if (env["role"] == "relay") continue;
      const auto opened = decrypt_ev(key, room, env["vis"].get<std::string>(), env["from"].get<std::string>(), env["ev"].dump());
      EXPECT_FALSE(opened.ev_json.has_value());
      ++rejected;
    }
    EXPECT_EQ(rejected, 2);
  }
}

}  // namespace
}  // namespace palabre::crypto
