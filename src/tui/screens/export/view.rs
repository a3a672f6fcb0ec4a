//! Draws the export screen: one row per file, with what it holds and where it goes.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::export::notes::NotesFormat;
use crate::export::{Format, Variant};
use crate::i18n::Text;
use crate::i18n::export as x;
use crate::i18n::tui as t;
use crate::tui::action::{Action, ExportAction};
use crate::tui::app::App;
use crate::tui::export_files::{ExportEntry, default_export_path};
use crate::tui::widgets::fit;

fn describe(file: ExportEntry) -> Text {
    match file {
        ExportEntry::Synthesis(_, Variant::Travail) => x::SCREEN_TRAVAIL,
        ExportEntry::Synthesis(Format::Html, _) => x::SCREEN_HTML,
        ExportEntry::Synthesis(Format::Docx, _) => x::SCREEN_DOCX,
        ExportEntry::Synthesis(Format::Xlsx, _) => x::SCREEN_XLSX,
        ExportEntry::Synthesis(Format::Md, _) => t::EXPORT_SYNTH_MD,
        ExportEntry::Synthesis(Format::Csv, _) => t::EXPORT_SYNTH_CSV,
        ExportEntry::Synthesis(Format::Json, _) => t::EXPORT_SYNTH_JSON,
        ExportEntry::Synthesis(Format::Ron, _) => t::EXPORT_SYNTH_RON,
        ExportEntry::Proposals(NotesFormat::Markdown) => t::EXPORT_NOTES_MD,
        ExportEntry::Proposals(NotesFormat::Csv) => t::EXPORT_NOTES_CSV,
        ExportEntry::TableCards => crate::i18n::cards::SCREEN_CARDS,
    }
}

/// Draws the export screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(open) = app.open.as_ref() else { return };
    let (lang, theme) = (app.lang, &app.theme);
    let state = &open.export;
    let rows = ExportEntry::ALL.len() as u16;
    let [heading, list, _, written] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(rows),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    let folder = open.path.parent().map(|p| p.join("exports")).unwrap_or_else(|| PathBuf::from("exports"));
    Paragraph::new(vec![
        Line::from(vec![
            Span::styled(t::EXPORT_INTO.get(lang), theme.accent()),
            Span::styled(format!(" {}", folder.display()), theme.base()),
        ]),
        Line::default(),
    ])
    .render(heading, buf);
    let file_name_of = |file: ExportEntry| {
        let name = default_export_path(&open.path, file);
        name.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
    };
    let longest_name = ExportEntry::ALL.iter().map(|f| file_name_of(*f).chars().count()).max().unwrap_or(0);
    for (i, file) in ExportEntry::ALL.iter().enumerate() {
        let row = Rect { y: list.y + i as u16, height: 1, ..list };
        let selected = i == state.selected;
        let file_name = file_name_of(*file);
        let width = row.width as usize;
        let group = match file {
            ExportEntry::Synthesis(_, Variant::Travail) => x::STAFF,
            ExportEntry::Synthesis(..) => t::SYNTHESIS,
            ExportEntry::Proposals(_) => t::PROPOSALS,
            ExportEntry::TableCards => crate::i18n::cards::GROUP,
        };
        let label_w = 26;
        // Wide terminals show every file name whole and the description in what is left;
        // narrow ones show the file name whole and leave the description out.
        let file_w = if width >= 120 {
            (longest_name + 2).min(width.saturating_sub(label_w + 30))
        } else {
            width.saturating_sub(label_w)
        };
        let line = Line::from(vec![
            Span::styled(
                fit(&format!(" {} · {}", group.get(lang), file.label()), label_w),
                if selected { theme.selected() } else { theme.accent() },
            ),
            Span::styled(fit(&format!(" {file_name}"), file_w), theme.muted()),
            Span::styled(
                fit(&format!(" {}", describe(*file).get(lang)), width.saturating_sub(label_w + file_w)),
                theme.base(),
            ),
        ]);
        Paragraph::new(line).render(row, buf);
        app.hit(row, Action::Export(ExportAction::Select(i)));
    }
    if !state.written.is_empty() {
        let mut lines = vec![Line::styled(t::WRITTEN.get(lang), theme.ok())];
        lines.extend(state.written.iter().map(|p| Line::styled(format!("  {}", p.display()), theme.base())));
        Paragraph::new(lines).wrap(Wrap { trim: false }).render(written, buf);
    }
}
