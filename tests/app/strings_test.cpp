// The fr/en catalogue: every string exists in both languages.
#include <gtest/gtest.h>

#include <string>

#include "app/strings.hpp"

using namespace palabre::app;

TEST(Strings, GivenTheCatalogue_WhenReadInEachLanguage_ThenNoEntryIsMissing) {
  for (int i = 0; i < static_cast<int>(S::count_); ++i) {
    const auto s = static_cast<S>(i);
    ASSERT_NE(tr(s, Lang::fr), nullptr) << i;
    ASSERT_NE(tr(s, Lang::en), nullptr) << i;
    EXPECT_NE(std::string(tr(s, Lang::fr)), "") << i;
    EXPECT_NE(std::string(tr(s, Lang::en)), "") << i;
  }
}

TEST(Strings, GivenTheLanguageSwitched_WhenTranslating_ThenTheCurrentLanguageIsUsed) {
  set_lang(Lang::en);
  EXPECT_EQ(std::string(tr(S::chat_send)), "Send");
  set_lang(Lang::fr);
  EXPECT_EQ(std::string(tr(S::chat_send)), "Envoyer");
}

TEST(Strings, GivenFrenchCounts_WhenPluralised_ThenZeroAndOneAreSingular) {
  EXPECT_EQ(std::string(trn(S::ideas, 0, Lang::fr)), "idée");
  EXPECT_EQ(std::string(trn(S::ideas, 1, Lang::fr)), "idée");
  EXPECT_EQ(std::string(trn(S::ideas, 2, Lang::fr)), "idées");
  EXPECT_EQ(std::string(trn(S::attempts, 1, Lang::fr)), "tentative");
  EXPECT_EQ(std::string(trn(S::answers, 1, Lang::fr)), "réponse");
  EXPECT_EQ(std::string(trn(S::participants_word, 1, Lang::fr)), "participant");
  EXPECT_EQ(std::string(trn(S::quiz_answered, 1, Lang::fr)), "a répondu");
  EXPECT_EQ(std::string(trn(S::quiz_answered, 12, Lang::fr)), "ont répondu");
}

TEST(Strings, GivenEnglishCounts_WhenPluralised_ThenOnlyOneIsSingular) {
  EXPECT_EQ(std::string(trn(S::votes, 0, Lang::en)), "votes");
  EXPECT_EQ(std::string(trn(S::votes, 1, Lang::en)), "vote");
  EXPECT_EQ(std::string(trn(S::votes, 71, Lang::en)), "votes");
}

TEST(Strings, GivenAnEntryWithoutASingular_WhenPluralised_ThenTheSameAsTr) {
  EXPECT_EQ(std::string(trn(S::seconds, 1, Lang::fr)), std::string(tr(S::seconds, Lang::fr)));
}

TEST(Strings, GivenTheCurrentLanguage_WhenPluralised_ThenItsRuleIsUsed) {
  set_lang(Lang::en);
  EXPECT_EQ(std::string(trn(S::ideas, 0)), "ideas");
  set_lang(Lang::fr);
  EXPECT_EQ(std::string(trn(S::ideas, 0)), "idée");
}
