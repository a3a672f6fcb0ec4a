//! The printable table cards from the export screen (F5): one card per table with its
//! phone address and QR code, written while phone capture is on (the address is the
//! server's), refused with a clear message while it is off, every text inert; and a
//! render in headless Chromium (skipped when Chromium is missing unless
//! `CAFE_REQUIRE_CHROMIUM=1`; `CAFE_SCREENSHOT_CARDS=FILE` keeps the picture).

mod tui_support;

mod browser_support;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use cafe_savoir::export::cards::to_cards_html;
use cafe_savoir::i18n::Lang;
use cafe_savoir::serve::table_addresses;
use cafe_savoir::serve::token::give_missing_tokens;
use cafe_savoir::store::{load, save};
use cafe_savoir::tui::action::{Action, ExportAction};
use cafe_savoir::tui::app::Status;
use cafe_savoir::tui::export_files::{ExportEntry, default_export_path};
use cafe_savoir::tui::screens::Screen;
use ratatui::crossterm::event::KeyCode;
use tui_support::{act, code, session, t0};

fn cards_row() -> usize {
    ExportEntry::ALL.iter().position(|f| *f == ExportEntry::TableCards).expect("on the screen")
}

#[test]
fn f5_writes_one_card_per_table_with_its_address_and_code_while_phone_capture_is_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cafe.ron");
    let mut prepared = session();
    prepared.tables[2].name = "<script>alert('x')</script>".into();
    prepared.schedule.round_questions = vec!["Ce qui marche déjà".into()];
    save(&path, &prepared).expect("saved");
    let mut app = cafe_savoir::tui::session_app(&path, load(&path).expect("loads"), Lang::Fr);
    app.phones.bind = Some(IpAddr::V4(Ipv4Addr::LOCALHOST));
    app.phones.port = 0;
    let cards = default_export_path(&path, ExportEntry::TableCards);

    // Off: a clear message, nothing written.
    code(&mut app, KeyCode::F(5), t0());
    assert_eq!(app.screen, Screen::Export);
    act(&mut app, Action::Export(ExportAction::Select(cards_row())), t0());
    act(&mut app, Action::Export(ExportAction::Write), t0());
    assert!(
        matches!(&app.status, Some(Status::Error(m)) if m.contains("ouvrez d'abord la saisie par téléphone")),
        "{:?}",
        app.status
    );
    assert!(!cards.exists());
    // Every file but the cards.
    act(&mut app, Action::Export(ExportAction::WriteAll), t0());
    assert!(!cards.exists());
    assert_eq!(app.open.as_ref().expect("open").export.written.len(), ExportEntry::ALL.len() - 1);

    // On: the cards carry the server's addresses.
    code(&mut app, KeyCode::F(3), t0());
    code(&mut app, KeyCode::Char('t'), t0());
    let on = app.phones.on.clone().expect("phone capture is on");
    code(&mut app, KeyCode::F(5), t0());
    act(&mut app, Action::Export(ExportAction::Write), t0());
    let html = std::fs::read_to_string(&cards).expect("the cards are written");
    assert_eq!(html.matches("<section class=\"card\">").count(), 4, "one card per table");
    assert_eq!(html.matches("<svg").count(), 4, "a QR code per card");
    for (table, url) in &on.tables {
        assert!(html.contains(url.as_str()), "table {table}'s address {url}");
    }
    assert!(!html.contains("<script"), "a table's name is inert");
    assert!(html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"));
    assert!(html.contains("Tour 1 · </span>Ce qui marche déjà"));
    assert!(html.contains("Comment mieux connaître et reconnaître nos partenaires ?"));
    assert!(html.contains("Scannez le code"));

    // The app's own exports/ file is replaced freely.
    act(&mut app, Action::Export(ExportAction::Write), t0());
    assert!(matches!(&app.status, Some(Status::Info(_))), "{:?}", app.status);
    code(&mut app, KeyCode::F(3), t0());
    code(&mut app, KeyCode::Char('t'), t0());
}

/// What a card's QR code (the SVG the page holds) reads as: its rectangles drawn on a
/// bitmap, then read by a QR decoder.
fn read_svg_code(svg: &str) -> Option<String> {
    let number = |text: &str, after: &str| -> Option<usize> {
        let start = text.find(after)? + after.len();
        text[start..].split('"').next()?.parse().ok()
    };
    let (width, height) = (number(svg, "width=\""), number(svg, "height=\"")?);
    let width = width?;
    let mut pixels = vec![255u8; width * height];
    let path = svg.split(" d=\"").nth(1)?.split('"').next()?;
    // `M{left} {top}h{width}v{height}H{left}V{top}`, one rectangle after another.
    for rectangle in path.split('M').filter(|r| !r.is_empty()) {
        let fields: Vec<usize> = rectangle
            .split(|c: char| !c.is_ascii_digit())
            .filter(|f| !f.is_empty())
            .filter_map(|f| f.parse().ok())
            .collect();
        let [left, top, w, h, ..] = fields[..] else { return None };
        for y in top..(top + h).min(height) {
            for x in left..(left + w).min(width) {
                pixels[y * width + x] = 0;
            }
        }
    }
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| pixels[y * width + x]);
    image.detect_grids().first()?.decode().ok().map(|(_, text)| text)
}

#[test]
fn each_cards_code_reads_back_as_its_tables_address() {
    let mut session = session();
    give_missing_tokens(&mut session).expect("random");
    let address: SocketAddr = "192.168.1.20:8737".parse().expect("an address");
    let addresses = table_addresses(&session, address);
    let html = to_cards_html(&session, &addresses, Lang::Fr);
    let read: Vec<String> = html
        .split("<svg")
        .skip(1)
        .map(|svg| {
            read_svg_code(&format!("<svg{}", svg.split("</svg>").next().unwrap_or(""))).expect("reads")
        })
        .collect();
    let expected: Vec<String> = addresses.iter().map(|(_, url)| url.clone()).collect();
    assert_eq!(read, expected);
}

#[test]
fn the_cards_render_in_headless_chromium() {
    let mut session = session();
    session.schedule.round_questions = vec!["Ce qui marche déjà".into(), "Ce qu'on essaierait demain".into()];
    give_missing_tokens(&mut session).expect("random");
    let address: SocketAddr = "192.168.1.20:8737".parse().expect("an address");
    let html = to_cards_html(&session, &table_addresses(&session, address), Lang::Fr);
    let Some(chromium) = browser_support::chromium_or_skip("the table cards were") else {
        return;
    };
    browser_support::screenshot(chromium, &html, (794, 1123), "the cards", "CAFE_SCREENSHOT_CARDS");
}
