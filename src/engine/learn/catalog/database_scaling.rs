//! Database-scaling exercises, after the document's DatabaseScalingStrategy
//! (primary, read replicas, shards, a load balancer and a cache): send reads
//! to replicas, shard so a Zipf-hot key range does not saturate one shard,
//! reach a cache hit ratio of 0.8 by TTL, and keep serving reads while the
//! primary is down.
//!
//! What must stay true: every exercise's start fails and its reference passes
//! under its own seeds (tests/engine/learn.rs checks the whole catalog); runs
//! stay a few simulated seconds at a few hundred requests per second, so the
//! catalog-wide tests stay fast in debug builds.

pub(super) mod shared;

use super::build::{simulated, ExerciseBuilder};
use crate::engine::learn::check::{Comparison, Metric};
use crate::engine::learn::design_source::{DesignSource, Step};
use crate::engine::learn::exercise_data::{Exercise, Section};
use crate::engine::model::{FaultAction, KeyPopularityKind};
use shared::{
    budget, catalog_without_cache, design_field, fact, fault, load, overspend, steady_runs,
};

/// The section's exercises.
pub fn exercises() -> Vec<Exercise> {
    vec![read_replicas(), hot_shard(), cache_ttl(), primary_down()]
}

fn with(mut steps: Vec<Step>, more: Vec<Step>) -> Vec<Step> {
    steps.extend(more);
    steps
}

fn read_replicas_start() -> Vec<Step> {
    with(
        catalog_without_cache("600"),
        vec![
            Step::set("catalog-service", "replicas.current", "3"),
            Step::set("catalog-db", "read_replicas", "0"),
            Step::set("catalog-db", "service_time_ms", "20"),
            Step::set("catalog-db", "concurrency", "8"),
        ],
    )
}

fn read_replicas() -> Exercise {
    ExerciseBuilder::new(
        "db-read-replicas",
        Section::DatabaseScaling,
        "Send reads to read replicas",
        "The product catalogue gets 600 requests a second, 80 % of them reads, and every one \
         lands on the single primary of catalog-db (8 connections, 20 ms a query): it can \
         answer about 400 a second, so its queue overflows. Goal: answer every request with \
         p99 under 200 ms by sending reads to read replicas, as the document's \
         DatabaseScalingStrategy does. Constraints: keep the database's query time and \
         connections as they are, and stay within $1,600 a month.",
        DesignSource::template("database-scaling", read_replicas_start()),
        DesignSource::template(
            "database-scaling",
            with(
                read_replicas_start(),
                vec![Step::set("catalog-db", "read_replicas", "2")],
            ),
        ),
    )
    .checks(vec![
        simulated(
            "errors",
            "at most 1 % of requests fail",
            Metric::ErrorPercent,
            None,
            Comparison::AtMost,
            1.0,
        ),
        simulated(
            "p99",
            "p99 at most 200 ms",
            Metric::P99Ms,
            None,
            Comparison::AtMost,
            200.0,
        ),
        fact(
            "redundancy",
            "catalog-db keeps a second copy",
            "has_redundancy",
        ),
        budget(1600.0),
    ])
    .hints(&[
        "Select catalog-db: every read goes to its primary because it has no read replica.",
        "Reads go to a shard's read replicas when it has any; writes stay on the primary. \
         One replica with 8 connections takes about 400 reads a second.",
        "480 reads a second need two read replicas to leave headroom: set read_replicas to 2.",
    ])
    .debrief(
        "Reads and writes have different homes: writes must go to the one primary, reads can \
         go to any copy. Two read replicas split 480 reads a second into about 240 each, and \
         the primary keeps only the 120 writes, so no queue overflows and p99 falls from \
         hundreds of milliseconds to about 140 ms. The replicas are also a second copy of the \
         data. The document's follow-up question \"How do you design systems for massive scale?\" \
         answers with horizontal scaling first; for read-heavy data, replicas are that step.",
    )
    .runs(steady_runs(5.0))
    .breaks("budget", overspend("catalog-service", "catalog-db"))
    .finish()
}

fn hot_shard_base(shards: &str) -> Vec<Step> {
    with(
        catalog_without_cache("600"),
        vec![
            design_field("workload.read_share", "0"),
            design_field("simulation.key_popularity", "zipf"),
            Step::set("catalog-service", "replicas.current", "3"),
            Step::set("catalog-db", "read_replicas", "1"),
            Step::set("catalog-db", "service_time_ms", "20"),
            Step::set("catalog-db", "concurrency", "8"),
            Step::set("catalog-db", "shards", shards),
        ],
    )
}

fn hot_shard() -> Exercise {
    let mut runs = steady_runs(5.0);
    runs.scenario.key_popularity = KeyPopularityKind::Zipf;
    runs.scenario.zipf_exponent = 1.0;
    ExerciseBuilder::new(
        "db-shard-hot-range",
        Section::DatabaseScaling,
        "Shard around a hot key range",
        "Every request writes (600 a second), and keys are Zipf-popular: key 0 gets about 13 % \
         of all writes and the first few keys most of the rest. catalog-db is split into two \
         equal halves, 0..500 and 500..1000, so the first half takes about 90 % of the writes \
         and its primary (8 connections, 20 ms a write, about 400 a second) saturates. Goal: \
         every request answered, p99 under 200 ms. Constraints: keep the key space, query time \
         and connections, and stay within $2,200 a month.",
        DesignSource::template("database-scaling", hot_shard_base("0..500, 500..1000")),
        DesignSource::template("database-scaling", hot_shard_base("0..3, 3..30, 30..1000")),
    )
    .checks(vec![
        simulated(
            "errors",
            "at most 1 % of requests fail",
            Metric::ErrorPercent,
            None,
            Comparison::AtMost,
            1.0,
        ),
        simulated(
            "p99",
            "p99 at most 200 ms",
            Metric::P99Ms,
            None,
            Comparison::AtMost,
            200.0,
        ),
        fact(
            "sharded",
            "catalog-db is range-sharded over the whole key space",
            "supports_database_sharding",
        ),
        budget(2200.0),
    ])
    .hints(&[
        "Equal ranges are not equal load: under Zipf popularity key k is written in proportion \
         to 1/(k+1). Four equal quarters still leave about 80 % of the writes on 0..250.",
        "Cut where the traffic is, not where the keys are: give the hottest few keys a shard \
         of their own, the next tens another, and the long tail the rest.",
        "Shards 0..3, 3..30 and 30..1000 take about 24 %, 29 % and 47 % of the writes.",
    ])
    .debrief(
        "A range shard owns keys, but load follows popularity. With Zipf-popular keys the \
         first handful of keys carries a quarter of the traffic, so equal ranges put nearly \
         everything on one primary; ranges cut at the popularity quantiles spread the writes \
         so no primary passes about 70 % busy. Real systems split hot ranges (or hash keys) \
         for the same reason. The document's answer to \"How do you design systems for \
         massive scale?\" \
         names database sharding; the run showed it helps only when the split follows the \
         traffic.",
    )
    .runs(runs)
    .breaks("sharded", vec![Step::set("catalog-db", "shards", "")])
    .breaks(
        "budget",
        vec![Step::set(
            "catalog-db",
            "shards",
            "0..1, 1..3, 3..10, 10..100, 100..1000",
        )],
    )
    .finish()
}

fn cache_ttl_start(ttl: &str) -> Vec<Step> {
    let mut steps = vec![Step::set("catalog-db", "shards", "")];
    steps.extend(load("200"));
    steps.extend([
        design_field("workload.read_share", "0.95"),
        design_field("workload.key_space", "200"),
        Step::set("catalog-service", "replicas.current", "2"),
        Step::set("redis-cache", "cache_ttl_s", ttl),
    ]);
    steps
}

fn cache_ttl() -> Exercise {
    let mut runs = steady_runs(13.0);
    runs.scenario.warmup_s = 3.0;
    ExerciseBuilder::new(
        "db-cache-ttl",
        Section::DatabaseScaling,
        "A cache hit ratio of 0.8 by TTL",
        "redis-cache sits in front of catalog-db, but its entries live only 2 s: about 0.95 \
         reads a second reach each of the 200 products, so most entries expire before the next \
         read and the cache answers only about two thirds of them. Goal: the cache answers at \
         least 80 % of reads in a run. Constraints: change only the TTL (the traffic, key \
         space and popularity are given; writes invalidate their key), and stay within $1,600 \
         a month.",
        DesignSource::template("database-scaling", cache_ttl_start("2")),
        DesignSource::template("database-scaling", cache_ttl_start("10")),
    )
    .checks(vec![
        simulated(
            "hit-ratio",
            "redis-cache hit ratio at least 0.8",
            Metric::CacheHitRatio,
            Some("redis-cache"),
            Comparison::AtLeast,
            0.8,
        ),
        fact("cached", "a cache is on the request path", "has_caching"),
        budget(1600.0),
    ])
    .hints(&[
        "The estimate panel shows the cache's derived hit ratio and what it comes from: TTL, \
         reads per key and writes that invalidate.",
        "Each fill is followed by about (reads per second per key x TTL) hits, so the ratio is \
         about λ·TTL / (1 + λ·TTL). For 0.8 you need λ·TTL of about 4, a little more because \
         writes cut some entries short.",
        "With about 0.95 reads a second per key, a TTL of about 6 s reaches 0.8; 10 s leaves \
         headroom.",
    ])
    .debrief(
        "A TTL cache's hit ratio is not a dial of its own: it follows from how often each key \
         is read within one TTL. λ·TTL / (1 + λ·TTL) per key means that doubling a short TTL \
         helps a lot and doubling a long one little, and that writes (which invalidate) cap \
         what any TTL can reach. The price is staleness: a longer TTL serves older data. The \
         document's answer to \"How do you design systems for massive scale?\" names caching \
         strategies; the run measured the ratio the estimate derived from the TTL.",
    )
    .runs(runs)
    .breaks("cached", vec![Step::remove("redis-cache")])
    .breaks("budget", overspend("catalog-service", "catalog-db"))
    .finish()
}

fn primary_down_start(read_replicas: &str) -> Vec<Step> {
    with(
        catalog_without_cache("300"),
        vec![
            design_field("workload.read_share", "0.9"),
            Step::set("catalog-service", "replicas.current", "2"),
            Step::set("catalog-db", "read_replicas", read_replicas),
        ],
    )
}

fn primary_down() -> Exercise {
    let mut runs = steady_runs(6.0);
    runs.faults = vec![fault("catalog-db", FaultAction::KillReplica, 1.0, None)];
    ExerciseBuilder::new(
        "db-primary-down",
        Section::DatabaseScaling,
        "Keep serving reads while the primary is down",
        "At 1 s into the run the primary of catalog-db crashes and stays down. 90 % of the 300 \
         requests a second only read. Today reads go to the primary too, so almost every \
         request fails from then on. Goal: keep answering the reads (at least 240 requests a \
         second, at most 12 % failed: the writes may fail while there is no primary). \
         Constraint: stay within $1,400 a month.",
        DesignSource::template("database-scaling", primary_down_start("0")),
        DesignSource::template("database-scaling", primary_down_start("1")),
    )
    .checks(vec![
        simulated(
            "answered",
            "at least 240 requests/s answered",
            Metric::AnsweredRps,
            None,
            Comparison::AtLeast,
            240.0,
        ),
        simulated(
            "errors",
            "at most 12 % of requests fail",
            Metric::ErrorPercent,
            None,
            Comparison::AtMost,
            12.0,
        ),
        fact(
            "redundancy",
            "catalog-db keeps a second copy",
            "has_redundancy",
        ),
        budget(1400.0),
    ])
    .hints(&[
        "A crashed primary takes every request it serves with it. What serves reads when there \
         is a copy?",
        "Give catalog-db a read replica: reads go to the replicas, only writes need the primary.",
    ])
    .debrief(
        "Replication is availability as well as capacity: with a read replica, losing the \
         primary costs the writes (about 10 % of requests here) and not the reads, so the \
         service degrades instead of going dark. A real system would also promote a replica \
         to primary to get writes back. The document's follow-up question \
         \"How do you ensure system reliability and fault tolerance?\" answers: redundancy \
         and graceful \
         degradation, which the run showed as reads answered through the outage.",
    )
    .runs(runs)
    .breaks("budget", overspend("catalog-service", "catalog-db"))
    .finish()
}
