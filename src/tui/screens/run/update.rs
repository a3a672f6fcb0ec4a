//! What the keys of the run screen and the clock's ticks do: start, pause, ±1 minute,
//! next and previous phase, the bell at zero, the automatic next phase; `r` and the
//! page keys for the rotation.

use chrono::{DateTime, Utc};

use super::state::CLOCK_UNDO_STEPS;
use super::view::{clock_text, phase_title};
use crate::domain::Session;
use crate::domain::clock::{Clock, PhaseKind, phases};
use crate::i18n::Lang;
use crate::i18n::plan as text;
use crate::i18n::tui as t;
use crate::plan::{self, Effort};
use crate::tui::action::{Action, RunAction};
use crate::tui::app::{App, OpenSession, Popup, Status, session_changed};
use crate::tui::effect::{Effect, SoundEvent};

/// Applies a clock key.
pub fn update(app: &mut App, action: RunAction, now: DateTime<Utc>, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    match action {
        RunAction::ToggleRotation => return toggle(app, effects),
        RunAction::TogglePhones => {
            if app.open.is_some() {
                effects.push(Effect::Phones(app.phones.on.is_none()));
            }
            return;
        }
        RunAction::RenewPhoneAddress => return super::renew::ask(app),
        RunAction::RenewPhoneAddressOf(table) => return super::renew::renew(app, table, effects),
        RunAction::NextPage | RunAction::PreviousPage => {
            if let Some(open) = app.open.as_mut() {
                turn_page(open, action == RunAction::NextPage);
            }
            return;
        }
        RunAction::NextPhase | RunAction::PreviousPhase => {
            if let Some(question) = app.open.as_ref().and_then(|open| skip_question(open, lang, action, now))
            {
                let on_yes = if action == RunAction::NextPhase {
                    RunAction::NextPhaseNow
                } else {
                    RunAction::PreviousPhaseNow
                };
                app.popup = Some(Popup::Confirm { message: question, on_yes: Box::new(Action::Run(on_yes)) });
                return;
            }
        }
        RunAction::UndoClock => return undo(app, now, effects),
        _ => {}
    }
    let Some(open) = app.open.as_mut() else { return };
    let schedule = open.session.schedule.clone();
    let before = open.session.clock.clone();
    let clock = &mut open.session.clock;
    match action {
        RunAction::StartPause => {
            if clock.is_running() {
                clock.pause(&schedule, now);
            } else {
                clock.start(&schedule, now);
            }
        }
        RunAction::PlusMinute => clock.adjust(&schedule, now, 60_000),
        RunAction::MinusMinute => clock.adjust(&schedule, now, -60_000),
        RunAction::NextPhase | RunAction::NextPhaseNow => {
            let running = clock.is_running();
            if !clock.next(&schedule, now, running) {
                app.status = Some(Status::Info(t::LAST_PHASE.get(lang).to_string()));
                return;
            }
        }
        RunAction::PreviousPhase | RunAction::PreviousPhaseNow => {
            if !clock.previous(&schedule, now) {
                app.status = Some(Status::Info(t::FIRST_PHASE.get(lang).to_string()));
                return;
            }
        }
        RunAction::ToggleRotation
        | RunAction::TogglePhones
        | RunAction::RenewPhoneAddress
        | RunAction::RenewPhoneAddressOf(_)
        | RunAction::NextPage
        | RunAction::PreviousPage
        | RunAction::UndoClock => {
            return;
        }
    }
    let moved_phase = clock.phase != before.phase;
    if clock.remaining_ms(&schedule, now) > 0 {
        open.run.rang_for_phase = None;
    }
    if moved_phase {
        open.run.warned_for_phase = None;
    }
    open.run.clock_undo.push(before.clone());
    if open.run.clock_undo.len() > CLOCK_UNDO_STEPS {
        open.run.clock_undo.remove(0);
    }
    if moved_phase {
        let (from, to) = (clock_summary(&open.session, &before, lang, now), here(&open.session, lang, now));
        app.status = Some(Status::Info(t::clock_moved(lang, &to, &from)));
    }
    session_changed(open, effects);
}

/// The question asked before leaving a running round by hand, if one is due.
fn skip_question(open: &OpenSession, lang: Lang, action: RunAction, now: DateTime<Utc>) -> Option<String> {
    let session = &open.session;
    let clock = &session.clock;
    let phase = clock.current(&session.schedule)?;
    // A round whose time is up is over: moving on needs no question.
    if !clock.is_running()
        || !matches!(phase.kind, PhaseKind::Round(_))
        || clock.remaining_ms(&session.schedule, now) <= 0
    {
        return None;
    }
    let last = phases(&session.schedule).len().saturating_sub(1);
    let possible = if action == RunAction::NextPhase { clock.phase < last } else { clock.phase > 0 };
    if !possible {
        return None;
    }
    let title = phase_title(lang, &session.schedule, phase.kind);
    let left = clock_text(clock.remaining_ms(&session.schedule, now));
    Some(t::confirm_skip(lang, &title, &left, action == RunAction::NextPhase))
}

/// `Tour 2 / 3 · 10:26` for a clock of `session`.
fn clock_summary(session: &Session, clock: &Clock, lang: Lang, now: DateTime<Utc>) -> String {
    match clock.current(&session.schedule) {
        Some(phase) => format!(
            "{} · {}",
            phase_title(lang, &session.schedule, phase.kind),
            clock_text(clock.remaining_ms(&session.schedule, now))
        ),
        None => String::new(),
    }
}

fn here(session: &Session, lang: Lang, now: DateTime<Utc>) -> String {
    clock_summary(session, &session.clock, lang, now)
}

/// Ctrl+Z / `u` on the run screen: the clock as it was before the last move by hand.
fn undo(app: &mut App, now: DateTime<Utc>, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(open) = app.open.as_mut() else { return };
    let Some(before) = open.run.clock_undo.pop() else {
        app.status = Some(Status::Info(t::NOTHING_TO_UNDO.get(lang).to_string()));
        return;
    };
    if before.phase != open.session.clock.phase {
        open.run.warned_for_phase = None;
    }
    open.session.clock = before;
    if open.session.clock.remaining_ms(&open.session.schedule, now) > 0 {
        open.run.rang_for_phase = None;
    }
    app.status = Some(Status::Info(t::clock_restored(lang, &here(&open.session, lang, now))));
    session_changed(open, effects);
}

/// A clock second went by: ring at zero, advance by itself if the schedule says so.
/// Returns whether anything on screen changed.
pub fn tick(app: &mut App, now: DateTime<Utc>, effects: &mut Vec<Effect>) -> bool {
    let Some(open) = app.open.as_mut() else { return false };
    let schedule = open.session.schedule.clone();
    if !open.session.clock.is_running() {
        return false;
    }
    let remaining = open.session.clock.remaining_ms(&schedule, now);
    if remaining > 0 {
        warn(open, remaining, effects);
        return true;
    }
    let phase = open.session.clock.phase;
    if open.run.rang_for_phase != Some(phase) {
        open.run.rang_for_phase = Some(phase);
        effects.push(Effect::Sound(SoundEvent::PhaseEnd));
    }
    if open.session.catch_up_clock(now) {
        if open.session.clock.remaining_ms(&schedule, now) > 0 {
            open.run.rang_for_phase = None;
        }
        session_changed(open, effects);
    }
    true
}

/// Sounds the warning once per round, when what is left first falls to the session's
/// warning time (a round shorter than that gets none).
fn warn(open: &mut OpenSession, remaining: i64, effects: &mut Vec<Effect>) {
    let schedule = &open.session.schedule;
    let clock = &open.session.clock;
    let Some(phase) = clock.current(schedule) else { return };
    let warning_ms = i64::from(schedule.warning_minutes) * 60_000;
    if matches!(phase.kind, PhaseKind::Round(_))
        && warning_ms > 0
        && phase.duration_ms > warning_ms
        && remaining <= warning_ms
        && open.run.warned_for_phase != Some(clock.phase)
    {
        open.run.warned_for_phase = Some(clock.phase);
        effects.push(Effect::Sound(SoundEvent::Warning));
    }
}

/// `r`: show or hide the rotation in this phase, planning it first when needed.
pub fn toggle(app: &mut App, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(open) = app.open.as_mut() else { return };
    let phase = open.session.clock.phase;
    let needs_plan = !open.session.rotation.as_ref().is_some_and(|r| plan::plan_fits(&open.session, r));
    if needs_plan {
        match plan::plan_session(&open.session, plan::DEFAULT_SEED, Effort::default()) {
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
    if open.run.rotation.round_shown(&open.session).is_none() && !needs_plan {
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
