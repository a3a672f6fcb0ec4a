//! The one rule that combines two copies of a session changed apart: the copy a program
//! holds (its own changes since it last read the file) and the file as another program
//! left it meanwhile. Shared by the full-screen app and the commands.
//!
//! It is a three-way merge against the copy both started from (`base`):
//! - proposals are matched by id; a deletion is remembered as a tombstone and always
//!   wins, so a deleted proposal never comes back; an edit raises the proposal's
//!   edition, and of two editions of one proposal the higher one is kept (the writer's
//!   own on a tie), so an edit never duplicates a proposal;
//! - a proposal the writer added under an id the file has meanwhile given to another
//!   one (or deleted) gets the next free id: an id never names two proposals;
//! - tables are matched by number (one added elsewhere stays, one the writer changed
//!   is the writer's); every other part of the session (title, schedule, clock,
//!   participants…) is taken from the writer when the writer changed it, else from the
//!   file;
//! - decisions are merged entry by entry the same way (an entry keyed by proposal —
//!   family, wording, split — follows whoever changed that key); votes are counts, so
//!   what each side added or took back is added up.

use std::collections::{HashMap, HashSet};

use super::decisions::{Decisions, Votes};
use super::proposal::{Proposal, ProposalId};
use super::session::Session;
use super::vote::VoteSession;

/// A proposal `mine` added whose id the file had given meanwhile: `from` became `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Renamed {
    pub from: ProposalId,
    pub to: ProposalId,
}

/// `theirs` (the file now) with the changes `mine` made since `base` (the copy `mine`
/// started from) applied.
pub fn merge(base: &Session, mine: &Session, theirs: &Session) -> Session {
    merge_renaming(base, mine, theirs).0
}

/// [`merge`], with the ids of `mine`'s new proposals that had to change.
pub fn merge_renaming(base: &Session, mine: &Session, theirs: &Session) -> (Session, Vec<Renamed>) {
    let mut merged = theirs.clone();
    merge_fields(base, mine, &mut merged);
    let renamed = merge_proposals(base, mine, &mut merged);
    let mut my_decisions = mine.decisions.clone();
    if !renamed.is_empty() {
        rename_in_decisions(&mut my_decisions, &renamed);
    }
    merged.decisions = merge_decisions(&base.decisions, &my_decisions, &theirs.decisions);
    let mut renamed: Vec<Renamed> = renamed.into_iter().map(|(from, to)| Renamed { from, to }).collect();
    renamed.sort_unstable_by_key(|r| r.from);
    (merged, renamed)
}

/// Every field other than proposals and decisions: the writer's value when it changed
/// it, else the file's. The field list is written out in full so that a new field
/// cannot be forgotten here.
fn merge_fields(base: &Session, mine: &Session, merged: &mut Session) {
    let Session {
        version,
        title,
        date,
        place,
        facilitator,
        families,
        tables,
        schedule,
        clock,
        proposals: _,
        next_id: _,
        deleted: _,
        decisions: _,
        participants,
        participant_count,
        rotation,
        learned,
        document,
        vocabulary,
        vote,
    } = mine;
    fn pick<T: Clone + PartialEq>(base: &T, mine: &T, target: &mut T) {
        if base != mine {
            *target = mine.clone();
        }
    }
    merged.version = merged.version.max(*version);
    pick(&base.title, title, &mut merged.title);
    pick(&base.date, date, &mut merged.date);
    pick(&base.place, place, &mut merged.place);
    pick(&base.facilitator, facilitator, &mut merged.facilitator);
    pick(&base.families, families, &mut merged.families);
    // Tables by number, like decisions: a table another program added stays.
    // The writer's order (tables can be reordered), then those only the file has.
    if base.tables != *tables {
        let kept = merge_list(&base.tables, tables, &merged.tables, |t| t.number);
        let mut ordered: Vec<_> =
            tables.iter().filter_map(|t| kept.iter().find(|k| k.number == t.number).cloned()).collect();
        ordered.extend(kept.iter().filter(|k| !tables.iter().any(|t| t.number == k.number)).cloned());
        merged.tables = ordered;
    }
    pick(&base.schedule, schedule, &mut merged.schedule);
    pick(&base.clock, clock, &mut merged.clock);
    pick(&base.participants, participants, &mut merged.participants);
    pick(&base.participant_count, participant_count, &mut merged.participant_count);
    pick(&base.rotation, rotation, &mut merged.rotation);
    pick(&base.learned, learned, &mut merged.learned);
    pick(&base.document, document, &mut merged.document);
    pick(&base.vocabulary, vocabulary, &mut merged.vocabulary);
    merge_vote(&base.vote, vote, &mut merged.vote);
}

/// The vote: its settings (open, dots, address) follow whoever changed them, its
/// ballots are merged by id like decisions (phones vote while the app saves).
fn merge_vote(base: &Option<VoteSession>, mine: &Option<VoteSession>, merged: &mut Option<VoteSession>) {
    if base == mine {
        return;
    }
    match (base, mine, merged.as_mut()) {
        (Some(base), Some(mine), Some(theirs)) if base.token == theirs.token => {
            if base.open != mine.open {
                theirs.open = mine.open;
            }
            if base.dots != mine.dots {
                theirs.dots = mine.dots;
            }
            if base.token != mine.token {
                theirs.token = mine.token.clone();
            }
            theirs.ballots = merge_list(&base.ballots, &mine.ballots, &theirs.ballots, |b| b.id.clone());
        }
        _ => *merged = mine.clone(),
    }
}

/// Applies the writer's proposal changes to `merged`; returns the ids it had to give
/// again (old → new).
fn merge_proposals(base: &Session, mine: &Session, merged: &mut Session) -> HashMap<ProposalId, ProposalId> {
    let base_by_id: HashMap<ProposalId, &Proposal> = base.proposals.iter().map(|p| (p.id, p)).collect();
    let mine_ids: HashSet<ProposalId> = mine.proposals.iter().map(|p| p.id).collect();
    let base_deleted: HashSet<ProposalId> = base.deleted.iter().copied().collect();
    let mut merged_deleted: HashSet<ProposalId> = merged.deleted.iter().copied().collect();

    // Deletions: a proposal the base had and the writer no longer has.
    for id in base_by_id.keys().filter(|id| !mine_ids.contains(id)) {
        merged_deleted.insert(*id);
    }
    for id in &mine.deleted {
        if !mine_ids.contains(id) {
            merged_deleted.insert(*id);
        }
    }
    // A deletion the writer took back (undo) after it was saved.
    let undeleted: HashSet<ProposalId> =
        mine.proposals.iter().map(|p| p.id).filter(|id| base_deleted.contains(id)).collect();

    let mut renamed = HashMap::new();
    let mut index: HashMap<ProposalId, usize> =
        merged.proposals.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    for proposal in &mine.proposals {
        match base_by_id.get(&proposal.id) {
            Some(before) if *before == proposal => {}
            Some(before) => {
                // Edited by the writer: one edition later than what it started from.
                let mut edited = proposal.clone();
                edited.edition = edited.edition.max(before.edition.saturating_add(1));
                match index.get(&proposal.id) {
                    Some(&i) if merged.proposals[i].edition <= edited.edition => merged.proposals[i] = edited,
                    Some(_) => {}
                    None if merged_deleted.contains(&proposal.id) => {}
                    None => {
                        index.insert(edited.id, merged.proposals.len());
                        merged.proposals.push(edited);
                    }
                }
            }
            None if undeleted.contains(&proposal.id) => {
                merged_deleted.remove(&proposal.id);
                if !index.contains_key(&proposal.id) {
                    restore_in_place(mine, proposal, &mut merged.proposals);
                    index = merged.proposals.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
                }
            }
            None => {
                // Added by the writer. Its id stays unless the file gave it meanwhile.
                let taken = index.contains_key(&proposal.id) || merged_deleted.contains(&proposal.id);
                let mut added = proposal.clone();
                if taken || added.id.0 < merged.next_id {
                    merged.deleted = merged_deleted.iter().copied().collect();
                    let fresh = merged.allocate_id();
                    renamed.insert(added.id, fresh);
                    added.id = fresh;
                }
                index.insert(added.id, merged.proposals.len());
                merged.proposals.push(added);
            }
        }
    }
    merged.proposals.retain(|p| !merged_deleted.contains(&p.id));
    let mut deleted: Vec<ProposalId> = merged_deleted.into_iter().collect();
    deleted.sort_unstable();
    merged.deleted = deleted;
    merged.next_id = merged.next_free_id().max(mine.next_id);
    renamed
}

/// Puts back a proposal whose deletion the writer undid where the writer has it: before
/// the first proposal that follows it in the writer's copy, else at the end.
fn restore_in_place(mine: &Session, proposal: &Proposal, proposals: &mut Vec<Proposal>) {
    let after = mine.proposals.iter().skip_while(|p| p.id != proposal.id).skip(1);
    let position = after.filter_map(|next| proposals.iter().position(|p| p.id == next.id)).next();
    proposals.insert(position.unwrap_or(proposals.len()), proposal.clone());
}

/// One list of decisions, three-way: the file's entries, less those the writer
/// removed, plus those it added; entries with the same `key` keep the writer's.
fn merge_list<T: Clone + PartialEq, K: PartialEq>(
    base: &[T],
    mine: &[T],
    theirs: &[T],
    key: impl Fn(&T) -> K,
) -> Vec<T> {
    let removed: Vec<&T> = base.iter().filter(|b| !mine.contains(b)).collect();
    let added: Vec<&T> = mine.iter().filter(|m| !base.contains(m)).collect();
    let mut out: Vec<T> = theirs
        .iter()
        .filter(|t| !removed.contains(t))
        .filter(|t| !added.iter().any(|a| key(a) == key(t)))
        .cloned()
        .collect();
    for entry in added {
        if !out.contains(entry) {
            out.push(entry.clone());
        }
    }
    out
}

/// The facilitator's decisions, merged list by list with [`merge_list`].
pub fn merge_decisions(base: &Decisions, mine: &Decisions, theirs: &Decisions) -> Decisions {
    Decisions {
        merges: merge_list(&base.merges, &mine.merges, &theirs.merges, |p| *p),
        splits: merge_list(&base.splits, &mine.splits, &theirs.splits, |s| s.proposal),
        rejected: merge_list(&base.rejected, &mine.rejected, &theirs.rejected, |p| *p),
        families: merge_list(&base.families, &mine.families, &theirs.families, |f| f.proposal),
        wordings: merge_list(&base.wordings, &mine.wordings, &theirs.wordings, |w| w.proposal),
        exclusions: merge_list(&base.exclusions, &mine.exclusions, &theirs.exclusions, |e| *e),
        votes: merge_votes(&base.votes, &mine.votes, &theirs.votes),
    }
}

/// Votes are counts: each condition gets the file's count plus what the writer added
/// or took back since `base`, so dots placed on both sides all count.
fn merge_votes(base: &[Votes], mine: &[Votes], theirs: &[Votes]) -> Vec<Votes> {
    let count =
        |list: &[Votes], proposal| list.iter().find(|v| v.proposal == proposal).map_or(0, |v| v.votes);
    let mut out: Vec<Votes> = Vec::new();
    for proposal in theirs.iter().chain(mine).map(|v| v.proposal) {
        if out.iter().any(|v| v.proposal == proposal) {
            continue;
        }
        let merged = i64::from(count(theirs, proposal)) + i64::from(count(mine, proposal))
            - i64::from(count(base, proposal));
        let votes = u32::try_from(merged.max(0)).unwrap_or(u32::MAX);
        if votes > 0 {
            out.push(Votes { proposal, votes });
        }
    }
    out
}

/// The writer's decisions about proposals whose ids were given again.
fn rename_in_decisions(decisions: &mut Decisions, renamed: &HashMap<ProposalId, ProposalId>) {
    let new = |id: &mut ProposalId| {
        if let Some(fresh) = renamed.get(id) {
            *id = *fresh;
        }
    };
    for pair in decisions.merges.iter_mut().chain(decisions.rejected.iter_mut()) {
        new(&mut pair.a);
        new(&mut pair.b);
    }
    for split in &mut decisions.splits {
        new(&mut split.proposal);
        split.apart_from.iter_mut().for_each(new);
    }
    decisions.families.iter_mut().for_each(|f| new(&mut f.proposal));
    decisions.wordings.iter_mut().for_each(|w| new(&mut w.proposal));
    decisions.exclusions.iter_mut().for_each(new);
    decisions.votes.iter_mut().for_each(|v| new(&mut v.proposal));
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::domain::Kind;

    fn session() -> Session {
        let mut s = Session::new("Essai", Vec::new(), 3, 3, 20).expect("valid session");
        for text in ["un", "deux", "trois"] {
            s.add_proposal(1, 1, Kind::Condition, text, Utc::now()).expect("added");
        }
        s
    }

    fn texts(s: &Session) -> Vec<(u64, &str)> {
        let mut all: Vec<(u64, &str)> = s.proposals.iter().map(|p| (p.id.0, p.text.as_str())).collect();
        all.sort_unstable();
        all
    }

    #[test]
    fn additions_on_both_sides_are_all_kept_under_distinct_ids() {
        let base = session();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.add_proposal(1, 1, Kind::Condition, "mine", Utc::now()).expect("added");
        theirs.add_proposal(2, 1, Kind::Condition, "theirs", Utc::now()).expect("added");
        let merged = merge(&base, &mine, &theirs);
        assert_eq!(texts(&merged), vec![(1, "un"), (2, "deux"), (3, "trois"), (4, "theirs"), (5, "mine")]);
        assert_eq!(merged.next_id, 6);
    }

    #[test]
    fn a_deletion_on_either_side_stays_deleted() {
        let base = session();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.remove_proposal(ProposalId(1)).expect("removed");
        theirs.remove_proposal(ProposalId(2)).expect("removed");
        let merged = merge(&base, &mine, &theirs);
        assert_eq!(texts(&merged), vec![(3, "trois")]);
        assert_eq!(merged.deleted, vec![ProposalId(1), ProposalId(2)]);
        // Merging again with a copy that still holds them changes nothing.
        let again = merge(&base, &base, &merged);
        assert_eq!(texts(&again), vec![(3, "trois")]);
    }

    #[test]
    fn an_edit_replaces_the_proposal_and_never_duplicates_it() {
        let base = session();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.proposals[0].text = "un, reformulé".into();
        theirs.add_proposal(2, 1, Kind::Condition, "quatre", Utc::now()).expect("added");
        let merged = merge(&base, &mine, &theirs);
        assert_eq!(texts(&merged), vec![(1, "un, reformulé"), (2, "deux"), (3, "trois"), (4, "quatre")]);
        assert_eq!(merged.proposals.iter().find(|p| p.id.0 == 1).map(|p| p.edition), Some(1));
    }

    #[test]
    fn the_later_edition_wins() {
        let base = session();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.proposals[0].text = "mine".into();
        theirs.proposals[0].text = "theirs, twice".into();
        theirs.proposals[0].edition = 2;
        assert_eq!(texts(&merge(&base, &mine, &theirs))[0], (1, "theirs, twice"));
    }

    #[test]
    fn an_edit_of_a_proposal_deleted_elsewhere_does_not_bring_it_back() {
        let base = session();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.proposals[0].text = "edited".into();
        theirs.remove_proposal(ProposalId(1)).expect("removed");
        assert_eq!(texts(&merge(&base, &mine, &theirs)), vec![(2, "deux"), (3, "trois")]);
    }

    #[test]
    fn an_undone_deletion_comes_back_under_its_own_id() {
        let mut base = session();
        let removed = base.remove_proposal(ProposalId(2)).expect("removed");
        let mut mine = base.clone();
        mine.proposals.insert(1, removed);
        let merged = merge(&base, &mine, &base);
        assert_eq!(texts(&merged), vec![(1, "un"), (2, "deux"), (3, "trois")]);
        assert!(merged.deleted.is_empty());
    }

    #[test]
    fn other_fields_follow_whoever_changed_them() {
        let base = session();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.title = "Nouveau titre".into();
        theirs.place = "Lyon".into();
        let merged = merge(&base, &mine, &theirs);
        assert_eq!((merged.title.as_str(), merged.place.as_str()), ("Nouveau titre", "Lyon"));
    }

    #[test]
    fn votes_given_on_both_sides_all_count() {
        let mut base = session();
        base.decisions.vote(ProposalId(1), 2);
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.decisions.vote(ProposalId(1), 1);
        theirs.decisions.vote(ProposalId(1), 3);
        theirs.decisions.vote(ProposalId(2), 1);
        mine.decisions.vote(ProposalId(3), 1);
        theirs.decisions.vote(ProposalId(3), 1);
        let merged = merge(&base, &mine, &theirs);
        let votes: Vec<(u64, u32)> = merged.decisions.votes.iter().map(|v| (v.proposal.0, v.votes)).collect();
        assert_eq!(votes, vec![(1, 6), (2, 1), (3, 2)]);
    }

    #[test]
    fn a_vote_closed_in_the_app_keeps_the_ballots_phones_gave_meanwhile() {
        let mut base = session();
        base.open_vote("secret", 3).expect("open");
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.close_vote();
        theirs.add_ballot("phone").expect("ballot");
        let merged = merge(&base, &mine, &theirs);
        let vote = merged.vote.expect("vote");
        assert!(!vote.open);
        assert_eq!(vote.ballots.len(), 1);
    }

    #[test]
    fn tables_added_on_both_sides_are_all_kept() {
        let base = session();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.add_table(5, "La mienne").expect("added");
        mine.tables[0].question = "Question revue".into();
        theirs.add_table(9, "L'autre").expect("added");
        let merged = merge(&base, &mine, &theirs);
        let numbers: Vec<u32> = merged.tables.iter().map(|t| t.number).collect();
        assert_eq!(numbers, vec![1, 2, 3, 5, 9]);
        assert_eq!(merged.tables[0].question, "Question revue");
    }

    #[test]
    fn decisions_merge_entry_by_entry_and_follow_renamed_ids() {
        let base = session();
        let mut mine = base.clone();
        let mut theirs = base.clone();
        mine.decisions.set_family(ProposalId(1), 2);
        theirs.decisions.set_family(ProposalId(2), 3);
        theirs.decisions.exclude(ProposalId(3));
        let added = mine.add_proposal(1, 1, Kind::Condition, "mine", Utc::now()).expect("added");
        theirs.add_proposal(1, 1, Kind::Condition, "theirs", Utc::now()).expect("added");
        mine.decisions.merge(ProposalId(1), added);
        let merged = merge(&base, &mine, &theirs);
        let mut families: Vec<(u64, u8)> =
            merged.decisions.families.iter().map(|f| (f.proposal.0, f.family)).collect();
        families.sort_unstable();
        assert_eq!(families, vec![(1, 2), (2, 3)]);
        assert_eq!(merged.decisions.exclusions, vec![ProposalId(3)]);
        assert_eq!(merged.decisions.merges.len(), 1);
        assert!(merged.decisions.merges[0].contains(ProposalId(5)), "{:?}", merged.decisions.merges);
    }
}
