//! The document synthèse as a Word document (`docx-rs`), editable in Word and
//! LibreOffice: real heading styles (so the navigation pane and a table of contents
//! work), the conditions as paragraphs starting with ✓, quotes in italics, the recap on
//! its own page. `docx-rs` escapes the XML of every text.

use std::io::Cursor;

use docx_rs::{AlignmentType, BreakType, Docx, Paragraph, Run, Style, StyleType};

use super::ExportError;
use super::Variant;
use super::report::Report;
use crate::i18n::export as text;

const ACCENT: &str = "1D5C63";
const MUTED: &str = "5B6770";

fn styles(docx: Docx) -> Docx {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph).name(name).size(size).bold().color(ACCENT).outline_lvl(level)
    };
    docx.add_style(Style::new("Title", StyleType::Paragraph).name("Title").size(44).bold().color(ACCENT))
        .add_style(heading("Heading1", "heading 1", 32, 0))
        .add_style(heading("Heading2", "heading 2", 24, 1))
        .add_style(Style::new("Quote", StyleType::Paragraph).name("Quote").italic())
}

fn paragraph(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

fn styled(style: &str, text: &str) -> Paragraph {
    paragraph(text).style(style)
}

fn muted(text: &str) -> Run {
    Run::new().add_text(text).color(MUTED)
}

/// The DOCX bytes.
pub fn to_docx(report: &Report) -> Result<Vec<u8>, ExportError> {
    let lang = report.lang;
    let mut docx = styles(Docx::new()).add_paragraph(styled("Title", &report.title));
    if report.variant == Variant::Travail {
        docx = docx.add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(text::WORKING_COPY.get(lang)).bold().highlight("yellow")),
        );
    }
    if !report.subtitle.is_empty() {
        docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(&report.subtitle).italic()));
    }
    if !report.intro.is_empty() {
        docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(&report.intro)));
    }
    for line in report.occasions.iter().chain([&report.counts, &report.summary]) {
        docx = docx.add_paragraph(Paragraph::new().add_run(muted(line)));
    }
    if !report.notices.is_empty() {
        docx = docx.add_paragraph(styled("Heading2", text::NOTICES.get(lang)));
        for notice in &report.notices {
            docx = docx.add_paragraph(paragraph(&format!("• {notice}")));
        }
    }
    docx = docx.add_paragraph(styled("Heading2", text::LEGEND.get(lang)));
    for (symbol, meaning) in &report.legend {
        docx = docx.add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(symbol).bold())
                .add_run(Run::new().add_text(format!(" — {meaning}"))),
        );
    }
    for family in &report.families {
        docx = docx.add_paragraph(styled("Heading1", &family.heading));
        if !family.description.is_empty() {
            docx = docx.add_paragraph(Paragraph::new().add_run(muted(&family.description).italic()));
        }
        docx = docx.add_paragraph(styled("Heading2", text::CONDITIONS.get(lang)));
        if family.conditions.is_empty() {
            docx = docx.add_paragraph(Paragraph::new().add_run(muted(text::NONE.get(lang))));
        }
        for c in &family.conditions {
            let mut details = format!(" — {}", c.tables);
            if let Some(votes) = report.votes(c.votes) {
                details.push_str(&format!(" · {votes}"));
            }
            let mut p = Paragraph::new()
                .add_run(Run::new().add_text("✓ ").color(ACCENT).bold())
                .add_run(Run::new().add_text(&c.wording).bold())
                .add_run(muted(&details));
            if c.to_validate {
                p = p.add_run(
                    Run::new().add_text(format!(" ({})", text::TO_VALIDATE.get(lang))).highlight("yellow"),
                );
            }
            docx = docx.add_paragraph(p);
            for (origin, words) in &c.sources {
                docx = docx.add_paragraph(
                    Paragraph::new()
                        .indent(Some(567), None, None, None)
                        .add_run(Run::new().add_text(format!("↳ {words} ")))
                        .add_run(muted(&format!("({origin})"))),
                );
            }
        }
        if !family.astuces.is_empty() {
            docx = docx.add_paragraph(styled("Heading2", text::ASTUCES.get(lang)));
            for a in &family.astuces {
                docx = docx.add_paragraph(
                    Paragraph::new()
                        .add_run(Run::new().add_text(format!("• {}", a.wordings[0])))
                        .add_run(muted(&format!(" — {}", a.tables))),
                );
                for other in &a.wordings[1..] {
                    docx = docx.add_paragraph(paragraph(&format!("– {other}")).indent(
                        Some(567),
                        None,
                        None,
                        None,
                    ));
                }
            }
        }
        if !family.temoignages.is_empty() {
            docx = docx.add_paragraph(styled("Heading2", text::TEMOIGNAGES.get(lang)));
            for quote in &family.temoignages {
                let mut run = Run::new().italic();
                for (i, line) in quote.text.lines().enumerate() {
                    if i > 0 {
                        run = run.add_break(BreakType::TextWrapping);
                    }
                    let open = if i == 0 { "« " } else { "" };
                    run = run.add_text(format!("{open}{line}"));
                }
                run = run.add_text(" »");
                docx = docx.add_paragraph(
                    Paragraph::new().style("Quote").indent(Some(567), None, None, None).add_run(run),
                );
                docx = docx.add_paragraph(
                    Paragraph::new().align(AlignmentType::Right).add_run(muted(&format!("— {}", quote.from))),
                );
            }
        }
    }
    docx = docx.add_paragraph(styled("Heading1", text::RECAP.get(lang)).page_break_before(true));
    for (heading, wordings) in report.recap() {
        docx = docx.add_paragraph(styled("Heading2", heading));
        for wording in wordings {
            docx = docx.add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text("✓ ").color(ACCENT).bold())
                    .add_run(Run::new().add_text(wording)),
            );
        }
    }
    if !report.left_out.is_empty() {
        docx = docx.add_paragraph(styled("Heading1", text::LEFT_OUT.get(lang)));
        for wording in &report.left_out {
            docx = docx.add_paragraph(paragraph(&format!("• {wording}")));
        }
    }
    let mut bytes = Cursor::new(Vec::new());
    docx.build().pack(&mut bytes).map_err(|e| ExportError(e.to_string()))?;
    Ok(bytes.into_inner())
}
