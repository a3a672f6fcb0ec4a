//! The inputs of a combined synthèse: how each is named in the documents (its title,
//! or its date when titles repeat, never a file name), and the same café given twice
//! (a session and its own notes), detected from the proposals they share.

use std::collections::BTreeSet;

use super::document::SynthesisDocument;
use crate::domain::Session;
use crate::i18n::Lang;
use crate::synth::normalize::fold;

/// Two inputs share at least this share of the smaller one's proposals: the same café.
const SAME_EVENT_SHARE: f64 = 0.6;

/// Two inputs that look like the same café.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SameEvent {
    pub a: usize,
    pub b: usize,
    /// Proposals (by folded text) found in both.
    pub shared: usize,
}

/// The label of each session: its title; its date (or title and date) when several
/// sessions have the same title; `fallback` (a file name) only when the title is empty.
pub fn labels(sessions: &[(&Session, String)], lang: Lang) -> Vec<String> {
    let titles: Vec<String> = sessions
        .iter()
        .map(
            |(s, fallback)| {
                if s.title.trim().is_empty() { fallback.clone() } else { s.title.trim().to_string() }
            },
        )
        .collect();
    sessions
        .iter()
        .zip(&titles)
        .map(|((session, _), title)| {
            let repeated = titles.iter().filter(|t| *t == title).count() > 1;
            match (repeated, session.date) {
                (true, Some(date)) => format!("{title} ({})", crate::i18n::session::date(lang, date)),
                _ => title.clone(),
            }
        })
        .collect()
}

/// The pairs of inputs that are probably the same café given twice.
pub fn same_events(document: &SynthesisDocument) -> Vec<SameEvent> {
    if document.inputs.len() < 2 {
        return Vec::new();
    }
    let mut texts: Vec<BTreeSet<String>> = vec![BTreeSet::new(); document.inputs.len()];
    for kind in crate::domain::Kind::ALL {
        for group in document.groups(kind) {
            for p in &group.proposals {
                if let Some(set) = texts.get_mut(p.input as usize) {
                    let key = fold(&p.text).split_whitespace().collect::<Vec<_>>().join(" ");
                    set.insert(key);
                }
            }
        }
    }
    let mut found = Vec::new();
    for a in 0..texts.len() {
        for b in a + 1..texts.len() {
            let shared = texts[a].intersection(&texts[b]).count();
            let smaller = texts[a].len().min(texts[b].len());
            if smaller > 0 && shared as f64 >= SAME_EVENT_SHARE * smaller as f64 {
                found.push(SameEvent { a, b, shared });
            }
        }
    }
    found
}
