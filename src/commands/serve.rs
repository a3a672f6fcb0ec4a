//! `cafe serve SESSION.ron [--bind ADDR] [--port N]`: phone capture without the
//! full-screen app. Prints each table's address (and the voting address while a vote
//! is open: voting is served whenever the session's vote is open), then serves until
//! Ctrl+C or SIGTERM, its address published beside the session meanwhile (a projector
//! window draws the tables' codes from it).

use std::io::Write;
use std::path::Path;

use super::UserError;
use crate::cli::ServeArgs;
use crate::domain::SessionError;
use crate::i18n::Lang;
use crate::i18n::errors::store_error;
use crate::i18n::serve as msg;
use crate::serve::token::renew_token;
use crate::serve::vote::voting_address;
use crate::serve::{ServeConfig, Server, table_addresses};
use crate::store::{UpdateError, update_session};

pub fn run(args: &ServeArgs, lang: Lang) -> Result<(), UserError> {
    let session = args.session.as_path();
    for &table in &args.renew {
        renew(session, table, lang)?;
        println!("{}", msg::renewed(lang, table));
    }
    let server = Server::start(ServeConfig {
        session: session.to_path_buf(),
        bind: args.bind,
        port: args.port,
        stop_on_signal: true,
        events: None,
    })
    .map_err(|err| UserError(err.message(lang)))?;
    // Where it listens, for a projector window on the session (withdrawn on return);
    // the phones work even when it cannot be written, and the user is told why.
    let _published = crate::store::phones_address::PublishedAddress::publish(session, server.address())
        .map_err(|err| eprintln!("{}", msg::address_not_published(lang, &err)))
        .ok();
    let current = crate::store::load(session).map_err(|e| UserError(store_error(lang, &e)))?;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", msg::listening(lang, &server.address().to_string()));
    for (table, url) in table_addresses(&current, server.address()) {
        let _ = writeln!(out, "{}", msg::table_address(lang, table, &url));
    }
    if let (Some(url), Some(vote)) = (voting_address(&current, server.address()), current.open_vote_session())
    {
        let _ = writeln!(out, "{}", crate::i18n::vote::voting_address(lang, &url, vote.dots));
    }
    let _ = writeln!(out, "{}", msg::HOW_TO_STOP.get(lang));
    let _ = out.flush();
    drop(out);
    let refused = server.refused_counter();
    server.wait();
    println!("{}", msg::stopped(lang, refused.get()));
    Ok(())
}

/// Gives `table` a new address, through the store's one writer.
fn renew(session: &Path, table: u32, lang: Lang) -> Result<(), UserError> {
    let result = update_session(session, |s| match renew_token(s, table) {
        Ok(true) => Ok(()),
        Ok(false) => Err(msg::session_or_random(lang, Some(SessionError::NoSuchTable(table)))),
        Err(_) => Err(msg::session_or_random(lang, None)),
    });
    match result {
        Ok(_) => Ok(()),
        Err(UpdateError::Refused(message)) => Err(UserError(message)),
        Err(UpdateError::Store(err)) => Err(UserError(store_error(lang, &err))),
    }
}
