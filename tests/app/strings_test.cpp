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
