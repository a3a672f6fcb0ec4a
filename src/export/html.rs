//! The document synthèse as one self-contained web page: no external asset (styles
//! inline, system fonts), a print stylesheet (A4 margins, families kept together where
//! possible, the recap on its own page), so that « print to PDF » from any browser gives
//! a clean document. Every text is HTML-escaped (`html-escape`: `& < >`, all
//! texts are element content).

use std::fmt::Write as _;

use html_escape::encode_text as escape;

use super::Variant;
use super::report::Report;
use crate::i18n::export as text;

const STYLE: &str = r#"
:root { --accent: #1d5c63; --muted: #5b6770; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1b1b;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { color: var(--accent); font-size: 1.9rem; margin-bottom: .2rem; }
h2 { color: var(--accent); border-bottom: 2px solid var(--accent); padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin-bottom: .4rem; }
.working { display: inline-block; background: #fff3cd; border: 1px solid #e0c36a; padding: .1rem .5rem; }
.meta, .description, .tables, .from, .legend { color: var(--muted); }
.description { font-style: italic; }
ul.conditions, ul.recap { list-style: none; padding-left: 0; }
ul.conditions > li, ul.recap > li { padding-left: 1.5rem; text-indent: -1.5rem; margin: .35rem 0; }
ul.conditions > li::before, ul.recap > li::before { content: "✓"; color: var(--accent); font-weight: bold;
       display: inline-block; width: 1.5rem; text-indent: 0; }
.wording { font-weight: 600; }
.to-validate { background: #fff3cd; padding: 0 .3rem; }
ul.sources { margin: .2rem 0 .4rem 0; font-size: .9rem; color: var(--muted); text-indent: 0; }
blockquote { margin: .8rem 0; padding: .4rem 1rem; border-left: 4px solid var(--accent); background: #f4f7f7; }
blockquote p { margin: 0; white-space: pre-line; }
.notice { border: 1px solid #e0c36a; background: #fff8e1; padding: .5rem 1rem; }
dl.legend { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
dl.legend dt { font-weight: 600; } dl.legend dd { margin: 0; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  li, blockquote { break-inside: avoid; }
  section.recap { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// The start of a self-contained page in `lang`: its head with `title` (escaped here)
/// and the inline `style`, up to the opened `<body>`.
pub fn document_start(lang: crate::i18n::Lang, title: &str, style: &str) -> String {
    let code = if lang.is_english() { "en" } else { "fr" };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{style}</style>\n</head>\n<body>\n",
        escape(title)
    )
}

/// The HTML document.
pub fn to_html(report: &Report) -> String {
    let lang = report.lang;
    let mut out = document_start(lang, &report.title, STYLE);
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", escape(&report.title));
    if report.variant == Variant::Travail {
        let _ = writeln!(out, "<p class=\"working\">{}</p>", escape(text::WORKING_COPY.get(lang)));
    }
    if !report.subtitle.is_empty() {
        let _ = writeln!(out, "<p class=\"meta\"><em>{}</em></p>", escape(&report.subtitle));
    }
    if !report.intro.is_empty() {
        let _ = writeln!(out, "<p class=\"intro\">{}</p>", escape(&report.intro));
    }
    for occasion in &report.occasions {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(occasion));
    }
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}<br>{}</p>\n</header>",
        escape(&report.counts),
        escape(&report.summary)
    );
    if !report.notices.is_empty() {
        let _ =
            writeln!(out, "<div class=\"notice\"><strong>{}</strong><ul>", escape(text::NOTICES.get(lang)));
        for notice in &report.notices {
            let _ = writeln!(out, "<li>{}</li>", escape(notice));
        }
        let _ = writeln!(out, "</ul></div>");
    }
    let _ = writeln!(
        out,
        "<section class=\"legend\">\n<h3>{}</h3>\n<dl class=\"legend\">",
        escape(text::LEGEND.get(lang))
    );
    for (symbol, meaning) in &report.legend {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", escape(symbol), escape(meaning));
    }
    let _ = writeln!(out, "</dl>\n</section>");
    for family in &report.families {
        let _ = writeln!(out, "<section class=\"family\">\n<h2>{}</h2>", escape(&family.heading));
        if !family.description.is_empty() {
            let _ = writeln!(out, "<p class=\"description\">{}</p>", escape(&family.description));
        }
        let _ = writeln!(out, "<h3>{}</h3>", escape(text::CONDITIONS.get(lang)));
        if family.conditions.is_empty() {
            let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape(text::NONE.get(lang)));
        } else {
            let _ = writeln!(out, "<ul class=\"conditions\">");
            for c in &family.conditions {
                let _ = write!(
                    out,
                    "<li><span class=\"wording\">{}</span> <span class=\"tables\">— {}",
                    escape(&c.wording),
                    escape(&c.tables)
                );
                if let Some(votes) = report.votes(c.votes) {
                    let _ = write!(out, " · {}", escape(&votes));
                }
                out.push_str("</span>");
                if c.to_validate {
                    let _ = write!(
                        out,
                        " <span class=\"to-validate\">{}</span>",
                        escape(text::TO_VALIDATE.get(lang))
                    );
                }
                if !c.sources.is_empty() {
                    out.push_str("<ul class=\"sources\">");
                    for (origin, words) in &c.sources {
                        let _ = write!(
                            out,
                            "<li>↳ {} <span class=\"from\">({})</span></li>",
                            escape(words),
                            escape(origin)
                        );
                    }
                    out.push_str("</ul>");
                }
                out.push_str("</li>\n");
            }
            let _ = writeln!(out, "</ul>");
        }
        if !family.astuces.is_empty() {
            let _ = writeln!(out, "<h3>{}</h3>\n<ul class=\"astuces\">", escape(text::ASTUCES.get(lang)));
            for a in &family.astuces {
                let _ = write!(
                    out,
                    "<li>{} <span class=\"tables\">— {}</span>",
                    escape(&a.wordings[0]),
                    escape(&a.tables)
                );
                if a.wordings.len() > 1 {
                    out.push_str("<ul>");
                    for other in &a.wordings[1..] {
                        let _ = write!(out, "<li>{}</li>", escape(other));
                    }
                    out.push_str("</ul>");
                }
                out.push_str("</li>\n");
            }
            let _ = writeln!(out, "</ul>");
        }
        if !family.temoignages.is_empty() {
            let _ = writeln!(out, "<h3>{}</h3>", escape(text::TEMOIGNAGES.get(lang)));
            for quote in &family.temoignages {
                let _ = writeln!(
                    out,
                    "<blockquote><p>« {} »</p><p class=\"from\">— {}</p></blockquote>",
                    escape(&quote.text),
                    escape(&quote.from)
                );
            }
        }
        let _ = writeln!(out, "</section>");
    }
    let _ = writeln!(out, "<section class=\"recap\">\n<h2>{}</h2>", escape(text::RECAP.get(lang)));
    for (heading, wordings) in report.recap() {
        let _ = writeln!(out, "<h3>{}</h3>\n<ul class=\"recap\">", escape(heading));
        for wording in wordings {
            let _ = writeln!(out, "<li>{}</li>", escape(wording));
        }
        let _ = writeln!(out, "</ul>");
    }
    let _ = writeln!(out, "</section>");
    if !report.left_out.is_empty() {
        let _ = writeln!(
            out,
            "<section class=\"left-out\">\n<h2>{}</h2>\n<ul>",
            escape(text::LEFT_OUT.get(lang))
        );
        for wording in &report.left_out {
            let _ = writeln!(out, "<li>{}</li>", escape(wording));
        }
        let _ = writeln!(out, "</ul>\n</section>");
    }
    out.push_str("</body>\n</html>\n");
    out
}
