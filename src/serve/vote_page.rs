//! The voting page phones open: one HTML page, its script and its style, compiled into
//! the binary (no external asset); it loads the helpers it shares with the table page
//! (`/phone.js`, [`super::page::shared_script`]) first. The page's words come from [`crate::i18n::vote`] in
//! the phone's language, escaped; the conditions reach the page only through the JSON
//! API and are put in it as text, never as HTML.

use axum::response::{Html, Response};

use super::page::escape_html;
use crate::i18n::Lang;
use crate::i18n::vote::page_texts;

const SCRIPT: &str = include_str!("../../assets/phone/vote.js");
const STYLE: &str = include_str!("../../assets/phone/vote.css");

/// The voting page; its script reads the vote's token from the address.
pub fn vote_page(lang: Lang) -> Html<String> {
    let texts = page_texts(lang);
    let text = |key: &str| escape_html(texts.iter().find(|(k, _)| *k == key).map_or("", |(_, t)| *t));
    let data: String = texts.iter().map(|(key, t)| format!(" data-t-{key}=\"{}\"", escape_html(t))).collect();
    Html(format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title}</title><link rel=\"stylesheet\" href=\"/vote.css\"></head>\
<body id=\"page\"{data}>\
<header><h1>{title}</h1><p>{intro}</p><p id=\"left\" class=\"left\"></p></header>\
<p id=\"status\" role=\"status\"></p>\
<div id=\"list\"><p>{loading}</p></div>\
<script src=\"/phone.js\"></script><script src=\"/vote.js\"></script></body></html>\n",
        lang = text("lang"),
        title = text("title"),
        intro = text("intro"),
        loading = text("loading"),
    ))
}

pub fn script() -> Response {
    super::page::javascript(SCRIPT)
}

pub fn style() -> Response {
    super::page::stylesheet(STYLE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_voting_page_has_its_words_and_no_outside_asset() {
        let page = vote_page(Lang::Fr).0;
        assert!(page.contains("<h1>Vote à points</h1>"), "{page}");
        assert!(page.contains("data-t-left=\"Points restants : {left} sur {dots}\""), "{page}");
        assert!(vote_page(Lang::En).0.contains("<html lang=\"en\">"));
        assert!(!page.contains("http://") && !page.contains("https://"));
        assert!(page.contains("<script src=\"/phone.js\"></script><script src=\"/vote.js\">"), "{page}");
        assert!(!SCRIPT.contains("innerHTML"), "the script writes text, never HTML");
    }
}
