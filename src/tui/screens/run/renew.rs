//! Renewing a table's phone address from the app while phone capture is on: which
//! table (asked), a confirmation (its phone loses access), a new secret drawn by
//! `perform`, then the session saved through the store's one writer, after which the
//! running server refuses the old address; the projector shows the new code.

use crate::domain::SessionError;
use crate::i18n::errors::session_error;
use crate::i18n::serve as ts;
use crate::i18n::tui as t;
use crate::serve::table_address;
use crate::serve::token::set_token;
use crate::tui::action::{Action, RunAction};
use crate::tui::app::{App, Popup, Prompt, Status, session_changed};
use crate::tui::effect::Effect;
use crate::tui::widgets::LineInput;

/// The renewal key: asks which table (only while phone capture is on).
pub fn ask(app: &mut App) {
    let lang = app.lang;
    let Some(open) = app.open.as_ref() else { return };
    if app.phones.on.is_none() {
        app.status = Some(Status::Info(ts::PHONES_NOT_ON.get(lang).to_string()));
        return;
    }
    app.popup = Some(Popup::Ask {
        prompt: Prompt::RenewPhoneAddress,
        question: ts::ask_renew(lang, &open.session.tables.iter().map(|t| t.number).collect::<Vec<_>>()),
        input: Box::new(LineInput::default()),
    });
}

/// The typed table number: a table of the session gets the confirmation; anything else
/// is an error that keeps the question open.
pub fn answer(app: &mut App, typed: &str) -> Result<(), String> {
    let lang = app.lang;
    let Some(open) = app.open.as_ref() else { return Ok(()) };
    let number = typed.trim().parse::<u32>().map_err(|_| t::bad_table_number(lang, typed.trim()))?;
    if open.session.table(number).is_none() {
        return Err(session_error(lang, &SessionError::NoSuchTable(number)));
    }
    app.popup = Some(Popup::Confirm {
        message: ts::confirm_renew(lang, number),
        on_yes: Box::new(Action::Run(RunAction::RenewPhoneAddressOf(number))),
    });
    Ok(())
}

/// Confirmed: asks for a new secret for `table`'s address.
pub fn renew(app: &App, table: u32, effects: &mut Vec<Effect>) {
    let known = app.open.as_ref().is_some_and(|open| open.session.table(table).is_some());
    if app.phones.on.is_some() && known {
        effects.push(Effect::NewPhoneToken(table));
    }
}

/// The new secret drawn: the table takes it, the session is saved (the server refuses
/// the old address from then on) and the projector shows the new address.
pub fn drawn(app: &mut App, table: u32, token: Result<String, String>, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let token = match token {
        Ok(token) => token,
        Err(message) => {
            app.status = Some(Status::Error(message));
            return;
        }
    };
    let Some(open) = app.open.as_mut() else { return };
    if !set_token(&mut open.session, table, &token) {
        app.status = Some(Status::Error(session_error(lang, &SessionError::NoSuchTable(table))));
        return;
    }
    if let Some(on) = app.phones.on.as_mut() {
        let url = table_address(&on.address, &token);
        on.readdress(table, url);
    }
    session_changed(open, effects);
    app.status = Some(Status::Info(ts::renewed(lang, table)));
}
