//! Performance exercises (the document leaves its section empty; these teach
//! it): 1,000 requests a second with p99 under 100 ms at the lowest cost, and
//! a cache in front of a slow database to cut the mean response time.
//!
//! What must stay true: every exercise's start fails and its reference passes
//! under its own seeds (tests/engine/learn.rs); runs stay a few simulated
//! seconds.

use super::build::{simulated, ExerciseBuilder};
use super::database_scaling::shared::{
    budget, catalog_without_cache, design_field, fact, overspend, steady_runs,
};
use crate::engine::learn::check::{Comparison, Metric};
use crate::engine::learn::design_source::{DesignSource, Step};
use crate::engine::learn::exercise_data::{Exercise, Section};
use crate::engine::model::ComponentKind as K;

/// The section's exercises.
pub fn exercises() -> Vec<Exercise> {
    vec![thousand_rps(), cache_slow_database()]
}

fn thousand_rps_start() -> Vec<Step> {
    let mut steps = catalog_without_cache("1000");
    steps.extend([
        Step::set("catalog-service", "service_time_ms", "10"),
        Step::set("catalog-service", "replicas.current", "8"),
        Step::set("catalog-db", "read_replicas", "0"),
        Step::set("catalog-db", "service_time_ms", "10"),
        Step::set("catalog-db", "concurrency", "8"),
    ]);
    steps
}

fn thousand_rps_reference() -> Vec<Step> {
    let mut steps = thousand_rps_start();
    steps.extend([
        Step::set("catalog-service", "replicas.current", "2"),
        Step::set("catalog-db", "read_replicas", "2"),
    ]);
    steps
}

fn thousand_rps() -> Exercise {
    ExerciseBuilder::new(
        "perf-1000-rps-lowest-cost",
        Section::Performance,
        "1,000 requests a second, p99 under 100 ms, at the lowest cost",
        "The catalogue must take 1,000 requests a second (80 % reads) with p99 under 100 ms. \
         The team bought eight catalog-service replicas, far more than the 10 ms a request \
         needs, while catalog-db (8 connections, 10 ms a query, about 800 queries a second) \
         still takes every read on its primary and falls behind. Goal: p99 at most 100 ms and \
         at most 0.5 % failed. Constraints: keep query and service times and connections, \
         and spend at most $1,300 a month: put the money where the bottleneck is.",
        DesignSource::template("database-scaling", thousand_rps_start()),
        DesignSource::template("database-scaling", thousand_rps_reference()),
    )
    .checks(vec![
        simulated(
            "p99",
            "p99 at most 100 ms",
            Metric::P99Ms,
            None,
            Comparison::AtMost,
            100.0,
        ),
        simulated(
            "errors",
            "at most 0.5 % of requests fail",
            Metric::ErrorPercent,
            None,
            Comparison::AtMost,
            0.5,
        ),
        budget(1300.0),
    ])
    .hints(&[
        "The estimate names the bottleneck and the busiest component's utilisation: it is not \
         catalog-service.",
        "Reads can go to read replicas; writes (200 a second) stay on the primary. Two replicas \
         give the reads about 1,600 a second of room.",
        "Then trim what is oversized: two catalog-service replicas (16 servers for 10 ms \
         requests) still run at about 60 % busy.",
    ])
    .debrief(
        "Capacity bought away from the bottleneck is wasted: eight service replicas did nothing \
         for a database queue. Sizing follows utilisation: put servers where utilisation is \
         highest until it falls to about 60 to 70 %, and take them away where it is low. The \
         run showed p99 near 70 ms with two service replicas and two read replicas, for less \
         than the start cost. The document's quality attributes set the targets (throughput, \
         response time, CPU); the budget is what makes them a design problem.",
    )
    .runs(steady_runs(4.0))
    .breaks("budget", overspend("catalog-service", "catalog-db"))
    .finish()
}

fn slow_database() -> Vec<Step> {
    let mut steps = catalog_without_cache("400");
    steps.extend([
        design_field("workload.read_share", "0.9"),
        design_field("workload.key_space", "500"),
        Step::set("catalog-db", "service_time_ms", "60"),
        Step::set("catalog-service", "replicas.current", "3"),
        Step::set("catalog-service", "service_time_ms", "10"),
    ]);
    steps
}

fn with_read_cache() -> Vec<Step> {
    let mut steps = slow_database();
    steps.extend([
        Step::add(K::Cache, "read-cache", 620.0, 300.0),
        Step::set("read-cache", "cache_ttl_s", "60"),
        Step::disconnect("catalog-service", "catalog-db"),
        Step::connect("catalog-service", "read-cache"),
        Step::connect("read-cache", "catalog-db"),
    ]);
    steps
}

fn cache_slow_database() -> Exercise {
    let mut runs = steady_runs(10.0);
    runs.scenario.warmup_s = 2.0;
    ExerciseBuilder::new(
        "perf-cache-slow-database",
        Section::Performance,
        "A cache in front of a slow database",
        "Every catalogue request waits for catalog-db, whose queries take 60 ms, so the mean \
         response time is over 60 ms although the service itself needs 10 ms. 90 % of the 400 \
         requests a second read one of 500 products, and products change rarely. Goal: a mean \
         response time of at most 40 ms. Constraints: the database's query time is given, and \
         the design stays within $1,700 a month.",
        DesignSource::template("database-scaling", slow_database()),
        DesignSource::template("database-scaling", with_read_cache()),
    )
    .checks(vec![
        simulated(
            "mean",
            "mean response time at most 40 ms",
            Metric::MeanMs,
            None,
            Comparison::AtMost,
            40.0,
        ),
        fact("cached", "a cache is on the request path", "has_caching"),
        budget(1700.0),
    ])
    .hints(&[
        "Most requests read the same few hundred products: they need not reach the database \
         every time.",
        "Add a Cache between catalog-service and catalog-db: catalog-service → cache → \
         catalog-db, and remove the direct connection.",
        "The hit ratio follows the TTL (see the estimate): with about 0.7 reads a second per \
         product, a TTL of a minute answers most reads from the cache.",
    ])
    .debrief(
        "The fastest query is the one not made: a cache answers repeated reads in about 1 ms and \
         sends only misses and writes to the database. The mean response time is a weighted \
         average, so a hit ratio near 0.85 takes the 60 ms query out of most requests; the tail \
         still holds the misses, which is why caches lower the mean more than p99. The run \
         showed the mean falling from over 60 ms to under 30 ms. The document's answer to \
         \"How do you design systems for massive scale?\" names caching strategies right after \
         horizontal scaling.",
    )
    .runs(runs)
    .breaks("cached", vec![Step::remove("read-cache")])
    .breaks("budget", overspend("catalog-service", "catalog-db"))
    .finish()
}
