//! Measuring a synthèse against a labelled set (the `cluster`, `families`, `table`,
//! `text` TSV of `../shared/eval/`): B-cubed precision, recall and F1 of the grouping
//! and the share of proposals whose condition landed in an acceptable family. Used by
//! the quality test and by the measurements of BENCHMARKS.md.

use std::collections::HashMap;

use chrono::{TimeZone, Utc};

use super::Synthesis;
use crate::domain::{Family, Kind, ProposalId, Session};

/// One labelled proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labelled {
    pub cluster: String,
    pub families: Vec<u8>,
    pub table: u32,
    pub text: String,
}

/// Parses the labelled TSV (header `cluster families table text`). Bad rows are skipped.
pub fn parse_tsv(text: &str) -> Vec<Labelled> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let cluster = cols.next()?.to_string();
            let families = cols.next()?.split('|').filter_map(|f| f.trim().parse().ok()).collect();
            let table = cols.next()?.trim().parse().ok()?;
            let text = cols.next()?.to_string();
            Some(Labelled { cluster, families, table, text })
        })
        .collect()
}

/// A session holding the labelled proposals, in order (ids 1, 2, …).
pub fn session_of(rows: &[Labelled], families: Vec<Family>) -> Session {
    let tables = rows.iter().map(|r| r.table).max().unwrap_or(1);
    let mut session = match Session::new("dev", families, tables, 1, 20) {
        Ok(s) => s,
        Err(_) => return super::generate::session(0, 0, Vec::new()),
    };
    let now = Utc.timestamp_opt(1_542_200_000, 0).single().unwrap_or_default();
    for row in rows {
        let _ = session.add_proposal(row.table, 1, Kind::Condition, &row.text, now);
    }
    session
}

/// Scores of a synthèse.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub family_accuracy: f64,
}

/// Scores the synthèse of [`session_of`]`(rows)`: proposal `i` has id `i + 1`.
pub fn score(rows: &[Labelled], synthesis: &Synthesis) -> Scores {
    let mut predicted: HashMap<ProposalId, (ProposalId, Option<u8>)> = HashMap::new();
    for group in synthesis.all_groups() {
        for id in &group.members {
            predicted.insert(*id, (group.anchor, group.family));
        }
    }
    let n = rows.len();
    let pred_of = |i: usize| predicted.get(&ProposalId(i as u64 + 1)).map(|p| p.0);
    let (mut p, mut r, mut fam) = (0.0, 0.0, 0.0);
    for i in 0..n {
        let gold: Vec<usize> = (0..n).filter(|j| rows[*j].cluster == rows[i].cluster).collect();
        let pred: Vec<usize> =
            (0..n).filter(|j| pred_of(*j).is_some() && pred_of(*j) == pred_of(i)).collect();
        let both = gold.iter().filter(|j| pred.contains(j)).count() as f64;
        p += both / pred.len().max(1) as f64;
        r += both / gold.len().max(1) as f64;
        let family = predicted.get(&ProposalId(i as u64 + 1)).and_then(|x| x.1);
        if family.is_some_and(|f| rows[i].families.contains(&f)) {
            fam += 1.0;
        }
    }
    let nf = n.max(1) as f64;
    let (precision, recall) = (p / nf, r / nf);
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    Scores { precision, recall, f1, family_accuracy: fam / nf }
}
