// FontAwesome 4.7 icons the app draws. The build subsets the icon font to exactly the code points
// listed here (src/app/tools/embed_fonts.py reads this file), so add an icon here before using it.
#pragma once

namespace palabre::app::icon {
inline constexpr const char* comments = "\uf086";
inline constexpr const char* picture = "\uf03e";
inline constexpr const char* file_pdf = "\uf1c1";
inline constexpr const char* comment = "\uf075";
inline constexpr const char* send = "\uf1d8";
inline constexpr const char* users = "\uf0c0";
inline constexpr const char* user = "\uf007";
inline constexpr const char* kiosk = "\uf26c";
inline constexpr const char* link = "\uf0c1";
inline constexpr const char* copy = "\uf0c5";
inline constexpr const char* qrcode = "\uf029";
inline constexpr const char* check = "\uf00c";
inline constexpr const char* check_circle = "\uf058";
inline constexpr const char* close = "\uf00d";
inline constexpr const char* plus = "\uf067";
inline constexpr const char* play = "\uf04b";
inline constexpr const char* stop = "\uf04d";
inline constexpr const char* eye = "\uf06e";
inline constexpr const char* eye_slash = "\uf070";
inline constexpr const char* sign_in = "\uf090";
inline constexpr const char* wifi = "\uf1eb";
inline constexpr const char* circle = "\uf111";
inline constexpr const char* circle_o = "\uf10c";
inline constexpr const char* refresh = "\uf021";
inline constexpr const char* arrow_right = "\uf061";
inline constexpr const char* clock = "\uf017";
inline constexpr const char* download = "\uf019";
inline constexpr const char* globe = "\uf0ac";
inline constexpr const char* bolt = "\uf0e7";
inline constexpr const char* bullhorn = "\uf0a1";
inline constexpr const char* lightbulb = "\uf0eb";
inline constexpr const char* bar_chart = "\uf080";
inline constexpr const char* star = "\uf005";
inline constexpr const char* question = "\uf059";
inline constexpr const char* trophy = "\uf091";
inline constexpr const char* warning = "\uf071";
inline constexpr const char* external_link = "\uf08e";
inline constexpr const char* spinner = "\uf110";
inline constexpr const char* expand = "\uf065";
inline constexpr const char* share = "\uf1e0";
inline constexpr const char* key = "\uf084";
inline constexpr const char* home = "\uf015";
inline constexpr const char* language = "\uf1ab";
inline constexpr const char* sticky_note = "\uf249";
inline constexpr const char* heart = "\uf004";
inline constexpr const char* thumbs_up = "\uf164";
inline constexpr const char* list = "\uf03a";
inline constexpr const char* trash = "\uf1f8";
inline constexpr const char* pencil = "\uf040";
inline constexpr const char* hourglass = "\uf252";
inline constexpr const char* th_large = "\uf009";
inline constexpr const char* chevron_left = "\uf053";
inline constexpr const char* chevron_right = "\uf054";
inline constexpr const char* chevron_up = "\uf077";
inline constexpr const char* chevron_down = "\uf078";
inline constexpr const char* floppy = "\uf0c7";
inline constexpr const char* file_text = "\uf15c";

// The range handed to ImGui when merging the icon font (covers every code point above).
inline constexpr unsigned short first_code_point = 0xf000;
inline constexpr unsigned short last_code_point = 0xf2ff;
}  // namespace palabre::app::icon
