//! `parallax follow FEEDS.txt`: keeps a store up with a list of feeds and sitemaps.
//!
//! Each round reads the list again (one URL a line; blank lines and `#` comments skipped) and
//! asks each feed for what changed: a conditional request with the validators of its last
//! answer (`ETag`, `Last-Modified`), so an unchanged feed costs one small request and fetches
//! nothing. The articles of a changed feed that the store does not hold are fetched once and
//! ingested. A failing feed waits before it is asked again, longer after each failure in a row
//! ([`backoff`]), and so do the other feeds of its host for the rest of the round. Ctrl-C stops
//! between feeds: an ingest under way finishes (it commits batch by batch), nothing is left
//! half-stored.

use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use parallax::model::Rejection;
use parallax::render::terminal::line;
use parallax_fetch::{feeds, Fetch, FetchOptions, Fetcher, Validators};
use parallax_store::{FeedReading, Store};

use crate::report_rejections;

/// The longest wait of a failing feed: a day.
const MAX_BACKOFF: Duration = Duration::from_secs(24 * 3600);

/// How long a feed that failed `failures` times in a row waits: the polling interval, doubled
/// with each further failure, at most [`MAX_BACKOFF`].
pub fn backoff(every: Duration, failures: u32) -> Duration {
    let factor = 1u32 << failures.saturating_sub(1).min(16);
    every.saturating_mul(factor).min(MAX_BACKOFF)
}

/// Parses an interval: `90s`, `15m`, `2h`, or seconds alone.
pub fn parse_interval(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (number, unit) = text
        .find(|c: char| !c.is_ascii_digit())
        .map_or((text, ""), |i| text.split_at(i));
    let n: u64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not an interval like 90s, 15m or 2h"))?;
    let seconds = match unit {
        "" | "s" => n,
        "m" => n.saturating_mul(60),
        "h" => n.saturating_mul(3600),
        _ => return Err(format!("{text:?} is not an interval like 90s, 15m or 2h")),
    };
    if seconds == 0 {
        return Err("the interval must be at least one second".into());
    }
    Ok(Duration::from_secs(seconds))
}

/// The feed URLs of a list file.
fn feed_list(path: &Path) -> Result<Vec<String>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// `parallax follow`: polls the feeds of `list` into the store at `db` every `every` (once with
/// `once`), until Ctrl-C. True when the last round had no failure.
pub fn follow(
    db: &Path,
    list: &Path,
    every: Duration,
    once: bool,
    max_bytes: usize,
) -> Result<bool> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("cannot set up Ctrl-C handling")?;
    }
    let mut store = Store::open(db)?;
    let fetcher = Fetcher::new(FetchOptions {
        max_bytes,
        ..FetchOptions::default()
    });
    loop {
        let started = Instant::now();
        let clean = round(&mut store, &fetcher, &feed_list(list)?, every, &stop)?;
        if once || stop.load(Ordering::SeqCst) {
            return Ok(clean);
        }
        while started.elapsed() < every {
            if stop.load(Ordering::SeqCst) {
                return Ok(clean);
            }
            std::thread::sleep(Duration::from_millis(200).min(every));
        }
    }
}

/// One round over the feeds; true when none failed.
fn round(
    store: &mut Store,
    fetcher: &Fetcher,
    feeds: &[String],
    every: Duration,
    stop: &AtomicBool,
) -> Result<bool> {
    let mut failing_hosts: HashSet<String> = HashSet::new();
    let mut clean = true;
    for url in feeds {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let row = store.feed(url)?.unwrap_or_default();
        if row.next_try > unix_now() || failing_hosts.contains(&host_of(url)) {
            continue;
        }
        let validators = Validators {
            etag: row.etag.clone(),
            last_modified: row.last_modified.clone(),
        };
        let reading = match fetcher.get(url, &validators) {
            Ok(None) => FeedReading {
                status: "unchanged".into(),
                ..FeedReading::default()
            },
            Ok(Some(fetched)) if !feeds::is_listing(&fetched.content_type, &fetched.bytes) => {
                failed("not a feed or sitemap", row.failures, every)
            }
            Ok(Some(fetched)) => {
                let mut found = Fetch::default();
                let entries = fetcher.listing_entries(url, &fetched, &mut found);
                let known = |link: &str| store.has_url(link).unwrap_or(false);
                fetcher.fetch_entries(entries, &known, &mut found);
                let failures = found.failed.len();
                report_rejections(
                    &found
                        .failed
                        .into_iter()
                        .map(|(input, e)| Rejection {
                            input,
                            reason: e.to_string(),
                        })
                        .collect::<Vec<_>>(),
                );
                let report = store.ingest(found.pages, &mut |_| {})?;
                report_rejections(&report.rejected);
                FeedReading {
                    etag: fetched.validators.etag,
                    last_modified: fetched.validators.last_modified,
                    status: format!(
                        "{} new, {} known, {} failed",
                        report.added,
                        found.skipped + report.unchanged,
                        failures + report.rejected.len()
                    ),
                    added: report.added,
                    ..FeedReading::default()
                }
            }
            Err(e) => failed(&e.to_string(), row.failures, every),
        };
        if reading.failed {
            clean = false;
            failing_hosts.insert(host_of(url));
        }
        eprintln!("parallax: {}: {}", line(url), line(&reading.status));
        store.record_feed_reading(url, &reading)?;
    }
    Ok(clean)
}

/// The reading of a feed that failed, with its back-off.
fn failed(reason: &str, failures_before: i64, every: Duration) -> FeedReading {
    let failures = u32::try_from(failures_before.saturating_add(1)).unwrap_or(u32::MAX);
    let wait = backoff(every, failures);
    FeedReading {
        status: format!("failed ({reason}); next try in {} s", wait.as_secs()),
        failed: true,
        next_try: unix_now().saturating_add(wait.as_secs() as i64),
        ..FeedReading::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_and_backoff() {
        assert_eq!(parse_interval("15m"), Ok(Duration::from_secs(900)));
        assert_eq!(parse_interval("90"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_interval("2h"), Ok(Duration::from_secs(7200)));
        assert!(parse_interval("0s").is_err());
        assert!(parse_interval("soon").is_err());
        let every = Duration::from_secs(600);
        assert_eq!(backoff(every, 1), every);
        assert_eq!(backoff(every, 3), every * 4);
        assert_eq!(backoff(every, 60), MAX_BACKOFF);
    }
}
