//! What the export screen remembers: the selected file.

use std::path::PathBuf;

use crate::tui::export_files::ExportEntry;

/// What the export screen remembers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportState {
    /// The selected file, by position in [`ExportEntry::ALL`].
    pub selected: usize,
    /// The files written by the last export.
    pub written: Vec<PathBuf>,
}

impl ExportState {
    pub fn file(&self) -> ExportEntry {
        ExportEntry::ALL[self.selected.min(ExportEntry::ALL.len() - 1)]
    }
}
