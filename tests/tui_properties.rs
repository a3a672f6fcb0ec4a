//! Whatever the facilitator presses, in whatever order, on whatever terminal size: the
//! app never panics, and the session file on disk always loads and holds every
//! proposal the app shows.

mod tui_support;

use cafe_savoir::store;
use cafe_savoir::tui::action::Action;
use cafe_savoir::tui::keymap::{bindings, route_key};
use cafe_savoir::tui::perform::dispatch;
use cafe_savoir::tui::screens::Screen;
use proptest::prelude::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_support::*;

/// One thing the user does.
#[derive(Debug, Clone)]
enum Gesture {
    /// A bound key (by its index in the keymap and which of its keys).
    Bound(usize, usize),
    /// A typed character.
    Char(char),
    Paste(String),
    Click(u16, u16),
    Wheel(bool),
    /// Time goes by (seconds).
    Wait(u16),
}

fn gesture() -> impl Strategy<Value = Gesture> {
    let count = bindings().len();
    prop_oneof![
        4 => (0..count, 0..3usize).prop_map(|(b, k)| Gesture::Bound(b, k)),
        3 => prop_oneof![Just('a'), Just('é'), Just('🙂'), Just(' '), Just('9'), Just('-'), Just('«')]
            .prop_map(Gesture::Char),
        1 => "[a-zé 🙂\n\t\u{1b}]{0,40}".prop_map(Gesture::Paste),
        1 => (0..160u16, 0..45u16).prop_map(|(x, y)| Gesture::Click(x, y)),
        1 => any::<bool>().prop_map(Gesture::Wheel),
        1 => (0..1500u16).prop_map(Gesture::Wait),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn any_gestures_keep_the_app_whole_and_the_file_loadable(
        gestures in prop::collection::vec(gesture(), 1..60),
        start in prop_oneof![Just(Screen::Run), Just(Screen::Capture), Just(Screen::Setup), Just(Screen::Export)],
        width in 60u16..200,
        height in 20u16..60,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_with(session(), start, dir.path());
        let path = dir.path().join("cafe.ron");
        store::save(&path, &session()).unwrap();
        let mut now = t0();
        for gesture in gestures {
            match gesture {
                Gesture::Bound(b, k) => {
                    let binding = &bindings()[b];
                    let key = binding.keys[k % binding.keys.len()];
                    if binding.action == Action::Quit {
                        continue;
                    }
                    if let Some(action) = route_key(&app, KeyEvent::new(key.code, key.modifiers)) {
                        dispatch(&mut app, action, now);
                    }
                }
                Gesture::Char(c) => {
                    let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
                    if let Some(action) = route_key(&app, key)
                        && action != Action::Quit
                    {
                        dispatch(&mut app, action, now);
                    }
                }
                Gesture::Paste(text) => {
                    dispatch(&mut app, Action::Paste(text), now);
                }
                Gesture::Click(column, row) => {
                    draw(&app, width, height);
                    dispatch(&mut app, Action::Click { column, row }, now);
                }
                Gesture::Wheel(down) => {
                    dispatch(&mut app, Action::Scroll { down, column: 1, row: 3 }, now);
                }
                Gesture::Wait(seconds) => {
                    now += chrono::Duration::seconds(i64::from(seconds));
                    dispatch(&mut app, Action::Tick, now);
                }
            }
            dispatch(&mut app, Action::Idle, now);
            draw(&app, width, height);
            app.should_quit = false;
        }
        // What the app holds is what the file holds (the home screen closes the session).
        if let Some(open) = &app.open {
            let saved = store::load(&open.path).expect("the session file always loads");
            prop_assert_eq!(&saved.proposals, &open.session.proposals);
        }
        for entry in std::fs::read_dir(dir.path()).unwrap().flatten() {
            let p = entry.path();
            let hidden = p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if p.extension().is_some_and(|e| e == "ron") && !hidden {
                prop_assert!(store::load(&p).is_ok(), "{} does not load", p.display());
            }
        }
    }
}
