// The protocol's small building blocks: SHA-256, raw JSON member text, room codes, pseudonyms.
#include "protocol/json_text.hpp"
#include "protocol/sha256.hpp"
#include "protocol/tokens.hpp"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>

namespace palabre::protocol {
namespace {

// The protocol takes its randomness from the host; here a seeded generator stands in for it.
struct Random {
  std::mt19937_64 engine{20261205};
  void operator()(void* out, std::size_t size) {
    auto* bytes = static_cast<unsigned char*>(out);
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<unsigned char>(engine());
  }
};

TEST(Sha256, MatchesTheFipsTestVectors) {
  // Given the NIST FIPS 180-4 examples, when hashed, then the published digests
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, TheWasmImplementationMatchesOpenSsl) {
  // Given the standard's vectors and 300 random messages of every length up to 300 bytes, the small
  // implementation the browser uses gives OpenSSL's digest (natively, sha256() is OpenSSL's)
  EXPECT_EQ(to_hex(portable_sha256("abc").data(), 32), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(portable_sha256(std::string(1000000, 'a')), sha256(std::string(1000000, 'a')));
  Random random;
  for (std::size_t size = 0; size < 300; ++size) {
    std::string message(size, '\0');
    random(message.data(), message.size());
    ASSERT_EQ(portable_sha256(message), sha256(message)) << size << " bytes";
  }
}

TEST(Sha256, EveryPaddingBoundaryHashesDifferently) {
  // Given messages of 55, 56, 63, 64 and 65 bytes (padding edge cases), then all digests differ
  std::set<std::string> digests;
  for (int n : {55, 56, 63, 64, 65}) digests.insert(sha256_hex(std::string(n, 'x')));
  EXPECT_EQ(digests.size(), 5u);
  EXPECT_EQ(sha256_hex(std::string(64, 'a')), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST(RawMemberText, ReturnsTheExactBytesOfTheLastMatchingTopLevelKey) {
  // Given objects with nesting, strings that look like keys, and duplicates
  const std::string text = R"({"t":"event","x":{"ev":1},"s":"\"ev\":2","ev" : { "a" : [1,"}"] } ,"n":3})";
  // then the top-level ev's text is returned exactly
  EXPECT_EQ(raw_member_text(text, "ev").value(), R"({ "a" : [1,"}"] })");
  EXPECT_EQ(raw_member_text(text, "n").value(), "3");
  EXPECT_EQ(raw_member_text(R"({"ev":1,"ev":{"b":2}})", "ev").value(), R"({"b":2})");
  EXPECT_FALSE(raw_member_text(R"({"e":1})", "ev").has_value());
  EXPECT_FALSE(raw_member_text(R"({"\u0065v":{}})", "ev").has_value());
}

TEST(RoomCodes, AreSixUnambiguousCharactersAndNormalizeFromLowerCase) {
  Random random;
  for (int i = 0; i < 200; ++i) {
    std::string code = new_room_code(std::ref(random));
    ASSERT_EQ(code.size(), 6u);
    for (char c : code) EXPECT_EQ(std::string("0O1IL").find(c), std::string::npos) << code;
    std::string typed = code;
    for (char& c : typed) c = char(std::tolower(c));
    ASSERT_TRUE(normalize_room_code(typed));
    EXPECT_EQ(typed, code);
  }
  std::string bad = "AB0CDE";
  EXPECT_FALSE(normalize_room_code(bad));
}

TEST(Tokens, Are128RandomBitsAndNeverRepeat) {
  Random random;
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string token = new_token(std::ref(random));
    EXPECT_EQ(token.size(), 32u);
    EXPECT_TRUE(seen.insert(token).second);
  }
}

TEST(Pseudonyms, AreStablePerRoomAndDifferAcrossRoomsAndMembers) {
  EXPECT_EQ(pseudonym("key1", "p3"), pseudonym("key1", "p3"));
  EXPECT_NE(pseudonym("key1", "p3"), pseudonym("key2", "p3"));
  EXPECT_NE(pseudonym("key1", "p3"), pseudonym("key1", "p4"));
  EXPECT_EQ(pseudonym("key1", "p3").find("p3"), std::string::npos);
}

}  // namespace
}  // namespace palabre::protocol
