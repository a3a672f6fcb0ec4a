//! What the synthèse engine remembers between syntheses: the features of every text
//! it has read (with the keys of the text's stems, which say whether a new vocabulary
//! can change them) and the similarities already computed between them, keyed by the
//! texts' serials; and what an engine with another vocabulary keeps of it.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::similarity::Features;
use super::vocabulary::VocabularyChange;
use super::{Engine, PARALLEL_FROM};

/// What the engine remembers between syntheses: the features of every text seen and the
/// similarities already computed between them (keyed by the topic's signature and
/// their serials).
#[derive(Debug, Default)]
pub(super) struct Cache {
    pub(super) texts: FxHashMap<String, Cached>,
    pub(super) next_serial: u64,
    pub(super) pairs: PairCache,
    /// The guided review's neighbours of the last set of proposals it looked at, with
    /// that set's fingerprint: an answer changes no text, so the next question reuses them.
    pub(super) neighbours: Option<(u64, Arc<Neighbours>)>,
}

/// Proposal → the proposals of its kind similar enough to be evidence for the review,
/// with their similarity.
pub type Neighbours =
    std::collections::HashMap<crate::domain::ProposalId, Vec<(crate::domain::ProposalId, f32)>>;

/// The features of a text, with the hashes of its stems (see
/// [`Features::with_lexicon`]): what tells whether a new vocabulary can change them.
#[derive(Debug, Clone)]
pub(super) struct Cached {
    pub(super) features: Arc<Features>,
    pub(super) lexicon: Box<[u64]>,
}

impl Cache {
    /// Keeps the features of `text` under a new serial (the cache is emptied first when
    /// full).
    pub(super) fn insert(&mut self, text: &str, mut features: Features, lexicon: Vec<u64>) -> Arc<Features> {
        if let Some(found) = self.texts.get(text) {
            return Arc::clone(&found.features);
        }
        if self.texts.len() >= CACHE_LIMIT {
            self.texts.clear();
            self.pairs.clear();
        }
        self.next_serial += 1;
        features.serial = self.next_serial;
        let features = Arc::new(features);
        self.texts
            .insert(text.to_string(), Cached { features: Arc::clone(&features), lexicon: lexicon.into() });
        features
    }

    /// What an engine with `vocabulary` keeps of this cache: the texts `change` cannot
    /// touch and the similarities between them (with `None`, only the serial counter,
    /// so that serials are never given twice).
    pub(super) fn kept_for(&self, change: Option<&VocabularyChange>) -> Cache {
        let Some(change) = change else {
            return Cache { next_serial: self.next_serial, ..Cache::default() };
        };
        let texts: FxHashMap<String, Cached> = self
            .texts
            .iter()
            .filter(|(_, cached)| !change.touches(&cached.lexicon, &cached.features.stems))
            .map(|(text, cached)| (text.clone(), cached.clone()))
            .collect();
        let alive: rustc_hash::FxHashSet<u64> = texts.values().map(|c| c.features.serial).collect();
        let pairs = self
            .pairs
            .iter()
            .filter(|((_, a, b), _)| alive.contains(a) && alive.contains(b))
            .map(|(key, s)| (*key, *s))
            .collect();
        Cache { texts, next_serial: self.next_serial, pairs, neighbours: None }
    }
}

/// Cached similarities: (topic signature, smaller serial, larger serial) → similarity.
pub(super) type PairCache = FxHashMap<(u64, u64, u64), f32>;

/// The cache is emptied past this many texts (a week of workshops fits easily).
const CACHE_LIMIT: usize = 100_000;

/// Similarities kept between syntheses (about 16 bytes each); a session of 500
/// proposals needs a few tens of thousands.
const PAIR_CACHE_LIMIT: usize = 400_000;

impl Engine {
    /// Analyses the texts the cache does not have yet, on the machine's cores when they
    /// are many (a whole session read from a file), and caches them in the order given.
    pub(super) fn analyse_all(&self, texts: &[&str]) {
        let mut missing: Vec<&str> = match self.cache.lock() {
            Ok(cache) => texts.iter().copied().filter(|t| !cache.texts.contains_key(*t)).collect(),
            Err(_) => return,
        };
        if missing.len() < PARALLEL_FROM {
            return;
        }
        let mut seen = rustc_hash::FxHashSet::default();
        missing.retain(|t| seen.insert(*t));
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
        let chunk = missing.len().div_ceil(workers);
        let analysed: Vec<Vec<(Features, Vec<u64>)>> = std::thread::scope(|scope| {
            let handles: Vec<_> = missing
                .chunks(chunk)
                .map(|texts| {
                    scope.spawn(move || {
                        texts
                            .iter()
                            .map(|t| Features::with_lexicon(t, &self.vocabulary, &self.settings))
                            .collect()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
        });
        if let Ok(mut cache) = self.cache.lock() {
            for (text, (features, lexicon)) in missing.iter().zip(analysed.into_iter().flatten()) {
                cache.insert(text, features, lexicon);
            }
        }
    }

    /// The cached similarities, taken out of the engine while a graph is computed.
    pub(super) fn take_pairs(&self) -> PairCache {
        self.cache.lock().map(|mut c| std::mem::take(&mut c.pairs)).unwrap_or_default()
    }

    /// Gives the cached similarities back (forgotten past [`PAIR_CACHE_LIMIT`]).
    pub(super) fn put_pairs(&self, mut pairs: PairCache) {
        if pairs.len() > PAIR_CACHE_LIMIT {
            pairs.clear();
        }
        if let Ok(mut cache) = self.cache.lock() {
            cache.pairs = pairs;
        }
    }
}
