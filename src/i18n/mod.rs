//! Every user-facing string, in French (first) and English, in one place. Each area has
//! its own file; a string is a [`Text`] constant or a function of [`Lang`] when it has
//! values to fill in.

pub mod cards;
pub mod cli;
pub mod errors;
pub mod export;
pub mod harvest;
pub mod plan;
pub mod review;
pub mod serve;
pub mod session;
pub mod synth;
pub mod tui;
pub mod vote;

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// `fr`/`en` (also `fr_CA.UTF-8`, `en-US`…) → a language.
    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        if code.starts_with("fr") {
            Some(Lang::Fr)
        } else if code.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language asked for with `--lang`, else the locale (`LC_ALL`, `LC_MESSAGES`,
    /// `LANGUAGE` — a list like `fr:en` —, `LANG`), else the system's (`sys-locale`:
    /// Windows and macOS settings), else French. A locale in another language (`C`,
    /// `de_DE`) is passed over.
    pub fn detect(explicit: Option<&str>) -> Lang {
        let from_env = ["LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"]
            .into_iter()
            .filter_map(|var| std::env::var(var).ok())
            .flat_map(|value| value.split(':').map(str::to_string).collect::<Vec<_>>());
        explicit
            .into_iter()
            .map(str::to_string)
            .chain(from_env)
            .chain(sys_locale::get_locales())
            .find_map(|code| Lang::parse(&code))
            .unwrap_or(Lang::Fr)
    }

    /// The `--lang` value given on a command line, if any (`--lang en`, `--lang=en`).
    pub fn from_args<S: AsRef<str>>(args: &[S]) -> Option<String> {
        let mut iter = args.iter().map(AsRef::as_ref);
        while let Some(arg) = iter.next() {
            if arg == "--lang" {
                return iter.next().map(str::to_string);
            }
            if let Some(value) = arg.strip_prefix("--lang=") {
                return Some(value.to_string());
            }
        }
        None
    }

    pub fn is_english(self) -> bool {
        self == Lang::En
    }
}

/// A fixed string in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Text {
    pub fr: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn new(fr: &'static str, en: &'static str) -> Text {
        Text { fr, en }
    }

    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }
}

/// Of a text filled in twice, once per language, the one in `lang`.
pub fn pick(lang: Lang, fr: String, en: String) -> String {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// Whether `n` things take the plural in `lang`: French counts 0 and 1 as singular
/// (`0 table`), English only 1 (`0 tables`).
pub fn is_plural(lang: Lang, n: usize) -> bool {
    match lang {
        Lang::Fr => n > 1,
        Lang::En => n != 1,
    }
}

/// The `s` of a regular plural in `lang`: `""` or `"s"`.
pub fn plural_s(lang: Lang, n: usize) -> &'static str {
    if is_plural(lang, n) { "s" } else { "" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_each_language() {
        let tables = |lang, n| format!("{n} table{}", plural_s(lang, n));
        assert_eq!(
            [tables(Lang::Fr, 0), tables(Lang::Fr, 1), tables(Lang::Fr, 2)],
            ["0 table", "1 table", "2 tables"]
        );
        assert_eq!(
            [tables(Lang::En, 0), tables(Lang::En, 1), tables(Lang::En, 2)],
            ["0 tables", "1 table", "2 tables"]
        );
    }

    #[test]
    fn lang_parsing() {
        assert_eq!(Lang::parse("fr_CA.UTF-8"), Some(Lang::Fr));
        assert_eq!(Lang::parse("en-US"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::from_args(&["cafe", "--lang", "en"]), Some("en".into()));
        assert_eq!(Lang::from_args(&["cafe", "--lang=fr"]), Some("fr".into()));
    }
}
