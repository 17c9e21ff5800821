//! The unit prices in links, snapshots and design files: edited prices
//! survive every form; links and files made before the prices existed read
//! the defaults. That a design at the default prices writes the same link
//! payload as before the prices joined (they are left out as frozen defaults)
//! is `golden::the_writer_still_writes_the_golden_payloads`.

use crate::{fixture_link, fixture_link_v2, FIXTURES, FIXTURES_V2};
use archplay::engine::model::{Design, Prices};
use archplay::engine::share::design_file::{from_json, to_json};
use archplay::engine::share::{decode_link, decode_snapshot, encode_link, encode_snapshot};
use archplay::engine::templates::template;

/// Every price set to a value other than its default.
fn odd_prices() -> Prices {
    Prices {
        service_per_concurrency: 12.5,
        database_primary: 300.0,
        database_read_replica: 0.0,
        database_shard: 1.25,
        cache_node: 77.0,
        event_bus: 1000.0,
        event_store: 999_999.5,
        api_gateway: 3.0,
        load_balancer: 18.0,
        auth_provider: 0.01,
        service_registry: 45.0,
        monitoring: 61.0,
    }
}

#[test]
fn edited_prices_survive_a_link_a_snapshot_and_a_file() {
    let mut design = template("microservices").unwrap();
    design.prices = odd_prices();
    assert_eq!(decode_link(&encode_link(&design)), Ok(design.clone()));
    assert_eq!(
        decode_snapshot(&encode_snapshot(&design)),
        Ok(design.clone())
    );
    assert_eq!(from_json(&to_json(&design)), Ok(design));
}

#[test]
fn each_price_alone_survives_a_link() {
    let odd = odd_prices();
    let setters: [fn(&mut Prices, &Prices); 12] = [
        |p, o| p.service_per_concurrency = o.service_per_concurrency,
        |p, o| p.database_primary = o.database_primary,
        |p, o| p.database_read_replica = o.database_read_replica,
        |p, o| p.database_shard = o.database_shard,
        |p, o| p.cache_node = o.cache_node,
        |p, o| p.event_bus = o.event_bus,
        |p, o| p.event_store = o.event_store,
        |p, o| p.api_gateway = o.api_gateway,
        |p, o| p.load_balancer = o.load_balancer,
        |p, o| p.auth_provider = o.auth_provider,
        |p, o| p.service_registry = o.service_registry,
        |p, o| p.monitoring = o.monitoring,
    ];
    for (index, set) in setters.iter().enumerate() {
        let mut design = Design::new("one price");
        set(&mut design.prices, &odd);
        assert_ne!(design.prices, Prices::default(), "price {index}");
        assert_eq!(
            decode_link(&encode_link(&design)),
            Ok(design),
            "price {index}"
        );
    }
}

#[test]
fn old_links_read_the_default_prices() {
    for name in FIXTURES {
        let design = decode_link(&fixture_link(name)).unwrap();
        assert_eq!(design.prices, Prices::default(), "{name}.link");
    }
    for name in FIXTURES_V2 {
        let design = decode_link(&fixture_link_v2(name)).unwrap();
        assert_eq!(design.prices, Prices::default(), "{name}.v2.link");
    }
}

#[test]
fn prices_make_the_link_longer_only_when_they_change() {
    let design = template("auto-scaling").unwrap();
    let mut priced = design.clone();
    priced.prices.cache_node = 80.0;
    assert!(encode_link(&priced).len() > encode_link(&design).len());
}

#[test]
fn an_old_design_file_reads_the_default_prices() {
    let text =
        r#"{"archplay": 1, "name": "before prices", "workload": {"requests_per_second": 10}}"#;
    let design = from_json(text).unwrap();
    assert_eq!(design.prices, Prices::default());
}
