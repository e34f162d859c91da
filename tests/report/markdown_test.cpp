// The Markdown renderer carries the same content as the HTML one.
#include <gtest/gtest.h>

#include "report/render.hpp"
#include "sample_report.hpp"

namespace palabre::report {
namespace {
using testing::sample_report;

bool has(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST(ReportMarkdown, GivenASession_WhenRendered_ThenHeaderAndContentsComeFirst) {
  const std::string md = render_markdown(sample_report(Lang::fr));
  EXPECT_TRUE(md.starts_with("# Compte-rendu de la Session\n"));
  EXPECT_TRUE(has(md, "Animé par Anne Le Gall"));
  EXPECT_TRUE(has(md, "## Sommaire\n\n- [Compte-rendu](#compte-rendu)\n- [Activités](#activites)\n"));
  EXPECT_TRUE(has(md, "<a id=\"a1\"></a>"));
  EXPECT_TRUE(has(md, "5 oct. 2022"));
}

TEST(ReportMarkdown, GivenTheSeedsFigures_WhenRendered_ThenEachIsThere) {
  const std::string md = render_markdown(sample_report(Lang::fr));
  EXPECT_TRUE(has(md, "### « 26/09/2022 »"));
  EXPECT_TRUE(has(md, "gagné par **Gaëlle Lecart**"));
  EXPECT_TRUE(has(md, "- 2 tentatives du gagnant\n- 3 tentatives en tout\n- 27 secondes\n- 3\u202F% participation"));
  EXPECT_TRUE(has(md, "| ce mois ci | 36\u202F% | 9 |"));
  EXPECT_TRUE(has(md, "**4,3** Moyenne du groupe"));
  EXPECT_TRUE(has(md, "**4,2** moyenne du groupe"));
  EXPECT_TRUE(has(md, "37 /71 votes"));
  EXPECT_TRUE(has(md, "1. newsletter TMNlab (Sendinblue) — 150 points"));
  EXPECT_TRUE(has(md, "**Gaëlle Lecart** 6 oct. 2022, 10:06:03\n> Découverte de Klaxoon. Ravie."));
  EXPECT_TRUE(has(md, "- Nombre de messages\u202F: **2**"));
}

TEST(ReportMarkdown, GivenIdeas_WhenRendered_ThenTheyAreGroupedByCategoryWithLikes) {
  const std::string md = render_markdown(sample_report(Lang::fr));
  EXPECT_TRUE(has(md, "#### Une communauté apprenante (1 idée)\n\n- Partager des retours d'expérience — ♥ 3 — Julie"));
  EXPECT_TRUE(has(md, "#### Réseau national (0 idée)"));
}

TEST(ReportMarkdown, GivenATableCellWithAPipe_WhenRendered_ThenTheTableIsNotBroken) {
  Report report = sample_report(Lang::fr);
  auto& survey = std::get<SurveyDetail>(report.activities[1].detail);
  survey.questions[0].choices[0].label = "oui | non";
  EXPECT_TRUE(has(render_markdown(report), "| oui \\| non | 36\u202F% |"));
}

TEST(ReportMarkdown, GivenAnAnonymousActivity_WhenRendered_ThenAuthorsReadAnonymous) {
  const std::string md = render_markdown(sample_report(Lang::en));
  EXPECT_TRUE(has(md, "Anonymous activity: answers are not attributed to anyone."));
  EXPECT_TRUE(has(md, "- **5 votes** — When") || has(md, "- **5 votes** — Quand sort l'étude ? — *Anonymous*"));
  EXPECT_FALSE(has(md, "Secret Person"));
}

TEST(ReportMarkdown, GivenAQuiz_WhenRendered_ThenThePodiumAndLeaderboardShow) {
  const std::string md = render_markdown(sample_report(Lang::en));
  EXPECT_TRUE(has(md, "🥇 **Julie** — 950 points"));
  EXPECT_TRUE(has(md, "| 4 | Olivier V. | 0 | 0 |"));
  EXPECT_TRUE(has(md, "| ✓ 840 | 75% | 3 |"));
}

}  // namespace
}  // namespace palabre::report
