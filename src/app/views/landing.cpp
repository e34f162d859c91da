// Landing page "/": join by code, or host a new session.
#include <string>

#include "app/icons.hpp"
#include "app/mirror.hpp"
#include "app/strings.hpp"
#include "app/theme.hpp"
#include "app/ui.hpp"
#include "app/views/views.hpp"

namespace palabre::app::views {

void draw_landing(Context& ctx) {
  const auto& f = theme::fonts();
  const float base = f.base_px;
  const ui::Column column = ui::begin_column(base * 26.0f);
  const float width = column.width;
  ui::gap(base * (ImGui::GetIO().DisplaySize.y > 700 ? 3.0f : 1.0f));
  draw_brand(1.4f);
  ui::gap(base * 0.2f);
  ui::text_muted(tr(S::tagline));
  ui::gap(base * 1.2f);

  ui::begin_card(width);
  ui::text_in(f.heading, tr(S::join_title));
  ui::gap(base * 0.3f);
  ui::text(tr(S::join_code_label));
  mirror::TextFieldOptions code_options;
  code_options.placeholder = tr(S::join_code_placeholder);
  bool go = mirror::TextField((std::string(tr(S::join_code_label)) + "###code").c_str(), ctx.ui.code, code_options);
  const Route joining = join_route(ctx.ui.code);
  const std::string& code = joining.room;
  const std::string go_label = std::string(tr(S::join_go)) + "  " + icon::arrow_right + "###go";
  go = ui::primary_button(go_label.c_str(), -1, !code.empty()) || (go && !code.empty());
  if (go) ctx.actions.push_back(act::Go{joining});
  ui::end_card();

  ui::gap(base * 1.0f);
  ui::begin_card(width);
  ui::text_in(f.heading, tr(S::host_title));
  ui::gap(base * 0.2f);
  ui::text_muted(tr(S::host_blurb));
  ui::gap(base * 0.4f);
  const std::string host_label = std::string(icon::bolt) + "  " + tr(S::host_title) + "###host";
  if (ui::secondary_button(host_label.c_str())) {
    ctx.actions.push_back(act::Go{Route{View::host_create, {}, {}, false, {}}});
  }
  ui::end_card();

  ui::gap(base);
  const std::string lang_label = std::string(icon::language) + "  " + tr(S::language_switch) + "###lang";
  if (ui::link_button(lang_label.c_str())) ctx.actions.push_back(act::ToggleLang{});
  ui::end_column(column);
}

}  // namespace palabre::app::views
