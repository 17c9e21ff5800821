//! Data stores in the estimate: a cache's hit ratio from its TTL and the key
//! popularity, reads to replicas and writes to the primary, shards by their
//! share of the keys.

use super::*;

/// The closed form for one key read at `reads` and written at `writes` per
/// second, with entries living `ttl` seconds after the miss that filled them.
fn key_hit_ratio(reads: f64, writes: f64, ttl: f64) -> f64 {
    let lifetime = if writes > 0.0 {
        (1.0 - (-writes * ttl).exp()) / writes
    } else {
        ttl
    };
    reads * lifetime / (1.0 + reads * lifetime)
}

#[test]
fn a_cache_answers_the_hit_ratio_its_ttl_gives() {
    // (change, reads/s per key, writes/s per key, TTL, reads and writes offered)
    let cases: &[(&str, f64, f64, f64, f64, f64)] = &[
        ("", 0.8, 0.2, 1.0, 800.0, 200.0),
        ("set cache cache_ttl_s=300", 0.8, 0.2, 300.0, 800.0, 200.0),
        ("set cache cache_ttl_s=2", 0.8, 0.2, 2.0, 800.0, 200.0),
        (
            "set cache cache_ttl_s=300\ndesign workload.read_share=1",
            1.0,
            0.0,
            300.0,
            1000.0,
            0.0,
        ),
        (
            "design workload.key_space=10",
            80.0,
            20.0,
            1.0,
            800.0,
            200.0,
        ),
    ];
    for &(change, reads, writes, ttl, read_rps, write_rps) in cases {
        let design = sketch(&format!("{CACHED}\n{change}"));
        let estimate = run(&design);
        let expected = key_hit_ratio(reads, writes, ttl);
        let cache = station(&estimate, &design, "cache");
        assert_close(cache.cache_hit_ratio.unwrap(), expected, change);
        check_arrivals(
            &design,
            &[
                ("cache", read_rps + write_rps),
                ("db", read_rps * (1.0 - expected) + write_rps),
            ],
        );
    }
}

#[test]
fn the_retired_hit_ratio_input_in_an_old_file_moves_nothing() {
    use archplay::engine::share::design_file::{from_json, to_json};
    let design = sketch(CACHED);
    let before = run(&design);
    let text = to_json(&design).replace(
        "\"cache_ttl_s\"",
        "\"cache_hit_ratio\": 0.1,\n      \"cache_ttl_s\"",
    );
    assert!(
        text.contains("cache_hit_ratio"),
        "the old input is in the file"
    );
    let old = from_json(&text).expect("an old file with cache_hit_ratio still loads");
    assert_eq!(run(&old), before, "cache_hit_ratio moves nothing");
}

#[test]
fn zipf_keys_raise_the_hit_ratio_and_follow_the_popularity_weighted_sum() {
    use archplay::engine::model::KeyPopularityKind;
    let mut design = sketch(&format!("{CACHED}\ndesign workload.read_share=1"));
    let uniform = station(&run(&design), &design, "cache")
        .cache_hit_ratio
        .unwrap();
    design.simulation.key_popularity = KeyPopularityKind::Zipf;
    design.simulation.zipf_exponent = 1.2;
    let zipf = station(&run(&design), &design, "cache")
        .cache_hit_ratio
        .unwrap();
    let weights: Vec<f64> = (1..=1000).map(|r| (r as f64).powf(-1.2)).collect();
    let total: f64 = weights.iter().sum();
    let expected: f64 = weights
        .iter()
        .map(|w| w / total * key_hit_ratio(1000.0 * w / total, 0.0, 1.0))
        .sum();
    assert_close(zipf, expected, "Zipf hit ratio");
    assert!(
        zipf > uniform + 0.1,
        "hot keys hit more: {zipf} vs {uniform}"
    );
}

#[test]
fn read_replicas_take_reads_and_the_primary_takes_writes() {
    // Primary: 16 servers of mu 100; replicas: 2 x 16. Reads 800, writes 200.
    let design = sketch(&format!("{REPLICATED}\ndesign workload.read_share=0.8"));
    let estimate = run(&design);
    let db = station(&estimate, &design, "db");
    assert_close(db.arrival_rps, 1000.0, "all requests reach the database");
    assert_close(
        db.utilisation,
        800.0 / 3200.0,
        "the replicas are the busier side",
    );
    assert_eq!(db.servers, 32);
    assert_close(
        db.capacity_rps.unwrap(),
        3200.0 / 0.8,
        "reads limit capacity",
    );
    let expected =
        0.2 * mmc_response_ms(200.0, 100.0, 16) + 0.8 * mmc_response_ms(800.0, 100.0, 32);
    assert_close(
        db.mean_response_ms.unwrap(),
        expected,
        "visit-weighted mean of the two stations",
    );

    let write_heavy = sketch(&format!("{REPLICATED}\ndesign workload.read_share=0.2"));
    let estimate = run(&write_heavy);
    let db = station(&estimate, &write_heavy, "db");
    assert_close(
        db.utilisation,
        800.0 / 1600.0,
        "the primary is the busier side",
    );
    assert_eq!(db.servers, 16);
    assert_close(
        db.capacity_rps.unwrap(),
        1600.0 / 0.8,
        "writes limit capacity",
    );

    // Without replicas every request queues at the primary.
    let single = sketch(&format!("{REPLICATED}\nset db read_replicas=0"));
    let estimate = run(&single);
    let db = station(&estimate, &single, "db");
    assert_close(db.utilisation, 1000.0 / 1600.0, "one station");
    assert_close(
        db.mean_response_ms.unwrap(),
        mmc_response_ms(1000.0, 100.0, 16),
        "M/M/16",
    );
}

#[test]
fn shards_take_their_share_of_the_key_space() {
    let design = sketch(&format!(
        "{REPLICATED}\nset db read_replicas=0 shards=0..100,100..400,400..1000"
    ));
    let db_component = design.component_named("db").unwrap();
    let shares = shard_shares(&design, db_component);
    assert_eq!(shares.len(), 3);
    for (share, expected) in shares.iter().zip([0.1, 0.3, 0.6]) {
        assert_close(*share, expected, "share");
    }
    let estimate = run(&design);
    let db = station(&estimate, &design, "db");
    assert_close(
        db.utilisation,
        600.0 / 1600.0,
        "the largest shard is the busiest",
    );
    assert_close(
        db.capacity_rps.unwrap(),
        1600.0 / 0.6,
        "the largest shard limits capacity",
    );
    let expected: f64 = [0.1, 0.3, 0.6]
        .iter()
        .map(|s| s * mmc_response_ms(1000.0 * s, 100.0, 16))
        .sum();
    assert_close(
        db.mean_response_ms.unwrap(),
        expected,
        "visit-weighted mean over the shards",
    );
    assert_eq!(estimate.unrouted_share, 0.0);
}

#[test]
fn a_gap_between_shards_is_reported_as_unrouted() {
    let design = sketch(&format!("{REPLICATED}\nset db shards=0..500,600..1000"));
    let estimate = run(&design);
    assert_close(estimate.unrouted_share, 0.1, "100 of 1000 keys");
    let unsharded = sketch(REPLICATED);
    assert_eq!(run(&unsharded).unrouted_share, 0.0);
}

#[test]
fn shards_receive_the_share_their_keys_hold_under_the_key_popularity() {
    use archplay::engine::model::KeyPopularityKind;
    // Two shards, 0..10 and 10..100, of 16 servers at 10 ms (1600 req/s each).
    let text =
        "client web\ndatabase db shards=0..10,10..100\nweb -> db\ndesign workload.key_space=100";
    let harmonic = |m: u32| (1..=m).map(|r| 1.0 / r as f64).sum::<f64>();
    // (popularity, share of the first shard)
    let cases = [
        (KeyPopularityKind::Uniform, 0.1),
        (KeyPopularityKind::Zipf, harmonic(10) / harmonic(100)),
    ];
    for (popularity, first) in cases {
        let mut design = sketch(text);
        design.simulation.key_popularity = popularity;
        design.simulation.zipf_exponent = 1.0;
        let estimate = run(&design);
        let busiest = first.max(1.0 - first);
        assert_close(
            station(&estimate, &design, "db").capacity_rps.unwrap(),
            1600.0 / busiest,
            &format!("{popularity:?}: the busier shard limits the database"),
        );
    }
}
