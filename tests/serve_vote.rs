//! Dot voting from phones end to end: the vote kept in the session file through the
//! store's one writer, then a real server on 127.0.0.1 and a real HTTP client; what the
//! phones vote is read back from the session file.

use std::path::{Path, PathBuf};

use cafe_savoir::domain::{Kind, ProposalId, Session};
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
