// The one UTF-8 helper: well-formed sequences only (RFC 3629), and cuts on code-point boundaries.
#include <gtest/gtest.h>

#include "core/utf8.hpp"

namespace utf8 = palabre::core::utf8;

TEST(Utf8, DecodesEachLengthAndRejectsWhatRfc3629Forbids) {
  EXPECT_EQ(utf8::decode("A", 0).cp, U'A');
  EXPECT_EQ(utf8::decode("é", 0).cp, U'é');
  EXPECT_EQ(utf8::decode("ễ", 0).length, 3u);
  const auto emoji = utf8::decode("🎉", 0);
  EXPECT_TRUE(emoji.valid);
  EXPECT_EQ(emoji.cp, U'🎉');
  EXPECT_EQ(emoji.length, 4u);
  for (const char* bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80", "\xE2\x82"}) {
    const auto d = utf8::decode(bad, 0);
    EXPECT_FALSE(d.valid) << bad;
    EXPECT_EQ(d.length, 1u);
  }
}

TEST(Utf8, AppendsWhatDecodeReads) {
  std::string out;
  for (char32_t cp : {U'a', U'ß', U'€', U'😀'}) utf8::append(out, cp);
  EXPECT_EQ(out, "aß€😀");
  EXPECT_EQ(utf8::length(out), 4u);
}

TEST(Utf8, CutsNeverSplitACodePoint) {
  const std::string name = "Dan Nguyễn 🎉";
  EXPECT_EQ(utf8::offset_of(name, 9), std::string("Dan Nguy").size() + 3);  // past "ễ"
  EXPECT_EQ(utf8::offset_of(name, 99), name.size());
  EXPECT_EQ(utf8::prefix(name, 10), "Dan Nguy");  // "ễ" would be cut: left out whole
  EXPECT_EQ(utf8::prefix(name, 11), "Dan Nguyễ");
  EXPECT_EQ(utf8::prefix("abc", 8), "abc");
}
