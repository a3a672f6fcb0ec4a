//! `cafe plan`: plans who sits where each round, prints the plan with its quality report
//! and everyone's itinerary (Markdown, or CSV for name tags), and stores the plan (and
//! the imported participants) in the session. Bad input changes nothing.

use super::UserError;
use crate::cli::{PlanArgs, PlanFormat};
use crate::domain::{Participant, Session};
use crate::i18n::{self, Lang};
use crate::plan::{self, Effort, Planned};
use crate::store::participants::{ItineraryRow, itinerary_csv, read_participants};

/// Most participants `--count` accepts (a very large café; planning stays quick).
pub const MAX_PARTICIPANTS: u32 = 2_000;

pub fn run(args: &PlanArgs, lang: Lang) -> Result<(), UserError> {
    let refuse = |message: String| UserError(i18n::plan::nothing_written(lang, &message));
    let mut file = crate::store::SessionFile::open(&args.session)
        .map_err(|e| refuse(i18n::errors::store_error(lang, &e)))?;
    let original = file.session().clone();
    let mut session = original.clone();
    if let Some(path) = &args.participants {
        let participants =
            read_participants(path).map_err(|e| refuse(i18n::plan::participants_read_error(lang, &e)))?;
        plan::set_participants(&mut session, participants);
    }
    if let Some(count) = args.count {
        if !(1..=MAX_PARTICIPANTS).contains(&count) {
            return Err(refuse(i18n::plan::count_out_of_range(lang, count, MAX_PARTICIPANTS)));
        }
        if !session.participants.is_empty() {
            return Err(refuse(i18n::plan::count_with_names(lang, session.participants.len())));
        }
        session.participant_count = Some(count);
    }
    let seed = args.seed.unwrap_or(plan::DEFAULT_SEED);
    let planned = plan::plan_session(&session, seed, Effort::default())
        .map_err(|e| refuse(i18n::plan::plan_error(lang, &e)))?;
    session.rotation = Some(planned.plan.clone());
    let people = crate::i18n::plan::people(lang, &session);
    let saved = session != original;
    if saved {
        // Planning takes a moment: a change made meanwhile (the app) is merged, not lost.
        file.save_merged(&session).map(drop).map_err(|e| UserError(i18n::errors::store_error(lang, &e)))?;
        file.fold().map_err(|e| UserError(i18n::errors::store_error(lang, &e)))?;
    }
    let names: Vec<String> = people.iter().map(|p| p.name.clone()).collect();
    let status = if saved { i18n::plan::SAVED } else { i18n::plan::UNCHANGED }.get(lang);
    match args.format {
        PlanFormat::Md => {
            print!("{}", markdown(&session, &people, &planned, lang));
            println!("\n_{status}: {}_", args.session.display());
        }
        PlanFormat::Csv => {
            print!("{}", itinerary_csv(&itinerary_rows(&people, &planned)));
            for line in i18n::plan::report_lines(lang, &planned.report, &names) {
                eprintln!("{line}");
            }
            eprintln!("{status}: {}", args.session.display());
        }
    }
    Ok(())
}

fn itinerary_rows<'a>(people: &'a [Participant], planned: &Planned) -> Vec<ItineraryRow<'a>> {
    let mut rows = Vec::new();
    for (person, seats) in people.iter().zip(&planned.plan.seats) {
        for (round, &table) in seats.iter().enumerate() {
            rows.push(ItineraryRow {
                name: &person.name,
                organisation: &person.organisation,
                round: round + 1,
                table,
            });
        }
    }
    rows
}

/// Markdown table cells: no line breaks, pipes escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// The plan as Markdown: summary, quality, who sits at each table each round, and a
/// table of itineraries.
pub fn markdown(session: &Session, people: &[Participant], planned: &Planned, lang: Lang) -> String {
    use std::fmt::Write as _;
    let report = &planned.report;
    let names: Vec<String> = people.iter().map(|p| p.name.clone()).collect();
    let mut out = String::new();
    let _ = writeln!(out, "# {} — {}\n", i18n::plan::TITLE.get(lang), session.title);
    let _ = writeln!(
        out,
        "{}\n",
        i18n::plan::summary(lang, report.people, report.tables, report.rounds, planned.plan.seed)
    );
    let _ = writeln!(out, "## {}\n", i18n::plan::QUALITY.get(lang));
    for line in i18n::plan::report_lines(lang, report, &names) {
        let _ = writeln!(out, "- {line}");
    }
    for round in 0..report.rounds {
        let _ = writeln!(out, "\n## {}", i18n::plan::round(lang, round + 1));
        for table in &session.tables {
            let seated: Vec<&Participant> = people
                .iter()
                .zip(&planned.plan.seats)
                .filter(|(_, seats)| seats.get(round) == Some(&table.number))
                .map(|(person, _)| person)
                .collect();
            let _ = writeln!(
                out,
                "\n### {}\n",
                i18n::plan::table_heading(lang, table.number, seated.len(), &table.name)
            );
            for person in seated {
                let host = if person.host_of == Some(table.number) {
                    format!(" ({})", i18n::plan::HOST.get(lang))
                } else {
                    String::new()
                };
                let organisation = if person.organisation.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", person.organisation)
                };
                let _ = writeln!(out, "- {}{host}{organisation}", person.name);
            }
        }
    }
    let _ = writeln!(out, "\n## {}\n", i18n::plan::ITINERARIES.get(lang));
    let rounds: Vec<String> = (1..=report.rounds).map(|r| i18n::plan::round(lang, r)).collect();
    let _ = writeln!(
        out,
        "| {} | {} | {} |",
        i18n::plan::NAME.get(lang),
        i18n::plan::ORGANISATION.get(lang),
        rounds.join(" | ")
    );
    let _ = writeln!(out, "|---|---|{}", "---|".repeat(report.rounds));
    for (person, seats) in people.iter().zip(&planned.plan.seats) {
        let tables: Vec<String> = seats.iter().map(u32::to_string).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            cell(&person.name),
            cell(&person.organisation),
            tables.join(" | ")
        );
    }
    out
}
