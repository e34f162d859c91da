// participant_view(): the state as one participant may see it. Hidden items go; other people's
// staff records (attempts, answers, votes, likes, dots, upvotes) go unless the host revealed the
// activity's results, and then they stay only under opaque tokens ("~1", "~2"…) so that counts
// remain right without saying who did what. A challenge's winner stays named once revealed.
#include <algorithm>

#include "core/session.hpp"
#include "core/text.hpp"

namespace palabre::core {
namespace {

class Pseudonyms {
 public:
  explicit Pseudonyms(std::string_view viewer) : viewer_(viewer) {}
  // The viewer keeps their id; everybody else becomes "~N", stable within one view.
  std::string operator()(const std::string& who) {
    if (who == viewer_) return who;
    auto [it, inserted] = tokens_.emplace(who, "");
    if (inserted) it->second = "~" + std::to_string(tokens_.size());
    return it->second;
  }

 private:
  std::string_view viewer_;
  std::map<std::string, std::string> tokens_;
};

// Keeps the viewer's record; others' only when revealed, re-keyed by pseudonym.
template <class Record>
void filter_records(std::map<std::string, Record>& records, bool revealed, std::string_view viewer, Pseudonyms& alias) {
  std::map<std::string, Record> kept;
  for (auto& [who, r] : records)
    if (who == viewer || revealed) kept.emplace(alias(who), std::move(r));
  records = std::move(kept);
}

void filter_members(std::set<std::string>& ids, bool revealed, std::string_view viewer, Pseudonyms& alias) {
  std::set<std::string> kept;
  for (const auto& who : ids)
    if (who == viewer || revealed) kept.insert(alias(who));
  ids = std::move(kept);
}

void filter_activity(Activity& a, std::string_view viewer) {
  Pseudonyms alias(viewer);
  const bool revealed = a.revealed;
  // challenge
  std::vector<Attempt> attempts;
  for (Attempt& t : a.attempts) {
    if (t.by != viewer && !revealed) continue;
    if (t.seq != a.winning_seq || a.spec.anonymous) t.by = alias(t.by);
    attempts.push_back(std::move(t));
  }
  if (!revealed && a.winning_seq != 0) {
    // The game is over for everyone; who won is part of the reveal.
    bool mine = std::any_of(attempts.begin(), attempts.end(), [&](const Attempt& t) { return t.seq == a.winning_seq; });
    if (!mine) a.winning_seq = -1;
  }
  a.attempts = std::move(attempts);
  // quiz and survey
  for (auto& per_question : a.quiz_answers) filter_records(per_question, revealed, viewer, alias);
  for (auto& per_question : a.survey_answers) {
    std::erase_if(per_question, [&](const auto& kv) { return kv.second.hidden || (!kv.second.approved && kv.first != viewer); });
    filter_records(per_question, revealed, viewer, alias);
  }
  // ideas: hidden ones go; waiting ones are seen only by their author
  std::erase_if(a.ideas, [&](const auto& kv) { return kv.second.hidden || (!kv.second.approved && kv.second.by != viewer); });
  for (auto& [id, idea] : a.ideas) {
    if (a.spec.anonymous && idea.by != viewer) idea.by.clear();
    filter_members(idea.likes, revealed, viewer, alias);
    filter_records(idea.dots, revealed, viewer, alias);
    if (!revealed) {
      idea.dot_total = 0;
      for (const auto& [who, n] : idea.dots) idea.dot_total += n;
    }
  }
  filter_records(a.dots_used, false, viewer, alias);
  // rating
  filter_records(a.votes, revealed, viewer, alias);
  // qna: questions are public, upvotes are staff
  std::erase_if(a.questions, [&](const auto& kv) { return kv.second.hidden || (!kv.second.approved && kv.second.by != viewer); });
  for (auto& [id, q] : a.questions) {
    if (a.spec.anonymous && q.by != viewer) q.by.clear();
    filter_members(q.upvotes, revealed, viewer, alias);
  }
}
}  // namespace

Session screen_view(const Session& session) {
  Session view = session;
  const auto& blocked = session.info.blocked_words;
  const auto mask = [&](std::string& text) { if (has_blocked_word(text, blocked)) text = mask_blocked_words(text, blocked); };
  std::erase_if(view.messages, [](const Message& m) { return m.hidden || !m.approved; });
  for (Message& m : view.messages) mask(m.text);
  for (Participant& p : view.participants) mask(p.name);
  // Ideas and questions stay (their figures count who took part); the views show only approved,
  // visible ones. An open answer held or hidden keeps its place without its words.
  for (Activity& a : view.activities) {
    for (auto& [id, idea] : a.ideas) mask(idea.text);
    for (auto& [id, q] : a.questions) mask(q.text);
    for (auto& per_question : a.survey_answers)
      for (auto& [who, r] : per_question) {
        if (r.hidden || !r.approved) r.text.clear(), r.comment.clear();
        mask(r.text);
        mask(r.comment);
      }
    for (Attempt& t : a.attempts) mask(t.text);
  }
  return view;
}

Session participant_view(const Session& session, std::string_view participant_id) {
  Session view = session;
  std::erase_if(view.messages, [&](const Message& m) { return m.hidden || (!m.approved && m.from != participant_id); });
  // Who was removed and the current join key are the staff's (relay envelopes they alone receive).
  view.removed.clear();
  view.removals.clear();
  view.invite.clear();
  for (Activity& a : view.activities) filter_activity(a, participant_id);
  return view;
}

}  // namespace palabre::core
