//! The capture screen: one tab per table plus a tab with every table, the current
//! round preselected from the clock; what is typed becomes a proposal on Enter (saved
//! at once). Proposals can be edited, given another kind, moved to another table and
//! deleted; every such change can be undone.

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::domain::session::clean_text;
use crate::domain::{Kind, Proposal, ProposalId, Session, SessionError};
use crate::i18n::errors::session_error;
use crate::i18n::tui as t;
use crate::i18n::{Lang, Text};
use crate::tui::action::{Action, CaptureAction};
use crate::tui::app::session_changed;
use crate::tui::app::{App, OpenSession, Popup, Prompt, Status};
use crate::tui::effect::Effect;
use crate::tui::widgets::{LineInput, fit, window};

/// Where the keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The text field (typing).
    #[default]
    Input,
    /// The list of proposals (single-letter keys).
    List,
}

/// A change to the proposals that can be undone.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    /// A proposal was added.
    Added(ProposalId),
    /// A proposal was deleted from this position.
    Removed { proposal: Proposal, index: usize },
    /// A proposal was changed; this is how it was.
    Changed(Proposal),
}

/// What the capture screen remembers.
#[derive(Debug, Clone, PartialEq)]
pub struct CaptureState {
    /// 0 is every table; `n` is the `n`-th table of the list.
    pub tab: usize,
    /// The round chosen by hand, instead of the clock's.
    pub round_override: Option<u32>,
    /// The kind of the next proposal.
    pub kind: Kind,
    pub input: LineInput,
    pub focus: Focus,
    /// The selected row of the list.
    pub selected: usize,
    /// The proposal being edited in the text field.
    pub editing: Option<ProposalId>,
    pub undo: Vec<Undo>,
    /// What the synthèse engine makes of the text being typed.
    pub hint: Option<Hint>,
    /// The text changed since the hints were computed.
    pub hint_stale: bool,
}

/// Live hints while typing, from the synthèse engine.
#[derive(Debug, Clone, PartialEq)]
pub struct Hint {
    /// The family it would choose, its confidence, and whether it would ask the room.
    pub family: Option<u8>,
    pub confidence: f32,
    pub to_validate: bool,
    /// The closest condition already said at another table, and how close.
    pub nearest: Option<(ProposalId, f32)>,
}

/// Recomputes the hints for the text in the field (none while it is empty).
pub fn refresh_hint(open: &mut OpenSession) {
    open.capture.hint_stale = false;
    let text = open.capture.input.text();
    if clean_text(&text).chars().count() < 3 {
        open.capture.hint = None;
        return;
    }
    let guess = open.engine.classify(&text);
    let table = open.capture.table(&open.session).unwrap_or(0);
    let nearest = open.engine.nearest(&open.session, &text, table);
    open.capture.hint = Some(Hint {
        family: guess.family,
        confidence: guess.confidence,
        to_validate: guess.status == crate::synth::Status::ToValidate,
        nearest,
    });
}

impl CaptureState {
    /// On the first table, the list's last proposal selected.
    pub fn new(session: &Session, _now: DateTime<Utc>) -> CaptureState {
        let tab = usize::from(!session.tables.is_empty());
        let mut state = CaptureState {
            tab,
            round_override: None,
            kind: Kind::Condition,
            input: LineInput::default(),
            focus: Focus::Input,
            selected: 0,
            editing: None,
            undo: Vec::new(),
            hint: None,
            hint_stale: false,
        };
        state.select_last(session);
        state
    }

    /// The table number of the current tab (none on the all-tables tab).
    pub fn table(&self, session: &Session) -> Option<u32> {
        self.tab.checked_sub(1).and_then(|i| session.tables.get(i)).map(|t| t.number)
    }

    /// The round new proposals go to.
    pub fn round(&self, session: &Session) -> u32 {
        self.round_override.unwrap_or_else(|| session.current_round())
    }

    fn select_last(&mut self, session: &Session) {
        self.selected = visible(session, self.tab).len().saturating_sub(1);
    }

    /// The selected proposal's id.
    pub fn selected_id(&self, session: &Session) -> Option<ProposalId> {
        visible(session, self.tab).get(self.selected).map(|p| p.id)
    }
}

/// The proposals shown on a tab, in order: by table (in the list's order), round, id.
pub fn visible(session: &Session, tab: usize) -> Vec<&Proposal> {
    let position = |number: u32| session.tables.iter().position(|t| t.number == number).unwrap_or(usize::MAX);
    let table = tab.checked_sub(1).and_then(|i| session.tables.get(i)).map(|t| t.number);
    let mut list: Vec<&Proposal> =
        session.proposals.iter().filter(|p| table.is_none_or(|n| p.table == n)).collect();
    list.sort_by_key(|p| (position(p.table), p.round, p.id));
    list
}

/// The name of a kind.
pub fn kind_name(kind: Kind) -> Text {
    match kind {
        Kind::Condition => t::KIND_CONDITION,
        Kind::Astuce => t::KIND_ASTUCE,
        Kind::Temoignage => t::KIND_TEMOIGNAGE,
    }
}

fn info(app_status: &mut Option<Status>, text: String) {
    *app_status = Some(Status::Info(text));
}

/// Applies a capture key, then refreshes the hints.
pub fn update(app: &mut App, action: CaptureAction, now: DateTime<Utc>, effects: &mut Vec<Effect>) {
    apply(app, action, now, effects);
    if let Some(open) = app.open.as_mut() {
        refresh_hint(open);
    }
}

fn apply(app: &mut App, action: CaptureAction, now: DateTime<Utc>, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(open) = app.open.as_mut() else { return };
    let tabs = open.session.tables.len() + 1;
    let status = &mut app.status;
    match action {
        CaptureAction::NextTab | CaptureAction::PreviousTab | CaptureAction::SelectTab(_) => {
            let state = &mut open.capture;
            state.tab = match action {
                CaptureAction::NextTab => (state.tab + 1) % tabs,
                CaptureAction::PreviousTab => (state.tab + tabs - 1) % tabs,
                CaptureAction::SelectTab(tab) => tab.min(tabs - 1),
                _ => state.tab,
            };
            if state.editing.take().is_some() {
                state.input.clear();
            }
            state.select_last(&open.session);
        }
        CaptureAction::Submit => submit(open, status, lang, now, effects),
        CaptureAction::CycleKind => open.capture.kind = open.capture.kind.next(),
        CaptureAction::CycleRound => {
            let rounds = open.session.schedule.rounds().max(1);
            let round = open.capture.round(&open.session);
            open.capture.round_override = Some(round % rounds + 1);
        }
        CaptureAction::Up => open.capture.selected = open.capture.selected.saturating_sub(1),
        CaptureAction::Down => {
            let len = visible(&open.session, open.capture.tab).len();
            open.capture.selected = (open.capture.selected + 1).min(len.saturating_sub(1));
        }
        CaptureAction::SelectItem(row) => {
            if row < visible(&open.session, open.capture.tab).len() {
                open.capture.selected = row;
            }
        }
        CaptureAction::FocusList => {
            if open.capture.editing.take().is_some() {
                open.capture.input.clear();
                info(status, t::EDIT_CANCELLED.get(lang).to_string());
            } else {
                open.capture.focus = Focus::List;
            }
        }
        CaptureAction::FocusInput => open.capture.focus = Focus::Input,
        CaptureAction::Edit => {
            if let Some(proposal) =
                open.capture.selected_id(&open.session).and_then(|id| open.session.proposal(id))
            {
                open.capture.editing = Some(proposal.id);
                open.capture.input.set_text(&proposal.text);
                open.capture.kind = proposal.kind;
                open.capture.focus = Focus::Input;
            }
        }
        CaptureAction::KindOfSelected => {
            if let Some(id) = open.capture.selected_id(&open.session) {
                change(open, id, effects, |p| p.kind = p.kind.next());
            }
        }
        CaptureAction::Move => {
            if let Some(id) = open.capture.selected_id(&open.session) {
                app.popup = Some(Popup::Ask {
                    prompt: Prompt::MoveProposal(id),
                    question: t::ASK_MOVE_TABLE.get(lang).to_string(),
                    input: Box::new(LineInput::default()),
                });
            }
        }
        CaptureAction::Delete => {
            if let Some(id) = open.capture.selected_id(&open.session) {
                let index = open.session.proposals.iter().position(|p| p.id == id).unwrap_or(0);
                if let Ok(proposal) = open.session.remove_proposal(id) {
                    open.capture.undo.push(Undo::Removed { proposal, index });
                    let len = visible(&open.session, open.capture.tab).len();
                    open.capture.selected = open.capture.selected.min(len.saturating_sub(1));
                    info(status, t::DELETED_UNDO.get(lang).to_string());
                    session_changed(open, effects);
                }
            }
        }
        CaptureAction::Undo => match open.capture.undo.pop() {
            Some(undo) => {
                match undo {
                    Undo::Added(id) => {
                        let _ = open.session.remove_proposal(id);
                    }
                    Undo::Removed { proposal, index } => {
                        let index = index.min(open.session.proposals.len());
                        open.session.proposals.insert(index, proposal);
                    }
                    Undo::Changed(before) => {
                        if let Some(p) = open.session.proposals.iter_mut().find(|p| p.id == before.id) {
                            *p = before;
                        }
                    }
                }
                let len = visible(&open.session, open.capture.tab).len();
                open.capture.selected = open.capture.selected.min(len.saturating_sub(1));
                info(status, t::UNDONE.get(lang).to_string());
                session_changed(open, effects);
            }
            None => info(status, t::NOTHING_TO_UNDO.get(lang).to_string()),
        },
    }
}

/// Changes a proposal, remembering how it was.
fn change(
    open: &mut OpenSession,
    id: ProposalId,
    effects: &mut Vec<Effect>,
    edit: impl FnOnce(&mut Proposal),
) {
    if let Some(proposal) = open.session.proposals.iter_mut().find(|p| p.id == id) {
        let before = proposal.clone();
        edit(proposal);
        if *proposal != before {
            open.capture.undo.push(Undo::Changed(before));
            session_changed(open, effects);
        }
    }
}

fn submit(
    open: &mut OpenSession,
    status: &mut Option<Status>,
    lang: Lang,
    now: DateTime<Utc>,
    effects: &mut Vec<Effect>,
) {
    let text = open.capture.input.text();
    if let Some(id) = open.capture.editing {
        let cleaned = clean_text(&text);
        if cleaned.is_empty() {
            *status = Some(Status::Error(session_error(lang, &SessionError::EmptyText)));
            return;
        }
        let kind = open.capture.kind;
        change(open, id, effects, |p| {
            p.text = cleaned;
            p.kind = kind;
        });
        open.capture.editing = None;
        open.capture.input.clear();
        open.capture.kind = Kind::Condition;
        info(status, t::EDITED.get(lang).to_string());
        return;
    }
    let Some(table) = open.capture.table(&open.session) else {
        *status = Some(Status::Error(t::CHOOSE_TABLE.get(lang).to_string()));
        return;
    };
    let round = open.capture.round(&open.session);
    match open.session.add_proposal(table, round, open.capture.kind, &text, now) {
        Ok(id) => {
            open.capture.undo.push(Undo::Added(id));
            open.capture.input.clear();
            // Most proposals are conditions: another kind is chosen for one proposal.
            open.capture.kind = Kind::Condition;
            open.capture.select_last(&open.session);
            if let Some(row) = visible(&open.session, open.capture.tab).iter().position(|p| p.id == id) {
                open.capture.selected = row;
            }
            info(status, t::saved_proposal(lang, id.0, table, round));
            session_changed(open, effects);
        }
        Err(err) => *status = Some(Status::Error(session_error(lang, &err))),
    }
}

/// Moves a proposal to the table typed in the popup. On error nothing changes.
pub fn move_to_table(
    app: &mut App,
    id: ProposalId,
    typed: &str,
    effects: &mut Vec<Effect>,
) -> Result<(), String> {
    let lang = app.lang;
    let Some(open) = app.open.as_mut() else { return Ok(()) };
    let number = typed.trim().parse::<u32>().map_err(|_| t::bad_table_number(lang, typed.trim()))?;
    if open.session.table(number).is_none() {
        return Err(session_error(lang, &SessionError::NoSuchTable(number)));
    }
    change(open, id, effects, |p| p.table = number);
    let len = visible(&open.session, open.capture.tab).len();
    open.capture.selected = open.capture.selected.min(len.saturating_sub(1));
    app.status = Some(Status::Info(t::moved_to(lang, number)));
    Ok(())
}

/// Draws the capture screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(open) = app.open.as_ref() else { return };
    let (lang, theme) = (app.lang, &app.theme);
    let session = &open.session;
    let state = &open.capture;
    let [tabs_area, question_area, list_area, hint_area, input_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(4),
    ])
    .areas(area);

    // Tabs: all tables, then one per table.
    let count = |number: Option<u32>| {
        session.proposals.iter().filter(|p| number.is_none_or(|n| p.table == n)).count()
    };
    let long = area.width as usize >= 12 * (session.tables.len() + 1) + 10;
    let mut labels = vec![format!(" {} ({}) ", t::ALL_TABLES.get(lang), count(None))];
    for table in &session.tables {
        labels.push(if long {
            format!(" {} {} ({}) ", t::TABLE_SHORT.get(lang), table.number, count(Some(table.number)))
        } else {
            format!(" {} ", table.number)
        });
    }
    let mut x = tabs_area.x;
    for (i, label) in labels.iter().enumerate() {
        let width = unicode_width::UnicodeWidthStr::width(label.as_str()) as u16;
        if x + width > tabs_area.right() {
            break;
        }
        let cell = Rect { x, width, ..tabs_area };
        let style = if i == state.tab { theme.selected() } else { theme.muted() };
        Paragraph::new(Span::styled(label.clone(), style)).render(cell, buf);
        app.hit(cell, Action::Capture(CaptureAction::SelectTab(i)));
        x += width + 1;
    }

    // The question of the table.
    let question = match state.table(session).and_then(|n| session.table(n)) {
        Some(table) => {
            let q = if table.question.is_empty() { t::NO_QUESTION.get(lang) } else { &table.question };
            let name = if table.name.is_empty() { String::new() } else { format!(" · {}", table.name) };
            format!("{} {}{name} — {q}", t::TABLE.get(lang), table.number)
        }
        None => t::ALL_TABLES_HINT.get(lang).to_string(),
    };
    Paragraph::new(Line::styled(fit(&question, question_area.width as usize), theme.accent()))
        .render(question_area, buf);

    // The proposals.
    let list = visible(session, state.tab);
    if list.is_empty() {
        Paragraph::new(t::NO_PROPOSALS_YET.get(lang))
            .style(theme.muted())
            .wrap(Wrap { trim: true })
            .render(list_area, buf);
    }
    let rows = window(list.len(), state.selected, list_area.height as usize);
    for (offset, index) in rows.enumerate() {
        let proposal = list[index];
        let row = Rect { y: list_area.y + offset as u16, height: 1, ..list_area };
        let selected = index == state.selected;
        let table = if state.tab == 0 {
            format!("{}{} · ", t::TABLE_SHORT.get(lang), proposal.table)
        } else {
            String::new()
        };
        let prefix = format!(
            " {table}{} {} · {} ",
            t::ROUND.get(lang),
            proposal.round,
            fit(kind_name(proposal.kind).get(lang), 10)
        );
        let text_w = (row.width as usize).saturating_sub(prefix.chars().count());
        let style = if selected && state.focus == Focus::List {
            theme.selected()
        } else if selected {
            theme.accent()
        } else {
            theme.base()
        };
        let line = Line::from(vec![
            Span::styled(prefix, theme.muted()),
            Span::styled(fit(&proposal.text, text_w), style),
        ]);
        Paragraph::new(line).render(row, buf);
        app.hit(row, Action::Capture(CaptureAction::SelectItem(index)));
    }

    render_hint(app, open, hint_area, buf);

    // The text field.
    let round = state.round(session);
    let round_label = if state.round_override.is_some() {
        format!("{} {round} ({})", t::ROUND.get(lang), t::BY_HAND.get(lang))
    } else {
        format!("{} {round}", t::ROUND.get(lang))
    };
    let title = match (state.editing, state.table(session)) {
        (Some(id), _) => {
            format!(" {} {id} · {} ", t::EDITING_PROPOSAL.get(lang), kind_name(state.kind).get(lang))
        }
        (None, Some(table)) => format!(
            " {} · {} {table} · {round_label} · {} ",
            t::NEW_PROPOSAL.get(lang),
            t::TABLE.get(lang),
            kind_name(state.kind).get(lang)
        ),
        (None, None) => format!(" {} ", t::CHOOSE_TABLE.get(lang)),
    };
    let border = if state.focus == Focus::Input { theme.accent() } else { theme.border() };
    let block = Block::bordered().title(title).border_style(border);
    let cursor = if state.focus == Focus::Input { theme.cursor() } else { theme.base() };
    state.input.render(input_area, buf, block, theme.base(), cursor);
    app.hit(input_area, Action::Capture(CaptureAction::FocusInput));
}

/// `Famille probable : 2 · Connaissance et reconnaissance (72 %) · Proche, table 3 : « … »`
fn render_hint(app: &App, open: &OpenSession, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, &app.theme);
    let Some(hint) = &open.capture.hint else { return };
    let mut spans = Vec::new();
    match hint.family.and_then(|n| open.session.families.iter().find(|f| f.number == n)) {
        Some(family) => {
            spans.push(Span::styled(format!(" {} ", t::HINT_FAMILY.get(lang)), theme.muted()));
            spans.push(Span::styled(
                format!(
                    "{} · {} ({} %)",
                    family.number,
                    family.title_in(lang.is_english()),
                    (hint.confidence * 100.0).round() as u32
                ),
                theme.accent(),
            ));
            if hint.to_validate {
                spans.push(Span::styled(format!(" — {}", t::HINT_TO_VALIDATE.get(lang)), theme.warn()));
            }
        }
        None => spans.push(Span::styled(format!(" {}", t::HINT_NO_FAMILY.get(lang)), theme.muted())),
    }
    spans.push(Span::styled("   ", theme.base()));
    match hint.nearest.and_then(|(id, score)| open.session.proposal(id).map(|p| (p, score))) {
        Some((proposal, score)) => spans.push(Span::styled(
            t::hint_close(lang, proposal.table, &proposal.text, (score * 100.0).round() as u32),
            theme.base(),
        )),
        None => spans.push(Span::styled(t::HINT_NOTHING_CLOSE.get(lang), theme.muted())),
    }
    let width: usize = spans.iter().map(|s| unicode_width::UnicodeWidthStr::width(s.content.as_ref())).sum();
    if width > area.width as usize {
        // Cut the end (the nearest proposal's text) to the width.
        let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
        Paragraph::new(Line::styled(fit(&text, area.width as usize), theme.base())).render(area, buf);
    } else {
        Paragraph::new(Line::from(spans)).render(area, buf);
    }
}
