//! Text helpers every layer may use: the crate's one accent folding.
//!
//! Imports nothing of the crate, so that `domain`, `synth`, `plan`, `store` and the app
//! can all depend on it.

use unicode_normalization::UnicodeNormalization;

/// The text without its accents and other combining marks (`Hôte été` → `Hote ete`),
/// case and everything else kept. Every comparison that must not care about accents
/// goes through here.
pub fn strip_accents(text: &str) -> String {
    text.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_go_case_and_signs_stay() {
        assert_eq!(strip_accents("Hôte de la Table n°3 — Ça"), "Hote de la Table n°3 — Ca");
        assert_eq!(strip_accents("œuvre"), "œuvre");
    }
}
