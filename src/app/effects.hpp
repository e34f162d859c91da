#pragma once
// Carries out what the views asked for in a frame (views::Action): a new route, a room, an event for
// the client, a download, a URL, the clipboard, the language, kept in this browser's storage.
#include <string>

#include "app/views/views.hpp"

namespace palabre::app {

void run(const views::Action& action);
// Host module: renders the report in `format` and hands it to the browser, once its images are here.
void report_ready(const std::string& format);

}  // namespace palabre::app
