//! `cafe serve SESSION.ron [--bind ADDR] [--port N]`: phone capture without the
//! full-screen app. Prints each table's address, then serves until Ctrl+C or SIGTERM.

use std::io::Write;
use std::net::IpAddr;
use std::path::Path;

use super::UserError;
use crate::i18n::Lang;
use crate::i18n::errors::store_error;
use crate::i18n::serve as msg;
use crate::serve::{ServeConfig, Server, table_addresses};

pub fn run(session: &Path, bind: Option<IpAddr>, port: u16, lang: Lang) -> Result<(), UserError> {
    let server = Server::start(ServeConfig {
        session: session.to_path_buf(),
        bind,
        port,
        stop_on_signal: true,
        events: None,
    })
    .map_err(|err| UserError(msg::serve_error(lang, &err)))?;
    let current = crate::store::load(session).map_err(|e| UserError(store_error(lang, &e)))?;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", msg::listening(lang, &server.address().to_string()));
    for (table, url) in table_addresses(&current, server.address()) {
        let _ = writeln!(out, "{}", msg::table_address(lang, table, &url));
    }
    let _ = writeln!(out, "{}", msg::HOW_TO_STOP.get(lang));
    let _ = out.flush();
    drop(out);
    let refused = server.refused_counter();
    server.wait();
    println!("{}", msg::stopped(lang, refused.get()));
    Ok(())
}
