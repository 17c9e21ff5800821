//! Facts behind the scalability score: balancing, load balancing on the
//! path, caching and sharding on the request path.

use super::*;

const LONE: &str = "client web\nservice api replicas.current=2\nweb -> api\n";

#[test]
fn a_service_is_balanced_behind_a_balancer_a_bus_or_a_registry() {
    let scaling = |f: &Facts| f.supports_horizontal_scaling.clone();
    check(
        LONE,
        scaling,
        false,
        "api has no load balancer, gateway or registry",
    );
    check(
        "client web\nload_balancer lb\nservice api\nweb -> lb\nlb -> api",
        scaling,
        true,
        "the one service can add replicas",
    );
    check(
        "client web\napi_gateway edge\nservice api\nweb -> edge\nedge -> api",
        scaling,
        true,
        "the one service can add replicas",
    );
    check(
        &format!("{LONE}service_registry registry\napi -> registry"),
        scaling,
        true,
        "the one service can add replicas",
    );
    check(
        &format!("{LONE}service_registry registry\nregistry -> api"),
        scaling,
        true,
        "the one service can add replicas",
    );
    check(
        &format!("{LONE}event_bus bus\nservice worker\napi -> bus\nbus -> worker\nservice_registry r\napi -> r"),
        scaling,
        true,
        "all 2",
    );
    check(
        "client web\nservice api\nweb -> api\nset api replicas.max=1",
        scaling,
        false,
        "api can run at most 1 replica",
    );
    check("client web", scaling, false, "no services");
}

#[test]
fn load_balancing_needs_a_balancer_on_the_path_and_every_replicated_service_behind_one() {
    let balancing = |f: &Facts| f.has_load_balancing.clone();
    check(
        LONE,
        balancing,
        false,
        "no load balancer or gateway is on the request path",
    );
    check(
        "client web\nload_balancer lb\nservice api replicas.current=2\nweb -> lb\nlb -> api",
        balancing,
        true,
        "1 balancer on the request path",
    );
    // A balancer that is not on the request path does not count.
    check(
        &format!("{LONE}load_balancer lb"),
        balancing,
        false,
        "no load balancer",
    );
    check(
        "client web\nload_balancer lb\nservice api\nservice worker replicas.current=3\nweb -> lb\nlb -> api",
        balancing,
        false,
        "worker runs 3 replicas but nothing balances",
    );
}

#[test]
fn caching_and_sharding_count_only_on_the_request_path() {
    let caching = |f: &Facts| f.has_caching.clone();
    check(
        "client web\nservice api\ncache c\ndatabase d\nweb -> api\napi -> c\nc -> d",
        caching,
        true,
        "c answers an estimated 80% of reads",
    );
    check(
        "client web\nservice api\ncache c\nweb -> api\nc -> api",
        caching,
        false,
        "no cache is on the request path",
    );
    let sharding = |f: &Facts| f.supports_database_sharding.clone();
    check(
        "client web\nservice api\ndatabase db shards=0..500,500..1000\nweb -> api\napi -> db",
        sharding,
        true,
        "into 2 range shards",
    );
    check(
        "client web\nservice api\ndatabase db shards=0..1000\nweb -> api\napi -> db",
        sharding,
        false,
        "db is not sharded",
    );
    check(
        "client web\nservice api\ndatabase db shards=0..500,500..1000",
        sharding,
        false,
        "no database is on the request path",
    );
    check(
        "client web\nservice api\ndatabase db shards=0..10,20..1000\nweb -> api\napi -> db",
        sharding,
        false,
        "leave 10 of 1000 keys unowned",
    );
}
