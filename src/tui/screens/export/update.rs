//! What the keys of the export screen do: write every file, or one file to a path the
//! facilitator types, and ask before replacing a file that exists there.

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::i18n::export as x;
use crate::i18n::tui as t;
use crate::tui::action::{Action, ExportAction};
use crate::tui::app::{App, Popup, Prompt};
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
        ExportAction::Write => {
            effects.push(Effect::Export { files: vec![state.file()], target: None, replace: false })
        }
        ExportAction::WriteAll => {
            effects.push(Effect::Export { files: ExportEntry::ALL.to_vec(), target: None, replace: false })
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
