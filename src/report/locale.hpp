#pragma once
// Locale formatting for reports (fr, en): numbers, percentages, dates, date-times, and the
// catalogue of every label a report shows — all strings in one place per language.
#include <cstdint>
#include <string>
#include <string_view>

#include "report/model.hpp"

namespace palabre::report {

// Every fixed string of a report. Counted phrases are split into singular/plural forms.
struct Labels {
  std::string_view html_lang;
  std::string_view report_title;        // "Compte-rendu de la Session"
  std::string_view hosted_by;           // "Animé par"
  std::string_view contents;            // "Sommaire"
  std::string_view summary_section;     // "Compte-rendu"
  std::string_view activities_section;  // "Activités"
  std::string_view presentations_section;
  std::string_view messages_section;
  std::string_view participants_count;  // "Nombre de participants"
  std::string_view removed_count;       // "Participants retirés de la session"
  std::string_view hidden_count;        // "Contributions masquées à leur retrait"
  std::string_view questions_count;     // "Nombre de questions"
  std::string_view ideas_posted_count;  // "Nombre d'idées postées"
  std::string_view ideas_count;         // "Nombre d'idées"
  std::string_view presentations_count; // "Nombre de présentations"
  std::string_view messages_count;      // "Nombre de messages"
  std::string_view participation;       // "participation"
  std::string_view session_participants;
  std::string_view question;            // "Question"
  std::string_view page;                // "Page"
  std::string_view page_one, page_many;          // "page", "pages"
  std::string_view slide_text;                   // "Texte de la diapositive"
  std::string_view question_one, question_many;  // "question", "questions"
  std::string_view idea_one, idea_many;          // "idée", "idées"
  std::string_view idea_posted_one, idea_posted_many;
  std::string_view vote_one, vote_many;
  std::string_view attempt_one, attempt_many;    // "tentative", "tentatives"
  std::string_view second_one, second_many;
  std::string_view choice_one, choice_many;      // "choix"
  std::string_view item_one, item_many;          // "élément", "éléments"
  std::string_view answer_one, answer_many;      // "réponse", "réponses"
  std::string_view like_one, like_many;
  std::string_view player_one, player_many;
  std::string_view point_one, point_many;
  std::string_view kind_challenge, kind_quiz, kind_survey, kind_brainstorm, kind_board, kind_rating,
      kind_qna;
  std::string_view kind_single_choice, kind_multiple_choice, kind_open, kind_ranking, kind_rating_question,
      kind_rating_with_comments;
  std::string_view at_most;             // "au plus"
  std::string_view quote_open, quote_close;  // "« " " »" / "“" "”" around the challenge's answer
  std::string_view won_by;              // "gagné par"
  std::string_view not_won;             // "personne n'a trouvé"
  std::string_view expected_answer;     // "réponse attendue"
  std::string_view by_the_winner;       // "2 tentatives du gagnant" (the seed's figure)
  std::string_view in_all;              // "3 tentatives en tout" (issue 4: attempts in all)
  std::string_view group_average;       // "Moyenne du groupe"
  std::string_view group_average_lower; // "moyenne du groupe"
  std::string_view comments;            // "commentaires"
  std::string_view anonymous;           // "Anonyme"
  std::string_view anonymous_activity;  // "Activité anonyme : réponses non attribuées"
  std::string_view uncategorised;       // "Sans catégorie"
  std::string_view board_picture;       // "Le tableau"
  std::string_view word_cloud;          // "Nuage de mots"
  std::string_view leaderboard;
  std::string_view podium;
  std::string_view rank, name, points, correct_answers;
  std::string_view correct;             // "bonnes réponses"
  std::string_view answered;            // "répondue"
  std::string_view not_answered;        // "sans réponse"
  std::string_view no_entries;          // "Aucune contribution"
  std::string_view distribution;        // "Répartition des votes"
  std::string_view stars;               // "étoiles"
  std::string_view score;               // "points Borda"
  std::string_view generated_by;        // "Généré par Palabre"
  std::string_view time_limit;          // "temps limite"
  std::string_view left_out_section;    // "Événements écartés"
  std::string_view left_out_intro;      // why they are not in the report
};

const Labels& labels(Lang lang);

// "4" → "4"; 10000 → "10 000" (fr, narrow no-break space) / "10,000" (en).
std::string format_count(std::int64_t value, Lang lang);
// Tenths with one decimal: 43 → "4,3" / "4.3".
std::string format_tenths(std::int64_t tenths, Lang lang);
// Whole-number percentage: 36 → "36 %" (fr) / "36%" (en).
std::string format_percent(int percent, Lang lang);
// "5 oct. 2022" / "Oct 5, 2022"; "" for an unknown date.
std::string format_date(const Date& date, Lang lang);
// Local civil date and time of a moment.
Date local_date(const Moment& moment);
// "6 oct. 2022, 10:06:03" / "Oct 6, 2022, 10:06:03".
std::string format_date_time(const Moment& moment, Lang lang);
// "10:06:03"
std::string format_time(const Moment& moment);
// ISO 8601 with offset, for machines: "2022-10-06T10:06:03+02:00"; "" when unknown.
std::string format_iso8601(const Moment& moment);
// The right form for a count: fr uses the singular for 0 and 1, en only for 1.
std::string_view plural_form(std::int64_t n, std::string_view one, std::string_view many, Lang lang);
// "1 idée" / "46 idées": the count and the right form.
std::string counted(std::int64_t n, std::string_view one, std::string_view many, Lang lang);
// Summary-line text of a headline: "46 idées", "37 /71 votes", "26/09/2022", "5 questions".
std::string format_headline(const Headline& headline, Lang lang);
// Kind name of an activity / a survey question, as the seed writes it ("live challenge", "choix unique").
std::string_view kind_label(ActivityKind kind, Lang lang);
std::string_view kind_label(QuestionKind kind, bool with_comments, Lang lang);
// The line under a survey question's title: "choix multiple · 5 choix (au plus 3) · 12 réponses".
std::string survey_question_line(const SurveyQuestion& q, Lang lang);

}  // namespace palabre::report
