//! Applying the facilitator's decisions ([`crate::domain::Decisions`]) to the
//! synthèse: merges become must-links, splits and rejected suggestions cannot-links,
//! and family choices, wordings, exclusions and votes are applied to the group that
//! contains their proposal. Two conditions that carry different family choices or
//! different wordings are kept apart, so that new proposals can never make one of
//! those decisions disappear. A decision that no longer applies (its proposal was
//! deleted, or it contradicts another) is reported in [`DroppedDecision`], never
//! silently ignored.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::{Group, Status, combined_id};
use crate::domain::decisions::{Decisions, FamilyChoice, Pair, Split, Votes, Wording};
use crate::domain::{Kind, ProposalId};

/// Which kind of decision was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DecisionKind {
    Merge,
    Split,
    Rejected,
    Family,
    Wording,
    Exclusion,
    Votes,
}

/// Why it was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DropReason {
    /// A proposal it names is no longer in the session.
    MissingProposal,
    /// It contradicts another decision (a merge of two proposals kept apart).
    Contradicted,
    /// It would merge a condition with an astuce or a témoignage.
    DifferentKinds,
    /// The family it names does not exist.
    UnknownFamily,
}

/// A decision that could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DroppedDecision {
    pub decision: DecisionKind,
    pub proposals: Vec<ProposalId>,
    pub reason: DropReason,
}

/// The decisions of one input with its proposal ids mapped into the combined range.
pub fn remap(decisions: &Decisions, input: usize) -> Decisions {
    let id = |p: ProposalId| combined_id(input, p);
    Decisions {
        merges: decisions.merges.iter().map(|p| Pair::new(id(p.a), id(p.b))).collect(),
        splits: decisions
            .splits
            .iter()
            .map(|s| Split {
                proposal: id(s.proposal),
                apart_from: s.apart_from.iter().map(|p| id(*p)).collect(),
            })
            .collect(),
        rejected: decisions.rejected.iter().map(|p| Pair::new(id(p.a), id(p.b))).collect(),
        families: decisions
            .families
            .iter()
            .map(|f| FamilyChoice { proposal: id(f.proposal), family: f.family })
            .collect(),
        wordings: decisions
            .wordings
            .iter()
            .map(|w| Wording { proposal: id(w.proposal), text: w.text.clone() })
            .collect(),
        exclusions: decisions.exclusions.iter().map(|p| id(*p)).collect(),
        votes: decisions.votes.iter().map(|v| Votes { proposal: id(v.proposal), votes: v.votes }).collect(),
    }
}

/// The decisions, checked against the proposals present and ready to apply.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub must_link: Vec<(ProposalId, ProposalId)>,
    pub cannot_link: Vec<(ProposalId, ProposalId)>,
    /// In the order they were taken: the last one on a group wins.
    families: Vec<(ProposalId, u8)>,
    wordings: Vec<(ProposalId, String)>,
    exclusions: BTreeSet<ProposalId>,
    votes: Vec<(ProposalId, u32)>,
    pub dropped: Vec<DroppedDecision>,
}

impl Plan {
    /// Checks every decision: those naming a missing proposal, merging different kinds
    /// or naming an unknown family are dropped (and listed).
    pub fn new(
        all: &[Decisions],
        known: &BTreeSet<ProposalId>,
        kind_of: &rustc_hash::FxHashMap<ProposalId, Kind>,
        families: &[u8],
    ) -> Plan {
        let mut plan = Plan::default();
        let missing = |ids: &[ProposalId]| ids.iter().any(|id| !known.contains(id));
        for decisions in all {
            for pair in &decisions.merges {
                if missing(&[pair.a, pair.b]) {
                    plan.drop(DecisionKind::Merge, vec![pair.a, pair.b], DropReason::MissingProposal);
                } else if kind_of.get(&pair.a) != kind_of.get(&pair.b) {
                    plan.drop(DecisionKind::Merge, vec![pair.a, pair.b], DropReason::DifferentKinds);
                } else if pair.a != pair.b {
                    plan.must_link.push((pair.a, pair.b));
                }
            }
            for split in &decisions.splits {
                if missing(&[split.proposal]) {
                    let mut ids = vec![split.proposal];
                    ids.extend(&split.apart_from);
                    plan.drop(DecisionKind::Split, ids, DropReason::MissingProposal);
                    continue;
                }
                for other in &split.apart_from {
                    if known.contains(other) {
                        if *other != split.proposal {
                            plan.cannot_link.push((split.proposal, *other));
                        }
                    } else {
                        plan.drop(
                            DecisionKind::Split,
                            vec![split.proposal, *other],
                            DropReason::MissingProposal,
                        );
                    }
                }
            }
            for pair in &decisions.rejected {
                if missing(&[pair.a, pair.b]) {
                    plan.drop(DecisionKind::Rejected, vec![pair.a, pair.b], DropReason::MissingProposal);
                } else if pair.a != pair.b {
                    plan.cannot_link.push((pair.a, pair.b));
                }
            }
            for choice in &decisions.families {
                if missing(&[choice.proposal]) {
                    plan.drop(DecisionKind::Family, vec![choice.proposal], DropReason::MissingProposal);
                } else if !families.is_empty() && !families.contains(&choice.family) {
                    plan.drop(DecisionKind::Family, vec![choice.proposal], DropReason::UnknownFamily);
                } else {
                    plan.families.push((choice.proposal, choice.family));
                }
            }
            for wording in &decisions.wordings {
                if missing(&[wording.proposal]) {
                    plan.drop(DecisionKind::Wording, vec![wording.proposal], DropReason::MissingProposal);
                } else {
                    plan.wordings.push((wording.proposal, wording.text.clone()));
                }
            }
            for id in &decisions.exclusions {
                if missing(&[*id]) {
                    plan.drop(DecisionKind::Exclusion, vec![*id], DropReason::MissingProposal);
                } else {
                    plan.exclusions.insert(*id);
                }
            }
            for votes in &decisions.votes {
                if missing(&[votes.proposal]) {
                    plan.drop(DecisionKind::Votes, vec![votes.proposal], DropReason::MissingProposal);
                } else {
                    plan.votes.push((votes.proposal, votes.votes));
                }
            }
        }
        plan.keep_decided_groups_apart();
        plan
    }

    fn drop(&mut self, decision: DecisionKind, mut proposals: Vec<ProposalId>, reason: DropReason) {
        proposals.sort();
        proposals.dedup();
        self.dropped.push(DroppedDecision { decision, proposals, reason });
    }

    /// Conditions with different family choices, or different wordings, stay apart —
    /// unless the facilitator merged them (same must-link component).
    fn keep_decided_groups_apart(&mut self) {
        let mut component: HashMap<ProposalId, ProposalId> = HashMap::new();
        fn root(component: &HashMap<ProposalId, ProposalId>, mut x: ProposalId) -> ProposalId {
            while let Some(&p) = component.get(&x) {
                if p == x {
                    break;
                }
                x = p;
            }
            x
        }
        for &(a, b) in &self.must_link {
            let (ra, rb) = (root(&component, a), root(&component, b));
            if ra != rb {
                let (low, high) = (ra.min(rb), ra.max(rb));
                component.insert(high, low);
                component.entry(low).or_insert(low);
            }
        }
        let mut apart = Vec::new();
        // Only the last decision per proposal counts.
        let last_family: Vec<(ProposalId, u8)> = last_per_key(&self.families);
        for (i, (a, fa)) in last_family.iter().enumerate() {
            for (b, fb) in &last_family[i + 1..] {
                if fa != fb && root(&component, *a) != root(&component, *b) {
                    apart.push((*a, *b));
                }
            }
        }
        let last_wording: Vec<(ProposalId, String)> = last_per_key(&self.wordings);
        for (i, (a, wa)) in last_wording.iter().enumerate() {
            for (b, wb) in &last_wording[i + 1..] {
                if wa != wb && root(&component, *a) != root(&component, *b) {
                    apart.push((*a, *b));
                }
            }
        }
        self.cannot_link.extend(apart);
    }

    /// Applies family choices, wordings, exclusions and votes to a group.
    pub fn apply_to_group(&self, group: &mut Group) {
        let contains = |id: &ProposalId| group.members.binary_search(id).is_ok();
        if let Some((_, family)) = self.families.iter().rev().find(|(id, _)| contains(id)) {
            group.family = Some(*family);
            group.confidence = 1.0;
            group.status = Status::Decided;
        }
        if let Some((_, text)) = self.wordings.iter().rev().find(|(id, _)| contains(id)) {
            group.wording = text.clone();
            group.edited = true;
        }
        group.excluded = self.exclusions.iter().any(&contains);
        let mut per_proposal: HashMap<ProposalId, u32> = HashMap::new();
        for (id, votes) in &self.votes {
            if contains(id) {
                per_proposal.insert(*id, *votes);
            }
        }
        group.votes = per_proposal.values().fold(0u32, |sum, v| sum.saturating_add(*v));
    }
}

/// The last value given to each key, in order of first appearance.
fn last_per_key<T: Clone>(list: &[(ProposalId, T)]) -> Vec<(ProposalId, T)> {
    let mut out: Vec<(ProposalId, T)> = Vec::new();
    for (id, value) in list {
        match out.iter_mut().find(|(k, _)| k == id) {
            Some(slot) => slot.1 = value.clone(),
            None => out.push((*id, value.clone())),
        }
    }
    out
}
