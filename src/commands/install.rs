//! `cafe help [COMMAND]`, `cafe completions SHELL`, `cafe man` and `cafe assets export DIR`: what an installed
//! program offers around itself — shell completions and a manual page in the interface
//! language, and the default knowledge files written out for editing.

use std::io::Write;
use std::path::Path;

use super::UserError;
use crate::cli::localized_command;
use crate::i18n::{self, Lang};
use crate::store::home::Home;

/// `cafe completions SHELL`: the completion script on standard output.
pub fn completions(shell: clap_complete::Shell, lang: Lang) -> Result<(), UserError> {
    let mut cmd = localized_command(lang);
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "cafe", &mut out);
    write_out(&out, lang)
}

/// `cafe help [COMMAND]`: the help of the program or of one subcommand.
pub fn help(command: Option<&str>, lang: Lang) -> Result<(), UserError> {
    let mut cmd = localized_command(lang);
    cmd.build();
    let text = match command {
        None => cmd.render_help(),
        Some(name) => match cmd.find_subcommand_mut(name) {
            Some(sub) => sub.render_help(),
            None => return Err(UserError(i18n::cli::unknown_command(lang, name))),
        },
    };
    write_out(text.to_string().as_bytes(), lang)
}

/// `cafe man`: the manual page (roff) on standard output, from the localised command:
/// every section clap_mangen renders, its NAME heading in the interface language (the
/// others are the same words in French, or come from the localised headings).
pub fn man(lang: Lang) -> Result<(), UserError> {
    let cmd = localized_command(lang);
    let page = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    let mut name = roff::Roff::default();
    name.control("SH", [i18n::cli::heading::MAN_NAME.get(lang)]);
    let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
    let about = about.strip_prefix(&format!("{} — ", cmd.get_name())).unwrap_or(&about);
    name.text([roff::roman(format!("{} - {about}", cmd.get_name()))]);
    let rendered = page
        .render_title(&mut out)
        .and_then(|()| name.to_writer(&mut out))
        .and_then(|()| page.render_synopsis_section(&mut out))
        .and_then(|()| page.render_description_section(&mut out))
        .and_then(|()| page.render_options_section(&mut out))
        .and_then(|()| page.render_subcommands_section(&mut out))
        .and_then(|()| page.render_version_section(&mut out));
    rendered.map_err(|e| UserError(i18n::cli::output_failed(lang, &e)))?;
    write_out(&out, lang)
}

/// `cafe assets export DIR`.
pub fn export_assets(dir: &Path, home: &Home, lang: Lang) -> Result<(), UserError> {
    crate::store::assets::export_defaults(dir).map_err(|e| UserError(i18n::errors::store_error(lang, &e)))?;
    println!("{}", i18n::cli::assets_exported(lang, dir, home.data.as_deref()));
    Ok(())
}

fn write_out(bytes: &[u8], lang: Lang) -> Result<(), UserError> {
    std::io::stdout().lock().write_all(bytes).map_err(|e| UserError(i18n::cli::output_failed(lang, &e)))
}
