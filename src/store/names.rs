//! File names made from session titles: no path separators, no `..`, no control
//! characters; accents are folded to ASCII so that names look the same everywhere.

/// Longest file stem produced, in characters.
const MAX_STEM: usize = 60;

/// A safe file stem for a title: `Café du savoir — 14 nov.` → `cafe-du-savoir-14-nov`.
/// Never empty (falls back to `session`), never starts with a dot.
pub fn safe_file_name(title: &str) -> String {
    let mut stem = String::new();
    let mut pending_dash = false;
    for c in crate::text::strip_accents(title).chars() {
        let c = match c {
            'œ' | 'Œ' => "oe".to_string(),
            'æ' | 'Æ' => "ae".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase().to_string(),
            _ => {
                pending_dash = !stem.is_empty();
                continue;
            }
        };
        if pending_dash {
            stem.push('-');
            pending_dash = false;
        }
        stem.push_str(&c);
        if stem.chars().count() >= MAX_STEM {
            break;
        }
    }
    let stem: String = stem.chars().take(MAX_STEM).collect();
    let stem = stem.trim_matches('-').to_string();
    if stem.is_empty() {
        "session".to_string()
    } else if is_reserved(&stem) {
        format!("{stem}-session")
    } else {
        stem
    }
}

/// Names that Windows refuses for a file whatever the extension (`con.ron`, `lpt1.ron`),
/// so that a session folder can be copied to any machine.
fn is_reserved(stem: &str) -> bool {
    matches!(stem, "con" | "prn" | "aux" | "nul")
        || ((stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit())
}

/// The session file for `title` in `dir`: `dir/<safe name>.ron`.
pub fn session_path_for(dir: &std::path::Path, title: &str) -> std::path::PathBuf {
    dir.join(format!("{}.ron", safe_file_name(title)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe() {
        assert_eq!(safe_file_name("Café du savoir — 14 nov."), "cafe-du-savoir-14-nov");
        assert_eq!(safe_file_name("../../etc/passwd"), "etc-passwd");
        assert_eq!(safe_file_name("a/b\\c\u{0}d"), "a-b-c-d");
        assert_eq!(safe_file_name("..."), "session");
        assert_eq!(safe_file_name(""), "session");
        assert_eq!(safe_file_name("Cœur"), "coeur");
        assert!(safe_file_name(&"é".repeat(500)).len() <= MAX_STEM);
        assert_eq!(safe_file_name("CON"), "con-session");
        assert_eq!(safe_file_name("lpt1"), "lpt1-session");
        assert_eq!(safe_file_name("console"), "console");
    }
}
