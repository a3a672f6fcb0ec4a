//! The table page phones open: one HTML page, its script and its style, compiled into
//! the binary (no external asset), and the script of helpers it shares with the voting
//! page (`phone.js`, loaded before each page's own). The page's words come from [`crate::i18n::serve`] in
//! the phone's language, escaped; everything the session holds reaches the page only
//! through the JSON API and is put in it as text, never as HTML.

use axum::http::header;
use axum::response::{Html, IntoResponse, Response};

use crate::i18n::Lang;
use crate::i18n::serve::page_texts;

const SCRIPT: &str = include_str!("../../assets/phone/table.js");
const SHARED_SCRIPT: &str = include_str!("../../assets/phone/phone.js");
const STYLE: &str = include_str!("../../assets/phone/table.css");

/// Escapes text for HTML content and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    html_escape::encode_quoted_attribute(text).into_owned()
}

/// The page of table `table`; its script reads the token from the address.
pub fn table_page(lang: Lang, table: u32) -> Html<String> {
    let texts: String = page_texts(lang)
        .iter()
        .map(|(key, text)| format!(" data-t-{key}=\"{}\"", escape_html(text)))
        .collect();
    let title = page_texts(lang)
        .iter()
        .find(|(key, _)| *key == "title")
        .map(|(_, t)| t.replace("{table}", &table.to_string()))
        .unwrap_or_default();
    let kinds: String = ["condition", "astuce", "temoignage"]
        .iter()
        .map(|kind| {
            let label = page_texts(lang).iter().find(|(k, _)| k == kind).map(|(_, t)| *t).unwrap_or(kind);
            format!(
                "<label class=\"kind\"><input type=\"radio\" name=\"kind\" value=\"{kind}\"{}> {}</label>",
                if *kind == "condition" { " checked" } else { "" },
                escape_html(label)
            )
        })
        .collect();
    let text = |key: &str| {
        escape_html(page_texts(lang).iter().find(|(k, _)| *k == key).map(|(_, t)| *t).unwrap_or(""))
    };
    Html(format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title}</title><link rel=\"stylesheet\" href=\"/table.css\"></head>\
<body id=\"page\"{texts}>\
<header><h1 id=\"title\">{title}</h1><p id=\"round\"></p><p id=\"clock\"></p></header>\
<p id=\"question\"></p>\
<form id=\"form\" autocomplete=\"off\"><label for=\"text\">{your}</label>\
<textarea id=\"text\" rows=\"4\" maxlength=\"4000\"></textarea>\
<fieldset><legend>{kind}</legend>{kinds}</fieldset>\
<button id=\"send\" type=\"submit\">{send}</button></form>\
<p id=\"status\" role=\"status\"></p>\
<h2>{list}</h2><ul id=\"list\"><li>{loading}</li></ul>\
<script src=\"/phone.js\"></script><script src=\"/table.js\"></script></body></html>\n",
        lang = text("lang"),
        title = escape_html(&title),
        your = text("your_proposal"),
        kind = text("kind"),
        send = text("send"),
        list = text("list"),
        loading = text("loading"),
    ))
}

/// A short page for an address that is refused, with the reason.
pub fn refusal_page(lang: Lang, message: &str) -> Html<String> {
    let code = page_texts(lang).first().map(|(_, t)| *t).unwrap_or("fr");
    Html(format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>cafe</title><link rel=\"stylesheet\" href=\"/table.css\"></head>\
<body><p class=\"refused\">{}</p></body></html>\n",
        escape_html(message)
    ))
}

/// A script as served (the guard adds the CSP and caching headers of every answer).
pub fn javascript(text: &'static str) -> Response {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], text).into_response()
}

pub fn script() -> Response {
    javascript(SCRIPT)
}

/// The helpers both pages' scripts use (`/phone.js`).
pub fn shared_script() -> Response {
    javascript(SHARED_SCRIPT)
}

/// A style sheet as served (same headers as the scripts).
pub fn stylesheet(text: &'static str) -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], text).into_response()
}

pub fn style() -> Response {
    stylesheet(STYLE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_escapes_its_words_and_names_no_outside_asset() {
        let escaped = escape_html("<a href='x'>&\"</a>");
        assert!(!escaped.contains(['<', '>', '"', '\'']), "{escaped}");
        assert!(escaped.starts_with("&lt;a href=") && escaped.contains("&amp;"), "{escaped}");
        let page = table_page(Lang::Fr, 3).0;
        assert!(page.contains("<h1 id=\"title\">Table 3</h1>"));
        assert!(page.contains("data-t-confirm_delete=\"Supprimer cette proposition ?\""));
        assert!(!page.contains("http://") && !page.contains("https://"));
        assert!(page.contains("<script src=\"/phone.js\"></script><script src=\"/table.js\">"), "{page}");
        for script in [SCRIPT, SHARED_SCRIPT] {
            assert!(!script.contains("innerHTML"), "the scripts write text, never HTML");
        }
    }
}
