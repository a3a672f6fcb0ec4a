//! What the keys of the capture screen do: type, submit, edit, change the kind, move to
//! another table, delete and undo; and the live hints recomputed from the engine.

use chrono::{DateTime, Utc};

use super::state::{Focus, Hint, Undo, visible};
use crate::domain::repair::count_controls;
use crate::domain::session::clean_text;
use crate::domain::{Kind, Proposal, ProposalId, SessionError};
use crate::i18n::Lang;
use crate::i18n::errors::{controls_removed, session_error};
use crate::i18n::tui as t;
use crate::tui::action::CaptureAction;
use crate::tui::app::session_changed;
use crate::tui::app::{App, OpenSession, Popup, Prompt, Status};
use crate::tui::effect::Effect;
use crate::tui::widgets::{LineInput, fit};

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
                    let message = t::deleted_proposal(lang, proposal.id.0, &fit(&proposal.text, 48));
                    open.capture.undo.push(Undo::Removed { proposal, index });
                    let len = visible(&open.session, open.capture.tab).len();
                    open.capture.selected = open.capture.selected.min(len.saturating_sub(1));
                    info(status, message);
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
            let mut message = t::saved_proposal(lang, id.0, table, round);
            let removed = count_controls(&text);
            if removed > 0 {
                message = format!("{message} ({})", controls_removed(lang, removed));
            }
            info(status, message);
            session_changed(open, effects);
        }
        Err(err) => *status = Some(Status::Error(session_error(lang, &err))),
    }
}

/// A pasted block, one proposal per line, each with the current table, round and kind;
/// each can be undone. Without a table (the all-tables tab) nothing is added and the
/// text goes into the field, so nothing pasted is lost.
pub fn add_lines(app: &mut App, lines: &[String], now: DateTime<Utc>, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(open) = app.open.as_mut() else { return };
    open.capture.focus = Focus::Input;
    let Some(table) = open.capture.table(&open.session) else {
        open.capture.input.paste(&lines.join(" "));
        app.status = Some(Status::Error(t::CHOOSE_TABLE.get(lang).to_string()));
        return;
    };
    let round = open.capture.round(&open.session);
    let kind = open.capture.kind;
    let mut added = 0;
    for line in lines {
        if let Ok(id) = open.session.add_proposal(table, round, kind, line, now) {
            open.capture.undo.push(Undo::Added(id));
            added += 1;
        }
    }
    open.capture.kind = Kind::Condition;
    open.capture.select_last(&open.session);
    app.status = Some(Status::Info(t::pasted_proposals(lang, added, table, round)));
    if added > 0 {
        session_changed(open, effects);
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

/// A proposal captured here was saved under another id (another program had given
/// its id meanwhile): what the screen remembers follows it.
pub fn renamed(open: &mut OpenSession, from: ProposalId, to: ProposalId) {
    for undo in &mut open.capture.undo {
        match undo {
            Undo::Added(id) if *id == from => *id = to,
            Undo::Removed { proposal, .. } | Undo::Changed(proposal) if proposal.id == from => {
                proposal.id = to
            }
            _ => {}
        }
    }
    if open.capture.editing == Some(from) {
        open.capture.editing = Some(to);
    }
}
