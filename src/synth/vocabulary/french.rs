//! The French word list that guards the typo corrector: the stems of French words
//! (`assets/french-stems.txt.deflate`, derived from the Dicollecte French Hunspell
//! dictionary, MPL-2.0, see `assets/french-stems.LICENSE.md`), unpacked on first use
//! and searched by bisection. Also the words the shipped vocabulary writes with an
//! accent inside them, to tell a word typed without its accents (« egal »,
//! « dedoublement »).

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::synth::normalize::fold;

/// The words (folded, four letters or more) the shipped vocabulary writes with an accent
/// that is not only a final « é » (« égal », « dédoublement », « prévoir », but not
/// « engagé », whose unaccented « engage » is a word too).
static ACCENTED_INSIDE: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    let mut words = FxHashSet::default();
    let Ok(file) = ron::from_str::<super::VocabularyFile>(super::VOCABULARY_RON) else { return words };
    for concept in &file.concepts {
        for term in concept.terms.iter().chain(&concept.weak) {
            for word in term.split(|c: char| !c.is_alphabetic()) {
                let word = word.to_lowercase();
                let inside = word.trim_end_matches(['é', 'e', 's']);
                if word.chars().count() >= 4 && !inside.is_ascii() {
                    words.insert(fold(&word));
                }
            }
        }
    }
    words
});

/// Is this word (as written) one the vocabulary writes with accents, typed without them?
pub fn lacks_accents(word: &str) -> bool {
    word.chars().count() >= 4 && word.is_ascii() && ACCENTED_INSIDE.contains(&word.to_lowercase())
}

/// The stems of French words that the typo corrector could touch (deflate-compressed,
/// one per line, sorted).
const FRENCH_STEMS_DEFLATE: &[u8] = include_bytes!("../../../assets/french-stems.txt.deflate");

/// The French stems, unpacked on first use (empty if the asset were broken: the
/// corrector then only relies on its length limit).
pub(super) static FRENCH_STEMS: LazyLock<SortedLines> = LazyLock::new(|| {
    miniz_oxide::inflate::decompress_to_vec(FRENCH_STEMS_DEFLATE)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .map(SortedLines::new)
        .unwrap_or_default()
});

/// Is this stem the stem of a French word (of the corrector's lengths)?
pub fn is_french_stem(stem: &str) -> bool {
    FRENCH_STEMS.contains(stem)
}

/// The lines of a text, sorted, searched by bisection: unpacking the list is a few
/// milliseconds, where hashing its 80,000 words into a set took ten times as long at
/// the start of every run.
#[derive(Debug, Default)]
pub(super) struct SortedLines {
    text: String,
    /// Where each line starts and ends in `text`, in the lines' order.
    lines: Vec<(u32, u32)>,
}

impl SortedLines {
    fn new(text: String) -> SortedLines {
        let mut lines = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            if !content.is_empty() {
                lines.push((start as u32, (start + content.len()) as u32));
            }
            start += line.len();
        }
        let mut sorted = SortedLines { text, lines };
        // The asset is sorted; a list that were not would still be searched right.
        if !sorted.lines.windows(2).all(|w| sorted.line(w[0]) <= sorted.line(w[1])) {
            let mut lines = std::mem::take(&mut sorted.lines);
            lines.sort_by(|a, b| sorted.line(*a).cmp(sorted.line(*b)));
            sorted.lines = lines;
        }
        sorted
    }

    fn line(&self, (start, end): (u32, u32)) -> &str {
        self.text.get(start as usize..end as usize).unwrap_or_default()
    }

    fn contains(&self, wanted: &str) -> bool {
        self.lines.binary_search_by(|range| self.line(*range).cmp(wanted)).is_ok()
    }

    #[cfg(test)]
    pub(super) fn iter(&self) -> impl Iterator<Item = &str> {
        self.lines.iter().map(|range| self.line(*range))
    }
}
