//! What the keys of the Synthèse screen do: move, open, merge, split, choose a family,
//! reword, exclude, vote, accept or reject a suggestion, undo. Each change is a
//! decision stored in `session.decisions`, followed by a new synthèse.

use super::labels::ids;
use super::review::{Pick, answer, default_answer, rebuild_engine, skip};
use super::state::{HarvestState, HarvestTab, UndoStep, answers, columns};
use crate::domain::merge::merge_decisions;
use crate::domain::{Decisions, Kind, ProposalId, Session};
use crate::i18n::harvest as t;
use crate::i18n::{Lang, Text};
use crate::synth::Group;
use crate::tui::action::HarvestAction;
use crate::tui::app::session_changed;
use crate::tui::app::{App, OpenSession, Popup, Prompt, Status};
use crate::tui::effect::Effect;
use crate::tui::widgets::LineInput;

/// Computes the synthèse again from the session (after any change, and when the
/// screen is shown), keeping the selection in range.
pub fn refresh(open: &mut OpenSession, lang: Lang) {
    open.harvest.refresh(&open.engine, &open.session, lang);
}

/// Selects (on the board and, if one is opened, in the opened view) the group that
/// contains `id`.
fn follow(open: &mut OpenSession, id: ProposalId, lang: Lang) {
    let state = &mut open.harvest;
    let Some(kind) = open.session.proposal(id).map(|p| p.kind) else { return };
    let board_tab = if kind == Kind::Condition { HarvestTab::Conditions } else { HarvestTab::Others };
    let cols = columns(&state.synthesis, &open.session, board_tab, lang);
    for (c, column) in cols.iter().enumerate() {
        if let Some(r) = column.groups.iter().position(|g| g.members.contains(&id)) {
            state.column = c;
            state.row = r;
            if state.tab.is_board() {
                state.tab = board_tab;
            }
            break;
        }
    }
    if state.opened.is_some() {
        state.opened = Some(id);
    }
}

/// The group the keys act on: the opened one, the selected one of the board, or the
/// condition of the selected queue item.
fn current(open: &OpenSession, lang: Lang) -> Option<Group> {
    let state = &open.harvest;
    if let Some(id) = state.opened {
        return state.synthesis.group_of(id).cloned();
    }
    match state.tab {
        HarvestTab::Conditions | HarvestTab::Others => {
            let cols = columns(&state.synthesis, &open.session, state.tab, lang);
            cols.get(state.column).and_then(|c| c.groups.get(state.row)).map(|g| (*g).clone())
        }
        HarvestTab::Queue => match state.question().map(|q| &q.ask) {
            Some(crate::synth::review::Ask::Family { proposal, .. }) => {
                state.synthesis.group_of(*proposal).cloned()
            }
            _ => None,
        },
        HarvestTab::Chart => None,
    }
}

fn info(app: &mut App, text: impl Into<String>) {
    app.status = Some(Status::Info(text.into()));
}

fn error(app: &mut App, text: impl Into<String>) {
    app.status = Some(Status::Error(text.into()));
}

/// Takes a decision: changes `session.decisions`, remembers how they were, computes
/// the synthèse again, saves, and says what happened (or which decision had to be
/// dropped). A change that changes nothing is not recorded.
fn decide(
    app: &mut App,
    what: Text,
    follow_id: Option<ProposalId>,
    effects: &mut Vec<Effect>,
    change: impl FnOnce(&mut Decisions),
) -> bool {
    let lang = app.lang;
    let Some(open) = app.open.as_mut() else { return false };
    let before = open.session.decisions.clone();
    change(&mut open.session.decisions);
    if open.session.decisions == before {
        info(app, t::UNCHANGED.get(lang));
        return false;
    }
    let dropped_before = open.harvest.synthesis.dropped.clone();
    let learned = open.session.learned.clone();
    let after = open.session.decisions.clone();
    open.harvest.undo.push(UndoStep { decisions: before, after, learned, what });
    refresh(open, lang);
    if let Some(id) = follow_id {
        follow(open, id, lang);
        open.harvest.clamp(&open.session, lang);
    }
    session_changed(open, effects);
    let dropped = open.harvest.synthesis.dropped.iter().find(|d| !dropped_before.contains(d)).cloned();
    match dropped {
        Some(d) => error(app, crate::i18n::synth::dropped(lang, d.decision, d.reason, &ids(&d.proposals))),
        None => info(app, t::done(lang, what)),
    }
    true
}

/// The family numbers of the session, as typed (`1, 2, 3`).
fn family_choices(session: &Session) -> String {
    session.families.iter().map(|f| f.number.to_string()).collect::<Vec<_>>().join(", ")
}

/// Applies a key of the synthèse screen.
pub fn update(app: &mut App, action: HarvestAction, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(open) = app.open.as_mut() else { return };
    let state = &mut open.harvest;
    match action {
        HarvestAction::ToggleVote => super::vote::toggle(app, effects),
        HarvestAction::CloseVote => super::vote::close(app, effects),
        HarvestAction::Up | HarvestAction::Down => {
            let down = action == HarvestAction::Down;
            if let Some(group) = state.opened.and_then(|id| state.synthesis.group_of(id)) {
                let last = group.members.len().saturating_sub(1);
                state.member =
                    if down { (state.member + 1).min(last) } else { state.member.saturating_sub(1) };
            } else if state.tab == HarvestTab::Queue {
                let last = state.question().map_or(0, |q| answers(q, &open.session)).saturating_sub(1);
                state.queue_row =
                    if down { (state.queue_row + 1).min(last) } else { state.queue_row.saturating_sub(1) };
            } else if state.tab.is_board() {
                step_row(state, &open.session, down, lang);
            }
        }
        HarvestAction::Left | HarvestAction::Right => {
            if state.tab.is_board() && state.opened.is_none() {
                let count = columns(&state.synthesis, &open.session, state.tab, lang).len();
                state.column = if action == HarvestAction::Right {
                    (state.column + 1).min(count.saturating_sub(1))
                } else {
                    state.column.saturating_sub(1)
                };
                open.harvest.clamp(&open.session, lang);
            }
        }
        HarvestAction::Select { column, row } => {
            if state.tab.is_board() && state.opened.is_none() {
                if (state.column, state.row) == (column, row) {
                    return update(app, HarvestAction::Open, effects);
                }
                state.column = column;
                state.row = row;
                open.harvest.clamp(&open.session, lang);
            }
        }
        HarvestAction::SelectMember(index) => state.member = index,
        HarvestAction::SelectQueue(index) => state.queue_row = index,
        HarvestAction::ShowTab(tab) => {
            if tab == HarvestTab::Queue && state.tab != HarvestTab::Queue {
                let families: Vec<u8> = open.session.families.iter().map(|f| f.number).collect();
                state.queue_row = default_answer(state.question(), &families);
            }
            state.tab = tab;
            state.opened = None;
            open.harvest.clamp(&open.session, lang);
        }
        HarvestAction::NextTab | HarvestAction::PreviousTab => {
            let n = HarvestTab::ALL.len();
            let i = HarvestTab::ALL.iter().position(|t| *t == state.tab).unwrap_or(0);
            let next = if action == HarvestAction::NextTab { (i + 1) % n } else { (i + n - 1) % n };
            state.tab = HarvestTab::ALL[next];
            state.opened = None;
            open.harvest.clamp(&open.session, lang);
        }
        HarvestAction::Open => {
            if state.opened.is_none()
                && let Some(group) = current(open, lang)
            {
                open.harvest.opened = Some(group.anchor);
                open.harvest.member = 0;
            }
        }
        HarvestAction::Mark => match current(open, lang) {
            Some(group) => {
                if open.harvest.marked.is_some_and(|id| group.members.contains(&id)) {
                    open.harvest.marked = None;
                    info(app, t::UNMARKED.get(lang));
                } else {
                    open.harvest.marked = Some(group.anchor);
                    info(app, t::marked(lang, &group.wording));
                }
            }
            None => info(app, t::NOTHING_SELECTED.get(lang)),
        },
        HarvestAction::Merge => merge(app, effects),
        HarvestAction::Split => split(app, effects),
        HarvestAction::AskFamily => ask_family(app),
        HarvestAction::SetFamily(number) if state.tab == HarvestTab::Queue && state.opened.is_none() => {
            if !answer(app, Pick::Digit(number), effects) {
                info(app, crate::i18n::review::HINT.get(lang));
            }
        }
        HarvestAction::Skip => skip(app),
        HarvestAction::PromoteVocabulary => {
            if open.session.learned.is_empty() {
                info(app, crate::i18n::review::NOTHING_LEARNED.get(lang));
            } else {
                effects.push(Effect::PromoteVocabulary);
            }
        }
        HarvestAction::SetFamily(number) => match current(open, lang) {
            Some(group) => {
                let _ = set_family(app, &group, number, effects);
            }
            None => info(app, t::NOTHING_SELECTED.get(lang)),
        },
        HarvestAction::EditWording => match current(open, lang) {
            Some(group) => {
                app.popup = Some(Popup::Ask {
                    prompt: Prompt::Wording(group.anchor),
                    question: t::ASK_WORDING.get(lang).to_string(),
                    input: Box::new(LineInput::new(&group.wording)),
                });
            }
            None => info(app, t::NOTHING_SELECTED.get(lang)),
        },
        HarvestAction::ToggleExclude => match current(open, lang) {
            Some(group) if group.excluded => {
                decide(app, t::DID_INCLUDE, Some(group.anchor), effects, |d| d.include(&group.members));
            }
            Some(group) => {
                decide(app, t::DID_EXCLUDE, Some(group.anchor), effects, |d| d.exclude(group.anchor));
            }
            None => info(app, t::NOTHING_SELECTED.get(lang)),
        },
        HarvestAction::VoteUp => match current(open, lang) {
            Some(group) => {
                decide(app, t::DID_VOTE, Some(group.anchor), effects, |d| d.vote(group.anchor, 1));
            }
            None => info(app, t::NOTHING_SELECTED.get(lang)),
        },
        HarvestAction::VoteDown => match current(open, lang) {
            Some(group) => {
                // Take the vote back from a member that has one (the anchor first).
                let decisions = &open.session.decisions;
                let has_votes =
                    |id: &ProposalId| decisions.votes.iter().any(|v| v.proposal == *id && v.votes > 0);
                let from =
                    std::iter::once(&group.anchor).chain(&group.members).find(|id| has_votes(id)).copied();
                match from {
                    Some(id) => {
                        decide(app, t::DID_VOTE, Some(group.anchor), effects, |d| d.vote(id, -1));
                    }
                    None => info(app, t::NO_VOTE_TO_REMOVE.get(lang)),
                }
            }
            None => info(app, t::NOTHING_SELECTED.get(lang)),
        },
        HarvestAction::Accept | HarvestAction::Reject => {
            confirm(app, action == HarvestAction::Accept, effects)
        }
        HarvestAction::Undo => match open.harvest.undo.pop() {
            Some(step) => {
                open.session.decisions = if open.session.decisions == step.after {
                    step.decisions
                } else {
                    merge_decisions(&step.after, &step.decisions, &open.session.decisions)
                };
                if open.session.learned != step.learned {
                    open.session.learned = step.learned;
                    rebuild_engine(open);
                }
                refresh(open, lang);
                session_changed(open, effects);
                info(app, t::undone(lang, step.what));
            }
            None => info(app, t::NOTHING_TO_UNDO.get(lang)),
        },
    }
}

/// ↓ and ↑ on the board: along the column, then on to the next (or previous) column
/// that has conditions, so that ↓ alone walks through everything.
fn step_row(state: &mut HarvestState, session: &Session, down: bool, lang: Lang) {
    let cols = columns(&state.synthesis, session, state.tab, lang);
    let len = |c: usize| cols.get(c).map_or(0, |col| col.groups.len());
    if down {
        if state.row + 1 < len(state.column) {
            state.row += 1;
        } else if let Some(next) = (state.column + 1..cols.len()).find(|c| len(*c) > 0) {
            state.column = next;
            state.row = 0;
        }
    } else if state.row > 0 {
        state.row -= 1;
    } else if let Some(previous) = (0..state.column).rev().find(|c| len(*c) > 0) {
        state.column = previous;
        state.row = len(previous) - 1;
    }
}

/// Merges the marked group into the current one.
fn merge(app: &mut App, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(open) = app.open.as_ref() else { return };
    let Some(marked) = open.harvest.marked else {
        return info(app, t::MARK_FIRST.get(lang));
    };
    let Some(target) = current(open, lang) else {
        return info(app, t::NOTHING_SELECTED.get(lang));
    };
    if target.members.contains(&marked) {
        return info(app, t::SAME_GROUP.get(lang));
    }
    let kind = |id: ProposalId| open.session.proposal(id).map(|p| p.kind);
    if kind(marked) != kind(target.anchor) {
        return error(app, t::DIFFERENT_KINDS.get(lang));
    }
    let Some(source) = open.harvest.synthesis.group_of(marked).cloned() else {
        return info(app, t::MARK_FIRST.get(lang));
    };
    if decide(app, t::DID_MERGE, Some(target.anchor), effects, |d| join(d, &source, &target))
        && let Some(open) = app.open.as_mut()
    {
        open.harvest.marked = None;
    }
}

/// Puts every proposal of two groups in one condition. Each one is tied to the
/// target's anchor, so the whole group moves (not only the proposal named) and stays
/// together when proposals are added later.
fn join(decisions: &mut Decisions, source: &Group, target: &Group) {
    for id in source.members.iter().chain(&target.members) {
        if *id != target.anchor {
            decisions.merge(*id, target.anchor);
        }
    }
}

/// Splits the selected original wording out of the opened group.
fn split(app: &mut App, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(open) = app.open.as_mut() else { return };
    let Some(group) = current(open, lang) else {
        return info(app, t::NOTHING_SELECTED.get(lang));
    };
    if open.harvest.opened.is_none() {
        // On the board: open the condition, the wording to split is chosen there.
        open.harvest.opened = Some(group.anchor);
        open.harvest.member = 0;
        return info(app, t::wordings(lang, group.members.len()));
    }
    if group.members.len() < 2 {
        return info(app, t::ALONE.get(lang));
    }
    let proposal = group.members[open.harvest.member.min(group.members.len() - 1)];
    let others: Vec<ProposalId> = group.members.iter().copied().filter(|m| *m != proposal).collect();
    let stay = others[0];
    // The others stay together, as the room saw them.
    decide(app, t::DID_SPLIT, Some(stay), effects, |d| {
        d.split(proposal, &others);
        for other in &others[1..] {
            d.merge(stay, *other);
        }
    });
}

/// Asks the family of the current condition.
fn ask_family(app: &mut App) {
    let lang = app.lang;
    let Some(open) = app.open.as_ref() else { return };
    match current(open, lang) {
        Some(group) if open.session.proposal(group.anchor).is_some_and(|p| p.kind == Kind::Condition) => {
            let question = t::ask_family(lang, &family_choices(&open.session));
            app.popup = Some(Popup::Ask {
                prompt: Prompt::Family(group.anchor),
                question,
                input: Box::new(LineInput::default()),
            });
        }
        Some(_) => info(app, t::ONLY_CONDITIONS.get(lang)),
        None => info(app, t::NOTHING_SELECTED.get(lang)),
    }
}

/// Puts a condition in a family (the choice replaces any earlier one on the group).
fn set_family(app: &mut App, group: &Group, number: u8, effects: &mut Vec<Effect>) -> Result<(), String> {
    let lang = app.lang;
    let Some(open) = app.open.as_ref() else { return Ok(()) };
    if open.session.proposal(group.anchor).is_none_or(|p| p.kind != Kind::Condition) {
        info(app, t::ONLY_CONDITIONS.get(lang));
        return Ok(());
    }
    if !open.session.families.iter().any(|f| f.number == number) {
        let message = t::bad_family(lang, &number.to_string(), &family_choices(&open.session));
        error(app, message.clone());
        return Err(message);
    }
    decide(app, t::DID_FAMILY, Some(group.anchor), effects, |d| {
        d.clear_family(&group.members);
        d.set_family(group.anchor, number);
    });
    Ok(())
}

/// The family typed in the question popup.
pub fn answer_family(
    app: &mut App,
    id: ProposalId,
    typed: &str,
    effects: &mut Vec<Effect>,
) -> Result<(), String> {
    let lang = app.lang;
    let Some(open) = app.open.as_ref() else { return Ok(()) };
    let choices = family_choices(&open.session);
    let number = typed.trim().parse::<u8>().map_err(|_| t::bad_family(lang, typed.trim(), &choices))?;
    let group = open
        .harvest
        .synthesis
        .group_of(id)
        .cloned()
        .ok_or_else(|| t::NOTHING_SELECTED.get(lang).to_string())?;
    set_family(app, &group, number, effects)
}

/// The wording typed in the question popup (empty: back to the automatic wording).
pub fn answer_wording(
    app: &mut App,
    id: ProposalId,
    typed: &str,
    effects: &mut Vec<Effect>,
) -> Result<(), String> {
    let lang = app.lang;
    let Some(open) = app.open.as_ref() else { return Ok(()) };
    let group = open
        .harvest
        .synthesis
        .group_of(id)
        .cloned()
        .ok_or_else(|| t::NOTHING_SELECTED.get(lang).to_string())?;
    let text = crate::domain::session::clean_text(typed);
    decide(app, t::DID_WORDING, Some(group.anchor), effects, |d| {
        d.wordings.retain(|w| !group.members.contains(&w.proposal));
        d.set_wording(group.anchor, &text);
    });
    Ok(())
}

/// Answers the review's current question: yes (or the selected answer), or no.
fn confirm(app: &mut App, accept: bool, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(open) = app.open.as_ref() else { return };
    if open.harvest.tab != HarvestTab::Queue || open.harvest.opened.is_some() {
        return;
    }
    if !answer(app, if accept { Pick::Selected } else { Pick::No }, effects) {
        info(app, crate::i18n::review::HINT.get(lang));
    }
}

/// Esc on this screen: close the opened condition, drop the mark, go back to the
/// conditions. Returns whether something was closed (else the screen is left).
pub fn back(open: &mut OpenSession) -> bool {
    let state = &mut open.harvest;
    if state.opened.take().is_some() {
        return true;
    }
    if state.marked.take().is_some() {
        return true;
    }
    if state.tab != HarvestTab::Conditions {
        state.tab = HarvestTab::Conditions;
        return true;
    }
    false
}
