//! The domain vocabulary (`assets/vocabulary.ron`, compiled in): the sector's
//! abbreviations, generic words that say little on their own, and *concepts* — groups
//! of words and multi-word expressions that mean the same thing in this domain, each
//! tied to the families it belongs to. Compiling the vocabulary analyses every term
//! with the same [`Analyzer`] as the proposals, so matching is stem against stem.
//!
//! Matching: a term matches when all its stems occur within a short window of the
//! proposal (any order, distinct positions); longer terms win over shorter ones that
//! overlap them (`agenda caché` is one concept, `caché` alone is not another). A term
//! of several words is never reduced to one stem: when its other words are function
//! words (« tout sur la table », « bien commun ») it matches as a phrase, word after
//! word, stopwords included (each word stemmed, so plurals still match). Terms written
//! `=like this` always match as phrases (`=qui fait quoi`).
//!
//! Misspelt words are read as the vocabulary stem one typo away, unless the word is
//! itself French: a list of French stems (`assets/french-stems.txt.deflate`, derived
//! from the Dicollecte French Hunspell dictionary, MPL-2.0, see `assets/french-stems.LICENSE.md`) guards the corrector.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::normalize::{Analyzer, fold};

mod change;
mod french;

use change::Basis;
pub use change::{VocabularyChange, stem_key};
#[cfg(test)]
use french::FRENCH_STEMS;
pub use french::{is_french_stem, lacks_accents};

/// The text of `assets/vocabulary.ron` as shipped.
pub const VOCABULARY_RON: &str = include_str!("../../assets/vocabulary.ron");

/// Where a vocabulary entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    /// The wording of the CDC de Laval document (the seed).
    Seed,
    /// The Québec community sector's usage (abbreviations, programmes, practices).
    Sector,
    /// General French: synonyms, morphology, idioms.
    French,
}

/// An abbreviation and what it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Abbreviation {
    pub short: String,
    pub long: String,
    /// Also recognised in lower case (only when that cannot be an ordinary word:
    /// `oc` yes, `ca` no since it is `ça`).
    #[serde(default)]
    pub lowercase: bool,
    pub source: Source,
}

/// A concept: words and expressions that mean the same in this domain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConceptEntry {
    /// Stable identifier (`transparence`).
    pub id: String,
    /// What the room sees in explanations, in French.
    pub label: String,
    /// Families this concept belongs to, most likely first; empty for none.
    #[serde(default)]
    pub families: Vec<u8>,
    pub source: Source,
    /// Terms that name the concept clearly.
    pub terms: Vec<String>,
    /// Terms that only hint at it (half weight).
    #[serde(default)]
    pub weak: Vec<String>,
}

/// The whole vocabulary file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VocabularyFile {
    pub version: u32,
    pub abbreviations: Vec<Abbreviation>,
    /// Words frequent in every proposal of this domain (`partenaire`, `projet`): they
    /// count for little in similarity.
    #[serde(default)]
    pub generic: Vec<String>,
    /// The concept of a word repeated around « pour » (« la concertation pour la
    /// concertation »: something done for its own sake).
    #[serde(default)]
    pub for_its_own_sake: Option<String>,
    /// Words the French stemmer would join with other words: `(word beginning, stem)`
    /// gives every word starting so a stem of its own (« communications » is not
    /// « commun »).
    #[serde(default)]
    pub distinct_stems: Vec<(String, String)>,
    pub concepts: Vec<ConceptEntry>,
}

/// Why the vocabulary could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VocabularyError {
    #[error("vocabulary: {0}")]
    Parse(String),
    #[error("vocabulary: concept `{0}` is defined twice")]
    DuplicateConcept(String),
    #[error(
        "vocabulary: term `{term}` of `{concept}` has no content word (only stopwords, negations or generic words)"
    )]
    EmptyTerm { concept: String, term: String },
}

/// One compiled term.
#[derive(Debug, Clone, PartialEq)]
struct Term {
    concept: usize,
    /// The term as written in the vocabulary.
    text: String,
    weight: f32,
    /// Stems (or folded words for literal terms).
    parts: Vec<String>,
    literal: bool,
}

/// A concept found in a proposal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConceptHit {
    pub concept: usize,
    pub weight: f32,
}

/// The vocabulary, analysed and indexed.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    pub analyzer: Analyzer,
    pub concepts: Vec<ConceptEntry>,
    generic: FxHashSet<String>,
    /// First part of a term → the terms starting with it.
    by_first: FxHashMap<String, Vec<usize>>,
    terms: Vec<Term>,
    /// Terms left out because nothing of them survives the analysis (all stopwords).
    pub skipped: Vec<VocabularyError>,
    /// Every stem used by a term, by length, to recognise a misspelt one.
    known_stems: FxHashMap<usize, Vec<String>>,
    for_its_own_sake: Option<usize>,
    /// What the analyzer and the generic words were compiled from.
    basis: Basis,
}

/// Weight of a term that only hints at its concept.
const WEAK_WEIGHT: f32 = 0.35;

/// Shorter stems are not corrected: one letter apart, they are often different words.
pub const TYPO_MIN_LENGTH: usize = 8;

/// How far apart (in content words) the parts of a term may be, beyond its length.
const WINDOW_SLACK: usize = 2;

impl Vocabulary {
    /// The shipped vocabulary. Its validity is checked by a test, so a broken edit fails
    /// the build's tests rather than a workshop; at run time an unparsable file gives an
    /// empty vocabulary (the synthèse still works on words alone) and a term with no
    /// content word is skipped.
    pub fn shipped() -> Vocabulary {
        Vocabulary::parse(VOCABULARY_RON).unwrap_or_else(|_| Vocabulary::empty())
    }

    /// A vocabulary with nothing in it.
    pub fn empty() -> Vocabulary {
        Vocabulary::compile(VocabularyFile {
            version: 1,
            abbreviations: Vec::new(),
            generic: Vec::new(),
            for_its_own_sake: None,
            distinct_stems: Vec::new(),
            concepts: Vec::new(),
        })
        .unwrap_or_else(|_| unreachable_empty())
    }

    /// Parses and compiles a vocabulary file.
    pub fn parse(text: &str) -> Result<Vocabulary, VocabularyError> {
        let file: VocabularyFile = ron::from_str(text).map_err(|e| VocabularyError::Parse(e.to_string()))?;
        Vocabulary::compile(file)
    }

    /// Compiles a parsed vocabulary.
    pub fn compile(file: VocabularyFile) -> Result<Vocabulary, VocabularyError> {
        Vocabulary::compile_with(file, None)
    }

    /// Compiles a parsed vocabulary reusing the work done for `previous` (its analyzer,
    /// when built from the same abbreviations, and the analysis of the terms they
    /// share): the same vocabulary as [`Vocabulary::compile`], in a fraction of the time
    /// when only a few terms changed (what the guided review teaches).
    pub fn compile_reusing(
        file: VocabularyFile,
        previous: &Vocabulary,
    ) -> Result<Vocabulary, VocabularyError> {
        Vocabulary::compile_with(file, Some(previous))
    }

    fn compile_with(
        file: VocabularyFile,
        previous: Option<&Vocabulary>,
    ) -> Result<Vocabulary, VocabularyError> {
        let basis = Basis::of(&file);
        let previous = previous.filter(|p| p.basis == basis);
        let (analyzer, generic) = match previous {
            Some(p) => (p.analyzer.clone(), p.generic.clone()),
            None => {
                let analyzer = Analyzer::new(&basis.abbreviations, &file.distinct_stems);
                let mut generic = FxHashSet::default();
                for word in &file.generic {
                    for stem in analyzer.stems(word) {
                        generic.insert(stem);
                    }
                }
                (analyzer, generic)
            }
        };
        // A term reads the same with the same analyzer: its analysis is reused.
        let analysed: FxHashMap<&str, (bool, &[String])> = previous
            .map(|p| p.terms.iter().map(|t| (t.text.as_str(), (t.literal, t.parts.as_slice()))).collect())
            .unwrap_or_default();
        let mut seen = FxHashSet::default();
        let mut terms = Vec::new();
        let mut skipped = Vec::new();
        for (index, concept) in file.concepts.iter().enumerate() {
            if !seen.insert(concept.id.clone()) {
                return Err(VocabularyError::DuplicateConcept(concept.id.clone()));
            }
            let strong = concept.terms.iter().map(|t| (t, 1.0));
            let weak = concept.weak.iter().map(|t| (t, WEAK_WEIGHT));
            for (term, weight) in strong.chain(weak) {
                let (literal, parts) = match analysed.get(term.as_str()) {
                    Some((literal, parts)) => (*literal, parts.to_vec()),
                    None => analyse_term(&analyzer, term),
                };
                let says_nothing =
                    !literal && parts.iter().all(|p| super::normalize::is_negation(p) || generic.contains(p));
                if parts.is_empty() || says_nothing {
                    skipped
                        .push(VocabularyError::EmptyTerm { concept: concept.id.clone(), term: term.clone() });
                    continue;
                }
                terms.push(Term { concept: index, text: term.clone(), weight, parts, literal });
            }
        }
        let mut by_first: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (index, term) in terms.iter().enumerate() {
            by_first.entry(term.parts[0].clone()).or_default().push(index);
        }
        let distinct_parts: FxHashSet<&String> =
            terms.iter().filter(|t| !t.literal).flat_map(|t| t.parts.iter()).collect();
        let mut known_stems: FxHashMap<usize, Vec<String>> = FxHashMap::default();
        for part in distinct_parts {
            known_stems.entry(part.chars().count()).or_default().push(part.clone());
        }
        known_stems.values_mut().for_each(|l| l.sort_unstable());
        let for_its_own_sake =
            file.for_its_own_sake.as_ref().and_then(|id| file.concepts.iter().position(|c| &c.id == id));
        Ok(Vocabulary {
            analyzer,
            concepts: file.concepts,
            generic,
            by_first,
            terms,
            skipped,
            known_stems,
            for_its_own_sake,
            basis,
        })
    }

    /// Is this stem a generic word of the domain?
    pub fn is_generic(&self, stem: &str) -> bool {
        self.generic.contains(stem)
    }

    /// A text as the vocabulary reads it.
    pub fn analyse(&self, text: &str) -> Analysed {
        let tokens = self.analyzer.tokens(text);
        let words = literal_words(text);
        let mut written = written_words(text);
        if written.len() != words.len() {
            written = words.clone();
        }
        Analysed {
            stems: tokens.iter().map(|t| t.stem.clone()).collect(),
            stems_written: tokens.into_iter().map(|t| t.written).collect(),
            phrase: phrase_stems(&self.analyzer, &words),
            words,
            words_written: written,
        }
    }

    /// The concepts named in a text. Each concept appears once, with the best weight of
    /// its matching terms.
    pub fn concepts_in(&self, text: &str) -> Vec<ConceptHit> {
        self.concepts_and_terms(&self.analyse(text)).0
    }

    /// The concepts named in a text and, for each, the participant's words that named
    /// it (for explanations: « transparence » because of « agenda caché »).
    pub fn concepts_and_terms(&self, text: &Analysed) -> (Vec<ConceptHit>, Vec<(usize, String)>) {
        let stems = self.corrected(&text.stems);
        let mut hits: Vec<ConceptHit> = Vec::new();
        let mut named: Vec<(usize, String)> = Vec::new();
        for (index, positions) in self.matches(&stems, &text.phrase) {
            let term = &self.terms[index];
            match hits.iter_mut().find(|h| h.concept == term.concept) {
                Some(hit) => hit.weight = hit.weight.max(term.weight),
                None => hits.push(ConceptHit { concept: term.concept, weight: term.weight }),
            }
            let written = if term.literal { &text.words_written } else { &text.stems_written };
            let mut quoted: Vec<&str> = Vec::new();
            for &p in &positions {
                if let Some(word) = written.get(p)
                    && quoted.last() != Some(&word.as_str())
                {
                    quoted.push(word);
                }
            }
            let quote = quoted.join(" ");
            // One explanation per wording (« dénaturer » and « se dénaturer » name it
            // with the same words).
            if !named.iter().any(|(c, q)| *c == term.concept && *q == quote) {
                named.push((term.concept, quote));
            }
        }
        if let Some(concept) = self.for_its_own_sake
            && repeated_for_its_own_sake(&text.words)
        {
            if !hits.iter().any(|h| h.concept == concept) {
                hits.push(ConceptHit { concept, weight: 1.0 });
            }
            named.push((concept, "… pour …".to_string()));
        }
        hits.sort_by_key(|h| h.concept);
        (hits, named)
    }

    /// Stems unknown to the vocabulary but one typo away from a known stem of at least
    /// eight letters are read as that stem (« parternariat » → « partenariat »), unless
    /// they are the stems of French words themselves.
    fn corrected(&self, stems: &[String]) -> Vec<String> {
        stems
            .iter()
            .map(|stem| {
                let length = stem.chars().count();
                if length < TYPO_MIN_LENGTH
                    || self.by_first.contains_key(stem)
                    || self.is_known(stem, length)
                    || is_french_stem(stem)
                {
                    return stem.clone();
                }
                for candidate_length in [length, length - 1, length + 1] {
                    if let Some(list) = self.known_stems.get(&candidate_length)
                        && let Some(found) = list
                            .iter()
                            .find(|k| k.chars().count() >= TYPO_MIN_LENGTH && one_edit_apart(stem, k))
                    {
                        return found.clone();
                    }
                }
                stem.clone()
            })
            .collect()
    }

    /// How many of these stems the typo corrector reads as another (« parternariat »).
    pub fn misspelt(&self, stems: &[String]) -> usize {
        self.corrected(stems).iter().zip(stems).filter(|(read, written)| read != written).count()
    }

    fn is_known(&self, stem: &str, length: usize) -> bool {
        self.known_stems.get(&length).is_some_and(|l| l.binary_search_by(|k| k.as_str().cmp(stem)).is_ok())
    }

    /// The concept ids and vocabulary terms found in a text (for measurements).
    pub fn terms_in(&self, text: &str) -> Vec<(String, String)> {
        let analysed = self.analyse(text);
        let stems = self.corrected(&analysed.stems);
        self.matches(&stems, &analysed.phrase)
            .into_iter()
            .map(|(t, _)| (self.concepts[self.terms[t].concept].id.clone(), self.terms[t].text.clone()))
            .collect()
    }

    /// The accepted term matches: (term index, positions).
    fn matches(&self, stems: &[String], words: &[String]) -> Vec<(usize, Vec<usize>)> {
        let mut matches: Vec<(usize, Vec<usize>, bool)> = Vec::new(); // term, positions, literal
        for (sequence, literal) in [(stems, false), (words, true)] {
            for (start, part) in sequence.iter().enumerate() {
                let Some(candidates) = self.by_first.get(part) else { continue };
                for &term_index in candidates {
                    let term = &self.terms[term_index];
                    if term.literal != literal {
                        continue;
                    }
                    if let Some(positions) = match_at(sequence, start, &term.parts, literal) {
                        matches.push((term_index, positions, literal));
                    }
                }
            }
        }
        // Longest terms first; a match overlapping a longer accepted one is dropped.
        matches.sort_by(|a, b| {
            let (ta, tb) = (&self.terms[a.0], &self.terms[b.0]);
            tb.parts.len().cmp(&ta.parts.len()).then(a.1.cmp(&b.1)).then(a.0.cmp(&b.0))
        });
        // Each position remembers the length of the longest term that claimed it; a term
        // of the same length may share it (the text is ambiguous), a shorter one may not.
        let mut used_stems = vec![0usize; stems.len()];
        let mut used_words = vec![0usize; words.len()];
        let mut accepted = Vec::new();
        for (term_index, positions, literal) in matches {
            let length = self.terms[term_index].parts.len();
            let used = if literal { &mut used_words } else { &mut used_stems };
            if positions.iter().any(|&p| used[p] > length) {
                continue;
            }
            for &p in &positions {
                used[p] = length;
            }
            accepted.push((term_index, positions));
        }
        accepted
    }

    /// The folded words of a text, stopwords included (for literal terms).
    pub fn literal_words(&self, text: &str) -> Vec<String> {
        literal_words(text)
    }
}

/// How a term is matched: `(literal, parts)`. Terms written `=like this` are phrases;
/// a term of several words that leaves one stem is a phrase too (« tout sur la table »
/// must not become « table »); any other term is its stems.
fn analyse_term(analyzer: &Analyzer, term: &str) -> (bool, Vec<String>) {
    match term.strip_prefix('=') {
        Some(rest) => (true, phrase_stems(analyzer, &literal_words(rest))),
        None => {
            let stems = analyzer.stems(term);
            let words = literal_words(term);
            if stems.len() == 1 && words.len() > 1 {
                (true, phrase_stems(analyzer, &words))
            } else {
                (false, stems)
            }
        }
    }
}

/// A text as the vocabulary reads it: its content stems and every word, each with the
/// word as the participant wrote it (for explanations).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysed {
    /// Content stems in order (stopwords dropped, abbreviations expanded).
    pub stems: Vec<String>,
    /// For each content stem, the word it came from, as written.
    pub stems_written: Vec<String>,
    /// Every word, folded, stopwords included.
    pub words: Vec<String>,
    /// The stems of `words` (for phrases).
    pub phrase: Vec<String>,
    /// Every word, as written.
    pub words_written: Vec<String>,
}

/// The stems of each word of a phrase, function words included.
fn phrase_stems(analyzer: &Analyzer, words: &[String]) -> Vec<String> {
    words.iter().map(|w| analyzer.stem(w)).collect()
}

/// The words of a text as written (split like [`literal_words`]).
fn written_words(text: &str) -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    let composed: String = text.nfc().collect();
    composed.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Should never happen: an empty vocabulary always compiles.
fn unreachable_empty() -> Vocabulary {
    Vocabulary {
        analyzer: Analyzer::new(&[], &[]),
        concepts: Vec::new(),
        generic: FxHashSet::default(),
        by_first: FxHashMap::default(),
        terms: Vec::new(),
        skipped: Vec::new(),
        known_stems: FxHashMap::default(),
        for_its_own_sake: None,
        basis: Basis::default(),
    }
}

/// « la concertation pour la concertation », « des partenariats pour faire des
/// partenariats »: a content word repeated with « pour » in between, close together.
fn repeated_for_its_own_sake(words: &[String]) -> bool {
    for (i, word) in words.iter().enumerate() {
        if word.chars().count() < 5 || super::normalize::is_stopword(word) {
            continue;
        }
        let end = (i + 6).min(words.len());
        for j in i + 2..end {
            let (a, b) = (words[j].trim_end_matches('s'), word.trim_end_matches('s'));
            let same = a == b || (a.chars().count() >= TYPO_MIN_LENGTH && one_edit_apart(a, b));
            if same && words[i + 1..j].iter().any(|w| w == "pour") {
                return true;
            }
        }
    }
    false
}

/// Are two words one insertion, deletion, substitution or swap of neighbours apart?
fn one_edit_apart(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return one_edit_apart_in(a.as_bytes(), b.as_bytes());
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    one_edit_apart_in(&a, &b)
}

/// [`one_edit_apart`] on letters (bytes for ASCII words, else characters).
fn one_edit_apart_in<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    match a.len() as isize - b.len() as isize {
        0 => {
            let Some(first) = (0..a.len()).find(|&i| a[i] != b[i]) else { return false };
            let rest_equal = |from: usize| a.get(from..) == b.get(from..);
            // One substitution, or two neighbours swapped.
            rest_equal(first + 1)
                || (first + 1 < a.len()
                    && a[first] == b[first + 1]
                    && a[first + 1] == b[first]
                    && rest_equal(first + 2))
        }
        1 | -1 => {
            let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
            let first = (0..short.len()).find(|&i| long[i] != short[i]).unwrap_or(short.len());
            long[first + 1..] == short[first..]
        }
        _ => false,
    }
}

/// Folded words, punctuation dropped and elided `l'`/`d'` split off.
fn literal_words(text: &str) -> Vec<String> {
    fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Finds the parts of a term starting at `start`: literal terms must be contiguous;
/// stemmed terms may have their other parts anywhere within a window around `start`.
fn match_at(sequence: &[String], start: usize, parts: &[String], literal: bool) -> Option<Vec<usize>> {
    if literal {
        if start + parts.len() > sequence.len() {
            return None;
        }
        let ok = parts.iter().enumerate().all(|(i, p)| &sequence[start + i] == p);
        return ok.then(|| (start..start + parts.len()).collect());
    }
    let window = parts.len() + WINDOW_SLACK;
    let low = start.saturating_sub(window);
    let high = (start + window + 1).min(sequence.len());
    let mut positions = vec![start];
    for part in &parts[1..] {
        let found = (low..high).find(|p| !positions.contains(p) && &sequence[*p] == part)?;
        positions.push(found);
    }
    let min = positions.iter().min().copied().unwrap_or(start);
    let max = positions.iter().max().copied().unwrap_or(start);
    (max - min < window).then(|| {
        positions.sort_unstable();
        positions
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_vocabulary_compiles_and_every_entry_says_where_it_comes_from() {
        let file: VocabularyFile = ron::from_str(VOCABULARY_RON).expect("assets/vocabulary.ron parses");
        assert!(file.concepts.len() >= 30);
        for concept in &file.concepts {
            assert!(!concept.terms.is_empty(), "{} has terms", concept.id);
            assert!(concept.families.iter().all(|f| (1..=3).contains(f)), "{} families", concept.id);
        }
        let vocabulary = Vocabulary::compile(file).expect("vocabulary compiles");
        assert!(vocabulary.skipped.is_empty(), "terms with no content word: {:?}", vocabulary.skipped);
    }

    #[test]
    fn typos_and_things_done_for_their_own_sake() {
        assert!(one_edit_apart("parternariat", "partenariat"));
        assert!(!one_edit_apart("pratenraiat", "partenariat"));
        assert!(one_edit_apart("transparnce", "transparence"));
        assert!(one_edit_apart("trasnparence", "transparence"));
        assert!(!one_edit_apart("trasnparencs", "transparence"));
        assert!(!one_edit_apart("transparence", "transparence"));
        assert!(one_edit_apart("équipe", "éqiupe") && one_edit_apart("équipe", "equipe"));
        assert!(!one_edit_apart("équipe", "éqiupé"));
        assert!(repeated_for_its_own_sake(&literal_words("la concertation pour la concertation")));
        assert!(repeated_for_its_own_sake(&literal_words("des comités pour faire des comités")));
        assert!(repeated_for_its_own_sake(&literal_words("pas de parternariat pour le partenariat")));
        assert!(!repeated_for_its_own_sake(&literal_words("un partenariat pour la population")));
    }

    #[test]
    fn longer_terms_win_and_windows_allow_reordering() {
        let vocabulary = Vocabulary::shipped();
        let find = |text: &str| {
            vocabulary
                .concepts_in(text)
                .iter()
                .map(|h| vocabulary.concepts[h.concept].id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(find("Pas d'agenda caché"), vec!["transparence".to_string()]);
        assert!(find("en amont des décisions").contains(&"coconstruction".to_string()));
        assert!(find("les décisions se prennent en amont").contains(&"coconstruction".to_string()));
    }

    #[test]
    fn phrases_stay_phrases_and_french_words_are_not_corrected() {
        let vocabulary = Vocabulary::shipped();
        let ids = |text: &str| {
            vocabulary
                .concepts_in(text)
                .iter()
                .map(|h| vocabulary.concepts[h.concept].id.clone())
                .collect::<Vec<_>>()
        };
        // « bien commun » is a phrase: « commun » alone does not name it.
        assert_eq!(ids("le bien commun"), ids("le bien communs"));
        assert_ne!(ids("un objectif en commun"), ids("le bien commun"));
        // French words one letter from a vocabulary stem stay themselves; typos do not.
        assert!(is_french_stem("transparent") && !is_french_stem("parternariat"));
        let mut french_neighbours = 0;
        for (length, known) in &vocabulary.known_stems {
            for stem in FRENCH_STEMS.iter().filter(|s| s.chars().count() == *length) {
                if known.iter().any(|k| one_edit_apart(k, stem)) {
                    french_neighbours += 1;
                    let stem = vec![stem.to_string()];
                    assert_eq!(vocabulary.corrected(&stem), stem);
                }
            }
        }
        assert!(french_neighbours > 0);
        assert!(FRENCH_STEMS.iter().count() > 50_000);
        let stems = vec!["parternariat".to_string()];
        assert_ne!(vocabulary.corrected(&stems), stems);
    }

    #[test]
    fn compiling_again_reuses_the_analysis_and_names_what_changed() {
        let file: VocabularyFile = ron::from_str(VOCABULARY_RON).expect("parses");
        let shipped = Vocabulary::compile(file.clone()).expect("compiles");
        let mut grown = file.clone();
        grown.concepts[0].terms.push("livres comptables".into());
        let fresh = Vocabulary::compile(grown.clone()).expect("compiles");
        let reused = Vocabulary::compile_reusing(grown, &shipped).expect("compiles");
        assert_eq!(reused.terms, fresh.terms);
        assert_eq!((&reused.by_first, &reused.known_stems), (&fresh.by_first, &fresh.known_stems));
        assert_eq!(reused.generic, fresh.generic);
        let change = shipped.change_to(&reused).expect("same basis, same order");
        let stems = |text: &str| fresh.analyse(text).stems;
        let lexicon = |text: &str| stems(text).iter().map(|s| stem_key(s)).collect::<Vec<_>>();
        assert!(change.touches(&lexicon("nos livres"), &stems("nos livres")));
        assert!(!change.touches(&lexicon("un climat de confiance"), &stems("un climat de confiance")));
        assert!(shipped.change_to(&shipped).is_some_and(|c| c.is_empty()));
        // Another analyzer: every text may read differently.
        let mut other = file;
        other.generic.push("livre".into());
        assert!(shipped.change_to(&Vocabulary::compile(other).expect("compiles")).is_none());
    }

    #[test]
    fn explanations_quote_the_participants_words() {
        let vocabulary = Vocabulary::shipped();
        let (_, named) = vocabulary.concepts_and_terms(&vocabulary.analyse("Pas d'Agenda Cachés!"));
        assert!(named.iter().any(|(_, quote)| quote == "Agenda Cachés"), "{named:?}");
    }
}
