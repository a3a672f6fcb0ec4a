//! Renewing a table's phone address from the app: the key asks which table and asks
//! for confirmation, a new secret is drawn and saved through the store, the projector
//! shows the new address; with a real server on 127.0.0.1, the old address is refused
//! at once and the new one works.

mod tui_support;

use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use cafe_savoir::i18n::Lang;
use cafe_savoir::store::{load, save};
use cafe_savoir::tui::action::{Action, PopupAction, RunAction};
use cafe_savoir::tui::app::{Popup, Status};
use cafe_savoir::tui::effect::Effect;
use cafe_savoir::tui::keymap::help_bar;
use cafe_savoir::tui::phones::PhonesOn;
use cafe_savoir::tui::screens::Screen;
use cafe_savoir::tui::update::update;
use ratatui::crossterm::event::KeyCode;
use tui_support::{app_with, code, frame, session, t0, type_text};

const OLD_TOKEN: &str = "0123456789abcdefghjkmnpqrs";

fn bar_offers_renewal(app: &cafe_savoir::tui::app::App) -> bool {
    help_bar(app).iter().any(|b| b.action == Action::Run(RunAction::RenewPhoneAddress))
}

#[test]
fn the_key_asks_which_table_then_confirms_then_the_table_gets_a_new_address() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app_with(session(), Screen::Run, dir.path());

    // Phone capture off: the key only says how to open it, and the bar does not offer it.
    assert!(!bar_offers_renewal(&app));
    let effects = update(&mut app, Action::Run(RunAction::RenewPhoneAddress), t0());
    assert!(effects.is_empty() && app.popup.is_none());
    assert!(matches!(&app.status, Some(Status::Info(m)) if m.contains("n'est pas ouverte")));

    // On (as the server reported it): the bar offers the key.
    app.open.as_mut().expect("open").session.tables[1].phone_token = OLD_TOKEN.into();
    let old_url = format!("http://127.0.0.1:8737/t/{OLD_TOKEN}");
    app.phones.on = Some(PhonesOn { address: "127.0.0.1:8737".into(), tables: vec![(2, old_url.clone())] });
    assert!(bar_offers_renewal(&app));

    // `a` asks which table; a table that does not exist keeps the question open.
    code(&mut app, KeyCode::Char('a'), t0());
    assert!(matches!(&app.popup, Some(Popup::Ask { question, .. }) if question.contains("1 à 4")));
    type_text(&mut app, "9", t0());
    let effects = update(&mut app, Action::Popup(PopupAction::Confirm), t0());
    assert!(effects.is_empty());
    assert!(matches!(&app.popup, Some(Popup::Ask { .. })), "still asking: {:?}", app.popup);
    assert!(matches!(&app.status, Some(Status::Error(_))));

    // Table 2: a confirmation that says its phone loses access.
    code(&mut app, KeyCode::Backspace, t0());
    type_text(&mut app, "2", t0());
    let effects = update(&mut app, Action::Popup(PopupAction::Confirm), t0());
    assert!(effects.is_empty(), "nothing changes before the confirmation");
    let Some(Popup::Confirm { message, on_yes }) = app.popup.clone() else {
        panic!("a confirmation: {:?}", app.popup)
    };
    assert!(message.contains("table 2") && message.contains("perd l'accès"), "{message}");
    assert_eq!(app.open.as_ref().expect("open").session.tables[1].phone_token, OLD_TOKEN);

    // Confirmed: a new secret is asked for (randomness is the outside world's).
    let effects = update(&mut app, Action::Popup(PopupAction::Confirm), t0());
    assert_eq!(*on_yes, Action::Run(RunAction::RenewPhoneAddressOf(2)));
    assert_eq!(effects, vec![Effect::NewPhoneToken(2)]);

    // Drawn: the table takes it, the session is saved, the projector shows it.
    let new_token = "zyxwvtsrqpnmkjhgfedcba9876".to_string();
    let effects = update(&mut app, Action::PhoneTokenDrawn { table: 2, token: Ok(new_token.clone()) }, t0());
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(app.open.as_ref().expect("open").session.tables[1].phone_token, new_token);
    let on = app.phones.on.as_ref().expect("on");
    assert_eq!(on.tables, vec![(2, format!("http://127.0.0.1:8737/t/{new_token}"))]);
    assert!(matches!(&app.status, Some(Status::Info(m)) if m.contains("Table 2 : nouvelle adresse")));

    // No randomness: said, nothing changes.
    let effects =
        update(&mut app, Action::PhoneTokenDrawn { table: 2, token: Err("pas de hasard".into()) }, t0());
    assert!(effects.is_empty());
    assert_eq!(app.open.as_ref().expect("open").session.tables[1].phone_token, new_token);
}

#[test]
fn the_help_screen_lists_the_renewal_in_both_languages() {
    let fr = cafe_savoir::tui::keymap::markdown(Lang::Fr);
    let en = cafe_savoir::tui::keymap::markdown(Lang::En);
    assert!(fr.contains("- `a` — Renouveler l'adresse d'une table"), "{fr}");
    assert!(en.contains("- `a` — Renew a table's address"), "{en}");
}

#[test]
fn after_renewing_from_the_app_the_running_server_refuses_the_old_address() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cafe.ron");
    save(&path, &session()).expect("saved");
    let mut app = cafe_savoir::tui::session_app(&path, load(&path).expect("loads"), Lang::Fr);
    app.phones.bind = Some(IpAddr::V4(Ipv4Addr::LOCALHOST));
    app.phones.port = 0;

    code(&mut app, KeyCode::Char('t'), t0());
    let on = app.phones.on.clone().expect("phone capture is on");
    assert!(on.address.starts_with("127.0.0.1:"), "{}", on.address);
    let old_url = on.tables.iter().find(|(t, _)| *t == 3).expect("table 3").1.clone();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    let status =
        |url: &str| agent.get(&url.replace("/t/", "/api/")).call().expect("answers").status().as_u16();
    assert_eq!(status(&old_url), 200, "the table's address works before");

    code(&mut app, KeyCode::Char('a'), t0());
    type_text(&mut app, "3", t0());
    code(&mut app, KeyCode::Enter, t0());
    assert!(matches!(app.popup, Some(Popup::Confirm { .. })), "{:?}", app.popup);
    code(&mut app, KeyCode::Char('o'), t0());
    assert!(app.popup.is_none(), "{:?}", app.popup);

    let new_url =
        app.phones.on.as_ref().expect("on").tables.iter().find(|(t, _)| *t == 3).expect("3").1.clone();
    assert_ne!(new_url, old_url);
    // On disk at once, through the store.
    let token = new_url.rsplit('/').next().expect("a token").to_string();
    assert_eq!(load(&path).expect("loads").table(3).expect("table 3").phone_token, token);

    // The old address is refused at once, the new one works, the others are untouched.
    let old = status(&old_url);
    assert!(matches!(old, 401 | 403 | 404), "old address answered {old}");
    assert_eq!(status(&new_url), 200);
    let sent = agent
        .post(&format!("{}/proposals", new_url.replace("/t/", "/api/")))
        .header("Content-Type", "application/json")
        .send(r#"{"text":"Un temps pour se présenter","kind":"Condition"}"#)
        .expect("answers");
    assert_eq!(sent.status().as_u16(), 201);
    let refused = agent
        .post(&format!("{}/proposals", old_url.replace("/t/", "/api/")))
        .header("Content-Type", "application/json")
        .send(r#"{"text":"Par l'ancienne adresse","kind":"Condition"}"#)
        .expect("answers");
    assert!(matches!(refused.status().as_u16(), 401 | 403 | 404));
    let other = on.tables.iter().find(|(t, _)| *t == 1).expect("table 1").1.clone();
    assert_eq!(status(&other), 200);
    let on_disk = load(&path).expect("loads");
    assert!(on_disk.proposals.iter().any(|p| p.table == 3 && p.text == "Un temps pour se présenter"));
    assert!(!on_disk.proposals.iter().any(|p| p.text == "Par l'ancienne adresse"));

    // The projector shows the new address.
    app.size = (200, 60);
    let shown = frame(&app, 200, 60);
    assert!(shown.contains(new_url.trim_start_matches("http://")), "{shown}");
    assert!(!shown.contains(old_url.trim_start_matches("http://")), "{shown}");
    code(&mut app, KeyCode::Char('t'), t0());
    assert!(app.phones.on.is_none());
}
