//! How a condition reads in every view of the Synthèse screen: its votes, its flags,
//! its family's colour, its proposals' ids.

use ratatui::style::Style;

use crate::domain::{Kind, ProposalId};
use crate::synth::{Group, Status as GroupStatus};
use crate::tui::theme::Theme;

/// `●●● 3`: dots for the first votes, then the number.
pub fn votes_label(votes: u32, dots: usize) -> String {
    if votes == 0 {
        return String::new();
    }
    let shown = (votes as usize).min(dots);
    format!("{} {votes}", "●".repeat(shown))
}

/// The flags of a group: `?` family to confirm and `✓` family chosen (conditions
/// only), `✎` reworded.
pub fn flags(group: &Group, kind: Kind) -> String {
    let mut out = String::new();
    if kind == Kind::Condition {
        if group.status == GroupStatus::ToValidate
            || (group.family.is_none() && group.status != GroupStatus::Decided)
        {
            out.push('?');
        }
        if group.status == GroupStatus::Decided {
            out.push('✓');
        }
    }
    if group.edited {
        out.push('✎');
    }
    out
}

pub fn family_style(theme: &Theme, family: Option<u8>) -> Style {
    family.map_or_else(|| theme.warn(), |n| theme.family(n))
}

/// The ids as the room reads them (`p3, p17`).
pub fn ids(list: &[ProposalId]) -> String {
    list.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn votes_show_dots_then_the_count() {
        assert_eq!(votes_label(0, 5), "");
        assert_eq!(votes_label(3, 5), "●●● 3");
        assert_eq!(votes_label(12, 5), "●●●●● 12");
    }
}
