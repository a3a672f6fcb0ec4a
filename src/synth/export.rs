//! Exports of the synthèse: RON (the reference: families → conditions with their
//! canonical wording, support, tables, original proposals, votes, confidence and
//! status, then astuces and témoignages), JSON (the same document), CSV (one row per
//! proposal, under a fixed header) and Markdown (the « document synthèse » a member
//! reads, laid out like the seed's « Conditions favorables » page).
//!
//! The RON and JSON documents parse back into the same [`Synthesis`]
//! ([`SynthesisDocument::to_synthesis`]). Writing the files is the caller's business.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::{DroppedDecision, Explanation, Group, Origin, Status, Suggestion, Synthesis, split_combined_id};
use crate::domain::{Family, Kind, Proposal, ProposalId, Session};
use crate::i18n::Lang;
use crate::i18n::synth as text;

/// Version of the export document.
pub const DOCUMENT_VERSION: u32 = 1;

/// The CSV header, part of the stable interface of `cafe synth --format csv`.
pub const CSV_HEADER: [&str; 8] =
    ["cluster", "family", "canonical", "support", "table", "round", "kind", "text"];

/// One original proposal inside an exported group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportProposal {
    pub id: ProposalId,
    /// Label of the input it came from (empty for a single session).
    #[serde(default)]
    pub input: String,
    pub table: u32,
    pub round: u32,
    pub text: String,
}

/// One group as exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportGroup {
    /// Position of the group in its list of the synthèse.
    pub rank: usize,
    pub anchor: ProposalId,
    pub wording: String,
    pub edited: bool,
    pub family: Option<u8>,
    pub confidence: f32,
    pub status: Status,
    pub support: usize,
    pub tables: Vec<u32>,
    #[serde(default)]
    pub origins: Vec<Origin>,
    pub votes: u32,
    pub excluded: bool,
    pub explanation: Explanation,
    pub proposals: Vec<ExportProposal>,
}

/// The conditions of one family.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FamilySection {
    pub number: u8,
    pub title: String,
    #[serde(default)]
    pub title_en: String,
    pub conditions: Vec<ExportGroup>,
}

/// When and where one input session took place (empty for notes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Occasion {
    #[serde(default)]
    pub date: Option<chrono::NaiveDate>,
    #[serde(default)]
    pub place: String,
}

/// The whole export document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SynthesisDocument {
    pub version: u32,
    /// The titles of the sessions (or names of the notes) combined.
    pub inputs: Vec<String>,
    /// When and where each input session took place, in the order of `inputs`.
    #[serde(default)]
    pub occasions: Vec<Occasion>,
    pub families: Vec<FamilySection>,
    /// Conditions without a family (nothing to go on).
    pub unclassified: Vec<ExportGroup>,
    pub astuces: Vec<ExportGroup>,
    pub temoignages: Vec<ExportGroup>,
    pub suggestions: Vec<Suggestion>,
    pub dropped: Vec<DroppedDecision>,
}

/// Finds the proposals of the inputs by combined id.
struct Lookup<'a> {
    proposals: HashMap<ProposalId, (&'a Proposal, usize)>,
    labels: Vec<String>,
}

impl<'a> Lookup<'a> {
    fn new(inputs: &[(String, &'a Session)]) -> Lookup<'a> {
        let mut proposals = HashMap::new();
        for (index, (_, session)) in inputs.iter().enumerate() {
            for p in &session.proposals {
                proposals.insert(super::combined_id(index, p.id), (p, index));
            }
        }
        let labels = if inputs.len() > 1 {
            inputs.iter().map(|(l, _)| l.clone()).collect()
        } else {
            vec![String::new()]
        };
        Lookup { proposals, labels }
    }

    fn export(&self, id: ProposalId) -> ExportProposal {
        match self.proposals.get(&id) {
            Some((p, input)) => ExportProposal {
                id,
                input: self.labels.get(*input).cloned().unwrap_or_default(),
                table: p.table,
                round: p.round,
                text: p.text.clone(),
            },
            None => ExportProposal { id, input: String::new(), table: 0, round: 0, text: String::new() },
        }
    }
}

impl SynthesisDocument {
    /// The document of a synthèse of these inputs (label, session).
    pub fn new(synthesis: &Synthesis, inputs: &[(String, &Session)]) -> SynthesisDocument {
        let lookup = Lookup::new(inputs);
        let families: Vec<Family> = inputs.first().map(|(_, s)| s.families.clone()).unwrap_or_default();
        let export = |rank: usize, g: &Group| ExportGroup {
            rank,
            anchor: g.anchor,
            wording: g.wording.clone(),
            edited: g.edited,
            family: g.family,
            confidence: g.confidence,
            status: g.status,
            support: g.support,
            tables: g.tables.clone(),
            origins: g.origins.clone(),
            votes: g.votes,
            excluded: g.excluded,
            explanation: g.explanation.clone(),
            proposals: g.members.iter().map(|id| lookup.export(*id)).collect(),
        };
        let mut sections: Vec<FamilySection> = families
            .iter()
            .map(|f| FamilySection {
                number: f.number,
                title: f.title.clone(),
                title_en: f.title_en.clone(),
                conditions: Vec::new(),
            })
            .collect();
        let mut unclassified = Vec::new();
        for (rank, group) in synthesis.conditions.iter().enumerate() {
            let exported = export(rank, group);
            match group.family.and_then(|n| sections.iter_mut().find(|s| s.number == n)) {
                Some(section) => section.conditions.push(exported),
                None => unclassified.push(exported),
            }
        }
        SynthesisDocument {
            version: DOCUMENT_VERSION,
            inputs: inputs.iter().map(|(label, _)| label.clone()).collect(),
            occasions: inputs
                .iter()
                .map(|(_, session)| Occasion { date: session.date, place: session.place.clone() })
                .collect(),
            families: sections,
            unclassified,
            astuces: synthesis.astuces.iter().enumerate().map(|(r, g)| export(r, g)).collect(),
            temoignages: synthesis.temoignages.iter().enumerate().map(|(r, g)| export(r, g)).collect(),
            suggestions: synthesis.suggestions.clone(),
            dropped: synthesis.dropped.clone(),
        }
    }

    /// The synthèse this document describes.
    pub fn to_synthesis(&self) -> Synthesis {
        let import = |g: &ExportGroup| Group {
            anchor: g.anchor,
            members: g.proposals.iter().map(|p| p.id).collect(),
            wording: g.wording.clone(),
            edited: g.edited,
            family: g.family,
            confidence: g.confidence,
            status: g.status,
            support: g.support,
            tables: g.tables.clone(),
            votes: g.votes,
            excluded: g.excluded,
            explanation: g.explanation.clone(),
            origins: g.origins.clone(),
        };
        let mut conditions: Vec<(usize, Group)> = self
            .families
            .iter()
            .flat_map(|s| &s.conditions)
            .chain(&self.unclassified)
            .map(|g| (g.rank, import(g)))
            .collect();
        conditions.sort_by_key(|(rank, _)| *rank);
        let ordered = |list: &[ExportGroup]| {
            let mut v: Vec<(usize, Group)> = list.iter().map(|g| (g.rank, import(g))).collect();
            v.sort_by_key(|(rank, _)| *rank);
            v.into_iter().map(|(_, g)| g).collect::<Vec<_>>()
        };
        Synthesis {
            conditions: conditions.into_iter().map(|(_, g)| g).collect(),
            astuces: ordered(&self.astuces),
            temoignages: ordered(&self.temoignages),
            suggestions: self.suggestions.clone(),
            dropped: self.dropped.clone(),
        }
    }
}

/// The RON export.
pub fn to_ron(document: &SynthesisDocument) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new().indentor("  ".to_string());
    ron::ser::to_string_pretty(document, config).map(|t| t + "\n")
}

/// Parses a RON export back.
pub fn from_ron(text: &str) -> Result<SynthesisDocument, ron::error::SpannedError> {
    ron::from_str(text)
}

/// The JSON export (same document as RON).
pub fn to_json(document: &SynthesisDocument) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(document).map(|t| t + "\n")
}

/// Parses a JSON export back.
pub fn from_json(text: &str) -> Result<SynthesisDocument, serde_json::Error> {
    serde_json::from_str(text)
}

/// How a cluster is named in CSV: `p12`, or `2:p12` for the second input's proposal 12.
pub fn cluster_label(anchor: ProposalId) -> String {
    let (input, id) = split_combined_id(anchor);
    if input == 0 { id.to_string() } else { format!("{}:{}", input + 1, id) }
}

/// The CSV export: one row per proposal (excluded conditions included, so that nothing
/// is lost), conditions first.
pub fn to_csv(synthesis: &Synthesis, inputs: &[(String, &Session)]) -> Result<String, csv::Error> {
    let lookup = Lookup::new(inputs);
    let several = inputs.len() > 1;
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(CSV_HEADER)?;
    for (kind, groups) in [
        (Kind::Condition, &synthesis.conditions),
        (Kind::Astuce, &synthesis.astuces),
        (Kind::Temoignage, &synthesis.temoignages),
    ] {
        for group in groups {
            let cluster = cluster_label(group.anchor);
            let family = group.family.map(|f| f.to_string()).unwrap_or_default();
            let support = group.support.to_string();
            for id in &group.members {
                let p = lookup.export(*id);
                let table = if several { format!("{}:{}", p.input, p.table) } else { p.table.to_string() };
                let round = p.round.to_string();
                writer.write_record([
                    cluster.as_str(),
                    family.as_str(),
                    group.wording.as_str(),
                    support.as_str(),
                    table.as_str(),
                    round.as_str(),
                    kind.as_str(),
                    p.text.as_str(),
                ])?;
            }
        }
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The Markdown « document synthèse ».
pub fn to_markdown(document: &SynthesisDocument, lang: Lang) -> String {
    let english = lang.is_english();
    let mut out = String::new();
    let titles: Vec<&str> = document.inputs.iter().map(String::as_str).filter(|t| !t.is_empty()).collect();
    let _ = writeln!(out, "# {}", text::DOC_TITLE.get(lang));
    if !titles.is_empty() {
        let _ = writeln!(out, "\n*{}*", titles.join(" · "));
    }
    let occasions: Vec<String> = document
        .occasions
        .iter()
        .map(|o| {
            let date = o.date.map(|d| crate::i18n::session::date(lang, d));
            [date.unwrap_or_default(), o.place.clone()]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .filter(|line| !line.is_empty())
        .collect();
    if !occasions.is_empty() {
        let _ = writeln!(out, "\n{}", occasions.join(" · "));
    }
    let conditions: usize =
        document.families.iter().map(|s| s.conditions.len()).sum::<usize>() + document.unclassified.len();
    let proposals: usize = document
        .families
        .iter()
        .flat_map(|s| &s.conditions)
        .chain(&document.unclassified)
        .map(|g| g.proposals.len())
        .sum();
    let _ = writeln!(out, "\n{}", text::summary(lang, proposals, conditions));
    let _ = writeln!(out, "\n## {}", text::CONDITIONS.get(lang));
    let mut excluded: Vec<&ExportGroup> = Vec::new();
    for section in &document.families {
        let title = if english && !section.title_en.is_empty() { &section.title_en } else { &section.title };
        let _ = writeln!(out, "\n### {}. {}\n", section.number, title);
        let shown: Vec<&ExportGroup> = section.conditions.iter().filter(|g| !g.excluded).collect();
        excluded.extend(section.conditions.iter().filter(|g| g.excluded));
        if shown.is_empty() {
            let _ = writeln!(out, "{}", text::NONE.get(lang));
        }
        for group in ranked(shown) {
            write_condition(&mut out, group, lang, true);
        }
    }
    let unclassified: Vec<&ExportGroup> = document.unclassified.iter().filter(|g| !g.excluded).collect();
    excluded.extend(document.unclassified.iter().filter(|g| g.excluded));
    if !unclassified.is_empty() {
        let _ = writeln!(out, "\n### {}\n", text::UNCLASSIFIED.get(lang));
        for group in ranked(unclassified) {
            write_condition(&mut out, group, lang, true);
        }
    }
    for (heading, list) in [(text::ASTUCES, &document.astuces), (text::TEMOIGNAGES, &document.temoignages)] {
        let shown: Vec<&ExportGroup> = list.iter().filter(|g| !g.excluded).collect();
        excluded.extend(list.iter().filter(|g| g.excluded));
        if shown.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n## {}\n", heading.get(lang));
        for group in ranked(shown) {
            if heading.fr == text::TEMOIGNAGES.fr {
                let _ = writeln!(out, "> « {} »", group.wording);
                let _ = writeln!(out, ">\n> – {}\n", text::tables_line(lang, &table_list(group)));
            } else {
                write_condition(&mut out, group, lang, false);
            }
        }
    }
    if !excluded.is_empty() {
        let _ = writeln!(out, "\n## {}\n", text::EXCLUDED.get(lang));
        for group in excluded {
            let _ = writeln!(out, "- ~~{}~~", one_line(&group.wording));
        }
    }
    out
}

/// Conditions with votes first, then by support.
fn ranked(mut groups: Vec<&ExportGroup>) -> Vec<&ExportGroup> {
    groups.sort_by(|a, b| b.votes.cmp(&a.votes).then(b.support.cmp(&a.support)).then(a.rank.cmp(&b.rank)));
    groups
}

fn table_list(group: &ExportGroup) -> String {
    let several = group.proposals.iter().any(|p| !p.input.is_empty());
    if several {
        let mut seen: Vec<String> =
            group.proposals.iter().map(|p| format!("{} {}", p.input, p.table)).collect();
        seen.sort();
        seen.dedup();
        seen.join(", ")
    } else {
        group.tables.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn write_condition(out: &mut String, group: &ExportGroup, lang: Lang, check: bool) {
    let mark = if check { "✓ " } else { "" };
    let mut line = format!(
        "- {mark}**{}** — {}",
        one_line(&group.wording),
        text::support_line(lang, group.support, &table_list(group))
    );
    if group.votes > 0 {
        let _ = write!(line, " · {}", text::votes(lang, group.votes));
    }
    if group.status == Status::ToValidate {
        let _ = write!(line, " · *{}*", text::TO_VALIDATE.get(lang));
    }
    let _ = writeln!(out, "{line}");
    if group.proposals.len() > 1 || group.edited {
        for p in &group.proposals {
            let _ = writeln!(
                out,
                "    - {} ({})",
                one_line(&p.text),
                text::origin(lang, &p.input, p.table, p.round)
            );
        }
    }
}
