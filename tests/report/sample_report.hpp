#pragma once
// A hand-built report model shaped like the seed's workshop (a subset of its figures), plus one of
// each activity Palabre adds, so renderer tests never depend on the engine.
#include <string>

#include "report/model.hpp"

namespace palabre::report::testing {

inline Moment paris(std::int64_t utc_ms) { return Moment{utc_ms, 120}; }  // Europe/Paris in October

inline Report sample_report(Lang lang) {
  Report r;
  r.lang = lang;
  r.header.title = "Café TMNlab | Stratégie numérique culturelle : tendances de la rentrée et perspectives 2023";
  r.header.host = "Anne Le Gall";
  r.header.date = Date{2022, 10, 5};
  r.header.description =
      "Bienvenue dans cet espace de travail Café TMNlab.\n\nPour ce premier rendez-vous :\n"
      "- au sein de vos lieux, pour un partage d'expérience\n- en terme de stratégie numérique nationale";
  r.header.timezone = "Europe/Paris";
  r.header.participants = 71;

  Activity challenge;
  challenge.id = "a1";
  challenge.title = "A quelle date la feuille de route a-t-elle été publiée sur tmnlab.com ?";
  challenge.participation = {2, 71, 3};
  challenge.headline = {HeadlineKind::answer, 0, 0, "26/09/2022"};
  challenge.detail = ChallengeDetail{challenge.title, "(jj/mm/aaaa)", "26/09/2022", true, "Gaëlle Lecart", 3, 2, 27};
  challenge.records = {{RecordKind::attempt, challenge.title, "Gaëlle Lecart", "25/09/2022", paris(1664956810000)},
                       {RecordKind::attempt, challenge.title, "Gaëlle Lecart", "26/09/2022", paris(1664956827000)}};
  r.activities.push_back(challenge);

  Activity survey;
  survey.id = "a2";
  survey.title = "Votre usage sur tmnlab.com...";
  survey.participation = {48, 71, 68};
  survey.headline = {HeadlineKind::questions, 4, 0, ""};
  SurveyDetail s;
  SurveyQuestion q1;
  q1.number = 1;
  q1.kind = QuestionKind::single_choice;
  q1.text = "Quand avez-vous mis à jour votre profil pour la dernière fois ?";
  q1.respondents = 25;
  q1.choices = {{"ce mois ci", 9, 36}, {"cette année", 7, 28}, {"jamais depuis mon inscription", 9, 36}};
  SurveyQuestion q2;
  q2.number = 2;
  q2.kind = QuestionKind::single_choice;
  q2.text = "Avez vous mis une photo de profil ?";
  q2.respondents = 44;
  q2.choices = {{"non et jamais de la vie", 4, 9},
                {"non mais promis je le fais très vite", 25, 56},
                {"oui mais elle est bien vieille", 7, 16},
                {"oui et elle est récente", 9, 20}};
  SurveyQuestion q3;
  q3.number = 3;
  q3.kind = QuestionKind::open;
  q3.text = "Si oui, pouvez-vous préciser ?";
  q3.hint = "Nom du dispositif sollicité";
  q3.respondents = 2;
  q3.answers = {{"Eudes Peyre", "PIA 4 & découvrabilité", paris(1664957000000)},
                {"Caroline N. ONB", "le PIA et la Découvrabilité via la ROF.", paris(1664957100000)}};
  SurveyQuestion q4;
  q4.number = 4;
  q4.kind = QuestionKind::ranking;
  q4.text = "Comment suivez-vous l'actualité du TMNlab ?";
  q4.respondents = 30;
  q4.ranking = {{1, "newsletter TMNlab (Sendinblue)", 150}, {2, "mailing list communaute-adh@tmnlab.com", 120},
                {3, "directement sur le site Internet", 90}};
  SurveyQuestion q5;
  q5.number = 5;
  q5.kind = QuestionKind::rating;
  q5.text = "Que pensez-vous de la nouvelle version du site ?";
  q5.respondents = 20;
  q5.rating = {5, 43, 20, {0, 1, 2, 5, 12}};
  q5.comments = {{"claire", "Beaucoup plus intuitif et lisible. Bravo !", paris(1664958000000)}};
  s.questions = {q1, q2, q3, q4, q5};
  survey.detail = s;
  survey.records = {{RecordKind::answer, q1.text, "Julie", "ce mois ci", paris(1664957000000)},
                    {RecordKind::answer, q3.text, "Eudes Peyre", "PIA 4 & découvrabilité", paris(1664957000000)}};
  r.activities.push_back(survey);

  Activity words;
  words.id = "a3";
  words.title = "Dans ce contexte, un mot pour définir votre rentrée ?";
  words.participation = {40, 71, 56};
  words.headline = {HeadlineKind::ideas, 3, 0, ""};
  BrainstormDetail b;
  b.prompt = words.title;
  b.one_word = true;
  b.idea_count = 3;
  b.groups = {{"", {{"Réflexion", "Julie", "", 0, paris(1664957200000)},
                    {"Intense", "Eliane", "", 2, paris(1664957210000)},
                    {"intense", "claire", "", 0, paris(1664957220000)}}}};
  words.detail = b;
  words.records = {{RecordKind::idea, "", "Julie", "Réflexion", paris(1664957200000)},
                   {RecordKind::like, "Intense", "claire", "1", paris(1664957230000)}};
  r.activities.push_back(words);

  Activity board;
  board.id = "a4";
  board.title = "Votre rapport au (et l'apport du) TMNlab";
  board.participation = {71, 71, 100};
  board.headline = {HeadlineKind::ideas_posted, 2, 0, ""};
  BoardDetail d;
  d.width = 1200;
  d.height = 700;
  d.zones = {{"Une communauté apprenante", "#6366f1", 0, 0, 400, 700},
             {"Espace de ressources", "#10b981", 400, 0, 400, 700},
             {"Réseau national", "#f59e0b", 800, 0, 400, 700}};
  d.notes = {{"Partager des retours d'expérience", "Julie", "Une communauté apprenante", "#fde68a", 40, 80, 3},
             {"Des fiches outils", "Eliane", "Espace de ressources", "#bbf7d0", 440, 80, 0}};
  d.idea_count = 2;
  d.groups = {{"Une communauté apprenante", {{"Partager des retours d'expérience", "Julie", "Une communauté apprenante", 3, {}}}},
              {"Espace de ressources", {{"Des fiches outils", "Eliane", "Espace de ressources", 0, {}}}},
              {"Réseau national", {}}};
  board.detail = d;
  r.activities.push_back(board);

  Activity vote;
  vote.id = "a5";
  vote.title = "Donnez-nous votre avis sur ce Café !";
  vote.participation = {37, 71, 52};
  vote.headline = {HeadlineKind::votes_over_participants, 37, 71, ""};
  vote.detail = RatingDetail{vote.title, RatingSummary{5, 42, 37, {0, 1, 4, 17, 15}}};
  vote.records = {{RecordKind::vote, vote.title, "Julie", "5", paris(1664960000000)}};
  r.activities.push_back(vote);

  Activity quiz;
  quiz.id = "a6";
  quiz.title = "Quiz : le TMNlab en chiffres";
  quiz.participation = {4, 71, 6};
  quiz.headline = {HeadlineKind::players, 4, 0, ""};
  QuizDetail qd;
  qd.questions = {{1, "Combien de membres ?", {{"300", 1, 25, false}, {"840", 3, 75, true}}, 4, 3, 75, 20}};
  qd.leaderboard = {{1, "Julie", 950, 1}, {2, "Eliane", 900, 1}, {3, "claire", 870, 1}, {4, "Olivier V.", 0, 0}};
  quiz.detail = qd;
  r.activities.push_back(quiz);

  Activity qna;
  qna.id = "a7";
  qna.title = "Vos questions";
  qna.anonymous = true;
  qna.participation = {3, 71, 4};
  qna.headline = {HeadlineKind::questions, 2, 0, ""};
  qna.detail = QnaDetail{{{"Quand sort l'étude ?", "", 5, true, paris(1664959000000)},
                          {"Le café suivant ?", "", 1, false, paris(1664959100000)}}};
  // A record that still names someone: the CSV must blank it because the activity is anonymous.
  qna.records = {{RecordKind::question, "", "Secret Person", "Quand sort l'étude ?", paris(1664959000000)}};
  r.activities.push_back(qna);

  Presentation p;
  p.id = "p1";
  p.title = "Développement TMNlab";
  p.pages = {{1, "Une communauté apprenante", "840 membres depuis 2013\n2 études et 300 articles", "", ""},
             {2, "Un réseau professionnel mature et situé", "2013\nCréation d'une communauté informelle", "", ""}};
  r.presentations.push_back(p);

  r.messages = {
      {"Gaëlle Lecart", "Découverte de Klaxoon. Ravie.", paris(1665043563000)},
      {"Caroline N. ONB", "je viens de voter 3 fois c'est normal ?", paris(1665043595000)},
  };
  return r;
}

}  // namespace palabre::report::testing
