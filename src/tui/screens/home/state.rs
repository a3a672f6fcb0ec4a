//! What the home screen remembers: the sessions of the folder (each with its summary
//! or its located error), newest first, and the selected one.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};

/// What the home screen knows of one session file.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionEntry {
    pub path: PathBuf,
    pub modified: Option<DateTime<Utc>>,
    /// The summary, or why the file does not load (file, line, column).
    pub summary: Result<Summary, String>,
}

/// The few facts shown per session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub title: String,
    pub date: Option<NaiveDate>,
    pub tables: usize,
    pub proposals: usize,
}

impl SessionEntry {
    /// The date a session is sorted by: its own date, else the day it was last saved.
    fn sort_date(&self) -> Option<NaiveDate> {
        self.summary.as_ref().ok().and_then(|s| s.date).or(self.modified.map(|m| m.date_naive()))
    }

    pub fn file_name(&self) -> String {
        self.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
    }
}

/// Newest first: by session date, then by modification time, then by name.
pub fn sort_entries(entries: &mut [SessionEntry]) {
    entries.sort_by(|a, b| {
        b.sort_date()
            .cmp(&a.sort_date())
            .then(b.modified.cmp(&a.modified))
            .then(a.file_name().cmp(&b.file_name()))
    });
}

/// The home screen's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HomeState {
    pub entries: Vec<SessionEntry>,
    pub selected: usize,
    /// The folder was read at least once.
    pub scanned: bool,
}

impl HomeState {
    pub fn selected_entry(&self) -> Option<&SessionEntry> {
        self.entries.get(self.selected)
    }
}
