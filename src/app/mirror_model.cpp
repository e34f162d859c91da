// Pure parts of the item mirror (label parsing, JSON), shared by the app and its native tests.
#include <nlohmann/json.hpp>

#include "app/mirror.hpp"

namespace palabre::app::mirror {

LabelParts split_label(std::string_view imgui_label) {
  LabelParts parts;
  const auto hidden = imgui_label.find("##");
  const auto stable = imgui_label.find("###");
  parts.label = strip_icons(imgui_label.substr(0, hidden));
  parts.key = std::string(stable == std::string_view::npos ? imgui_label : imgui_label.substr(stable + 3));
  return parts;
}

std::string strip_icons(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    // U+E000..U+F8FF (Private Use Area, where icon fonts live) is EE 80 80 .. EF A3 BF in UTF-8.
    if (c == 0xEE || (c == 0xEF && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0xA3)) {
      // The check mark says something (the right answer of a closed question): read as ✓ (U+2713).
      // A choice made (check circle) says it with aria-pressed instead.
      if (text.substr(i, 3) == "\xef\x80\x8c") out += "\xe2\x9c\x93";
      i += 3;
      continue;
    }
    out.push_back(text[i]);
    ++i;
  }
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  const auto last = out.find_last_not_of(' ');
  return out.substr(first, last - first + 1);
}

std::string items_json(const std::vector<Item>& items) {
  auto rounded = [](float v) { return static_cast<double>(static_cast<long long>(v * 10.0f + (v >= 0 ? 0.5f : -0.5f))) / 10.0; };
  nlohmann::json list = nlohmann::json::array();
  for (const Item& item : items) {
    nlohmann::json j = {{"key", item.key}, {"label", item.label}, {"role", item.role},
                        {"x", rounded(item.x)}, {"y", rounded(item.y)}, {"w", rounded(item.w)},
                        {"h", rounded(item.h)}, {"focused", item.focused}};
    if (item.disabled) j["disabled"] = true;
    if (item.state >= 0) j["state"] = item.state == 1;
    if (item.role == "textbox") {
      j["placeholder"] = item.placeholder;
      j["fontPx"] = rounded(item.font_px);
      j["padX"] = rounded(item.pad_x);
      if (item.secret) j["secret"] = true;
      if (item.multiline) j["multiline"] = true;
    }
    list.push_back(std::move(j));
  }
  return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace palabre::app::mirror
