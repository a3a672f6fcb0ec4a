//! The rules of dot voting on a session ([`super::vote`] holds its data): opening and
//! closing the vote, giving ballots, and setting a ballot's dots on a condition, which
//! moves the synthèse's votes by the rule of `cafe decide vote` (`Decisions::vote`).
//! Every refused change leaves the session unchanged.

use super::proposal::{Kind, ProposalId};
use super::session::Session;
use super::vote::{Ballot, BallotDots, MAX_BALLOTS, VoteError, VoteSession, check_dots};

impl Session {
    /// Opens the vote with `dots` per ballot: a new vote with `token` as its secret, or
    /// the earlier one again (same address, same ballots).
    pub fn open_vote(&mut self, token: &str, dots: u32) -> Result<(), VoteError> {
        let dots = check_dots(dots)?;
        match &mut self.vote {
            Some(vote) => {
                vote.open = true;
                vote.dots = dots;
            }
            None => {
                self.vote =
                    Some(VoteSession { token: token.to_string(), open: true, dots, ballots: Vec::new() })
            }
        }
        Ok(())
    }

    /// Closes the vote: its dots stay in the synthèse's votes, phones can no longer
    /// change them.
    pub fn close_vote(&mut self) {
        if let Some(vote) = &mut self.vote {
            vote.open = false;
        }
    }

    /// The vote, when it is open.
    pub fn open_vote_session(&self) -> Option<&VoteSession> {
        self.vote.as_ref().filter(|v| v.open)
    }

    /// Gives a new ballot `id` (made by the caller, random) in the open vote.
    pub fn add_ballot(&mut self, id: &str) -> Result<(), VoteError> {
        let vote = self.vote.as_mut().filter(|v| v.open).ok_or(VoteError::NotOpen)?;
        if vote.ballots.len() >= MAX_BALLOTS {
            return Err(VoteError::BallotsFull(MAX_BALLOTS));
        }
        if vote.ballot(id).is_some() {
            return Err(VoteError::DuplicateBallot);
        }
        vote.ballots.push(Ballot { id: id.to_string(), dots: Vec::new() });
        Ok(())
    }

    /// Sets to `dots` the dots ballot `ballot` gives the condition of `proposal`, and
    /// moves the synthèse's votes of that condition by the difference (the rule of
    /// `cafe decide vote`). Setting the same count again changes nothing, so a phone
    /// may send it again. Refused beyond the ballot's budget (taking dots back always
    /// works while the vote is open). Returns the change in votes.
    pub fn set_ballot_dots(
        &mut self,
        ballot: &str,
        proposal: ProposalId,
        dots: u32,
    ) -> Result<i32, VoteError> {
        let is_condition = self.proposal(proposal).is_some_and(|p| p.kind == Kind::Condition);
        let vote = self.vote.as_mut().filter(|v| v.open).ok_or(VoteError::NotOpen)?;
        let budget = vote.dots;
        let ballot = vote.ballots.iter_mut().find(|b| b.id == ballot).ok_or(VoteError::UnknownBallot)?;
        let current = ballot.dots_on(proposal);
        if dots > current {
            if !is_condition {
                return Err(VoteError::NotACondition(proposal));
            }
            if ballot.placed().saturating_sub(current).saturating_add(dots) > budget {
                return Err(VoteError::BudgetSpent(budget));
            }
        }
        ballot.dots.retain(|d| d.proposal != proposal);
        if dots > 0 {
            ballot.dots.push(BallotDots { proposal, dots });
        }
        let delta = i64::from(dots) - i64::from(current);
        let delta = i32::try_from(delta).unwrap_or(0);
        self.decisions.vote(proposal, delta);
        Ok(delta)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn session() -> (Session, ProposalId, ProposalId, ProposalId) {
        let mut s = Session::new("Vote", Vec::new(), 2, 1, 20).expect("valid");
        let now = Utc::now();
        let a = s.add_proposal(1, 1, Kind::Condition, "Un lieu pour se retrouver", now).expect("added");
        let b = s.add_proposal(2, 1, Kind::Condition, "Du temps pour apprendre", now).expect("added");
        let astuce = s.add_proposal(2, 1, Kind::Astuce, "Un tableau partagé", now).expect("added");
        (s, a, b, astuce)
    }

    #[test]
    fn dots_per_ballot_are_checked() {
        let (mut s, ..) = session();
        assert_eq!(s.open_vote("secret", 0), Err(VoteError::DotsOutOfRange(0)));
        assert_eq!(s.open_vote("secret", 11), Err(VoteError::DotsOutOfRange(11)));
        assert!(s.vote.is_none());
        s.open_vote("secret", 10).expect("in range");
        s.close_vote();
        s.open_vote("other", 2).expect("reopened");
        let vote = s.vote.as_ref().expect("vote");
        assert_eq!((vote.token.as_str(), vote.dots, vote.open), ("secret", 2, true));
    }

    #[test]
    fn a_ballot_spends_its_budget_then_takes_dots_back() {
        let (mut s, a, b, astuce) = session();
        assert_eq!(s.add_ballot("b1"), Err(VoteError::NotOpen));
        s.open_vote("secret", 3).expect("open");
        s.add_ballot("b1").expect("ballot");
        assert_eq!(s.add_ballot("b1"), Err(VoteError::DuplicateBallot));
        assert_eq!(s.set_ballot_dots("b1", a, 2), Ok(2));
        assert_eq!(s.set_ballot_dots("b1", a, 2), Ok(0), "sent again: nothing more");
        assert_eq!(s.set_ballot_dots("b1", b, 1), Ok(1));
        assert_eq!(s.set_ballot_dots("b1", b, 2), Err(VoteError::BudgetSpent(3)));
        assert_eq!(s.set_ballot_dots("b1", astuce, 1), Err(VoteError::NotACondition(astuce)));
        assert_eq!(s.set_ballot_dots("nope", a, 1), Err(VoteError::UnknownBallot));
        assert_eq!(s.set_ballot_dots("b1", a, 1), Ok(-1));
        assert_eq!(s.set_ballot_dots("b1", b, 2), Ok(1));
        let votes: Vec<(u64, u32)> = s.decisions.votes.iter().map(|v| (v.proposal.0, v.votes)).collect();
        assert_eq!(votes, vec![(a.0, 1), (b.0, 2)]);
        assert_eq!(s.vote.as_ref().map(VoteSession::placed), Some(3));
        s.close_vote();
        assert_eq!(s.set_ballot_dots("b1", a, 0), Err(VoteError::NotOpen));
    }

    #[test]
    fn ballots_are_capped() {
        let (mut s, ..) = session();
        s.open_vote("secret", 3).expect("open");
        for i in 0..MAX_BALLOTS {
            s.add_ballot(&format!("b{i}")).expect("room");
        }
        assert_eq!(s.add_ballot("one-more"), Err(VoteError::BallotsFull(MAX_BALLOTS)));
    }
}
