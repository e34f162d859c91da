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
  const json* find(std::string_view key) {
    if (flat_) {
      needs_tree_ = true;
      return nullptr;
    }
    if (!ok() || !tree_->is_object()) return nullptr;
    auto it = tree_->find(key);
    return it == tree_->end() ? nullptr : &*it;
  }
  bool has(std::string_view key) { return static_cast<bool>(value(key)); }

  bool str(std::string_view key, std::string& out, bool required = true) {
    const ValueRef v = value(key);
    if (!v) { if (required && ok()) fail(at(key), "missing (expected a string)"); return false; }
    if (!v.is_string()) { fail(at(key), "expected a string"); return false; }
    out = v.string();
    return true;
  }
  bool opt_str(std::string_view key, std::optional<std::string>& out) {
    std::string s;
    if (str(key, s, false)) { out = std::move(s); return true; }
    return false;
  }
  bool i64(std::string_view key, std::int64_t& out, bool required = true) {
    const ValueRef v = value(key);
    if (!v) { if (required && ok()) fail(at(key), "missing (expected an integer)"); return false; }
    if (!v.is_integer()) { fail(at(key), "expected an integer"); return false; }
    out = v.integer();
    return true;
  }
  bool i32(std::string_view key, int& out, bool required = true) {
    std::int64_t v = out;
    if (!i64(key, v, required)) return false;
    if (v < -1000000000 || v > 1000000000) { fail(at(key), "integer out of range"); return false; }
    out = int(v);
    return true;
  }
  bool boolean(std::string_view key, bool& out, bool required = true) {
    const ValueRef v = value(key);
    if (!v) { if (required && ok()) fail(at(key), "missing (expected true or false)"); return false; }
    if (!v.is_boolean()) { fail(at(key), "expected true or false"); return false; }
    out = v.boolean();
    return true;
  }
  bool ints(std::string_view key, std::vector<int>& out, bool required = true) {
    const ValueRef v = value(key);
    if (!v) { if (required && ok()) fail(at(key), "missing (expected an array of integers)"); return false; }
    if (!v.is_array()) { fail(at(key), "expected an array of integers"); return false; }
    out.clear();
    for (std::size_t i = 0; i < v.size(); ++i) {
      const ValueRef e = v[i];
      if (!e.is_integer() || e.integer() < -1000000 || e.integer() > 1000000) {
        fail(at(key) + "[" + std::to_string(i) + "]", "expected an integer");
        return false;
      }
      out.push_back(int(e.integer()));
    }
    return true;
  }
  bool strings(std::string_view key, std::vector<std::string>& out, bool required = true) {
    const ValueRef v = value(key);
    if (!v) { if (required && ok()) fail(at(key), "missing (expected an array of strings)"); return false; }
    if (!v.is_array()) { fail(at(key), "expected an array of strings"); return false; }
    out.clear();
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_string()) { fail(at(key) + "[" + std::to_string(i) + "]", "expected a string"); return false; }
      out.push_back(v[i].string());
    }
    return true;
  }

 private:
  // The member `key`; none once a read failed. A nested member of a flat source is a tree's job.
  ValueRef value(std::string_view key) {
    if (!ok()) return {};
    if (tree_) {
      if (!tree_->is_object()) return {};
      auto it = tree_->find(key);
      return it == tree_->end() ? ValueRef() : ValueRef(&*it);
    }
    const FlatValue* v = flat_->find(key);
    if (v && v->kind == FlatValue::Kind::nested) {
      needs_tree_ = true;
      return {};
    }
    return v ? ValueRef(flat_, v) : ValueRef();
  }

  const json* tree_ = nullptr;
  const FlatObject* flat_ = nullptr;
  std::string path_;
  DecodeError& error_;
  bool needs_tree_ = false;
};

}  // namespace palabre::core::detail
