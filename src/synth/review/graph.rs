//! What the review knows of a synthèse's groups: which group each proposal is in, and
//! every similarity between two proposals of the same kind that is worth a look — by
//! any evidence the engine has (concepts, words, character trigrams), not only the
//! pairs that share a word, so a proposal worded like no other still finds the groups
//! closest to it. [`Graph::links`] turns them into the evidence that a proposal
//! belongs to each other group.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use super::super::normalize::is_negation;
use super::super::similarity::{Features, similarity};
use super::super::{Engine, Group, Neighbours, Synthesis};
use crate::domain::{Kind, ProposalId, Session};

/// Pairs less similar than this carry no evidence (and are not kept).
const LINK_FLOOR: f32 = 0.04;
/// A group is shown as a candidate only when its closest proposal is at least this
/// similar: below, the two share no concept, no content word and few letters.
pub const COMMON_FLOOR: f32 = 0.1;

/// Two proposals sharing no concept and no content word are compared only when their
/// letters are at least this alike (trigram cosine): below, their similarity cannot
/// reach [`LINK_FLOOR`] (a third of the trigram cosine at most, when a side names no
/// concept).
const GRAM_FLOOR: f32 = 3.0 * LINK_FLOOR;

/// The pairs `(i, j)`, `i < j`, worth comparing: sharing a concept or a word that is
/// neither generic nor a negation (from an index of each), or alike enough in their
/// letters (trigram products summed over an index of the trigrams, without comparing
/// every pair).
fn candidate_pairs(engine: &Engine, entries: &[(ProposalId, Arc<Features>)]) -> Vec<(usize, usize)> {
    let vocabulary = engine.vocabulary();
    let mut shared: HashMap<(bool, u64), Vec<usize>> = HashMap::new();
    let mut grams: HashMap<u64, Vec<(usize, f32)>> = HashMap::new();
    for (i, (_, f)) in entries.iter().enumerate() {
        for (concept, _) in &f.concepts {
            shared.entry((true, *concept)).or_default().push(i);
        }
        for (hash, stem, _) in &f.surface {
            if !vocabulary.is_generic(stem) && !is_negation(stem) {
                shared.entry((false, *hash)).or_default().push(i);
            }
        }
        for (gram, weight) in &f.grams {
            grams.entry(*gram).or_default().push((i, *weight));
        }
    }
    let mut pairs = Vec::new();
    let mut product = vec![0.0f32; entries.len()];
    let mut touched = Vec::new();
    let mut chosen = vec![usize::MAX; entries.len()];
    for (i, (_, f)) in entries.iter().enumerate() {
        let keys =
            f.concepts.iter().map(|(c, _)| (true, *c)).chain(f.surface.iter().map(|(h, _, _)| (false, *h)));
        for key in keys {
            for &j in shared.get(&key).into_iter().flatten() {
                if j > i && chosen[j] != i {
                    chosen[j] = i;
                    pairs.push((i, j));
                }
            }
        }
        for (gram, weight) in &f.grams {
            for &(j, other) in grams.get(gram).into_iter().flatten() {
                if j > i {
                    if product[j] == 0.0 {
                        touched.push(j);
                    }
                    product[j] += weight * other;
                }
            }
        }
        for j in touched.drain(..) {
            if product[j] >= GRAM_FLOOR && chosen[j] != i {
                chosen[j] = i;
                pairs.push((i, j));
            }
            product[j] = 0.0;
        }
    }
    pairs.sort_unstable();
    pairs
}

/// The evidence that a proposal belongs to a group.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    /// Index of the group.
    pub group: usize,
    /// The group's proposal closest to this one.
    pub closest: ProposalId,
    /// Its similarity.
    pub best: f32,
    /// Half the average similarity to the group's members, half the best one.
    pub evidence: f32,
}

/// The groups of a synthèse with their proposals' similarities.
pub struct Graph<'a> {
    pub groups: Vec<&'a Group>,
    pub kinds: Vec<Kind>,
    /// Proposal → its group (index into `groups`).
    pub group_of: HashMap<ProposalId, usize>,
    /// Proposal → its neighbours above [`LINK_FLOOR`], with their similarity.
    near: Arc<Neighbours>,
}

impl<'a> Graph<'a> {
    pub fn new(engine: &Engine, session: &Session, synthesis: &'a Synthesis) -> Graph<'a> {
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
        let by_kind: Vec<Vec<(ProposalId, Arc<Features>)>> = Kind::ALL
            .iter()
            .map(|kind| {
                session
                    .proposals
                    .iter()
                    .filter(|p| p.kind == *kind && group_of.contains_key(&p.id))
                    .map(|p| (p.id, engine.features(&p.text)))
                    .collect()
            })
            .collect();
        // The same proposals with the same texts have the same neighbours.
        let mut hasher = rustc_hash::FxHasher::default();
        for (kind, entries) in by_kind.iter().enumerate() {
            kind.hash(&mut hasher);
            for (id, features) in entries {
                (id, features.serial).hash(&mut hasher);
            }
        }
        let compute = || {
            let mut near = Neighbours::new();
            for entries in &by_kind {
                for (i, j) in candidate_pairs(engine, entries) {
                    let ((a, fa), (b, fb)) = (&entries[i], &entries[j]);
                    let s = similarity(fa, fb, engine.settings());
                    if s >= LINK_FLOOR {
                        near.entry(*a).or_default().push((*b, s));
                        near.entry(*b).or_default().push((*a, s));
                    }
                }
            }
            near
        };
        // A text the engine could not keep (serial 0) has no identity to remember it by.
        let near = if by_kind.iter().flatten().all(|(_, f)| f.serial != 0) {
            engine.neighbours(hasher.finish(), compute)
        } else {
            Arc::new(compute())
        };
        Graph { groups, kinds, group_of, near }
    }

    /// The proposals similar to `id`, with their similarity.
    pub fn neighbours(&self, id: ProposalId) -> &[(ProposalId, f32)] {
        self.near.get(&id).map_or(&[], Vec::as_slice)
    }

    /// Number of members of group `g`.
    pub fn size(&self, g: usize) -> usize {
        self.groups[g].members.len()
    }

    /// The evidence that `id` belongs to each group of its kind it has a neighbour in
    /// (its own group included, counting its other members), strongest first.
    pub fn links(&self, id: ProposalId) -> Vec<Link> {
        let own = self.group_of.get(&id).copied();
        // group → (sum, closest, best)
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
        let mut links: Vec<Link> = sums
            .into_iter()
            .map(|(group, (sum, closest, best))| {
                let n = self.size(group) - usize::from(Some(group) == own);
                let evidence = 0.5 * sum / n.max(1) as f32 + 0.5 * best;
                Link { group, closest, best, evidence }
            })
            .collect();
        links.sort_by(|x, y| y.evidence.total_cmp(&x.evidence).then(x.closest.cmp(&y.closest)));
        links
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::family::default_families;

    #[test]
    fn proposals_sharing_no_word_are_still_linked_by_their_letters() {
        let families = default_families();
        let engine = Engine::new(&families);
        let mut session = Session::new("t", families, 3, 1, 20).expect("session");
        let now = chrono::Utc::now();
        for (table, text) in [(1, "Le budgétaire d'abord"), (2, "Les budgets"), (3, "Un code de vie")] {
            session.add_proposal(table, 1, Kind::Condition, text, now).expect("added");
        }
        let stems = |t: &str| engine.features(t).stems.clone();
        let (a, b) = (stems("Le budgétaire d'abord"), stems("Les budgets"));
        assert!(a.iter().all(|s| !b.contains(s)), "{a:?} {b:?} share a word");
        let synthesis = engine.synthesize(&session);
        let graph = Graph::new(&engine, &session, &synthesis);
        let first = session.proposals[0].id;
        let links = graph.links(first);
        let closest = links.iter().find(|l| l.group != graph.group_of[&first]).expect("a link");
        assert_eq!(closest.closest, session.proposals[1].id);
        assert!(closest.best >= COMMON_FLOOR);
    }

    #[test]
    fn an_answer_reuses_the_neighbours_and_a_new_text_does_not() {
        let families = default_families();
        let engine = Engine::new(&families);
        let mut session = Session::new("t", families, 3, 1, 20).expect("session");
        let now = chrono::Utc::now();
        for (table, text) in [(1, "Des budgets pour participer"), (2, "Un budget de participation")] {
            session.add_proposal(table, 1, Kind::Condition, text, now).expect("added");
        }
        let synthesis = engine.synthesize(&session);
        let first = Graph::new(&engine, &session, &synthesis).near;
        let again = Graph::new(&engine, &session, &synthesis).near;
        assert!(Arc::ptr_eq(&first, &again), "the same texts: the same neighbours, not computed again");
        session.add_proposal(3, 1, Kind::Condition, "Budget pour notre participation", now).expect("added");
        let synthesis = engine.synthesize(&session);
        let after = Graph::new(&engine, &session, &synthesis).near;
        assert!(!Arc::ptr_eq(&first, &after));
        assert_eq!(after.len(), 3, "{after:?}");
    }
}
