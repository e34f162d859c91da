// Golden reports of the test workshop (tests/data/workshop_fr.palabre.jsonl, the seed's session)
// in every format and both languages, plus the seed's figures checked in the French report.
// To accept a deliberate change: PALABRE_UPDATE_GOLDEN=1 ctest -R ReportGolden (docs/report.md).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "core/log.hpp"
#include "html_check.hpp"
#include "report/from_session.hpp"
#include "report/render.hpp"

namespace palabre::report {
namespace {

const std::string kSource = PALABRE_SOURCE_DIR;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

Report workshop_report(Lang lang) {
  const core::LogContents log = core::read_log(read_file(kSource + "/tests/data/workshop_fr.palabre.jsonl"));
  EXPECT_TRUE(log.ok()) << "the test workshop log does not load";
  return build_report(core::replay(log.envelopes).session, lang);
}

void expect_golden(Lang lang, Format format) {
  const std::string name = "workshop_" + std::string(to_string(lang)) + "." + std::string(file_extension(format));
  const std::string path = kSource + "/tests/report/golden/" + name;
  const std::string actual = render(workshop_report(lang), format);
  EXPECT_LT(actual.size(), 1024u * 1024u) << name << " would be over 1 MiB";
  const char* update = std::getenv("PALABRE_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << actual;
    GTEST_SKIP() << "rewrote " << name;
  }
  const std::string expected = read_file(path);
  ASSERT_FALSE(expected.empty()) << name << " is missing: run with PALABRE_UPDATE_GOLDEN=1 once";
  if (actual == expected) return;
  std::size_t at = 0;
  while (at < actual.size() && at < expected.size() && actual[at] == expected[at]) ++at;
  const std::size_t from = at > 80 ? at - 80 : 0;
  FAIL() << name << " differs from the golden file at byte " << at << "\n  golden: …" << expected.substr(from, 160)
         << "…\n  actual: …" << actual.substr(from, 160) << "…\n(PALABRE_UPDATE_GOLDEN=1 accepts the change)";
}

TEST(ReportGolden, GivenTheWorkshop_WhenReportedInFrenchHtml_ThenItMatchesTheGoldenFile) { expect_golden(Lang::fr, Format::html); }
TEST(ReportGolden, GivenTheWorkshop_WhenReportedInFrenchMarkdown_ThenItMatchesTheGoldenFile) { expect_golden(Lang::fr, Format::markdown); }
TEST(ReportGolden, GivenTheWorkshop_WhenReportedInFrenchCsv_ThenItMatchesTheGoldenFile) { expect_golden(Lang::fr, Format::csv); }
TEST(ReportGolden, GivenTheWorkshop_WhenReportedInFrenchJson_ThenItMatchesTheGoldenFile) { expect_golden(Lang::fr, Format::json); }
TEST(ReportGolden, GivenTheWorkshop_WhenReportedInEnglishHtml_ThenItMatchesTheGoldenFile) { expect_golden(Lang::en, Format::html); }
TEST(ReportGolden, GivenTheWorkshop_WhenReportedInEnglishMarkdown_ThenItMatchesTheGoldenFile) { expect_golden(Lang::en, Format::markdown); }
TEST(ReportGolden, GivenTheWorkshop_WhenReportedInEnglishCsv_ThenItMatchesTheGoldenFile) { expect_golden(Lang::en, Format::csv); }
TEST(ReportGolden, GivenTheWorkshop_WhenReportedInEnglishJson_ThenItMatchesTheGoldenFile) { expect_golden(Lang::en, Format::json); }

// Every figure the seed report shows, as a reader of the French HTML report sees it.
TEST(ReportGolden, GivenTheWorkshop_WhenReportedInFrench_ThenEverySeedFigureIsThere) {
  const std::string html = render_html(workshop_report(Lang::fr));
  const std::string text = testing::visible_text(html);
  const char* seed_figures[] = {
      "Compte-rendu de la Session",
      "Café TMNlab | Stratégie numérique culturelle : tendances de la rentrée et perspectives 2023",
      "5 oct. 2022", "Animé par Anne Le Gall", "Sommaire Compte-rendu Activités",
      "Présentations", "Messages",
      // Activités
      "26/09/2022", "5 questions", "46 idées", "107 idées postées", "56 idées", "6 questions", "37 /71 votes",
      // live challenge
      "« 26/09/2022 »", "gagné par Gaëlle Lecart", "2 tentatives", "27 secondes", "3\u202F% participation",
      // survey 1
      "Nombre de participants 50", "Nombre de questions 5", "choix multiples · 12 choix", "choix unique · 2 choix",
      "question ouverte", "Eudes Peyre PIA 4 & découvrabilité", "Ingrid Gouband Nous avons souhaité participer",
      "Eliane Écran vivant",
      // brainstorms and board
      "Réflexion", "Nombre de participants 71", "Nombre d'idées postées 107", "Une communauté apprenante",
      "Espace de ressources", "Réseau national",
      // survey 2
      "Nombre de participants 48", "Nombre de questions 6", "ce mois ci 36\u202F%", "cette année 28\u202F%",
      "jamais depuis mon inscription 36\u202F%", "non et jamais de la vie 9\u202F%", "non mais promis je le fais très vite 56\u202F%",
      "oui mais elle est bien vieille 16\u202F%", "oui et elle est récente 20\u202F%", "oui 7\u202F%",
      "non mais promis je le fais très vite 39\u202F%", "non et dans le fond ça sert juste à faire beau ? 55\u202F%",
      "non mais je sais que je peux le faire 41\u202F%", "non et je ne savais pas que je pouvais le faire 52\u202F%",
      "classement · 7 éléments", "1. newsletter TMNlab (Sendinblue)", "2. mailing list communaute-adh@tmnlab.com",
      "7. compte Twitter", "évaluation avec commentaires", "4,3 Moyenne du groupe",
      "Solène Breuillard Je ne connais pas le site",
      // live vote
      "4,2 moyenne du groupe", "37 /71 votes",
      // presentation
      "Nombre de présentations 1", "Développement TMNlab 8 pages", "Page 1", "Page 8",
      "840 membres depuis 2013",
      // messages
      "Nombre de messages 6", "Gaëlle Lecart 6 oct. 2022, 10:06:03", "Caroline N. ONB 6 oct. 2022, 10:06:35",
      "Caroline N. ONB 6 oct. 2022, 10:07:30", "Hind Ziani / TDI Mon 6 oct. 2022, 10:08:25",
      "Caroline N. ONB 6 oct. 2022, 10:08:29", "Marion Napoly Arpin 6 oct. 2022, 10:10:47",
  };
  for (const char* figure : seed_figures) EXPECT_NE(text.find(figure), std::string::npos) << "missing: " << figure;
}

// "36 %" must never wrap apart: a narrow no-break space (U+202F) sits between number and sign,
// and between a label and its colon.
TEST(ReportGolden, GivenTheWorkshop_WhenReportedInFrench_ThenNoPercentSignOrLabelColonFollowsAPlainSpace) {
  for (Format format : {Format::html, Format::markdown}) {
    const std::string out = render(workshop_report(Lang::fr), format);
    for (std::size_t at = out.find(" %"); at != std::string::npos; at = out.find(" %", at + 1))
      EXPECT_FALSE(at > 0 && out[at - 1] >= '0' && out[at - 1] <= '9') << out.substr(at > 20 ? at - 20 : 0, 30);
    EXPECT_EQ(out.find(" : **"), std::string::npos);
    EXPECT_EQ(out.find("anonyme :"), std::string::npos);
  }
}

TEST(ReportGolden, GivenTheWorkshop_WhenReportedInHtml_ThenTheFileIsSelfContainedAndWellFormed) {
  for (Lang lang : {Lang::fr, Lang::en}) {
    const std::string html = render_html(workshop_report(lang));
    EXPECT_EQ(testing::external_references(html), std::vector<std::string>{});
    EXPECT_EQ(testing::balance_problem(html), "");
  }
}

}  // namespace
}  // namespace palabre::report
