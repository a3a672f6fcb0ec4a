//! Phone capture as the app sees it: [`PhonesState`] (plain data: on or off, the
//! address, each table's address, how many changes each table's phone made, refused
//! requests) for `update` and the views, and [`PhoneLink`], the running server with the
//! channel its changes arrive on, which only `perform` and the terminal loop touch.
//! A projector window has no server: its [`PhonesOn`] comes from the address the
//! serving app publishes beside the session; when that address cannot be written, the
//! serving app keeps the reason to show it.

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::mpsc::Receiver;

use crate::domain::Session;
use crate::serve::{DEFAULT_PORT, PhoneEvent, Server, table_addresses};
use crate::store::phones_address::PublishedAddress;

/// What the app knows of phone capture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhonesState {
    /// Listening, and where; `None` while off (nothing listens).
    pub on: Option<PhonesOn>,
    /// The address to listen on; this machine's address on the local network when
    /// `None`.
    pub bind: Option<IpAddr>,
    /// The port to listen on (`0`: any free port).
    pub port: u16,
    /// Proposals added, edited or deleted from each table's phone since turned on.
    pub counts: BTreeMap<u32, usize>,
    /// Requests the server refused since turned on.
    pub refused: u64,
    /// Why projector windows cannot show the codes of the server this window runs (its
    /// address file beside the session could not be written); `None` when they can.
    pub unpublished: Option<String>,
}

impl Default for PhonesState {
    fn default() -> Self {
        PhonesState {
            on: None,
            bind: None,
            port: DEFAULT_PORT,
            counts: BTreeMap::new(),
            refused: 0,
            unpublished: None,
        }
    }
}

/// Phone capture just started: where, and why projector windows cannot follow it,
/// if they cannot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhonesStarted {
    pub on: PhonesOn,
    pub unpublished: Option<String>,
}

/// Where the server listens, and each table's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhonesOn {
    /// `address:port` on the local network.
    pub address: String,
    /// Each table's number and page address.
    pub tables: Vec<(u32, String)>,
}

impl PhonesOn {
    /// A server at `address` serving `session`: each table with a token, at its page.
    pub fn serving(session: &Session, address: SocketAddr) -> PhonesOn {
        PhonesOn { address: address.to_string(), tables: table_addresses(session, address) }
    }

    /// Table `table`'s page is now at `url` (its address was renewed).
    pub fn readdress(&mut self, table: u32, url: String) {
        match self.tables.iter_mut().find(|(number, _)| *number == table) {
            Some(entry) => entry.1 = url,
            None => {
                self.tables.push((table, url));
                self.tables.sort_by_key(|(number, _)| *number);
            }
        }
    }
}

/// The running server and the changes it reports; stopping is dropping it (which
/// also withdraws the address published for projector windows).
pub struct PhoneLink {
    pub server: Server,
    pub events: Receiver<PhoneEvent>,
    /// The address beside the session; `None` when it could not be written (a
    /// read-only folder: the phones work, a projector window shows no codes, and
    /// [`PhonesState::unpublished`] says why).
    pub published: Option<PublishedAddress>,
}

impl std::fmt::Debug for PhoneLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PhoneLink").field("address", &self.server.address()).finish_non_exhaustive()
    }
}
