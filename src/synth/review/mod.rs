//! The guided review: the questions that make the synthèse right in a few answers,
//! ranked by how much each answer can change.
//!
//! Three kinds of question: « Ces deux propositions disent-elles la même chose ? »
//! (two conditions the engine kept apart, though they look alike), « Où va cette
//! proposition ? » (a proposal that sits loosely in its condition, with the candidate
//! conditions best first) and « Dans quelle famille ? » (a condition whose family the
//! engine is least sure of). Each question's *worth* is the chance that the answer
//! changes the synthèse times the number of proposals it would regroup or reclassify;
//! the questions are recomputed from the synthèse after every answer, so none is asked
//! that an earlier answer settles: two conditions kept apart by any decision between
//! their members (the facilitator's « non », a split, different family choices) are
//! never asked about again, and a « oui » joins them for good, which carries every
//! earlier answer about either side over to the whole (transitivity).
//!
//! Answers are recorded by [`answer::decide`] as `domain::Decisions`, and taught to the
//! session's vocabulary by [`learn`].

pub mod answer;
pub mod graph;
pub mod learn;

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::{Engine, Status, Synthesis};
use crate::domain::{Family, Learned, ProposalId, Session};
use graph::{COMMON_FLOOR, Graph, Link};

/// Questions worth less than this (in proposals expected to change) are not asked.
pub const MIN_WORTH: f32 = 0.1;
/// Nor are questions whose answer changes the synthèse less often than this.
pub const MIN_CHANCE: f32 = 0.1;
/// At most this many candidate conditions for a `place` question.
pub const MAX_CANDIDATES: usize = 4;
/// A candidate is shown only when its evidence is at least this share of the first's.
const CANDIDATE_SHARE: f32 = 0.5;
/// How much a family error counts against a grouping error.
const FAMILY_WEIGHT: f32 = 0.6;

/// One candidate condition of a `place` question, by one of its proposals.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// The proposal of that condition closest to the one being placed.
    pub proposal: ProposalId,
    /// Average similarity to the condition's members.
    pub closeness: f32,
    /// This is the condition the proposal is in now.
    pub current: bool,
}

/// What is asked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Ask {
    /// Are `a` and `b` (in two different conditions) the same condition?
    Same { a: ProposalId, b: ProposalId, similarity: f32 },
    /// Where does `proposal` belong? Its current condition is among the candidates.
    Place { proposal: ProposalId, candidates: Vec<Candidate> },
    /// Which family for the condition of `proposal`? `suggested` is the engine's guess,
    /// `others` the remaining families, most likely first.
    Family { proposal: ProposalId, suggested: Option<u8>, others: Vec<u8> },
}

/// One question with its worth.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    pub ask: Ask,
    /// The chance that the answer changes the synthèse, in [0, 1].
    pub chance: f32,
    /// Expected number of proposals the answer regroups or reclassifies.
    pub worth: f32,
}

impl Question {
    /// `same`, `place` or `family` (the `kind` column of `cafe review`).
    pub fn kind(&self) -> &'static str {
        match self.ask {
            Ask::Same { .. } => "same",
            Ask::Place { .. } => "place",
            Ask::Family { .. } => "family",
        }
    }

    /// The proposal the question is about.
    pub fn first(&self) -> ProposalId {
        match &self.ask {
            Ask::Same { a, .. } => *a,
            Ask::Place { proposal, .. } | Ask::Family { proposal, .. } => *proposal,
        }
    }
}

/// Where the review stands.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Progress {
    /// Answers recorded so far (merges, « non », placements, family choices).
    pub answered: usize,
    /// Questions still worth asking.
    pub left: usize,
    /// How many of those are expected to change something (the sum of their chances).
    pub expected_changes: f32,
}

impl Progress {
    /// Share of the review done, in [0, 1].
    pub fn done(&self) -> f64 {
        let total = self.answered + self.left;
        if total == 0 { 1.0 } else { self.answered as f64 / total as f64 }
    }
}

/// The questions, best first, and the progress.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Review {
    pub questions: Vec<Question>,
    pub progress: Progress,
}

/// The engine for a session: the shipped vocabulary plus what the session (and the
/// user's vocabulary file, `user`) learned.
pub fn engine_for(families: &[Family], learned: &Learned, user: &Learned) -> Engine {
    let mut all = user.clone();
    all.absorb(learned);
    Engine::with(families, learn::vocabulary_with(&all), super::similarity::Settings::shipped())
}

/// The review of a session whose synthèse (by the same engine) is `synthesis`.
pub fn review(engine: &Engine, session: &Session, synthesis: &Synthesis) -> Review {
    let graph = Graph::new(engine, session, synthesis);
    let settled = Settled::new(session, &graph);
    let calibration = Calibration::new(engine, session);
    let mut questions = Vec::new();
    same_questions(&graph, &settled, &calibration, &mut questions);
    place_questions(&graph, engine, &settled, &calibration, &mut questions);
    family_questions(&graph, engine, synthesis, session, &mut questions);
    questions.retain(|q| q.worth >= MIN_WORTH && q.chance >= MIN_CHANCE);
    questions.sort_by(|x, y| y.worth.total_cmp(&x.worth).then(x.first().cmp(&y.first())));
    let progress = Progress {
        answered: answered(session),
        left: questions.len(),
        expected_changes: questions.iter().map(|q| q.chance).sum(),
    };
    Review { questions, progress }
}

/// Answers recorded so far by the review's verbs (a move is a split and a merge: one
/// answer).
fn answered(session: &Session) -> usize {
    let d = &session.decisions;
    let moves = d.splits.iter().filter(|s| d.merges.iter().any(|m| m.contains(s.proposal))).count();
    d.merges.len() + d.rejected.len() + d.splits.len() + d.families.len() - moves
}

/// How the chance that a proposal belongs with another group grows with the evidence
/// ([`graph::Link::evidence`]): a logistic around `center`. The center starts where the
/// development set puts it (the pairs the engine left apart say the same about one time
/// in five at 0.35–0.5, two in five past 0.5, one in a hundred under 0.3) and moves with the session's
/// own answers: a room whose « oui » come at lower similarities than expected gets
/// questions about less similar groups, one that keeps saying « non » gets fewer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Calibration {
    pub center: f32,
}

/// Where the chance of « oui » is one half, before any answer.
const PRIOR_CENTER: f32 = 0.55;
/// How far the answers may pull the center, as a prior's standard deviation.
const CENTER_PRIOR: f32 = 0.08;
/// How steeply the chance grows around the center.
const LINK_SCALE: f32 = 0.12;

impl Calibration {
    /// The calibration for a session: the center that best explains its « oui »
    /// (merges), its « non » (rejected pairs) and its placements that left a proposal
    /// apart (each at its closest proposal), with [`PRIOR_CENTER`] as prior.
    pub fn new(engine: &Engine, session: &Session) -> Calibration {
        let text = |id: ProposalId| session.proposal(id).map(|p| p.text.as_str());
        let similarity = |a: ProposalId, b: ProposalId| match (text(a), text(b)) {
            (Some(a), Some(b)) => Some(engine.similarity(a, b)),
            _ => None,
        };
        let d = &session.decisions;
        let mut answers: Vec<(f32, bool)> = Vec::new();
        for (pairs, same) in [(&d.merges, true), (&d.rejected, false)] {
            answers.extend(pairs.iter().filter_map(|p| Some((similarity(p.a, p.b)?, same))));
        }
        for split in &d.splits {
            let closest =
                split.apart_from.iter().filter_map(|o| similarity(split.proposal, *o)).reduce(f32::max);
            answers.extend(closest.map(|s| (s, false)));
        }
        if answers.is_empty() {
            return Calibration { center: PRIOR_CENTER };
        }
        let log_likelihood = |center: f32| -> f32 {
            let prior = -((center - PRIOR_CENTER) / CENTER_PRIOR).powi(2) / 2.0;
            answers.iter().fold(prior, |sum, (s, same)| {
                let p = logistic((s - center) / LINK_SCALE).clamp(1e-4, 1.0 - 1e-4);
                sum + if *same { p.ln() } else { (1.0 - p).ln() }
            })
        };
        let center = (20..=90)
            .map(|c| c as f32 / 100.0)
            .max_by(|x, y| log_likelihood(*x).total_cmp(&log_likelihood(*y)))
            .unwrap_or(PRIOR_CENTER);
        Calibration { center }
    }

    /// The chance that a proposal (or group) belongs with a group, from the evidence.
    pub fn chance_same(&self, evidence: f32) -> f32 {
        logistic((evidence - self.center) / LINK_SCALE)
    }
}

/// The chance that a member the engine put in a group does not belong there, from its
/// evidence for its own group: even members just above the engine's merge threshold
/// belong there nineteen times in twenty on the development set, so the doubt starts
/// well below it.
fn chance_out(engine: &Engine, own: f32) -> f32 {
    1.0 - logistic((own - (engine.settings().merge_threshold - OUT_MARGIN)) / OUT_SCALE)
}

/// How far below the merge threshold a member is as likely out as in.
const OUT_MARGIN: f32 = 0.15;
/// How steeply a member's doubt falls with its evidence for its own group.
const OUT_SCALE: f32 = 0.06;

fn logistic(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// What the decisions already settle: pairs of groups kept apart.
struct Settled {
    apart: BTreeSet<(usize, usize)>,
    /// Proposals the facilitator placed (merged with another, or split out).
    placed: BTreeSet<ProposalId>,
}

impl Settled {
    fn new(session: &Session, graph: &Graph) -> Settled {
        let d = &session.decisions;
        let mut apart = BTreeSet::new();
        let mut keep_apart = |x: &ProposalId, y: &ProposalId| {
            if let (Some(&gx), Some(&gy)) = (graph.group_of.get(x), graph.group_of.get(y))
                && gx != gy
            {
                apart.insert((gx.min(gy), gx.max(gy)));
            }
        };
        for pair in &d.rejected {
            keep_apart(&pair.a, &pair.b);
        }
        for split in &d.splits {
            for other in &split.apart_from {
                keep_apart(&split.proposal, other);
            }
        }
        // Conditions whose families the facilitator chose differently stay apart.
        let decided: Vec<(usize, u8)> = graph
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| g.status == Status::Decided)
            .filter_map(|(i, g)| g.family.map(|f| (i, f)))
            .collect();
        for (k, (gx, fx)) in decided.iter().enumerate() {
            for (gy, fy) in &decided[k + 1..] {
                if fx != fy {
                    apart.insert((*gx.min(gy), *gx.max(gy)));
                }
            }
        }
        let mut placed: BTreeSet<ProposalId> = d.merges.iter().flat_map(|p| [p.a, p.b]).collect();
        placed.extend(d.splits.iter().map(|s| s.proposal));
        Settled { apart, placed }
    }

    fn kept_apart(&self, x: usize, y: usize) -> bool {
        self.apart.contains(&(x.min(y), x.max(y)))
    }

    /// Group `g` is one proposal that no answer placed yet.
    fn unplaced_alone(&self, graph: &Graph, g: usize) -> bool {
        let members = &graph.groups[g].members;
        members.len() == 1 && !self.placed.contains(&members[0])
    }
}

/// The groups `id` (of group `g`) may belong to instead: of its kind, with something
/// in common with it ([`graph::COMMON_FLOOR`]), not kept apart from `g` by an answer;
/// strongest evidence first.
fn candidate_links(graph: &Graph, settled: &Settled, g: usize, id: ProposalId) -> Vec<Link> {
    graph
        .links(id)
        .into_iter()
        .filter(|l| l.group != g && graph.kinds[l.group] == graph.kinds[g])
        .filter(|l| l.best >= COMMON_FLOOR && !settled.kept_apart(g, l.group))
        .collect()
}

/// Where does `id`, alone in group `g`, go? The candidate groups with the strongest
/// evidence; the chance that one of them is right; the worth of the best outcome
/// weighed by each candidate's chance.
fn place_alone(
    graph: &Graph,
    settled: &Settled,
    g: usize,
    id: ProposalId,
    calibration: &Calibration,
) -> Option<Question> {
    let mut links = candidate_links(graph, settled, g, id);
    let strongest = links.first()?.evidence;
    // A candidate far weaker than the first only lengthens the list.
    links.retain(|l| l.evidence >= CANDIDATE_SHARE * strongest);
    links.truncate(MAX_CANDIDATES);
    let mut none = 1.0;
    let mut worth = 0.0;
    for link in &links {
        let chance = calibration.chance_same(link.evidence);
        let size = graph.size(link.group) as f32;
        worth += none * chance * 2.0 * size / (1.0 + size);
        none *= 1.0 - chance;
    }
    let candidates = links
        .iter()
        .map(|l| Candidate { proposal: l.closest, closeness: l.evidence, current: false })
        .collect();
    Some(Question { ask: Ask::Place { proposal: id, candidates }, chance: 1.0 - none, worth })
}

/// « Ces deux propositions disent-elles la même chose ? » for each pair of groups of
/// two or more linked by any similarity, asked with their two closest proposals.
fn same_questions(graph: &Graph, settled: &Settled, calibration: &Calibration, out: &mut Vec<Question>) {
    // (group x, group y) → (sum of similarities, closest pair).
    let mut links: HashMap<(usize, usize), (f32, ProposalId, ProposalId, f32)> = HashMap::new();
    for (gx, group) in graph.groups.iter().enumerate() {
        for id in &group.members {
            for (other, s) in graph.neighbours(*id) {
                let Some(&gy) = graph.group_of.get(other) else { continue };
                if gx >= gy || graph.kinds[gx] != graph.kinds[gy] {
                    continue;
                }
                let entry = links.entry((gx, gy)).or_insert((0.0, *id, *other, -1.0));
                entry.0 += s;
                if *s > entry.3 || (*s == entry.3 && (*id, *other) < (entry.1, entry.2)) {
                    entry.1 = *id;
                    entry.2 = *other;
                    entry.3 = *s;
                }
            }
        }
    }
    for ((gx, gy), (sum, a, b, best)) in links {
        // A proposal alone is asked where it goes (`place`), with all its candidates.
        if best < COMMON_FLOOR
            || settled.kept_apart(gx, gy)
            || settled.unplaced_alone(graph, gx)
            || settled.unplaced_alone(graph, gy)
        {
            continue;
        }
        let (nx, ny) = (graph.size(gx) as f32, graph.size(gy) as f32);
        let evidence = 0.5 * (sum / (nx * ny)) + 0.5 * best;
        let chance = calibration.chance_same(evidence);
        let worth = chance * 2.0 * nx * ny / (nx + ny);
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        out.push(Question { ask: Ask::Same { a, b, similarity: evidence }, chance, worth });
    }
}

/// « Où va cette proposition ? » for the proposals that sit loosely in their group,
/// and for the proposals alone that look like some group's.
fn place_questions(
    graph: &Graph,
    engine: &Engine,
    settled: &Settled,
    calibration: &Calibration,
    out: &mut Vec<Question>,
) {
    for (g, group) in graph.groups.iter().enumerate() {
        let size = group.members.len();
        if size < 2 {
            if settled.unplaced_alone(graph, g) {
                out.extend(place_alone(graph, settled, g, group.members[0], calibration));
            }
            continue;
        }
        for (position, id) in group.members.iter().enumerate() {
            // In a pair, one question settles both members.
            if settled.placed.contains(id) || (size == 2 && position == 0) {
                continue;
            }
            let links = graph.links(*id);
            let own = links.iter().find(|l| l.group == g).map_or(0.0, |l| l.evidence);
            let chance = chance_out(engine, own);
            let worth = chance * 2.0 * (size - 1) as f32 / size as f32;
            let mut candidates: Vec<Candidate> = std::iter::once(Candidate {
                proposal: links
                    .iter()
                    .find(|l| l.group == g)
                    .map(|l| l.closest)
                    .or_else(|| group.members.iter().copied().find(|m| m != id))
                    .unwrap_or(*id),
                closeness: own,
                current: true,
            })
            .chain(candidate_links(graph, settled, g, *id).into_iter().map(|l| Candidate {
                proposal: l.closest,
                closeness: l.evidence,
                current: false,
            }))
            .collect();
            candidates.sort_by(|x, y| y.closeness.total_cmp(&x.closeness).then(x.proposal.cmp(&y.proposal)));
            candidates.truncate(MAX_CANDIDATES);
            if !candidates.iter().any(|c| c.current)
                && let Some(other) = group.members.iter().find(|m| *m != id)
            {
                candidates.push(Candidate { proposal: *other, closeness: own, current: true });
            }
            out.push(Question { ask: Ask::Place { proposal: *id, candidates }, chance, worth });
        }
    }
}

/// How often the engine's family is wrong, before any answer: the development set
/// never caught a confident family wrong, and two « à valider » in three.
const FAMILY_PRIOR_AUTO: f32 = 0.08;
const FAMILY_PRIOR_TO_VALIDATE: f32 = 0.6;
/// The priors count as this many answers against the session's own.
const FAMILY_PRIOR_WEIGHT: f32 = 3.0;

/// How often the session's family answers changed the engine's family, for the
/// confident (`Auto`) and the « à valider » conditions, each with its prior.
fn family_rates(engine: &Engine, session: &Session, synthesis: &Synthesis) -> (f32, f32) {
    let mut counts = [(0.0f32, 0.0f32); 2];
    for group in synthesis.conditions.iter().filter(|g| g.status == Status::Decided) {
        let texts: Vec<&str> =
            group.members.iter().filter_map(|m| session.proposal(*m)).map(|p| p.text.as_str()).collect();
        let guess = engine.classify(&texts.join(" . "));
        let slot = usize::from(guess.status != Status::Auto);
        counts[slot].0 += f32::from(u8::from(guess.family != group.family));
        counts[slot].1 += 1.0;
    }
    let rate = |(changed, answered): (f32, f32), prior: f32| {
        (changed + prior * FAMILY_PRIOR_WEIGHT) / (answered + FAMILY_PRIOR_WEIGHT)
    };
    (rate(counts[0], FAMILY_PRIOR_AUTO), rate(counts[1], FAMILY_PRIOR_TO_VALIDATE))
}

/// « Dans quelle famille ? » for the conditions whose family the engine is least sure of.
fn family_questions(
    graph: &Graph,
    engine: &Engine,
    synthesis: &Synthesis,
    session: &Session,
    out: &mut Vec<Question>,
) {
    let numbers: Vec<u8> = if session.families.is_empty() {
        engine.family_numbers().to_vec()
    } else {
        session.families.iter().map(|f| f.number).collect()
    };
    let (auto, to_validate) = family_rates(engine, session, synthesis);
    for group in synthesis.conditions.iter().filter(|g| !g.excluded && g.status != Status::Decided) {
        if !graph.group_of.contains_key(&group.anchor) {
            continue;
        }
        let chance = match (group.family, group.status) {
            (None, _) => 1.0,
            (Some(_), Status::Auto) => {
                // Less sure, more often wrong: twice the rate at no confidence, none at full.
                (auto * 2.0 * (1.0 - group.confidence)).clamp(0.0, 1.0)
            }
            (Some(_), _) => to_validate,
        };
        let worth = FAMILY_WEIGHT * chance * group.members.len() as f32;
        let others = numbers.iter().copied().filter(|n| Some(*n) != group.family).collect();
        out.push(Question {
            ask: Ask::Family { proposal: group.anchor, suggested: group.family, others },
            chance,
            worth,
        });
    }
}
