// Locale formatting and the label catalogues (fr, en).
//
// [SECTION] Catalogues
// [SECTION] Numbers
// [SECTION] Dates and times
// [SECTION] Headlines and kinds
// [SECTION] Model helpers (to_string, table of contents)
#include "report/locale.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace palabre::report {

// [SECTION] Catalogues ---------------------------------------------------------------------------

namespace {
const Labels kFrench{
    .html_lang = "fr",
    .report_title = "Compte-rendu de la Session",
    .hosted_by = "Animé par",
    .contents = "Sommaire",
    .summary_section = "Compte-rendu",
    .activities_section = "Activités",
    .presentations_section = "Présentations",
    .messages_section = "Messages",
    .participants_count = "Nombre de participants",
    .removed_count = "Participants retirés de la session",
    .hidden_count = "Contributions masquées à leur retrait",
    .questions_count = "Nombre de questions",
    .ideas_posted_count = "Nombre d'idées postées",
    .ideas_count = "Nombre d'idées",
    .presentations_count = "Nombre de présentations",
    .messages_count = "Nombre de messages",
    .participation = "participation",
    .session_participants = "participants à la session",
    .question = "Question",
    .page = "Page",
    .page_one = "page", .page_many = "pages",
    .slide_text = "Texte de la diapositive",
    .question_one = "question", .question_many = "questions",
    .idea_one = "idée", .idea_many = "idées",
    .idea_posted_one = "idée postée", .idea_posted_many = "idées postées",
    .vote_one = "vote", .vote_many = "votes",
    .attempt_one = "tentative", .attempt_many = "tentatives",
    .second_one = "seconde", .second_many = "secondes",
    .choice_one = "choix", .choice_many = "choix",
    .item_one = "élément", .item_many = "éléments",
    .answer_one = "réponse", .answer_many = "réponses",
    .like_one = "j'aime", .like_many = "j'aime",
    .player_one = "joueur", .player_many = "joueurs",
    .point_one = "point", .point_many = "points",
    .kind_challenge = "live challenge",
    .kind_quiz = "quiz",
    .kind_survey = "questionnaire",
    .kind_brainstorm = "brainstorming",
    .kind_board = "board",
    .kind_rating = "live vote",
    .kind_qna = "questions-réponses",
    .kind_single_choice = "choix unique",
    .kind_multiple_choice = "choix multiples",
    .kind_open = "question ouverte",
    .kind_ranking = "classement",
    .kind_rating_question = "évaluation",
    .kind_rating_with_comments = "évaluation avec commentaires",
    .at_most = "au plus",
    .quote_open = "« ",
    .quote_close = " »",
    .won_by = "gagné par",
    .not_won = "personne n'a trouvé",
    .expected_answer = "réponse attendue",
    .by_the_winner = "du gagnant",
    .in_all = "en tout",
    .group_average = "Moyenne du groupe",
    .group_average_lower = "moyenne du groupe",
    .comments = "commentaires",
    .anonymous = "Anonyme",
    .anonymous_activity = "Activité anonyme\u202F: les réponses ne sont attribuées à personne.",
    .uncategorised = "Sans catégorie",
    .board_picture = "Le tableau",
    .word_cloud = "Nuage de mots",
    .leaderboard = "Classement",
    .podium = "Podium",
    .rank = "Rang",
    .name = "Nom",
    .points = "Points",
    .correct_answers = "Bonnes réponses",
    .correct = "bonnes réponses",
    .answered = "répondue",
    .not_answered = "en attente",
    .no_entries = "Aucune contribution",
    .distribution = "Répartition des votes",
    .stars = "étoiles",
    .score = "points",
    .generated_by = "Généré par Palabre",
    .time_limit = "temps limite",
    .left_out_section = "Événements écartés",
    .left_out_intro = "Ces lignes du journal ne sont pas des événements lisibles (type inconnu ou absent, champ d'un "
                      "mauvais type, imbrication trop profonde) : elles ne comptent dans aucun chiffre de ce compte-rendu.",
};

const Labels kEnglish{
    .html_lang = "en",
    .report_title = "Session report",
    .hosted_by = "Hosted by",
    .contents = "Contents",
    .summary_section = "Report",
    .activities_section = "Activities",
    .presentations_section = "Presentations",
    .messages_section = "Messages",
    .participants_count = "Participants",
    .removed_count = "Participants removed from the session",
    .hidden_count = "Contributions hidden on their removal",
    .questions_count = "Questions",
    .ideas_posted_count = "Ideas posted",
    .ideas_count = "Ideas",
    .presentations_count = "Presentations",
    .messages_count = "Messages",
    .participation = "participation",
    .session_participants = "session participants",
    .question = "Question",
    .page = "Page",
    .page_one = "page", .page_many = "pages",
    .slide_text = "Slide text",
    .question_one = "question", .question_many = "questions",
    .idea_one = "idea", .idea_many = "ideas",
    .idea_posted_one = "idea posted", .idea_posted_many = "ideas posted",
    .vote_one = "vote", .vote_many = "votes",
    .attempt_one = "attempt", .attempt_many = "attempts",
    .second_one = "second", .second_many = "seconds",
    .choice_one = "choice", .choice_many = "choices",
    .item_one = "item", .item_many = "items",
    .answer_one = "answer", .answer_many = "answers",
    .like_one = "like", .like_many = "likes",
    .player_one = "player", .player_many = "players",
    .point_one = "point", .point_many = "points",
    .kind_challenge = "live challenge",
    .kind_quiz = "quiz",
    .kind_survey = "survey",
    .kind_brainstorm = "brainstorm",
    .kind_board = "board",
    .kind_rating = "live vote",
    .kind_qna = "Q&A",
    .kind_single_choice = "single choice",
    .kind_multiple_choice = "multiple choice",
    .kind_open = "open question",
    .kind_ranking = "ranking",
    .kind_rating_question = "rating",
    .kind_rating_with_comments = "rating with comments",
    .at_most = "at most",
    .quote_open = "“",
    .quote_close = "”",
    .won_by = "won by",
    .not_won = "nobody found it",
    .expected_answer = "expected answer",
    .by_the_winner = "by the winner",
    .in_all = "in all",
    .group_average = "Group average",
    .group_average_lower = "group average",
    .comments = "comments",
    .anonymous = "Anonymous",
    .anonymous_activity = "Anonymous activity: answers are not attributed to anyone.",
    .uncategorised = "Uncategorised",
    .board_picture = "The board",
    .word_cloud = "Word cloud",
    .leaderboard = "Leaderboard",
    .podium = "Podium",
    .rank = "Rank",
    .name = "Name",
    .points = "Points",
    .correct_answers = "Correct answers",
    .correct = "correct",
    .answered = "answered",
    .not_answered = "open",
    .no_entries = "No contributions",
    .distribution = "Votes per rating",
    .stars = "stars",
    .score = "points",
    .generated_by = "Generated by Palabre",
    .time_limit = "time limit",
    .left_out_section = "Events left out",
    .left_out_intro = "These lines of the log are not readable events (unknown or missing type, a field of the wrong "
                      "type, nested too deep): they count in no figure of this report.",
};
}  // namespace

const Labels& labels(Lang lang) { return lang == Lang::fr ? kFrench : kEnglish; }

// [SECTION] Numbers ------------------------------------------------------------------------------

namespace {
std::string digits(std::int64_t value) {
  std::array<char, 24> buffer{};
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  (void)ec;
  return std::string(buffer.data(), end);
}
}  // namespace

std::string format_count(std::int64_t value, Lang lang) {
  const bool negative = value < 0;
  std::string plain = digits(negative ? -value : value);
  if (plain.size() <= 3) return (negative ? "-" : "") + plain;
  // fr groups with U+202F (narrow no-break space), en with a comma.
  const std::string_view separator = lang == Lang::fr ? "\u202F" : ",";
  std::string grouped;
  const std::size_t head = plain.size() % 3 == 0 ? 3 : plain.size() % 3;
  grouped.append(plain, 0, head);
  for (std::size_t i = head; i < plain.size(); i += 3) {
    grouped.append(separator);
    grouped.append(plain, i, 3);
  }
  return (negative ? "-" : "") + grouped;
}

std::string format_tenths(std::int64_t tenths, Lang lang) {
  const bool negative = tenths < 0;
  const std::int64_t magnitude = negative ? -tenths : tenths;
  return (negative ? "-" : "") + format_count(magnitude / 10, lang) + (lang == Lang::fr ? "," : ".") +
         digits(magnitude % 10);
}

std::string format_percent(int percent, Lang lang) {
  // fr: a narrow no-break space (U+202F), so "36" and "%" never wrap apart.
  return digits(percent) + (lang == Lang::fr ? "\u202F%" : "%");
}

std::string_view plural_form(std::int64_t n, std::string_view one, std::string_view many, Lang lang) {
  const bool singular = lang == Lang::fr ? (n == 0 || n == 1) : n == 1;
  return singular ? one : many;
}

std::string counted(std::int64_t n, std::string_view one, std::string_view many, Lang lang) {
  return format_count(n, lang) + " " + std::string(plural_form(n, one, many, lang));
}

// [SECTION] Dates and times -----------------------------------------------------------------------

namespace {
constexpr std::array<std::string_view, 12> kFrenchMonths{"janv.", "févr.", "mars", "avr.", "mai", "juin",
                                                         "juil.", "août", "sept.", "oct.", "nov.", "déc."};
constexpr std::array<std::string_view, 12> kEnglishMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Days since 1970-01-01 → civil date (H. Hinnant's algorithm), valid for any int64 day count we meet.
Date civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = yoe + era * 400;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  return Date{int(y + (m <= 2)), int(m), int(d)};
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::int64_t local_seconds(const Moment& moment) {
  return floor_div(moment.utc_ms, 1000) + std::int64_t(moment.offset_minutes) * 60;
}

std::string two_digits(std::int64_t v) {
  std::string s = digits(v);
  return s.size() < 2 ? "0" + s : s;
}
}  // namespace

std::string format_date(const Date& date, Lang lang) {
  if (!date.known() || date.month < 1 || date.month > 12) return {};
  if (lang == Lang::fr)
    return digits(date.day) + " " + std::string(kFrenchMonths[date.month - 1]) + " " + digits(date.year);
  return std::string(kEnglishMonths[date.month - 1]) + " " + digits(date.day) + ", " + digits(date.year);
}

Date local_date(const Moment& moment) { return civil_from_days(floor_div(local_seconds(moment), 86400)); }

std::string format_time(const Moment& moment) {
  const std::int64_t seconds_of_day = local_seconds(moment) - floor_div(local_seconds(moment), 86400) * 86400;
  return two_digits(seconds_of_day / 3600) + ":" + two_digits(seconds_of_day / 60 % 60) + ":" +
         two_digits(seconds_of_day % 60);
}

std::string format_date_time(const Moment& moment, Lang lang) {
  if (!moment.known()) return {};
  return format_date(local_date(moment), lang) + ", " + format_time(moment);
}

std::string format_iso8601(const Moment& moment) {
  if (!moment.known()) return {};
  // Written into a fixed buffer: CSV and JSON call this once per record.
  const Date date = local_date(moment);
  const std::int64_t local = local_seconds(moment);
  const std::int64_t seconds_of_day = local - floor_div(local, 86400) * 86400;
  const int offset = moment.offset_minutes;
  const int magnitude = offset < 0 ? -offset : offset;
  char buffer[48];
  const int length = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", date.year, date.month,
                                   date.day, int(seconds_of_day / 3600), int(seconds_of_day / 60 % 60),
                                   int(seconds_of_day % 60), offset < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
  return std::string(buffer, length > 0 ? std::size_t(length) : 0);
}

// [SECTION] Headlines and kinds -------------------------------------------------------------------

std::string format_headline(const Headline& headline, Lang lang) {
  const Labels& l = labels(lang);
  switch (headline.kind) {
    case HeadlineKind::none: return {};
    case HeadlineKind::answer: return headline.text;
    case HeadlineKind::questions: return counted(headline.value, l.question_one, l.question_many, lang);
    case HeadlineKind::ideas: return counted(headline.value, l.idea_one, l.idea_many, lang);
    case HeadlineKind::ideas_posted: return counted(headline.value, l.idea_posted_one, l.idea_posted_many, lang);
    case HeadlineKind::players: return counted(headline.value, l.player_one, l.player_many, lang);
    case HeadlineKind::votes_over_participants: {
      // The seed writes "37 /71 votes": the count of votes over the session's participants.
      return format_count(headline.value, lang) + " /" + format_count(headline.total, lang) + " " +
             std::string(plural_form(headline.total, l.vote_one, l.vote_many, lang));
    }
  }
  return {};
}

std::string_view kind_label(ActivityKind kind, Lang lang) {
  const Labels& l = labels(lang);
  switch (kind) {
    case ActivityKind::challenge: return l.kind_challenge;
    case ActivityKind::quiz: return l.kind_quiz;
    case ActivityKind::survey: return l.kind_survey;
    case ActivityKind::brainstorm: return l.kind_brainstorm;
    case ActivityKind::board: return l.kind_board;
    case ActivityKind::rating: return l.kind_rating;
    case ActivityKind::qna: return l.kind_qna;
  }
  return {};
}

std::string_view kind_label(QuestionKind kind, bool with_comments, Lang lang) {
  const Labels& l = labels(lang);
  switch (kind) {
    case QuestionKind::single_choice: return l.kind_single_choice;
    case QuestionKind::multiple_choice: return l.kind_multiple_choice;
    case QuestionKind::open: return l.kind_open;
    case QuestionKind::ranking: return l.kind_ranking;
    case QuestionKind::rating: return with_comments ? l.kind_rating_with_comments : l.kind_rating_question;
  }
  return {};
}

std::string survey_question_line(const SurveyQuestion& q, Lang lang) {
  const Labels& l = labels(lang);
  std::string line(kind_label(q.kind, !q.comments.empty(), lang));
  if (q.kind == QuestionKind::single_choice || q.kind == QuestionKind::multiple_choice)
    line += " · " + counted(std::int64_t(q.choices.size()), l.choice_one, l.choice_many, lang);
  if (q.kind == QuestionKind::multiple_choice && q.max_choices > 0)
    line += " (" + std::string(l.at_most) + " " + std::to_string(q.max_choices) + ")";
  if (q.kind == QuestionKind::ranking) line += " · " + counted(std::int64_t(q.ranking.size()), l.item_one, l.item_many, lang);
  line += " · " + counted(q.respondents, l.answer_one, l.answer_many, lang);
  return line;
}

// [SECTION] Model helpers -------------------------------------------------------------------------

std::string_view to_string(ActivityKind kind) {
  switch (kind) {
    case ActivityKind::challenge: return "challenge";
    case ActivityKind::quiz: return "quiz";
    case ActivityKind::survey: return "survey";
    case ActivityKind::brainstorm: return "brainstorm";
    case ActivityKind::board: return "board";
    case ActivityKind::rating: return "rating";
    case ActivityKind::qna: return "qna";
  }
  return "unknown";
}

std::string_view to_string(QuestionKind kind) {
  switch (kind) {
    case QuestionKind::single_choice: return "single_choice";
    case QuestionKind::multiple_choice: return "multiple_choice";
    case QuestionKind::open: return "open";
    case QuestionKind::ranking: return "ranking";
    case QuestionKind::rating: return "rating";
  }
  return "unknown";
}

std::string_view to_string(RecordKind kind) {
  switch (kind) {
    case RecordKind::attempt: return "attempt";
    case RecordKind::answer: return "answer";
    case RecordKind::comment: return "comment";
    case RecordKind::idea: return "idea";
    case RecordKind::like: return "like";
    case RecordKind::vote: return "vote";
    case RecordKind::question: return "question";
    case RecordKind::upvote: return "upvote";
    case RecordKind::message: return "message";
  }
  return "unknown";
}

std::string_view to_string(HeadlineKind kind) {
  switch (kind) {
    case HeadlineKind::none: return "none";
    case HeadlineKind::answer: return "answer";
    case HeadlineKind::questions: return "questions";
    case HeadlineKind::ideas: return "ideas";
    case HeadlineKind::ideas_posted: return "ideas_posted";
    case HeadlineKind::votes_over_participants: return "votes_over_participants";
    case HeadlineKind::players: return "players";
  }
  return "unknown";
}

std::string_view to_string(Lang lang) { return lang == Lang::fr ? "fr" : "en"; }

std::size_t record_count(const Report& report) {
  std::size_t n = report.messages.size();
  for (const Activity& a : report.activities) n += a.records.size();
  return n;
}

std::vector<TocEntry> table_of_contents(const Report& report) {
  const Labels& l = labels(report.lang);
  std::vector<TocEntry> toc;
  toc.push_back({"compte-rendu", std::string(l.summary_section), 1});
  if (!report.activities.empty()) {
    toc.push_back({"activites", std::string(l.activities_section), 1});
    for (const Activity& activity : report.activities) toc.push_back({activity.id, activity.title, 2});
  }
  if (!report.presentations.empty()) toc.push_back({"presentations", std::string(l.presentations_section), 1});
  if (!report.messages.empty()) toc.push_back({"messages", std::string(l.messages_section), 1});
  if (!report.left_out.empty()) toc.push_back({"left-out", std::string(l.left_out_section), 1});
  return toc;
}

}  // namespace palabre::report
