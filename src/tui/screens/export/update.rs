//! What the keys of the export screen do: write every file, or one file to a path the
//! facilitator types, and ask before replacing a file that exists there. The table
//! cards carry the phone addresses, so they are written only while phone capture is on.

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::i18n::export as x;
use crate::i18n::tui as t;
use crate::tui::action::{Action, ExportAction};
use crate::tui::app::{App, Popup, Prompt, Status};
use crate::tui::effect::Effect;
use crate::tui::export_files::{ExportEntry, default_export_path};
use crate::tui::widgets::LineInput;

/// Applies an export key.
pub fn update(app: &mut App, action: ExportAction, effects: &mut Vec<Effect>) {
    let lang: Lang = app.lang;
    let Some(open) = app.open.as_mut() else { return };
    let state = &mut open.export;
    let last = ExportEntry::ALL.len() - 1;
    match action {
        ExportAction::Up => state.selected = state.selected.saturating_sub(1),
        ExportAction::Down => state.selected = (state.selected + 1).min(last),
        ExportAction::Select(row) => {
            if state.selected == row {
                update(app, ExportAction::Write, effects);
            } else {
                state.selected = row.min(last);
            }
        }
        ExportAction::Write if state.file() == ExportEntry::TableCards && app.phones.on.is_none() => {
            app.status = Some(Status::Error(crate::i18n::cards::NEED_PHONES.get(lang).to_string()));
        }
        ExportAction::Write => {
            effects.push(Effect::Export { files: vec![state.file()], target: None, replace: false })
        }
        ExportAction::WriteAll => {
            // The table cards need phone capture on (their addresses): left out while off.
            let phones_on = app.phones.on.is_some();
            let files =
                ExportEntry::ALL.into_iter().filter(|f| phones_on || *f != ExportEntry::TableCards).collect();
            effects.push(Effect::Export { files, target: None, replace: false })
        }
        ExportAction::WriteTo => {
            let suggestion = default_export_path(&open.path, state.file());
            app.popup = Some(Popup::Ask {
                prompt: Prompt::ExportPath,
                question: t::ASK_EXPORT_PATH.get(lang).to_string(),
                input: Box::new(LineInput::new(&suggestion.display().to_string())),
            });
        }
    }
}

/// The typed export path exists: ask whether to replace it.
pub fn ask_replace(app: &mut App, path: PathBuf) {
    let message = x::confirm_replace(app.lang, &path.display().to_string());
    app.popup = Some(Popup::Confirm { message, on_yes: Box::new(Action::ReplaceExport(path)) });
}

/// Confirmed: write the selected file over the existing one.
pub fn replace(app: &mut App, path: PathBuf, effects: &mut Vec<Effect>) {
    if let Some(open) = app.open.as_ref() {
        effects.push(Effect::Export { files: vec![open.export.file()], target: Some(path), replace: true });
    }
}
