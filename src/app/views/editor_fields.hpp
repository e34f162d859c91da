#pragma once
// Internal to the host's activity editor (editor.cpp): its fields — labels, text and number fields,
// checkboxes, icon and add buttons, rows of short texts, numbered parts' headers — each mirrored with
// its key, showing the save's problem under the field it is about and scrolling to it when asked.
#include <string>
#include <vector>

#include "app/theme.hpp"
#include "app/views/views.hpp"

namespace palabre::app::views {

// Number fields keep their text here while typed ("ed:" + key), so "1" on the way to "12" is fine.
void forget_number_texts(Ui& ui);

struct Editor {
  Context& ctx;
  float width;  // inner width of the form
  float base = theme::fonts().base_px;

  void label(const char* text);
  // The problem that stopped the last save, under the field it is about.
  void problem_under(const std::string& key);
  void follow(const std::string& key);
  // A labelled text field the width of the form (or `w`).
  void text(const char* name, const std::string& key, std::string& value, const char* placeholder = "", float w = -1,
            int lines = 1);
  void labelled_text(const char* name, const std::string& key, std::string& value, const char* placeholder = "");
  // A whole number typed as text; out-of-range values are kept as typed and refused on save.
  void number(const char* name, const std::string& key, int& value, float w);
  void labelled_number(const char* name, const std::string& key, int& value);
  void check(const char* name, const std::string& key, bool& value);
  // A small quiet icon button with an accessible name.
  bool icon_button(const char* glyph, const char* name, const std::string& key);
  bool add_button(const char* name, const std::string& key);
  // Editable rows of short texts (answers, categories, choices), each removable, plus "add".
  // `correct` (quiz) puts a "right answer" box before each row.
  // `images` (a quiz's choices) puts a picture button after each row: it picks one, or shows the
  // row's and takes it off.
  void rows(const std::string& prefix, std::vector<std::string>& values, const char* row_name, const char* add_name,
            std::vector<int>* correct = nullptr, std::size_t min_rows = 0, std::vector<std::string>* images = nullptr);
  // An image field: "Image…" (a file, or one dropped or pasted while the pointer is over it), or
  // the image and a button that takes it off. `ref` takes an upload's ref when it comes.
  void image(const std::string& key, std::string& ref);
  // The header of a numbered part ("Question 2", "Page 3"), with a remove button on the right when
  // `removable`; true when that button is pressed.
  bool part_header(const char* noun, std::size_t i, const std::string& key, bool removable);
  void separator();
};

}  // namespace palabre::app::views
