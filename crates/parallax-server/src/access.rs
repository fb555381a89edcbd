//! Who may use the server.
//!
//! Two attacks come through the user's own browser. A web page they visit can post a form to
//! `http://127.0.0.1:8080/api/ingest` (a cross-site write), and a page whose name the attacker
//! re-points at 127.0.0.1 (DNS rebinding) can read the store as a same-origin page. So:
//!
//! - every request, reads included, must name an allowed host in `Host` ([`HostRules`]): the
//!   bound address, `localhost`, `127.0.0.1` or `[::1]` with the bound port, or a name the user
//!   allowed (`--allow-host`). A rebinding page sends its own name and is refused 421;
//! - every write (any method but GET and HEAD) needs the token in `Authorization: Bearer`
//!   (else 401), and a write whose `Origin` is not `http(s)://` an allowed host is refused 403.
//!   The token is made at first start and kept beside the store ([`token_path`], mode 0600);
//!   the `/add` page hands it to its own script, and only to a client on this machine.

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::Request;
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::AppState;

/// The file that keeps the write token of the store at `db`: `<db>.token`.
pub fn token_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_os_string();
    name.push(".token");
    PathBuf::from(name)
}

/// The write token of the store at `db`: read from [`token_path`], or made there (readable by
/// the owner only) when missing. The flag tells whether it was made now.
pub fn load_or_create_token(db: &Path) -> std::io::Result<(String, bool)> {
    let path = token_path(db);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(&path) {
        Ok(mut file) => {
            let token = random_token()?;
            file.write_all(format!("{token}\n").as_bytes())?;
            file.sync_all()?;
            Ok((token, true))
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let token = std::fs::read_to_string(&path)?.trim().to_string();
            if token.is_empty() {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{} is empty; delete it to make a new token", path.display()),
                ));
            }
            Ok((token, false))
        }
        Err(e) => Err(e),
    }
}

/// 32 random bytes from the operating system, in hex.
fn random_token() -> std::io::Result<String> {
    let mut bytes = [0u8; 32];
    #[cfg(unix)]
    {
        use std::io::Read;
        std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    }
    #[cfg(not(unix))]
    {
        use std::hash::{BuildHasher, Hasher};
        // Each RandomState is seeded from the operating system's random source.
        for chunk in bytes.chunks_mut(8) {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u128(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos()),
            );
            chunk.copy_from_slice(&h.finish().to_le_bytes()[..chunk.len()]);
        }
    }
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// True when `given` equals `expected`, in time that depends only on their lengths.
pub fn same_token(given: &[u8], expected: &[u8]) -> bool {
    if given.len() != expected.len() {
        return false;
    }
    let diff = given
        .iter()
        .zip(expected)
        .fold(0u8, |acc, (a, b)| acc | (a ^ b));
    std::hint::black_box(diff) == 0
}

/// True for a `Host` value that names this machine's loopback interface: `localhost`,
/// `127.0.0.1` or `[::1]`, with or without a port.
pub fn is_loopback_host(host: &str) -> bool {
    let host = host.trim().to_ascii_lowercase();
    let name = match host.strip_prefix('[') {
        Some(v6) => v6
            .split(']')
            .next()
            .map(|h| format!("[{h}]"))
            .unwrap_or_default(),
        None => host.split(':').next().unwrap_or("").to_string(),
    };
    matches!(name.as_str(), "localhost" | "127.0.0.1" | "[::1]")
}

/// The `Host` values a server accepts.
#[derive(Debug, Clone)]
pub struct HostRules {
    /// Exact `host:port` values (lower case).
    exact: Vec<String>,
    /// Names the user allowed: with a port, exact; without, with any port or none.
    names: Vec<String>,
}

impl HostRules {
    /// The rules of a server bound to `bound` that also allows `names`.
    pub fn new(bound: SocketAddr, names: &[String]) -> HostRules {
        let port = bound.port();
        let loopback = ["localhost", "127.0.0.1", "[::1]"];
        let mut exact = vec![bound.to_string()];
        exact.extend(loopback.iter().map(|h| format!("{h}:{port}")));
        if port == 80 {
            // Browsers leave the default port out.
            exact.extend(loopback.iter().map(|h| h.to_string()));
            exact.push(match bound {
                SocketAddr::V4(a) => a.ip().to_string(),
                SocketAddr::V6(a) => format!("[{}]", a.ip()),
            });
        }
        HostRules {
            exact: exact.into_iter().map(|h| h.to_ascii_lowercase()).collect(),
            names: names
                .iter()
                .map(|n| n.trim().to_ascii_lowercase())
                .filter(|n| !n.is_empty())
                .collect(),
        }
    }

    /// True when a request's `Host` value is allowed.
    pub fn allows(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        self.exact.contains(&host)
            || self.names.iter().any(|name| {
                host == *name
                    || host
                        .strip_prefix(name.as_str())
                        .and_then(|rest| rest.strip_prefix(':'))
                        .is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            })
    }

    /// True when an `Origin` value is `http://` or `https://` followed by an allowed host.
    pub fn allows_origin(&self, origin: &str) -> bool {
        origin
            .strip_prefix("http://")
            .or_else(|| origin.strip_prefix("https://"))
            .is_some_and(|host| !host.contains('/') && self.allows(host))
    }
}

fn refuse(status: StatusCode, message: &str) -> Response {
    let mut response = (status, Json(json!({ "error": message }))).into_response();
    if status == StatusCode::UNAUTHORIZED {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            header::HeaderValue::from_static("Bearer realm=\"parallax\""),
        );
    }
    response
}

/// The check in front of every route: an allowed `Host` for every request; for a write, an
/// allowed `Origin` (or none) and the token.
pub async fn guard(
    rules: Arc<HostRules>,
    state: Arc<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let headers = req.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| req.uri().authority().map(|a| a.to_string()));
    if !host.as_deref().is_some_and(|h| rules.allows(h)) {
        return refuse(
            StatusCode::MISDIRECTED_REQUEST,
            "this server does not answer for that host name (allow one with --allow-host)",
        );
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        if let Some(origin) = headers.get(header::ORIGIN) {
            if !origin.to_str().is_ok_and(|o| rules.allows_origin(o)) {
                return refuse(
                    StatusCode::FORBIDDEN,
                    "writes from another site are refused",
                );
            }
        }
        let token = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim());
        if !token.is_some_and(|t| same_token(t.as_bytes(), state.token().as_bytes())) {
            return refuse(
                StatusCode::UNAUTHORIZED,
                "writes need the token (shown by parallax serve) in Authorization: Bearer",
            );
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts_are_told_from_other_names() {
        assert!(is_loopback_host("127.0.0.1:8080"));
        assert!(is_loopback_host("LOCALHOST"));
        assert!(is_loopback_host("[::1]:9000"));
        assert!(!is_loopback_host("news.example:8080"));
        assert!(!is_loopback_host("127.0.0.1.example"));
        assert!(!is_loopback_host("[::2]"));
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(same_token(b"abc123", b"abc123"));
        assert!(!same_token(b"abc124", b"abc123"));
        assert!(!same_token(b"abc12", b"abc123"));
        assert!(!same_token(b"", b"abc123"));
    }

    #[test]
    fn hosts_are_the_bound_address_loopback_names_and_allowed_names() {
        let rules = HostRules::new("127.0.0.1:8080".parse().unwrap(), &["News.lan".into()]);
        for ok in [
            "127.0.0.1:8080",
            "localhost:8080",
            "LOCALHOST:8080",
            "[::1]:8080",
            "news.lan",
            "news.lan:8080",
            "news.lan:443",
        ] {
            assert!(rules.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example:8080",
            "localhost:8081",
            "localhost",
            "127.0.0.1",
            "news.lan.evil.example",
            "news.lan:",
            "news.lanx:8080",
            "",
        ] {
            assert!(!rules.allows(bad), "{bad}");
        }
        assert!(rules.allows_origin("http://localhost:8080"));
        assert!(rules.allows_origin("https://news.lan"));
        assert!(!rules.allows_origin("http://evil.example"));
        assert!(!rules.allows_origin("null"));
        assert!(!rules.allows_origin("localhost:8080"));
        let on_80 = HostRules::new("127.0.0.1:80".parse().unwrap(), &[]);
        assert!(on_80.allows("localhost") && on_80.allows("127.0.0.1:80"));
    }
}
