#pragma once
// The members of one JSON object, read in place with no tree built: the fast path of the engine's
// decode_envelope (core/codec.cpp: replay, the app's catch-up) and of the relay's restart
// (relay/room_files.cpp), so it lives here, below both, blind to activities. Only the shapes envelopes are made of are read: strings, integers, booleans, null and
// arrays of those; a nested object or array is kept as its raw text. Whatever is outside that
// subset (a \u escape, a float, an integer past 18 digits, a key with an escape) makes read()
// return false, and the caller decodes the text with nlohmann instead, which gives the same value
// or the exact error. Invalid JSON is always refused here; it is never half-read.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace palabre::protocol {

struct FlatValue {
  enum class Kind : std::uint8_t { null, boolean, integer, string, array, nested };
  Kind kind = Kind::null;
  bool escaped = false;         // a string with backslash escapes: string() unescapes it
  bool truth = false;           // boolean
  std::int64_t integer = 0;     // integer
  std::string_view text;        // string: between the quotes, as written; nested: the raw value
  std::uint32_t first = 0, count = 0;  // array: its elements in FlatObject::elements()
};

class FlatObject {
 public:
  // Reads `text`: one object, with only white space around it. False: invalid JSON, or outside
  // the subset above. The object keeps views into `text`. With `inner`, the object value of member
  // `inner_key` is read into `inner` on the same pass (an envelope and its `ev`); that member
  // still shows here as nested, with its raw text.
  bool read(std::string_view text, std::string_view inner_key = {}, FlatObject* inner = nullptr);

  // The member's value, the last one of equal keys as nlohmann keeps; nullptr if absent.
  const FlatValue* find(std::string_view key) const;
  // Whether a member other than `except` holds a nested object or array.
  bool has_nested(std::string_view except = {}) const;
  const FlatValue& element(const FlatValue& array, std::size_t i) const { return elements_[array.first + i]; }

 private:
  // The object at text[pos] (after white space), leaving `pos` after its closing brace.
  bool read_members(std::string_view text, std::size_t& pos, std::string_view inner_key, FlatObject* inner);

  std::vector<std::pair<std::string_view, FlatValue>> members_;
  std::vector<FlatValue> elements_;
};

// A string value's text, escapes resolved.
std::string string_of(const FlatValue& value);

// The raw text of each element of the JSON array `text`, in order. False: not an array, or its
// brackets and quotes do not balance (each element's own validity is its reader's business).
bool array_elements(std::string_view text, std::vector<std::string_view>& out);

}  // namespace palabre::protocol
