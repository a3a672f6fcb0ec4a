//! The *document synthèse* as members read it, independent of its format: title, dates
//! and places, counts (tables, rounds, proposals, participants, organisations), a
//! legend for every symbol, then per family its title, description, conditions
//! (wording, tables, votes), astuces (every wording) and témoignages (each quoted once,
//! verbatim, with its table), and a recap of all conditions. Markdown, HTML, DOCX and
//! XLSX render it; every string here is plain text that each renderer escapes.
//!
//! The *final* variant (members) leaves out « à valider » and the excluded proposals;
//! the *travail* variant (staff) shows them, with the sources of every condition.

use super::document::{ExportGroup, SynthesisDocument};
use super::inputs::same_events;
use super::{Options, Variant};
use crate::i18n::Lang;
use crate::i18n::export as text;
use crate::synth::{Origin, Status};

/// One condition as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportCondition {
    pub wording: String,
    /// « 3 tables : 1, 4, 7 ».
    pub tables: String,
    pub votes: u32,
    /// Marked « à valider » (travail only).
    pub to_validate: bool,
    /// « table 3, tour 2 » and the proposal's words (when sources are shown).
    pub sources: Vec<(String, String)>,
}

/// One astuce: every wording of the tables that said it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportAstuce {
    pub wordings: Vec<String>,
    pub tables: String,
}

/// One témoignage, verbatim, with where it was said.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub text: String,
    pub from: String,
}

/// One family (or the groups without one).
#[derive(Debug, Clone, PartialEq)]
pub struct ReportFamily {
    /// « 1. Intérêt de participation et objectifs communs ».
    pub heading: String,
    pub description: String,
    pub conditions: Vec<ReportCondition>,
    pub astuces: Vec<ReportAstuce>,
    pub temoignages: Vec<Quote>,
}

/// The whole document.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub lang: Lang,
    pub variant: Variant,
    pub title: String,
    /// The sessions' titles.
    pub subtitle: String,
    /// The session's introduction to the document (empty: none).
    pub intro: String,
    /// « 14 novembre 2018, Centre communautaire Saint-Joseph », one per input.
    pub occasions: Vec<String>,
    /// Tables, rounds, proposals, participants and organisations.
    pub counts: String,
    /// « 45 conditions favorables en 3 familles ».
    pub summary: String,
    /// Things the reader must know (the same café given twice).
    pub notices: Vec<String>,
    /// (symbol, meaning).
    pub legend: Vec<(String, String)>,
    pub families: Vec<ReportFamily>,
    /// Left out by the facilitator (travail only).
    pub left_out: Vec<String>,
}

impl Report {
    /// The document of `document` in the language and variant of `options`.
    pub fn new(document: &SynthesisDocument, options: Options) -> Report {
        let lang = options.lang;
        let travail = options.variant == Variant::Travail;
        // What the facilitator left out is never among the families; the travail
        // variant lists it apart, at the end.
        let shown = |g: &&ExportGroup| !g.excluded;
        let tables_of = |g: &ExportGroup| tables_line(document, lang, g.support, &g.tables);
        let condition = |g: &ExportGroup| ReportCondition {
            wording: one_line(&g.wording),
            tables: tables_of(g),
            votes: g.votes,
            to_validate: travail && g.status == Status::ToValidate,
            sources: if options.sources || travail {
                g.proposals
                    .iter()
                    .map(|p| {
                        let input =
                            if document.inputs.len() > 1 { document.input_label(p.input) } else { "" };
                        (text::origin(lang, input, p.table, p.round), one_line(&p.text))
                    })
                    .collect()
            } else {
                Vec::new()
            },
        };
        let astuce = |g: &ExportGroup| {
            let mut wordings: Vec<String> = vec![one_line(&g.wording)];
            for p in &g.proposals {
                let words = one_line(&p.text);
                if !wordings.contains(&words) {
                    wordings.push(words);
                }
            }
            ReportAstuce { wordings, tables: tables_of(g) }
        };
        let quotes = |groups: &[ExportGroup]| -> Vec<Quote> {
            groups
                .iter()
                .filter(shown)
                .flat_map(|g| &g.proposals)
                .map(|p| Quote {
                    text: unquoted(&p.text),
                    from: table_name(document, lang, Origin { input: p.input, table: p.table }),
                })
                .collect()
        };
        let ranked = |groups: &[ExportGroup]| -> Vec<ExportGroup> {
            let mut list: Vec<ExportGroup> = groups.iter().filter(shown).cloned().collect();
            list.sort_by(|a, b| {
                b.votes.cmp(&a.votes).then(b.support.cmp(&a.support)).then(a.rank.cmp(&b.rank))
            });
            list
        };
        let mut families: Vec<ReportFamily> = document
            .families
            .iter()
            .map(|f| {
                let english = lang.is_english() && !f.title_en.is_empty();
                ReportFamily {
                    heading: format!("{}. {}", f.number, if english { &f.title_en } else { &f.title }),
                    description: one_line(&f.description),
                    conditions: ranked(&f.conditions).iter().map(condition).collect(),
                    astuces: ranked(&f.astuces).iter().map(astuce).collect(),
                    temoignages: quotes(&f.temoignages),
                }
            })
            .collect();
        let unclassified = ReportFamily {
            heading: text::UNCLASSIFIED.get(lang).to_string(),
            description: String::new(),
            conditions: ranked(&document.unclassified).iter().map(condition).collect(),
            astuces: ranked(&document.astuces).iter().map(astuce).collect(),
            temoignages: quotes(&document.temoignages),
        };
        if !(unclassified.conditions.is_empty()
            && unclassified.astuces.is_empty()
            && unclassified.temoignages.is_empty())
        {
            families.push(unclassified);
        }
        let conditions: usize = families.iter().map(|f| f.conditions.len()).sum();
        let left_out = if travail {
            crate::domain::Kind::ALL
                .into_iter()
                .flat_map(|kind| document.groups(kind))
                .filter(|g| g.excluded)
                .map(|g| one_line(&g.wording))
                .collect()
        } else {
            Vec::new()
        };
        Report {
            lang,
            variant: options.variant,
            title: document
                .inputs
                .iter()
                .map(|i| i.document_title.as_str())
                .find(|t| !t.is_empty())
                .map_or_else(|| text::DOC_TITLE.get(lang).to_string(), str::to_string),
            intro: document
                .inputs
                .iter()
                .map(|i| i.document_intro.as_str())
                .find(|t| !t.is_empty())
                .unwrap_or_default()
                .to_string(),
            subtitle: document
                .inputs
                .iter()
                .map(|i| i.title.trim())
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" · "),
            occasions: occasions(document, lang),
            counts: counts(document, lang),
            summary: text::conditions_count(lang, conditions, document.families.len()),
            notices: same_events(document)
                .into_iter()
                .map(|s| {
                    text::same_event(
                        lang,
                        document.input_label(s.a as u32),
                        document.input_label(s.b as u32),
                        s.shared,
                    )
                })
                .collect(),
            legend: legend(lang, travail, options.sources || travail),
            families,
            left_out,
        }
    }

    /// Every condition, family by family (the recap).
    pub fn recap(&self) -> impl Iterator<Item = (&str, Vec<&str>)> {
        self.families
            .iter()
            .filter(|f| !f.conditions.is_empty())
            .map(|f| (f.heading.as_str(), f.conditions.iter().map(|c| c.wording.as_str()).collect()))
    }

    /// « 3 votes », when any.
    pub fn votes(&self, votes: u32) -> Option<String> {
        (votes > 0).then(|| text::votes(self.lang, votes))
    }
}

fn legend(lang: Lang, travail: bool, sources: bool) -> Vec<(String, String)> {
    let mut legend = vec![
        ("✓".to_string(), text::LEGEND_CHECK.get(lang).to_string()),
        (text::tables_line(lang, 2, "1, 4"), text::LEGEND_TABLES.get(lang).to_string()),
        (text::votes(lang, 3), text::LEGEND_VOTES.get(lang).to_string()),
        ("« … »".to_string(), text::LEGEND_QUOTE.get(lang).to_string()),
    ];
    if travail {
        legend
            .push((format!("({})", text::TO_VALIDATE.get(lang)), text::LEGEND_TO_VALIDATE.get(lang).into()));
    }
    if sources {
        legend.push(("↳".to_string(), text::LEGEND_SOURCES.get(lang).to_string()));
    }
    legend
}

fn occasions(document: &SynthesisDocument, lang: Lang) -> Vec<String> {
    document
        .inputs
        .iter()
        .map(|i| {
            let date = i.date.map(|d| crate::i18n::session::date(lang, d)).unwrap_or_default();
            [date, i.place.trim().to_string()]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .filter(|line| !line.is_empty())
        .collect()
}

fn counts(document: &SynthesisDocument, lang: Lang) -> String {
    let mut tables = std::collections::BTreeSet::new();
    let mut proposals = 0;
    for kind in crate::domain::Kind::ALL {
        for group in document.groups(kind) {
            proposals += group.proposals.len();
            tables.extend(group.proposals.iter().map(|p| (p.input, p.table)));
        }
    }
    let rounds = document.inputs.iter().map(|i| i.rounds).max().unwrap_or(0);
    let people = document.inputs.iter().map(|i| i.participants).sum();
    let organisations = document.inputs.iter().map(|i| i.organisations).sum();
    text::counts(lang, tables.len(), rounds, proposals, people, organisations)
}

/// « table 3 », or « table 3 (14 novembre 2018) » when several inputs are combined.
fn table_name(document: &SynthesisDocument, lang: Lang, origin: Origin) -> String {
    let name = text::table(lang, origin.table);
    if document.inputs.len() > 1 { format!("{name} ({})", document.input_label(origin.input)) } else { name }
}

/// « 3 tables : 1, 4, 7 », or « 2 tables : 1 (14 novembre) ; 3 (28 novembre) ».
fn tables_line(document: &SynthesisDocument, lang: Lang, support: usize, tables: &[Origin]) -> String {
    let list = if document.inputs.len() > 1 {
        let mut parts: Vec<String> = Vec::new();
        for input in tables.iter().map(|o| o.input).collect::<std::collections::BTreeSet<_>>() {
            let numbers: Vec<String> =
                tables.iter().filter(|o| o.input == input).map(|o| o.table.to_string()).collect();
            parts.push(format!("{} ({})", numbers.join(", "), document.input_label(input)));
        }
        parts.join(" ; ")
    } else {
        tables.iter().map(|o| o.table.to_string()).collect::<Vec<_>>().join(", ")
    };
    text::tables_line(lang, support, &list)
}

/// The text on one line (a wording in a list or a table cell).
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A témoignage without the quotation marks it may already carry (the document adds
/// its own « »), otherwise as it was said.
fn unquoted(text: &str) -> String {
    let trimmed = text.trim();
    for (open, close) in [('«', '»'), ('"', '"'), ('“', '”')] {
        if let Some(inner) = trimmed.strip_prefix(open).and_then(|t| t.strip_suffix(close))
            && !inner.contains(open)
            && !inner.contains(close)
        {
            return inner.trim().to_string();
        }
    }
    trimmed.to_string()
}
