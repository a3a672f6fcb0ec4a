//! The Synthèse screen: the conditions grouped by the engine, in their families side by
//! side (stacked on narrow terminals), each with its support and votes; an opened
//! condition with its original wordings and why they were put together; the queue
//! « à valider » of uncertain merges and families; astuces and témoignages apart; the
//! charts for the room ([`super::charts`]).
//!
//! Every change the room asks for (merge, split, family, wording, exclusion, votes,
//! accepted or rejected suggestion) is a decision stored in `session.decisions`, saved
//! at once, and followed by a re-synthesis with the session's one [`crate::synth::Engine`].
//! Each change pushes a copy of the decisions before it, so any of them can be undone.
//!
//! Architecture invariant: this screen never groups proposals itself; what it shows is
//! `engine.synthesize(session)` as of the last change, and what it changes is
//! `session.decisions` only (never a proposal).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::domain::{Decisions, Kind, ProposalId, Session};
use crate::i18n::synthese as t;
use crate::i18n::{Lang, Text};
use crate::synth::{Group, Status as GroupStatus, Suggestion, Synthesis};
use crate::tui::action::{Action, SyntheseAction};
use crate::tui::app::session_changed;
use crate::tui::app::{App, OpenSession, Popup, Prompt, Status};
use crate::tui::effect::Effect;
use crate::tui::theme::Theme;
use crate::tui::widgets::{LineInput, fit, window};

/// The views of the screen, in the order of their tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SyntheseTab {
    /// The conditions, one column per family.
    #[default]
    Conditions,
    /// Astuces and témoignages, apart from the conditions.
    Others,
    /// Uncertain merges and families, one key each.
    Queue,
    /// Bars for the room: support per condition, proposals per family and per table.
    Chart,
}

impl SyntheseTab {
    pub const ALL: [SyntheseTab; 4] =
        [SyntheseTab::Conditions, SyntheseTab::Others, SyntheseTab::Queue, SyntheseTab::Chart];

    pub fn title(self) -> Text {
        match self {
            SyntheseTab::Conditions => t::TAB_CONDITIONS,
            SyntheseTab::Others => t::TAB_OTHERS,
            SyntheseTab::Queue => t::TAB_QUEUE,
            SyntheseTab::Chart => t::TAB_CHART,
        }
    }

    fn is_board(self) -> bool {
        matches!(self, SyntheseTab::Conditions | SyntheseTab::Others)
    }
}

/// The decisions as they were before a change, to undo it.
#[derive(Debug, Clone)]
pub struct UndoStep {
    pub decisions: Decisions,
    pub what: Text,
}

/// What the synthèse screen remembers.
#[derive(Debug, Clone, Default)]
pub struct SyntheseState {
    /// The synthèse of the session as of its last change.
    pub synthesis: Synthesis,
    pub tab: SyntheseTab,
    /// The selected column (family) of the board.
    pub column: usize,
    /// The selected condition in that column.
    pub row: usize,
    /// The opened condition, designated by one of its proposals.
    pub opened: Option<ProposalId>,
    /// The selected original wording of the opened condition.
    pub member: usize,
    /// The selected item of the queue.
    pub queue_row: usize,
    /// The condition marked to be merged, by one of its proposals.
    pub marked: Option<ProposalId>,
    /// The decisions before each change, newest last.
    pub undo: Vec<UndoStep>,
}

/// One column of the board: a family (or the conditions to classify), or the astuces,
/// or the témoignages.
#[derive(Debug, Clone)]
pub struct Column<'a> {
    pub heading: String,
    pub family: Option<u8>,
    pub kind: Kind,
    pub groups: Vec<&'a Group>,
}

/// The columns of a board tab, each sorted for the room: kept conditions first, then by
/// votes, support, number of proposals.
pub fn columns<'a>(
    synthesis: &'a Synthesis,
    session: &Session,
    tab: SyntheseTab,
    lang: Lang,
) -> Vec<Column<'a>> {
    let mut columns = if tab == SyntheseTab::Others {
        vec![
            Column {
                heading: t::ASTUCES.get(lang).to_string(),
                family: None,
                kind: Kind::Astuce,
                groups: synthesis.astuces.iter().collect(),
            },
            Column {
                heading: t::TEMOIGNAGES.get(lang).to_string(),
                family: None,
                kind: Kind::Temoignage,
                groups: synthesis.temoignages.iter().collect(),
            },
        ]
    } else {
        let mut columns: Vec<Column> = session
            .families
            .iter()
            .map(|f| Column {
                heading: format!("{} · {}", f.number, f.title_in(lang.is_english())),
                family: Some(f.number),
                kind: Kind::Condition,
                groups: Vec::new(),
            })
            .collect();
        let mut unclassified = Vec::new();
        for group in &synthesis.conditions {
            match group.family.and_then(|n| columns.iter().position(|c| c.family == Some(n))) {
                Some(i) => columns[i].groups.push(group),
                None => unclassified.push(group),
            }
        }
        if !unclassified.is_empty() || columns.is_empty() {
            columns.push(Column {
                heading: t::UNCLASSIFIED.get(lang).to_string(),
                family: None,
                kind: Kind::Condition,
                groups: unclassified,
            });
        }
        columns
    };
    for column in &mut columns {
        column.groups.sort_by(|a, b| {
            a.excluded
                .cmp(&b.excluded)
                .then(b.votes.cmp(&a.votes))
                .then(b.support.cmp(&a.support))
                .then(b.members.len().cmp(&a.members.len()))
                .then(a.anchor.cmp(&b.anchor))
        });
    }
    columns
}

/// One thing the room is asked to confirm.
#[derive(Debug, Clone, Copy)]
pub enum QueueItem<'a> {
    /// Two groups that look alike but were not merged.
    Merge { suggestion: &'a Suggestion, a: &'a Group, b: &'a Group },
    /// A condition whose family is uncertain (or missing).
    Family(&'a Group),
}

/// The queue « à valider »: merge suggestions (most similar first), then the kept
/// conditions whose family is uncertain or missing (most supported first).
pub fn queue(synthesis: &Synthesis) -> Vec<QueueItem<'_>> {
    let mut items: Vec<QueueItem> = synthesis
        .suggestions
        .iter()
        .filter_map(|s| {
            let a = synthesis.group_of(s.a)?;
            let b = synthesis.group_of(s.b)?;
            (a.anchor != b.anchor && !a.excluded && !b.excluded).then_some(QueueItem::Merge {
                suggestion: s,
                a,
                b,
            })
        })
        .collect();
    items.extend(
        synthesis
            .conditions
            .iter()
            .filter(|g| !g.excluded && (g.status == GroupStatus::ToValidate || g.family.is_none()))
            .map(QueueItem::Family),
    );
    items
}

/// The board is drawn in columns when each gets at least this many cells.
const MIN_COLUMN_WIDTH: u16 = 36;

/// Whether the board of `count` columns is stacked in an area this wide.
pub fn stacked(width: u16, count: usize) -> bool {
    count > 0 && width / (count as u16) < MIN_COLUMN_WIDTH
}

// ---------------------------------------------------------------------------------
// Update.

/// Computes the synthèse again from the session (after any change, and when the
/// screen is shown), keeping the selection in range.
pub fn refresh(open: &mut OpenSession, lang: Lang) {
    let synthesis = open.engine.synthesize(&open.session);
    open.synthese.synthesis = synthesis;
    clamp(open, lang);
}

/// Keeps every selection pointing at something that exists.
fn clamp(open: &mut OpenSession, lang: Lang) {
    let state = &mut open.synthese;
    let synthesis = &state.synthesis;
    if state.marked.is_some_and(|id| synthesis.group_of(id).is_none()) {
        state.marked = None;
    }
    match state.opened.and_then(|id| synthesis.group_of(id)) {
        Some(group) => state.member = state.member.min(group.members.len().saturating_sub(1)),
        None => state.opened = None,
    }
    let board_tab =
        if state.tab == SyntheseTab::Others { SyntheseTab::Others } else { SyntheseTab::Conditions };
    let cols = columns(synthesis, &open.session, board_tab, lang);
    state.column = state.column.min(cols.len().saturating_sub(1));
    let len = cols.get(state.column).map_or(0, |c| c.groups.len());
    state.row = state.row.min(len.saturating_sub(1));
    state.queue_row = state.queue_row.min(queue(synthesis).len().saturating_sub(1));
}

/// Selects (on the board and, if one is opened, in the opened view) the group that
/// contains `id`.
fn follow(open: &mut OpenSession, id: ProposalId, lang: Lang) {
    let state = &mut open.synthese;
    let Some(kind) = open.session.proposal(id).map(|p| p.kind) else { return };
    let board_tab = if kind == Kind::Condition { SyntheseTab::Conditions } else { SyntheseTab::Others };
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
    let state = &open.synthese;
    if let Some(id) = state.opened {
        return state.synthesis.group_of(id).cloned();
    }
    match state.tab {
        SyntheseTab::Conditions | SyntheseTab::Others => {
            let cols = columns(&state.synthesis, &open.session, state.tab, lang);
            cols.get(state.column).and_then(|c| c.groups.get(state.row)).map(|g| (*g).clone())
        }
        SyntheseTab::Queue => match queue(&state.synthesis).get(state.queue_row) {
            Some(QueueItem::Family(group)) => Some((*group).clone()),
            _ => None,
        },
        SyntheseTab::Chart => None,
    }
}

fn info(app: &mut App, text: impl Into<String>) {
    app.status = Some(Status::Info(text.into()));
}

fn error(app: &mut App, text: impl Into<String>) {
    app.status = Some(Status::Error(text.into()));
}

/// The ids as the room reads them (`p3, p17`).
fn ids(list: &[ProposalId]) -> String {
    list.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
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
    let dropped_before = open.synthese.synthesis.dropped.clone();
    open.synthese.undo.push(UndoStep { decisions: before, what });
    refresh(open, lang);
    if let Some(id) = follow_id {
        follow(open, id, lang);
        clamp(open, lang);
    }
    session_changed(open, effects);
    let dropped = open.synthese.synthesis.dropped.iter().find(|d| !dropped_before.contains(d)).cloned();
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
pub fn update(app: &mut App, action: SyntheseAction, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(open) = app.open.as_mut() else { return };
    let state = &mut open.synthese;
    match action {
        SyntheseAction::Up | SyntheseAction::Down => {
            let down = action == SyntheseAction::Down;
            if let Some(group) = state.opened.and_then(|id| state.synthesis.group_of(id)) {
                let last = group.members.len().saturating_sub(1);
                state.member =
                    if down { (state.member + 1).min(last) } else { state.member.saturating_sub(1) };
            } else if state.tab == SyntheseTab::Queue {
                let last = queue(&state.synthesis).len().saturating_sub(1);
                state.queue_row =
                    if down { (state.queue_row + 1).min(last) } else { state.queue_row.saturating_sub(1) };
            } else if state.tab.is_board() {
                step_row(state, &open.session, down, lang);
            }
        }
        SyntheseAction::Left | SyntheseAction::Right => {
            if state.tab.is_board() && state.opened.is_none() {
                let count = columns(&state.synthesis, &open.session, state.tab, lang).len();
                state.column = if action == SyntheseAction::Right {
                    (state.column + 1).min(count.saturating_sub(1))
                } else {
                    state.column.saturating_sub(1)
                };
                clamp(open, lang);
            }
        }
        SyntheseAction::Select { column, row } => {
            if state.tab.is_board() && state.opened.is_none() {
                if (state.column, state.row) == (column, row) {
                    return update(app, SyntheseAction::Open, effects);
                }
                state.column = column;
                state.row = row;
                clamp(open, lang);
            }
        }
        SyntheseAction::SelectMember(index) => state.member = index,
        SyntheseAction::SelectQueue(index) => state.queue_row = index,
        SyntheseAction::ShowTab(tab) => {
            state.tab = tab;
            state.opened = None;
            clamp(open, lang);
        }
        SyntheseAction::NextTab | SyntheseAction::PreviousTab => {
            let n = SyntheseTab::ALL.len();
            let i = SyntheseTab::ALL.iter().position(|t| *t == state.tab).unwrap_or(0);
            let next = if action == SyntheseAction::NextTab { (i + 1) % n } else { (i + n - 1) % n };
            state.tab = SyntheseTab::ALL[next];
            state.opened = None;
            clamp(open, lang);
        }
        SyntheseAction::Open => {
            if state.opened.is_none()
                && let Some(group) = current(open, lang)
            {
                open.synthese.opened = Some(group.anchor);
                open.synthese.member = 0;
            }
        }
        SyntheseAction::Mark => match current(open, lang) {
            Some(group) => {
                if open.synthese.marked.is_some_and(|id| group.members.contains(&id)) {
                    open.synthese.marked = None;
                    info(app, t::UNMARKED.get(lang));
                } else {
                    open.synthese.marked = Some(group.anchor);
                    info(app, t::marked(lang, &group.wording));
                }
            }
            None => info(app, t::NOTHING_SELECTED.get(lang)),
        },
        SyntheseAction::Merge => merge(app, effects),
        SyntheseAction::Split => split(app, effects),
        SyntheseAction::AskFamily => ask_family(app),
        SyntheseAction::SetFamily(number) => match current(open, lang) {
            Some(group) => {
                let _ = set_family(app, &group, number, effects);
            }
            None => info(app, t::NOTHING_SELECTED.get(lang)),
        },
        SyntheseAction::EditWording => match current(open, lang) {
            Some(group) => {
                app.popup = Some(Popup::Ask {
                    prompt: Prompt::Wording(group.anchor),
                    question: t::ASK_WORDING.get(lang).to_string(),
                    input: Box::new(LineInput::new(&group.wording)),
                });
            }
            None => info(app, t::NOTHING_SELECTED.get(lang)),
        },
        SyntheseAction::ToggleExclude => match current(open, lang) {
            Some(group) if group.excluded => {
                decide(app, t::DID_INCLUDE, Some(group.anchor), effects, |d| d.include(&group.members));
            }
            Some(group) => {
                decide(app, t::DID_EXCLUDE, Some(group.anchor), effects, |d| d.exclude(group.anchor));
            }
            None => info(app, t::NOTHING_SELECTED.get(lang)),
        },
        SyntheseAction::VoteUp => match current(open, lang) {
            Some(group) => {
                decide(app, t::DID_VOTE, Some(group.anchor), effects, |d| d.vote(group.anchor, 1));
            }
            None => info(app, t::NOTHING_SELECTED.get(lang)),
        },
        SyntheseAction::VoteDown => match current(open, lang) {
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
        SyntheseAction::Accept | SyntheseAction::Reject => {
            confirm(app, action == SyntheseAction::Accept, effects)
        }
        SyntheseAction::Undo => match open.synthese.undo.pop() {
            Some(step) => {
                open.session.decisions = step.decisions;
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
fn step_row(state: &mut SyntheseState, session: &Session, down: bool, lang: Lang) {
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
    let Some(marked) = open.synthese.marked else {
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
    let Some(source) = open.synthese.synthesis.group_of(marked).cloned() else {
        return info(app, t::MARK_FIRST.get(lang));
    };
    if decide(app, t::DID_MERGE, Some(target.anchor), effects, |d| join(d, &source, &target))
        && let Some(open) = app.open.as_mut()
    {
        open.synthese.marked = None;
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
    if open.synthese.opened.is_none() {
        // On the board: open the condition, the wording to split is chosen there.
        open.synthese.opened = Some(group.anchor);
        open.synthese.member = 0;
        return info(app, t::wordings(lang, group.members.len()));
    }
    if group.members.len() < 2 {
        return info(app, t::ALONE.get(lang));
    }
    let proposal = group.members[open.synthese.member.min(group.members.len() - 1)];
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
        .synthese
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
        .synthese
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

/// Accepts or rejects the selected item of the queue.
fn confirm(app: &mut App, accept: bool, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(open) = app.open.as_ref() else { return };
    if open.synthese.tab != SyntheseTab::Queue {
        return;
    }
    enum Item {
        Merge(Group, Group),
        Family(Group),
    }
    let item = match queue(&open.synthese.synthesis).get(open.synthese.queue_row) {
        Some(QueueItem::Merge { a, b, .. }) => Item::Merge((*a).clone(), (*b).clone()),
        Some(QueueItem::Family(group)) => Item::Family((*group).clone()),
        None => return info(app, t::NOTHING_TO_CONFIRM.get(lang)),
    };
    match (item, accept) {
        (Item::Merge(a, b), true) => {
            decide(app, t::DID_ACCEPT, None, effects, |d| join(d, &b, &a));
        }
        (Item::Merge(a, b), false) => {
            decide(app, t::DID_REJECT, None, effects, |d| d.reject(a.anchor, b.anchor));
        }
        (Item::Family(group), true) => match group.family {
            Some(number) => {
                let _ = set_family(app, &group, number, effects);
            }
            None => ask_family(app),
        },
        (Item::Family(_), false) => ask_family(app),
    }
}

/// Esc on this screen: close the opened condition, drop the mark, go back to the
/// conditions. Returns whether something was closed (else the screen is left).
pub fn back(open: &mut OpenSession) -> bool {
    let state = &mut open.synthese;
    if state.opened.take().is_some() {
        return true;
    }
    if state.marked.take().is_some() {
        return true;
    }
    if state.tab != SyntheseTab::Conditions {
        state.tab = SyntheseTab::Conditions;
        return true;
    }
    false
}

// ---------------------------------------------------------------------------------
// Drawing.

/// A horizontal bar of `width` cells for `value` out of `max`, in eighths of a cell;
/// with `track`, the rest is drawn light.
pub fn bar(value: usize, max: usize, width: usize, track: bool) -> String {
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let max = max.max(1);
    let eighths = (value.min(max) * width * 8).div_ceil(max);
    let full = eighths / 8;
    let mut out = "█".repeat(full);
    let mut used = full;
    if full < width && !eighths.is_multiple_of(8) {
        out.push_str(PARTS[eighths % 8]);
        used += 1;
    }
    let rest = width.saturating_sub(used);
    out.push_str(&(if track { "░" } else { " " }).repeat(rest));
    out
}

/// `text` in lines of at most `width` columns, broken at spaces (or inside a word
/// longer than a line).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let needed = if line.is_empty() { word.width() } else { line.width() + 1 + word.width() };
        if needed <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if line.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `●●● 3`: dots for the first votes, then the number.
fn votes_label(votes: u32, dots: usize) -> String {
    if votes == 0 {
        return String::new();
    }
    let shown = (votes as usize).min(dots);
    format!("{} {votes}", "●".repeat(shown))
}

/// The flags of a group: `?` family to confirm and `✓` family chosen (conditions
/// only), `✎` reworded.
fn flags(group: &Group, kind: Kind) -> String {
    let mut out = String::new();
    if kind == Kind::Condition {
        if group.status == GroupStatus::ToValidate
            || (group.family.is_none() && group.status != GroupStatus::Decided)
        {
            out.push('?');
        }
        if group.status == GroupStatus::Decided {
            out.push('✓');
        }
    }
    if group.edited {
        out.push('✎');
    }
    out
}

fn family_style(theme: &Theme, family: Option<u8>) -> Style {
    family.map_or_else(|| theme.warn(), |n| theme.family(n))
}

/// Draws the synthèse screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(open) = app.open.as_ref() else { return };
    let state = &open.synthese;
    let [tabs_area, info_area, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Min(1)]).areas(area);
    render_tabs(app, open, tabs_area, buf);
    render_info(app, open, info_area, buf);
    if open.session.proposals.is_empty() {
        Paragraph::new(t::NO_PROPOSALS.get(app.lang))
            .style(app.theme.muted())
            .wrap(Wrap { trim: true })
            .render(body, buf);
        return;
    }
    if let Some(group) = state.opened.and_then(|id| state.synthesis.group_of(id)) {
        return render_detail(app, open, group, body, buf);
    }
    match state.tab {
        SyntheseTab::Conditions | SyntheseTab::Others => render_board(app, open, body, buf),
        SyntheseTab::Queue => render_queue(app, open, body, buf),
        SyntheseTab::Chart => super::charts::render(app, open, body, buf),
    }
}

/// ` Conditions (44)  Astuces et témoignages (20)  À valider (7)  Graphiques `
fn render_tabs(app: &App, open: &OpenSession, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, &app.theme);
    let synthesis = &open.synthese.synthesis;
    let kept = |groups: &[Group]| groups.iter().filter(|g| !g.excluded).count();
    let mut x = area.x;
    for tab in SyntheseTab::ALL {
        let label = match tab {
            SyntheseTab::Conditions => {
                format!(" {} ({}) ", tab.title().get(lang), kept(&synthesis.conditions))
            }
            SyntheseTab::Others => format!(
                " {} ({}) ",
                tab.title().get(lang),
                kept(&synthesis.astuces) + kept(&synthesis.temoignages)
            ),
            SyntheseTab::Queue => format!(" {} ", t::queue_heading(lang, queue(synthesis).len())),
            SyntheseTab::Chart => format!(" {} ", tab.title().get(lang)),
        };
        let width = label.width() as u16;
        if x + width > area.right() {
            break;
        }
        let cell = Rect { x, width, ..area };
        let style = if tab == open.synthese.tab { theme.selected() } else { theme.muted() };
        Paragraph::new(Span::styled(label, style)).render(cell, buf);
        app.hit(cell, Action::Synthese(SyntheseAction::ShowTab(tab)));
        x += width + 1;
    }
}

/// The summary line, or the marked condition, and the dropped decisions if any.
fn render_info(app: &App, open: &OpenSession, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, &app.theme);
    let synthesis = &open.synthese.synthesis;
    let mut right = area.right();
    if !synthesis.dropped.is_empty() {
        let text = format!(" {}", t::dropped_count(lang, synthesis.dropped.len()));
        let width = (text.width() as u16).min(area.width / 2);
        right -= width;
        let cell = Rect { x: right, width, ..area };
        Paragraph::new(Span::styled(fit(&text, width as usize), theme.warn())).render(cell, buf);
        app.hit(cell, Action::Synthese(SyntheseAction::ShowTab(SyntheseTab::Queue)));
    }
    let left = Rect { width: right - area.x, ..area };
    let marked = open.synthese.marked.and_then(|id| synthesis.group_of(id));
    let (text, style) = match marked {
        Some(group) => (t::marked(lang, &group.wording), theme.warn()),
        None => (
            t::summary(
                lang,
                open.session.proposals.len(),
                synthesis.conditions.iter().filter(|g| !g.excluded).count(),
                synthesis.astuces.iter().filter(|g| !g.excluded).count(),
                synthesis.temoignages.iter().filter(|g| !g.excluded).count(),
            ),
            theme.muted(),
        ),
    };
    Paragraph::new(Span::styled(fit(&text, left.width as usize), style)).render(left, buf);
}

/// The families side by side (or stacked), or the astuces and témoignages.
fn render_board(app: &App, open: &OpenSession, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, &app.theme);
    let state = &open.synthese;
    let cols = columns(&state.synthesis, &open.session, state.tab, lang);
    if cols.is_empty() {
        return;
    }
    let [board, legend] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    Paragraph::new(Line::styled(fit(t::LEGEND.get(lang), legend.width as usize), theme.muted()))
        .render(legend, buf);
    let tables = open.session.tables.len().max(1);
    if stacked(board.width, cols.len()) {
        render_stacked(app, open, &cols, tables, board, buf);
        return;
    }
    // The families share the width; « À classer » gets a narrower column.
    let widths: Vec<Constraint> = cols
        .iter()
        .map(|c| Constraint::Fill(if c.family.is_some() || cols.len() < 3 { 3 } else { 2 }))
        .collect();
    let areas = Layout::horizontal(widths).spacing(1).split(board);
    let heading = |column: &Column| {
        format!("{} ({})", column.heading, column.groups.iter().filter(|g| !g.excluded).count())
    };
    // Every column keeps the same room for its heading, so the conditions line up.
    let heading_rows = cols
        .iter()
        .zip(areas.iter())
        .map(|(column, area)| wrap(&heading(column), area.width.saturating_sub(2) as usize).len().min(2))
        .max()
        .unwrap_or(1) as u16;
    for (c, (column, column_area)) in cols.iter().zip(areas.iter()).enumerate() {
        let focused = c == state.column;
        let border = if focused { theme.accent() } else { theme.border() };
        let block = Block::bordered().border_style(border);
        let inner = block.inner(*column_area);
        block.render(*column_area, buf);
        // The family's name in full (on two lines if needed), then its conditions.
        let mut heading_lines = wrap(&heading(column), inner.width as usize);
        if heading_lines.len() > 2 {
            let rest = heading_lines[1..].join(" ");
            heading_lines.truncate(1);
            heading_lines.push(fit(&rest, inner.width as usize));
        }
        let heading_style = family_style(theme, column.family).add_modifier(Modifier::BOLD);
        for (i, line) in heading_lines.iter().enumerate() {
            let row = Rect { y: inner.y + i as u16, height: 1, ..inner };
            if row.y < inner.bottom() {
                Paragraph::new(Span::styled(line.clone(), heading_style)).render(row, buf);
            }
        }
        let skip = (heading_rows + 1).min(inner.height);
        let inner = Rect { y: inner.y + skip, height: inner.height - skip, ..inner };
        if column.groups.is_empty() {
            Paragraph::new(Span::styled(t::NONE.get(lang), theme.muted())).render(inner, buf);
            continue;
        }
        // Wordings wrapped on up to three lines (two when the column is full).
        let text_width = (inner.width as usize).saturating_sub(2);
        let wrapped: Vec<Vec<String>> = column.groups.iter().map(|g| wrap(&g.wording, text_width)).collect();
        let available = inner.height as usize;
        let total = |most: usize| wrapped.iter().map(|w| w.len().min(most) + 1).sum::<usize>();
        let most = if total(3) <= available { 3 } else { 2 };
        let heights: Vec<usize> = wrapped.iter().map(|w| w.len().min(most) + 1).collect();
        let selected = if focused { state.row.min(heights.len() - 1) } else { 0 };
        let mut first = 0;
        while first < selected && heights[first..=selected].iter().sum::<usize>() > available {
            first += 1;
        }
        let mut y = inner.y;
        for index in first..column.groups.len() {
            let height = heights[index] as u16;
            if y + height > inner.bottom() {
                break;
            }
            let group = column.groups[index];
            let mut lines = wrapped[index].clone();
            if lines.len() > most {
                let rest = lines[most..].join(" ");
                lines.truncate(most);
                let last = format!("{} {rest}", lines[most - 1]);
                lines[most - 1] = fit(&last, text_width);
            }
            let item = Rect { y, height, ..inner };
            render_item(
                app,
                open,
                group,
                column.kind,
                &lines,
                tables,
                focused && index == state.row,
                item,
                buf,
            );
            app.hit(item, Action::Synthese(SyntheseAction::Select { column: c, row: index }));
            y += height;
        }
    }
}

/// One condition in a column: its wording (already wrapped), then its bar, support,
/// votes and flags.
#[allow(clippy::too_many_arguments)]
fn render_item(
    app: &App,
    open: &OpenSession,
    group: &Group,
    kind: Kind,
    lines: &[String],
    tables: usize,
    selected: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let (lang, theme) = (app.lang, &app.theme);
    let width = area.width as usize;
    let marked = open.synthese.marked.is_some_and(|id| group.members.contains(&id));
    let mut style = if selected { theme.selected() } else { theme.base() };
    if group.excluded {
        style = style.patch(theme.muted()).add_modifier(Modifier::CROSSED_OUT);
    }
    for (i, text) in lines.iter().enumerate() {
        let y = area.y + i as u16;
        if y + 1 >= area.bottom() {
            break;
        }
        let pointer = if selected && i == 0 { "▸" } else { " " };
        let mark = if marked && i == 0 { "◆" } else { " " };
        let line = Line::from(vec![
            Span::styled(format!("{pointer}{mark}"), theme.warn()),
            Span::styled(fit(text, width.saturating_sub(2)), style),
        ]);
        Paragraph::new(line).render(Rect { y, height: 1, ..area }, buf);
    }
    if area.height < 2 {
        return;
    }
    let bar_width = (width / 4).clamp(4, 12);
    let mut spans = vec![
        Span::raw("  "),
        Span::styled(bar(group.support, tables, bar_width, true), family_style(theme, group.family)),
        Span::styled(format!(" {}", t::tables(lang, group.support)), theme.base()),
    ];
    if group.votes > 0 {
        spans.push(Span::styled(format!("  {}", votes_label(group.votes, 5)), theme.warn()));
    }
    let flags = flags(group, kind);
    if !flags.is_empty() {
        spans.push(Span::styled(format!("  {flags}"), theme.accent()));
    }
    if group.excluded {
        spans.push(Span::styled(format!("  {}", t::EXCLUDED_TAG.get(lang)), theme.muted()));
    }
    Paragraph::new(Line::from(spans)).render(Rect { y: area.bottom() - 1, height: 1, ..area }, buf);
}

/// The board as one list: a heading per family, one line per condition.
fn render_stacked(
    app: &App,
    open: &OpenSession,
    cols: &[Column],
    tables: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let (lang, theme) = (app.lang, &app.theme);
    let state = &open.synthese;
    // Rows: (column, None) for a heading, (column, Some(row)) for a condition.
    let mut rows: Vec<(usize, Option<usize>)> = Vec::new();
    let mut selected_at = 0;
    for (c, column) in cols.iter().enumerate() {
        rows.push((c, None));
        if column.groups.is_empty() && c == state.column {
            selected_at = rows.len() - 1;
        }
        for r in 0..column.groups.len() {
            if (c, r) == (state.column, state.row) {
                selected_at = rows.len();
            }
            rows.push((c, Some(r)));
        }
    }
    let height = area.height as usize;
    let mut range = window(rows.len(), selected_at, height);
    // Show the family's heading above its first condition.
    if state.row == 0 && range.start == selected_at && range.start > 0 {
        range = range.start - 1..(range.end - 1).max(range.start);
    }
    let width = area.width as usize;
    let right_width = 30.min(width / 2);
    for (offset, &(c, row)) in rows[range].iter().enumerate() {
        let line_area = Rect { y: area.y + offset as u16, height: 1, ..area };
        let column = &cols[c];
        match row {
            None => {
                let heading = format!(
                    "── {} ({}) ",
                    column.heading,
                    column.groups.iter().filter(|g| !g.excluded).count()
                );
                let mut line = fit(&heading, width);
                if column.groups.is_empty() {
                    line = fit(&format!("{heading} {}", t::NONE.get(lang)), width);
                }
                let style = family_style(theme, column.family).add_modifier(Modifier::BOLD);
                Paragraph::new(Span::styled(line, style)).render(line_area, buf);
            }
            Some(r) => {
                let group = column.groups[r];
                let selected = (c, r) == (state.column, state.row);
                let marked = state.marked.is_some_and(|id| group.members.contains(&id));
                let mut style = if selected { theme.selected() } else { theme.base() };
                if group.excluded {
                    style = style.patch(theme.muted()).add_modifier(Modifier::CROSSED_OUT);
                }
                let mut right = format!(" {} ", bar(group.support, tables, 6, true));
                let support = t::tables(lang, group.support);
                let votes = if group.votes > 0 { format!(" ●{}", group.votes) } else { String::new() };
                let tail = format!("{support}{votes} {}", flags(group, column.kind));
                right.push_str(&tail);
                let text_width = width.saturating_sub(2 + right_width);
                let line = Line::from(vec![
                    Span::styled(
                        format!("{}{}", if selected { "▸" } else { " " }, if marked { "◆" } else { " " }),
                        theme.warn(),
                    ),
                    Span::styled(fit(&group.wording, text_width), style),
                    Span::styled(fit(&right, right_width), family_style(theme, group.family)),
                ]);
                Paragraph::new(line).render(line_area, buf);
                app.hit(line_area, Action::Synthese(SyntheseAction::Select { column: c, row: r }));
            }
        }
    }
}

/// The opened condition: wording, support, votes, family, why its proposals were put
/// together, and each original wording with its table and round.
fn render_detail(app: &App, open: &OpenSession, group: &Group, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, &app.theme);
    let session = &open.session;
    let kind = session.proposal(group.anchor).map_or(Kind::Condition, |p| p.kind);
    let kind_label = match kind {
        Kind::Condition => t::CONDITION,
        Kind::Astuce => t::ASTUCE,
        Kind::Temoignage => t::TEMOIGNAGE,
    };
    let family = group.family.and_then(|n| session.families.iter().find(|f| f.number == n));
    let title = match family {
        Some(f) if kind == Kind::Condition => {
            format!(
                " {} · {} {} — {} ",
                kind_label.get(lang),
                t::FAMILY.get(lang),
                f.number,
                f.title_in(lang.is_english())
            )
        }
        _ => format!(" {} ", kind_label.get(lang)),
    };
    let block = Block::bordered()
        .title(Span::styled(title, family_style(theme, group.family).add_modifier(Modifier::BOLD)))
        .border_style(theme.accent());
    let inner = block.inner(area);
    block.render(area, buf);
    let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    let width = inner.width as usize;

    // The header, wrapped to the width: (text, style) per paragraph.
    let mut paragraphs: Vec<(String, Style)> = Vec::new();
    let mut wording_style = theme.accent();
    if group.excluded {
        wording_style = wording_style.add_modifier(Modifier::CROSSED_OUT);
    }
    paragraphs.push((format!("« {} »", group.wording), wording_style));
    if group.edited {
        paragraphs.push((t::REWORDED.get(lang).to_string(), theme.muted()));
    }
    if group.excluded {
        paragraphs.push((t::EXCLUDED_NOTE.get(lang).to_string(), theme.warn()));
    }
    let tables_text = group.tables.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
    let mut support = vec![
        Span::styled(format!("{} ", t::SUPPORT.get(lang)), theme.muted()),
        Span::styled(
            bar(group.support, session.tables.len().max(1), 12, true),
            family_style(theme, group.family),
        ),
        Span::styled(format!(" {}", t::tables_list(lang, group.support, &tables_text)), theme.base()),
    ];
    if group.votes > 0 {
        support.push(Span::styled(format!("   {} ", t::VOTES.get(lang)), theme.muted()));
        support.push(Span::styled(votes_label(group.votes, 10), theme.warn()));
    }
    if kind == Kind::Condition {
        let status = match group.status {
            GroupStatus::Decided => t::CHOSEN.get(lang).to_string(),
            other => t::confidence(
                lang,
                crate::i18n::synth::status(lang, other),
                (group.confidence * 100.0).round() as u32,
            ),
        };
        let family_text = match family {
            Some(f) => {
                format!("{} {} · {} — {status}", t::FAMILY.get(lang), f.number, f.title_in(lang.is_english()))
            }
            None => format!("{} : {}", t::FAMILY.get(lang), t::NO_FAMILY.get(lang)),
        };
        paragraphs.push((family_text, theme.base()));
    }
    let concepts = if group.explanation.shared_concepts.is_empty() {
        t::NOTHING_SHARED.get(lang).to_string()
    } else {
        group.explanation.shared_concepts.join(" · ")
    };
    let why = if group.members.len() > 1 { t::WHY } else { t::WHY_ALONE };
    paragraphs.push((format!("{} : {concepts}", why.get(lang)), theme.base()));
    if let Some(seed) = &group.explanation.closest_seed {
        paragraphs.push((format!("{} : « {seed} »", t::CLOSEST_SEED.get(lang)), theme.muted()));
    }
    let mut lines: Vec<Line> = Vec::new();
    let (first, rest) = paragraphs.split_first().map_or((None, &[][..]), |(f, r)| (Some(f), r));
    if let Some((text, style)) = first {
        lines.extend(wrap(text, width).into_iter().map(|l| Line::styled(l, *style)));
    }
    lines.push(Line::from(support));
    for (text, style) in rest {
        lines.extend(wrap(text, width).into_iter().map(|l| Line::styled(l, *style)));
    }
    let header_height = (lines.len() as u16).min(inner.height.saturating_sub(3));
    Paragraph::new(lines).render(Rect { height: header_height, ..inner }, buf);

    let list_top = inner.y + header_height + 1;
    if list_top + 1 >= inner.bottom() {
        return;
    }
    let heading = Rect { y: list_top, height: 1, ..inner };
    Paragraph::new(Span::styled(fit(&t::wordings(lang, group.members.len()), width), theme.accent()))
        .render(heading, buf);
    let list = Rect { y: list_top + 1, height: inner.bottom() - list_top - 1, ..inner };
    let state = &open.synthese;
    for (offset, index) in window(group.members.len(), state.member, list.height as usize).enumerate() {
        let id = group.members[index];
        let row = Rect { y: list.y + offset as u16, height: 1, ..list };
        let selected = index == state.member;
        let (origin, text) = match session.proposal(id) {
            Some(p) => (t::origin(lang, p.table, p.round), p.text.as_str()),
            None => (String::new(), ""),
        };
        let prefix =
            format!("{} {:<5} {} ", if selected { "▸" } else { " " }, id.to_string(), fit(&origin, 18));
        let text_width = width.saturating_sub(prefix.width());
        let style = if selected { theme.selected() } else { theme.base() };
        Paragraph::new(Line::from(vec![
            Span::styled(prefix, theme.muted()),
            Span::styled(fit(text, text_width), style),
        ]))
        .render(row, buf);
        app.hit(row, Action::Synthese(SyntheseAction::SelectMember(index)));
    }
}

/// The queue « à valider », then the dropped decisions.
fn render_queue(app: &App, open: &OpenSession, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, &app.theme);
    let state = &open.synthese;
    let session = &open.session;
    let width = area.width as usize;
    let items = queue(&state.synthesis);
    // Every line with the item it belongs to, so a click selects it.
    let mut lines: Vec<(Line, Option<usize>)> = Vec::new();
    lines.push((Line::styled(fit(t::QUEUE_HINT.get(lang), width), theme.muted()), None));
    if items.is_empty() {
        lines.push((Line::styled(t::QUEUE_EMPTY.get(lang), theme.ok()), None));
    }
    let support = |g: &Group| t::tables(lang, g.support);
    for (i, item) in items.iter().enumerate() {
        let selected = i == state.queue_row;
        let pointer = if selected { "▸ " } else { "  " };
        let head_style = if selected { theme.selected() } else { theme.accent() };
        lines.push((Line::default(), Some(i)));
        match item {
            QueueItem::Merge { suggestion, a, b } => {
                let percent = (suggestion.similarity * 100.0).round() as u32;
                let head = format!(
                    "{pointer}{} {}",
                    t::SAME_IDEA.get(lang),
                    t::similar(lang, percent, &suggestion.shared_concepts.join(", "))
                );
                lines.push((Line::styled(fit(&head, width), head_style), Some(i)));
                for g in [a, b] {
                    let text = format!("    « {} » — {}", g.wording, support(g));
                    lines.push((Line::styled(fit(&text, width), theme.base()), Some(i)));
                }
            }
            QueueItem::Family(group) => {
                let guess = group.family.and_then(|n| session.families.iter().find(|f| f.number == n));
                let guess = match guess {
                    Some(f) => t::confidence(
                        lang,
                        &format!("→ {} · {}", f.number, f.title_in(lang.is_english())),
                        (group.confidence * 100.0).round() as u32,
                    ),
                    None => format!("→ {}", t::NO_FAMILY.get(lang)),
                };
                let head = format!("{pointer}{} {guess}", t::WHICH_FAMILY.get(lang));
                lines.push((Line::styled(fit(&head, width), head_style), Some(i)));
                let text = format!("    « {} » — {}", group.wording, support(group));
                lines.push((Line::styled(fit(&text, width), family_style(theme, group.family)), Some(i)));
            }
        }
    }
    if !state.synthesis.dropped.is_empty() {
        lines.push((Line::default(), None));
        lines.push((Line::styled(t::DROPPED_HEADING.get(lang), theme.warn()), None));
        for d in &state.synthesis.dropped {
            let text = format!(
                "  ⚠ {}",
                crate::i18n::synth::dropped(lang, d.decision, d.reason, &ids(&d.proposals))
            );
            lines.push((Line::styled(fit(&text, width), theme.warn()), None));
        }
    }
    // Scroll so that the selected item is in view.
    let height = area.height as usize;
    let first = lines.iter().position(|(_, owner)| *owner == Some(state.queue_row)).unwrap_or(0);
    let last = lines.iter().rposition(|(_, owner)| *owner == Some(state.queue_row)).unwrap_or(0);
    let start = if last + 1 > height { (last + 1 - height).min(first) } else { 0 };
    for (offset, (line, owner)) in lines.into_iter().skip(start).take(height).enumerate() {
        let row = Rect { y: area.y + offset as u16, height: 1, ..area };
        Paragraph::new(line).render(row, buf);
        if let Some(i) = owner {
            app.hit(row, Action::Synthese(SyntheseAction::SelectQueue(i)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_by_eighths() {
        assert_eq!(bar(0, 4, 4, true), "░░░░");
        assert_eq!(bar(4, 4, 4, true), "████");
        assert_eq!(bar(2, 4, 4, false), "██  ");
        assert_eq!(bar(1, 3, 4, false).chars().count(), 4);
        assert_eq!(bar(9, 4, 3, true), "███", "clamped to the maximum");
        assert_eq!(bar(1, 0, 2, true), "██", "a zero maximum never divides by zero");
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_inside_long_words() {
        assert_eq!(wrap("un deux trois", 7), vec!["un deux", "trois"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), vec![""]);
        assert_eq!(wrap("été où", 3), vec!["été", "où"]);
    }

    #[test]
    fn narrow_terminals_stack_the_families() {
        assert!(stacked(78, 3));
        assert!(!stacked(158, 3));
        assert!(!stacked(78, 2));
    }

    #[test]
    fn votes_show_dots_then_the_count() {
        assert_eq!(votes_label(0, 5), "");
        assert_eq!(votes_label(3, 5), "●●● 3");
        assert_eq!(votes_label(12, 5), "●●●●● 12");
    }
}
