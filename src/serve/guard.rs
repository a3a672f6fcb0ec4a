//! What keeps out what is not meant to get in: the rate limit per token, the headers
//! every answer carries (strict Content-Security-Policy, no referrer, no cache, no
//! sniffing; never a cookie) and the count of refused requests.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

/// Requests a token may make at once before it is slowed down.
pub const BURST: f64 = 60.0;
/// Requests per second a token regains.
pub const PER_SECOND: f64 = 5.0;
/// Tokens remembered by the limiter before it forgets the idle ones.
const REMEMBERED: usize = 4096;

/// The Content-Security-Policy of every answer: only this server's own script, style
/// and API; no frames, no forms posted elsewhere, no plugins.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// A token bucket per token.
#[derive(Debug, Default)]
pub struct RateLimiter {
    buckets: HashMap<String, (f64, Instant)>,
}

impl RateLimiter {
    /// Takes one request from `key`'s bucket; `false` when it is empty.
    pub fn allow(&mut self, key: &str, now: Instant) -> bool {
        if self.buckets.len() >= REMEMBERED && !self.buckets.contains_key(key) {
            self.buckets
                .retain(|_, (level, at)| *level + now.duration_since(*at).as_secs_f64() * PER_SECOND < BURST);
        }
        let (level, at) = self.buckets.entry(key.to_string()).or_insert((BURST, now));
        *level = (*level + now.duration_since(*at).as_secs_f64() * PER_SECOND).min(BURST);
        *at = now;
        if *level >= 1.0 {
            *level -= 1.0;
            true
        } else {
            false
        }
    }
}

/// Requests refused (unknown token, too large, too many, unreadable), shown to the
/// facilitator.
#[derive(Debug, Default)]
pub struct RefusedCount(AtomicU64);

impl RefusedCount {
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// Adds the safety headers to every answer and counts the refused ones (4xx).
pub async fn secure_headers(
    State(refused): State<Arc<RefusedCount>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    if response.status().is_client_error() {
        refused.0.fetch_add(1, Ordering::Relaxed);
    }
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.remove(header::SET_COOKIE);
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_token_is_slowed_down_then_regains_requests() {
        let mut limiter = RateLimiter::default();
        let start = Instant::now();
        let allowed = (0..100).filter(|_| limiter.allow("a", start)).count();
        assert_eq!(allowed, BURST as usize);
        assert!(limiter.allow("b", start), "another token has its own bucket");
        assert!(limiter.allow("a", start + Duration::from_secs(1)));
    }
}
