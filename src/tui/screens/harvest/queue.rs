//! The queue « à valider » of the Synthèse screen: the uncertain merges and families,
//! then the decisions that had to be dropped.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::labels::{family_style, ids};
use super::state::{QueueItem, queue};
use crate::i18n::harvest as t;
use crate::synth::Group;
use crate::tui::action::{Action, HarvestAction};
use crate::tui::app::{App, OpenSession};
use crate::tui::widgets::fit;

/// The queue « à valider », then the dropped decisions.
pub(super) fn render_queue(app: &App, open: &OpenSession, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, &app.theme);
    let state = &open.harvest;
    let session = &open.session;
    let width = area.width as usize;
    let items = queue(&state.synthesis);
    // Every line with the item it belongs to, so a click selects it.
    let mut lines: Vec<(Line, Option<usize>)> = Vec::new();
    lines.push((Line::styled(fit(t::QUEUE_HINT.get(lang), width), theme.muted()), None));
    if items.is_empty() {
        lines.push((Line::styled(t::QUEUE_EMPTY.get(lang), theme.ok()), None));
    }
    let support = |g: &Group| t::tables(lang, g.support);
    for (i, item) in items.iter().enumerate() {
        let selected = i == state.queue_row;
        let pointer = if selected { "▸ " } else { "  " };
        let head_style = if selected { theme.selected() } else { theme.accent() };
        lines.push((Line::default(), Some(i)));
        match item {
            QueueItem::Merge { suggestion, a, b } => {
                let percent = (suggestion.similarity * 100.0).round() as u32;
                let head = format!(
                    "{pointer}{} {}",
                    t::SAME_IDEA.get(lang),
                    t::similar(lang, percent, &suggestion.shared_concepts.join(", "))
                );
                lines.push((Line::styled(fit(&head, width), head_style), Some(i)));
                for g in [a, b] {
                    let text = format!("    « {} » — {}", g.wording, support(g));
                    lines.push((Line::styled(fit(&text, width), theme.base()), Some(i)));
                }
            }
            QueueItem::Family(group) => {
                let guess = group.family.and_then(|n| session.families.iter().find(|f| f.number == n));
                let guess = match guess {
                    Some(f) => t::confidence(
                        lang,
                        &format!("→ {} · {}", f.number, f.title_in(lang.is_english())),
                        (group.confidence * 100.0).round() as u32,
                    ),
                    None => format!("→ {}", t::NO_FAMILY.get(lang)),
                };
                let head = format!("{pointer}{} {guess}", t::WHICH_FAMILY.get(lang));
                lines.push((Line::styled(fit(&head, width), head_style), Some(i)));
                let text = format!("    « {} » — {}", group.wording, support(group));
                lines.push((Line::styled(fit(&text, width), family_style(theme, group.family)), Some(i)));
            }
        }
    }
    if !state.synthesis.dropped.is_empty() {
        lines.push((Line::default(), None));
        lines.push((Line::styled(t::DROPPED_HEADING.get(lang), theme.warn()), None));
        for d in &state.synthesis.dropped {
            let text = format!(
                "  ⚠ {}",
                crate::i18n::synth::dropped(lang, d.decision, d.reason, &ids(&d.proposals))
            );
            lines.push((Line::styled(fit(&text, width), theme.warn()), None));
        }
    }
    // Scroll so that the selected item is in view.
    let height = area.height as usize;
    let first = lines.iter().position(|(_, owner)| *owner == Some(state.queue_row)).unwrap_or(0);
    let last = lines.iter().rposition(|(_, owner)| *owner == Some(state.queue_row)).unwrap_or(0);
    let start = if last + 1 > height { (last + 1 - height).min(first) } else { 0 };
    for (offset, (line, owner)) in lines.into_iter().skip(start).take(height).enumerate() {
        let row = Rect { y: area.y + offset as u16, height: 1, ..area };
        Paragraph::new(line).render(row, buf);
        if let Some(i) = owner {
            app.hit(row, Action::Harvest(HarvestAction::SelectQueue(i)));
        }
    }
}
