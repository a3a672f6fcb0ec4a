//! The synthèse as a workbook (`rust_xlsxwriter`): a sheet of conditions (family number
//! and title, wording, tables, votes, status, table list) and a sheet of proposals (id,
//! table, round, kind, text, condition). Numbers are numbers and texts are shared
//! strings (never formulas), so it opens right in Excel and LibreOffice in any locale.

use rust_xlsxwriter::{Format as CellFormat, Workbook, Worksheet, XlsxError};

use super::document::{ExportGroup, SynthesisDocument, cluster_label};
use super::report::one_line;
use super::{ExportError, Options, Variant};
use crate::domain::Kind;
use crate::i18n::Text;
use crate::i18n::export as text;
use crate::synth::combined_id;

fn header(
    sheet: &mut Worksheet,
    columns: &[Text],
    options: Options,
    widths: &[f64],
) -> Result<(), XlsxError> {
    let bold = CellFormat::new().set_bold();
    for (column, (title, width)) in columns.iter().zip(widths).enumerate() {
        sheet.write_string_with_format(0, column as u16, title.get(options.lang), &bold)?;
        sheet.set_column_width(column as u16, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn family_title(document: &SynthesisDocument, number: Option<u8>, options: Options) -> String {
    let english = options.lang.is_english();
    document
        .families
        .iter()
        .find(|f| Some(f.number) == number)
        .map(|f| if english && !f.title_en.is_empty() { f.title_en.clone() } else { f.title.clone() })
        .unwrap_or_else(|| text::UNCLASSIFIED.get(options.lang).to_string())
}

fn tables(document: &SynthesisDocument, group: &ExportGroup) -> String {
    group
        .tables
        .iter()
        .map(|o| {
            if document.inputs.len() > 1 {
                format!("{} ({})", o.table, document.input_label(o.input))
            } else {
                o.table.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn workbook(document: &SynthesisDocument, options: Options) -> Result<Vec<u8>, XlsxError> {
    let lang = options.lang;
    let shown = |g: &&ExportGroup| options.variant == Variant::Travail || !g.excluded;
    let wrap = CellFormat::new().set_text_wrap();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(text::SHEET_CONDITIONS.get(lang))?;
    header(sheet, &text::COLUMNS_CONDITIONS, options, &[8.0, 30.0, 60.0, 10.0, 8.0, 14.0, 16.0, 9.0])?;
    for (row, group) in (1..).zip(document.groups(Kind::Condition).filter(shown)) {
        if let Some(number) = group.family {
            sheet.write_number(row, 0, f64::from(number))?;
        }
        sheet.write_string(row, 1, family_title(document, group.family, options))?;
        sheet.write_string_with_format(row, 2, one_line(&group.wording), &wrap)?;
        sheet.write_number(row, 3, group.support as f64)?;
        sheet.write_number(row, 4, f64::from(group.votes))?;
        sheet.write_string(row, 5, text::status(lang, group.status))?;
        sheet.write_string(row, 6, tables(document, group))?;
        sheet.write_string(row, 7, if group.excluded { text::YES.get(lang) } else { text::NO.get(lang) })?;
    }
    let sheet = book.add_worksheet();
    sheet.set_name(text::SHEET_PROPOSALS.get(lang))?;
    header(sheet, &text::COLUMNS_PROPOSALS, options, &[9.0, 12.0, 7.0, 12.0, 60.0, 50.0])?;
    let mut row = 1;
    for kind in Kind::ALL {
        for group in document.groups(kind).filter(shown) {
            for p in &group.proposals {
                sheet.write_string(row, 0, cluster_label(combined_id(p.input as usize, p.id)))?;
                if document.inputs.len() > 1 {
                    sheet.write_string(row, 1, format!("{} ({})", p.table, document.input_label(p.input)))?;
                } else {
                    sheet.write_number(row, 1, f64::from(p.table))?;
                }
                sheet.write_number(row, 2, f64::from(p.round))?;
                sheet.write_string(row, 3, p.kind.as_str())?;
                sheet.write_string_with_format(row, 4, &p.text, &wrap)?;
                sheet.write_string_with_format(row, 5, one_line(&group.wording), &wrap)?;
                row += 1;
            }
        }
    }
    book.save_to_buffer()
}

/// The XLSX bytes.
pub fn to_xlsx(document: &SynthesisDocument, options: Options) -> Result<Vec<u8>, ExportError> {
    workbook(document, options).map_err(|e| ExportError(e.to_string()))
}
