//! The opened condition of the Synthèse screen: its original wordings, its tables, and
//! why they were put together.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::labels::{family_style, votes_label};
use crate::domain::Kind;
use crate::i18n::harvest as t;
use crate::synth::{Group, Status as GroupStatus};
use crate::tui::action::{Action, HarvestAction};
use crate::tui::app::{App, OpenSession};
use crate::tui::widgets::meter::meter;
use crate::tui::widgets::{fit, window, wrap};

/// The opened condition: wording, support, votes, family, why its proposals were put
/// together, and each original wording with its table and round.
pub(super) fn render_detail(app: &App, open: &OpenSession, group: &Group, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, &app.theme);
    let session = &open.session;
    let kind = session.proposal(group.anchor).map_or(Kind::Condition, |p| p.kind);
    let kind_label = match kind {
        Kind::Condition => t::CONDITION,
        Kind::Astuce => t::ASTUCE,
        Kind::Temoignage => t::TEMOIGNAGE,
    };
    let family = group.family.and_then(|n| session.families.iter().find(|f| f.number == n));
    let title = match family {
        Some(f) if kind == Kind::Condition => {
            format!(
                " {} · {} {} — {} ",
                kind_label.get(lang),
                t::FAMILY.get(lang),
                f.number,
                f.title_in(lang.is_english())
            )
        }
        _ => format!(" {} ", kind_label.get(lang)),
    };
    let block = Block::bordered()
        .title(Span::styled(title, family_style(theme, group.family).add_modifier(Modifier::BOLD)))
        .border_style(theme.accent());
    let inner = block.inner(area);
    block.render(area, buf);
    let inner = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    let width = inner.width as usize;

    // The header, wrapped to the width: (text, style) per paragraph.
    let mut paragraphs: Vec<(String, Style)> = Vec::new();
    let mut wording_style = theme.accent();
    if group.excluded {
        wording_style = wording_style.add_modifier(Modifier::CROSSED_OUT);
    }
    paragraphs.push((format!("« {} »", group.wording), wording_style));
    if group.edited {
        paragraphs.push((t::REWORDED.get(lang).to_string(), theme.muted()));
    }
    if group.excluded {
        paragraphs.push((t::EXCLUDED_NOTE.get(lang).to_string(), theme.warn()));
    }
    let tables_text = group.tables.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
    let mut support = vec![
        Span::styled(format!("{} ", t::SUPPORT.get(lang)), theme.muted()),
        Span::styled(
            meter(group.support, session.tables.len().max(1), 12, true),
            family_style(theme, group.family),
        ),
        Span::styled(format!(" {}", t::tables_list(lang, group.support, &tables_text)), theme.base()),
    ];
    if group.votes > 0 {
        support.push(Span::styled(format!("   {} ", t::VOTES.get(lang)), theme.muted()));
        support.push(Span::styled(votes_label(group.votes, 10), theme.warn()));
    }
    if kind == Kind::Condition {
        let status = match group.status {
            GroupStatus::Decided => t::CHOSEN.get(lang).to_string(),
            other => t::confidence(
                lang,
                crate::i18n::synth::status(lang, other),
                (group.confidence * 100.0).round() as u32,
            ),
        };
        let family_text = match family {
            Some(f) => {
                format!("{} {} · {} — {status}", t::FAMILY.get(lang), f.number, f.title_in(lang.is_english()))
            }
            None => format!("{} : {}", t::FAMILY.get(lang), t::NO_FAMILY.get(lang)),
        };
        paragraphs.push((family_text, theme.base()));
    }
    let concepts = if group.explanation.shared_concepts.is_empty() {
        t::NOTHING_SHARED.get(lang).to_string()
    } else {
        group.explanation.shared_concepts.join(" · ")
    };
    let why = if group.members.len() > 1 { t::WHY } else { t::WHY_ALONE };
    paragraphs.push((format!("{} : {concepts}", why.get(lang)), theme.base()));
    if let Some(seed) = &group.explanation.closest_seed {
        paragraphs.push((format!("{} : « {seed} »", t::CLOSEST_SEED.get(lang)), theme.muted()));
    }
    let mut lines: Vec<Line> = Vec::new();
    let (first, rest) = paragraphs.split_first().map_or((None, &[][..]), |(f, r)| (Some(f), r));
    if let Some((text, style)) = first {
        lines.extend(wrap(text, width).into_iter().map(|l| Line::styled(l, *style)));
    }
    lines.push(Line::from(support));
    for (text, style) in rest {
        lines.extend(wrap(text, width).into_iter().map(|l| Line::styled(l, *style)));
    }
    let header_height = (lines.len() as u16).min(inner.height.saturating_sub(3));
    Paragraph::new(lines).render(Rect { height: header_height, ..inner }, buf);

    let list_top = inner.y + header_height + 1;
    if list_top + 1 >= inner.bottom() {
        return;
    }
    let heading = Rect { y: list_top, height: 1, ..inner };
    Paragraph::new(Span::styled(fit(&t::wordings(lang, group.members.len()), width), theme.accent()))
        .render(heading, buf);
    let list = Rect { y: list_top + 1, height: inner.bottom() - list_top - 1, ..inner };
    let state = &open.harvest;
    let rows = window(group.members.len(), state.member, list.height as usize);
    let (first, shown) = (rows.start, rows.len());
    for (offset, index) in rows.enumerate() {
        let id = group.members[index];
        let row = Rect { y: list.y + offset as u16, height: 1, ..list };
        let selected = index == state.member;
        let (origin, text) = match session.proposal(id) {
            Some(p) => (t::origin(lang, p.table, p.round), p.text.as_str()),
            None => (String::new(), ""),
        };
        let prefix =
            format!("{} {:<5} {} ", if selected { "▸" } else { " " }, id.to_string(), fit(&origin, 18));
        let text_width = width.saturating_sub(prefix.width());
        let style = if selected { theme.selected() } else { theme.base() };
        Paragraph::new(Line::from(vec![
            Span::styled(prefix, theme.muted()),
            Span::styled(fit(text, text_width), style),
        ]))
        .render(row, buf);
        app.hit(row, Action::Harvest(HarvestAction::SelectMember(index)));
    }
    crate::tui::widgets::more_marker(list, first, shown, group.members.len(), theme.warn(), buf);
}
