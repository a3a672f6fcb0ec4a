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
pub mod learn;

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::similarity::{Features, similarity};
use super::{Engine, Group, Status, Synthesis};
use crate::domain::{Family, Kind, Learned, ProposalId, Session};

/// Proposal pairs less similar than this are not compared by the review.
const PAIR_FLOOR: f32 = 0.12;
/// Questions worth less than this (in proposals expected to change) are not asked.
pub const MIN_WORTH: f32 = 0.1;
/// Nor are questions whose answer changes the synthèse less often than this.
pub const MIN_CHANCE: f32 = 0.1;
/// How steeply the chance that two proposals say the same grows around the merge
/// threshold.
const SAME_SCALE: f32 = 0.06;
/// At most this many candidate conditions for a `place` question.
pub const MAX_CANDIDATES: usize = 4;
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
    place_questions(&graph, &settled, &calibration, &mut questions);
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

/// How the chance that two proposals say the same grows with their similarity: a
/// logistic around `center`, which starts at the engine's merge threshold and moves
/// with the session's own answers (a room whose « oui » come at lower similarities than
/// the engine expects gets questions about less similar pairs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Calibration {
    pub center: f32,
}

/// How far the answers may pull the center, as a prior's standard deviation.
const CENTER_PRIOR: f32 = 0.08;

impl Calibration {
    /// The calibration for a session: the center that best explains its « oui »
    /// (merges) and « non » (rejected pairs), with the merge threshold as prior.
    pub fn new(engine: &Engine, session: &Session) -> Calibration {
        let threshold = engine.settings().merge_threshold;
        let text = |id: ProposalId| session.proposal(id).map(|p| p.text.as_str());
        let mut answers: Vec<(f32, bool)> = Vec::new();
        for (pairs, same) in [(&session.decisions.merges, true), (&session.decisions.rejected, false)] {
            for pair in pairs {
                if let (Some(a), Some(b)) = (text(pair.a), text(pair.b)) {
                    answers.push((engine.similarity(a, b), same));
                }
            }
        }
        if answers.is_empty() {
            return Calibration { center: threshold };
        }
        let log_likelihood = |center: f32| -> f32 {
            let prior = -((center - threshold) / CENTER_PRIOR).powi(2) / 2.0;
            answers.iter().fold(prior, |sum, (s, same)| {
                let p = logistic((s - center) / SAME_SCALE).clamp(1e-4, 1.0 - 1e-4);
                sum + if *same { p.ln() } else { (1.0 - p).ln() }
            })
        };
        let center = (10..=80)
            .map(|c| c as f32 / 100.0)
            .max_by(|x, y| log_likelihood(*x).total_cmp(&log_likelihood(*y)))
            .unwrap_or(threshold);
        Calibration { center }
    }

    /// The chance that two proposals (or conditions) this similar say the same thing.
    pub fn chance_same(&self, similarity: f32) -> f32 {
        logistic((similarity - self.center) / SAME_SCALE)
    }
}

fn logistic(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// The proposals of the synthèse's groups with their similarities.
struct Graph<'a> {
    groups: Vec<&'a Group>,
    kinds: Vec<Kind>,
    /// Proposal → its group (index into `groups`).
    group_of: HashMap<ProposalId, usize>,
    /// Proposal → its neighbours above the floor, with their similarity.
    near: HashMap<ProposalId, Vec<(ProposalId, f32)>>,
}

impl<'a> Graph<'a> {
    fn new(engine: &Engine, session: &Session, synthesis: &'a Synthesis) -> Graph<'a> {
        let mut groups = Vec::new();
        let mut kinds = Vec::new();
        for kind in Kind::ALL {
            for g in synthesis.groups(kind).iter().filter(|g| !g.excluded) {
                groups.push(g);
                kinds.push(kind);
            }
        }
        let mut group_of = HashMap::new();
        for (i, g) in groups.iter().enumerate() {
            for id in &g.members {
                group_of.insert(*id, i);
            }
        }
        let mut near: HashMap<ProposalId, Vec<(ProposalId, f32)>> = HashMap::new();
        for kind in Kind::ALL {
            let entries: Vec<(ProposalId, std::sync::Arc<Features>)> = session
                .proposals
                .iter()
                .filter(|p| p.kind == kind && group_of.contains_key(&p.id))
                .map(|p| (p.id, engine.features(&p.text)))
                .collect();
            for (i, j, s) in candidate_pairs(engine, &entries) {
                near.entry(entries[i].0).or_default().push((entries[j].0, s));
                near.entry(entries[j].0).or_default().push((entries[i].0, s));
            }
        }
        Graph { groups, kinds, group_of, near }
    }

    fn neighbours(&self, id: ProposalId) -> &[(ProposalId, f32)] {
        self.near.get(&id).map_or(&[], Vec::as_slice)
    }

    /// Sum of the similarities of `id` to each group it has neighbours in.
    fn sums_by_group(&self, id: ProposalId) -> HashMap<usize, (f32, ProposalId, f32)> {
        let mut sums: HashMap<usize, (f32, ProposalId, f32)> = HashMap::new();
        for (other, s) in self.neighbours(id) {
            if let Some(&g) = self.group_of.get(other) {
                let entry = sums.entry(g).or_insert((0.0, *other, *s));
                entry.0 += s;
                if *s > entry.2 || (*s == entry.2 && *other < entry.1) {
                    entry.1 = *other;
                    entry.2 = *s;
                }
            }
        }
        sums
    }
}

/// The pairs of proposals sharing a concept or a non-generic word, with their
/// similarity when at least [`PAIR_FLOOR`].
fn candidate_pairs(
    engine: &Engine,
    entries: &[(ProposalId, std::sync::Arc<Features>)],
) -> Vec<(usize, usize, f32)> {
    let vocabulary = engine.vocabulary();
    let mut lists: HashMap<(bool, u64), Vec<usize>> = HashMap::new();
    for (i, (_, f)) in entries.iter().enumerate() {
        for (concept, _) in &f.concepts {
            lists.entry((true, *concept)).or_default().push(i);
        }
        for (hash, stem, _) in &f.surface {
            if !vocabulary.is_generic(stem) && !super::normalize::is_negation(stem) {
                lists.entry((false, *hash)).or_default().push(i);
            }
        }
    }
    let mut out = Vec::new();
    let mut seen = vec![usize::MAX; entries.len()];
    let mut candidates = Vec::new();
    for (i, (_, f)) in entries.iter().enumerate() {
        candidates.clear();
        let keys =
            f.concepts.iter().map(|(c, _)| (true, *c)).chain(f.surface.iter().map(|(h, _, _)| (false, *h)));
        for key in keys {
            for &j in lists.get(&key).into_iter().flatten() {
                if j > i && seen[j] != i {
                    seen[j] = i;
                    candidates.push(j);
                }
            }
        }
        candidates.sort_unstable();
        for &j in &candidates {
            let s = similarity(f, &entries[j].1, engine.settings());
            if s >= PAIR_FLOOR {
                out.push((i, j, s));
            }
        }
    }
    out
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

/// Where does `id`, alone in group `g`, go? The candidate groups closest to it (by
/// average similarity to their members), unless an answer keeps it apart from them;
/// the chance that one of them is right.
fn place_alone(graph: &Graph, g: usize, id: ProposalId, calibration: &Calibration) -> Option<Question> {
    let mut candidates: Vec<(Candidate, usize)> = graph
        .sums_by_group(id)
        .into_iter()
        .filter(|(other, _)| *other != g && graph.kinds[*other] == graph.kinds[g])
        .map(|(other, (sum, closest, _))| {
            let n = graph.groups[other].members.len();
            (Candidate { proposal: closest, closeness: sum / n as f32, current: false }, n)
        })
        .collect();
    candidates.sort_by(|x, y| y.0.closeness.total_cmp(&x.0.closeness).then(x.0.proposal.cmp(&y.0.proposal)));
    candidates.truncate(MAX_CANDIDATES);
    let size = candidates.first().map(|(_, n)| *n)?;
    let none = candidates.iter().fold(1.0, |p, (c, _)| p * (1.0 - calibration.chance_same(c.closeness)));
    let chance = 1.0 - none;
    let worth = chance * 2.0 * size as f32 / (1.0 + size as f32);
    let candidates = candidates.into_iter().map(|(c, _)| c).collect();
    Some(Question { ask: Ask::Place { proposal: id, candidates }, chance, worth })
}

/// « Ces deux propositions disent-elles la même chose ? » for each pair of groups
/// linked by at least one similarity, asked with their two closest proposals.
fn same_questions(graph: &Graph, settled: &Settled, calibration: &Calibration, out: &mut Vec<Question>) {
    // (group x, group y) → (sum of similarities, closest pair).
    let mut links: HashMap<(usize, usize), (f32, ProposalId, ProposalId, f32)> = HashMap::new();
    for (id, neighbours) in &graph.near {
        let Some(&gx) = graph.group_of.get(id) else { continue };
        for (other, s) in neighbours {
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
    for ((gx, gy), (sum, a, b, best)) in links {
        // A proposal alone is asked where it goes (`place`), with all its candidates.
        if settled.kept_apart(gx, gy)
            || settled.unplaced_alone(graph, gx)
            || settled.unplaced_alone(graph, gy)
        {
            continue;
        }
        let (nx, ny) = (graph.groups[gx].members.len() as f32, graph.groups[gy].members.len() as f32);
        // Average linkage (what the engine merges on), leaning towards the closest pair
        // when the groups are large.
        let linkage = 0.5 * (sum / (nx * ny)) + 0.5 * best;
        let chance = calibration.chance_same(linkage);
        let worth = chance * 2.0 * nx * ny / (nx + ny);
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        out.push(Question { ask: Ask::Same { a, b, similarity: linkage }, chance, worth });
    }
}

/// « Où va cette proposition ? » for the proposals that sit loosely in their group,
/// and for the proposals alone that look like some group's.
fn place_questions(graph: &Graph, settled: &Settled, calibration: &Calibration, out: &mut Vec<Question>) {
    for (g, group) in graph.groups.iter().enumerate() {
        let size = group.members.len();
        if size < 2 {
            if settled.unplaced_alone(graph, g) {
                out.extend(place_alone(graph, g, group.members[0], calibration));
            }
            continue;
        }
        for (position, id) in group.members.iter().enumerate() {
            // In a pair, one question settles both members.
            if settled.placed.contains(id) || (size == 2 && position == 0) {
                continue;
            }
            let sums = graph.sums_by_group(*id);
            let own = sums.get(&g).map_or(0.0, |(sum, _, _)| *sum) / (size - 1) as f32;
            let chance = 1.0 - calibration.chance_same(own);
            let worth = chance * 2.0 * (size - 1) as f32 / size as f32;
            let mut candidates: Vec<Candidate> = sums
                .iter()
                .filter(|(other, _)| **other == g || (graph.kinds[**other] == graph.kinds[g]))
                .map(|(other, (sum, closest, _))| {
                    let n = if *other == g { size - 1 } else { graph.groups[*other].members.len() };
                    Candidate { proposal: *closest, closeness: sum / n as f32, current: *other == g }
                })
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
    for group in synthesis.conditions.iter().filter(|g| !g.excluded && g.status != Status::Decided) {
        if !graph.group_of.contains_key(&group.anchor) {
            continue;
        }
        let chance = match group.family {
            None => 1.0,
            Some(_) => {
                let doubt = (1.0 - group.confidence).clamp(0.0, 1.0);
                let flagged = if group.status == Status::ToValidate { 0.15 } else { 0.0 };
                (doubt * 0.8 + flagged).min(1.0)
            }
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
