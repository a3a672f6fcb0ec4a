//! Phone capture: an HTTP server (axum on a tokio runtime of its own thread) through
//! which each table's host sends the table's proposals from a phone over the room's
//! network. Off unless turned on (`cafe serve`, or « Saisie par téléphone » in the app).
//! Each table has its own secret address ([`token`]); every change goes through the
//! store's one writer and is answered once on disk ([`api`]); the rate limit, the
//! headers and the count of refused requests are in [`guard`]; the page in [`page`].
//! Dot voting from phones on the synthèse's conditions is served beside it while the
//! session's vote is open ([`vote`], [`vote_page`]). The app hears of each change
//! through a channel of [`PhoneEvent`]s.

pub mod api;
pub mod guard;
pub mod page;
pub mod token;
pub mod vote;
pub mod vote_page;

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, UdpSocket};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, mpsc};
use std::thread::JoinHandle;

use crate::domain::{ProposalId, Session};
use crate::i18n::Lang;
use crate::i18n::serve as msg;
use crate::store::{SessionFile, StoreError, UpdateError};

/// The port phone capture listens on unless told otherwise.
pub const DEFAULT_PORT: u16 = 8737;

/// What the app hears from the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneEvent {
    /// A phone added, edited or deleted this proposal of this table (now on disk).
    Changed { table: u32, proposal: ProposalId },
    /// A phone's ballot was given or its dots changed (on disk already).
    Voted,
}

/// Where and for which session to serve.
#[derive(Debug)]
pub struct ServeConfig {
    pub session: PathBuf,
    /// The address to listen on; [`local_network_address`] when `None`.
    pub bind: Option<IpAddr>,
    /// `0` picks a free port.
    pub port: u16,
    /// Also stop on Ctrl+C and SIGTERM (`cafe serve`).
    pub stop_on_signal: bool,
    pub events: Option<mpsc::Sender<PhoneEvent>>,
}

/// Why the server did not start.
#[derive(Debug)]
pub enum ServeError {
    Store(StoreError),
    NoRandomness,
    Listen { address: SocketAddr, source: std::io::Error },
}

impl ServeError {
    /// Why the server did not start, in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ServeError::Store(err) => crate::i18n::errors::store_error(lang, err),
            ServeError::NoRandomness => msg::NO_RANDOMNESS.get(lang).to_string(),
            ServeError::Listen { address, source } => {
                msg::cannot_listen(lang, &address.to_string(), &crate::i18n::errors::io_error(lang, source))
            }
        }
    }
}

/// A running server; it stops when [`Server::stop`] is called or it is dropped.
pub struct Server {
    address: SocketAddr,
    refused: Arc<guard::RefusedCount>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Gives every table without a token one (written to the session), listens, and
    /// serves on a thread of its own.
    pub fn start(config: ServeConfig) -> Result<Server, ServeError> {
        let mut file = SessionFile::open(&config.session).map_err(ServeError::Store)?;
        match file.update(token::give_missing_tokens) {
            Ok(_) => {}
            Err(UpdateError::Store(err)) => return Err(ServeError::Store(err)),
            Err(UpdateError::Refused(_)) => return Err(ServeError::NoRandomness),
        }
        let ip = config.bind.unwrap_or_else(local_network_address);
        let requested = SocketAddr::new(ip, config.port);
        let listener = TcpListener::bind(requested)
            .and_then(|l| l.set_nonblocking(true).map(|()| l))
            .map_err(|source| ServeError::Listen { address: requested, source })?;
        let address =
            listener.local_addr().map_err(|source| ServeError::Listen { address: requested, source })?;
        let refused = Arc::new(guard::RefusedCount::default());
        let shared = Arc::new(api::Shared {
            file: Mutex::new(file),
            limiter: Mutex::new(guard::RateLimiter::default()),
            refused: refused.clone(),
            events: config.events,
        });
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("cafe-serve")
            .enable_all()
            .build()
            .map_err(|source| ServeError::Listen { address, source })?;
        let listener = {
            let _entered = runtime.enter();
            tokio::net::TcpListener::from_std(listener)
                .map_err(|source| ServeError::Listen { address, source })?
        };
        let (shutdown, stopped) = tokio::sync::oneshot::channel::<()>();
        let stop_on_signal = config.stop_on_signal;
        let thread = std::thread::Builder::new()
            .name("cafe-serve".into())
            .spawn(move || {
                let router = api::router(shared.clone()).merge(vote::router(shared.clone()));
                runtime.block_on(async move {
                    let stop = async move {
                        if stop_on_signal {
                            tokio::select! {
                                _ = stopped => {}
                                () = signal() => {}
                            }
                        } else {
                            let _ = stopped.await;
                        }
                    };
                    let _ = axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>())
                        .with_graceful_shutdown(stop)
                        .await;
                });
                // Stopped: the session file alone holds everything again.
                if let Ok(mut file) = shared.file.lock() {
                    let _ = file.fold();
                }
            })
            .map_err(|source| ServeError::Listen { address, source })?;
        Ok(Server { address, refused, shutdown: Some(shutdown), thread: Some(thread) })
    }

    /// The address the server listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Requests refused so far.
    pub fn refused(&self) -> u64 {
        self.refused.get()
    }

    /// The count of refused requests, still readable once the server has stopped.
    pub fn refused_counter(&self) -> Arc<guard::RefusedCount> {
        self.refused.clone()
    }

    /// Stops listening and waits for the requests under way to finish.
    pub fn stop(mut self) {
        self.shut_down();
    }

    /// Waits until the server stops (Ctrl+C or SIGTERM when asked for).
    pub fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }

    fn shut_down(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shut_down();
    }
}

/// Ctrl+C, or SIGTERM where there are signals.
async fn signal() {
    #[cfg(unix)]
    {
        let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(term) => term,
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
                return;
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// This machine's address on the local network: the one the system would send from
/// to reach outside (no packet is sent), else the loopback address.
pub fn local_network_address() -> IpAddr {
    UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0))
        .and_then(|socket| socket.connect((Ipv4Addr::new(192, 0, 2, 1), 9)).map(|()| socket))
        .and_then(|socket| socket.local_addr())
        .map(|address| address.ip())
        .ok()
        .filter(|ip| !ip.is_unspecified())
        .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
}

/// Each table's page address on a server listening at `address`.
pub fn table_addresses(session: &Session, address: SocketAddr) -> Vec<(u32, String)> {
    session
        .tables
        .iter()
        .filter(|t| token::looks_like_token(&t.phone_token))
        .map(|t| (t.number, table_address(address, &t.phone_token)))
        .collect()
}

/// The page address of the table whose token is `token`, on a server at `address`.
pub fn table_address(address: impl std::fmt::Display, token: &str) -> String {
    format!("http://{address}/t/{token}")
}
