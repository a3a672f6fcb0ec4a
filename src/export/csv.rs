//! The synthèse as CSV, for scripts: UTF-8, comma, RFC 4180 quoting, one row per
//! proposal (excluded ones included and marked, so nothing is lost), conditions first.
//! The first eight columns never move (PRODUCT.md); `id,status,votes,excluded` follow.

use super::document::{SynthesisDocument, cluster_label};
use crate::domain::Kind;
use crate::synth::{Status, combined_id};

/// The CSV header (PRODUCT.md): the first eight columns never move.
pub const CSV_HEADER: [&str; 12] = [
    "cluster",
    "family",
    "canonical",
    "support",
    "table",
    "round",
    "kind",
    "text",
    "id",
    "status",
    "votes",
    "excluded",
];

/// `auto`, `to_validate` or `decided`.
pub fn status_word(status: Status) -> &'static str {
    match status {
        Status::Auto => "auto",
        Status::ToValidate => "to_validate",
        Status::Decided => "decided",
    }
}

/// The CSV export.
pub fn to_csv(document: &SynthesisDocument) -> Result<String, csv::Error> {
    let several = document.inputs.len() > 1;
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(CSV_HEADER)?;
    for kind in Kind::ALL {
        for group in document.groups(kind) {
            let Some(first) = group.proposals.iter().map(|p| combined_id(p.input as usize, p.id)).min()
            else {
                continue;
            };
            let cluster = cluster_label(first);
            let family = group.family.map(|f| f.to_string()).unwrap_or_default();
            let support = group.support.to_string();
            let votes = group.votes.to_string();
            for p in &group.proposals {
                let table = if several {
                    format!("{}:{}", document.input_label(p.input), p.table)
                } else {
                    p.table.to_string()
                };
                writer.write_record([
                    cluster.as_str(),
                    family.as_str(),
                    group.wording.as_str(),
                    support.as_str(),
                    table.as_str(),
                    p.round.to_string().as_str(),
                    kind.as_str(),
                    p.text.as_str(),
                    cluster_label(combined_id(p.input as usize, p.id)).as_str(),
                    status_word(group.status),
                    votes.as_str(),
                    if group.excluded { "true" } else { "false" },
                ])?;
            }
        }
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
