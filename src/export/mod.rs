//! Every export of the synthèse, for the CLI (`cafe synth`) and the app (F5) alike:
//! one [`Format`] enum and one function, [`export`], from (synthèse, the sessions it
//! came from, format, [`Options`]) to bytes. Nothing here touches a file: writing the
//! bytes safely is `store::export_file`'s business.
//!
//! Two layers: [`document::SynthesisDocument`] is the data (RON and JSON serialise it
//! as it is, and it parses back into the same synthèse); [`report::Report`] is the
//! *document synthèse* members read, laid out like the seed (families with their
//! conditions, astuces and témoignages, a recap, a legend, counts), which Markdown,
//! HTML, DOCX and XLSX render. CSV is one row per proposal, for scripts. Beside the
//! synthèse, [`cards`] makes the printable table cards (each table's phone address as a
//! QR code).
//!
//! Architecture invariant: no control character (other than newline and tab) reaches
//! an export: every text goes through [`printable`] when the document is built, and
//! each format then escapes what it must (Markdown, HTML and XML markup; CSV quoting).

pub mod cards;
pub mod csv;
pub mod document;
pub mod docx;
pub mod html;
pub mod inputs;
pub mod markdown;
pub mod notes;
pub mod report;
pub mod xlsx;

use std::borrow::Cow;
use std::path::Path;

use clap::ValueEnum;

use crate::domain::Session;
use crate::domain::repair::{count_controls, escape_controls};
use crate::i18n::Lang;
use crate::synth::Synthesis;
pub use document::SynthesisDocument;

/// A file format of the synthèse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ValueEnum)]
pub enum Format {
    /// The document synthèse as Markdown.
    Md,
    /// The document synthèse as one self-contained web page (prints cleanly to PDF).
    Html,
    /// The document synthèse as a Word / LibreOffice document.
    Docx,
    /// A workbook: a sheet of conditions and a sheet of proposals.
    Xlsx,
    /// One row per proposal, for scripts.
    Csv,
    /// The whole synthèse as JSON.
    Json,
    /// The whole synthèse as RON (the reference export).
    Ron,
}

impl Format {
    pub const ALL: [Format; 7] =
        [Format::Md, Format::Html, Format::Docx, Format::Xlsx, Format::Csv, Format::Json, Format::Ron];

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Ron => "ron",
        }
    }

    /// The format a file name's extension names (`.md`, `.html`, `.docx`…), if any.
    pub fn of_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "markdown" => Some(Format::Md),
            "htm" => Some(Format::Html),
            other => Format::ALL.into_iter().find(|f| f.extension() == other),
        }
    }

    /// The name shown in lists: `Markdown`, `HTML`…
    pub fn label(self) -> &'static str {
        match self {
            Format::Md => "Markdown",
            Format::Html => "HTML",
            Format::Docx => "Word (DOCX)",
            Format::Xlsx => "Excel (XLSX)",
            Format::Csv => "CSV",
            Format::Json => "JSON",
            Format::Ron => "RON",
        }
    }

    /// Whether the bytes are text that may go to a terminal (DOCX and XLSX are zip
    /// archives).
    pub fn is_text(self) -> bool {
        !matches!(self, Format::Docx | Format::Xlsx)
    }
}

/// Which document synthèse: for the members, or for the staff who prepare it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, ValueEnum)]
pub enum Variant {
    /// For members: no « à valider », no exclusions, sources only when asked.
    #[default]
    Final,
    /// For staff: everything, with sources, « à valider » and what was left out.
    Travail,
}

/// How to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub lang: Lang,
    pub variant: Variant,
    /// List the proposals behind each condition (always in the *travail* variant).
    pub sources: bool,
}

impl Options {
    pub fn new(lang: Lang, variant: Variant) -> Options {
        Options { lang, variant, sources: variant == Variant::Travail }
    }
}

/// One input of the synthèse: how it is named, and the session (notes are read into one).
pub type Input<'a> = (String, &'a Session);

/// An export that could not be produced (the message is the library's, in English).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ExportError(pub String);

/// The bytes of the synthèse of `inputs` in `format`.
pub fn export(
    synthesis: &Synthesis,
    inputs: &[Input<'_>],
    format: Format,
    options: Options,
) -> Result<Vec<u8>, ExportError> {
    let document = SynthesisDocument::new(synthesis, inputs);
    let failed = |e: &dyn std::fmt::Display| ExportError(e.to_string());
    match format {
        Format::Ron => document::to_ron(&document).map(String::into_bytes).map_err(|e| failed(&e)),
        Format::Json => document::to_json(&document).map(String::into_bytes).map_err(|e| failed(&e)),
        Format::Csv => csv::to_csv(&document).map(String::into_bytes).map_err(|e| failed(&e)),
        Format::Md => Ok(markdown::to_markdown(&report::Report::new(&document, options)).into_bytes()),
        Format::Html => Ok(html::to_html(&report::Report::new(&document, options)).into_bytes()),
        Format::Docx => docx::to_docx(&report::Report::new(&document, options)),
        Format::Xlsx => xlsx::to_xlsx(&document, options),
    }
}

/// The text with every control character other than newline and tab made visible
/// (`ESC` becomes `\u{1b}`, as in messages: `domain::repair::escape_controls`), so
/// that nothing typed or imported can drive a terminal or corrupt a document.
pub fn printable(text: &str) -> Cow<'_, str> {
    if count_controls(text) == 0 { Cow::Borrowed(text) } else { Cow::Owned(escape_controls(text)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible_and_text_stays() {
        assert_eq!(printable("a\x1b]0;x\x07b"), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(printable("ligne\nsuite\tfin"), "ligne\nsuite\tfin");
        assert_eq!(printable("c\u{9b}2J"), "c\\u{9b}2J");
        assert!(matches!(printable("rien à faire"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_format_follows_the_extension() {
        assert_eq!(Format::of_path(Path::new("a/b.DOCX")), Some(Format::Docx));
        assert_eq!(Format::of_path(Path::new("b.htm")), Some(Format::Html));
        assert_eq!(Format::of_path(Path::new("b.txt")), None);
        assert_eq!(Format::of_path(Path::new("b")), None);
        for format in Format::ALL {
            let name = format!("x.{}", format.extension());
            assert_eq!(Format::of_path(Path::new(&name)), Some(format));
        }
    }
}
