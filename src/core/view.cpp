// participant_view(): the state as one participant may see it.
#include <algorithm>

#include "core/session.hpp"

namespace palabre::core {

Session participant_view(const Session& session, std::string_view participant_id) {
  (void)participant_id;
  Session view = session;
  std::erase_if(view.messages, [](const Message& m) { return m.hidden; });
  return view;
}

}  // namespace palabre::core
