//! The projector while phone capture is on: a QR code per table drawn with half blocks
//! (two modules per cell), a page of codes at a time when they do not all fit (turning
//! by themselves while the clock runs, or with PageDown / PageUp), and every table's
//! short address always on screen.

mod tui_support;

use cafe_savoir::serve::table_address;
use cafe_savoir::tui::action::{Action, RunAction};
use cafe_savoir::tui::app::App;
use cafe_savoir::tui::phones::PhonesOn;
use cafe_savoir::tui::screens::Screen;
use cafe_savoir::tui::update::update;
use tui_support::{app_with, at, frame, session, t0};

/// Fixed tokens, so the codes and addresses are the same on every run.
fn token(table: u32) -> String {
    let alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    (0..26).map(|i| alphabet.chars().nth((table as usize * 7 + i * 3) % 32).unwrap_or('0')).collect()
}

fn app_with_phones(tables: u32) -> App {
    let dir = std::path::PathBuf::from("sessions");
    let mut prepared = session();
    for number in prepared.tables.len() as u32 + 1..=tables {
        prepared.add_table(number, "Que garder pour la prochaine fois ?").expect("a table");
    }
    for table in &mut prepared.tables {
        table.phone_token = token(table.number);
    }
    let mut app = app_with(prepared, Screen::Run, &dir);
    let address = "192.168.1.20:8737";
    let urls = (1..=tables).map(|n| (n, table_address(address, &token(n)))).collect();
    app.phones.on = Some(PhonesOn { address: address.into(), tables: urls });
    app.phones.counts.insert(2, 3);
    app
}

fn short(n: u32) -> String {
    format!("192.168.1.20:8737/t/{}", token(n))
}

#[test]
fn four_tables_at_80x24_and_160x45() {
    let app = app_with_phones(4);
    let small = frame(&app, 80, 24);
    let large = frame(&app, 160, 45);
    for n in 1..=4 {
        assert!(small.contains(&short(n)), "table {n}'s address at 80×24:\n{small}");
        assert!(large.contains(&short(n)), "table {n}'s address at 160×45:\n{large}");
    }
    assert!(large.contains('▀') || large.contains('▄'), "codes drawn at 160×45:\n{large}");
    insta::assert_snapshot!("phones_4_tables_80x24", small);
    insta::assert_snapshot!("phones_4_tables_160x45", large);
}

#[test]
fn eight_tables_page_by_page_with_every_address_on_every_page() {
    let mut app = app_with_phones(8);
    let first = frame(&app, 160, 45);
    assert!(first.contains("Page 1/"), "{first}");
    for n in 1..=8 {
        assert!(first.contains(&short(n)), "table {n}'s address on the first page:\n{first}");
    }
    insta::assert_snapshot!("phones_8_tables_160x45", first);
    insta::assert_snapshot!("phones_8_tables_80x24", frame(&app, 80, 24));

    // By hand.
    update(&mut app, Action::Run(RunAction::NextPage), t0());
    let second = frame(&app, 160, 45);
    assert!(second.contains("Page 2/"), "{second}");
    assert_ne!(first, second);
    for n in 1..=8 {
        assert!(second.contains(&short(n)), "table {n}'s address on the second page:\n{second}");
    }
    insta::assert_snapshot!("phones_8_tables_160x45_page_2", second);
    update(&mut app, Action::Run(RunAction::PreviousPage), t0());
    assert_eq!(frame(&app, 160, 45), first);

    // By themselves while the clock runs.
    update(&mut app, Action::Run(RunAction::StartPause), t0());
    update(&mut app, Action::Tick, at(9));
    let turned = frame(&app, 160, 45);
    assert!(turned.contains("Page 2/"), "{turned}");
}
