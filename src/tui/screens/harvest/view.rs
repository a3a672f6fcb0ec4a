//! Draws the Synthèse screen: its tabs, its information line, and the view of the
//! selected tab (`board`, `detail`, `review`, [`super::charts`]).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::board::render_board;
use super::detail::render_detail;
use super::review::render_review;
use super::state::HarvestTab;
use crate::i18n::harvest as t;
use crate::synth::Group;
use crate::tui::action::{Action, HarvestAction};
use crate::tui::app::{App, OpenSession};
use crate::tui::widgets::fit;

/// Draws the synthèse screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(open) = app.open.as_ref() else { return };
    let state = &open.harvest;
    let [tabs_area, info_area, body] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Min(1)]).areas(area);
    render_tabs(app, open, tabs_area, buf);
    let panel = super::vote::panel_width(open, body);
    render_info(app, open, info_area, buf);
    let body = if panel > 0 {
        let [body, panel_area] =
            Layout::horizontal([Constraint::Min(1), Constraint::Length(panel)]).areas(body);
        let inner = Rect { x: panel_area.x + 1, width: panel_area.width - 1, ..panel_area };
        super::vote::render_panel(app, open, inner, buf);
        body
    } else {
        body
    };
    if open.session.proposals.is_empty() {
        Paragraph::new(t::NO_PROPOSALS.get(app.lang))
            .style(app.theme.muted())
            .wrap(Wrap { trim: true })
            .render(body, buf);
        return;
    }
    if let Some(group) = state.opened.and_then(|id| state.synthesis.group_of(id)) {
        return render_detail(app, open, group, body, buf);
    }
    match state.tab {
        HarvestTab::Conditions | HarvestTab::Others => render_board(app, open, body, buf),
        HarvestTab::Queue => render_review(app, open, body, buf),
        HarvestTab::Chart => super::charts::render(app, open, body, buf),
    }
}

/// ` Conditions (44)  Astuces et témoignages (20)  À valider (7)  Graphiques `
fn render_tabs(app: &App, open: &OpenSession, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, &app.theme);
    let synthesis = &open.harvest.synthesis;
    let kept = |groups: &[Group]| groups.iter().filter(|g| !g.excluded).count();
    let mut x = area.x;
    for tab in HarvestTab::ALL {
        let label = match tab {
            HarvestTab::Conditions => {
                format!(" {} ({}) ", tab.title().get(lang), kept(&synthesis.conditions))
            }
            HarvestTab::Others => format!(
                " {} ({}) ",
                tab.title().get(lang),
                kept(&synthesis.astuces) + kept(&synthesis.temoignages)
            ),
            HarvestTab::Queue => {
                format!(" {} ", crate::i18n::review::tab(lang, open.harvest.review.progress.left))
            }
            HarvestTab::Chart => format!(" {} ", tab.title().get(lang)),
        };
        let width = label.width() as u16;
        if x + width > area.right() {
            break;
        }
        let cell = Rect { x, width, ..area };
        let style = if tab == open.harvest.tab { theme.selected() } else { theme.muted() };
        Paragraph::new(Span::styled(label, style)).render(cell, buf);
        app.hit(cell, Action::Harvest(HarvestAction::ShowTab(tab)));
        x += width + 1;
    }
}

/// The summary line, or the marked condition, or the open vote (its counts and address),
/// and the dropped decisions if any.
fn render_info(app: &App, open: &OpenSession, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, &app.theme);
    let synthesis = &open.harvest.synthesis;
    let mut right = area.right();
    if !synthesis.dropped.is_empty() {
        let text = format!(" {}", t::dropped_count(lang, synthesis.dropped.len()));
        let width = (text.width() as u16).min(area.width / 2);
        right -= width;
        let cell = Rect { x: right, width, ..area };
        Paragraph::new(Span::styled(fit(&text, width as usize), theme.warn())).render(cell, buf);
        app.hit(cell, Action::Harvest(HarvestAction::ShowTab(HarvestTab::Queue)));
    }
    let left = Rect { width: right - area.x, ..area };
    let marked = open.harvest.marked.and_then(|id| synthesis.group_of(id));
    let vote = super::vote::summary(app, open);
    let (text, style) = match (marked, vote) {
        (Some(group), _) => (t::marked(lang, &group.wording), theme.warn()),
        (None, Some(vote)) => (vote, theme.accent()),
        (None, None) => (
            t::summary(
                lang,
                open.session.proposals.len(),
                synthesis.conditions.iter().filter(|g| !g.excluded).count(),
                synthesis.astuces.iter().filter(|g| !g.excluded).count(),
                synthesis.temoignages.iter().filter(|g| !g.excluded).count(),
            ),
            theme.muted(),
        ),
    };
    Paragraph::new(Span::styled(fit(&text, left.width as usize), style)).render(left, buf);
}
