//! A gauge drawn with text: a bar in eighths of a cell, for support and counts.

/// A text gauge: a horizontal bar of `width` cells for `value` out of `max`, in eighths of a cell;
/// with `track`, the rest is drawn light.
pub fn meter(value: usize, max: usize, width: usize, track: bool) -> String {
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let max = max.max(1);
    let eighths = (value.min(max) * width * 8).div_ceil(max);
    let full = eighths / 8;
    let mut out = "█".repeat(full);
    let mut used = full;
    if full < width && !eighths.is_multiple_of(8) {
        out.push_str(PARTS[eighths % 8]);
        used += 1;
    }
    let rest = width.saturating_sub(used);
    out.push_str(&(if track { "░" } else { " " }).repeat(rest));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meters_fill_by_eighths() {
        assert_eq!(meter(0, 4, 4, true), "░░░░");
        assert_eq!(meter(4, 4, 4, true), "████");
        assert_eq!(meter(2, 4, 4, false), "██  ");
        assert_eq!(meter(1, 3, 4, false).chars().count(), 4);
        assert_eq!(meter(9, 4, 3, true), "███", "clamped to the maximum");
        assert_eq!(meter(1, 0, 2, true), "██", "a zero maximum never divides by zero");
    }
}
