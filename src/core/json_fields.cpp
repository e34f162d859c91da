// Typed reads of Fields (json_fields.hpp), from a tree or a flat object.
#include "core/json_fields.hpp"

namespace palabre::core::detail {

const json* Fields::find(std::string_view key) {
  if (flat_) {
    needs_tree_ = true;
    return nullptr;
  }
  if (!ok() || !tree_->is_object()) return nullptr;
  auto it = tree_->find(key);
  return it == tree_->end() ? nullptr : &*it;
}

ValueRef Fields::value(std::string_view key) {
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

bool Fields::str(std::string_view key, std::string& out, bool required) {
  const ValueRef v = value(key);
  if (!v) { if (required && ok()) fail(at(key), "missing (expected a string)"); return false; }
  if (!v.is_string()) { fail(at(key), "expected a string"); return false; }
  out = v.string();
  return true;
}

bool Fields::opt_str(std::string_view key, std::optional<std::string>& out) {
  std::string s;
  if (str(key, s, false)) { out = std::move(s); return true; }
  return false;
}

bool Fields::i64(std::string_view key, std::int64_t& out, bool required) {
  const ValueRef v = value(key);
  if (!v) { if (required && ok()) fail(at(key), "missing (expected an integer)"); return false; }
  if (!v.is_integer()) { fail(at(key), "expected an integer"); return false; }
  out = v.integer();
  return true;
}

bool Fields::i32(std::string_view key, int& out, bool required) {
  std::int64_t v = out;
  if (!i64(key, v, required)) return false;
  if (v < -1000000000 || v > 1000000000) { fail(at(key), "integer out of range"); return false; }
  out = int(v);
  return true;
}

bool Fields::boolean(std::string_view key, bool& out, bool required) {
  const ValueRef v = value(key);
  if (!v) { if (required && ok()) fail(at(key), "missing (expected true or false)"); return false; }
  if (!v.is_boolean()) { fail(at(key), "expected true or false"); return false; }
  out = v.boolean();
  return true;
}

bool Fields::ints(std::string_view key, std::vector<int>& out, bool required) {
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

bool Fields::strings(std::string_view key, std::vector<std::string>& out, bool required) {
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

}  // namespace palabre::core::detail
