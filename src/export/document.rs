//! The synthèse as data: [`SynthesisDocument`], which the RON and JSON exports write as
//! it is and which parses back into the same [`Synthesis`]
//! ([`SynthesisDocument::to_synthesis`]; confidences are rounded to two decimals).
//!
//! Made to be read by people as well as programs (the README documents every field):
//! inputs named once (`input` is always an index into `inputs`), each with its date,
//! place, counts, tables (question, host) and the facilitator's decisions; families with
//! their description and their conditions, astuces and témoignages ranked within the
//! family; on each group the decisions that changed it; proposals with their own id,
//! kind and capture time.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Input, printable};
use crate::domain::{Decisions, Kind, Proposal, ProposalId, Session};
use crate::synth::{
    DroppedDecision, Explanation, Group, Origin, Status, Suggestion, Synthesis, combined_id, display_order,
    split_combined_id,
};

/// Version of the export document (2: inputs described, groups under their family).
pub const DOCUMENT_VERSION: u32 = 2;

/// One session (or notes file) the synthèse was made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputInfo {
    /// How the input is named in the documents: its title, or its date when titles repeat.
    pub label: String,
    pub title: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub place: String,
    /// Participants registered (or counted) for the session.
    #[serde(default)]
    pub participants: usize,
    /// Distinct organisations of the participants.
    #[serde(default)]
    pub organisations: usize,
    /// Rounds of the session.
    #[serde(default)]
    pub rounds: u32,
    #[serde(default)]
    pub tables: Vec<TableInfo>,
    /// The facilitator's decisions, as saved in the session (ids of this session).
    #[serde(default)]
    pub decisions: Decisions,
    /// The World Café question of each round (same at every table), as set in Préparer;
    /// empty strings for rounds without one, nothing when no round has one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub round_questions: Vec<String>,
    /// The document's own title, as set in the session (empty: the usual title).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub document_title: String,
    /// The paragraph under the document's title, as set in the session.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub document_intro: String,
}

/// One table of an input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableInfo {
    pub number: u32,
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub host: String,
}

/// One original proposal inside an exported group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportProposal {
    /// The proposal's id in its own session (`p12` is 12).
    pub id: ProposalId,
    /// Index of its input in `inputs`.
    pub input: u32,
    pub table: u32,
    pub round: u32,
    pub kind: Kind,
    #[serde(default)]
    pub captured_at: Option<DateTime<Utc>>,
    pub text: String,
}

/// What a decision of the facilitator changed on a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Change {
    /// Proposals were merged by hand.
    Merged,
    /// A proposal was split off by hand.
    Split,
    /// The family was chosen by hand.
    Family,
    /// The wording was written by hand.
    Wording,
    /// The group was left out of the document.
    Excluded,
    /// The room voted for it.
    Votes,
}

/// One group (a condition, an astuce or a témoignage) as exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportGroup {
    /// Position within its list (1 = first), conditions of a family by tables then size.
    pub rank: usize,
    pub wording: String,
    /// The wording was written by the facilitator.
    pub edited: bool,
    pub family: Option<u8>,
    /// How sure the engine is of the family, from 0 to 1 (two decimals).
    pub confidence: f32,
    pub status: Status,
    /// Number of distinct tables behind the group.
    pub support: usize,
    /// The distinct tables, as (input, table).
    pub tables: Vec<Origin>,
    pub votes: u32,
    pub excluded: bool,
    /// What the facilitator's decisions changed on this group.
    #[serde(default)]
    pub changes: Vec<Change>,
    pub explanation: Explanation,
    pub proposals: Vec<ExportProposal>,
}

/// One family with its groups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FamilySection {
    pub number: u8,
    pub title: String,
    #[serde(default)]
    pub title_en: String,
    #[serde(default)]
    pub description: String,
    pub conditions: Vec<ExportGroup>,
    #[serde(default)]
    pub astuces: Vec<ExportGroup>,
    #[serde(default)]
    pub temoignages: Vec<ExportGroup>,
}

/// The whole export document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SynthesisDocument {
    pub version: u32,
    pub inputs: Vec<InputInfo>,
    pub families: Vec<FamilySection>,
    /// Conditions without a family (nothing to go on).
    pub unclassified: Vec<ExportGroup>,
    /// Astuces without a family.
    pub astuces: Vec<ExportGroup>,
    /// Témoignages without a family.
    pub temoignages: Vec<ExportGroup>,
    /// Pairs of groups that look alike but were not merged (ids as in `cluster` of CSV).
    pub suggestions: Vec<Suggestion>,
    /// Decisions that no longer apply, and why.
    pub dropped: Vec<DroppedDecision>,
}

/// Finds the proposals of the inputs by combined id.
struct Lookup<'a> {
    proposals: HashMap<ProposalId, (&'a Proposal, u32)>,
}

impl<'a> Lookup<'a> {
    fn new(inputs: &[Input<'a>]) -> Lookup<'a> {
        let mut proposals = HashMap::new();
        for (index, (_, session)) in inputs.iter().enumerate() {
            for p in &session.proposals {
                proposals.insert(combined_id(index, p.id), (p, index as u32));
            }
        }
        Lookup { proposals }
    }

    fn export(&self, id: ProposalId) -> ExportProposal {
        let (input, own) = split_combined_id(id);
        match self.proposals.get(&id) {
            Some((p, input)) => ExportProposal {
                id: own,
                input: *input,
                table: p.table,
                round: p.round,
                kind: p.kind,
                captured_at: Some(p.captured_at),
                text: printable(&p.text).into_owned(),
            },
            None => ExportProposal {
                id: own,
                input: input as u32,
                table: 0,
                round: 0,
                kind: Kind::Condition,
                captured_at: None,
                text: String::new(),
            },
        }
    }
}

/// Two decimals: enough to read, and stable across platforms.
fn round2(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

fn changes(group: &Group, inputs: &[Input<'_>]) -> Vec<Change> {
    let mut changes = BTreeSet::new();
    for id in &group.members {
        let (input, own) = split_combined_id(*id);
        let Some((_, session)) = inputs.get(input) else { continue };
        let d = &session.decisions;
        if d.merges.iter().any(|m| m.contains(own)) {
            changes.insert(Change::Merged);
        }
        if d.splits.iter().any(|s| s.proposal == own || s.apart_from.contains(&own)) {
            changes.insert(Change::Split);
        }
        if d.votes.iter().any(|v| v.proposal == own) && group.votes > 0 {
            changes.insert(Change::Votes);
        }
    }
    if group.status == Status::Decided {
        changes.insert(Change::Family);
    }
    if group.edited {
        changes.insert(Change::Wording);
    }
    if group.excluded {
        changes.insert(Change::Excluded);
    }
    changes.into_iter().collect()
}

fn organisations(session: &Session) -> usize {
    session
        .participants
        .iter()
        .map(|p| p.organisation.trim().to_lowercase())
        .filter(|o| !o.is_empty())
        .collect::<BTreeSet<_>>()
        .len()
}

impl InputInfo {
    fn of(label: &str, session: &Session) -> InputInfo {
        let text = |t: &str| printable(t).into_owned();
        InputInfo {
            label: text(label),
            document_title: text(session.document.title.trim()),
            document_intro: text(session.document.intro.trim()),
            title: text(&session.title),
            date: session.date,
            place: text(&session.place),
            participants: session
                .participant_count
                .map(|n| n as usize)
                .unwrap_or(0)
                .max(session.participants.len()),
            organisations: organisations(session),
            rounds: session.schedule.rounds(),
            round_questions: if session.schedule.round_questions.iter().all(|q| q.trim().is_empty()) {
                Vec::new()
            } else {
                session.schedule.round_questions.iter().map(|q| text(q.trim())).collect()
            },
            tables: session
                .tables
                .iter()
                .map(|t| TableInfo { number: t.number, question: text(&t.question), host: text(&t.host) })
                .collect(),
            decisions: session.decisions.clone(),
        }
    }
}

impl SynthesisDocument {
    /// The document of a synthèse of these inputs (label, session).
    pub fn new(synthesis: &Synthesis, inputs: &[Input<'_>]) -> SynthesisDocument {
        let lookup = Lookup::new(inputs);
        let export = |rank: usize, g: &Group| ExportGroup {
            rank,
            wording: printable(&g.wording).into_owned(),
            edited: g.edited,
            family: g.family,
            confidence: round2(g.confidence),
            status: g.status,
            support: g.support,
            tables: g.origins.clone(),
            votes: g.votes,
            excluded: g.excluded,
            changes: changes(g, inputs),
            explanation: g.explanation.clone(),
            proposals: g.members.iter().map(|id| lookup.export(*id)).collect(),
        };
        let families = inputs.first().map(|(_, s)| s.families.as_slice()).unwrap_or_default();
        let mut sections: Vec<FamilySection> = families
            .iter()
            .map(|f| FamilySection {
                number: f.number,
                title: printable(&f.title).into_owned(),
                title_en: printable(&f.title_en).into_owned(),
                description: printable(&f.description).into_owned(),
                conditions: Vec::new(),
                astuces: Vec::new(),
                temoignages: Vec::new(),
            })
            .collect();
        let mut document = SynthesisDocument {
            version: DOCUMENT_VERSION,
            inputs: inputs.iter().map(|(label, session)| InputInfo::of(label, session)).collect(),
            families: Vec::new(),
            unclassified: Vec::new(),
            astuces: Vec::new(),
            temoignages: Vec::new(),
            suggestions: synthesis.suggestions.clone(),
            dropped: synthesis.dropped.clone(),
        };
        for kind in Kind::ALL {
            for group in synthesis.groups(kind) {
                let section = group.family.and_then(|n| sections.iter_mut().find(|s| s.number == n));
                let list = match (kind, section) {
                    (Kind::Condition, Some(s)) => &mut s.conditions,
                    (Kind::Astuce, Some(s)) => &mut s.astuces,
                    (Kind::Temoignage, Some(s)) => &mut s.temoignages,
                    (Kind::Condition, None) => &mut document.unclassified,
                    (Kind::Astuce, None) => &mut document.astuces,
                    (Kind::Temoignage, None) => &mut document.temoignages,
                };
                list.push(export(list.len() + 1, group));
            }
        }
        document.families = sections;
        document
    }

    /// Every group of one kind, with or without a family.
    pub fn groups(&self, kind: Kind) -> impl Iterator<Item = &ExportGroup> {
        let (in_families, outside): (Vec<&[ExportGroup]>, &[ExportGroup]) = match kind {
            Kind::Condition => {
                (self.families.iter().map(|f| f.conditions.as_slice()).collect(), &self.unclassified)
            }
            Kind::Astuce => (self.families.iter().map(|f| f.astuces.as_slice()).collect(), &self.astuces),
            Kind::Temoignage => {
                (self.families.iter().map(|f| f.temoignages.as_slice()).collect(), &self.temoignages)
            }
        };
        in_families.into_iter().flatten().chain(outside)
    }

    /// The label of an input, for people.
    pub fn input_label(&self, input: u32) -> &str {
        self.inputs.get(input as usize).map_or("", |i| i.label.as_str())
    }

    /// The synthèse this document describes.
    pub fn to_synthesis(&self) -> Synthesis {
        let import = |g: &ExportGroup| {
            let members: Vec<ProposalId> =
                g.proposals.iter().map(|p| combined_id(p.input as usize, p.id)).collect();
            Group {
                anchor: members.iter().min().copied().unwrap_or(ProposalId(0)),
                members,
                wording: g.wording.clone(),
                edited: g.edited,
                family: g.family,
                confidence: g.confidence,
                status: g.status,
                support: g.support,
                tables: g.tables.iter().map(|o| o.table).collect::<BTreeSet<_>>().into_iter().collect(),
                votes: g.votes,
                excluded: g.excluded,
                explanation: g.explanation.clone(),
                origins: g.tables.clone(),
            }
        };
        let ordered = |kind: Kind| {
            let mut groups: Vec<Group> = self.groups(kind).map(import).collect();
            groups.sort_by(display_order);
            groups
        };
        Synthesis {
            conditions: ordered(Kind::Condition),
            astuces: ordered(Kind::Astuce),
            temoignages: ordered(Kind::Temoignage),
            suggestions: self.suggestions.clone(),
            dropped: self.dropped.clone(),
        }
    }
}

/// The RON export: pretty, two-space indent, apostrophes written plainly.
pub fn to_ron(document: &SynthesisDocument) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new().indentor("  ".to_string());
    ron::ser::to_string_pretty(document, config)
        .map(|text| crate::store::session_file::unescape_apostrophes(&text) + "\n")
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

/// How a group or proposal is named in CSV and messages: `p12`, or `2:p12` for the
/// second input's proposal 12.
pub fn cluster_label(id: ProposalId) -> String {
    let (input, own) = split_combined_id(id);
    if input == 0 { own.to_string() } else { format!("{}:{}", input + 1, own) }
}
