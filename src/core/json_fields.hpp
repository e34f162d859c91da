#pragma once
// Internal: typed, path-aware reads from nlohmann::json objects that never throw.
// The first failure is kept (path + reason); later reads become no-ops.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/codec.hpp"

namespace palabre::core::detail {

using json = nlohmann::json;

class Fields {
 public:
  Fields(const json& object, std::string path, DecodeError& error)
      : object_(object), path_(std::move(path)), error_(error) {
    if (error_.reason.empty() && !object_.is_object()) fail(path_, "expected an object");
  }
  bool ok() const { return error_.reason.empty(); }
  DecodeError& error() { return error_; }
  const std::string& path() const { return path_; }
  std::string at(std::string_view key) const { return path_ + "." + std::string(key); }

  void fail(const std::string& path, const std::string& reason) {
    if (error_.reason.empty()) error_ = DecodeError{path, reason};
  }

  const json* find(std::string_view key) const {
    if (!ok() || !object_.is_object()) return nullptr;
    auto it = object_.find(key);
    return it == object_.end() ? nullptr : &*it;
  }
  bool has(std::string_view key) const { return find(key) != nullptr; }

  bool str(std::string_view key, std::string& out, bool required = true) {
    const json* v = find(key);
    if (!v) { if (required && ok()) fail(at(key), "missing (expected a string)"); return false; }
    if (!v->is_string()) { fail(at(key), "expected a string"); return false; }
    out = v->get_ref<const std::string&>();
    return true;
  }
  bool opt_str(std::string_view key, std::optional<std::string>& out) {
    std::string s;
    if (str(key, s, false)) { out = std::move(s); return true; }
    return false;
  }
  bool i64(std::string_view key, std::int64_t& out, bool required = true) {
    const json* v = find(key);
    if (!v) { if (required && ok()) fail(at(key), "missing (expected an integer)"); return false; }
    if (!v->is_number_integer()) { fail(at(key), "expected an integer"); return false; }
    out = v->get<std::int64_t>();
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
    const json* v = find(key);
    if (!v) { if (required && ok()) fail(at(key), "missing (expected true or false)"); return false; }
    if (!v->is_boolean()) { fail(at(key), "expected true or false"); return false; }
    out = v->get<bool>();
    return true;
  }
  bool ints(std::string_view key, std::vector<int>& out, bool required = true) {
    const json* v = find(key);
    if (!v) { if (required && ok()) fail(at(key), "missing (expected an array of integers)"); return false; }
    if (!v->is_array()) { fail(at(key), "expected an array of integers"); return false; }
    out.clear();
    for (std::size_t i = 0; i < v->size(); ++i) {
      const json& e = (*v)[i];
      if (!e.is_number_integer() || e.get<std::int64_t>() < -1000000 || e.get<std::int64_t>() > 1000000) {
        fail(at(key) + "[" + std::to_string(i) + "]", "expected an integer");
        return false;
      }
      out.push_back(int(e.get<std::int64_t>()));
    }
    return true;
  }
  bool strings(std::string_view key, std::vector<std::string>& out, bool required = true) {
    const json* v = find(key);
    if (!v) { if (required && ok()) fail(at(key), "missing (expected an array of strings)"); return false; }
    if (!v->is_array()) { fail(at(key), "expected an array of strings"); return false; }
    out.clear();
    for (std::size_t i = 0; i < v->size(); ++i) {
      if (!(*v)[i].is_string()) { fail(at(key) + "[" + std::to_string(i) + "]", "expected a string"); return false; }
      out.push_back((*v)[i].get<std::string>());
    }
    return true;
  }

 private:
  const json& object_;
  std::string path_;
  DecodeError& error_;
};

}  // namespace palabre::core::detail
