//! What the export screen remembers: the selected file format.

use std::path::PathBuf;

use crate::tui::export_files::ExportFormat;

/// What the export screen remembers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportState {
    /// The selected format, by position in [`ExportFormat::ALL`].
    pub selected: usize,
    /// The files written by the last export.
    pub written: Vec<PathBuf>,
}

impl ExportState {
    pub fn format(&self) -> ExportFormat {
        ExportFormat::ALL[self.selected.min(ExportFormat::ALL.len() - 1)]
    }
}
