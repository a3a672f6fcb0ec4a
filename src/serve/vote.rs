//! The routes of dot voting from phones: the voting page (`/vote/TOKEN`, its script and
//! style), a new anonymous ballot, a ballot's view of the synthèse's conditions (headline,
//! family, in the board's order, with the ballot's own dots) and setting a ballot's dots
//! on one condition. The vote's secret is `Session::vote`'s token; a closed vote or
//! another token is refused. Every change goes through the store's one writer and the
//! domain's rule ([`crate::domain::Session::set_ballot_dots`]), written by one writer
//! thread that groups the changes arriving together, and is answered once on disk.
//! Requests are limited per ballot, and per phone address for what comes before a
//! ballot (the page, a new ballot).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, mpsc};
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Extension, Router};
use serde::{Deserialize, Serialize};

use super::api::{MAX_REQUEST_BYTES, Refusal, Shared, phone_lang, refuse};
use super::guard::secure_headers;
use super::token::{constant_time_eq, looks_like_token, new_token};
use super::{PhoneEvent, vote_page};
use crate::domain::{ProposalId, Session, VoteError};
use crate::i18n::Lang;
use crate::i18n::serve as msg;
use crate::i18n::vote as vmsg;
use crate::store::{SessionFile, UpdateError};
use crate::synth::{Engine, Group, display_order};

/// One condition as a voting phone sees it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct VoteCondition {
    /// The condition's stable proposal id (its anchor).
    pub id: u64,
    pub headline: String,
    pub family: Option<u8>,
    pub family_title: String,
    /// This ballot's dots on it.
    pub mine: u32,
}

/// What a voting phone shows: its ballot, its budget and the conditions.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct VoteView {
    pub ballot: String,
    pub open: bool,
    /// Dots each ballot holds.
    pub dots: u32,
    /// Dots this ballot has left.
    pub left: u32,
    pub conditions: Vec<VoteCondition>,
}

/// What a phone sends to set its dots on a condition.
#[derive(Debug, Deserialize)]
struct DotsBody {
    dots: u32,
}

/// The synthèse's kept conditions of the session as last computed, and the engine
/// kept between requests (its caches make the next synthèse cheap).
struct Conditions {
    engine: Option<Engine>,
    /// The session it was computed from, without its votes and ballots.
    source: Option<Session>,
    groups: Vec<Group>,
}

/// What the voting routes share.
struct VoteShared {
    shared: Arc<Shared>,
    conditions: Arc<Mutex<Conditions>>,
    /// Changes for the writer (see [`change`]).
    jobs: mpsc::Sender<Job>,
}

/// The voting routes, over the same shared file, limiter and count of refusals as the
/// tables' routes.
pub fn router(shared: Arc<Shared>) -> Router {
    let refused = shared.refused.clone();
    let conditions = Arc::new(Mutex::new(Conditions { engine: None, source: None, groups: Vec::new() }));
    let (jobs, waiting) = mpsc::channel();
    let (writer_shared, writer_conditions) = (shared.clone(), conditions.clone());
    // Without the writer, every change is answered « not saved » (its job is dropped).
    let _ = std::thread::Builder::new()
        .name("cafe-vote".into())
        .spawn(move || write_jobs(&writer_shared, &writer_conditions, &waiting));
    let state = Arc::new(VoteShared { shared, conditions, jobs });
    Router::new()
        .route("/vote/{token}", get(voting_page))
        .route("/vote.js", get(|| async { vote_page::script() }))
        .route("/vote.css", get(|| async { vote_page::style() }))
        .route("/vote/{token}/ballots", post(new_ballot))
        .route("/vote/{token}/ballots/{ballot}", get(read_ballot))
        .route("/vote/{token}/ballots/{ballot}/dots/{id}", put(set_dots))
        .layer(DefaultBodyLimit::max(MAX_REQUEST_BYTES))
        .with_state(state)
        .layer(axum::middleware::from_fn_with_state(refused, secure_headers))
}

/// Takes one request from `key`'s budget (a ballot, or a phone's address).
fn limit(shared: &Shared, key: &str, lang: Lang) -> Result<(), Refusal> {
    let allowed = shared.limiter.lock().map(|mut l| l.allow(key, Instant::now())).unwrap_or(false);
    if allowed { Ok(()) } else { Err(refuse(StatusCode::TOO_MANY_REQUESTS, lang, msg::TOO_MANY)) }
}

/// The rate-limit key of what a phone asks before it has a ballot: its address.
fn phone_key(peer: Option<Extension<ConnectInfo<SocketAddr>>>) -> String {
    peer.map_or_else(
        || "vote".to_string(),
        |Extension(ConnectInfo(address))| format!("vote {}", address.ip()),
    )
}

/// The rate-limit key of a ballot's requests; a string not shaped like a ballot shares
/// one budget with every other such string.
fn ballot_key(ballot: &str) -> String {
    if looks_like_token(ballot) { format!("ballot {ballot}") } else { "ballot".to_string() }
}

/// Whether `token` opens `session`'s vote: the vote's token (compared in constant
/// time), and the vote open.
fn check_vote(session: &Session, token: &str, lang: Lang) -> Result<(), Refusal> {
    let vote = session
        .vote
        .as_ref()
        .filter(|v| looks_like_token(token) && constant_time_eq(v.token.as_bytes(), token.as_bytes()))
        .ok_or_else(|| refuse(StatusCode::NOT_FOUND, lang, vmsg::UNKNOWN_VOTE))?;
    if vote.open { Ok(()) } else { Err(vote_refusal(lang, &VoteError::NotOpen)) }
}

fn vote_refusal(lang: Lang, err: &VoteError) -> Refusal {
    let status = match err {
        VoteError::NotOpen => StatusCode::GONE,
        VoteError::UnknownBallot => StatusCode::NOT_FOUND,
        VoteError::DotsOutOfRange(_) | VoteError::NotACondition(_) => StatusCode::UNPROCESSABLE_ENTITY,
        VoteError::BallotsFull(_) | VoteError::BudgetSpent(_) | VoteError::DuplicateBallot => {
            StatusCode::CONFLICT
        }
    };
    Refusal(status, vmsg::vote_error(lang, err))
}

impl Conditions {
    /// The kept conditions of `session`'s synthèse, computed again only when something
    /// other than votes changed.
    fn of(&mut self, session: &Session) -> &[Group] {
        let mut source = session.clone();
        source.vote = None;
        source.decisions.votes.clear();
        source.clock = Default::default();
        if self.source.as_ref() != Some(&source) {
            let knowledge_changed = self.source.as_ref().is_none_or(|s| {
                s.families != source.families
                    || s.learned != source.learned
                    || s.vocabulary != source.vocabulary
            });
            if knowledge_changed || self.engine.is_none() {
                self.engine = Some(crate::store::assets::engine_for(&source));
            }
            let synthesis = self.engine.as_ref().map(|e| e.synthesize(&source)).unwrap_or_default();
            let mut groups: Vec<Group> = synthesis.conditions.into_iter().filter(|g| !g.excluded).collect();
            groups.sort_by(|a, b| {
                a.family
                    .is_none()
                    .cmp(&b.family.is_none())
                    .then(a.family.cmp(&b.family))
                    .then(display_order(a, b))
            });
            self.groups = groups;
            self.source = Some(source);
        }
        &self.groups
    }
}

/// `ballot`'s view of the vote of `session`.
fn view_of(session: &Session, groups: &[Group], ballot: &str, lang: Lang) -> VoteView {
    let vote = session.vote.as_ref();
    let own = vote.and_then(|v| v.ballot(ballot));
    let mine = |group: &Group| own.map_or(0, |b| group.members.iter().map(|m| b.dots_on(*m)).sum());
    // The session's families, or the shipped ones its engine used when it has none.
    let families = if session.families.is_empty() {
        &crate::store::assets::knowledge().families
    } else {
        &session.families
    };
    let family_title = |number: Option<u8>| {
        number
            .and_then(|n| families.iter().find(|f| f.number == n))
            .map(|f| f.title_in(lang.is_english()).to_string())
            .unwrap_or_default()
    };
    let dots = vote.map_or(0, |v| v.dots);
    VoteView {
        ballot: ballot.to_string(),
        open: vote.is_some_and(|v| v.open),
        dots,
        left: dots.saturating_sub(own.map_or(0, |b| b.placed())),
        conditions: groups
            .iter()
            .map(|g| VoteCondition {
                id: g.anchor.0,
                headline: g.wording.clone(),
                family: g.family,
                family_title: family_title(g.family),
                mine: mine(g),
            })
            .collect(),
    }
}

async fn voting_page(
    State(state): State<Arc<VoteShared>>,
    Path(token): Path<String>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
) -> Response {
    let lang = phone_lang(&headers);
    let result = async {
        limit(&state.shared, &phone_key(peer), lang)?;
        let state = state.clone();
        blocking(
            move || {
                let mut file = state.shared.file.lock().map_err(|_| not_saved(lang))?;
                let session = file.refresh_now().map_err(|_| unavailable(lang))?;
                check_vote(session, &token, lang)
            },
            lang,
        )
        .await
    }
    .await;
    match result {
        Ok(()) => vote_page::vote_page(lang).into_response(),
        Err(Refusal(status, message)) => (status, super::page::refusal_page(lang, &message)).into_response(),
    }
}

async fn new_ballot(
    State(state): State<Arc<VoteShared>>,
    Path(token): Path<String>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
) -> Result<(StatusCode, axum::Json<VoteView>), Refusal> {
    let lang = phone_lang(&headers);
    limit(&state.shared, &phone_key(peer), lang)?;
    let ballot =
        new_token().map_err(|_| refuse(StatusCode::INTERNAL_SERVER_ERROR, lang, msg::NO_RANDOMNESS))?;
    let view = blocking(
        move || {
            change(&state, &token, lang, move |session, _| {
                session.add_ballot(&ballot)?;
                Ok(ballot)
            })
        },
        lang,
    )
    .await?;
    Ok((StatusCode::CREATED, axum::Json(view)))
}

async fn read_ballot(
    State(state): State<Arc<VoteShared>>,
    Path((token, ballot)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<axum::Json<VoteView>, Refusal> {
    let lang = phone_lang(&headers);
    limit(&state.shared, &ballot_key(&ballot), lang)?;
    blocking(
        move || {
            let mut file = state.shared.file.lock().map_err(|_| not_saved(lang))?;
            let session = file.refresh_now().map_err(|_| unavailable(lang))?;
            check_vote(session, &token, lang)?;
            if session.vote.as_ref().and_then(|v| v.ballot(&ballot)).is_none() {
                return Err(vote_refusal(lang, &VoteError::UnknownBallot));
            }
            let mut conditions = state.conditions.lock().map_err(|_| not_saved(lang))?;
            Ok(view_of(session, conditions.of(session), &ballot, lang))
        },
        lang,
    )
    .await
    .map(axum::Json)
}

async fn set_dots(
    State(state): State<Arc<VoteShared>>,
    Path((token, ballot, id)): Path<(String, String, u64)>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<axum::Json<VoteView>, Refusal> {
    let lang = phone_lang(&headers);
    limit(&state.shared, &ballot_key(&ballot), lang)?;
    let body = body.map_err(|_| refuse(StatusCode::PAYLOAD_TOO_LARGE, lang, msg::TOO_LARGE))?;
    let DotsBody { dots } =
        serde_json::from_slice(&body).map_err(|_| refuse(StatusCode::BAD_REQUEST, lang, msg::BAD_REQUEST))?;
    let condition = ProposalId(id);
    blocking(
        move || {
            change(&state, &token, lang, move |session, groups| {
                let members = groups
                    .iter()
                    .find(|g| g.members.contains(&condition))
                    .map(|g| g.members.clone())
                    .ok_or(VoteError::NotACondition(condition))?;
                set_condition_dots(session, &ballot, condition, &members, dots)?;
                Ok(ballot)
            })
        },
        lang,
    )
    .await
    .map(axum::Json)
}

/// Sets the dots `ballot` gives the condition whose members are `members` to `dots`:
/// more dots go on `condition` (the id the phone was shown); fewer are taken from the
/// members that hold them, `condition` first (the groups may have changed since the
/// dots were placed).
fn set_condition_dots(
    session: &mut Session,
    ballot: &str,
    condition: ProposalId,
    members: &[ProposalId],
    dots: u32,
) -> Result<(), VoteError> {
    let held = |session: &Session, id: ProposalId| {
        session.vote.as_ref().and_then(|v| v.ballot(ballot)).map_or(0, |b| b.dots_on(id))
    };
    if session.vote.as_ref().and_then(|v| v.ballot(ballot)).is_none() {
        return Err(VoteError::UnknownBallot);
    }
    let current: u32 = members.iter().map(|m| held(session, *m)).sum();
    if dots >= current {
        let on_condition = held(session, condition) + (dots - current);
        session.set_ballot_dots(ballot, condition, on_condition)?;
        return Ok(());
    }
    let mut to_take = current - dots;
    let order = std::iter::once(condition).chain(members.iter().copied().filter(|m| *m != condition));
    for member in order.collect::<Vec<_>>() {
        let here = held(session, member);
        let taken = here.min(to_take);
        if taken > 0 {
            session.set_ballot_dots(ballot, member, here - taken)?;
            to_take -= taken;
        }
    }
    Ok(())
}

/// A change a phone asked for, applied to the session as on disk with its kept
/// conditions; gives the ballot whose view is answered.
type Apply = Box<dyn FnOnce(&mut Session, &[Group]) -> Result<String, VoteError> + Send>;

/// A change waiting for the file, and where its answer goes.
struct Job {
    token: String,
    lang: Lang,
    apply: Apply,
    answer: mpsc::Sender<Result<VoteView, Refusal>>,
}

/// Applies `apply` (given the session as on disk and its kept conditions) through the
/// store's one writer, after checking the vote's token; tells the app; answers with the
/// ballot's view as now on disk. The change goes to the vote's writer thread, which
/// writes together every change that arrived while it was writing the previous ones (a
/// room voting at once waits for a few writes, not for one per dot); each is still
/// applied or refused on its own.
fn change(
    state: &VoteShared,
    token: &str,
    lang: Lang,
    apply: impl FnOnce(&mut Session, &[Group]) -> Result<String, VoteError> + Send + 'static,
) -> Result<VoteView, Refusal> {
    let (answer, answered) = mpsc::channel();
    let job = Job { token: token.to_string(), lang, apply: Box::new(apply), answer };
    state.jobs.send(job).map_err(|_| not_saved(lang))?;
    answered.recv().unwrap_or_else(|_| Err(not_saved(lang)))
}

/// The vote's writer: waits for a change, takes every other one waiting, writes them in
/// one update; ends when the routes are gone (the server stopped).
fn write_jobs(shared: &Shared, conditions: &Mutex<Conditions>, waiting: &mpsc::Receiver<Job>) {
    while let Ok(first) = waiting.recv() {
        let mut jobs = vec![first];
        jobs.extend(waiting.try_iter());
        match shared.file.lock() {
            Ok(mut file) => write_together(shared, conditions, &mut file, jobs),
            Err(_) => {
                for job in jobs {
                    let _ = job.answer.send(Err(not_saved(job.lang)));
                }
            }
        }
    }
}

/// Writes `jobs` in one update of the file and answers each.
fn write_together(shared: &Shared, conditions: &Mutex<Conditions>, file: &mut SessionFile, jobs: Vec<Job>) {
    let groups = match (conditions.lock(), file.refresh_now()) {
        (Ok(mut conditions), Ok(session)) => conditions.of(session).to_vec(),
        _ => {
            for job in jobs {
                let _ = job.answer.send(Err(unavailable(job.lang)));
            }
            return;
        }
    };
    let mut answers = Vec::with_capacity(jobs.len());
    let mut changes = Vec::with_capacity(jobs.len());
    for job in jobs {
        answers.push((job.lang, job.answer));
        changes.push((job.token, job.lang, job.apply));
    }
    let result = file.update(|session| {
        let mut outcomes = Vec::with_capacity(changes.len());
        for (token, lang, apply) in changes {
            // Each change on a copy: a refused one leaves nothing behind.
            let mut copy = session.clone();
            let outcome = check_vote(&copy, &token, lang)
                .and_then(|()| apply(&mut copy, &groups).map_err(|err| vote_refusal(lang, &err)));
            if outcome.is_ok() {
                *session = copy;
            }
            outcomes.push(outcome);
        }
        if outcomes.iter().any(Result::is_ok) { Ok(outcomes) } else { Err(outcomes) }
    });
    let outcomes = match result {
        Ok(outcomes) => {
            if let Some(events) = &shared.events {
                let _ = events.send(PhoneEvent::Voted);
            }
            outcomes
        }
        Err(UpdateError::Refused(outcomes)) => outcomes,
        Err(UpdateError::Store(_)) => answers.iter().map(|(lang, _)| Err(unavailable(*lang))).collect(),
    };
    for ((lang, answer), outcome) in answers.into_iter().zip(outcomes) {
        let _ = answer.send(outcome.map(|ballot| view_of(file.session(), &groups, &ballot, lang)));
    }
}

fn not_saved(lang: Lang) -> Refusal {
    refuse(StatusCode::INTERNAL_SERVER_ERROR, lang, vmsg::NOT_SAVED)
}

fn unavailable(lang: Lang) -> Refusal {
    refuse(StatusCode::SERVICE_UNAVAILABLE, lang, vmsg::NOT_SAVED)
}

/// Runs file work off the async threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Refusal> + Send + 'static,
    lang: Lang,
) -> Result<T, Refusal> {
    tokio::task::spawn_blocking(work).await.unwrap_or_else(|_| Err(not_saved(lang)))
}

/// The voting page's address on a server listening at `address`, while the session's
/// vote is open.
pub fn voting_address(session: &Session, address: SocketAddr) -> Option<String> {
    session.open_vote_session().map(|vote| format!("http://{address}/vote/{}", vote.token))
}
