//! What the estimate counts as served, and the cache figures in words:
//! requests a client sends straight to a data store, and misses of a cache
//! with nothing behind it, reach no service and no data, so they are not
//! counted as answered (the loopholes of issue 9, point 7).
//!
//! What must stay true: every share returned is in [0, 1] per entry request
//! and comes with a finding naming the components.

use super::routing::Routing;
use super::{cache, Rates};
use crate::engine::model::{Component, ComponentKind, Design};

/// Share of entry requests clients send straight to a database or cache,
/// with a finding for each such connection: those requests reach data with
/// no service to authorize them, and are not counted as served.
pub(super) fn straight_to_storage(
    design: &Design,
    routing: &Routing,
    clients: &[usize],
    seeds: &[Rates],
    findings: &mut Vec<String>,
) -> f64 {
    let mut share = 0.0;
    for &client in clients {
        for (j, rates, _) in routing.forward_labelled(client, seeds[client]) {
            if design.components[j].kind.is_data_store() {
                share += rates.total();
                findings.push(format!(
                    "{} sends {:.0}% of requests straight to {}: no authorization between users and data, so they are not counted as served",
                    design.components[client].name,
                    rates.total() * 100.0,
                    design.components[j].name
                ));
            }
        }
    }
    share
}

/// Share of entry requests that miss (or write through) a cache with nothing
/// behind it, with a finding for each such cache: no data answers them, so
/// they are not counted as served.
pub(super) fn backless_caches(
    design: &Design,
    routing: &Routing,
    served: &[Rates],
    findings: &mut Vec<String>,
) -> f64 {
    let mut share = 0.0;
    for (i, component) in design.components.iter().enumerate() {
        if component.kind != ComponentKind::Cache || served[i].total() <= 0.0 {
            continue;
        }
        let passed: f64 = routing
            .forward_labelled(i, served[i])
            .iter()
            .filter(|(_, _, chosen)| *chosen)
            .map(|(_, rates, _)| rates.total())
            .sum();
        if passed > 0.0 {
            continue;
        }
        let ratio = routing.hit_ratios.borrow()[i].unwrap_or(0.0);
        let unanswered = served[i].read * (1.0 - ratio) + served[i].write;
        share += unanswered.min(1.0);
        findings.push(format!(
            "{} has nothing behind it: its misses and writes reach no data, so they are not counted as served",
            component.name
        ));
    }
    share
}

/// A cache's derived hit ratio in words, with the inputs it came from.
pub(super) fn cache_words(design: &Design, cache: &Component, ratio: f64, rates: Rates) -> String {
    use crate::engine::attributes::fields::format_number;
    let popularity = match cache::Popularity::of(design) {
        cache::Popularity::Uniform => "uniform".to_string(),
        cache::Popularity::Zipf { exponent } => format!("Zipf {} ", format_number(exponent))
            .trim_end()
            .to_string(),
    };
    format!(
        "{} answers an estimated {:.1}% of reads: TTL {} s, {:.0} reads/s and {:.0} writes/s over {} {popularity} keys (a longer TTL, more traffic or hotter keys raise it; writes invalidate)",
        cache.name,
        ratio * 100.0,
        format_number(cache.cache_ttl_s),
        rates.read,
        rates.write,
        design.workload.key_space
    )
}
