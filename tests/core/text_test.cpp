// Answer normalization used by the live challenge.
#include <gtest/gtest.h>

#include "core/text.hpp"

using namespace palabre::core;

TEST(NormalizeAnswer, GivenCaseAccentsAndSpaces_WhenNormalized_ThenComparable) {
  EXPECT_EQ(normalize_answer("  Écran   VIVANT "), "ecran vivant");
  EXPECT_EQ(normalize_answer("Œuvre à Çà"), "oeuvre a ca");
  EXPECT_EQ(normalize_answer("26/09/2022"), "26/09/2022");
}

TEST(NormalizeAnswer, GivenDecomposedAccent_WhenNormalized_ThenSameAsComposed) {
  EXPECT_EQ(normalize_answer("e\xCC\x81t\xC3\xA9"), "ete");
}

TEST(NormalizeAnswer, GivenNonLatinText_WhenNormalized_ThenKeptAsIs) {
  EXPECT_EQ(normalize_answer("日本"), "日本");
}
