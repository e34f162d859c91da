#pragma once
// Internal to the HTML report (html.cpp): its one style sheet, inlined in the page.
#include <string_view>

namespace palabre::report {

// The CSS of the HTML report: screen (phone-ready), and print (A4, page breaks).
std::string_view html_style();

}  // namespace palabre::report
