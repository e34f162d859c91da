#pragma once
// Carries out what the views asked for in a frame (views::Action): a new route, a room, an event for
// the client, a download, a URL, the clipboard, the language, kept in this browser's storage.
#include <string>

#include "app/views/views.hpp"

namespace palabre::app {

void run(const views::Action& action);
// Host module: once the session's images are here, makes the file `purpose` asked for — "plan", or a
// report format — and hands it to the browser.
void images_gathered(const std::string& purpose);

}  // namespace palabre::app
