//! The Parallax server: an HTTP JSON API and a web UI over a store.
//!
//! Every request reads through a pool of at most [`READERS`] read-only SQLite connections on
//! blocking threads, so pages keep being served while an ingest (here or in another process)
//! writes; a request waits for a free connection rather than opening another. At most
//! [`MAX_CONNECTIONS`] connections are served at once; further ones wait in the kernel's
//! backlog, and when the cap has been reached for [`SHED_AFTER`] the server ends keep-alive:
//! connections that have been asked something close after their response under way, and those
//! that have sent nothing for [`SHED_MIN_AGE`] close at once, so clients that hold connections
//! open cannot keep others out. Story pages are
//! rendered when a story is analyzed and stored; a request wraps the stored body in the page
//! chrome. Request bodies are capped ([`MAX_BODY`]), a client that sends its headers too slowly
//! is disconnected ([`HEADER_TIMEOUT`]), and a request that takes longer than
//! [`REQUEST_TIMEOUT`] (a slow upload, say) is answered 408. Every request must name this
//! server in `Host`, and writes need the token ([`access`]).

#![warn(missing_docs)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use parallax_store::{Store, StoreError};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

pub mod access;
pub mod api;
pub mod openapi;
pub mod pages;

/// Largest request body accepted (an upload of articles): 16 MiB.
pub const MAX_BODY: usize = 16 * 1024 * 1024;
/// Time a client has to send a request's headers.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Time a request may take from its headers to the response, body upload included.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// Uploads read and stored at once; further ones wait (before their body is read).
pub const MAX_UPLOADS: usize = 2;
/// Connections served at once; further ones wait in the kernel's backlog.
pub const MAX_CONNECTIONS: usize = 256;
/// The listening socket's backlog, where connections beyond [`MAX_CONNECTIONS`] wait (the
/// kernel may cap it lower: `net.core.somaxconn`). A connection that finds it full has its
/// SYN dropped and retries after 1, 2, 4... seconds.
pub const BACKLOG: u32 = 4096;
/// Read-only store connections, and so reads running at once.
pub const READERS: usize = 8;
/// Blocking threads of the runtime `parallax serve` runs on: the readers, the writer, and room
/// for the rest (file system work of the runtime).
pub const MAX_BLOCKING_THREADS: usize = 2 * READERS;
/// How long the connection cap may stay reached before idle connections are closed.
pub const SHED_AFTER: Duration = Duration::from_millis(100);
/// A connection younger than this is never closed for being idle: its first request may still
/// be on its way (from a slow client, or from any client on a saturated machine).
pub const SHED_MIN_AGE: Duration = Duration::from_secs(1);

/// Time and size limits of a server.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Time a client has to send a request's headers.
    pub header_timeout: Duration,
    /// Time a request may take from its headers to the response.
    pub request_timeout: Duration,
    /// Connections served at once.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_timeout: HEADER_TIMEOUT,
            request_timeout: REQUEST_TIMEOUT,
            max_connections: MAX_CONNECTIONS,
        }
    }
}

/// Who may use a server, besides clients on this machine that name it by its address.
#[derive(Debug, Clone, Default)]
pub struct Access {
    /// The write token; `None`: the one kept beside the store (made at first start).
    pub token: Option<String>,
    /// Host names allowed in `Host` besides the bound address and the loopback names; a name
    /// without a port is allowed with any port.
    pub allowed_hosts: Vec<String>,
}

/// What every handler shares.
pub struct AppState {
    db: PathBuf,
    token: String,
    /// Whether the token was made at this start.
    token_created: bool,
    allowed_hosts: Vec<String>,
    /// Idle read connections.
    readers: Mutex<Vec<Store>>,
    /// One permit per read connection: a read holds one while it runs.
    read_slots: Arc<Semaphore>,
    /// Read connections open now, and the most ever open at once.
    readers_open: AtomicUsize,
    readers_peak: AtomicUsize,
    writer: Mutex<Option<Store>>,
    /// One permit: the write under way holds it, so writes waiting for the writer wait here and
    /// do not hold blocking threads.
    write_slot: Arc<Semaphore>,
    /// Uploads being read or stored ([`MAX_UPLOADS`]): each may hold [`MAX_BODY`] in memory.
    pub(crate) upload_slots: Arc<Semaphore>,
}

/// A failure while answering a request.
#[derive(Debug)]
pub enum AppError {
    /// Nothing at this address.
    NotFound(String),
    /// The request is malformed.
    BadRequest(String),
    /// The store failed.
    Store(StoreError),
    /// A blocking task failed.
    Internal(String),
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        AppError::Store(e)
    }
}

impl AppState {
    /// State over the store at `db`, which is created when missing, with the token kept beside
    /// it ([`access::token_path`]).
    pub fn new(db: PathBuf) -> anyhow::Result<Arc<AppState>> {
        AppState::with_access(db, Access::default())
    }

    /// State over the store at `db` (created when missing) with the given access.
    pub fn with_access(db: PathBuf, access: Access) -> anyhow::Result<Arc<AppState>> {
        let writer = Store::open(&db)?;
        let (token, token_created) = match access.token {
            Some(token) if token.trim().is_empty() => anyhow::bail!("the token is empty"),
            Some(token) => (token.trim().to_string(), false),
            None => access::load_or_create_token(&db)
                .map_err(|e| anyhow::anyhow!("{}: {e}", access::token_path(&db).display()))?,
        };
        Ok(Arc::new(AppState {
            db,
            token,
            token_created,
            allowed_hosts: access.allowed_hosts,
            readers: Mutex::new(Vec::with_capacity(READERS)),
            read_slots: Arc::new(Semaphore::new(READERS)),
            readers_open: AtomicUsize::new(0),
            readers_peak: AtomicUsize::new(0),
            writer: Mutex::new(Some(writer)),
            write_slot: Arc::new(Semaphore::new(1)),
            upload_slots: Arc::new(Semaphore::new(MAX_UPLOADS)),
        }))
    }

    /// The write token.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// Read connections open now (at most [`READERS`]).
    pub fn readers_open(&self) -> usize {
        self.readers_open.load(Ordering::SeqCst)
    }

    /// The most read connections that were ever open at once.
    pub fn readers_peak(&self) -> usize {
        self.readers_peak.load(Ordering::SeqCst)
    }

    /// Runs `f` with a read-only store connection on a blocking thread, once one of the
    /// [`READERS`] is free.
    pub async fn read<T, F>(self: &Arc<Self>, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, AppError> + Send + 'static,
    {
        // The permit lives as long as the blocking work, even when the request is dropped
        // (timed out): the cap on connections holds.
        let permit = Arc::clone(&self.read_slots)
            .acquire_owned()
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let state = Arc::clone(self);
        let result = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let pooled = state.readers.lock().ok().and_then(|mut p| p.pop());
            let store = match pooled {
                Some(s) => s,
                None => {
                    let store = Store::open_read_only(&state.db)?;
                    let open = state.readers_open.fetch_add(1, Ordering::SeqCst) + 1;
                    state.readers_peak.fetch_max(open, Ordering::SeqCst);
                    store
                }
            };
            let result = f(&store);
            // Back to the pool, unless the pool is somehow full (then the connection closes).
            let kept = state
                .readers
                .lock()
                .ok()
                .filter(|pool| pool.len() < READERS)
                .map(|mut pool| pool.push(store))
                .is_some();
            if !kept {
                state.readers_open.fetch_sub(1, Ordering::SeqCst);
            }
            result
        })
        .await;
        result.map_err(|e| AppError::Internal(e.to_string()))?
    }

    /// Runs `f` with the one writing connection on a blocking thread, once the writes before
    /// it are done.
    pub async fn write<T, F>(self: &Arc<Self>, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, AppError> + Send + 'static,
    {
        let turn = self.writer_turn().await?;
        self.write_in_turn(turn, f).await
    }

    /// Waits for the writer's turn: the writes before are done.
    pub async fn writer_turn(&self) -> Result<tokio::sync::OwnedSemaphorePermit, AppError> {
        Arc::clone(&self.write_slot)
            .acquire_owned()
            .await
            .map_err(|e| AppError::Internal(e.to_string()))
    }

    /// Runs `f` with the writing connection in a turn [`AppState::writer_turn`] gave; the turn
    /// ends with the blocking work, even when the request is dropped meanwhile.
    pub async fn write_in_turn<T, F>(
        self: &Arc<Self>,
        turn: tokio::sync::OwnedSemaphorePermit,
        f: F,
    ) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, AppError> + Send + 'static,
    {
        let state = Arc::clone(self);
        let result = tokio::task::spawn_blocking(move || {
            let _turn = turn;
            let mut guard = state
                .writer
                .lock()
                .map_err(|_| AppError::Internal("writer lock poisoned".into()))?;
            if guard.is_none() {
                *guard = Some(Store::open(&state.db)?);
            }
            let store = guard
                .as_mut()
                .ok_or_else(|| AppError::Internal("no writer".into()))?;
            f(store)
        })
        .await;
        result.map_err(|e| AppError::Internal(e.to_string()))?
    }
}

/// The whole application: API, pages, the request time limit, and in front of them all the
/// host and token checks ([`access::guard`]) of a server bound to `bound`.
pub fn app(state: Arc<AppState>, request_timeout: Duration, bound: SocketAddr) -> Router {
    let rules = Arc::new(access::HostRules::new(bound, &state.allowed_hosts));
    let guarded = Arc::clone(&state);
    Router::new()
        .merge(api::routes())
        .merge(pages::routes())
        .layer(axum::middleware::from_fn(move |req, next| {
            limit_time(req, next, request_timeout)
        }))
        .layer(axum::middleware::from_fn(move |req, next| {
            access::guard(Arc::clone(&rules), Arc::clone(&guarded), req, next)
        }))
        .with_state(state)
}

/// When a request must be answered by. An upload is timed by its handler up to the moment it
/// starts writing, so that a 408 always means nothing was stored.
#[derive(Debug, Clone, Copy)]
pub struct Deadline(pub tokio::time::Instant);

async fn limit_time(
    mut req: axum::extract::Request,
    next: axum::middleware::Next,
    limit: Duration,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let deadline = tokio::time::Instant::now() + limit;
    req.extensions_mut().insert(Deadline(deadline));
    if req.method() == axum::http::Method::POST && req.uri().path() == "/api/ingest" {
        return next.run(req).await;
    }
    match tokio::time::timeout_at(deadline, next.run(req)).await {
        Ok(response) => response,
        Err(_) => (
            axum::http::StatusCode::REQUEST_TIMEOUT,
            "request took too long\n",
        )
            .into_response(),
    }
}

/// Serves the store at `db` on `addr` until the process is stopped; tells on stderr where, and
/// the write token.
pub async fn serve(db: PathBuf, addr: SocketAddr, access: Access) -> anyhow::Result<()> {
    let given = access.token.is_some();
    let state = AppState::with_access(db, access)?;
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    #[cfg(unix)]
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    let listener = socket.listen(BACKLOG)?;
    let bound = listener.local_addr()?;
    eprintln!("parallax: serving on http://{bound}");
    if given {
        eprintln!("parallax: writes need the token given with --token");
    } else {
        eprintln!(
            "parallax: writes need the token {} ({} in {})",
            state.token,
            if state.token_created {
                "made now, kept"
            } else {
                "kept"
            },
            access::token_path(&state.db).display()
        );
    }
    if !bound.ip().is_loopback() {
        eprintln!(
            "parallax: warning: {} is not a loopback address: other machines can read the store \
             (writes still need the token); browsers must name this server by its address or a \
             name given with --allow-host",
            bound.ip()
        );
    }
    serve_on(listener, state, Limits::default()).await
}

/// Serves on a bound listener (tests bind port 0 and read the address back).
pub async fn serve_on(
    listener: TcpListener,
    state: Arc<AppState>,
    limits: Limits,
) -> anyhow::Result<()> {
    let app = app(state, limits.request_timeout, listener.local_addr()?);
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    // Each time the cap has stayed reached for SHED_AFTER, the generation goes up and every
    // connection that is old enough closes as soon as it is idle.
    let (shed, _) = tokio::sync::watch::channel(0u64);
    loop {
        // The permit is taken before accepting: beyond the cap, connections wait in the backlog.
        let permit = loop {
            match tokio::time::timeout(SHED_AFTER, Arc::clone(&slots).acquire_owned()).await {
                Ok(permit) => break permit?,
                // Still at the cap: idle connections old enough are asked to close.
                Err(_) => shed.send_modify(|generation| *generation += 1),
            }
        };
        let (stream, peer) = match listener.accept().await {
            Ok(conn) => conn,
            // Out of file descriptors and the like: back off instead of spinning.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        // Handlers see the client's address (the upload form gives the token only to this
        // machine); `asked` tells whether a request has come on this connection.
        let asked = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let seen = Arc::clone(&asked);
        let service = TowerToHyperService::new(tower::util::MapRequest::new(
            app.clone(),
            move |mut req: axum::http::Request<hyper::body::Incoming>| {
                seen.store(true, Ordering::Relaxed);
                req.extensions_mut()
                    .insert(axum::extract::ConnectInfo(peer));
                req
            },
        ));
        let mut shed = shed.subscribe();
        tokio::spawn(async move {
            let _permit = permit;
            let born = Instant::now();
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header_timeout)
                .keep_alive(true);
            let conn = builder.serve_connection(TokioIo::new(stream), service);
            tokio::pin!(conn);
            loop {
                tokio::select! {
                    _ = conn.as_mut() => return,
                    changed = shed.changed() => {
                        // A connection that has asked closes after its response under way
                        // (keep-alive ends while the cap is reached); one that has not asked
                        // yet gets SHED_MIN_AGE to do so.
                        if changed.is_err()
                            || asked.load(Ordering::Relaxed)
                            || born.elapsed() >= SHED_MIN_AGE
                        {
                            // Closes now when idle, else after the response under way.
                            conn.as_mut().graceful_shutdown();
                            let _ = conn.as_mut().await;
                            return;
                        }
                    }
                }
            }
        });
    }
}

/// The runtime the server runs on: multi-threaded, at most [`MAX_BLOCKING_THREADS`] blocking
/// threads.
pub fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .max_blocking_threads(MAX_BLOCKING_THREADS)
        .enable_all()
        .build()
}

/// Runs the server on [`runtime`] (for the command line).
pub fn run(db: PathBuf, addr: SocketAddr, access: Access) -> anyhow::Result<()> {
    runtime()?.block_on(serve(db, addr, access))
}
