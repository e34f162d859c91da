#pragma once
// Internal to the activity editor (views/editor.cpp): what it says in the user's words.
#include <string>

#include "core/activity_spec.hpp"
#include "core/codec.hpp"

namespace palabre::app::views {

// An example of a hint for each kind (the challenge's is a format to answer in).
const char* hint_placeholder(core::ActivityKind kind);

// What core found wrong with a spec, said in the user's words and language, with the key of the
// field it is about (shown under that field).
struct FieldProblem { std::string key, text; };
FieldProblem problem_in_words(const core::ActivitySpec& spec, const core::DecodeError& problem);

}  // namespace palabre::app::views
