#include "protocol/json_text.hpp"

#include <set>
#include <vector>

namespace palabre::protocol {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

void skip_space(std::string_view s, std::size_t& i) {
  while (i < s.size() && is_space(s[i])) ++i;
}

// `i` is on the opening quote; leaves `i` after the closing quote.
void skip_string(std::string_view s, std::size_t& i) {
  ++i;
  while (i < s.size() && s[i] != '"') i += s[i] == '\\' ? 2 : 1;
  ++i;
}

// Skips one value (the text is valid JSON, so bracket depth is enough).
void skip_value(std::string_view s, std::size_t& i) {
  int depth = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '"') {
      skip_string(s, i);
      if (depth == 0) return;
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    else if (c == '}' || c == ']') {
      if (depth == 0) return;  // end of the enclosing object: a scalar just ended
      if (--depth == 0) { ++i; return; }
    } else if (depth == 0 && (c == ',' || is_space(c))) return;
    ++i;
  }
}

}  // namespace

std::optional<std::string_view> raw_member_text(std::string_view s, std::string_view key) {
  std::optional<std::string_view> found;
  std::size_t i = 0;
  skip_space(s, i);
  if (i >= s.size() || s[i] != '{') return std::nullopt;
  ++i;
  while (i < s.size()) {
    skip_space(s, i);
    if (i >= s.size() || s[i] == '}') break;
    if (s[i] == ',') { ++i; continue; }
    if (s[i] != '"') return std::nullopt;
    const std::size_t key_start = i + 1;
    skip_string(s, i);
    const std::string_view raw_key = s.substr(key_start, i - 1 - key_start);
    skip_space(s, i);
    if (i >= s.size() || s[i] != ':') return std::nullopt;
    ++i;
    skip_space(s, i);
    const std::size_t value_start = i;
    skip_value(s, i);
    if (raw_key == key) found = s.substr(value_start, i - value_start);
  }
  return found;
}

namespace {

// nlohmann's own DOM builder (iterative), with the key and depth checks in front of it.
class StrictSax {
 public:
  StrictSax(nlohmann::json& root, int max_depth, StrictParse& out) : dom_(root, false), max_depth_(max_depth), out_(out) {}

  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(nlohmann::json::number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(nlohmann::json::number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(nlohmann::json::number_float_t v, const std::string& s) { return dom_.number_float(v, s); }
  bool string(std::string& v) { return dom_.string(v); }
  bool binary(nlohmann::json::binary_t& v) { return dom_.binary(v); }
  bool start_object(std::size_t n) { return enter() && dom_.start_object(n); }
  bool end_object() { keys_.pop_back(); return dom_.end_object(); }
  bool start_array(std::size_t n) { return enter() && dom_.start_array(n); }
  bool end_array() { keys_.pop_back(); return dom_.end_array(); }
  bool key(std::string& k) {
    if (!keys_.back().insert(k).second) return fail("duplicate key \"" + k.substr(0, 40) + "\"");
    return dom_.key(k);
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    if (out_.error.empty()) out_.error = "not valid JSON (UTF-8)";
    return false;
  }

 private:
  bool enter() {
    if (int(keys_.size()) >= max_depth_) {
      out_.too_deep = true;
      return fail("nested deeper than " + std::to_string(max_depth_ - 1) + " levels inside the message");
    }
    keys_.emplace_back();
    return true;
  }
  bool fail(std::string why) {
    out_.error = std::move(why);
    return false;
  }

  nlohmann::detail::json_sax_dom_parser<nlohmann::json> dom_;
  int max_depth_;
  StrictParse& out_;
  std::vector<std::set<std::string>> keys_;  // per open object or array (arrays keep theirs empty)
};

}  // namespace

StrictParse strict_parse(std::string_view text, int max_depth) {
  StrictParse out;
  StrictSax sax(out.value, max_depth, out);
  if (!nlohmann::json::sax_parse(text, &sax) || !out.error.empty()) {
    if (out.error.empty()) out.error = "not valid JSON (UTF-8)";
    out.value = nlohmann::json(nlohmann::json::value_t::discarded);
  }
  return out;
}

}  // namespace palabre::protocol
