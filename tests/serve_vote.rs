//! Dot voting from phones end to end: the vote kept in the session file through the
//! store's one writer, then a real server on 127.0.0.1 and a real HTTP client; what the
//! phones vote is read back from the session file.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

mod serve_support;
use serve_support::{agent, send, start_on_loopback};

use cafe_savoir::domain::{Kind, ProposalId, Session};
use cafe_savoir::serve::token::new_token;
use cafe_savoir::serve::vote::{VoteView, voting_address};
use cafe_savoir::serve::{PhoneEvent, Server};
use cafe_savoir::store::{SessionFile, load, save};

/// A session with two conditions and an astuce.
fn new_session(dir: &Path) -> (PathBuf, Vec<ProposalId>) {
    let path = dir.join("cafe.ron");
    let mut session = Session::new("Vote", Vec::new(), 3, 1, 20).expect("valid session");
    let now = chrono::Utc::now();
    let ids = vec![
        session.add_proposal(1, 1, Kind::Condition, "Un lieu pour se retrouver", now).expect("added"),
        session
            .add_proposal(2, 1, Kind::Condition, "Du temps pour <apprendre> & essayer", now)
            .expect("added"),
        session.add_proposal(3, 1, Kind::Astuce, "Un tableau partagé", now).expect("added"),
    ];
    save(&path, &session).expect("saved");
    (path, ids)
}

#[test]
fn a_vote_and_its_ballots_are_kept_in_the_session_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, ids) = new_session(dir.path());
    let mut file = SessionFile::open(&path).expect("opens");
    file.update(|s| s.open_vote("0123456789abcdefghjkmnpqrs", 3)).expect("opened");
    file.update(|s| s.add_ballot("ballot")).expect("ballot");
    file.update(|s| s.set_ballot_dots("ballot", ids[1], 2)).expect("voted");
    let session = load(&path).expect("loads");
    let vote = session.vote.as_ref().expect("a vote");
    assert!(vote.open);
    assert_eq!(vote.ballot("ballot").map(|b| b.dots_on(ids[1])), Some(2));
    assert_eq!(
        session.decisions.votes.iter().map(|v| (v.proposal, v.votes)).collect::<Vec<_>>(),
        vec![(ids[1], 2)]
    );
    // Written as the program writes it, read back the same.
    let text = std::fs::read_to_string(&path).expect("reads");
    assert!(text.contains("vote: Some("), "{text}");
}

/// Opens the session's vote with `dots` per phone (as the app does: through the
/// store's one writer); returns the voting page's address.
fn open_vote(path: &Path, server: &Server, dots: u32) -> String {
    let token = new_token().expect("random");
    let mut file = SessionFile::open(path).expect("opens");
    file.update(|s| s.open_vote(&token, dots)).expect("opened");
    voting_address(file.session(), server.address()).expect("an open vote has an address")
}

/// A new ballot: its id and view.
fn new_ballot(page: &str) -> VoteView {
    let (status, body) = send("POST", &format!("{page}/ballots"), None);
    assert_eq!(status, 201, "{body}");
    serde_json::from_str(&body).expect("json")
}

fn set_dots(page: &str, ballot: &str, condition: u64, dots: u32) -> (u16, String) {
    send(
        "PUT",
        &format!("{page}/ballots/{ballot}/dots/{condition}"),
        Some(serde_json::json!({ "dots": dots }).to_string()),
    )
}

fn votes_on_disk(path: &Path) -> Vec<(u64, u32)> {
    let mut votes: Vec<(u64, u32)> =
        load(path).expect("loads").decisions.votes.iter().map(|v| (v.proposal.0, v.votes)).collect();
    votes.sort_unstable();
    votes
}

#[test]
fn phones_place_their_dots_within_their_budget_and_take_them_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, ids) = new_session(dir.path());
    let (events, heard) = mpsc::channel();
    let server = start_on_loopback(&path, 0, Some(events));
    let page = open_vote(&path, &server, 3);

    let (status, html) = send("GET", &page, None);
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Vote à points") && html.contains("/vote.js"), "{html}");
    let answer = agent().get(&page).call().expect("the server answers");
    let csp = answer.headers().get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or("");
    assert!(csp.starts_with("default-src 'none'"), "{csp}");
    assert!(answer.headers().get("set-cookie").is_none());

    let ballot = new_ballot(&page);
    assert_eq!((ballot.dots, ballot.left, ballot.open), (3, 3, true));
    // The conditions only (not the astuce), their text as data, never as markup.
    let shown: Vec<(u64, &str)> = ballot.conditions.iter().map(|c| (c.id, c.headline.as_str())).collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(shown.contains(&(ids[1].0, "Du temps pour <apprendre> & essayer")), "{shown:?}");
    assert!(!shown.iter().any(|(id, _)| *id == ids[2].0));

    let (status, body) = set_dots(&page, &ballot.ballot, ids[0].0, 2);
    assert_eq!(status, 200, "{body}");
    let view: VoteView = serde_json::from_str(&body).expect("json");
    assert_eq!(view.left, 1);
    assert_eq!(votes_on_disk(&path), vec![(ids[0].0, 2)], "on disk as soon as the phone is answered");
    assert_eq!(heard.try_recv().ok(), Some(PhoneEvent::Voted));

    // The same count sent again (an answer lost) counts once.
    assert_eq!(set_dots(&page, &ballot.ballot, ids[0].0, 2).0, 200);
    assert_eq!(set_dots(&page, &ballot.ballot, ids[1].0, 1).0, 200);
    assert_eq!(votes_on_disk(&path), vec![(ids[0].0, 2), (ids[1].0, 1)]);

    // The fourth dot of a three-dot ballot is refused, with a clear message.
    let (status, body) = set_dots(&page, &ballot.ballot, ids[1].0, 2);
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("Vos 3 points sont placés : retirez-en un pour voter ailleurs."), "{body}");
    assert_eq!(votes_on_disk(&path), vec![(ids[0].0, 2), (ids[1].0, 1)]);

    // A dot taken back, then placed elsewhere.
    assert_eq!(set_dots(&page, &ballot.ballot, ids[0].0, 1).0, 200);
    assert_eq!(set_dots(&page, &ballot.ballot, ids[1].0, 2).0, 200);
    assert_eq!(votes_on_disk(&path), vec![(ids[0].0, 1), (ids[1].0, 2)]);

    // Not a condition; a ballot the vote never gave.
    assert_eq!(set_dots(&page, &ballot.ballot, ids[2].0, 0).0, 422);
    let (status, body) = set_dots(&page, "0123456789abcdefghjkmnpqrs", ids[0].0, 1);
    assert_eq!(status, 404, "{body}");

    // A ballot reads its own dots back (a reloaded page).
    let (status, body) = send("GET", &format!("{page}/ballots/{}", ballot.ballot), None);
    assert_eq!(status, 200);
    let again: VoteView = serde_json::from_str(&body).expect("json");
    let mine: Vec<u32> = again.conditions.iter().map(|c| c.mine).collect();
    assert_eq!(mine.iter().sum::<u32>(), 3);
    assert_eq!(again.left, 0);
    server.stop();
}

#[test]
fn a_wrong_or_closed_vote_is_refused_and_counted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, ids) = new_session(dir.path());
    let server = start_on_loopback(&path, 0, None);
    let base = format!("http://{}", server.address());
    // No vote yet: nothing answers.
    let (status, body) = send("GET", &format!("{base}/vote/0123456789abcdefghjkmnpqrs"), None);
    assert_eq!(status, 404, "{body}");
    assert!(body.contains("Pas de vote ouvert à cette adresse"), "{body}");

    let page = open_vote(&path, &server, 2);
    let ballot = new_ballot(&page);
    // Another token, a table's token, and a string that is no token at all.
    let table = load(&path).expect("loads").tables[0].phone_token.clone();
    for wrong in ["0123456789abcdefghjkmnpqrs", table.as_str(), "x"] {
        let (status, _) = send("POST", &format!("{base}/vote/{wrong}/ballots"), None);
        assert_eq!(status, 404, "{wrong}");
        let (status, _) = set_dots(&format!("{base}/vote/{wrong}"), &ballot.ballot, ids[0].0, 1);
        assert_eq!(status, 404, "{wrong}");
    }
    // Too large a body.
    let (status, _) = send(
        "PUT",
        &format!("{page}/ballots/{}/dots/{}", ballot.ballot, ids[0].0),
        Some(format!("{{\"dots\":1,\"pad\":\"{}\"}}", "x".repeat(20 * 1024))),
    );
    assert_eq!(status, 413);

    let mut file = SessionFile::open(&path).expect("opens");
    file.update(|s| -> Result<(), ()> {
        s.close_vote();
        Ok(())
    })
    .expect("closed");
    let (status, body) = set_dots(&page, &ballot.ballot, ids[0].0, 1);
    assert_eq!(status, 410, "{body}");
    assert!(body.contains("Le vote est fermé."), "{body}");
    assert_eq!(send("POST", &format!("{page}/ballots"), None).0, 410);
    assert!(votes_on_disk(&path).is_empty());
    assert!(server.refused() >= 9, "{}", server.refused());
    server.stop();
}

#[test]
fn thirty_phones_voting_at_once_give_exact_totals_on_disk() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, ids) = new_session(dir.path());
    let server = start_on_loopback(&path, 0, None);
    let page = open_vote(&path, &server, 3);
    let phones: Vec<std::thread::JoinHandle<()>> = (0..30)
        .map(|phone| {
            let page = page.clone();
            let (a, b) = (ids[0].0, ids[1].0);
            std::thread::spawn(move || {
                let ballot = new_ballot(&page).ballot;
                // Every phone: two dots on the first condition, one on the second; the
                // odd ones then take one back from the first.
                assert_eq!(set_dots(&page, &ballot, a, 1).0, 200);
                assert_eq!(set_dots(&page, &ballot, a, 2).0, 200);
                assert_eq!(set_dots(&page, &ballot, b, 1).0, 200);
                assert_eq!(set_dots(&page, &ballot, b, 2).0, 409, "the fourth dot");
                if phone % 2 == 1 {
                    assert_eq!(set_dots(&page, &ballot, a, 1).0, 200);
                }
            })
        })
        .collect();
    for phone in phones {
        phone.join().expect("the phone voted");
    }
    assert_eq!(votes_on_disk(&path), vec![(ids[0].0, 45), (ids[1].0, 30)]);
    let session = load(&path).expect("loads");
    let vote = session.vote.as_ref().expect("vote");
    assert_eq!((vote.ballots.len(), vote.placed()), (30, 75));
    server.stop();
}

#[test]
fn a_ballot_that_asks_too_often_is_slowed_down() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, _) = new_session(dir.path());
    let server = start_on_loopback(&path, 0, None);
    let page = open_vote(&path, &server, 3);
    let ballot = new_ballot(&page).ballot;
    let statuses: Vec<u16> =
        (0..80).map(|_| send("GET", &format!("{page}/ballots/{ballot}"), None).0).collect();
    assert!(statuses.contains(&429), "{statuses:?}");
    // Another ballot keeps its own budget.
    let other = new_ballot(&page).ballot;
    assert_eq!(send("GET", &format!("{page}/ballots/{other}"), None).0, 200);
    server.stop();
}

#[test]
fn cafe_serve_prints_the_voting_address_while_a_vote_is_open() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, ids) = new_session(dir.path());
    let token = new_token().expect("random");
    SessionFile::open(&path).expect("opens").update(|s| s.open_vote(&token, 4)).expect("opened");
    let mut child = Command::new(env!("CARGO_BIN_EXE_cafe"))
        .args(["serve", "cafe.ron", "--bind", "127.0.0.1", "--port", "0", "--lang", "fr"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .spawn()
        .expect("cafe serve starts");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let line = lines
        .by_ref()
        .map_while(Result::ok)
        .find(|l| l.contains("Vote à points"))
        .expect("the voting address is printed");
    let page = line.split(" : ").nth(1).expect("an address").to_string();
    assert!(line.starts_with("  Vote à points (4 par téléphone) : http://127.0.0.1:"), "{line}");
    assert!(page.ends_with(&format!("/vote/{token}")), "{page}");
    // And it serves it.
    let ballot = new_ballot(&page);
    assert_eq!(set_dots(&page, &ballot.ballot, ids[0].0, 4).0, 200);
    assert_eq!(votes_on_disk(&path), vec![(ids[0].0, 4)]);
    let killed = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().expect("kill runs");
    assert!(killed.success());
    assert!(child.wait().expect("cafe serve ends").success());
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(rest.iter().any(|l| l.starts_with("Saisie par téléphone arrêtée")), "{rest:?}");
}
