#pragma once
// Test helpers for HTML output: visible text, well-formedness, and external references.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace palabre::report::testing {

// Text a reader sees: tags (and <style>/<title> contents) removed, the five escapes decoded,
// runs of whitespace collapsed to one space.
inline std::string visible_text(std::string_view html) {
  std::string out;
  std::size_t i = 0;
  auto skip_element = [&](std::string_view name) {
    const std::string close = "</" + std::string(name) + ">";
    const std::size_t end = html.find(close, i);
    i = end == std::string_view::npos ? html.size() : end + close.size();
  };
  while (i < html.size()) {
    if (html[i] == '<') {
      if (html.substr(i, 6) == "<style") { skip_element("style"); continue; }
      if (html.substr(i, 6) == "<title") { skip_element("title"); out += ' '; continue; }
      const std::size_t end = html.find('>', i);
      i = end == std::string_view::npos ? html.size() : end + 1;
      out += ' ';
      continue;
    }
    if (html[i] == '&') {
      static const std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool decoded = false;
      for (auto [entity, c] : kEntities)
        if (html.substr(i, entity.size()) == entity) {
          out += c;
          i += entity.size();
          decoded = true;
          break;
        }
      if (decoded) continue;
    }
    out += html[i++];
  }
  std::string collapsed;
  for (char c : out) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += space ? ' ' : c;
  }
  return collapsed;
}

// Every non-void element is closed in order, attributes are quoted; returns "" or the first problem.
inline std::string balance_problem(std::string_view html) {
  static const std::vector<std::string_view> kVoid = {"meta", "br", "img", "rect", "line", "path", "circle",
                                                      "!DOCTYPE", "hr", "input", "link"};
  std::vector<std::string> stack;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.substr(i, 7) == "<style>") {
      i = html.find("</style>", i);
      if (i == std::string_view::npos) return "unclosed style";
      i += 8;
      continue;
    }
    const std::size_t end = html.find('>', i);
    if (end == std::string_view::npos) return "unterminated tag";
    std::string_view tag = html.substr(i + 1, end - i - 1);
    i = end + 1;
    const bool closing = !tag.empty() && tag.front() == '/';
    if (closing) tag.remove_prefix(1);
    const bool self_closing = !tag.empty() && tag.back() == '/';
    const std::string name(tag.substr(0, tag.find_first_of(" /")));
    if (std::count(tag.begin(), tag.end(), '"') % 2 != 0) return "odd quotes in <" + std::string(tag) + ">";
    if (closing) {
      if (stack.empty() || stack.back() != name)
        return "</" + name + "> closes <" + (stack.empty() ? std::string("nothing") : stack.back()) + ">";
      stack.pop_back();
    } else if (!self_closing && std::find(kVoid.begin(), kVoid.end(), name) == kVoid.end()) {
      stack.push_back(name);
    }
  }
  return stack.empty() ? "" : "unclosed <" + stack.back() + ">";
}

// Attribute values and CSS that would make a browser fetch something: src/href not '#' or 'data:',
// url(...) not data:, @import, <script>, <link>, <iframe>, <object>, http(s) in attributes.
inline std::vector<std::string> external_references(std::string_view html) {
  std::vector<std::string> found;
  for (std::string_view attribute : {"src=\"", "href=\"", "srcset=\"", "action=\"", "poster=\""}) {
    std::size_t i = 0;
    while ((i = html.find(attribute, i)) != std::string_view::npos) {
      i += attribute.size();
      const std::string_view value = html.substr(i, html.find('"', i) - i);
      if (!value.starts_with("#") && !value.starts_with("data:image/")) found.emplace_back(value);
    }
  }
  for (std::string_view bad : {"url(", "@import", "<script", "<link", "<iframe", "<object", "<embed", "=\"http",
                               "=\"//"})
    if (html.find(bad) != std::string_view::npos) found.emplace_back(bad);
  return found;
}

}  // namespace palabre::report::testing
