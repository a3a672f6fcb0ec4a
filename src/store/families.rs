//! The default families, from `assets/families.ron` (compiled in, so that the binary
//! works from any folder).

use crate::domain::Family;

/// The text of `assets/families.ron` as shipped.
pub const FAMILIES_RON: &str = include_str!("../../assets/families.ron");

/// The three families of the CDC de Laval document.
pub fn default_families() -> Vec<Family> {
    // The asset is checked by a test; an invalid edit shows up there, not at run time.
    ron::from_str(FAMILIES_RON).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_families_parse() {
        let families: Vec<Family> = ron::from_str(FAMILIES_RON).expect("assets/families.ron parses");
        assert_eq!(families.len(), 3);
        assert_eq!(families.iter().map(|f| f.number).collect::<Vec<_>>(), vec![1, 2, 3]);
        assert!(families.iter().all(|f| !f.conditions.is_empty()));
    }
}
