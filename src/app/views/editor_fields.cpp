// The host's activity editor's fields (editor_fields.hpp).
#include "app/views/editor_fields.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "app/icons.hpp"
#include "app/images.hpp"
#include "app/mirror.hpp"
#include "app/strings.hpp"
#include "app/ui.hpp"

namespace palabre::app::views {

void forget_number_texts(Ui& ui) {
  for (auto it = ui.texts.begin(); it != ui.texts.end();) {
    if (it->first.rfind("ed:", 0) == 0) it = ui.texts.erase(it);
    else ++it;
  }
}

void Editor::label(const char* text) {
  ImGui::PushFont(theme::fonts().strong);
  ImGui::PushStyleColor(ImGuiCol_Text, theme::colour::ink);
  ui::text(text);
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void Editor::problem_under(const std::string& key) {
  if (key.empty() || ctx.ui.texts["editor-error-field"] != key) return;
  ui::text_wrapped(ctx.ui.texts["editor-error"], theme::colour::live);
  ctx.ui.editor_error_shown = true;
}

void Editor::follow(const std::string& key) {
  problem_under(key);
  if (ctx.ui.scroll_to != key) return;
  ImGui::SetScrollHereY(0.35f);
  ctx.ui.scroll_to.clear();
  ctx.ui.animating = true;  // the scroll lands on the next frame
}

void Editor::text(const char* name, const std::string& key, std::string& value, const char* placeholder, float w,
          int lines) {
  mirror::TextFieldOptions options;
  options.placeholder = placeholder;
  options.width = w > 0 ? w : width;
  options.lines = lines;
  mirror::TextField((std::string(name) + "###" + key).c_str(), value, options);
  follow(key);
}

void Editor::labelled_text(const char* name, const std::string& key, std::string& value, const char* placeholder) {
  label(name);
  text(name, key, value, placeholder);
}

void Editor::number(const char* name, const std::string& key, int& value, float w) {
  auto [slot, fresh] = ctx.ui.texts.try_emplace("ed:" + key);
  std::string& buffer = slot->second;
  if (fresh) buffer = std::to_string(value);
  mirror::TextFieldOptions options;
  options.placeholder = "0";
  options.width = w;
  options.max_bytes = 6;
  mirror::TextField((std::string(name) + "###" + key).c_str(), buffer, options);
  follow(key);
  std::string digits;
  for (char c : buffer)
    if (c >= '0' && c <= '9') digits += c;
  value = digits.empty() ? 0 : std::stoi(digits.substr(0, 6));
}

void Editor::labelled_number(const char* name, const std::string& key, int& value) {
  label(name);
  number(name, key, value, base * 6);
}

void Editor::check(const char* name, const std::string& key, bool& value) {
  ImGui::Checkbox((std::string(name) + "###" + key).c_str(), &value);
  follow(key);
}

bool Editor::icon_button(const char* glyph, const char* name, const std::string& key) {
  mirror::next_name(name);
  ImGui::PushStyleColor(ImGuiCol_Text, theme::colour::muted);
  ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::colour::accent_soft);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
  const float h = ImGui::GetFrameHeight();
  const bool pressed = mirror::Button((std::string(glyph) + "###" + key).c_str(), ImVec2(h, h));
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(3);
  return pressed;
}

bool Editor::add_button(const char* name, const std::string& key) {
  ImGui::PushStyleColor(ImGuiCol_Text, theme::colour::accent);
  ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::colour::accent_soft);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
  ImGui::PushFont(theme::fonts().strong);
  const bool pressed = mirror::Button((std::string(icon::plus) + "  " + name + "###" + key).c_str(), ImVec2(0, 0));
  ImGui::PopFont();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(3);
  return pressed;
}

// Takes an upload's ref for field `key` once it has come ("" while on its way: true then).
bool take_upload(Ui& ui, const std::string& key, std::string& ref) {
  const auto it = ui.image_uploads.find(key);
  if (it == ui.image_uploads.end()) return false;
  if (it->second.empty()) return true;
  ref = it->second;
  ui.image_uploads.erase(it);
  return false;
}

void Editor::image(const std::string& key, std::string& ref) {
  const bool sending = take_upload(ctx.ui, key, ref);
  ImGui::PushID(key.c_str());
  ImGui::BeginGroup();
  if (!ref.empty()) {
    const float h = std::round(base * 4.0f);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    images::draw_in(ImGui::GetWindowDrawList(), ref, at, ImVec2(at.x + h * 1.6f, at.y + h));
    ImGui::Dummy(ImVec2(h * 1.6f, h));
    ImGui::SameLine();
    if (ui::secondary_button((std::string(icon::close) + "  " + tr(S::ed_image_remove) + "###" + key + "-remove").c_str())) ref.clear();
  } else if (sending) {
    ui::text_muted(std::string(icon::picture) + "  " + tr(S::image_sending));
  } else if (ui::secondary_button((std::string(icon::picture) + "  " + tr(S::ed_image) + "###" + key).c_str())) {
    ctx.actions.push_back(act::PickImage{key});
  }
  ImGui::EndGroup();
  if (ImGui::IsItemHovered()) ctx.ui.image_target = key;
  ImGui::PopID();
}

void Editor::rows(const std::string& prefix, std::vector<std::string>& values, const char* row_name, const char* add_name,
          std::vector<int>* correct, std::size_t min_rows, std::vector<std::string>* images) {
  if (images && !images->empty()) images->resize(values.size());
  const float picture_w = images ? ImGui::GetFrameHeight() * 1.5f + ImGui::GetStyle().ItemSpacing.x : 0;
  const float remove_w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x + picture_w;
  const float check_w = correct ? ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x : 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::string key = prefix + std::to_string(i);
    const std::string name = std::string(row_name) + " " + std::to_string(i + 1);
    if (correct) {
      // The key is "<q>-correct<i>" next to "<q>-choice<i>".
      const std::string box_key = prefix.substr(0, prefix.size() - 6) + "correct" + std::to_string(i);
      bool on = std::find(correct->begin(), correct->end(), static_cast<int>(i)) != correct->end();
      mirror::next_name((std::string(tr(S::ed_correct)) + " " + std::to_string(i + 1)).c_str());
      ImGui::PushStyleColor(ImGuiCol_CheckMark, theme::colour::ok);
      if (ImGui::Checkbox(("###" + box_key).c_str(), &on)) {
        if (on) correct->push_back(static_cast<int>(i));
        else correct->erase(std::remove(correct->begin(), correct->end(), static_cast<int>(i)), correct->end());
        std::sort(correct->begin(), correct->end());
      }
      ImGui::PopStyleColor();
      ImGui::SameLine();
    }
    text(name.c_str(), key, values[i], "", width - remove_w - check_w);
    ImGui::SameLine();
    if (images) {
      const std::string image_key = prefix + "-image" + std::to_string(i);
      if (images->empty()) images->resize(values.size());
      std::string& ref = (*images)[i];
      const bool sending = take_upload(ctx.ui, image_key, ref);
      const float h = ImGui::GetFrameHeight();
      const ImVec2 at = ImGui::GetCursorScreenPos();
      const std::string label = ref.empty() ? std::string(tr(S::ed_image)) + " " + name : std::string(tr(S::ed_image_remove)) + " " + name;
      mirror::next_name(label.c_str());
      if (mirror::Button((std::string(ref.empty() ? (sending ? icon::clock : icon::picture) : "") + "###" + image_key).c_str(),
                         ImVec2(h * 1.5f, h))) {
        if (ref.empty()) ctx.actions.push_back(act::PickImage{image_key});
        else ref.clear();
      }
      if (ImGui::IsItemHovered()) ctx.ui.image_target = image_key;
      if (!ref.empty()) images::draw_in(ImGui::GetWindowDrawList(), ref, ImVec2(at.x + 2, at.y + 2), ImVec2(at.x + h * 1.5f - 2, at.y + h - 2));
      ImGui::SameLine();
    }
    if (values.size() > min_rows && icon_button(icon::close, (std::string(tr(S::ed_remove)) + " " + name).c_str(), prefix + "-remove" + std::to_string(i))) {
      values.erase(values.begin() + static_cast<std::ptrdiff_t>(i));
      if (images && i < images->size()) images->erase(images->begin() + static_cast<std::ptrdiff_t>(i));
      if (correct) {
        std::vector<int> shifted;
        for (int c : *correct)
          if (c != static_cast<int>(i)) shifted.push_back(c > static_cast<int>(i) ? c - 1 : c);
        *correct = shifted;
      }
      break;  // indices moved: draw the rest next frame
    }
    if (values.size() <= min_rows) ImGui::Dummy(ImVec2(ImGui::GetFrameHeight(), ImGui::GetFrameHeight()));
  }
  if (add_button(add_name, prefix + "-add")) {
    values.emplace_back();
    ctx.ui.scroll_to = prefix + std::to_string(values.size() - 1);
  }
}

bool Editor::part_header(const char* noun, std::size_t i, const std::string& key, bool removable) {
  ImGui::PushFont(theme::fonts().strong);
  ImGui::PushStyleColor(ImGuiCol_Text, theme::colour::accent);
  ImGui::AlignTextToFramePadding();
  const std::string name = std::string(noun) + " " + std::to_string(i + 1);
  ui::text(name);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  if (!removable) return false;
  ImGui::SameLine(ImGui::GetWindowContentRegionMin().x + width - ImGui::GetFrameHeight());
  return icon_button(icon::trash, (std::string(tr(S::ed_remove)) + " " + name).c_str(), key + "-remove");
}

void Editor::separator() {
  ui::gap(base * 0.3f);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + width, p.y), theme::colour::line, 1.0f);
  ui::gap(base * 0.5f);
}

}  // namespace palabre::app::views
