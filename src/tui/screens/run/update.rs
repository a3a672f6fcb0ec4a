//! What the keys of the run screen and the clock's ticks do: start, pause, ±1 minute,
//! next and previous phase, the bell at zero, the automatic next phase; `r` and the
//! page keys for the rotation.

use chrono::{DateTime, Utc};

use crate::i18n::plan as text;
use crate::i18n::tui as t;
use crate::plan::{self, Effort};
use crate::tui::action::RunAction;
use crate::tui::app::{App, OpenSession, Status, session_changed};
use crate::tui::effect::Effect;

/// Applies a clock key.
pub fn update(app: &mut App, action: RunAction, now: DateTime<Utc>, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    match action {
        RunAction::ToggleRotation => return toggle(app, effects),
        RunAction::NextPage | RunAction::PreviousPage => {
            if let Some(open) = app.open.as_mut() {
                turn_page(open, action == RunAction::NextPage);
            }
            return;
        }
        _ => {}
    }
    let Some(open) = app.open.as_mut() else { return };
    let schedule = open.session.schedule.clone();
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
        RunAction::NextPhase => {
            let running = clock.is_running();
            if !clock.next(&schedule, now, running) {
                app.status = Some(Status::Info(t::LAST_PHASE.get(lang).to_string()));
                return;
            }
        }
        RunAction::PreviousPhase => {
            if !clock.previous(&schedule, now) {
                app.status = Some(Status::Info(t::FIRST_PHASE.get(lang).to_string()));
                return;
            }
        }
        RunAction::ToggleRotation | RunAction::NextPage | RunAction::PreviousPage => return,
    }
    if clock.remaining_ms(&schedule, now) > 0 {
        open.run.rang_for_phase = None;
    }
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
        return true;
    }
    let phase = open.session.clock.phase;
    if open.run.rang_for_phase != Some(phase) {
        open.run.rang_for_phase = Some(phase);
        effects.push(Effect::Bell);
    }
    if open.session.catch_up_clock(now) {
        if open.session.clock.remaining_ms(&schedule, now) > 0 {
            open.run.rang_for_phase = None;
        }
        session_changed(open, effects);
    }
    true
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
