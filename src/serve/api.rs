//! The routes phones use: the table page and its script and style, the script of
//! helpers the table and voting pages share (`/phone.js`), and the JSON API of
//! one table's proposals of the current round (read, add, edit, delete). A token reads
//! and writes only its own table's proposals. Every change goes through the store's one
//! writer ([`crate::store::SessionFile::update`]: lock, read what changed, apply, make
//! durable) and is answered only once it is on disk.

use std::sync::{Arc, Mutex, mpsc};
use std::time::Instant;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use serde::{Deserialize, Serialize};

use super::guard::{RateLimiter, RefusedCount, secure_headers};
use super::token::{looks_like_token, table_of};
use super::{PhoneEvent, page};
use crate::domain::{Kind, ProposalId, Session, SessionError};
use crate::i18n::serve as msg;
use crate::i18n::{Lang, Text};
use crate::store::{SessionFile, UpdateError};

/// Longest proposal text, in bytes.
pub const MAX_PROPOSAL_BYTES: usize = 4 * 1024;
/// Longest request body, in bytes.
pub const MAX_REQUEST_BYTES: usize = 16 * 1024;

/// What every request handler shares.
pub struct Shared {
    pub file: Mutex<SessionFile>,
    pub limiter: Mutex<RateLimiter>,
    pub refused: Arc<RefusedCount>,
    pub events: Option<mpsc::Sender<PhoneEvent>>,
}

/// The router of the server.
pub fn router(shared: Arc<Shared>) -> Router {
    let refused = shared.refused.clone();
    Router::new()
        .route("/t/{token}", get(table_page))
        .route("/phone.js", get(|| async { page::shared_script() }))
        .route("/table.js", get(|| async { page::script() }))
        .route("/table.css", get(|| async { page::style() }))
        .route("/api/{token}", get(read_table))
        .route("/api/{token}/proposals", axum::routing::post(add_proposal))
        .route("/api/{token}/proposals/{id}", axum::routing::put(edit_proposal).delete(delete_proposal))
        .fallback(|| async { StatusCode::NOT_FOUND })
        .layer(DefaultBodyLimit::max(MAX_REQUEST_BYTES))
        .with_state(shared)
        .layer(axum::middleware::from_fn_with_state(refused, secure_headers))
}

/// A refusal: its status and the message the phone shows (the table's and the vote's
/// answers alike).
pub(super) struct Refusal(pub(super) StatusCode, pub(super) String);

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        (self.0, axum::Json(serde_json::json!({ "error": self.1 }))).into_response()
    }
}

pub(super) fn refuse(status: StatusCode, lang: Lang, text: Text) -> Refusal {
    Refusal(status, text.get(lang).to_string())
}

/// The language a phone asks for (`Accept-Language`).
pub(super) fn phone_lang(headers: &HeaderMap) -> Lang {
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
    msg::lang_of_phone(accept)
}

/// One proposal as a phone sees it.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct PhoneProposal {
    pub id: u64,
    pub kind: Kind,
    pub text: String,
}

/// What a table's page shows.
#[derive(Debug, Serialize, Deserialize)]
pub struct TableView {
    pub table: u32,
    pub question: String,
    pub round: u32,
    pub rounds: u32,
    /// Milliseconds left in the current phase; `None` once the rounds are over.
    pub remaining_ms: Option<i64>,
    pub running: bool,
    pub proposals: Vec<PhoneProposal>,
}

/// What a phone sends to add or edit a proposal.
#[derive(Debug, Deserialize)]
struct ProposalBody {
    text: String,
    #[serde(default)]
    kind: Kind,
}

fn view_of(session: &Session, table: u32) -> TableView {
    let round = session.current_round();
    let now = Utc::now();
    let in_round = matches!(
        session.clock.current(&session.schedule).map(|p| p.kind),
        Some(crate::domain::clock::PhaseKind::Round(_) | crate::domain::clock::PhaseKind::Move(_))
    );
    TableView {
        table,
        question: session.table(table).map(|t| t.question.clone()).unwrap_or_default(),
        round,
        rounds: session.schedule.rounds(),
        remaining_ms: in_round.then(|| session.clock.remaining_ms(&session.schedule, now)),
        running: session.clock.is_running(),
        proposals: session
            .proposals
            .iter()
            .filter(|p| p.table == table && p.round == round)
            .map(|p| PhoneProposal { id: p.id.0, kind: p.kind, text: p.text.clone() })
            .collect(),
    }
}

/// Takes one request from the token's budget; a string that is not shaped like a
/// token shares one budget with every other such string.
fn limit(shared: &Shared, token: &str, lang: Lang) -> Result<(), Refusal> {
    let key = if looks_like_token(token) { token } else { "" };
    let allowed = shared.limiter.lock().map(|mut l| l.allow(key, Instant::now())).unwrap_or(false);
    if allowed { Ok(()) } else { Err(refuse(StatusCode::TOO_MANY_REQUESTS, lang, msg::TOO_MANY)) }
}

/// Reads the session's latest state and finds the token's table.
fn current_table(shared: &Shared, token: &str, lang: Lang) -> Result<TableView, Refusal> {
    let mut file =
        shared.file.lock().map_err(|_| refuse(StatusCode::INTERNAL_SERVER_ERROR, lang, msg::NOT_SAVED))?;
    let session =
        file.refresh_now().map_err(|_| refuse(StatusCode::SERVICE_UNAVAILABLE, lang, msg::NOT_SAVED))?;
    let table =
        table_of(session, token).ok_or_else(|| refuse(StatusCode::NOT_FOUND, lang, msg::UNKNOWN_ADDRESS))?;
    Ok(view_of(session, table))
}

async fn table_page(
    State(shared): State<Arc<Shared>>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let lang = phone_lang(&headers);
    let result = async {
        limit(&shared, &token, lang)?;
        let shared = shared.clone();
        let token = token.clone();
        blocking(move || current_table(&shared, &token, lang), lang).await
    }
    .await;
    match result {
        Ok(view) => page::table_page(lang, view.table).into_response(),
        Err(Refusal(status, message)) => (status, page::refusal_page(lang, &message)).into_response(),
    }
}

async fn read_table(
    State(shared): State<Arc<Shared>>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Result<axum::Json<TableView>, Refusal> {
    let lang = phone_lang(&headers);
    limit(&shared, &token, lang)?;
    blocking(move || current_table(&shared, &token, lang), lang).await.map(axum::Json)
}

/// Why a change a phone asked for was not made.
enum ChangeRefused {
    UnknownToken,
    NotThisTable,
    Session(SessionError),
}

/// Applies `change` to the token's table through the store's one writer and tells the
/// app; answers with the table as now on disk.
fn change_table<T>(
    shared: &Shared,
    token: &str,
    lang: Lang,
    change: impl FnOnce(&mut Session, u32) -> Result<T, ChangeRefused>,
    event: impl FnOnce(u32, &T) -> PhoneEvent,
) -> Result<(T, TableView), Refusal> {
    let mut file =
        shared.file.lock().map_err(|_| refuse(StatusCode::INTERNAL_SERVER_ERROR, lang, msg::NOT_SAVED))?;
    let result = file.update(|session| {
        let table = table_of(session, token).ok_or(ChangeRefused::UnknownToken)?;
        change(session, table).map(|value| (table, value))
    });
    match result {
        Ok((table, value)) => {
            if let Some(events) = &shared.events {
                let _ = events.send(event(table, &value));
            }
            Ok((value, view_of(file.session(), table)))
        }
        Err(UpdateError::Refused(ChangeRefused::UnknownToken)) => {
            Err(refuse(StatusCode::NOT_FOUND, lang, msg::UNKNOWN_ADDRESS))
        }
        Err(UpdateError::Refused(ChangeRefused::NotThisTable)) => {
            Err(refuse(StatusCode::FORBIDDEN, lang, msg::NOT_THIS_TABLE))
        }
        Err(UpdateError::Refused(ChangeRefused::Session(err))) => {
            Err(Refusal(StatusCode::UNPROCESSABLE_ENTITY, crate::i18n::errors::session_error(lang, &err)))
        }
        Err(UpdateError::Store(_)) => Err(refuse(StatusCode::SERVICE_UNAVAILABLE, lang, msg::NOT_SAVED)),
    }
}

/// The body of an add or an edit, checked: readable, within the limits.
fn proposal_body(body: Result<Bytes, BytesRejection>, lang: Lang) -> Result<ProposalBody, Refusal> {
    let body = body.map_err(|_| refuse(StatusCode::PAYLOAD_TOO_LARGE, lang, msg::TOO_LARGE))?;
    let parsed: ProposalBody =
        serde_json::from_slice(&body).map_err(|_| refuse(StatusCode::BAD_REQUEST, lang, msg::BAD_REQUEST))?;
    if parsed.text.len() > MAX_PROPOSAL_BYTES {
        return Err(refuse(StatusCode::PAYLOAD_TOO_LARGE, lang, msg::TOO_LONG));
    }
    Ok(parsed)
}

async fn add_proposal(
    State(shared): State<Arc<Shared>>,
    Path(token): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, axum::Json<TableView>), Refusal> {
    let lang = phone_lang(&headers);
    limit(&shared, &token, lang)?;
    let body = proposal_body(body, lang)?;
    let added = blocking(
        move || {
            change_table(
                &shared,
                &token,
                lang,
                |session, table| {
                    // A phone that lost the answer sends again: the same text at the same
                    // table in the same round is the same proposal.
                    let round = session.current_round();
                    let text = crate::domain::session::clean_text(&body.text);
                    if let Some(same) = session.proposals.iter().find(|p| {
                        p.table == table && p.round == round && p.kind == body.kind && p.text == text
                    }) {
                        return Ok(same.id);
                    }
                    session
                        .add_proposal(table, round, body.kind, &body.text, Utc::now())
                        .map_err(ChangeRefused::Session)
                },
                |table, id| PhoneEvent::Changed { table, proposal: *id },
            )
        },
        lang,
    )
    .await?;
    Ok((StatusCode::CREATED, axum::Json(added.1)))
}

async fn edit_proposal(
    State(shared): State<Arc<Shared>>,
    Path((token, id)): Path<(String, u64)>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<axum::Json<TableView>, Refusal> {
    let lang = phone_lang(&headers);
    limit(&shared, &token, lang)?;
    let body = proposal_body(body, lang)?;
    let id = ProposalId(id);
    change_proposal(shared, token, id, lang, move |session| {
        session.edit_proposal(id, &body.text, body.kind).map_err(ChangeRefused::Session)
    })
    .await
}

async fn delete_proposal(
    State(shared): State<Arc<Shared>>,
    Path((token, id)): Path<(String, u64)>,
    headers: HeaderMap,
) -> Result<axum::Json<TableView>, Refusal> {
    let lang = phone_lang(&headers);
    limit(&shared, &token, lang)?;
    let id = ProposalId(id);
    change_proposal(shared, token, id, lang, move |session| {
        if session.proposal(id).is_none() {
            // Deleted already (a phone sending its delete again): done.
            return if session.deleted.contains(&id) {
                Ok(())
            } else {
                Err(ChangeRefused::Session(SessionError::NoSuchProposal(id)))
            };
        }
        session.remove_proposal(id).map(|_| ()).map_err(ChangeRefused::Session)
    })
    .await
}

/// What an edit and a delete share once the request is read: `change` is made to
/// proposal `id` off the async threads through [`change_table`], refused when the
/// proposal is another table's; the app is told the proposal changed; the answer is
/// the table as now on disk.
async fn change_proposal(
    shared: Arc<Shared>,
    token: String,
    id: ProposalId,
    lang: Lang,
    change: impl FnOnce(&mut Session) -> Result<(), ChangeRefused> + Send + 'static,
) -> Result<axum::Json<TableView>, Refusal> {
    let changed = blocking(
        move || {
            change_table(
                &shared,
                &token,
                lang,
                |session, table| {
                    if session.proposal(id).is_some_and(|p| p.table != table) {
                        return Err(ChangeRefused::NotThisTable);
                    }
                    change(session)
                },
                |table, _| PhoneEvent::Changed { table, proposal: id },
            )
        },
        lang,
    )
    .await?;
    Ok(axum::Json(changed.1))
}

/// Runs file work off the async threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Refusal> + Send + 'static,
    lang: Lang,
) -> Result<T, Refusal> {
    tokio::task::spawn_blocking(work)
        .await
        .unwrap_or_else(|_| Err(refuse(StatusCode::INTERNAL_SERVER_ERROR, lang, msg::NOT_SAVED)))
}
