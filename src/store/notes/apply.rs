//! The one rule that adds what notes say to a session: tables missing from the session
//! are created with the notes' theme as their question; an existing table's empty
//! question or host is filled in from the notes (never written over); every proposal
//! is added, in round 1 and as a condition unless the notes say otherwise.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::Notes;
use crate::domain::repair::count_controls;
use crate::domain::session::clean_text;
use crate::domain::{Session, SessionError};

/// What applying notes did, added up over every notes file applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AppliedNotes {
    /// Tables created, with their question.
    pub created: Vec<(u32, String)>,
    /// Existing tables whose empty question or host the notes filled in.
    pub completed: Vec<u32>,
    /// Proposals added per table.
    pub per_table: BTreeMap<u32, usize>,
    /// Proposals added in all.
    pub total: usize,
    /// Control characters removed from the notes' texts.
    pub controls: usize,
}

/// The session refused part of the notes: the line of the notes and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotesRefused {
    pub line: usize,
    pub error: SessionError,
}

impl AppliedNotes {
    /// Adds the tables and proposals of `notes` to `session`. On a refusal, `session`
    /// may be half-changed: apply to a copy and keep it only on success.
    pub fn apply(
        &mut self,
        session: &mut Session,
        notes: &Notes,
        now: DateTime<Utc>,
    ) -> Result<(), NotesRefused> {
        for table in &notes.tables {
            let (theme, host) =
                (table.theme.as_deref().unwrap_or_default(), table.host.as_deref().unwrap_or_default());
            self.controls += count_controls(theme) + count_controls(host);
            let (theme, host) = (clean_text(theme), clean_text(host));
            match session.table_mut(table.number) {
                Some(existing) => {
                    let mut changed = false;
                    if existing.question.trim().is_empty() && !theme.is_empty() {
                        existing.question = theme;
                        changed = true;
                    }
                    if existing.host.trim().is_empty() && !host.is_empty() {
                        existing.host = host;
                        changed = true;
                    }
                    let known = self.completed.contains(&table.number)
                        || self.created.iter().any(|(created, _)| *created == table.number);
                    if changed && !known {
                        self.completed.push(table.number);
                    }
                }
                None => {
                    session
                        .add_table(table.number, &theme)
                        .map_err(|error| NotesRefused { line: table.line, error })?;
                    if let Some(created) = session.table_mut(table.number) {
                        created.host = host;
                    }
                    self.created.push((table.number, theme));
                }
            }
        }
        for entry in &notes.entries {
            let round = entry.round.unwrap_or(1);
            let kind = entry.kind.unwrap_or_default();
            session
                .add_proposal(entry.table, round, kind, &entry.text, now)
                .map_err(|error| NotesRefused { line: entry.line, error })?;
            *self.per_table.entry(entry.table).or_default() += 1;
            self.controls += count_controls(&entry.text);
            self.total += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::notes::{NotesFormat, parse_notes};

    fn notes(text: &str) -> Notes {
        parse_notes(text.as_bytes(), NotesFormat::Markdown).expect("valid notes")
    }

    #[test]
    fn tables_are_created_or_completed_never_written_over() {
        let mut session = Session::new("Essai", Vec::new(), 2, 2, 20).expect("session");
        session.tables[0].question = "Déjà posée".into();
        let now = Utc::now();
        let mut applied = AppliedNotes::default();
        let first =
            notes("# Table 1 — Autre question\nHôte : Louise\n- Une idée\n# Table 3 — Nouvelle\n- Deux\n");
        applied.apply(&mut session, &first, now).expect("applied");
        let second = notes("# Table 3\nHôte : Marc\n## Tour 2\n- Trois\n");
        applied.apply(&mut session, &second, now).expect("applied");
        assert_eq!(session.tables[0].question, "Déjà posée");
        assert_eq!(session.tables[0].host, "Louise");
        assert_eq!(applied.created, vec![(3, "Nouvelle".to_string())]);
        assert_eq!(applied.completed, vec![1], "a table created by the notes is not also completed");
        assert_eq!(session.table(3).map(|t| t.host.as_str()), Some("Marc"));
        assert_eq!(applied.total, 3);
        assert_eq!(applied.per_table.get(&3), Some(&2));
        assert_eq!(session.proposals.last().map(|p| p.round), Some(2));
    }

    #[test]
    fn a_refusal_names_the_line_of_the_notes() {
        let mut session = Session::new("Essai", Vec::new(), 1, 1, 20).expect("session");
        let refused = AppliedNotes::default()
            .apply(&mut session, &notes("# Table 1\n# Tour 9\n- Trop tard\n"), Utc::now())
            .expect_err("no round 9");
        assert_eq!(refused.line, 3);
    }
}
