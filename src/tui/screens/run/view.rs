//! Draws the run screen: the big clock, the round and phase, the progress bar, what
//! comes next, and the tables' questions or the rotation.

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Widget, Wrap};
use tui_big_text::{BigText, PixelSize};

use crate::domain::Schedule;
use crate::domain::Session;
use crate::domain::clock::{Phase, PhaseKind, phases};
use crate::i18n::Lang;
use crate::i18n::tui as t;
use crate::tui::app::App;
use crate::tui::theme::{ClockMood, Theme};
use crate::tui::widgets::centered;

/// The clock's look at `now`.
pub fn mood(session: &Session, now: DateTime<Utc>) -> ClockMood {
    let clock = &session.clock;
    let remaining = clock.remaining_ms(&session.schedule, now);
    if !clock.is_running() {
        return ClockMood::Stopped;
    }
    if remaining <= 0 {
        let overdue_seconds = (-remaining) / 1000;
        ClockMood::Overdue { flash_on: overdue_seconds % 2 == 0 }
    } else if remaining <= 60_000 {
        ClockMood::Warning
    } else {
        ClockMood::Normal
    }
}

/// `MM:SS` (or `H:MM:SS`) of what is left, rounded up to the second; `00:00` once
/// overdue.
pub fn clock_text(remaining_ms: i64) -> String {
    format_seconds(crate::domain::clock::seconds_left(remaining_ms))
}

fn format_seconds(seconds: i64) -> String {
    let (h, m, s) = (seconds / 3600, (seconds / 60) % 60, seconds % 60);
    if h > 0 { format!("{h}:{m:02}:{s:02}") } else { format!("{m:02}:{s:02}") }
}

/// `Tour 2 / 3`, `Déplacement`, `Récolte`.
pub fn phase_title(lang: Lang, schedule: &Schedule, kind: PhaseKind) -> String {
    match kind {
        PhaseKind::Round(r) => t::round_of(lang, r, schedule.rounds()),
        PhaseKind::Move(r) => t::move_after(lang, r),
        PhaseKind::Harvest => t::HARVEST.get(lang).to_string(),
    }
}

fn phase_with_minutes(lang: Lang, schedule: &Schedule, phase: Phase) -> String {
    format!("{} ({} min)", phase_title(lang, schedule, phase.kind), phase.duration_ms / 60_000)
}

/// Draws the run screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(open) = app.open.as_ref() else { return };
    let (lang, theme, now) = (app.lang, &app.theme, app.now);
    let session = &open.session;
    let schedule = &session.schedule;
    let all = phases(schedule);
    let clock = &session.clock;
    let Some(phase) = clock.current(schedule) else { return };
    let remaining = clock.remaining_ms(schedule, now);
    let mood = mood(session, now);

    let text = clock_text(remaining);
    let glyphs = text.chars().count() as u16;
    // The clock is as large as the room allows: 8 rows per scale step, keeping room for
    // the header, the progress bar, what comes next and a few tables.
    // Between rounds, where everyone goes takes the room and the clock gets small.
    let rotation_round = open.run.rotation.round_shown(&open.session);
    let tables_rows =
        if rotation_round.is_some() { area.height } else { (session.tables.len() as u16).min(6) };
    let spare_rows = area.height.saturating_sub(6 + tables_rows);
    let scale = (spare_rows / 8).min(area.width / (glyphs * 8)).clamp(0, 3);
    let clock_height = if scale == 0 { 4 } else { 8 * scale };
    let gap = u16::from(scale > 0);
    let [header, _, clock_area, _, gauge_area, next_area, _, tables_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(gap),
        Constraint::Length(clock_height),
        Constraint::Length(gap),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);

    // Header: phase and state.
    let state = if clock.is_running() {
        if remaining <= 0 {
            t::overdue_by(lang, &format_seconds((-remaining) / 1000))
        } else {
            t::RUNNING.get(lang).to_string()
        }
    } else if clock.remaining_ms.is_some() {
        t::PAUSED.get(lang).to_string()
    } else {
        t::READY.get(lang).to_string()
    };
    let state_style = match mood {
        ClockMood::Overdue { .. } => theme.error(),
        ClockMood::Warning => theme.warn(),
        ClockMood::Stopped => theme.muted(),
        ClockMood::Normal => theme.ok(),
    };
    Paragraph::new(Line::from(vec![
        Span::styled(phase_title(lang, schedule, phase.kind), theme.accent()),
        Span::raw("   "),
        Span::styled(state, state_style),
    ]))
    .centered()
    .render(header, buf);

    // The clock.
    let style = theme.clock(mood);
    render_big_clock(&text, scale, style, clock_area, buf);
    if let ClockMood::Overdue { flash_on: true } = mood {
        buf.set_style(clock_area, style);
    }

    // Progress of the phase.
    let ratio = if phase.duration_ms > 0 {
        (1.0 - remaining.max(0) as f64 / phase.duration_ms as f64).clamp(0.0, 1.0)
    } else {
        1.0
    };
    let gauge_area = centered(gauge_area, area.width.saturating_sub(8), gauge_area.height);
    Gauge::default()
        .gauge_style(theme.gauge(mood))
        .ratio(ratio)
        .label(Span::styled(format!("{text} / {}", format_seconds(phase.duration_ms / 1000)), theme.base()))
        .use_unicode(true)
        .render(gauge_area, buf);

    // What comes next.
    let next = match all.get(clock.phase + 1) {
        Some(next) => {
            let after = all
                .get(clock.phase + 2)
                .map(|p| format!(" · {} {}", t::THEN.get(lang), phase_title(lang, schedule, p.kind)))
                .unwrap_or_default();
            format!("{} {}{after}", t::NEXT.get(lang), phase_with_minutes(lang, schedule, *next))
        }
        None => t::LAST_PHASE_NOW.get(lang).to_string(),
    };
    Paragraph::new(Line::styled(next, theme.base())).centered().render(next_area, buf);

    match rotation_round {
        Some(round) => super::rotation::render(app, open, round, tables_area, buf),
        None => render_tables(session, lang, theme, tables_area, buf),
    }
}

/// The clock in 8×8 glyphs, each pixel drawn `scale`×`scale` cells (`scale` 0: the
/// quarter-size glyphs of small terminals).
fn render_big_clock(text: &str, scale: u16, style: Style, area: Rect, buf: &mut Buffer) {
    let line = vec![Line::from(text.to_string())];
    if scale <= 1 {
        let size = if scale == 0 { PixelSize::Quadrant } else { PixelSize::Full };
        BigText::builder().pixel_size(size).style(style).lines(line).centered().build().render(area, buf);
        return;
    }
    let glyphs = text.chars().count() as u16;
    let small = Rect::new(0, 0, glyphs * 8, 8);
    let mut scratch = Buffer::empty(small);
    BigText::builder()
        .pixel_size(PixelSize::Full)
        .style(style)
        .lines(line)
        .build()
        .render(small, &mut scratch);
    let width = small.width * scale;
    let left = area.x + area.width.saturating_sub(width) / 2;
    for y in 0..small.height {
        for x in 0..small.width {
            let cell = scratch[(x, y)].clone();
            for dy in 0..scale {
                for dx in 0..scale {
                    let (cx, cy) = (left + x * scale + dx, area.y + y * scale + dy);
                    if cx < area.right() && cy < area.bottom() {
                        buf[(cx, cy)] = cell.clone();
                    }
                }
            }
        }
    }
}

fn render_tables(session: &Session, lang: Lang, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let lines: Vec<Line> = session
        .tables
        .iter()
        .map(|table| {
            let mut spans =
                vec![Span::styled(format!("{} {:>2}", t::TABLE.get(lang), table.number), theme.accent())];
            if !table.name.is_empty() {
                spans.push(Span::styled(format!(" · {}", table.name), theme.accent()));
            }
            let question = if table.question.is_empty() { t::NO_QUESTION.get(lang) } else { &table.question };
            spans.push(Span::styled(format!("  {question}"), theme.base()));
            if !table.host.is_empty() {
                spans.push(Span::styled(format!("  ({})", table.host), theme.muted()));
            }
            Line::from(spans)
        })
        .collect();
    let columns = if area.width >= 150 && session.tables.len() > area.height as usize { 2 } else { 1 };
    if columns == 1 {
        Paragraph::new(lines).style(Style::default()).wrap(Wrap { trim: true }).render(area, buf);
    } else {
        let [left, right] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(area);
        let half = lines.len().div_ceil(2);
        let mut lines = lines;
        let second = lines.split_off(half);
        Paragraph::new(lines).wrap(Wrap { trim: true }).render(left, buf);
        Paragraph::new(second).wrap(Wrap { trim: true }).render(right, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_text_rounds_up_and_stops_at_zero() {
        assert_eq!(clock_text(20 * 60_000), "20:00");
        assert_eq!(clock_text(59_001), "01:00");
        assert_eq!(clock_text(59_000), "00:59");
        assert_eq!(clock_text(1), "00:01");
        assert_eq!(clock_text(0), "00:00");
        assert_eq!(clock_text(-5000), "00:00");
        assert_eq!(clock_text(3_600_000 + 61_000), "1:01:01");
    }
}
