//! The projector while phone capture is on: a QR code per table drawn with half blocks
//! (two modules per cell), a page of codes at a time when they do not all fit (turning
//! by themselves while the clock runs, or with PageDown / PageUp), and every table's
//! short address always on screen; the codes on screen read back (a QR decoder) as
//! the tables' addresses. A picture of the projector is rendered in headless
//! Chromium (skipped when Chromium is missing unless `CAFE_REQUIRE_CHROMIUM=1`;
//! `CAFE_SCREENSHOT_PROJECTOR=FILE` keeps it).

mod tui_support;

mod browser_support;

use cafe_savoir::serve::table_address;
use cafe_savoir::tui::action::{Action, RunAction};
use cafe_savoir::tui::app::App;
use cafe_savoir::tui::phones::PhonesOn;
use cafe_savoir::tui::screens::Screen;
use cafe_savoir::tui::update::update;
use ratatui::style::Color;
use tui_support::{app_with, at, draw, frame, session, t0};

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

/// Whether a terminal colour is dark (as a phone's camera sees it).
fn dark(color: Color, default_dark: bool) -> bool {
    match color {
        Color::Reset => default_dark,
        Color::Black | Color::DarkGray | Color::Blue | Color::Red | Color::Green | Color::Magenta => true,
        _ => false,
    }
}

#[test]
fn the_codes_on_screen_read_back_as_the_tables_addresses() {
    let app = app_with_phones(8);
    let (width, height) = (240u16, 67u16);
    let buf = draw(&app, width, height);
    // Each cell is two modules high: 4 × 4 pixels a module.
    let (cell_w, cell_h) = (4usize, 8usize);
    let mut pixels = vec![255u8; usize::from(width) * cell_w * usize::from(height) * cell_h];
    let row_len = usize::from(width) * cell_w;
    for y in 0..height {
        for x in 0..width {
            let cell = &buf[(x, y)];
            let (ink, paper) = (dark(cell.fg, false), dark(cell.bg, true));
            let (top, bottom) = match cell.symbol() {
                "▀" => (ink, paper),
                "▄" => (paper, ink),
                "█" => (ink, ink),
                _ => (paper, paper),
            };
            for dy in 0..cell_h {
                let is_dark = if dy < cell_h / 2 { top } else { bottom };
                for dx in 0..cell_w {
                    let index = (usize::from(y) * cell_h + dy) * row_len + usize::from(x) * cell_w + dx;
                    pixels[index] = if is_dark { 0 } else { 255 };
                }
            }
        }
    }
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(row_len, usize::from(height) * cell_h, |x, y| {
            pixels[y * row_len + x]
        });
    let mut read: Vec<String> =
        image.detect_grids().iter().filter_map(|grid| grid.decode().ok().map(|(_, text)| text)).collect();
    read.sort();
    let on = app.phones.on.as_ref().expect("on");
    let mut expected: Vec<String> =
        on.tables[..read.len().max(1)].iter().map(|(_, url)| url.clone()).collect();
    expected.sort();
    assert_eq!(read.len(), 5, "the first page's five codes read: {read:?}");
    assert_eq!(read, expected);
}

/// The xterm colour of a named terminal colour, for the picture.
fn css(color: Color, default: &str) -> String {
    let named = match color {
        Color::Reset => return default.to_string(),
        Color::Rgb(r, g, b) => return format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Black => "#000000",
        Color::Red => "#cd0000",
        Color::Green => "#00cd00",
        Color::Yellow => "#cdcd00",
        Color::Blue => "#1e6fe0",
        Color::Magenta => "#cd00cd",
        Color::Cyan => "#00cdcd",
        Color::Gray => "#c0c0c0",
        Color::DarkGray => "#7f7f7f",
        Color::LightRed => "#ff5f5f",
        Color::LightGreen => "#5fff5f",
        Color::LightYellow => "#ffff5f",
        Color::LightBlue => "#5f87ff",
        Color::LightMagenta => "#ff5fff",
        Color::LightCyan => "#5fffff",
        Color::White => "#ffffff",
        Color::Indexed(_) => default,
    };
    named.to_string()
}

/// The frame as a web page: one box per cell, half blocks drawn as two halves (so a
/// QR code comes out as it looks in a terminal).
fn frame_as_html(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::from(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>\
         body{margin:0;background:#000}.r{display:flex}\
         .c{width:8px;height:16px;font:13px/16px 'DejaVu Sans Mono',monospace;text-align:center;overflow:hidden}\
         </style></head><body>",
    );
    for y in 0..buf.area.height {
        out.push_str("<div class=\"r\">");
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            let (fg, bg) = (css(cell.fg, "#ffffff"), css(cell.bg, "#000000"));
            let (top, bottom, text) = match cell.symbol() {
                "▀" => (fg.clone(), bg.clone(), ""),
                "▄" => (bg.clone(), fg.clone(), ""),
                "█" => (fg.clone(), fg.clone(), ""),
                " " => (bg.clone(), bg.clone(), ""),
                other => (bg.clone(), bg.clone(), other),
            };
            let text = html_escape::encode_text(text);
            out.push_str(&format!(
                "<span class=\"c\" style=\"color:{fg};background:linear-gradient({top} 50%,{bottom} 50%)\">{text}</span>"
            ));
        }
        out.push_str("</div>");
    }
    out.push_str("</body></html>");
    out
}

#[test]
fn the_projector_with_its_codes_renders_in_chromium() {
    let Some(chromium) = browser_support::chromium_or_skip("the projector was") else {
        return;
    };
    let app = app_with_phones(8);
    let (width, height) = (240, 67);
    let html = frame_as_html(&draw(&app, width, height));
    browser_support::screenshot(
        chromium,
        &html,
        (u32::from(width) * 8, u32::from(height) * 16),
        "the projector",
        "CAFE_SCREENSHOT_PROJECTOR",
    );
}

/// The tables' short addresses (`t/<token>`) as the session file has them.
fn tokens_on_disk(path: &std::path::Path) -> Vec<String> {
    let session = cafe_savoir::store::load(path).expect("loads");
    session.tables.iter().map(|t| format!("/t/{}", t.phone_token)).collect()
}

#[test]
fn a_projector_window_shows_the_codes_while_the_facilitators_window_serves_phones() {
    use cafe_savoir::store::phones_address::phones_address_path;
    use ratatui::crossterm::event::KeyCode;
    use tui_support::{act, code, type_text};

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cafe.ron");
    cafe_savoir::store::save(&path, &session()).expect("saved");
    let lang = cafe_savoir::i18n::Lang::Fr;
    let mut facilitator =
        cafe_savoir::tui::session_app(&path, cafe_savoir::store::load(&path).expect("loads"), lang);
    facilitator.phones.bind = Some(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST));
    facilitator.phones.port = 0;
    let mut projector =
        cafe_savoir::tui::projector_app(&path, cafe_savoir::store::load(&path).expect("loads"), lang);
    projector.size = (160, 45);

    // Phone capture off: no codes, no addresses.
    act(&mut projector, Action::Tick, at(1));
    assert!(projector.phones.on.is_none());
    assert!(!frame(&projector, 160, 45).contains("/t/"));

    // On in the facilitator's window: its address beside the session, and the
    // projector draws every table's code and address at its next look.
    code(&mut facilitator, KeyCode::Char('t'), t0());
    let address = facilitator.phones.on.as_ref().expect("phone capture is on").address.clone();
    assert!(phones_address_path(&path).exists());
    act(&mut projector, Action::Tick, at(2));
    let shown = frame(&projector, 160, 45);
    let tokens = tokens_on_disk(&path);
    assert_eq!(tokens.len(), 4);
    for token in &tokens {
        assert!(shown.contains(&format!("{address}{token}")), "{token} on the projector:\n{shown}");
    }
    assert!(shown.contains('▀') || shown.contains('▄'), "codes drawn:\n{shown}");
    assert!(!shown.contains("refusée"), "no counts it cannot know:\n{shown}");

    // A table's address renewed in the facilitator's window: the projector follows.
    code(&mut facilitator, KeyCode::Char('a'), t0());
    type_text(&mut facilitator, "3", t0());
    code(&mut facilitator, KeyCode::Enter, t0());
    code(&mut facilitator, KeyCode::Char('o'), t0());
    let renewed = tokens_on_disk(&path);
    assert_ne!(renewed[2], tokens[2]);
    act(&mut projector, Action::Tick, at(3));
    let shown = frame(&projector, 160, 45);
    assert!(shown.contains(&renewed[2]), "the new address:\n{shown}");
    assert!(!shown.contains(&tokens[2]), "not the old one:\n{shown}");

    // Off: the address is withdrawn, and the codes leave the projector.
    code(&mut facilitator, KeyCode::Char('t'), t0());
    assert!(facilitator.phones.on.is_none());
    assert!(!phones_address_path(&path).exists());
    act(&mut projector, Action::Tick, at(4));
    assert!(projector.phones.on.is_none());
    assert!(!frame(&projector, 160, 45).contains("/t/"));

    // What a window that crashed while serving leaves (a file no running app holds)
    // shows nothing.
    std::fs::write(phones_address_path(&path), format!("{address}\n")).expect("written");
    act(&mut projector, Action::Tick, at(5));
    assert!(projector.phones.on.is_none());
    assert!(!frame(&projector, 160, 45).contains("/t/"));
}
