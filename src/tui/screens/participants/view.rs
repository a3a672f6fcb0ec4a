//! Draws the participants screen: the field being typed, who comes (with each one's
//! tables when a plan fits them) and the plan's quality report.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::state::Focus;
use crate::i18n::plan as text;
use crate::plan::{self};
use crate::tui::action::{Action, ParticipantsAction};
use crate::tui::app::App;
use crate::tui::widgets::{fit, window};

/// Draws the participants screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(open) = app.open.as_ref() else { return };
    let (lang, theme) = (app.lang, &app.theme);
    let session = &open.session;
    let state = &open.participants;
    let report_rows = if state.report.is_empty() { 0 } else { state.report.len() as u16 + 1 };
    let [heading, input_area, header, list, report] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(report_rows.min(area.height / 3)),
    ])
    .areas(area);

    let people = &session.participants;
    let hosts = people.iter().filter(|p| p.host_of.is_some()).count();
    let organisations: std::collections::BTreeSet<String> = people
        .iter()
        .map(|p| plan::model::organisation_key(&p.organisation))
        .filter(|o| !o.is_empty())
        .collect();
    let fits = session.rotation.as_ref().is_some_and(|r| plan::plan_fits(session, r));
    let plan_state = if fits { text::PLAN_CURRENT } else { text::PLAN_MISSING };
    Paragraph::new(Line::from(vec![
        Span::styled(text::people_summary(lang, people.len(), hosts, organisations.len()), theme.accent()),
        Span::styled(format!("  {}", plan_state.get(lang)), if fits { theme.ok() } else { theme.muted() }),
    ]))
    .render(heading, buf);

    let title = match state.editing {
        Some(i) => text::editing_participant(lang, i + 1),
        None => text::NEW_PARTICIPANT.get(lang).to_string(),
    };
    let border = if state.focus == Focus::Input { theme.accent() } else { theme.border() };
    let block = Block::bordered().title(format!(" {title} ")).border_style(border);
    let cursor = if state.focus == Focus::Input { theme.cursor() } else { theme.base() };
    state.input.render(input_area, buf, block, theme.base(), cursor);
    app.hit(input_area, Action::Participants(ParticipantsAction::FocusInput));

    let width = list.width as usize;
    let rounds = session.schedule.rounds() as usize;
    let seats_w = if fits { (rounds * 5).min(width / 4) } else { 0 };
    let host_w = 7;
    let name_w = (width.saturating_sub(5 + host_w + seats_w)) * 4 / 10;
    let organisation_w = width.saturating_sub(5 + name_w + host_w + seats_w);
    let heading_line = format!(
        "{}{}{}{}{}",
        fit(" #", 5),
        fit(text::NAME.get(lang), name_w),
        fit(text::ORGANISATION.get(lang), organisation_w),
        fit(text::HOST_COLUMN.get(lang), host_w),
        if fits { fit(text::ROUNDS_COLUMN.get(lang), seats_w) } else { String::new() },
    );
    Paragraph::new(Line::styled(heading_line, theme.muted())).render(header, buf);
    if people.is_empty() {
        Paragraph::new(Line::styled(text::NO_PARTICIPANTS_YET.get(lang), theme.muted()))
            .wrap(Wrap { trim: true })
            .render(list, buf);
    }
    let seats = session.rotation.as_ref().filter(|_| fits).map(|r| &r.seats);
    let rows = window(people.len(), state.selected, list.height as usize);
    let (first, shown) = (rows.start, rows.len());
    for (row_index, index) in rows.enumerate() {
        let person = &people[index];
        let row = Rect { y: list.y + row_index as u16, height: 1, ..list };
        let selected = index == state.selected && state.focus == Focus::List;
        let style = if selected { theme.selected() } else { theme.base() };
        let itinerary = seats
            .and_then(|s| s.get(index))
            .map(|tables| tables.iter().map(u32::to_string).collect::<Vec<_>>().join(" → "))
            .unwrap_or_default();
        let line = Line::from(vec![
            Span::styled(fit(&format!(" {}", index + 1), 5), theme.muted()),
            Span::styled(fit(&person.name, name_w), style),
            Span::styled(
                fit(&person.organisation, organisation_w),
                if selected { style } else { theme.muted() },
            ),
            Span::styled(
                fit(&person.host_of.map(|t| t.to_string()).unwrap_or_default(), host_w),
                theme.accent(),
            ),
            Span::styled(fit(&itinerary, seats_w), theme.base()),
        ]);
        Paragraph::new(line).render(row, buf);
        app.hit(row, Action::Participants(ParticipantsAction::Select(index)));
    }
    crate::tui::widgets::more_marker(list, first, shown, people.len(), theme.warn(), buf);
    if !state.report.is_empty() {
        let mut lines = vec![Line::styled(text::QUALITY.get(lang), theme.accent())];
        lines.extend(state.report.iter().map(|l| Line::styled(format!("  {l}"), theme.base())));
        Paragraph::new(lines).wrap(Wrap { trim: true }).render(report, buf);
    }
}
