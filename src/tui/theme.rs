//! Every style of the app in one place: a dark high-contrast theme for projectors (the
//! default) and a light one for washed-out projectors. With `NO_COLOR` set, only bold,
//! reverse and underline are used, so meaning never rests on colour alone.

use ratatui::style::{Color, Modifier, Style};
use serde::{Deserialize, Serialize};

/// The two themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeKind {
    #[default]
    Dark,
    Light,
}

impl ThemeKind {
    pub fn toggled(self) -> ThemeKind {
        match self {
            ThemeKind::Dark => ThemeKind::Light,
            ThemeKind::Light => ThemeKind::Dark,
        }
    }
}

/// How the clock looks, from calm to overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockMood {
    /// More than a minute left.
    Normal,
    /// One minute or less.
    Warning,
    /// Time is up; `flash_on` alternates every second.
    Overdue { flash_on: bool },
    /// Not started or paused.
    Stopped,
}

/// The styles in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub kind: ThemeKind,
    pub no_color: bool,
}

struct Palette {
    bg: Color,
    fg: Color,
    muted: Color,
    accent: Color,
    accent_fg: Color,
    ok: Color,
    warn: Color,
    error: Color,
    select_bg: Color,
}

const DARK: Palette = Palette {
    bg: Color::Black,
    fg: Color::White,
    muted: Color::Gray,
    accent: Color::LightCyan,
    accent_fg: Color::Black,
    ok: Color::LightGreen,
    warn: Color::Yellow,
    error: Color::LightRed,
    select_bg: Color::Blue,
};

const LIGHT: Palette = Palette {
    bg: Color::White,
    fg: Color::Black,
    muted: Color::DarkGray,
    accent: Color::Blue,
    accent_fg: Color::White,
    ok: Color::Green,
    warn: Color::Magenta,
    error: Color::Red,
    select_bg: Color::LightBlue,
};

impl Theme {
    pub fn new(kind: ThemeKind, no_color: bool) -> Theme {
        Theme { kind, no_color }
    }

    fn palette(&self) -> &'static Palette {
        match self.kind {
            ThemeKind::Dark => &DARK,
            ThemeKind::Light => &LIGHT,
        }
    }

    fn colored(&self, style: Style) -> Style {
        if self.no_color { Style { fg: None, bg: None, ..style } } else { style }
    }

    /// The whole screen.
    pub fn base(&self) -> Style {
        let p = self.palette();
        self.colored(Style::new().fg(p.fg).bg(p.bg))
    }

    /// Secondary text.
    pub fn muted(&self) -> Style {
        let p = self.palette();
        if self.no_color { Style::new().add_modifier(Modifier::DIM) } else { Style::new().fg(p.muted) }
    }

    /// Headings and emphasis.
    pub fn accent(&self) -> Style {
        let p = self.palette();
        self.colored(Style::new().fg(p.accent).add_modifier(Modifier::BOLD))
    }

    /// The title bar.
    pub fn title_bar(&self) -> Style {
        let p = self.palette();
        if self.no_color {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().fg(p.accent_fg).bg(p.accent)
        }
    }

    /// The selected row, tab or field.
    pub fn selected(&self) -> Style {
        let p = self.palette();
        if self.no_color {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().fg(Color::White).bg(p.select_bg).add_modifier(Modifier::BOLD)
        }
    }

    /// A key name in the help bar.
    pub fn key(&self) -> Style {
        let p = self.palette();
        if self.no_color {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().fg(p.bg).bg(p.fg).add_modifier(Modifier::BOLD)
        }
    }

    /// Saved, done.
    pub fn ok(&self) -> Style {
        self.colored(Style::new().fg(self.palette().ok))
    }

    /// Warnings.
    pub fn warn(&self) -> Style {
        self.colored(Style::new().fg(self.palette().warn).add_modifier(Modifier::BOLD))
    }

    /// Errors.
    pub fn error(&self) -> Style {
        let style = Style::new().fg(self.palette().error).add_modifier(Modifier::BOLD);
        if self.no_color { Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED) } else { style }
    }

    /// Borders of panels.
    pub fn border(&self) -> Style {
        self.muted()
    }

    /// The text field's cursor.
    pub fn cursor(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The big clock.
    pub fn clock(&self, mood: ClockMood) -> Style {
        let p = self.palette();
        let style = match mood {
            ClockMood::Normal => Style::new().fg(p.fg),
            ClockMood::Stopped => Style::new().fg(p.muted),
            ClockMood::Warning => Style::new().fg(p.warn),
            ClockMood::Overdue { flash_on: true } => Style::new().fg(p.bg).bg(p.error),
            ClockMood::Overdue { flash_on: false } => Style::new().fg(p.error),
        };
        if self.no_color {
            match mood {
                ClockMood::Overdue { flash_on: true } => Style::new().add_modifier(Modifier::REVERSED),
                ClockMood::Stopped => Style::new().add_modifier(Modifier::DIM),
                _ => Style::new(),
            }
        } else {
            style
        }
    }

    /// The compact clock of the title bar: the title bar's colours while calm, the
    /// warning's colour near the end, the error's (flashing) once over.
    pub fn clock_badge(&self, mood: ClockMood) -> Style {
        let p = self.palette();
        if self.no_color {
            return match mood {
                ClockMood::Overdue { flash_on: false } => Style::new().add_modifier(Modifier::BOLD),
                ClockMood::Warning | ClockMood::Overdue { .. } => {
                    Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
                }
                _ => Style::new().add_modifier(Modifier::REVERSED),
            };
        }
        match mood {
            ClockMood::Normal | ClockMood::Stopped => self.title_bar().add_modifier(Modifier::BOLD),
            ClockMood::Warning => Style::new().fg(p.bg).bg(p.warn).add_modifier(Modifier::BOLD),
            ClockMood::Overdue { flash_on: true } => {
                Style::new().fg(p.bg).bg(p.error).add_modifier(Modifier::BOLD)
            }
            ClockMood::Overdue { flash_on: false } => {
                Style::new().fg(p.error).bg(p.bg).add_modifier(Modifier::BOLD)
            }
        }
    }

    /// The progress bar of the phase.
    pub fn gauge(&self, mood: ClockMood) -> Style {
        let p = self.palette();
        let color = match mood {
            ClockMood::Warning => p.warn,
            ClockMood::Overdue { .. } => p.error,
            _ => p.accent,
        };
        if self.no_color { Style::new() } else { Style::new().fg(color).bg(p.bg) }
    }
}

impl Theme {
    /// Gives every cell of `area` still on the terminal's default colours the theme's
    /// foreground and background, so that no terminal's own colours show through (black
    /// digits on a black box). Without colour (`NO_COLOR`) the terminal's own stay.
    pub fn fill_defaults(&self, buf: &mut ratatui::buffer::Buffer, area: ratatui::layout::Rect) {
        if self.no_color {
            return;
        }
        let p = self.palette();
        let area = area.intersection(buf.area);
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                let cell = &mut buf[(x, y)];
                if cell.fg == Color::Reset {
                    cell.fg = p.fg;
                }
                if cell.bg == Color::Reset {
                    cell.bg = p.bg;
                }
            }
        }
    }

    /// The colour of a family (bars and headings of the synthèse); bold without colour.
    pub fn family(&self, number: u8) -> Style {
        const DARK_FAMILIES: [Color; 4] =
            [Color::LightYellow, Color::LightGreen, Color::LightMagenta, Color::LightCyan];
        const LIGHT_FAMILIES: [Color; 4] = [Color::Blue, Color::Green, Color::Magenta, Color::Red];
        let colors = match self.kind {
            ThemeKind::Dark => &DARK_FAMILIES,
            ThemeKind::Light => &LIGHT_FAMILIES,
        };
        let color = colors[usize::from(number.saturating_sub(1)) % colors.len()];
        if self.no_color { Style::new().add_modifier(Modifier::BOLD) } else { Style::new().fg(color) }
    }
}

/// `NO_COLOR` set to anything non-empty (<https://no-color.org>).
pub fn no_color_from_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}
