#pragma once
// Test helpers: build envelopes in one line and apply them in sequence.
#include <string>

#include "core/session.hpp"

namespace palabre::core::testing {

// Builds envelopes with increasing seq and at (one second apart), like the relay would.
struct Script {
  Session session;
  std::int64_t next_seq = 1;
  std::int64_t now = 1664960400000;  // 2022-10-05T09:00:00Z

  Envelope envelope(std::string from, Role role, Event ev, Visibility vis = Visibility::public_) {
    Envelope e{next_seq++, now, std::move(from), role, vis, std::move(ev)};
    now += 1000;
    return e;
  }
  Outcome send(std::string from, Role role, Event ev) {
    return apply(session, envelope(std::move(from), role, std::move(ev)));
  }
  Outcome host(Event ev) { return send("h1", Role::host, std::move(ev)); }
  Outcome participant(const std::string& id, Event ev) { return send(id, Role::participant, std::move(ev)); }
  Outcome join(const std::string& id, const std::string& name) { return participant(id, ParticipantJoin{name}); }

  // Adds an activity as the host and returns its id (the seq of the activity.add).
  std::int64_t add(ActivitySpec spec) {
    const std::int64_t id = next_seq;
    Outcome o = host(ActivityAdd{std::move(spec)});
    return o.accepted() ? id : -1;
  }
  // Adds and starts an activity, with participants p1..pN joined first.
  std::int64_t running(ActivitySpec spec, int participants = 3) {
    for (int i = 1; i <= participants; ++i) join("p" + std::to_string(i), "Person " + std::to_string(i));
    const std::int64_t id = add(std::move(spec));
    host(ActivityStart{id});
    return id;
  }
  void wait_ms(std::int64_t ms) { now += ms; }
  const Activity& activity(std::int64_t id) const { return *session.find_activity(id); }
};

// [SECTION] ready-made specs
inline ActivitySpec challenge_spec(std::vector<std::string> answers = {"26/09/2022"}, int timer_s = 0) {
  ActivitySpec s;
  s.kind = ActivityKind::challenge;
  s.title = "A quelle date la feuille de route a-t-elle été publiée ?";
  s.answers = std::move(answers);
  s.timer_s = timer_s;
  return s;
}
inline ActivitySpec quiz_spec(int limit_s = 20) {
  ActivitySpec s;
  s.kind = ActivityKind::quiz;
  s.title = "Quiz";
  s.quiz = {QuizQuestion{"Année ?", {"2013", "2014", "2016"}, {1}, limit_s},
            QuizQuestion{"Enjeux ?", {"Sobriété", "Fax", "Données"}, {0, 2}, limit_s}};
  return s;
}
inline ActivitySpec survey_spec() {
  ActivitySpec s;
  s.kind = ActivityKind::survey;
  s.title = "Votre usage";
  SurveyQuestion single{QuestionKind::single, "Photo ?", "", {"non", "oui", "bientôt"}};
  SurveyQuestion multiple{QuestionKind::multiple, "Dispositifs ?", "", {"PIA", "ICC", "Écrans vivants", "ONDA"}, 2};
  SurveyQuestion open{QuestionKind::open, "Précisez ?", "Nom du dispositif"};
  SurveyQuestion ranking{QuestionKind::ranking, "Classez", "", {"newsletter", "site", "Twitter"}};
  SurveyQuestion rating{QuestionKind::rating, "Le site ?", "", {}, 0, 5, true};
  s.questions = {single, multiple, open, ranking, rating};
  return s;
}
inline ActivitySpec ideas_spec(ActivityKind kind = ActivityKind::brainstorm, int dot_budget = 0, bool controlled = false) {
  ActivitySpec s;
  s.kind = kind;
  s.title = "Un mot pour votre rentrée ?";
  s.categories = {"Communauté", "Ressources", "Réseau"};
  s.dot_budget = dot_budget;
  s.controlled = controlled;
  return s;
}
inline ActivitySpec rating_spec(int scale = 5) {
  ActivitySpec s;
  s.kind = ActivityKind::rating;
  s.title = "Votre avis sur ce café ?";
  s.scale = scale;
  return s;
}
inline ActivitySpec qna_spec() {
  ActivitySpec s;
  s.kind = ActivityKind::qna;
  s.title = "Vos questions";
  return s;
}
inline ActivitySpec presentation_spec() {
  ActivitySpec s;
  s.kind = ActivityKind::presentation;
  s.title = "Développement TMNlab";
  s.pages = {Page{"Une communauté", "840 membres", ""}, Page{"Un réseau", "2013", ""}, Page{"Avenir", "…", ""}};
  return s;
}

}  // namespace palabre::core::testing
