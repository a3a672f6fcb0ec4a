//! The projector while phone capture is on: a QR code per table (`qrcode`'s densest
//! terminal rendering, two modules per character cell vertically, dark on light so
//! phones read it on any theme) with the table's number and how many changes its
//! phone sent; when the codes do not all fit, a page of them at a time (turning by
//! themselves while the clock runs, or with PageDown / PageUp, as the rotation's
//! pages). Every table's address to type stays on screen on every page, and so does
//! the count of refused requests. A projector window draws the same panel from the
//! address the serving window publishes, without the counts it cannot know; when that
//! address could not be written, the serving window says so under its header.

use qrcode::render::unicode::Dense1x2;
use qrcode::{EcLevel, QrCode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::export::cards::short_address;
use crate::i18n::plan as tp;
use crate::i18n::serve as ts;
use crate::i18n::tui as t;
use crate::tui::app::{App, OpenSession};
use crate::tui::phones::PhonesOn;
use crate::tui::widgets::wrap;

/// The lines of `url`'s QR code, two modules per character cell vertically.
pub fn qr_lines(url: &str) -> Vec<String> {
    match QrCode::with_error_correction_level(url, EcLevel::L) {
        Ok(code) => code.render::<Dense1x2>().quiet_zone(true).build().lines().map(str::to_string).collect(),
        Err(_) => Vec::new(),
    }
}

/// How the codes and the addresses share the area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Layout {
    /// Codes side by side, and rows of them, on a page (0: no code fits).
    code_columns: u16,
    code_rows: u16,
    /// Columns of addresses, and rows of them on a page.
    address_columns: u16,
    address_rows: u16,
}

impl Layout {
    /// `tables` codes of `code` cells (width, height, its label included) and
    /// addresses `address_width` wide, in `width` × `height` cells.
    fn new(tables: usize, code: (u16, u16), address_width: u16, width: u16, height: u16) -> Layout {
        let tables = u16::try_from(tables).unwrap_or(u16::MAX).max(1);
        let address_columns = (width / address_width.max(1)).clamp(1, tables);
        let address_rows = tables.div_ceil(address_columns);
        // The addresses first (all of them), then the codes (and a blank row between
        // them when there is room for it).
        let left = height.saturating_sub(address_rows);
        let (code_columns, code_rows) = match code {
            (w, h) if w > 0 && h > 0 => ((width / w).min(tables), left / h),
            _ => (0, 0),
        };
        Layout {
            code_columns,
            code_rows: if code_columns == 0 { 0 } else { code_rows.min(tables.div_ceil(code_columns)) },
            address_columns,
            address_rows: address_rows.min(height),
        }
    }

    fn codes_per_page(self) -> usize {
        usize::from(self.code_columns * self.code_rows)
    }
}

/// Draws the codes and the addresses of phone capture in `area`.
pub fn render(app: &App, open: &OpenSession, on: &PhonesOn, area: Rect, buf: &mut Buffer) {
    let (lang, theme, state) = (app.lang, &app.theme, &app.phones);
    if area.height == 0 || on.tables.is_empty() {
        return;
    }
    let codes: Vec<(u32, Vec<String>)> =
        on.tables.iter().map(|(table, url)| (*table, qr_lines(url))).collect();
    let code_width = codes.iter().flat_map(|(_, l)| l.iter().map(|l| l.width())).max().unwrap_or(0) as u16;
    let code_height = codes.iter().map(|(_, l)| l.len()).max().unwrap_or(0) as u16;
    let addresses: Vec<(u32, String)> = on
        .tables
        .iter()
        .map(|(table, url)| (*table, format!("{} {table} : {}", t::TABLE.get(lang), short_address(url))))
        .collect();
    let address_width = addresses.iter().map(|(_, a)| a.width()).max().unwrap_or(0) as u16 + 3;
    // Under the header, why projector windows show no codes, while that lasts.
    let unpublished = state.unpublished.as_deref().filter(|_| !app.projector && area.height > 3);
    let warning: Vec<Line> = unpublished
        .map(|why| wrap(why, usize::from(area.width)))
        .unwrap_or_default()
        .into_iter()
        .map(|line| Line::styled(line, theme.error()))
        .collect();
    let warning_rows = (warning.len() as u16).min(area.height.saturating_sub(2));
    let top = 1 + warning_rows;
    let body = Rect { y: area.y + top, height: area.height - top, ..area };
    let layout =
        Layout::new(codes.len(), (code_width + 2, code_height + 1), address_width, body.width, body.height);

    // Codes a page at a time; when none fits, the addresses alone (a page at a time if
    // even they do not fit).
    let per_page = if layout.codes_per_page() > 0 {
        layout.codes_per_page()
    } else {
        usize::from(layout.address_columns * layout.address_rows).max(1)
    };
    let pages = codes.len().div_ceil(per_page).max(1);
    let page = super::rotation::page_index(open, pages, app.now);
    let on_page = page * per_page..((page + 1) * per_page).min(codes.len());

    let counts: Vec<String> = on
        .tables
        .iter()
        .map(|(table, _)| format!("{table}:{}", state.counts.get(table).copied().unwrap_or(0)))
        .collect();
    let mut header = vec![Span::styled(ts::phones_on(lang, &on.address), theme.accent())];
    if pages > 1 {
        header.push(Span::styled(format!("  {}", tp::page(lang, page + 1, pages)), theme.muted()));
    }
    // A projector window hears nothing from the server: no counts to show.
    if !app.projector {
        header.push(Span::raw("  "));
        header.push(Span::styled(ts::phones_counts(lang, &counts.join(" "), state.refused), theme.base()));
    }
    Paragraph::new(Line::from(header)).centered().render(Rect { height: 1, ..area }, buf);
    let rows = Rect { y: area.y + 1, height: warning_rows, ..area };
    Paragraph::new(warning).centered().render(rows, buf);

    let mut y = body.y;
    let bottom = body.y + body.height;
    if layout.codes_per_page() > 0 {
        let cell = (code_width + 2, code_height + 1);
        let shown = codes.get(on_page.clone()).unwrap_or_default();
        let columns = layout.code_columns.min(shown.len() as u16).max(1);
        let left = body.x + body.width.saturating_sub(columns * cell.0) / 2;
        let quiet = Style::default().fg(Color::Black).bg(Color::White);
        for (index, (table, lines)) in shown.iter().enumerate() {
            let (column, row) = (index as u16 % columns, index as u16 / columns);
            let (x, top) = (left + column * cell.0, body.y + row * cell.1);
            for (offset, line) in lines.iter().enumerate() {
                buf.set_string(x, top + offset as u16, line, quiet);
            }
            let label = match state.counts.get(table).copied().unwrap_or(0) {
                _ if app.projector => format!("{} {table}", t::TABLE.get(lang)),
                count => format!("{} {table} · {count}", t::TABLE.get(lang)),
            };
            let label_x = x + code_width.saturating_sub(label.width() as u16) / 2;
            buf.set_stringn(label_x, top + code_height, label, usize::from(cell.0), theme.accent());
        }
        y += (shown.len() as u16).div_ceil(columns) * cell.1;
        if y + layout.address_rows < bottom {
            y += 1;
        }
    } else if body.height > layout.address_rows + 1 && code_width > 0 {
        let note = Line::styled(ts::CODES_DO_NOT_FIT.get(lang), theme.muted());
        Paragraph::new(note).centered().render(Rect { y, height: 1, ..body }, buf);
        y += 1;
    }

    // Every table's address (those whose code is on screen stand out).
    let shown_tables: Vec<u32> = if layout.codes_per_page() > 0 {
        codes[on_page.clone()].iter().map(|(t, _)| *t).collect()
    } else {
        Vec::new()
    };
    let listed: &[(u32, String)] = if layout.codes_per_page() > 0 || pages == 1 {
        &addresses
    } else {
        addresses.get(on_page).unwrap_or_default()
    };
    let rows = layout.address_rows.max(1);
    let block_width = layout.address_columns * address_width;
    let left = body.x + body.width.saturating_sub(block_width) / 2;
    for (index, (table, text)) in listed.iter().enumerate() {
        let (column, row) = (index as u16 / rows, index as u16 % rows);
        let line_y = y + row;
        if line_y >= bottom || column >= layout.address_columns {
            continue;
        }
        let style = if shown_tables.contains(table) {
            theme.accent().add_modifier(Modifier::BOLD)
        } else {
            theme.base()
        };
        let x = left + column * address_width;
        buf.set_stringn(x, line_y, text, usize::from(address_width.min(body.x + body.width - x)), style);
    }
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

    #[test]
    fn the_addresses_come_first_then_as_many_codes_as_fit() {
        // 160 columns, 26 rows, 8 tables: three columns of addresses (3 rows), one row
        // of three codes.
        let layout = Layout::new(8, (43, 22), 50, 160, 26);
        assert_eq!((layout.address_columns, layout.address_rows), (3, 3));
        assert_eq!((layout.code_columns, layout.code_rows), (3, 1));
        assert_eq!(layout.codes_per_page(), 3);
        // The rows a code needs and not one more.
        let layout = Layout::new(8, (43, 22), 60, 160, 26);
        assert_eq!((layout.address_columns, layout.address_rows), (2, 4));
        assert_eq!(layout.codes_per_page(), 3);
        // Too low for any code: the addresses alone.
        let layout = Layout::new(4, (43, 22), 50, 80, 10);
        assert_eq!(layout.codes_per_page(), 0);
        assert_eq!((layout.address_columns, layout.address_rows), (1, 4));
        // Room for all: one page.
        let layout = Layout::new(4, (43, 22), 50, 240, 60);
        assert_eq!(layout.codes_per_page(), 4);
        assert_eq!((layout.code_columns, layout.code_rows), (4, 1));
    }
}
