//! Shared helpers of the app's tests: a fixed clock, a realistic session, key presses
//! routed through the real keymap, frames drawn on a test backend.
#![allow(dead_code)]

use std::path::Path;

use cafe_savoir::domain::{Kind, Session};
use cafe_savoir::i18n::Lang;
use cafe_savoir::store::families::default_families;
use cafe_savoir::tui::action::Action;
use cafe_savoir::tui::app::App;
use cafe_savoir::tui::keymap::route_key;
use cafe_savoir::tui::perform::dispatch;
use cafe_savoir::tui::screens::Screen;
use cafe_savoir::tui::settings::Settings;
use cafe_savoir::tui::view;
use chrono::{DateTime, Duration, TimeZone, Utc};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

/// 14 November 2018, 13:30 UTC: the CDC de Laval's first café.
pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2018, 11, 14, 13, 30, 0).single().expect("valid time")
}

pub fn at(seconds: i64) -> DateTime<Utc> {
    t0() + Duration::seconds(seconds)
}

/// A session as a facilitator would have prepared it, with a few proposals.
pub fn session() -> Session {
    let mut s = Session::new("Café du savoir — 14 novembre", default_families(), 4, 3, 20).expect("session");
    s.date = chrono::NaiveDate::from_ymd_opt(2018, 11, 14);
    s.place = "Maison des associations, Laval".into();
    s.facilitator = "Nadia".into();
    let questions = [
        "Qu'est-ce qui vous donne envie de vous engager dans un partenariat ?",
        "Comment mieux connaître et reconnaître nos partenaires ?",
        "Qu'est-ce qu'un rapport équitable entre partenaires ?",
        "Comment construire ensemble, dès le départ ?",
    ];
    for (table, question) in s.tables.iter_mut().zip(questions) {
        table.question = question.into();
    }
    s.tables[0].host = "Louise".into();
    s.tables[1].name = "Connaissance".into();
    let t = t0();
    s.add_proposal(1, 1, Kind::Condition, "Des objectifs communs clairs dès le départ", t).expect("added");
    s.add_proposal(1, 1, Kind::Astuce, "Une rencontre pour se connaître avant de commencer", t)
        .expect("added");
    s.add_proposal(2, 1, Kind::Condition, "Reconnaître l'expertise de chaque organisme", t).expect("added");
    s.add_proposal(3, 1, Kind::Temoignage, "On s'est senti traité comme un sous-traitant", t).expect("added");
    s
}

/// The app with `session` open on `screen`, its file at `dir/cafe.ron`.
pub fn app_with(session: Session, screen: Screen, dir: &Path) -> App {
    App::new(dir.to_path_buf(), Lang::Fr, Settings::default(), false, t0()).with_session(
        &dir.join("cafe.ron"),
        session,
        screen,
    )
}

/// Presses a key (routed through the keymap) at `now`, then lets the app settle as the
/// terminal loop does when no other event waits; returns how many bells rang.
pub fn press(app: &mut App, key: KeyEvent, now: DateTime<Utc>) -> usize {
    let bells = match route_key(app, key) {
        Some(action) => dispatch(app, action, now),
        None => 0,
    };
    bells + dispatch(app, Action::Idle, now)
}

pub fn code(app: &mut App, code: KeyCode, now: DateTime<Utc>) -> usize {
    press(app, KeyEvent::new(code, KeyModifiers::NONE), now)
}

pub fn ctrl(app: &mut App, c: char, now: DateTime<Utc>) {
    press(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL), now);
}

/// Types text one key at a time.
pub fn type_text(app: &mut App, text: &str, now: DateTime<Utc>) {
    for c in text.chars() {
        code(app, KeyCode::Char(c), now);
    }
}

pub fn act(app: &mut App, action: Action, now: DateTime<Utc>) -> usize {
    dispatch(app, action, now)
}

/// Draws the app at `width`×`height`.
pub fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    view::render(app, area, &mut buf);
    buf
}

/// The frame as text.
pub fn frame(app: &App, width: u16, height: u16) -> String {
    view::to_text(&draw(app, width, height))
}
