// The folding rule by which challenge answers are compared and the word cloud groups ideas.
#include <gtest/gtest.h>

#include "core/text.hpp"

using namespace palabre::core;

TEST(NormalizeAnswer, GivenCaseAccentsAndSpaces_WhenNormalized_ThenComparable) {
  EXPECT_EQ(normalize_answer("  Écran   VIVANT "), "ecran vivant");
  EXPECT_EQ(normalize_answer("Œuvre à Çà"), "oeuvre a ca");
  EXPECT_EQ(normalize_answer("26/09/2022"), "26/09/2022");
}

TEST(NormalizeAnswer, GivenOneWordInThreeCases_WhenNormalized_ThenOneForm) {
  EXPECT_EQ(normalize_answer("Élan"), "elan");
  EXPECT_EQ(normalize_answer("ÉLAN"), "elan");
  EXPECT_EQ(normalize_answer("élan"), "elan");
}

TEST(NormalizeAnswer, GivenLigaturesAndSharpS_WhenNormalized_ThenSpelledOut) {
  EXPECT_EQ(normalize_answer("ŒUVRE"), "oeuvre");
  EXPECT_EQ(normalize_answer("Ætheria"), "aetheria");
  EXPECT_EQ(normalize_answer("Straße"), "strasse");
  EXPECT_EQ(normalize_answer("STRAẞE"), "strasse");
}

TEST(NormalizeAnswer, GivenVietnameseNames_WhenNormalized_ThenTheirBaseLetters) {
  EXPECT_EQ(normalize_answer("Nguyễn"), "nguyen");
  EXPECT_EQ(normalize_answer("ĐẶNG Thị Phương"), "dang thi phuong");
  EXPECT_EQ(normalize_answer("Ở đây"), "o day");
}

TEST(NormalizeAnswer, GivenLatinExtendedLetters_WhenNormalized_ThenTheirBaseLetters) {
  EXPECT_EQ(normalize_answer("Ștefan Țara"), "stefan tara");  // Romanian, Latin Extended-B
  EXPECT_EQ(normalize_answer("Łódź Ħal"), "lodz hal");       // stroke letters
  EXPECT_EQ(normalize_answer("ǍǏǑǓ ǖ"), "aiou u");            // pinyin tones
  EXPECT_EQ(normalize_answer("Ĳssel ǅ"), "ijssel dz");        // digraphs
}

TEST(NormalizeAnswer, GivenGreek_WhenNormalized_ThenSmallLettersWithoutAccents) {
  EXPECT_EQ(normalize_answer("ΑΘΗΝΑ"), normalize_answer("Αθήνα"));
  EXPECT_EQ(normalize_answer("Αθήνα"), "αθηνα");
  EXPECT_EQ(normalize_answer("ΟΔΥΣΣΕΥΣ"), normalize_answer("Οδυσσεύς"));  // final sigma
}

TEST(NormalizeAnswer, GivenCyrillic_WhenNormalized_ThenSmallLetters) {
  EXPECT_EQ(normalize_answer("МОСКВА"), "москва");
  EXPECT_EQ(normalize_answer("ЁЖИК Ґанок"), "ёжик ґанок");  // Ѐ..Џ, and a pair past the basic block
}

TEST(NormalizeAnswer, GivenDecomposedAccent_WhenNormalized_ThenSameAsComposed) {
  EXPECT_EQ(normalize_answer("e\xCC\x81t\xC3\xA9"), "ete");
}

TEST(NormalizeAnswer, GivenNoBreakAndNarrowSpaces_WhenNormalized_ThenOneSpace) {
  EXPECT_EQ(normalize_answer("Rentrée\xC2\xA0\xE2\x80\xAFintense\xE2\x80\xAF"), "rentree intense");
}

TEST(NormalizeAnswer, GivenNonLatinText_WhenNormalized_ThenKeptAsIs) {
  EXPECT_EQ(normalize_answer("日本"), "日本");
  EXPECT_EQ(normalize_answer("😀 ok"), "😀 ok");
}

TEST(NormalizeAnswer, GivenInvalidUtf8_WhenNormalized_ThenItsBytesAreKept) {
  EXPECT_EQ(normalize_answer("A\xFF" "B"), "a\xFF" "b");
  EXPECT_EQ(normalize_answer("\xC3"), "\xC3");                  // cut at the end
  EXPECT_EQ(normalize_answer("\xC3" "A"), "\xC3" "a");          // continuation missing
  EXPECT_EQ(normalize_answer("\xC1\x81"), "\xC1\x81");          // overlong "A": not a letter
  EXPECT_EQ(normalize_answer("\xED\xA0\x80x"), "\xED\xA0\x80x");  // a surrogate
}
