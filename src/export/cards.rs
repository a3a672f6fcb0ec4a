//! The printable table cards: one self-contained web page (no external asset, styles
//! inline, a print stylesheet putting two cards on each A4 page) with one card per
//! table: its number and name, its question and the rounds' questions, the QR code of
//! its phone address (inline SVG from `qrcode`) and that address in large type to
//! type, and one line saying what to do (in French, and in English too when the app
//! speaks English). Every text is made printable ([`super::printable`]) and then
//! HTML-escaped; the QR code's markup is the library's, drawn from the address alone.

use std::fmt::Write as _;

use html_escape::encode_text as escape;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use super::printable;
use crate::domain::Session;
use crate::i18n::Lang;
use crate::i18n::cards as text;

const STYLE: &str = r#"
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1b1b;
       margin: 1.5rem auto; max-width: 190mm; padding: 0 .5rem; }
.card { border: 1.5px dashed #5b6770; border-radius: 4mm; padding: 8mm 9mm; margin: 0 0 8mm 0;
        height: 132mm; display: flex; flex-direction: column; overflow: hidden;
        break-inside: avoid; page-break-inside: avoid; }
.card h1 { font-size: 30pt; margin: 0; color: #1d5c63; line-height: 1.1; }
.card h1 .name { font-weight: normal; color: #1b1b1b; }
.questions { margin: 3mm 0 0 0; padding: 0; list-style: none; font-size: 12.5pt; line-height: 1.3; }
.questions li { margin: 1mm 0; }
.questions .round { color: #5b6770; font-weight: 600; }
.body { display: flex; gap: 8mm; align-items: center; margin-top: auto; }
.qr svg { display: block; width: 58mm; height: 58mm; }
.where { flex: 1; min-width: 0; }
.address { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 17pt; font-weight: 700;
           word-break: break-all; line-height: 1.25; margin: 0 0 3mm 0; }
.url { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 8.5pt; color: #5b6770;
       word-break: break-all; margin: 0 0 3mm 0; }
.how { font-size: 11pt; margin: 0; }
.how + .how { color: #5b6770; margin-top: 1.5mm; }
@page { size: A4; margin: 10mm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; }
  .card { margin: 0 0 6mm 0; }
  .card:nth-of-type(2n) { break-after: page; page-break-after: always; margin-bottom: 0; }
  .card:last-of-type { break-after: auto; page-break-after: auto; }
}
"#;

/// One card's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCard {
    pub number: u32,
    pub name: String,
    /// The table's own question, then each round's (`Some(round)`), as the session has
    /// them.
    pub questions: Vec<(Option<u32>, String)>,
    /// The table's page address (with its secret).
    pub url: String,
}

/// The cards of the tables of `session` that have an address in `addresses` (table
/// number, page address), in the session's order of tables.
pub fn cards(session: &Session, addresses: &[(u32, String)]) -> Vec<TableCard> {
    let rounds: Vec<(Option<u32>, String)> = (1..=session.schedule.rounds())
        .filter_map(|round| session.schedule.round_question(round).map(|q| (Some(round), q.to_string())))
        .collect();
    session
        .tables
        .iter()
        .filter_map(|table| {
            let url = addresses.iter().find(|(number, _)| *number == table.number)?.1.clone();
            let own = table.question.trim();
            let questions = (!own.is_empty())
                .then(|| (None, own.to_string()))
                .into_iter()
                .chain(rounds.iter().cloned())
                .collect();
            Some(TableCard { number: table.number, name: table.name.trim().to_string(), questions, url })
        })
        .collect()
}

/// The address as typed in a browser: without `http://`.
pub fn short_address(url: &str) -> &str {
    url.strip_prefix("http://").unwrap_or(url)
}

/// The QR code of `url` as inline SVG markup (no XML declaration), or `None` when the
/// address is too long for a QR code.
pub fn qr_svg(url: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(url, EcLevel::M).ok()?;
    let image = code.render::<svg::Color<'_>>().quiet_zone(true).min_dimensions(240, 240).build();
    image.find("<svg").map(|start| image[start..].to_string())
}

/// The page of cards of `session`'s tables, with their addresses (table number, page
/// address).
pub fn to_cards_html(session: &Session, addresses: &[(u32, String)], lang: Lang) -> String {
    let title = text::title(lang, &printable(&session.title));
    let mut out = super::html::document_start(lang, &title, STYLE);
    for card in cards(session, addresses) {
        write_card(&mut out, &card, lang);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn write_card(out: &mut String, card: &TableCard, lang: Lang) {
    let _ = write!(out, "<section class=\"card\">\n<h1>{}", escape(&text::table(lang, card.number)));
    if !card.name.is_empty() {
        let _ = write!(out, " <span class=\"name\">— {}</span>", escape(&printable(&card.name)));
    }
    out.push_str("</h1>\n");
    if !card.questions.is_empty() {
        out.push_str("<ul class=\"questions\">\n");
        for (round, question) in &card.questions {
            out.push_str("<li>");
            if let Some(round) = round {
                let _ = write!(out, "<span class=\"round\">{} · </span>", escape(&text::round(lang, *round)));
            }
            let _ = writeln!(out, "{}</li>", escape(&printable(question)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<div class=\"body\">\n");
    if let Some(svg) = qr_svg(&card.url) {
        let _ = writeln!(
            out,
            "<div class=\"qr\" role=\"img\" aria-label=\"{}\">{svg}</div>",
            html_escape::encode_double_quoted_attribute(text::QR_ALT.get(lang))
        );
    }
    let url = printable(&card.url);
    let _ = write!(
        out,
        "<div class=\"where\">\n<p class=\"address\">{}</p>\n<p class=\"url\">{}</p>\n<p class=\"how\" lang=\"fr\">{}</p>\n",
        escape(short_address(&url)),
        escape(&url),
        escape(text::HOW_TO_FR)
    );
    if lang.is_english() {
        let _ = writeln!(out, "<p class=\"how\" lang=\"en\">{}</p>", escape(text::HOW_TO_EN));
    }
    out.push_str("</div>\n</div>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        let mut s = Session::new("Café <b>test</b>", Vec::new(), 3, 2, 20).expect("valid");
        s.tables[0].name = "<script>alert(1)</script>".into();
        s.tables[0].question = "Qu'est-ce qui aide & qui freine ?".into();
        s.schedule.round_questions = vec!["Pourquoi s'engager ?".into(), String::new()];
        s
    }

    fn addresses() -> Vec<(u32, String)> {
        (1..=3).map(|n| (n, format!("http://192.168.1.20:8737/t/{n}123456789abcdefghjkmnpqr"))).collect()
    }

    #[test]
    fn one_card_per_table_with_its_address_its_code_and_its_questions() {
        let html = to_cards_html(&session(), &addresses(), Lang::Fr);
        assert_eq!(html.matches("<section class=\"card\">").count(), 3);
        assert_eq!(html.matches("<svg").count(), 3);
        for (_, url) in addresses() {
            assert!(html.contains(&url), "{url}");
            assert!(html.contains(&format!(">{}<", short_address(&url))));
        }
        assert!(html.contains("Qu'est-ce qui aide &amp; qui freine ?"));
        assert!(html.contains("Tour 1 · </span>Pourquoi s'engager ?"));
        assert!(!html.contains("Tour 2"), "an empty round question is left out");
        assert!(html.contains(text::HOW_TO_FR) && !html.contains(text::HOW_TO_EN));
        assert!(!html.contains("<?xml"));
        let english = to_cards_html(&session(), &addresses(), Lang::En);
        assert!(english.contains(text::HOW_TO_FR) && english.contains(text::HOW_TO_EN));
        assert!(english.contains("Round 1 · "));
    }

    #[test]
    fn every_text_is_inert() {
        let html = to_cards_html(&session(), &addresses(), Lang::Fr);
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("Café &lt;b&gt;test&lt;/b&gt;"));
        for external in ["<link", "src=", "url(", "@import"] {
            assert!(!html.contains(external), "no external asset: {external}");
        }
    }

    #[test]
    fn only_tables_with_an_address_get_a_card() {
        let html = to_cards_html(&session(), &addresses()[1..], Lang::Fr);
        assert_eq!(html.matches("<section class=\"card\">").count(), 2);
        assert!(!html.contains("Table 1"));
    }
}
