// The item mirror's labels and JSON: what the page and the end-to-end tests read.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/mirror.hpp"

using namespace palabre::app::mirror;

TEST(MirrorLabel, GivenAStableKey_WhenSplit_ThenKeyIsAfterTripleHashAndLabelBeforeIt) {
  const LabelParts p = split_label("Envoyer###send");
  EXPECT_EQ(p.key, "send");
  EXPECT_EQ(p.label, "Envoyer");
}

TEST(MirrorLabel, GivenNoStableKey_WhenSplit_ThenTheKeyIsTheWholeLabel) {
  const LabelParts p = split_label("Rejoindre");
  EXPECT_EQ(p.key, "Rejoindre");
  EXPECT_EQ(p.label, "Rejoindre");
}

TEST(MirrorLabel, GivenAHiddenSuffix_WhenSplit_ThenTheVisibleLabelStopsAtDoubleHash) {
  const LabelParts p = split_label("Masquer##12");
  EXPECT_EQ(p.label, "Masquer");
  EXPECT_EQ(p.key, "Masquer##12");
}

TEST(MirrorLabel, GivenIconGlyphs_WhenSplit_ThenTheAccessibleLabelHasOnlyWords) {
  // U+F1D8 (paper plane) and U+F061 (arrow) are private-use icon code points.
  const LabelParts p = split_label("\xef\x87\x98  Envoyer \xef\x81\xa1###send");
  EXPECT_EQ(p.label, "Envoyer");
  EXPECT_EQ(p.key, "send");
}

TEST(MirrorLabel, GivenTheRightAnswersCheckMark_WhenIconsAreStripped_ThenItIsReadAsACheckMark) {
  // U+F00C (check) marks the right answer of a closed quiz question; U+F058 (check circle), a
  // choice made, is said by the control's pressed state instead.
  EXPECT_EQ(strip_icons("\xef\x80\x8c Le carré"), "\xe2\x9c\x93 Le carré");
  EXPECT_EQ(strip_icons("\xef\x81\x98   2014"), "2014");
  EXPECT_EQ(strip_icons("\xef\x87\x98  Envoyer"), "Envoyer");
}

TEST(MirrorLabel, GivenFrenchText_WhenIconsAreStripped_ThenAccentsAndPunctuationStay) {
  EXPECT_EQ(strip_icons("Café — stratégie numérique ’œ"), "Café — stratégie numérique ’œ");
}

TEST(MirrorJson, GivenItems_WhenSerialised_ThenEachHasTheContractFields) {
  Item button{"create", "Créer la session", "button", 10.04f, 20.0f, 300.0f, 49.0f, true};
  Item field;
  field.key = "name";
  field.label = "Votre nom";
  field.role = "textbox";
  field.w = field.h = 40;
  field.placeholder = "Prénom Nom";
  field.font_px = 17;
  const auto j = nlohmann::json::parse(items_json({button, field}));
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["key"], "create");
  EXPECT_EQ(j[0]["label"], "Créer la session");
  EXPECT_EQ(j[0]["role"], "button");
  EXPECT_DOUBLE_EQ(j[0]["x"].get<double>(), 10.0);
  EXPECT_EQ(j[0]["focused"], true);
  EXPECT_FALSE(j[0].contains("placeholder"));
  EXPECT_EQ(j[1]["role"], "textbox");
  EXPECT_EQ(j[1]["placeholder"], "Prénom Nom");
  EXPECT_EQ(j[1]["fontPx"], 17);
}

TEST(MirrorJson, GivenInvalidUtf8InALabel_WhenSerialised_ThenTheJsonIsStillValid) {
  Item item{"k", std::string("bad \xff byte"), "button"};
  EXPECT_FALSE(nlohmann::json::parse(items_json({item}), nullptr, false).is_discarded());
}
