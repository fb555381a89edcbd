//! The Parallax server: an HTTP JSON API and a web UI over a store.
//!
//! Every request reads through a pool of read-only SQLite connections on blocking threads, so
//! pages keep being served while an ingest (here or in another process) writes. Story pages are
//! rendered when a story is analyzed and stored; a request wraps the stored body in the page
//! chrome. Request bodies are capped ([`MAX_BODY`]), a client that sends its headers too slowly
//! is disconnected ([`HEADER_TIMEOUT`]), and a request that takes longer than
//! [`REQUEST_TIMEOUT`] (a slow upload, say) is answered 408.

#![warn(missing_docs)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use parallax_store::{Store, StoreError};
use tokio::net::TcpListener;

pub mod api;
pub mod openapi;
pub mod pages;

/// Largest request body accepted (an upload of articles): 16 MiB.
pub const MAX_BODY: usize = 16 * 1024 * 1024;
/// Time a client has to send a request's headers.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Time a request may take from its headers to the response, body upload included.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// Time limits of a server.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Time a client has to send a request's headers.
    pub header_timeout: Duration,
    /// Time a request may take from its headers to the response.
    pub request_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_timeout: HEADER_TIMEOUT,
            request_timeout: REQUEST_TIMEOUT,
        }
    }
}

/// What every handler shares.
pub struct AppState {
    db: PathBuf,
    readers: Mutex<Vec<Store>>,
    writer: Mutex<Option<Store>>,
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
    /// State over the store at `db`, which is created when missing.
    pub fn new(db: PathBuf) -> Result<Arc<AppState>, StoreError> {
        let writer = Store::open(&db)?;
        Ok(Arc::new(AppState {
            db,
            readers: Mutex::new(Vec::new()),
            writer: Mutex::new(Some(writer)),
        }))
    }

    /// Runs `f` with a read-only store connection on a blocking thread.
    pub async fn read<T, F>(self: &Arc<Self>, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, AppError> + Send + 'static,
    {
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let pooled = state.readers.lock().ok().and_then(|mut p| p.pop());
            let store = match pooled {
                Some(s) => s,
                None => Store::open_read_only(&state.db)?,
            };
            let result = f(&store);
            if let Ok(mut pool) = state.readers.lock() {
                pool.push(store);
            }
            result
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
    }

    /// Runs `f` with the one writing connection on a blocking thread.
    pub async fn write<T, F>(self: &Arc<Self>, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, AppError> + Send + 'static,
    {
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
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
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
    }
}

/// The whole application: API, pages, and the request time limit.
pub fn app(state: Arc<AppState>, request_timeout: Duration) -> Router {
    Router::new()
        .merge(api::routes())
        .merge(pages::routes())
        .layer(axum::middleware::from_fn(move |req, next| {
            limit_time(req, next, request_timeout)
        }))
        .with_state(state)
}

async fn limit_time(
    req: axum::extract::Request,
    next: axum::middleware::Next,
    limit: Duration,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(response) => response,
        Err(_) => (
            axum::http::StatusCode::REQUEST_TIMEOUT,
            "request took too long\n",
        )
            .into_response(),
    }
}

/// Serves the store at `db` on `addr` until the process is stopped.
pub async fn serve(db: PathBuf, addr: SocketAddr) -> anyhow::Result<()> {
    let state = AppState::new(db)?;
    let listener = TcpListener::bind(addr).await?;
    eprintln!("parallax: serving on http://{}", listener.local_addr()?);
    serve_on(listener, state, Limits::default()).await
}

/// Serves on a bound listener (tests bind port 0 and read the address back).
pub async fn serve_on(
    listener: TcpListener,
    state: Arc<AppState>,
    limits: Limits,
) -> anyhow::Result<()> {
    let app = app(state, limits.request_timeout);
    loop {
        let (stream, _) = match listener.accept().await {
            Ok(conn) => conn,
            // Out of file descriptors and the like: back off instead of spinning.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header_timeout)
                .keep_alive(true);
            let _ = builder
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Runs the server on a multi-threaded runtime (for the command line).
pub fn run(db: PathBuf, addr: SocketAddr) -> anyhow::Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve(db, addr))
}
