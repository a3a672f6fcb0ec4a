//! `cafe review SESSION.ron [--limit N] [--format csv|json] [--promote]` prints the
//! next questions of the guided review, best first; `cafe decide SESSION.ron VERB …`
//! records an answer (or any decision on the synthèse) in the session, through the
//! store's single writer, and prints what changed. Both build the session's engine
//! with what it learned (and what the user kept: the vocabulary file of their data
//! folder, read at start, and the former `.cafe-vocabulary.ron` of the sessions
//! folder). `--promote` adds the session's learned vocabulary to the user's file.

use std::path::Path;

use serde::Serialize;

use super::UserError;
use crate::cli::{DecideArgs, DecideVerb, ReviewArgs, ReviewFormat};
use crate::domain::{Learned, ProposalId, Session};
use crate::i18n::{self, Lang};
use crate::store::session_file::load;
use crate::store::user_vocabulary::{self, VocabularyFileError};
use crate::store::writer::{UpdateError, update_session};
use crate::synth::Engine;
use crate::synth::review::answer::{Decision, changes, decide as record};
use crate::synth::review::{Ask, Question, Review, review as ask};

/// The CSV header of `cafe review`.
pub const HEADER: [&str; 7] = ["question", "kind", "a", "b", "family", "text_a", "text_b"];

/// Runs `cafe review`.
/// `data`: the user's data folder, where `--promote` keeps the learned vocabulary.
pub fn review(args: &ReviewArgs, data: Option<&Path>, lang: Lang) -> Result<(), UserError> {
    let session = load(&args.session).map_err(|e| UserError(i18n::errors::store_error(lang, &e)))?;
    if args.promote {
        let (added, path) =
            user_vocabulary::promote(data, &session.learned).map_err(vocabulary_error(lang))?;
        eprintln!("{}", i18n::review::promoted(lang, added, &path));
    }
    let user =
        user_vocabulary::load(&user_vocabulary::path_for(&args.session)).map_err(vocabulary_error(lang))?;
    let engine = engine_of(&session, &user);
    let synthesis = engine.synthesize(&session);
    let mut found = ask(&engine, &session, &synthesis);
    if args.limit > 0 {
        found.questions.truncate(args.limit);
    }
    let failed = |e: &dyn std::fmt::Display| UserError(i18n::synth::export_failed(lang, &e.to_string()));
    let text = match args.format {
        ReviewFormat::Csv => to_csv(&found, &session).map_err(|e| failed(&e))?,
        ReviewFormat::Json => to_json(&found, &session).map_err(|e| failed(&e))?,
    };
    print!("{text}");
    Ok(())
}

/// Runs `cafe decide`: the answer is recorded through the store's single writer (under
/// the session's lock, on the session as it is on disk now).
pub fn decide(args: &DecideArgs, lang: Lang) -> Result<(), UserError> {
    let decision = decision_of(&args.verb, lang)?;
    let user =
        user_vocabulary::load(&user_vocabulary::path_for(&args.session)).map_err(vocabulary_error(lang))?;
    let ((before, after, lesson), _) = update_session(&args.session, |session| {
        let engine = engine_of(session, &user);
        let before = engine.synthesize(session);
        let learned_before = session.learned.clone();
        let lesson = record(&engine, session, &before, &decision)?;
        let engine = if session.learned == learned_before { engine } else { engine_of(session, &user) };
        let after = engine.synthesize(session);
        Ok((before, after, lesson))
    })
    .map_err(|e| match e {
        UpdateError::Store(e) => UserError(i18n::errors::store_error(lang, &e)),
        UpdateError::Refused(refused) => UserError(i18n::review::refused(lang, &refused)),
    })?;
    for line in i18n::review::changes(lang, &changes(&before, &after)) {
        println!("{line}");
    }
    if let Some(lesson) = &lesson {
        println!("{}", i18n::review::lesson(lang, lesson));
    }
    for dropped in after.dropped.iter().filter(|d| !before.dropped.contains(d)) {
        let ids: Vec<String> = dropped.proposals.iter().map(ToString::to_string).collect();
        eprintln!("cafe: {}", i18n::synth::dropped(lang, dropped.decision, dropped.reason, &ids.join(", ")));
    }
    Ok(())
}

/// The session's engine: its families, its learned vocabulary and the user's.
fn engine_of(session: &Session, user: &Learned) -> Engine {
    crate::store::assets::knowledge().engine_learning(session, user)
}

fn vocabulary_error(lang: Lang) -> impl Fn(VocabularyFileError) -> UserError {
    move |e| UserError(i18n::review::vocabulary_error(lang, &e))
}

/// `p12` or `12` → a proposal id.
fn parse_id(text: &str, lang: Lang) -> Result<ProposalId, UserError> {
    let digits = text.trim().strip_prefix(['p', 'P']).unwrap_or(text.trim());
    digits.parse().map(ProposalId).map_err(|_| UserError(i18n::review::bad_id(lang, text)))
}

fn decision_of(verb: &DecideVerb, lang: Lang) -> Result<Decision, UserError> {
    let id = |t: &str| parse_id(t, lang);
    Ok(match verb {
        DecideVerb::Same { a, b } => Decision::Same(id(a)?, id(b)?),
        DecideVerb::Apart { a, b } => Decision::Apart(id(a)?, id(b)?),
        DecideVerb::Move { a, x } => Decision::Move(id(a)?, id(x)?),
        DecideVerb::Alone { a } => Decision::Alone(id(a)?),
        DecideVerb::Family { a, n } => Decision::Family(id(a)?, *n),
        DecideVerb::Wording { a, text } => Decision::Wording(id(a)?, text.join(" ")),
        DecideVerb::Exclude { a } => Decision::Exclude(id(a)?),
        DecideVerb::Vote { a, n } => Decision::Vote(id(a)?, *n),
    })
}

/// One question as a row: `question,kind,a,b,family,text_a,text_b`.
#[derive(Debug, Serialize)]
struct Row {
    question: usize,
    kind: &'static str,
    a: String,
    b: String,
    family: String,
    text_a: String,
    text_b: String,
    chance: f32,
    worth: f32,
}

fn rows(review: &Review, session: &Session) -> Vec<Row> {
    let text = |id: ProposalId| {
        session.proposals.iter().find(|p| p.id == id).map(|p| p.text.clone()).unwrap_or_default()
    };
    review
        .questions
        .iter()
        .enumerate()
        .map(|(i, q): (usize, &Question)| {
            let (b, family, text_b) = match &q.ask {
                Ask::Same { b, .. } => (b.to_string(), String::new(), text(*b)),
                Ask::Place { candidates, .. } => (
                    candidates.iter().map(|c| c.proposal.to_string()).collect::<Vec<_>>().join("|"),
                    String::new(),
                    candidates.iter().map(|c| text(c.proposal)).collect::<Vec<_>>().join(" | "),
                ),
                Ask::Family { suggested, .. } => {
                    (String::new(), suggested.map(|f| f.to_string()).unwrap_or_default(), String::new())
                }
            };
            Row {
                question: i + 1,
                kind: q.kind(),
                a: q.first().to_string(),
                b,
                family,
                text_a: text(q.first()),
                text_b,
                chance: q.chance,
                worth: q.worth,
            }
        })
        .collect()
}

/// The CSV of the questions (the header alone when nothing is left to ask).
pub fn to_csv(review: &Review, session: &Session) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADER)?;
    for row in rows(review, session) {
        let question = row.question.to_string();
        writer.write_record([
            question.as_str(),
            row.kind,
            &row.a,
            &row.b,
            &row.family,
            &row.text_a,
            &row.text_b,
        ])?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The JSON of the questions and the progress.
pub fn to_json(review: &Review, session: &Session) -> Result<String, serde_json::Error> {
    #[derive(Serialize)]
    struct Document {
        progress: crate::synth::review::Progress,
        questions: Vec<Row>,
    }
    let document = Document { progress: review.progress, questions: rows(review, session) };
    serde_json::to_string_pretty(&document).map(|t| t + "\n")
}
