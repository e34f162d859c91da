#include "protocol/flat_json.hpp"

#include "core/utf8.hpp"

namespace palabre::protocol {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class Scanner {
 public:
  explicit Scanner(std::string_view s, std::size_t at = 0) : s_(s), i_(at) {}

  void skip_space() {
    while (i_ < s_.size() && is_space(s_[i_])) ++i_;
  }
  bool at_end() const { return i_ >= s_.size(); }
  char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  bool take(char c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }

  // `"…"`: well-formed UTF-8, no control character, simple escapes only.
  bool string(std::string_view& contents, bool& escaped) {
    if (!take('"')) return false;
    const std::size_t start = i_;
    escaped = false;
    while (i_ < s_.size()) {
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        contents = s_.substr(start, i_ - start);
        ++i_;
        return true;
      }
      if (c == '\\') {
        if (i_ + 1 >= s_.size()) return false;
        switch (s_[i_ + 1]) {
          case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't': break;
          default: return false;  // \u (surrogate pairs, NUL…) is left to nlohmann
        }
        escaped = true;
        i_ += 2;
      } else if (c < 0x20) {
        return false;
      } else if (c < 0x80) {
        ++i_;
      } else {
        const core::utf8::Decoded d = core::utf8::decode(s_, i_);
        if (!d.valid) return false;
        i_ += d.length;
      }
    }
    return false;
  }

  // -?(0|[1-9][0-9]*) with at most 18 digits: always an int64, as nlohmann reads it.
  bool integer(std::int64_t& out) {
    const bool negative = take('-');
    const std::size_t start = i_;
    std::int64_t value = 0;
    for (; i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9'; ++i_)
      if (i_ - start < 18) value = value * 10 + (s_[i_] - '0');  // more digits are refused below, unsummed
    const std::size_t digits = i_ - start;
    if (digits == 0 || digits > 18 || (digits > 1 && s_[start] == '0')) return false;
    const char next = peek();
    if (next == '.' || next == 'e' || next == 'E') return false;  // a float: nlohmann's
    out = negative ? -value : value;
    return true;
  }

  bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }

  // One nested object or array, brackets and quotes balanced; its contents are read later.
  bool nested(std::string_view& raw) {
    const std::size_t start = i_;
    int depth = 0;
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == '"') {
        for (++i_; i_ < s_.size() && s_[i_] != '"'; i_ += s_[i_] == '\\' ? 2 : 1) {}
        if (i_ >= s_.size()) return false;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) {
          ++i_;
          raw = s_.substr(start, i_ - start);
          return true;
        }
      }
      ++i_;
    }
    return false;
  }

  std::size_t position() const { return i_; }
  void seek(std::size_t i) { i_ = i; }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

bool scalar(Scanner& in, FlatValue& v) {
  switch (in.peek()) {
    case '"': v.kind = FlatValue::Kind::string; return in.string(v.text, v.escaped);
    case 't': v.kind = FlatValue::Kind::boolean; v.truth = true; return in.literal("true");
    case 'f': v.kind = FlatValue::Kind::boolean; v.truth = false; return in.literal("false");
    case 'n': v.kind = FlatValue::Kind::null; return in.literal("null");
    default: v.kind = FlatValue::Kind::integer; return in.integer(v.integer);
  }
}

}  // namespace

bool FlatObject::read(std::string_view text, std::string_view inner_key, FlatObject* inner) {
  std::size_t pos = 0;
  if (!read_members(text, pos, inner_key, inner)) return false;
  Scanner in(text, pos);
  in.skip_space();
  return in.at_end();
}

bool FlatObject::read_members(std::string_view text, std::size_t& pos, std::string_view inner_key, FlatObject* inner) {
  members_.clear();
  elements_.clear();
  Scanner in(text, pos);
  in.skip_space();
  if (!in.take('{')) return false;
  in.skip_space();
  if (!in.take('}')) {
    for (;;) {
      std::string_view key;
      bool key_escaped = false;
      if (!in.string(key, key_escaped) || key_escaped) return false;
      in.skip_space();
      if (!in.take(':')) return false;
      in.skip_space();
      FlatValue value;
      if (in.peek() == '{' && inner && key == inner_key) {
        std::size_t at = in.position();
        value.kind = FlatValue::Kind::nested;
        if (!inner->read_members(text, at, {}, nullptr)) return false;
        value.text = text.substr(in.position(), at - in.position());
        in.seek(at);
      } else if (in.peek() == '{') {
        value.kind = FlatValue::Kind::nested;
        if (!in.nested(value.text)) return false;
      } else if (in.peek() == '[') {
        // An array of scalars is read here; one holding objects or arrays is kept whole.
        const std::size_t start = in.position();
        const std::size_t first = elements_.size();
        value.kind = FlatValue::Kind::array;
        value.first = static_cast<std::uint32_t>(first);
        in.take('[');
        in.skip_space();
        bool flat = true;
        if (!in.take(']')) {
          for (;;) {
            if (in.peek() == '{' || in.peek() == '[') { flat = false; break; }
            FlatValue element;
            if (!scalar(in, element)) return false;
            elements_.push_back(element);
            in.skip_space();
            if (in.take(']')) break;
            if (!in.take(',')) return false;
            in.skip_space();
          }
        }
        if (!flat) {
          elements_.resize(first);
          in.seek(start);
          value = FlatValue{};
          value.kind = FlatValue::Kind::nested;
          if (!in.nested(value.text)) return false;
        } else {
          value.count = static_cast<std::uint32_t>(elements_.size() - first);
        }
      } else if (!scalar(in, value)) {
        return false;
      }
      members_.emplace_back(key, value);
      in.skip_space();
      if (in.take('}')) break;
      if (!in.take(',')) return false;
      in.skip_space();
    }
  }
  pos = in.position();
  return true;
}

const FlatValue* FlatObject::find(std::string_view key) const {
  for (auto it = members_.rbegin(); it != members_.rend(); ++it)
    if (it->first == key) return &it->second;
  return nullptr;
}

bool FlatObject::has_nested(std::string_view except) const {
  for (const auto& [key, value] : members_)
    if (value.kind == FlatValue::Kind::nested && key != except) return true;
  return false;
}

std::string string_of(const FlatValue& value) {
  if (!value.escaped) return std::string(value.text);
  std::string out;
  out.reserve(value.text.size());
  for (std::size_t i = 0; i < value.text.size(); ++i) {
    char c = value.text[i];
    if (c == '\\' && i + 1 < value.text.size()) {
      switch (value.text[++i]) {
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 't': c = '\t'; break;
        default: c = value.text[i]; break;  // " \ /
      }
    }
    out.push_back(c);
  }
  return out;
}

bool array_elements(std::string_view text, std::vector<std::string_view>& out) {
  out.clear();
  Scanner in(text);
  in.skip_space();
  if (!in.take('[')) return false;
  in.skip_space();
  if (in.take(']')) {
    in.skip_space();
    return in.at_end();
  }
  for (;;) {
    const std::size_t start = in.position();
    std::string_view element;
    if (in.peek() == '{' || in.peek() == '[') {
      if (!in.nested(element)) return false;
    } else {
      FlatValue ignored;
      if (!scalar(in, ignored)) return false;
      element = text.substr(start, in.position() - start);
    }
    out.push_back(element);
    in.skip_space();
    if (in.take(']')) break;
    if (!in.take(',')) return false;
    in.skip_space();
  }
  in.skip_space();
  return in.at_end();
}

}  // namespace palabre::protocol
