//! Analysis of French proposals into comparable tokens: case and accent folding,
//! apostrophe variants, elisions (`l'`, `d'`, `qu'`…), hyphenated and inclusive forms
//! (`co-construction`, `intervenant-es`), punctuation and emoji, stopwords that keep
//! negation (`pas`, `ne`, `sans`, `aucun` change meaning), the sector's abbreviations
//! (expanded before stemming) and the Snowball French stemmer.
//!
//! Everything here is a pure function of the text: the same text always gives the
//! same tokens, whatever else is in the session.

use std::collections::HashMap;

use frostem::{Algorithm, Stemmer};

mod forms;

/// Words that carry negation: never dropped as stopwords.
pub const NEGATIONS: &[&str] =
    &["ne", "pas", "sans", "aucun", "aucune", "jamais", "rien", "ni", "non", "nul", "nulle"];

/// French function words (folded), dropped before comparison. Negations are not here.
const STOPWORDS: &[&str] = &[
    "a", "ai", "aie", "aient", "ait", "alors", "as", "au", "aucuns", "aussi", "autre", "autres", "aux",
    "avec", "avoir", "avons", "ayant", "bien", "c", "ca", "car", "ce", "ceci", "cela", "celle", "celles",
    "celui", "ces", "cet", "cette", "ceux", "chacun", "chacune", "chaque", "chez", "ci", "comme", "d",
    "dans", "de", "des", "deja", "donc", "dont", "du", "elle", "elles", "en", "encore", "es", "est", "et",
    "etaient", "etait", "etant", "ete", "etre", "eu", "eux", "fait", "faire", "fais", "font", "il", "ils",
    "j", "je", "l", "la", "le", "les", "leur", "leurs", "lui", "m", "ma", "mais", "me", "meme", "memes",
    "mes", "moi", "mon", "n", "nos", "notre", "nous", "on", "ont", "ou", "par", "peu", "peut", "peuvent",
    "plus", "pour", "qu", "quand", "que", "quel", "quelle", "quelles", "quels", "qui", "s", "sa", "se",
    "ses", "si", "soi", "soient", "soit", "son", "sont", "sous", "sur", "t", "ta", "te", "tes", "toi", "ton",
    "tous", "tout", "toute", "toutes", "tres", "tu", "un", "une", "unes", "uns", "vers", "via", "vos",
    "votre", "vous", "y", "etc", "afin", "lors", "entre", "the", "and", "of", "to", "for", "in", "is", "are",
    "be", "with", "our", "we", "it", "that", "this", "an", "or", "on", "by", "as",
];

/// Elided prefixes (folded) that are cut off a word: `l'`, `d'`, `qu'`, `jusqu'`…
const ELISIONS: &[&str] =
    &["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"];

/// Prefixes that are glued to the word they hyphenate (`co-construction`).
const GLUED_PREFIXES: &[&str] =
    &["co", "re", "pre", "auto", "inter", "multi", "pluri", "intra", "extra", "anti", "post", "semi"];

/// Endings of inclusive writing that are dropped (`intervenant-es`, `usager·ères`).
const INCLUSIVE_ENDINGS: &[&str] = &[
    "e", "es", "s", "ere", "eres", "ice", "ices", "rice", "rices", "trice", "trices", "euse", "euses", "ne",
    "nes", "le", "les", "x",
];

/// Folds a text for comparison: lower case, no accents or combining marks, `œ` → `oe`,
/// every apostrophe variant → `'`, every other non-alphanumeric character → space
/// except `-`, `'` and `·` inside words. Emoji and control characters disappear.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::text::strip_accents(text).chars() {
        match c {
            '\'' | '’' | '‘' | '`' | '´' | 'ʼ' | '′' | 'ʻ' => out.push('\''),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            '-' | '‐' | '‑' | '–' => out.push('-'),
            '·' | '•' => out.push('·'),
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => out.push(' '),
        }
    }
    out
}

/// One word of a proposal, in its original case (for abbreviations) and folded.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Word {
    original: String,
    folded: String,
}

/// Splits a text into words, keeping each word's original spelling (for the case of
/// abbreviations like `CA`, which must not be confused with `ça`). Elisions are cut,
/// `n'` becomes `ne`, glued prefixes are joined, inclusive endings are dropped.
fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for raw in text.split(|c: char| !(c.is_alphanumeric() || is_joiner(c))) {
        let raw = raw.trim_matches(is_joiner);
        if raw.is_empty() {
            continue;
        }
        // Elisions and apostrophes inside the word.
        let mut parts: Vec<&str> = raw.split(is_apostrophe).filter(|p| !p.is_empty()).collect();
        while parts.len() > 1 {
            let head = fold(parts[0]);
            if ELISIONS.contains(&head.as_str()) {
                if head == "n" {
                    out.push(Word { original: "ne".into(), folded: "ne".into() });
                }
                parts.remove(0);
            } else {
                break;
            }
        }
        // `aujourd'hui` and other kept apostrophes: join what is left.
        let word = parts.join("");
        push_hyphenated(&word, &mut out);
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | '´' | 'ʼ' | '′' | 'ʻ')
}

fn is_joiner(c: char) -> bool {
    is_apostrophe(c) || matches!(c, '-' | '‐' | '‑' | '·' | '•')
}

/// Splits `a-b-c` into words, joining glued prefixes and dropping inclusive endings.
fn push_hyphenated(word: &str, out: &mut Vec<Word>) {
    let pieces: Vec<&str> = word.split(['-', '‐', '‑', '·', '•']).filter(|p| !p.is_empty()).collect();
    // `bien-être`, `peut-être`, `vis-à-vis`: a compound with a function word is one word.
    if pieces.len() > 1 && pieces.iter().any(|p| is_stopword(&fold(p))) {
        let original: String = pieces.concat();
        out.push(Word { folded: fold(&original), original });
        return;
    }
    let mut pending: Option<String> = None;
    for (index, piece) in pieces.iter().enumerate() {
        let folded = fold(piece);
        if index > 0 && INCLUSIVE_ENDINGS.contains(&folded.as_str()) {
            continue;
        }
        let mut original = piece.to_string();
        if let Some(prefix) = pending.take() {
            original = format!("{prefix}{original}");
        }
        let folded_whole = fold(&original);
        if index + 1 < pieces.len() && GLUED_PREFIXES.contains(&folded_whole.as_str()) {
            pending = Some(original);
            continue;
        }
        out.push(Word { folded: folded_whole, original });
    }
    if let Some(prefix) = pending {
        out.push(Word { folded: fold(&prefix), original: prefix });
    }
}

/// Is this folded word a stopword (never a negation)?
pub fn is_stopword(folded: &str) -> bool {
    STOPWORDS.contains(&folded)
}

/// The written word a spoken one stands for (« pis » → « et », « pu » → « ne »), or
/// the word itself.
fn written_form(folded: &str) -> &str {
    forms::SPOKEN.iter().find(|(spoken, _)| *spoken == folded).map_or(folded, |(_, written)| written)
}

/// Is this folded word a negation?
pub fn is_negation(folded: &str) -> bool {
    NEGATIONS.contains(&folded)
}

/// Turns text into stems: abbreviations expanded, stopwords dropped (negations kept),
/// every remaining word folded and stemmed. Holds the stemmer and the abbreviations.
#[derive(Clone)]
pub struct Analyzer {
    stemmer: Stemmer,
    /// Abbreviation (as written, upper case) → its expansion, already analysed.
    abbreviations: HashMap<String, Vec<String>>,
    /// Abbreviations also recognised in lower case (`oc`, `psoc`); folded.
    lowercase_abbreviations: HashMap<String, Vec<String>>,
    /// Folded word beginnings whose words get a stem of their own, where the stemmer
    /// would join different words (« communications » and « commun »), longest first.
    distinct_stems: Vec<(String, String)>,
    /// Stems of irregular verb forms → the stem of their infinitive (« pris » →
    /// « prendre »), see [`forms::VERB_FORMS`].
    lemmas: HashMap<String, String>,
}

/// One content word of a text: its stem and the word as the participant wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub stem: String,
    pub written: String,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer").field("abbreviations", &self.abbreviations.len()).finish()
    }
}

impl Analyzer {
    /// An analyzer with these abbreviations: `(short form, expansion, also in lower case)`,
    /// and these stemmer guards: `(folded word beginning, stem)`.
    pub fn new(abbreviations: &[(String, String, bool)], distinct_stems: &[(String, String)]) -> Analyzer {
        let mut distinct_stems: Vec<(String, String)> =
            distinct_stems.iter().map(|(prefix, stem)| (fold(prefix), fold(stem))).collect();
        distinct_stems.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let stemmer = Stemmer::new(Algorithm::French);
        let mut lemmas = HashMap::new();
        for (lemma, verb_forms) in forms::VERB_FORMS {
            let target = stemmer.stem(lemma).into_owned();
            for form in *verb_forms {
                let stem = stemmer.stem(form).into_owned();
                if stem != target {
                    lemmas.insert(stem, target.clone());
                }
            }
        }
        let mut analyzer = Analyzer {
            stemmer,
            abbreviations: HashMap::new(),
            lowercase_abbreviations: HashMap::new(),
            distinct_stems,
            lemmas,
        };
        for (short, long, lowercase) in abbreviations {
            let expansion = analyzer.stems(long);
            analyzer.abbreviations.insert(short.to_uppercase(), expansion.clone());
            if *lowercase {
                analyzer.lowercase_abbreviations.insert(fold(short), expansion);
            }
        }
        analyzer
    }

    /// Stem of one folded word (a guarded word gets its own stem).
    pub fn stem(&self, folded: &str) -> String {
        if let Some((_, stem)) =
            self.distinct_stems.iter().find(|(prefix, _)| folded.starts_with(prefix.as_str()))
        {
            return stem.clone();
        }
        let stem = self.stemmer.stem(folded);
        match self.lemmas.get(stem.as_ref()) {
            Some(lemma) => lemma.clone(),
            None => stem.into_owned(),
        }
    }

    /// The content stems of a text, in order, negations included.
    pub fn stems(&self, text: &str) -> Vec<String> {
        self.tokens(text).into_iter().map(|t| t.stem).collect()
    }

    /// The content words of a text with their stems, in order, negations included:
    /// abbreviations expanded (each stem of the expansion keeps the abbreviation as its
    /// written word), stopwords dropped, « personne ne … » and « ne … personne » read as
    /// the negation « aucun » rather than as people.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let mut out: Vec<Token> = Vec::new();
        // Money signs are words on a flipchart (« $$ » = money).
        let text = if text.contains(['$', '€']) {
            text.replace(['$', '€'], " argent ")
        } else {
            text.to_string()
        };
        let words = words(&text);
        for (index, word) in words.iter().enumerate() {
            let upper_abbrev = word.original.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && word.original.chars().all(|c| !c.is_lowercase());
            let plural_stripped = word.original.strip_suffix(['s', 'S']).unwrap_or(&word.original);
            if upper_abbrev || word.original.ends_with('s') {
                let key_exact = word.original.to_uppercase();
                let key_plural = plural_stripped.to_uppercase();
                let upper_match = if upper_abbrev {
                    self.abbreviations.get(&key_exact)
                } else if plural_stripped.chars().all(|c| !c.is_lowercase()) && plural_stripped.len() >= 2 {
                    // `OCs`: an upper-case abbreviation with a plural s.
                    self.abbreviations.get(&key_plural)
                } else {
                    None
                };
                if let Some(expansion) = upper_match {
                    out.extend(
                        expansion
                            .iter()
                            .map(|stem| Token { stem: stem.clone(), written: word.original.clone() }),
                    );
                    continue;
                }
            }
            if let Some(expansion) = self
                .lowercase_abbreviations
                .get(&word.folded)
                .or_else(|| word.folded.strip_suffix('s').and_then(|w| self.lowercase_abbreviations.get(w)))
            {
                out.extend(
                    expansion.iter().map(|stem| Token { stem: stem.clone(), written: word.original.clone() }),
                );
                continue;
            }
            let folded = written_form(&word.folded);
            if folded == "personne" && negated_person(&words, index) {
                out.push(Token { stem: "aucun".into(), written: word.original.clone() });
                continue;
            }
            if is_stopword(folded) || forms::COMPLAINT_WORDS.contains(&folded) {
                continue;
            }
            if folded.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            if folded.chars().count() < 2 && !is_negation(folded) {
                continue;
            }
            let stem = if is_negation(folded) { folded.to_string() } else { self.stem(folded) };
            out.push(Token { stem, written: word.original.clone() });
        }
        out
    }
}

/// Is the word « personne » at `index` the pronoun of a negation (« personne ne
/// vient », « on n'écoute personne ») rather than a person?
fn negated_person(words: &[Word], index: usize) -> bool {
    let next_is_ne = words.get(index + 1).is_some_and(|w| w.folded == "ne");
    let ne_before = words[index.saturating_sub(3)..index].iter().any(|w| w.folded == "ne");
    next_is_ne || ne_before
}

/// The key under which exact duplicates are merged: the folded words, single-spaced,
/// without punctuation or emoji (`PAS D'AGENDA CACHÉ!!` = `pas d'agenda caché`).
pub fn duplicate_key(text: &str) -> String {
    let folded = fold(text);
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyzer() -> Analyzer {
        Analyzer::new(
            &[
                ("CA".into(), "conseil d'administration".into(), false),
                ("OC".into(), "organisme communautaire".into(), true),
            ],
            &[("communica".into(), "communiqu".into()), ("communiqu".into(), "communiqu".into())],
        )
    }

    #[test]
    fn negations_are_not_people_and_guarded_words_keep_their_own_stem() {
        let a = analyzer();
        assert_eq!(a.stems("Personne ne nous écoute"), a.stems("aucun ne nous écoute"));
        assert_eq!(a.stems("on n'écoute personne"), a.stems("on ne écoute aucun"));
        assert_ne!(a.stems("une personne ressource"), a.stems("aucun ressource"));
        for negated in ["on ne se parle plus", "jamais consultés", "aucune écoute", "rien ne bouge"] {
            assert!(a.stems(negated).iter().any(|s| is_negation(s)), "{negated}");
        }
        assert_ne!(a.stems("les communications"), a.stems("le commun"));
        assert_eq!(a.stems("communiquer"), a.stems("communications"));
        let tokens = a.tokens("notre CA décide");
        assert!(tokens.iter().all(|t| t.written == "CA" || t.written == "décide"));
    }

    #[test]
    fn irregular_verbs_spoken_words_and_complaints() {
        let a = analyzer();
        assert_eq!(a.stems("ils connaissent"), a.stems("connaître"));
        assert_eq!(a.stems("pris en compte"), a.stems("prendre en compte"));
        assert_eq!(a.stems("le CISSS tient compte"), a.stems("le CISSS tenir compte"));
        assert_eq!(a.stems("checker avec le patron"), a.stems("vérifier avec le patron"));
        assert_eq!(a.stems("tanné des délais"), a.stems("des délais"));
        assert!(a.stems("ça marche pu").iter().any(|s| is_negation(s)));
        assert_eq!(a.stems("respect pis écoute"), a.stems("respect et écoute"));
    }

    #[test]
    fn folding_removes_accents_and_case() {
        assert_eq!(fold("ÉCOUTE Mutuelle œuvre"), "ecoute mutuelle oeuvre");
        assert_eq!(fold("l’équipe"), "l'equipe");
    }

    #[test]
    fn elisions_and_negation() {
        let a = analyzer();
        assert_eq!(a.stems("l'écoute"), a.stems("écoute"));
        assert!(a.stems("n'impose pas").contains(&"ne".to_string()));
        assert!(a.stems("sans agenda").contains(&"sans".to_string()));
    }

    #[test]
    fn abbreviations_respect_case() {
        let a = analyzer();
        assert_eq!(a.stems("notre CA"), a.stems("notre conseil d'administration"));
        assert_ne!(a.stems("ça marche"), a.stems("CA marche"));
        assert_eq!(a.stems("les OCs"), a.stems("les organisme communautaire"));
        assert_eq!(a.stems("3 oc"), a.stems("organisme communautaire"));
    }

    #[test]
    fn hyphens_and_inclusive_writing() {
        let a = analyzer();
        assert_eq!(a.stems("co-construction"), a.stems("coconstruction"));
        assert_eq!(a.stems("intervenant-es"), a.stems("intervenant"));
        assert_eq!(a.stems("usager·ères"), a.stems("usager"));
    }

    #[test]
    fn emoji_and_controls_are_dropped() {
        let a = analyzer();
        assert!(a.stems("🎉🎉 \u{7}").is_empty());
        assert_eq!(duplicate_key("PAS D'AGENDA CACHÉ!!"), duplicate_key("pas d’agenda caché"));
    }
}
