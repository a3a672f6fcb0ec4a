//! The synthèse: normalise French proposals, measure their similarity, group the
//! paraphrases across tables, map each group onto a family, and apply the facilitator's
//! decisions.
//!
//! The [`Engine`] is built once (vocabulary, settings and families compiled) and kept
//! by the app across keystrokes: it caches the features of every text it has seen, so
//! a re-synthesis after one new proposal only analyses that proposal.
//!
//! Architecture invariant: no IO and no terminal here; the same proposals in any order
//! give the same synthèse; a human decision is never undone by a re-synthesis.

mod cache;
pub mod cluster;
pub mod decisions;
pub mod explain;
pub mod family;
pub mod generate;
pub mod headline;
pub mod normalize;
pub mod quality;
pub mod review;
pub mod similarity;
pub mod topic;
pub mod vocabulary;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::domain::{Family, Kind, ProposalId, Session};
pub use cache::Neighbours;
use cache::{Cache, PairCache};
use cluster::{Edge, Problem};
pub use decisions::{DecisionKind, DropReason, DroppedDecision};
pub use family::FamilyGuess;
use family::FamilyModel;
use rustc_hash::FxHashMap;
use similarity::{Features, Settings, similarity};
use vocabulary::Vocabulary;

/// How sure the synthèse is of a condition's family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Status {
    /// Chosen by the engine with enough confidence.
    #[default]
    Auto,
    /// The engine hesitates: the room should confirm (« à valider »).
    ToValidate,
    /// The facilitator chose it.
    Decided,
}

/// Why a group was formed or classified the way it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Explanation {
    /// Concepts (or, failing that, words) that the members share.
    pub shared_concepts: Vec<String>,
    /// The seed document's condition closest to the group.
    pub closest_seed: Option<String>,
}

/// A table of one of the inputs (sessions combined by `synthesize_many`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Origin {
    /// Index of the input (0 for a single session).
    pub input: u32,
    pub table: u32,
}

/// One synthesised condition (or astuce, or témoignage).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// Stable key: the smallest member id.
    pub anchor: ProposalId,
    pub members: Vec<ProposalId>,
    pub wording: String,
    /// The wording was written by the facilitator.
    pub edited: bool,
    pub family: Option<u8>,
    pub confidence: f32,
    pub status: Status,
    /// Number of distinct tables behind the group.
    pub support: usize,
    /// The distinct table numbers (of any input).
    pub tables: Vec<u32>,
    pub votes: u32,
    pub excluded: bool,
    pub explanation: Explanation,
    /// The distinct tables as (input, table), when several sessions are combined.
    #[serde(default)]
    pub origins: Vec<Origin>,
}

/// Two groups that look alike but were not merged: the facilitator accepts or rejects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub a: ProposalId,
    pub b: ProposalId,
    pub similarity: f32,
    pub shared_concepts: Vec<String>,
}

/// The whole synthèse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Synthesis {
    pub conditions: Vec<Group>,
    pub astuces: Vec<Group>,
    pub temoignages: Vec<Group>,
    pub suggestions: Vec<Suggestion>,
    pub dropped: Vec<DroppedDecision>,
}

impl Synthesis {
    /// The groups of one kind.
    pub fn groups(&self, kind: Kind) -> &[Group] {
        match kind {
            Kind::Condition => &self.conditions,
            Kind::Astuce => &self.astuces,
            Kind::Temoignage => &self.temoignages,
        }
    }

    /// Every group, conditions first.
    pub fn all_groups(&self) -> impl Iterator<Item = &Group> {
        self.conditions.iter().chain(&self.astuces).chain(&self.temoignages)
    }

    /// The group containing this proposal.
    pub fn group_of(&self, id: ProposalId) -> Option<&Group> {
        self.all_groups().find(|g| g.members.contains(&id))
    }
}

/// The id a proposal of input `input` gets in a combined synthèse: unchanged for the
/// first input, shifted into its own range for the others.
pub fn combined_id(input: usize, id: ProposalId) -> ProposalId {
    if input == 0 { id } else { ProposalId(((input as u64) << 40) | (id.0 & ((1 << 40) - 1))) }
}

/// The input and the original id of a combined id.
pub fn split_combined_id(id: ProposalId) -> (usize, ProposalId) {
    ((id.0 >> 40) as usize, ProposalId(id.0 & ((1 << 40) - 1)))
}

/// Astuces are grouped only at least this similar: when they say the same thing.
const ASTUCES_SAY_THE_SAME: f32 = 0.8;

/// The order of the groups of one kind in a [`Synthesis`]: most tables first, then most
/// proposals, then the oldest anchor.
pub fn display_order(a: &Group, b: &Group) -> std::cmp::Ordering {
    b.support.cmp(&a.support).then(b.members.len().cmp(&a.members.len())).then(a.anchor.cmp(&b.anchor))
}

/// One proposal as the engine sees it.
#[derive(Debug, Clone)]
struct Entry {
    id: ProposalId,
    input: u32,
    table: u32,
    kind: Kind,
    text: String,
    features: Arc<Features>,
}

/// The synthèse engine: vocabulary, settings, family model and a cache of features.
#[derive(Debug)]
pub struct Engine {
    vocabulary: Vocabulary,
    settings: Settings,
    model: FamilyModel,
    cache: Mutex<Cache>,
}

impl Engine {
    /// An engine for these families, with the shipped vocabulary and settings.
    pub fn new(families: &[Family]) -> Engine {
        Engine::with(families, Vocabulary::shipped(), Settings::shipped())
    }

    /// An engine with another vocabulary or other settings (for measurements).
    pub fn with(families: &[Family], vocabulary: Vocabulary, settings: Settings) -> Engine {
        Engine::with_cache(families, vocabulary, settings, Cache::default())
    }

    /// An engine that takes over from `previous` with another vocabulary (what the
    /// guided review taught): the features of every text the change of vocabulary
    /// cannot touch, and the similarities between them, are kept, so only the proposals
    /// that use the words learned are analysed again. Gives the same syntheses as
    /// [`Engine::with`].
    pub fn succeeding(
        previous: &Engine,
        families: &[Family],
        vocabulary: Vocabulary,
        settings: Settings,
    ) -> Engine {
        let change =
            if previous.settings == settings { previous.vocabulary.change_to(&vocabulary) } else { None };
        let cache = match previous.cache.lock() {
            Ok(cache) => cache.kept_for(change.as_ref()),
            Err(_) => Cache::default(),
        };
        Engine::with_cache(families, vocabulary, settings, cache)
    }

    fn with_cache(families: &[Family], vocabulary: Vocabulary, settings: Settings, cache: Cache) -> Engine {
        let mut engine =
            Engine { vocabulary, settings, model: FamilyModel::default(), cache: Mutex::new(cache) };
        engine.model = FamilyModel::new(families, &|text| engine.features(text));
        engine
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The review's neighbours for the set of proposals `fingerprint` stands for: those
    /// computed last when the set is the same (an answer changes no text), else
    /// `compute`'s, kept for next time.
    pub fn neighbours(&self, fingerprint: u64, compute: impl FnOnce() -> Neighbours) -> Arc<Neighbours> {
        if let Ok(cache) = self.cache.lock()
            && let Some((kept, neighbours)) = &cache.neighbours
            && *kept == fingerprint
        {
            return Arc::clone(neighbours);
        }
        // Computed without the lock: `compute` reads features through the cache.
        let neighbours = Arc::new(compute());
        if let Ok(mut cache) = self.cache.lock() {
            cache.neighbours = Some((fingerprint, Arc::clone(&neighbours)));
        }
        neighbours
    }

    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// The features of a text, from the cache when it was seen before.
    pub fn features(&self, text: &str) -> Arc<Features> {
        if let Ok(cache) = self.cache.lock()
            && let Some(found) = cache.texts.get(text)
        {
            return Arc::clone(&found.features);
        }
        let (features, lexicon) = Features::with_lexicon(text, &self.vocabulary, &self.settings);
        match self.cache.lock() {
            Ok(mut cache) => cache.insert(text, features, lexicon),
            Err(_) => Arc::new(features),
        }
    }

    /// Similarity of two texts in [0, 1].
    pub fn similarity(&self, a: &str, b: &str) -> f32 {
        similarity(&self.features(a), &self.features(b), &self.settings)
    }

    /// The synthèse of one session.
    pub fn synthesize(&self, session: &Session) -> Synthesis {
        self.synthesize_many(&[(String::new(), session)])
    }

    /// The synthèse of several sessions combined: tables are told apart by session,
    /// proposal ids of the second and later sessions are shifted ([`combined_id`]).
    pub fn synthesize_many(&self, inputs: &[(String, &Session)]) -> Synthesis {
        let texts: Vec<&str> = inputs
            .iter()
            .flat_map(|(_, session)| session.proposals.iter().map(|p| p.text.as_str()))
            .collect();
        self.analyse_all(&texts);
        let mut entries = Vec::new();
        let mut all_decisions = Vec::new();
        for (input, (_, session)) in inputs.iter().enumerate() {
            for p in &session.proposals {
                entries.push(Entry {
                    id: combined_id(input, p.id),
                    input: input as u32,
                    table: p.table,
                    kind: p.kind,
                    text: p.text.clone(),
                    features: self.features(&p.text),
                });
            }
            all_decisions.push(decisions::remap(&session.decisions, input));
        }
        // Same proposals in any order: work in id order.
        entries.sort_by_key(|e| e.id);
        entries.dedup_by_key(|e| e.id);
        let known: BTreeSet<ProposalId> = entries.iter().map(|e| e.id).collect();
        let kind_of: FxHashMap<ProposalId, Kind> = entries.iter().map(|e| (e.id, e.kind)).collect();
        let plan = decisions::Plan::new(&all_decisions, &known, &kind_of, self.model.numbers());
        let mut synthesis = Synthesis { dropped: plan.dropped.clone(), ..Synthesis::default() };
        for kind in Kind::ALL {
            let of_kind: Vec<&Entry> = entries.iter().filter(|e| e.kind == kind).collect();
            let (groups, suggestions, refused) = self.group(kind, &of_kind, &plan);
            synthesis.dropped.extend(refused);
            synthesis.suggestions.extend(suggestions);
            match kind {
                Kind::Condition => synthesis.conditions = groups,
                Kind::Astuce => synthesis.astuces = groups,
                Kind::Temoignage => synthesis.temoignages = groups,
            }
        }
        synthesis.suggestions.sort_by(|x, y| y.similarity.total_cmp(&x.similarity).then(x.a.cmp(&y.a)));
        synthesis.suggestions.truncate(self.settings.max_suggestions);
        synthesis.dropped.sort();
        synthesis.dropped.dedup();
        synthesis
    }

    /// Groups the entries of one kind.
    fn group(
        &self,
        kind: Kind,
        entries: &[&Entry],
        plan: &decisions::Plan,
    ) -> (Vec<Group>, Vec<Suggestion>, Vec<DroppedDecision>) {
        if entries.is_empty() {
            return (Vec::new(), Vec::new(), Vec::new());
        }
        let index_of: FxHashMap<ProposalId, usize> =
            entries.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
        let cannot: Vec<(usize, usize)> = plan
            .cannot_link
            .iter()
            .filter_map(|(a, b)| Some((*index_of.get(a)?, *index_of.get(b)?)))
            .collect();
        // Items: exact duplicates together, unless a decision keeps two of them apart.
        let items = make_items(kind, entries, &cannot);
        let item_of: Vec<usize> = {
            let mut v = vec![0; entries.len()];
            for (i, item) in items.iter().enumerate() {
                for &e in item {
                    v[e] = i;
                }
            }
            v
        };
        // The topic words of the day weigh less (features damped, per item).
        let topic = topic::Topic::of(&entries.iter().map(|e| e.features.as_ref()).collect::<Vec<_>>())
            .with_concepts(self.model.concepts_of_every_family());
        let damped: Vec<Option<Features>> = items
            .iter()
            .map(|item| {
                let features = entries[item[0]].features.as_ref();
                (!topic.is_empty() && topic.touches(features)).then(|| topic.damp(features))
            })
            .collect();
        let features: Vec<&Features> = items
            .iter()
            .zip(&damped)
            .map(|(item, damped)| damped.as_ref().unwrap_or(entries[item[0]].features.as_ref()))
            .collect();
        let mut edges = self.edges(&features, topic.signature());
        // Témoignages are quoted, never merged; astuces join only when they say the same thing.
        edges.retain(|edge| match kind {
            Kind::Condition => true,
            Kind::Astuce => edge.similarity >= ASTUCES_SAY_THE_SAME,
            Kind::Temoignage => false,
        });
        let weights: Vec<f64> = items.iter().map(|i| i.len() as f64).collect();
        let problem = Problem {
            weights: weights.clone(),
            edges,
            must_link: plan
                .must_link
                .iter()
                .filter_map(|(a, b)| Some((item_of[*index_of.get(a)?], item_of[*index_of.get(b)?])))
                .collect(),
            cannot_link: cannot.iter().map(|(a, b)| (item_of[*a], item_of[*b])).collect(),
            threshold: self.settings.merge_threshold,
        };
        let clustering = cluster::cluster(&problem);
        let refused: Vec<DroppedDecision> = clustering
            .refused_links
            .iter()
            .map(|(a, b)| {
                let mut ids = vec![entries[items[*a][0]].id, entries[items[*b][0]].id];
                ids.sort();
                DroppedDecision {
                    decision: DecisionKind::Merge,
                    proposals: ids,
                    reason: DropReason::Contradicted,
                }
            })
            .collect();
        // How similar each item is to the rest of its group (for the canonical wording):
        // the sum over the group's other members, from the similarity graph.
        let mut closeness: Vec<f64> = weights.iter().map(|w| w - 1.0).collect();
        for edge in &problem.edges {
            if clustering.assignment[edge.a] == clustering.assignment[edge.b] {
                closeness[edge.a] += f64::from(edge.similarity) * weights[edge.b];
                closeness[edge.b] += f64::from(edge.similarity) * weights[edge.a];
            }
        }
        // Collect the groups: cluster id → item indexes.
        let mut by_cluster: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (item, &c) in clustering.assignment.iter().enumerate() {
            by_cluster.entry(c).or_default().push(item);
        }
        let mut groups = Vec::new();
        let mut anchor_of_cluster: HashMap<usize, ProposalId> = HashMap::new();
        let mut concepts_of_cluster: HashMap<usize, BTreeSet<u64>> = HashMap::new();
        for (cluster_id, cluster_items) in &by_cluster {
            let group = self.build_group(entries, &items, &features, cluster_items, &closeness, plan);
            anchor_of_cluster.insert(*cluster_id, group.anchor);
            let concepts =
                cluster_items.iter().flat_map(|i| features[*i].concepts.iter().map(|(c, _)| *c)).collect();
            concepts_of_cluster.insert(*cluster_id, concepts);
            groups.push(group);
        }
        groups.sort_by(display_order);
        let mut suggestions = Vec::new();
        for &(a, b, s) in &clustering.near {
            if s < self.settings.suggest_threshold || s >= self.settings.merge_threshold {
                continue;
            }
            let (Some(&anchor_a), Some(&anchor_b)) = (anchor_of_cluster.get(&a), anchor_of_cluster.get(&b))
            else {
                continue;
            };
            let shared = match (concepts_of_cluster.get(&a), concepts_of_cluster.get(&b)) {
                (Some(ca), Some(cb)) => ca
                    .intersection(cb)
                    .filter_map(|c| self.vocabulary.concepts.get(*c as usize).map(|e| e.label.clone()))
                    .collect(),
                _ => Vec::new(),
            };
            suggestions.push(Suggestion { a: anchor_a, b: anchor_b, similarity: s, shared_concepts: shared });
        }
        (groups, suggestions, refused)
    }

    /// The similarity graph between items. Two proposals that both name concepts but
    /// share none are at most `word_weight + char_weight` similar (below the floor), so
    /// candidates are the pairs sharing a concept, plus the pairs sharing a non-generic
    /// word where one side names no concept. Pairs under the floor are left out.
    fn edges(&self, features: &[&Features], topic: u64) -> Vec<Edge> {
        let mut by_concept: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let mut by_word: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let mut by_word_without_concepts: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for (i, f) in features.iter().enumerate() {
            for (concept, _) in &f.concepts {
                by_concept.entry(*concept).or_default().push(i);
            }
            for (word, _) in &f.words {
                if !self.is_weak_word(f, *word) {
                    by_word.entry(*word).or_default().push(i);
                    if !f.has_concepts() {
                        by_word_without_concepts.entry(*word).or_default().push(i);
                    }
                }
            }
        }
        let postings = Postings { by_concept, by_word, by_word_without_concepts };
        // Large sessions use the machine's cores: worker `t` takes the items `i` with
        // `i % workers == t`; the lists are merged back in order, so the graph is the
        // same whatever the number of workers.
        let workers = if features.len() >= PARALLEL_FROM {
            std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4)
        } else {
            1
        };
        if workers == 1 {
            // One thread: the similarities of the previous syntheses are reused, so a
            // re-synthesis after one capture only compares the new proposal.
            let mut pairs = self.take_pairs();
            let edges = self.edges_of(features, &postings, (0, 1), Some((topic, &mut pairs)));
            self.put_pairs(pairs);
            return edges;
        }
        let parts: Vec<Vec<Edge>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers)
                .map(|t| {
                    let postings = &postings;
                    scope.spawn(move || self.edges_of(features, postings, (t, workers), None))
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
        });
        let mut edges: Vec<Edge> = parts.into_iter().flatten().collect();
        edges.sort_by(|x, y| x.a.cmp(&y.a).then(x.b.cmp(&y.b)));
        edges
    }

    /// The edges from the items `i ≡ worker (mod workers)` to the items after them;
    /// `pairs`: the cached similarities, with the signature of the topic they hold for.
    fn edges_of(
        &self,
        features: &[&Features],
        postings: &Postings,
        (worker, workers): (usize, usize),
        mut pairs: Option<(u64, &mut PairCache)>,
    ) -> Vec<Edge> {
        let mut edges = Vec::new();
        let mut seen = vec![usize::MAX; features.len()];
        let mut candidates = Vec::new();
        for (i, f) in features.iter().enumerate().skip(worker).step_by(workers) {
            candidates.clear();
            let mut consider = |list: Option<&Vec<usize>>| {
                for &j in list.into_iter().flatten() {
                    if j > i && seen[j] != i {
                        seen[j] = i;
                        candidates.push(j);
                    }
                }
            };
            for (concept, _) in &f.concepts {
                consider(postings.by_concept.get(concept));
            }
            let words = if f.has_concepts() { &postings.by_word_without_concepts } else { &postings.by_word };
            for (word, _) in &f.words {
                consider(words.get(word));
            }
            candidates.sort_unstable();
            for &j in &candidates {
                let other = features[j];
                let s = match pairs.as_mut() {
                    Some((topic, cache)) if f.serial != 0 && other.serial != 0 => {
                        let key = (*topic, f.serial.min(other.serial), f.serial.max(other.serial));
                        *cache.entry(key).or_insert_with(|| similarity(f, other, &self.settings))
                    }
                    _ => similarity(f, other, &self.settings),
                };
                if s >= self.settings.pair_floor {
                    edges.push(Edge { a: i, b: j, similarity: s });
                }
            }
        }
        edges
    }

    /// Generic words and negations do not make two proposals candidates on their own.
    fn is_weak_word(&self, features: &Features, word: u64) -> bool {
        features
            .surface
            .iter()
            .find(|(h, _, _)| *h == word)
            .is_some_and(|(_, stem, _)| self.vocabulary.is_generic(stem) || normalize::is_negation(stem))
    }

    /// Builds one group from its items, applying the decisions that concern it.
    fn build_group(
        &self,
        entries: &[&Entry],
        items: &[Vec<usize>],
        item_features: &[&Features],
        cluster_items: &[usize],
        closeness: &[f64],
        plan: &decisions::Plan,
    ) -> Group {
        let mut member_entries: Vec<&Entry> =
            cluster_items.iter().flat_map(|i| items[*i].iter().map(|e| entries[*e])).collect();
        member_entries.sort_by_key(|e| e.id);
        let members: Vec<ProposalId> = member_entries.iter().map(|e| e.id).collect();
        let anchor = members[0];
        let origins: Vec<Origin> = member_entries
            .iter()
            .map(|e| Origin { input: e.input, table: e.table })
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let tables: Vec<u32> = origins.iter().map(|o| o.table).collect::<BTreeSet<_>>().into_iter().collect();
        let group_features: Vec<&Features> = cluster_items.iter().map(|i| item_features[*i]).collect();
        // Every member counts (exact duplicates too), with the topic words damped.
        let member_features: Vec<&Features> =
            cluster_items.iter().flat_map(|i| items[*i].iter().map(move |_| item_features[*i])).collect();
        let guess = self.model.guess(&member_features, &self.vocabulary, &self.settings);
        let wording = headline::choose(
            self,
            member_entries[0].kind,
            cluster_items
                .iter()
                .flat_map(|i| items[*i].iter().map(|e| (entries[*e].text.as_str(), closeness[*i]))),
            guess.explanation.closest_seed.as_deref(),
        );
        let shared = explain::shared_concepts(&group_features, &self.vocabulary);
        let mut group = Group {
            anchor,
            members,
            wording,
            edited: false,
            family: guess.family,
            confidence: guess.confidence,
            status: guess.status,
            support: origins.len(),
            tables,
            votes: 0,
            excluded: false,
            explanation: Explanation {
                shared_concepts: shared,
                closest_seed: guess.explanation.closest_seed,
            },
            origins,
        };
        plan.apply_to_group(&mut group);
        group
    }

    /// The family of a text on its own (for live hints while typing).
    pub fn classify(&self, text: &str) -> FamilyGuess {
        let features = self.features(text);
        self.model.guess(&[features.as_ref()], &self.vocabulary, &self.settings)
    }

    /// The condition of another table most similar to `text`, if any is similar enough
    /// to be worth showing (at least the suggestion threshold).
    pub fn nearest(&self, session: &Session, text: &str, other_than_table: u32) -> Option<(ProposalId, f32)> {
        let features = self.features(text);
        let mut best: Option<(ProposalId, f32)> = None;
        for p in &session.proposals {
            if p.table == other_than_table || p.kind != Kind::Condition {
                continue;
            }
            let s = similarity(&features, &self.features(&p.text), &self.settings);
            let better = match best {
                None => true,
                Some((id, b)) => s > b || (s == b && p.id < id),
            };
            if s >= self.settings.suggest_threshold && better {
                best = Some((p.id, s));
            }
        }
        best
    }

    /// The family numbers the engine knows.
    pub fn family_numbers(&self) -> &[u8] {
        self.model.numbers()
    }
}

/// From this many items on, the similarity graph is computed on several threads.
const PARALLEL_FROM: usize = 1_500;

/// Inverted lists of items by concept and by non-generic word.
struct Postings {
    by_concept: FxHashMap<u64, Vec<usize>>,
    by_word: FxHashMap<u64, Vec<usize>>,
    /// The same, only for items that name no concept.
    by_word_without_concepts: FxHashMap<u64, Vec<usize>>,
}

/// Groups entries into items of exact duplicates (same key), except entries that a
/// decision keeps apart from another entry of the same key, which stay alone, and
/// témoignages, each its own item (a quote is never merged away).
fn make_items(kind: Kind, entries: &[&Entry], cannot: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut by_key: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut alone = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        if e.features.key.is_empty() || kind == Kind::Temoignage {
            alone.push(i);
        } else {
            by_key.entry(e.features.key.as_str()).or_default().push(i);
        }
    }
    let constrained: BTreeSet<usize> = cannot.iter().flat_map(|(a, b)| [*a, *b]).collect();
    let mut items: Vec<Vec<usize>> = Vec::new();
    for (_, list) in by_key {
        let (apart, together): (Vec<usize>, Vec<usize>) =
            list.into_iter().partition(|i| constrained.contains(i));
        if !together.is_empty() {
            items.push(together);
        }
        items.extend(apart.into_iter().map(|i| vec![i]));
    }
    // Texts with nothing comparable (emoji only) stay alone, ordered by text.
    alone.sort_by(|a, b| entries[*a].text.cmp(&entries[*b].text).then(entries[*a].id.cmp(&entries[*b].id)));
    items.extend(alone.into_iter().map(|i| vec![i]));
    items
}
