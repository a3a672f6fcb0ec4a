//! The document synthèse as Markdown (CommonMark): every text escaped, so that what a
//! table said (`*x*`, `<b>`, `[l](u)`) prints as it was said and never as markup.

use std::fmt::Write as _;

use super::Variant;
use super::report::Report;
use crate::i18n::export as text;

/// The Markdown document.
pub fn to_markdown(report: &Report) -> String {
    let lang = report.lang;
    let mut out = String::new();
    let _ = writeln!(out, "# {}", escape(&report.title));
    if report.variant == Variant::Travail {
        let _ = writeln!(out, "\n**{}**", escape(text::WORKING_COPY.get(lang)));
    }
    if !report.subtitle.is_empty() {
        let _ = writeln!(out, "\n*{}*", escape(&report.subtitle));
    }
    if !report.intro.is_empty() {
        let _ = writeln!(out, "\n{}", escape(&report.intro));
    }
    for occasion in &report.occasions {
        let _ = writeln!(out, "\n{}", escape(occasion));
    }
    let _ = writeln!(out, "\n{}  \n{}", escape(&report.counts), escape(&report.summary));
    if !report.notices.is_empty() {
        let _ = writeln!(out, "\n**{}**\n", escape(text::NOTICES.get(lang)));
        for notice in &report.notices {
            let _ = writeln!(out, "- {}", escape(notice));
        }
    }
    let _ = writeln!(out, "\n**{}**\n", escape(text::LEGEND.get(lang)));
    for (symbol, meaning) in &report.legend {
        let _ = writeln!(out, "- {} — {}", escape(symbol), escape(meaning));
    }
    for family in &report.families {
        let _ = writeln!(out, "\n## {}", escape_inline(&family.heading));
        if !family.description.is_empty() {
            let _ = writeln!(out, "\n*{}*", escape(&family.description));
        }
        let _ = writeln!(out, "\n### {}\n", escape(text::CONDITIONS.get(lang)));
        if family.conditions.is_empty() {
            let _ = writeln!(out, "{}", escape(text::NONE.get(lang)));
        }
        for c in &family.conditions {
            let mut line = format!("- ✓ **{}** — {}", escape(&c.wording), escape(&c.tables));
            if let Some(votes) = report.votes(c.votes) {
                let _ = write!(line, " · {}", escape(&votes));
            }
            if c.to_validate {
                let _ = write!(line, " · ({})", escape(text::TO_VALIDATE.get(lang)));
            }
            let _ = writeln!(out, "{line}");
            for (origin, words) in &c.sources {
                let _ = writeln!(out, "    - ↳ {} ({})", escape(words), escape(origin));
            }
        }
        if !family.astuces.is_empty() {
            let _ = writeln!(out, "\n### {}\n", escape(text::ASTUCES.get(lang)));
            for a in &family.astuces {
                let _ = writeln!(out, "- {} — {}", escape(&a.wordings[0]), escape(&a.tables));
                for other in &a.wordings[1..] {
                    let _ = writeln!(out, "    - {}", escape(other));
                }
            }
        }
        if !family.temoignages.is_empty() {
            let _ = writeln!(out, "\n### {}\n", escape(text::TEMOIGNAGES.get(lang)));
            for quote in &family.temoignages {
                let lines: Vec<String> = quote.text.lines().map(escape).collect();
                let _ = writeln!(out, "> « {} »\n>\n> — {}\n", lines.join("  \n> "), escape(&quote.from));
            }
        }
    }
    let _ = writeln!(out, "\n## {}\n", escape(text::RECAP.get(lang)));
    for (heading, wordings) in report.recap() {
        let _ = writeln!(out, "**{}**\n", escape_inline(heading));
        for wording in wordings {
            let _ = writeln!(out, "- ✓ {}", escape(wording));
        }
        out.push('\n');
    }
    if !report.left_out.is_empty() {
        let _ = writeln!(out, "## {}\n", escape(text::LEFT_OUT.get(lang)));
        for wording in &report.left_out {
            let _ = writeln!(out, "- {}", escape(wording));
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Text inside a line (a heading, a list item): inline markup escaped as in [`escape`],
/// block markers left alone, since the line already started.
///
/// Only what could start markup is escaped, so the file stays readable as plain text:
/// `!` never needs it (an image needs `![`, and `[` is escaped), nor `>` inside a line,
/// nor `&` unless an entity could follow (`&amp;`, `&#38;`).
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let entity = c == '&' && chars.peek().is_some_and(|next| next.is_alphanumeric() || *next == '#');
        if entity || matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text that Markdown prints as it is: inline markup characters are backslash-escaped
/// everywhere (CommonMark allows a backslash before any ASCII punctuation), and what
/// would start a block (`-`, `+`, `#`, `>`, `1.`) only at the start.
pub fn escape(text: &str) -> String {
    let body = text.trim_start();
    let mut out = text[..text.len() - body.len()].to_string();
    let digits = body.chars().take_while(char::is_ascii_digit).count();
    let marker = body.chars().nth(digits);
    let list_number = digits > 0 && matches!(marker, Some('.' | ')'));
    let block = digits == 0 && matches!(marker, Some('-' | '+' | '#' | '=' | '>'));
    if list_number {
        out.push_str(&body[..digits]);
        out.push('\\');
        out.push_str(&escape_inline(&body[digits..]));
    } else {
        if block {
            out.push('\\');
        }
        out.push_str(&escape_inline(body));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape("*x* <b> [l](u)"), r"\*x\* \<b> \[l\](u)");
        assert_eq!(escape("- 1. c'est-à-dire"), r"\- 1. c'est-à-dire");
        assert_eq!(escape("12. x"), r"12\. x");
        assert_eq!(escape("l'écoute, 50 %"), "l'écoute, 50 %");
        assert_eq!(
            escape("Moins de paperasse!! Santé & services > tout"),
            "Moins de paperasse!! Santé & services > tout"
        );
        assert_eq!(escape("> cité ![i](u) &amp;"), r"\> cité !\[i\](u) \&amp;");
    }

    /// The text a CommonMark (and GitHub) renderer shows for a Markdown paragraph.
    fn rendered(markdown: &str) -> String {
        use pulldown_cmark::{Event, Options, Parser};
        let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
        Parser::new_ext(markdown, options)
            .filter_map(|event| match event {
                Event::Text(t) | Event::Code(t) => Some(t.to_string()),
                Event::Html(t) | Event::InlineHtml(t) => Some(format!("<html:{t}>")),
                Event::Start(tag) if !matches!(tag, pulldown_cmark::Tag::Paragraph) => {
                    Some(format!("<{tag:?}>"))
                }
                _ => None,
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn what_a_table_typed_renders_as_typed(text in "[a-zé«» *_`\\[\\]<>!&;#|~=+.()0-9-]{1,24}") {
            let text = text.trim();
            proptest::prop_assume!(!text.is_empty());
            proptest::prop_assert_eq!(rendered(&escape(text)), text);
        }
    }
}
