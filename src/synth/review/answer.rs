//! Recording an answer: each of `cafe decide`'s verbs (and each answer in the app)
//! becomes `domain::Decisions` on the session, checked first (unknown proposal or
//! family: nothing changes), and what it teaches goes to the session's learned
//! vocabulary ([`super::learn`]). [`changes`] says what a decision changed in the
//! synthèse.

use std::collections::HashMap;

use serde::Serialize;

use super::learn::{LEARNED_PREFIX, differing_words, learn_same, main_concept};
use crate::domain::{Kind, ProposalId, Session};
use crate::synth::{Engine, Group, Synthesis};

/// One decision, as `cafe decide` spells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// `a` and `b` are the same condition.
    Same(ProposalId, ProposalId),
    /// `a` and `b` are not the same condition.
    Apart(ProposalId, ProposalId),
    /// `a` leaves its condition and joins the condition of `x`.
    Move(ProposalId, ProposalId),
    /// `a` leaves its condition and stands on its own.
    Alone(ProposalId),
    /// The condition of `a` goes in family `n`.
    Family(ProposalId, u8),
    /// The condition of `a` is worded `text`.
    Wording(ProposalId, String),
    /// The condition of `a` is left out of the synthèse.
    Exclude(ProposalId),
    /// `n` dot votes (negative: removed) for the condition of `a`.
    Vote(ProposalId, i32),
}

/// Why a decision was refused; the session is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    UnknownProposal(ProposalId),
    UnknownFamily(u8),
    /// The same proposal twice.
    SameProposal(ProposalId),
    /// A condition and an astuce (or témoignage) cannot be one.
    DifferentKinds(ProposalId, ProposalId),
}

/// What an answer taught the session's vocabulary, for the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Lesson {
    /// These two wordings now mean the same.
    Same(String, String),
    /// These two wordings are kept apart.
    Distinct(String, String),
    /// This concept (its label) goes in this family.
    Family(String, u8),
}

/// Records `decision` on `session` (whose synthèse by `engine` is `synthesis`).
pub fn decide(
    engine: &Engine,
    session: &mut Session,
    synthesis: &Synthesis,
    decision: &Decision,
) -> Result<Option<Lesson>, Refused> {
    check(session, decision)?;
    let text_of = |id: ProposalId| session.proposals.iter().find(|p| p.id == id).map(|p| p.text.clone());
    let others_in_group = |id: ProposalId| -> Vec<ProposalId> {
        synthesis
            .group_of(id)
            .map(|g| g.members.iter().copied().filter(|m| *m != id).collect())
            .unwrap_or_default()
    };
    let vocabulary = engine.vocabulary();
    let mut lesson = None;
    match decision {
        Decision::Same(a, b) | Decision::Move(a, b) => {
            if matches!(decision, Decision::Move(..)) {
                let target: Vec<ProposalId> =
                    synthesis.group_of(*b).map(|g| g.members.clone()).unwrap_or_default();
                let leaving: Vec<ProposalId> =
                    others_in_group(*a).into_iter().filter(|m| !target.contains(m)).collect();
                stay_with_condition(&mut session.decisions, *a, &leaving);
                session.decisions.split(*a, &leaving);
            }
            session.decisions.merge(*a, *b);
            if let (Some(ta), Some(tb)) = (text_of(*a), text_of(*b))
                && let Some((wa, wb)) = differing_words(vocabulary, &ta, &tb)
                && learn_same(vocabulary, &mut session.learned, &wa, &wb)
            {
                lesson = Some(Lesson::Same(wa, wb));
            }
        }
        Decision::Apart(a, b) => {
            session.decisions.reject(*a, *b);
            if let (Some(ta), Some(tb)) = (text_of(*a), text_of(*b))
                && let Some((wa, wb)) = differing_words(vocabulary, &ta, &tb)
                && session.learned.learn_distinct(&wa, &wb)
            {
                lesson = Some(Lesson::Distinct(wa, wb));
            }
        }
        Decision::Alone(a) => {
            let mut others = others_in_group(*a);
            if others.is_empty() {
                // Alone already: it stays apart from the conditions it was offered, and
                // keeps what was decided for it (its family, wording, votes).
                others = offered(engine, session, synthesis, *a);
            } else {
                stay_with_condition(&mut session.decisions, *a, &others);
            }
            session.decisions.split(*a, &others);
            // A proposal alone in its condition is placed too: its earlier merges go.
            session.decisions.merges.retain(|p| !p.contains(*a));
        }
        Decision::Family(a, n) => {
            let members = synthesis.group_of(*a).map(|g| g.members.clone()).unwrap_or_else(|| vec![*a]);
            session.decisions.clear_family(&members);
            session.decisions.set_family(*a, *n);
            let texts: Vec<String> = members.iter().filter_map(|m| text_of(*m)).collect();
            let features: Vec<_> = texts.iter().map(|t| engine.features(t)).collect();
            let refs: Vec<&crate::synth::similarity::Features> =
                features.iter().map(|f| f.as_ref()).collect();
            if let Some(concept) = main_concept(vocabulary, &refs) {
                lesson = learn_family(session, vocabulary, &concept, *n);
            }
        }
        Decision::Wording(a, text) => session.decisions.set_wording(*a, text),
        Decision::Exclude(a) => session.decisions.exclude(*a),
        Decision::Vote(a, n) => session.decisions.vote(*a, *n),
    }
    Ok(lesson)
}

/// When proposal `moving` leaves the condition whose other members are `staying`, the decisions it carried for that
/// condition (family, wording, exclusion, votes) stay with the condition: they are
/// keyed to one of the members that stay.
fn stay_with_condition(d: &mut crate::domain::Decisions, moving: ProposalId, staying: &[ProposalId]) {
    let Some(&heir) = staying.first() else { return };
    for choice in d.families.iter_mut().filter(|f| f.proposal == moving) {
        choice.proposal = heir;
    }
    for wording in d.wordings.iter_mut().filter(|w| w.proposal == moving) {
        wording.proposal = heir;
    }
    for excluded in d.exclusions.iter_mut().filter(|e| **e == moving) {
        *excluded = heir;
    }
    for votes in d.votes.iter_mut().filter(|v| v.proposal == moving) {
        votes.proposal = heir;
    }
}

/// The proposals of the candidate conditions the review offers for `id`.
fn offered(engine: &Engine, session: &Session, synthesis: &Synthesis, id: ProposalId) -> Vec<ProposalId> {
    super::review(engine, session, synthesis)
        .questions
        .into_iter()
        .find_map(|q| match q.ask {
            super::Ask::Place { proposal, candidates } if proposal == id => {
                Some(candidates.into_iter().map(|c| c.proposal).collect())
            }
            _ => None,
        })
        .unwrap_or_default()
}

/// Teaches `concept` (an id of the vocabulary) the family `family`, unless it already
/// leads with it.
fn learn_family(
    session: &mut Session,
    vocabulary: &crate::synth::vocabulary::Vocabulary,
    concept: &str,
    family: u8,
) -> Option<Lesson> {
    let entry = vocabulary.concepts.iter().find(|c| c.id == concept)?;
    if entry.families.first() == Some(&family) {
        return None;
    }
    let learned = match concept.strip_prefix(LEARNED_PREFIX) {
        Some(_) => entry.terms.first().is_some_and(|t| session.learned.learn_equivalence_family(t, family)),
        None => session.learned.learn_family(concept, family),
    };
    learned.then(|| Lesson::Family(entry.label.clone(), family))
}

/// Checks the ids and the family of a decision against the session.
fn check(session: &Session, decision: &Decision) -> Result<(), Refused> {
    let kind_of: HashMap<ProposalId, Kind> = session.proposals.iter().map(|p| (p.id, p.kind)).collect();
    let known =
        |id: &ProposalId| if kind_of.contains_key(id) { Ok(()) } else { Err(Refused::UnknownProposal(*id)) };
    match decision {
        Decision::Same(a, b) | Decision::Apart(a, b) | Decision::Move(a, b) => {
            known(a)?;
            known(b)?;
            if a == b {
                return Err(Refused::SameProposal(*a));
            }
            if !matches!(decision, Decision::Apart(..)) && kind_of.get(a) != kind_of.get(b) {
                return Err(Refused::DifferentKinds(*a, *b));
            }
            Ok(())
        }
        Decision::Family(a, n) => {
            known(a)?;
            if !session.families.is_empty() && !session.families.iter().any(|f| f.number == *n) {
                return Err(Refused::UnknownFamily(*n));
            }
            Ok(())
        }
        Decision::Alone(a) | Decision::Wording(a, _) | Decision::Exclude(a) | Decision::Vote(a, _) => {
            known(a)
        }
    }
}

/// What a decision changed in the synthèse.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Changes {
    /// Proposals now in a condition with different members than before.
    pub regrouped: Vec<ProposalId>,
    /// Conditions (by anchor) whose family changed, with the old and new family.
    pub families: Vec<(ProposalId, Option<u8>, Option<u8>)>,
    /// Conditions (by anchor) now left out of the synthèse, or back in (`false`).
    pub excluded: Vec<(ProposalId, bool)>,
    /// Conditions whose wording changed, with the new wording.
    pub wordings: Vec<(ProposalId, String)>,
    /// Conditions whose votes changed, with the new count.
    pub votes: Vec<(ProposalId, u32)>,
    pub conditions_before: usize,
    pub conditions_after: usize,
}

/// Compares two syntheses of the same session.
pub fn changes(before: &Synthesis, after: &Synthesis) -> Changes {
    let members_of = |s: &Synthesis| -> HashMap<ProposalId, (Vec<ProposalId>, Option<u8>)> {
        let mut map = HashMap::new();
        for g in s.all_groups() {
            for id in &g.members {
                map.insert(*id, (g.members.clone(), g.family));
            }
        }
        map
    };
    let (old, new) = (members_of(before), members_of(after));
    let mut regrouped: Vec<ProposalId> = new
        .iter()
        .filter(|(id, (m, _))| old.get(id).is_none_or(|(o, _)| o != m))
        .map(|(id, _)| *id)
        .collect();
    regrouped.sort();
    let mut families: Vec<(ProposalId, Option<u8>, Option<u8>)> = after
        .conditions
        .iter()
        .filter_map(|g: &Group| {
            let was = old.get(&g.anchor).map(|(_, f)| *f).unwrap_or(None);
            (was != g.family).then_some((g.anchor, was, g.family))
        })
        .collect();
    families.sort();
    let by_anchor: HashMap<ProposalId, &Group> = before.all_groups().map(|g| (g.anchor, g)).collect();
    let (mut excluded, mut wordings, mut votes) = (Vec::new(), Vec::new(), Vec::new());
    for g in after.all_groups() {
        let Some(old) = by_anchor.get(&g.anchor).filter(|o| o.members == g.members) else { continue };
        if old.excluded != g.excluded {
            excluded.push((g.anchor, g.excluded));
        }
        if old.wording != g.wording {
            wordings.push((g.anchor, g.wording.clone()));
        }
        if old.votes != g.votes {
            votes.push((g.anchor, g.votes));
        }
    }
    Changes {
        regrouped,
        families,
        excluded,
        wordings,
        votes,
        conditions_before: before.conditions.len(),
        conditions_after: after.conditions.len(),
    }
}
