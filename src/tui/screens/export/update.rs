//! What the keys of the export screen do: write every file, or one format to a path
//! the facilitator types.

use crate::i18n::Lang;
use crate::i18n::tui as t;
use crate::tui::action::ExportAction;
use crate::tui::app::{App, Popup, Prompt};
use crate::tui::effect::Effect;
use crate::tui::export_files::{ExportFormat, default_export_path};
use crate::tui::widgets::LineInput;

/// Applies an export key.
pub fn update(app: &mut App, action: ExportAction, effects: &mut Vec<Effect>) {
    let lang: Lang = app.lang;
    let Some(open) = app.open.as_mut() else { return };
    let state = &mut open.export;
    let last = ExportFormat::ALL.len() - 1;
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
        ExportAction::Write => effects.push(Effect::Export { formats: vec![state.format()], target: None }),
        ExportAction::WriteAll => {
            effects.push(Effect::Export { formats: ExportFormat::ALL.to_vec(), target: None })
        }
        ExportAction::WriteTo => {
            let suggestion = default_export_path(&open.path, state.format());
            app.popup = Some(Popup::Ask {
                prompt: Prompt::ExportPath,
                question: t::ASK_EXPORT_PATH.get(lang).to_string(),
                input: Box::new(LineInput::new(&suggestion.display().to_string())),
            });
        }
    }
}
