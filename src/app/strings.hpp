#pragma once
// Every sentence the app shows, in French and English (issue 6: one catalogue). Views call
// tr(S::...); the language follows the browser unless the user switches it.
#include <string_view>

namespace palabre::app {

enum class Lang { fr, en };

enum class S {
  tagline,
  join_title, join_code_label, join_code_placeholder, join_go,
  host_title, host_blurb, host_create, host_creating,
  host_share, host_code, host_join_link, host_kiosk_link, host_copy, host_copied, host_open_kiosk,
  host_messages, host_no_messages, host_hide, host_show, host_hidden, host_people, host_nobody,
  host_scan,
  you_name_title, you_name_label, you_name_placeholder, you_join, you_joining,
  chat_title, chat_placeholder, chat_send, chat_empty, chat_sending, chat_you,
  kiosk_join_at, kiosk_waiting, kiosk_messages,
  status_online, status_connecting, status_offline,
  error_no_room, error_generic, error_closed,
  people_one, people_many,
  language_switch,
  tab_activity,
  tab_chat,
  wait_host,
  wait_host_blurb,
  activities,
  no_activities,
  load_plan,
  add_activity,
  new_title,
  new_title_placeholder,
  new_choices,
  new_choices_placeholder,
  create_activity,
  cancel,
  start,
  stop,
  reopen,
  reveal,
  hide_results,
  next_question,
  prev_page,
  next_page,
  status_draft,
  status_running,
  status_stopped,
  kind_challenge,
  kind_quiz,
  kind_survey,
  kind_brainstorm,
  kind_board,
  kind_rating,
  kind_qna,
  kind_presentation,
  answer_placeholder,
  submit,
  sent,
  right_answer,
  wrong_answer,
  won_by,
  attempts,
  participation,
  seconds,
  votes,
  answers,
  ideas,
  idea_placeholder,
  post_idea,
  question_placeholder,
  ask,
  answered,
  mark_answered,
  leaderboard,
  points,
  time_left,
  ranking_hint,
  reset,
  comment_placeholder,
  average,
  no_answers_yet,
  export_log,
  plan_error,
  results_hidden,
  page,
  current,
  words,
  question_n,
  participants_word,
  count_
};

Lang browser_lang();  // from navigator.language (fr* -> fr, otherwise en)
void set_lang(Lang lang);
Lang lang();
const char* tr(S s);
// The string in a given language (tests check the catalogue is complete).
const char* tr(S s, Lang lang);

}  // namespace palabre::app
