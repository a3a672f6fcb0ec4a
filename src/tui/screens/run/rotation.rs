//! The rotation on the projector: between rounds, the run screen shows where each
//! traveller goes next, alphabetically, in large letters on big terminals, a page at a
//! time (pages turn by themselves every few seconds while the clock runs, or by hand).
//! During a move phase it is shown by itself; `r` shows it during a round too (where
//! everyone should be sitting) or hides it. Hosts are not listed: they stay.
//!
//! When the session has participants but no plan that fits them, `r` plans the
//! rotation first (the planner is pure and takes a fraction of a second) and stores it
//! in the session like any other change.

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use super::state::{Destination, PAGE_SECONDS, destinations};
use crate::i18n::plan as text;
use crate::tui::app::{App, OpenSession};
use crate::tui::theme::Theme;

/// The page on screen (of the rotation, or of the phones' codes): pages turned by
/// hand, plus one every [`PAGE_SECONDS`] while the clock runs.
pub fn page_index(open: &OpenSession, pages: usize, now: DateTime<Utc>) -> usize {
    let session = &open.session;
    let phase = session.clock.phase;
    let (turned_phase, turned) = open.run.rotation.pages_turned;
    let by_hand = if turned_phase == phase { turned } else { 0 };
    let by_time = match (session.clock.is_running(), session.clock.current(&session.schedule)) {
        (true, Some(current)) => {
            let elapsed = current.duration_ms - session.clock.remaining_ms(&session.schedule, now).max(0);
            elapsed.max(0) / 1000 / PAGE_SECONDS
        }
        _ => 0,
    };
    (by_hand + by_time).rem_euclid(pages.max(1) as i64) as usize
}

/// How the entries are laid out in an area.
struct Grid {
    big: bool,
    columns: usize,
    rows: usize,
    /// Characters of a name (longer names are cut with `…`).
    name_chars: usize,
}

fn grid(area: Rect, longest_name: usize) -> Grid {
    let name_chars = longest_name.clamp(6, 26);
    // Large letters (4×4 cells a character) when at least 4 rows of 2 columns fit.
    let big_entry = (name_chars.min(20) + 3) * 4 + 4;
    if area.width as usize >= 2 * big_entry && area.height >= 16 {
        return Grid {
            big: true,
            columns: (area.width as usize / big_entry).max(1),
            rows: (area.height / 4) as usize,
            name_chars: name_chars.min(20),
        };
    }
    let entry = name_chars + 8;
    Grid { big: false, columns: (area.width as usize / entry).max(1), rows: area.height as usize, name_chars }
}

/// Cuts a name to `chars` characters, with `…` when it is longer.
fn fit(name: &str, chars: usize) -> String {
    if name.chars().count() <= chars {
        return name.to_string();
    }
    let mut cut: String = name.chars().take(chars.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// Draws who goes where in `area` (the run screen's lower part), for `round`.
pub fn render(app: &App, open: &OpenSession, round: usize, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let theme = &app.theme;
    let Some(list) = destinations(&open.session, lang, round) else { return };
    if area.height < 2 {
        return;
    }
    let [title_area, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let longest = list.iter().map(|d| d.name.width()).max().unwrap_or(0);
    let grid = grid(body, longest);
    let per_page = (grid.columns * grid.rows).max(1);
    let pages = list.len().div_ceil(per_page).max(1);
    let page = page_index(open, pages, app.now);

    let hosts = open.session.participants.iter().filter(|p| p.host_of.is_some()).count();
    let mut title =
        vec![Span::styled(text::rotation_title(lang, round), theme.accent().add_modifier(Modifier::BOLD))];
    if hosts > 0 {
        title.push(Span::styled(format!("   {}", text::HOSTS_STAY.get(lang)), theme.muted()));
    }
    if pages > 1 {
        title.push(Span::styled(format!("   {}", text::page(lang, page + 1, pages)), theme.muted()));
    }
    Paragraph::new(Line::from(title)).centered().render(title_area, buf);

    let shown = &list[(page * per_page).min(list.len())..((page + 1) * per_page).min(list.len())];
    let columns = Layout::horizontal(vec![Constraint::Fill(1); grid.columns]).split(body);
    for (column, chunk) in columns.iter().zip(shown.chunks(grid.rows)) {
        render_column(chunk, &grid, theme, *column, buf);
    }
}

fn render_column(entries: &[Destination], grid: &Grid, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let name_style = theme.base().add_modifier(Modifier::BOLD);
    let table_style = theme.accent().add_modifier(Modifier::BOLD);
    let line = |d: &Destination| {
        let name = fit(&d.name, grid.name_chars);
        let pad = grid.name_chars.saturating_sub(name.width());
        Line::from(vec![
            Span::styled(format!("{name}{}", " ".repeat(pad)), name_style),
            Span::styled(format!(" {:>2}", d.table), table_style),
        ])
    };
    let lines: Vec<Line> = entries.iter().map(line).collect();
    if grid.big {
        BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(Style::default())
            .lines(lines)
            .build()
            .render(area, buf);
    } else {
        Paragraph::new(lines).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_cut() {
        assert_eq!(fit("Marie-Ève Tremblay-Gagnon", 10), "Marie-Ève…");
        assert_eq!(fit("Luc", 10), "Luc");
    }

    #[test]
    fn large_letters_only_when_they_fit() {
        assert!(!grid(Rect::new(0, 0, 78, 12), 18).big);
        let big = grid(Rect::new(0, 0, 236, 50), 18);
        assert!(big.big);
        assert_eq!((big.columns, big.rows), (2, 12));
    }
}
