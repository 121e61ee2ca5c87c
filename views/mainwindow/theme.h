// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace vg {

struct CanvasStyle;

// The app's colour theme. Qt 6.4 has no colour-scheme API, so System follows the palette the
// platform gave at start-up, and Light and Dark are Fusion palettes.
enum class Theme { System, Light, Dark };

QString toString(Theme theme);
Theme themeFromString(const QString &s);
// Applies the theme to the application; returns whether it is dark.
bool applyTheme(Theme theme);
// The canvas style that goes with the current application palette.
CanvasStyle canvasStyleForPalette();

} // namespace vg
