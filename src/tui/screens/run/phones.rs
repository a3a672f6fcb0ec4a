//! The projector while phone capture is on: a QR code per table (drawn with half-block
//! characters, dark on light so phones read it on any theme) with the table's number
//! and how many changes its phone sent, the tables' addresses to type when a code
//! cannot be read, and the count of refused requests.

use qrcode::render::unicode::Dense1x2;
use qrcode::{EcLevel, QrCode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::i18n::Lang;
use crate::i18n::serve as ts;
use crate::i18n::tui as t;
use crate::tui::phones::{PhonesOn, PhonesState};
use crate::tui::theme::Theme;

/// The lines of `url`'s QR code, two modules per character cell vertically.
pub fn qr_lines(url: &str) -> Vec<String> {
    match QrCode::with_error_correction_level(url, EcLevel::L) {
        Ok(code) => code.render::<Dense1x2>().quiet_zone(true).build().lines().map(str::to_string).collect(),
        Err(_) => Vec::new(),
    }
}

pub fn render(state: &PhonesState, on: &PhonesOn, lang: Lang, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let counts: Vec<String> = on
        .tables
        .iter()
        .map(|(table, _)| format!("{table}:{}", state.counts.get(table).copied().unwrap_or(0)))
        .collect();
    let header = Line::from(vec![
        Span::styled(ts::phones_on(lang, &on.address), theme.accent()),
        Span::raw("  "),
        Span::styled(ts::phones_counts(lang, &counts.join(" "), state.refused), theme.base()),
    ]);
    Paragraph::new(header).centered().render(Rect { height: 1, ..area }, buf);
    let codes: Vec<(u32, Vec<String>)> =
        on.tables.iter().map(|(table, url)| (*table, qr_lines(url))).collect();
    let code_width =
        codes.iter().flat_map(|(_, l)| l.iter().map(|l| l.chars().count())).max().unwrap_or(0) as u16;
    let code_height = codes.iter().map(|(_, l)| l.len()).max().unwrap_or(0) as u16;
    let (cell_width, cell_height) = (code_width + 2, code_height + 1);
    let grid = Rect { y: area.y + 1, height: area.height - 1, ..area };
    let columns = (grid.width / cell_width.max(1)).max(1);
    let rows = grid.height / cell_height.max(1);
    let fitting = usize::from(columns * rows);
    let quiet = Style::default().fg(Color::Black).bg(Color::White);
    for (index, (table, lines)) in codes.iter().take(fitting).enumerate() {
        let (column, row) = (index as u16 % columns, index as u16 / columns);
        let x = grid.x + column * cell_width;
        let y = grid.y + row * cell_height;
        for (offset, line) in lines.iter().enumerate() {
            buf.set_string(x, y + offset as u16, line, quiet);
        }
        let label =
            format!("{} {table} · {}", t::TABLE.get(lang), state.counts.get(table).copied().unwrap_or(0));
        buf.set_stringn(x, y + code_height, label, usize::from(cell_width), theme.accent());
    }
    // The addresses to type, below the codes, as many as there is room for.
    let used = (codes.len().min(fitting) as u16).div_ceil(columns) * cell_height;
    let below = Rect { y: grid.y + used, height: grid.height.saturating_sub(used), ..grid };
    let addresses: Vec<Line> = on
        .tables
        .iter()
        .map(|(table, url)| Line::styled(format!("{} {table} : {url}", t::TABLE.get(lang)), theme.base()))
        .collect();
    Paragraph::new(addresses).render(below, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_address_fits_a_small_code() {
        let lines = qr_lines("http://192.168.100.200:8737/t/0123456789abcdefghjkmnpqrs");
        assert!(!lines.is_empty());
        // Version 4 (33 modules) with its quiet zone: 41 columns, 21 rows.
        assert!(lines.len() <= 21, "{} rows", lines.len());
        assert!(lines.iter().all(|l| l.chars().count() <= 41));
    }
}
