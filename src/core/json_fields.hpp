#pragma once
// Internal: typed, path-aware reads from a JSON object that never throw: an nlohmann::json tree, or
// a FlatObject read in place (flat_json.hpp, the fast path of envelopes). Both give the same values
// and the same errors. The first failure is kept (path + reason); later reads become no-ops.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/codec.hpp"
#include "protocol/flat_json.hpp"

namespace palabre::core::detail {

using json = nlohmann::json;
using protocol::FlatObject;
using protocol::FlatValue;
using protocol::string_of;

// One member's value in either source: what the typed reads below ask of it.
class ValueRef {
 public:
  ValueRef() = default;
  explicit ValueRef(const json* tree) : tree_(tree) {}
  ValueRef(const FlatObject* owner, const FlatValue* flat) : owner_(owner), flat_(flat) {}

  explicit operator bool() const { return tree_ || flat_; }
  bool is_string() const { return tree_ ? tree_->is_string() : flat_->kind == FlatValue::Kind::string; }
  bool is_integer() const { return tree_ ? tree_->is_number_integer() : flat_->kind == FlatValue::Kind::integer; }
  bool is_boolean() const { return tree_ ? tree_->is_boolean() : flat_->kind == FlatValue::Kind::boolean; }
  bool is_array() const { return tree_ ? tree_->is_array() : flat_->kind == FlatValue::Kind::array; }
  std::string string() const { return tree_ ? tree_->get<std::string>() : string_of(*flat_); }
  std::int64_t integer() const { return tree_ ? tree_->get<std::int64_t>() : flat_->integer; }
  bool boolean() const { return tree_ ? tree_->get<bool>() : flat_->truth; }
  std::size_t size() const { return tree_ ? tree_->size() : flat_->count; }
  ValueRef operator[](std::size_t i) const {
    return tree_ ? ValueRef(&(*tree_)[i]) : ValueRef(owner_, &owner_->element(*flat_, i));
  }

 private:
  const json* tree_ = nullptr;
  const FlatObject* owner_ = nullptr;
  const FlatValue* flat_ = nullptr;
};

class Fields {
 public:
  Fields(const json& object, std::string path, DecodeError& error)
      : tree_(&object), path_(std::move(path)), error_(error) {
    if (error_.reason.empty() && !tree_->is_object()) fail(path_, "expected an object");
  }
  Fields(const FlatObject& object, std::string path, DecodeError& error)
      : flat_(&object), path_(std::move(path)), error_(error) {}

  bool ok() const { return error_.reason.empty(); }
  DecodeError& error() { return error_; }
  const std::string& path() const { return path_; }
  std::string at(std::string_view key) const { return path_ + "." + std::string(key); }
  // A flat source was asked for a tree (a nested member): its reader must decode the text again
  // with nlohmann (codec.cpp), whatever the reads gave.
  bool needs_tree() const { return needs_tree_; }

  void fail(const std::string& path, const std::string& reason) {
    if (error_.reason.empty()) error_ = DecodeError{path, reason};
  }

  // A member as a tree, for readers of nested values (specs, figures).
  const json* find(std::string_view key);
  bool has(std::string_view key) { return static_cast<bool>(value(key)); }

  // Typed reads (out of line: every event's reader calls them, and the participant's download
  // counts each inlined copy).
  bool str(std::string_view key, std::string& out, bool required = true);
  bool opt_str(std::string_view key, std::optional<std::string>& out);
  bool i64(std::string_view key, std::int64_t& out, bool required = true);
  bool i32(std::string_view key, int& out, bool required = true);
  bool boolean(std::string_view key, bool& out, bool required = true);
  bool ints(std::string_view key, std::vector<int>& out, bool required = true);
  bool strings(std::string_view key, std::vector<std::string>& out, bool required = true);

 private:
  // The member `key`; none once a read failed. A nested member of a flat source is a tree's job.
  ValueRef value(std::string_view key);

  const json* tree_ = nullptr;
  const FlatObject* flat_ = nullptr;
  std::string path_;
  DecodeError& error_;
  bool needs_tree_ = false;
};

}  // namespace palabre::core::detail
