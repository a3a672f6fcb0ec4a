//! The guided review in the Synthèse screen (the tab that replaced the queue « à
//! valider »): one question at a time, the most useful first — « Ces deux propositions
//! disent-elles la même chose ? », « Où va cette proposition ? », « Dans quelle
//! famille ? » —, a progress bar and what is left to check. Each answer is recorded by
//! [`crate::synth::review::answer::decide`] (a decision, and what it teaches the
//! session's vocabulary), then the synthèse and the questions are computed again.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::labels::ids;
use super::state::UndoStep;
use crate::domain::ProposalId;
use crate::i18n::Lang;
use crate::i18n::review as r;
use crate::synth::review::answer::{Decision, decide};
use crate::synth::review::{Ask, Question};
use crate::tui::action::{Action, HarvestAction};
use crate::tui::app::{App, OpenSession, Status, session_changed};
use crate::tui::effect::Effect;
use crate::tui::widgets::fit;
use crate::tui::widgets::meter::meter;

/// The key pressed to answer the current question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// Enter, `o`, `y`: the selected answer (« oui », the selected condition, the
    /// selected family).
    Selected,
    /// `n`: « non », or « seule » for a proposal to place.
    No,
    /// A digit: that family, or that candidate condition.
    Digit(u8),
}

/// The decision a key gives for a question (`None`: the key does not answer it).
fn decision(question: &Question, pick: Pick, selected: usize, families: &[u8]) -> Option<Decision> {
    match (&question.ask, pick) {
        (Ask::Same { a, b, .. }, Pick::Selected) if selected == 0 => Some(Decision::Same(*a, *b)),
        (Ask::Same { a, b, .. }, Pick::Selected | Pick::No) => Some(Decision::Apart(*a, *b)),
        (Ask::Place { proposal, candidates }, Pick::Selected) => match candidates.get(selected) {
            Some(c) => Some(Decision::Move(*proposal, c.proposal)),
            None => Some(Decision::Alone(*proposal)),
        },
        (Ask::Place { proposal, .. }, Pick::No) => Some(Decision::Alone(*proposal)),
        (Ask::Place { proposal, candidates }, Pick::Digit(n)) => {
            candidates.get(usize::from(n).checked_sub(1)?).map(|c| Decision::Move(*proposal, c.proposal))
        }
        (Ask::Family { proposal, .. }, Pick::Selected) => {
            families.get(selected).map(|n| Decision::Family(*proposal, *n))
        }
        (Ask::Family { proposal, .. }, Pick::Digit(n)) => {
            families.contains(&n).then_some(Decision::Family(*proposal, n))
        }
        _ => None,
    }
}

/// The answer selected when a question is shown: « oui », the best candidate, the
/// family the engine suggests.
pub fn default_answer(question: Option<&Question>, families: &[u8]) -> usize {
    match question.map(|q| &q.ask) {
        Some(Ask::Family { suggested: Some(n), .. }) => families.iter().position(|f| f == n).unwrap_or(0),
        _ => 0,
    }
}

/// « Plus de question », with the conditions only one table proposed, which the
/// facilitator may still join by hand.
fn nothing_left(open: &OpenSession, lang: Lang) -> String {
    let lone = open.harvest.synthesis.conditions.iter().filter(|c| !c.excluded && c.support == 1).count();
    r::nothing_left(lang, lone)
}

fn families_of(open: &OpenSession) -> Vec<u8> {
    open.session.families.iter().map(|f| f.number).collect()
}

/// Answers the current question; returns whether the key was an answer.
pub fn answer(app: &mut App, pick: Pick, effects: &mut Vec<Effect>) -> bool {
    let lang = app.lang;
    let Some(open) = app.open.as_mut() else { return false };
    let Some(question) = open.harvest.question().cloned() else {
        app.status = Some(Status::Info(nothing_left(open, lang)));
        return true;
    };
    let families = families_of(open);
    let Some(decision) = decision(&question, pick, open.harvest.queue_row, &families) else { return false };
    let mut step = UndoStep {
        decisions: open.session.decisions.clone(),
        after: Default::default(),
        learned: open.session.learned.clone(),
        what: r::DID_ANSWER,
    };
    let before = open.harvest.synthesis.clone();
    let lesson = match decide(&open.engine, &mut open.session, &before, &decision) {
        Ok(lesson) => lesson,
        Err(refused) => {
            app.status = Some(Status::Error(r::refused(lang, &refused)));
            return true;
        }
    };
    step.after = open.session.decisions.clone();
    open.harvest.undo.push(step);
    if lesson.is_some() {
        rebuild_engine(open);
    }
    open.harvest.refresh(&open.engine, &open.session, lang);
    open.harvest.queue_row = default_answer(open.harvest.question(), &families);
    session_changed(open, effects);
    let changes = crate::synth::review::answer::changes(&before, &open.harvest.synthesis);
    let mut message = r::changes(lang, &changes).join(" ");
    if let Some(lesson) = &lesson {
        message = format!("{message} {}", r::lesson(lang, lesson));
    }
    app.status = Some(Status::Info(message));
    true
}

/// « passer »: the question comes back only when the screen is opened again.
pub fn skip(app: &mut App) {
    let lang = app.lang;
    let Some(open) = app.open.as_mut() else { return };
    match open.harvest.question().map(|q| (q.kind(), q.first())) {
        Some(key) => {
            open.harvest.skipped.push(key);
            let families = families_of(open);
            open.harvest.queue_row = default_answer(open.harvest.question(), &families);
        }
        None => app.status = Some(Status::Info(nothing_left(open, lang))),
    }
}

/// The session's engine with what the session learned (after an answer taught a word,
/// or after undoing one).
pub fn rebuild_engine(open: &mut OpenSession) {
    let knowledge = crate::store::assets::knowledge();
    open.engine = Arc::new(knowledge.engine_succeeding(&open.engine, &open.session, &open.user_learned));
}

/// Draws the current question, its answers and the progress.
pub(super) fn render_review(app: &App, open: &OpenSession, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, &app.theme);
    let state = &open.harvest;
    let width = area.width as usize;
    let progress = state.review.progress;
    let mut lines: Vec<(Line, Option<usize>)> = Vec::new();
    let bar_width = (width / 4).clamp(8, 40);
    let bar = meter(progress.answered, progress.answered + progress.left, bar_width, true);
    let left = r::progress(lang, progress.answered, progress.left, progress.expected_changes);
    lines.push((
        Line::from(vec![
            Span::styled(format!("{} ", r::TITLE.get(lang)), theme.accent()),
            Span::styled(bar, theme.ok()),
            Span::styled(fit(&format!(" {left}"), width.saturating_sub(bar_width + 16)), theme.muted()),
        ]),
        None,
    ));
    lines.push((Line::styled(fit(r::HINT.get(lang), width), theme.muted()), None));
    lines.push((Line::default(), None));
    let text = |id: ProposalId| {
        open.session.proposal(id).map_or_else(String::new, |p| {
            format!("« {} » — {}", crate::domain::session::clean_text(&p.text), r::table(lang, p.table))
        })
    };
    match state.question() {
        None => lines.push((Line::styled(fit(&nothing_left(open, lang), width), theme.ok()), None)),
        Some(question) => {
            let option = |i: usize, label: String, lines: &mut Vec<(Line, Option<usize>)>| {
                let selected = i == state.queue_row;
                let style = if selected { theme.selected() } else { theme.base() };
                let pointer = if selected { "▸ " } else { "  " };
                lines.push((Line::styled(fit(&format!("{pointer}{label}"), width), style), Some(i)));
            };
            match &question.ask {
                Ask::Same { a, b, .. } => {
                    lines.push((Line::styled(fit(r::ASK_SAME.get(lang), width), theme.accent()), None));
                    lines.push((Line::styled(fit(&format!("    {}", text(*a)), width), theme.base()), None));
                    lines.push((Line::styled(fit(&format!("    {}", text(*b)), width), theme.base()), None));
                    lines.push((Line::default(), None));
                    option(0, format!("o  {}", r::YES.get(lang)), &mut lines);
                    option(1, format!("n  {}", r::NO.get(lang)), &mut lines);
                }
                Ask::Place { proposal, candidates } => {
                    lines.push((Line::styled(fit(r::ASK_PLACE.get(lang), width), theme.accent()), None));
                    let line = format!("    {}", text(*proposal));
                    lines.push((Line::styled(fit(&line, width), theme.base()), None));
                    lines.push((Line::default(), None));
                    for (i, c) in candidates.iter().enumerate() {
                        let here =
                            if c.current { format!(" {}", r::HERE_NOW.get(lang)) } else { String::new() };
                        option(i, format!("{}  {}{here}", i + 1, text(c.proposal)), &mut lines);
                    }
                    option(candidates.len(), format!("n  {}", r::ALONE.get(lang)), &mut lines);
                }
                Ask::Family { proposal, suggested, .. } => {
                    lines.push((Line::styled(fit(r::ASK_FAMILY.get(lang), width), theme.accent()), None));
                    let wording = state
                        .synthesis
                        .group_of(*proposal)
                        .map_or_else(String::new, |g| format!("    « {} » — {}", g.wording, ids(&g.members)));
                    lines.push((Line::styled(fit(&wording, width), theme.base()), None));
                    lines.push((Line::default(), None));
                    for (i, f) in open.session.families.iter().enumerate() {
                        let mark = if Some(f.number) == *suggested { " ◂" } else { "" };
                        let label = format!("{}  {}{mark}", f.number, f.title_in(lang.is_english()));
                        option(i, label, &mut lines);
                    }
                }
            }
            lines.push((Line::default(), None));
            let why = r::worth(lang, question.chance, question.worth);
            lines.push((Line::styled(fit(&why, width), theme.muted()), None));
        }
    }
    if !state.synthesis.dropped.is_empty() {
        lines.push((Line::default(), None));
        lines.push((Line::styled(crate::i18n::harvest::DROPPED_HEADING.get(lang), theme.warn()), None));
        for d in &state.synthesis.dropped {
            let text = format!(
                "  ⚠ {}",
                crate::i18n::synth::dropped(lang, d.decision, d.reason, &ids(&d.proposals))
            );
            lines.push((Line::styled(fit(&text, width), theme.warn()), None));
        }
    }
    for (offset, (line, owner)) in lines.into_iter().take(area.height as usize).enumerate() {
        let row = Rect { y: area.y + offset as u16, height: 1, ..area };
        Paragraph::new(line).render(row, buf);
        if let Some(i) = owner {
            app.hit(row, Action::Harvest(HarvestAction::SelectQueue(i)));
        }
    }
}
