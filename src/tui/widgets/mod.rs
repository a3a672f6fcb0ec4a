//! Widgets shared by the screens: the title bar with the save state, the help bar built
//! from the keymap, popups, and the one-line text field.

pub mod bars;
pub mod line_input;
pub mod popup;

pub use line_input::LineInput;

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

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
    fn window_keeps_the_selection_visible() {
        assert_eq!(window(10, 0, 3), 0..3);
        assert_eq!(window(10, 5, 3), 3..6);
        assert_eq!(window(10, 9, 3), 7..10);
        assert_eq!(window(2, 1, 5), 0..2);
        assert_eq!(window(0, 0, 5), 0..0);
    }
}
