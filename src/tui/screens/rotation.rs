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

use crate::domain::Session;
use crate::domain::clock::PhaseKind;
use crate::i18n::Lang;
use crate::i18n::plan as text;
use crate::plan::{self, Effort};
use crate::tui::app::session_changed;
use crate::tui::app::{App, OpenSession, Status};
use crate::tui::effect::Effect;
use crate::tui::theme::Theme;

/// Seconds a page stays on screen while the clock runs.
pub const PAGE_SECONDS: i64 = 8;

/// What the rotation view remembers: toggles and page turns apply to one phase only,
/// so the next phase starts with its own default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RotationState {
    /// The phase in which `r` was pressed (an odd number of times).
    pub toggled_in_phase: Option<usize>,
    /// Pages turned by hand, and in which phase.
    pub pages_turned: (usize, i64),
}

/// One traveller's destination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    pub name: String,
    pub table: u32,
}

/// The round whose seating the run screen shows now, if any.
pub fn round_shown(open: &OpenSession) -> Option<usize> {
    let session = &open.session;
    let phase = session.clock.current(&session.schedule)?;
    let toggled = open.run.rotation.toggled_in_phase == Some(session.clock.phase);
    let round = match phase.kind {
        PhaseKind::Move(r) if !toggled => r as usize + 1,
        PhaseKind::Round(r) if toggled => r as usize,
        _ => return None,
    };
    destinations(session, Lang::Fr, round).map(|_| round)
}

/// Where the travellers sit in `round` (1-based), by name, when the stored plan fits the
/// session.
pub fn destinations(session: &Session, lang: Lang, round: usize) -> Option<Vec<Destination>> {
    let rotation = session.rotation.as_ref()?;
    if !plan::plan_fits(session, rotation, lang) || round == 0 {
        return None;
    }
    let people = plan::people(session, lang);
    let mut list: Vec<Destination> = people
        .iter()
        .zip(&rotation.seats)
        .filter(|(person, _)| person.host_of.is_none())
        .filter_map(|(person, seats)| {
            Some(Destination { name: person.name.clone(), table: *seats.get(round - 1)? })
        })
        .collect();
    list.sort_by_cached_key(|d| (plan::model::organisation_key(&d.name), d.name.clone()));
    Some(list)
}

/// `r`: show or hide the rotation in this phase, planning it first when needed.
pub fn toggle(app: &mut App, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(open) = app.open.as_mut() else { return };
    let phase = open.session.clock.phase;
    let needs_plan = !open.session.rotation.as_ref().is_some_and(|r| plan::plan_fits(&open.session, r, lang));
    if needs_plan {
        match plan::plan_session(&open.session, lang, plan::DEFAULT_SEED, Effort::default()) {
            Ok(planned) => {
                open.session.rotation = Some(planned.plan);
                session_changed(open, effects);
                app.status = Some(Status::Info(text::PLANNED.get(lang).to_string()));
            }
            Err(err) => {
                let message = match err {
                    plan::PlanError::NoParticipants => text::NO_PLAN.get(lang).to_string(),
                    other => text::plan_error(lang, &other),
                };
                app.status = Some(Status::Error(message));
                return;
            }
        }
    }
    let Some(open) = app.open.as_mut() else { return };
    let state = &mut open.run.rotation;
    state.toggled_in_phase = if state.toggled_in_phase == Some(phase) { None } else { Some(phase) };
    if round_shown(open).is_none() && !needs_plan {
        app.status = Some(Status::Info(text::NOTHING_TO_SHOW.get(lang).to_string()));
    }
}

/// PageDown / PageUp: turn a page by hand.
pub fn turn_page(open: &mut OpenSession, forward: bool) {
    let phase = open.session.clock.phase;
    let state = &mut open.run.rotation;
    let turned = if state.pages_turned.0 == phase { state.pages_turned.1 } else { 0 };
    state.pages_turned = (phase, turned + if forward { 1 } else { -1 });
}

/// The page on screen: pages turned by hand, plus one every [`PAGE_SECONDS`] while the
/// clock runs.
fn page_index(open: &OpenSession, pages: usize, now: DateTime<Utc>) -> usize {
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
