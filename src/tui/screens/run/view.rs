//! Draws the run screen: the big clock, the round and phase, the progress bar, what
//! comes next, and the tables' questions or the rotation.

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph, Widget, Wrap};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use crate::domain::Schedule;
use crate::domain::Session;
use crate::domain::clock::{Phase, PhaseKind, phases};
use crate::i18n::Lang;
use crate::i18n::tui as t;
use crate::tui::app::App;
use crate::tui::theme::{ClockMood, Theme};
use crate::tui::widgets::{fit, more_marker, wrap};

/// The clock's look at `now`: the warning's colour from the session's warning time
/// before the end of a round (the last minute of other phases).
pub fn mood(session: &Session, now: DateTime<Utc>) -> ClockMood {
    let clock = &session.clock;
    let remaining = clock.remaining_ms(&session.schedule, now);
    if !clock.is_running() {
        return ClockMood::Stopped;
    }
    let warning_ms = match clock.current(&session.schedule).map(|p| p.kind) {
        Some(PhaseKind::Round(_)) if session.schedule.warning_minutes > 0 => {
            i64::from(session.schedule.warning_minutes) * 60_000
        }
        _ => 60_000,
    };
    if remaining <= 0 {
        let overdue_seconds = (-remaining) / 1000;
        ClockMood::Overdue { flash_on: overdue_seconds % 2 == 0 }
    } else if remaining <= warning_ms {
        ClockMood::Warning
    } else {
        ClockMood::Normal
    }
}

/// The clock in a few characters for the title bar of every screen: `Tour 2/3 ▶ 10:26`,
/// `Déplacement ⏸ 02:00`, `Tour 3/3 ⏰ +00:42`; and its mood.
pub fn compact_clock(session: &Session, lang: Lang, now: DateTime<Utc>) -> Option<(String, ClockMood)> {
    let schedule = &session.schedule;
    let clock = &session.clock;
    let phase = clock.current(schedule)?;
    let remaining = clock.remaining_ms(schedule, now);
    let name = match phase.kind {
        PhaseKind::Round(r) => t::round_short(lang, r, schedule.rounds()),
        PhaseKind::Move(_) => t::MOVE_SHORT.get(lang).to_string(),
        PhaseKind::Harvest => t::HARVEST.get(lang).to_string(),
    };
    let time = if clock.is_running() && remaining <= 0 {
        format!("⏰ +{}", format_seconds((-remaining) / 1000))
    } else if clock.is_running() {
        format!("▶ {}", clock_text(remaining))
    } else {
        format!("⏸ {}", clock_text(remaining))
    };
    Some((format!(" {name} {time} "), mood(session, now)))
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

/// What the room reads from afar: the phase in big letters, its state, the time of day
/// and the planned end of the session.
struct Heading {
    title: String,
    state: String,
    state_style: Style,
    times: String,
}

fn heading(app: &App, session: &Session, phase: Phase, mood: ClockMood) -> Heading {
    let (lang, theme, now) = (app.lang, &app.theme, app.now);
    let clock = &session.clock;
    let remaining = clock.remaining_ms(&session.schedule, now);
    let state = if clock.is_running() {
        match mood {
            ClockMood::Overdue { .. } => t::overdue_by(lang, &format_seconds((-remaining) / 1000)),
            ClockMood::Warning if matches!(phase.kind, PhaseKind::Round(_)) => {
                t::warning_left(lang, (remaining + 59_999) / 60_000)
            }
            _ => t::RUNNING.get(lang).to_string(),
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
    let local = |at: DateTime<Utc>| at.with_timezone(&app.utc_offset).format("%H:%M").to_string();
    let times = t::time_and_end(lang, &local(now), &local(planned_end(session, now)));
    let title = match phase.kind {
        PhaseKind::Move(_) => t::CHANGE_TABLES.get(lang).to_string(),
        kind => phase_title(lang, &session.schedule, kind),
    };
    Heading { title, state, state_style, times }
}

/// When the session ends if every phase left takes its planned time from now.
pub fn planned_end(session: &Session, now: DateTime<Utc>) -> DateTime<Utc> {
    let clock = &session.clock;
    let all = phases(&session.schedule);
    let left_now = clock.remaining_ms(&session.schedule, now).max(0);
    let after: i64 = all.iter().skip(clock.phase + 1).map(|p| p.duration_ms).sum();
    now + chrono::Duration::milliseconds(left_now.saturating_add(after))
}

/// Text in big letters (4×4 cells a character) centred in `area`, when it fits; else
/// in bold. Returns the rows used.
fn big_or_bold(lines: &[String], style: Style, area: Rect, buf: &mut Buffer) -> u16 {
    let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as u16;
    let rows = lines.len() as u16 * 4;
    if widest * 4 <= area.width && rows <= area.height {
        let text: Vec<Line> = lines.iter().map(|l| Line::from(l.clone())).collect();
        BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(style)
            .lines(text)
            .centered()
            .build()
            .render(area, buf);
        return rows;
    }
    let text: Vec<Line> =
        lines.iter().map(|l| Line::styled(l.clone(), style.add_modifier(Modifier::BOLD))).collect();
    let height = (text.len() as u16).min(area.height);
    Paragraph::new(text).centered().wrap(Wrap { trim: true }).render(Rect { height, ..area }, buf);
    height
}

/// The round's World Café question, as large as `area` allows: big letters when it fits
/// in a few lines, else bold and wrapped. Returns the rows used.
fn render_question(label: &str, question: &str, theme: &Theme, area: Rect, buf: &mut Buffer) -> u16 {
    if area.height < 2 {
        return 0;
    }
    Paragraph::new(Line::styled(label.to_string(), theme.muted()))
        .centered()
        .render(Rect { height: 1, ..area }, buf);
    let body = Rect { y: area.y + 1, height: area.height - 1, ..area };
    let per_line = (body.width / 4) as usize;
    let big_lines = wrap(question, per_line.max(1));
    let style = theme.accent();
    if per_line >= 12 && big_lines.len() as u16 * 4 <= body.height {
        return 1 + big_or_bold(&big_lines, style, body, buf);
    }
    let lines = wrap(question, (body.width as usize).saturating_sub(4).max(1));
    let shown = (lines.len() as u16).min(body.height) as usize;
    let mut text: Vec<Line> = lines
        .iter()
        .take(shown)
        .map(|l| Line::styled(l.clone(), style.add_modifier(Modifier::BOLD)))
        .collect();
    if lines.len() > shown
        && let Some(last) = text.last_mut()
    {
        *last = Line::styled(format!("{} …", lines[shown - 1]), style.add_modifier(Modifier::BOLD));
    }
    Paragraph::new(text).centered().render(Rect { height: shown as u16, ..body }, buf);
    1 + shown as u16
}

/// Draws the run screen: a round (or the harvest) with its big clock, or a move with
/// « Changez de table ! », the next question and where everyone goes.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(open) = app.open.as_ref() else { return };
    let session = &open.session;
    let Some(phase) = session.clock.current(&session.schedule) else { return };
    match phase.kind {
        PhaseKind::Move(round) => render_move(app, phase, round + 1, area, buf),
        _ => render_round(app, phase, area, buf),
    }
}

fn render_round(app: &App, phase: Phase, area: Rect, buf: &mut Buffer) {
    let Some(open) = app.open.as_ref() else { return };
    let (lang, theme, now) = (app.lang, &app.theme, app.now);
    let session = &open.session;
    let schedule = &session.schedule;
    let clock = &session.clock;
    let remaining = clock.remaining_ms(schedule, now);
    let mood = mood(session, now);
    let heading = heading(app, session, phase, mood);
    let text = clock_text(remaining);
    let glyphs = text.chars().count() as u16;
    let round = match phase.kind {
        PhaseKind::Round(r) => Some(r),
        _ => None,
    };
    let question = round.and_then(|r| schedule.round_question(r));
    let rotation_round = open.run.rotation.round_shown(session);
    // The clock comes first; below it at least the question and a few tables.
    let below_rows = if rotation_round.is_some() || app.phones.on.is_some() {
        area.height / 2
    } else {
        (session.tables.len() as u16).min(3) + if question.is_some() { 2 } else { 0 }
    };
    // Title (4) + state line + gauge + what comes next, then the clock, scaled ×1–×3
    // to what is left once the lower part has its rows.
    let spare_rows = area.height.saturating_sub(4 + 3 + below_rows);
    let scale = (spare_rows / 8).min(area.width / (glyphs * 8)).clamp(0, 3);
    let clock_height = if scale == 0 { 4 } else { 8 * scale };
    let [title_area, state_area, clock_area, gauge_area, next_area, lower] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Length(1),
        Constraint::Length(clock_height),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);

    big_or_bold(std::slice::from_ref(&heading.title), theme.accent(), title_area, buf);
    Paragraph::new(Line::from(vec![
        Span::styled(heading.state, heading.state_style),
        Span::styled(format!("   {}", heading.times), theme.base()),
    ]))
    .centered()
    .render(state_area, buf);

    let style = theme.clock(mood);
    render_big_clock(&text, scale, style, clock_area, buf);
    if let ClockMood::Overdue { flash_on: true } = mood {
        buf.set_style(clock_area, style);
    }
    render_gauge(app, phase, remaining, &text, mood, gauge_area, area.width, buf);
    Paragraph::new(Line::styled(next_phases(lang, schedule, clock.phase), theme.base()))
        .centered()
        .render(next_area, buf);

    let mut lower = lower;
    if let (Some(round), Some(question)) = (round, question) {
        let label = t::question_of_round(lang, round);
        let rows_for_question =
            if rotation_round.is_some() { 3 } else { lower.height.saturating_sub(3).max(3) };
        let used = render_question(
            &label,
            question,
            theme,
            Rect { height: rows_for_question.min(lower.height), ..lower },
            buf,
        );
        lower = Rect { y: lower.y + used, height: lower.height.saturating_sub(used), ..lower };
    }
    match (rotation_round, &app.phones.on) {
        (Some(round), _) => super::rotation::render(app, open, round, lower, buf),
        (None, Some(on)) => super::phones::render(app, open, on, lower, buf),
        (None, None) => render_tables(session, lang, theme, lower, buf),
    }
}

fn render_move(app: &App, phase: Phase, next_round: u32, area: Rect, buf: &mut Buffer) {
    let Some(open) = app.open.as_ref() else { return };
    let (lang, theme, now) = (app.lang, &app.theme, app.now);
    let session = &open.session;
    let schedule = &session.schedule;
    let remaining = session.clock.remaining_ms(schedule, now);
    let mood = mood(session, now);
    let heading = heading(app, session, phase, mood);
    let text = clock_text(remaining);
    let clock_width = text.chars().count() as u16 * 4;
    let title_width = heading.title.chars().count() as u16 * 4;

    // « Changez de table ! » and the clock side by side when they fit, else stacked.
    let side_by_side = title_width + 4 + clock_width <= area.width;
    let band = if side_by_side { 4 } else { 8 };
    let [band_area, state_area, gauge_area, lower] = Layout::vertical([
        Constraint::Length(band),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    let (title_area, clock_area) = if side_by_side {
        let [l, r] =
            Layout::horizontal([Constraint::Min(0), Constraint::Length(clock_width + 4)]).areas(band_area);
        (l, Rect { x: r.x + 2, width: clock_width, ..r })
    } else {
        let [top, bottom] = Layout::vertical([Constraint::Length(4), Constraint::Length(4)]).areas(band_area);
        (top, bottom)
    };
    big_or_bold(std::slice::from_ref(&heading.title), theme.warn(), title_area, buf);
    let style = theme.clock(mood);
    render_big_clock(&text, 0, style, clock_area, buf);
    if let ClockMood::Overdue { flash_on: true } = mood {
        buf.set_style(clock_area, style);
    }
    // The phase's name goes first when the line is too narrow for everything.
    let name = phase_title(lang, schedule, phase.kind);
    let mut spans = vec![
        Span::styled(format!("{name}   "), theme.accent()),
        Span::styled(heading.state, heading.state_style),
        Span::styled(format!("   {}", heading.times), theme.base()),
    ];
    if spans.iter().map(|s| s.content.width()).sum::<usize>() > state_area.width as usize {
        spans.remove(0);
    }
    Paragraph::new(Line::from(spans)).centered().render(state_area, buf);
    render_gauge(app, phase, remaining, &text, mood, gauge_area, area.width, buf);

    let mut lower = lower;
    let rotation_round = open.run.rotation.round_shown(session);
    if let Some(question) = schedule.round_question(next_round) {
        let label = t::next_question(lang, next_round);
        // Room for two lines of big letters, the rest for where everyone goes.
        let rows = if rotation_round.is_some() {
            (lower.height / 2).clamp(3, 9)
        } else {
            lower.height.saturating_sub(3)
        };
        let used =
            render_question(&label, question, theme, Rect { height: rows.min(lower.height), ..lower }, buf);
        lower = Rect { y: lower.y + used + 1, height: lower.height.saturating_sub(used + 1), ..lower };
    }
    match (rotation_round, &app.phones.on) {
        (Some(round), _) => super::rotation::render(app, open, round, lower, buf),
        (None, Some(on)) => super::phones::render(app, open, on, lower, buf),
        (None, None) => render_tables(session, lang, theme, lower, buf),
    }
}

/// The progress bar of the phase, with `left / planned`.
#[allow(clippy::too_many_arguments)]
fn render_gauge(
    app: &App,
    phase: Phase,
    remaining: i64,
    text: &str,
    mood: ClockMood,
    area: Rect,
    width: u16,
    buf: &mut Buffer,
) {
    let theme = &app.theme;
    let ratio = if phase.duration_ms > 0 {
        (1.0 - remaining.max(0) as f64 / phase.duration_ms as f64).clamp(0.0, 1.0)
    } else {
        1.0
    };
    let area = area.centered_horizontally(Constraint::Length(width.saturating_sub(8)));
    Gauge::default()
        .gauge_style(theme.gauge(mood))
        .ratio(ratio)
        .label(Span::styled(format!("{text} / {}", format_seconds(phase.duration_ms / 1000)), theme.base()))
        .use_unicode(true)
        .render(area, buf);
}

/// `Ensuite : Déplacement (2 min) · puis Tour 2 / 3`.
fn next_phases(lang: Lang, schedule: &Schedule, index: usize) -> String {
    let all = phases(schedule);
    match all.get(index + 1) {
        Some(next) => {
            let after = all
                .get(index + 2)
                .map(|p| format!(" · {} {}", t::THEN.get(lang), phase_title(lang, schedule, p.kind)))
                .unwrap_or_default();
            format!("{} {}{after}", t::NEXT.get(lang), phase_with_minutes(lang, schedule, *next))
        }
        None => t::LAST_PHASE_NOW.get(lang).to_string(),
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
    // One line per table (cut with `…`), in two columns when the room allows; a `+N`
    // says how many tables did not fit.
    let columns: usize = if area.width >= 150 && session.tables.len() > area.height as usize { 2 } else { 1 };
    let column_areas = Layout::horizontal(vec![Constraint::Fill(1); columns]).spacing(2).split(area);
    let per_column = area.height as usize;
    let mut shown = 0;
    for (column, chunk) in column_areas.iter().zip(lines.chunks(per_column.max(1))) {
        for (row, line) in chunk.iter().enumerate() {
            let cell = Rect { y: column.y + row as u16, height: 1, ..*column };
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            if text.width() > cell.width as usize {
                buf.set_line(cell.x, cell.y, &cut_line(line, cell.width as usize), cell.width);
            } else {
                Paragraph::new(line.clone()).render(cell, buf);
            }
            shown += 1;
        }
    }
    more_marker(area, 0, shown, lines.len(), theme.warn(), buf);
}

/// A styled line cut to `width` columns, ending with `…`.
fn cut_line(line: &Line, width: usize) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    for span in &line.spans {
        let room = width.saturating_sub(used);
        if room == 0 {
            break;
        }
        let w = span.content.width();
        if used + w < width {
            spans.push(Span::styled(span.content.to_string(), span.style));
            used += w;
        } else {
            spans.push(Span::styled(fit(&span.content, room), span.style));
            break;
        }
    }
    Line::from(spans)
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
