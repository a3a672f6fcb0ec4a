//! Generic drawing shared by the screens, knowing nothing of the app: the one-line text
//! field, the text gauge, and text cut, wrapped or windowed to fit.

pub mod line_input;
pub mod meter;

pub use line_input::LineInput;

use std::ops::Range;

use ratatui::layout::Rect;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` cut to `width` columns (with `…` when cut) and padded with spaces to exactly
/// `width` columns.
pub fn fit(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    let total: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    let limit = if total > width { width.saturating_sub(1) } else { width };
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > limit {
            break;
        }
        out.push(c);
        used += w;
    }
    if total > width && width > 0 {
        out.push('…');
        used += 1;
    }
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

/// The rows of a list of `len` items shown in `height` rows so that `selected` is
/// visible (the selection stays near the bottom while scrolling down).
pub fn window(len: usize, selected: usize, height: usize) -> Range<usize> {
    if height == 0 || len == 0 {
        return 0..0;
    }
    let start = selected.saturating_sub(height - 1).min(len.saturating_sub(height));
    start..(start + height).min(len)
}

/// The sign of a cut list: ` ▲ +2 ▼ +5 ` for 2 rows hidden above and 5 below.
pub fn more_label(above: usize, below: usize) -> String {
    let mut out = String::from(" ");
    if above > 0 {
        out.push_str(&format!("▲ +{above} "));
    }
    if below > 0 {
        out.push_str(&format!("▼ +{below} "));
    }
    out
}

/// Draws [`more_label`] at the bottom right of `area`, a list showing `shown` of
/// `total` rows from `first`; nothing when the whole list shows.
pub fn more_marker(
    area: Rect,
    first: usize,
    shown: usize,
    total: usize,
    style: ratatui::style::Style,
    buf: &mut ratatui::buffer::Buffer,
) {
    if shown >= total || area.height == 0 {
        return;
    }
    let text = more_label(first, total - first - shown);
    let width = (text.width() as u16).min(area.width);
    let cell = Rect { x: area.right() - width, y: area.bottom() - 1, width, height: 1 };
    buf.set_stringn(cell.x, cell.y, &text, width as usize, style);
}

/// `text` in lines of at most `width` columns, broken at spaces (or inside a word
/// longer than a line).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let needed = if line.is_empty() { word.width() } else { line.width() + 1 + word.width() };
        if needed <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if line.width() + c.width().unwrap_or(0) > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_and_pads_by_display_width() {
        assert_eq!(fit("abc", 5), "abc  ");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("été", 3), "été");
        assert_eq!(fit("🙂🙂🙂", 4), "🙂… ");
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_inside_long_words() {
        assert_eq!(wrap("un deux trois", 7), vec!["un deux", "trois"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), vec![""]);
        assert_eq!(wrap("été où", 3), vec!["été", "où"]);
    }

    #[test]
    fn window_keeps_the_selection_visible() {
        assert_eq!(window(10, 0, 3), 0..3);
        assert_eq!(window(10, 5, 3), 3..6);
        assert_eq!(window(10, 9, 3), 7..10);
        assert_eq!(window(2, 1, 5), 0..2);
        assert_eq!(window(0, 0, 5), 0..0);
    }
}
