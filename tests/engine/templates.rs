//! Every template loads, scores without saturating, and shows what it is named for.

use crate::{assert_close, id_of};
use archplay::engine::model::{ComponentKind as K, Design, HttpMethod, ScalingMetric};
use archplay::engine::score::analytic::estimate;
use archplay::engine::score::{score, Attribute};
use archplay::engine::share::design_file::{from_json, to_json};
use archplay::engine::templates::{template, TEMPLATES};

fn load(name: &str) -> Design {
    template(name).unwrap_or_else(|| panic!("no template `{name}`"))
}

fn count(design: &Design, kind: K) -> usize {
    design.components.iter().filter(|c| c.kind == kind).count()
}

fn arrivals(design: &Design, name: &str) -> f64 {
    let id = id_of(design, name);
    estimate(design)
        .stations
        .iter()
        .find(|s| s.id == id)
        .unwrap()
        .arrival_rps
}

#[test]
fn the_list_names_every_template_and_only_those() {
    let names: Vec<&str> = TEMPLATES.iter().map(|t| t.name).collect();
    assert_eq!(
        names,
        [
            "microservices",
            "event-driven",
            "auto-scaling",
            "database-scaling",
            "payment-gateway",
            "user-management-monolith",
            "user-management-split"
        ]
    );
    assert!(TEMPLATES.iter().all(|t| !t.summary.is_empty()));
    assert_eq!(template("monolith"), None);
    assert_eq!(template(""), None);
}

#[test]
fn every_template_loads_scores_and_does_not_saturate() {
    for info in TEMPLATES {
        let design = load(info.name);
        let loaded = from_json(&to_json(&design)).unwrap_or_else(|e| panic!("{}: {e}", info.name));
        assert_eq!(loaded, design);
        assert!(
            !design.components[0].description.is_empty(),
            "{}: the first component describes the template",
            info.name
        );
        let scorecard = score(&design);
        let estimate = &scorecard.facts.estimate;
        assert!(!estimate.saturated, "{}: saturated", info.name);
        assert!(
            estimate.response_time_ms.is_some_and(|r| r > 0.0),
            "{}",
            info.name
        );
        assert!(
            estimate.findings.is_empty(),
            "{}: {:?}",
            info.name,
            estimate.findings
        );
        assert!(
            scorecard.overall > 50.0,
            "{}: overall {}",
            info.name,
            scorecard.overall
        );
        // Every template is built to be reliable; what it lacks elsewhere is the lesson.
        assert_eq!(
            scorecard.score(Attribute::Reliability),
            100.0,
            "{}",
            info.name
        );
        assert!(
            scorecard.facts.has_monitoring.holds && scorecard.facts.has_alerting.holds,
            "{}",
            info.name
        );
    }
}

#[test]
fn microservices_has_a_gateway_registry_auth_and_a_database_per_service() {
    let design = load("microservices");
    let facts = score(&design).facts;
    for kind in [
        K::ApiGateway,
        K::ServiceRegistry,
        K::AuthProvider,
        K::Monitoring,
    ] {
        assert_eq!(count(&design, kind), 1, "{kind:?}");
    }
    assert_eq!(count(&design, K::Service), 3);
    assert_eq!(count(&design, K::Database), 3);
    let registry = id_of(&design, "registry");
    for service in design.components.iter().filter(|c| c.kind == K::Service) {
        assert!(
            design
                .connections
                .iter()
                .any(|c| c.from == service.id && c.to == registry),
            "{} registers",
            service.name
        );
    }
    let gateway = id_of(&design, "api-gateway");
    let paths: Vec<&str> = design
        .connections
        .iter()
        .filter(|c| c.from == gateway && !c.path.is_empty())
        .map(|c| c.path.as_str())
        .collect();
    assert_eq!(paths, ["/users", "/orders", "/payments"]);
    assert_eq!(
        facts.modularity.value,
        Some(100.0),
        "{}",
        facts.modularity.reason
    );
    assert!(
        facts.has_authentication.holds
            && facts.supports_horizontal_scaling.holds
            && facts.has_load_balancing.holds
    );
    // Weights 2 : 5 : 3 over 400 requests per second.
    assert_close(arrivals(&design, "orders-service"), 200.0, "orders");
    assert_close(arrivals(&design, "users-service"), 80.0, "users");
    assert_close(arrivals(&design, "auth"), 400.0, "auth sees every request");
}

#[test]
fn event_driven_delivers_topics_to_consumers_and_the_store() {
    let design = load("event-driven");
    assert_eq!(count(&design, K::EventBus), 1);
    assert_eq!(count(&design, K::EventStore), 1);
    let estimate = estimate(&design);
    // 300 requests per second, 20% writes: 60 orders a second flow through the processor to both consumers.
    for name in ["fraud-processor", "inventory-consumer", "email-consumer"] {
        assert_close(arrivals(&design, name), 60.0, name);
        let id = id_of(&design, name);
        assert_eq!(
            estimate
                .stations
                .iter()
                .find(|s| s.id == id)
                .unwrap()
                .sync_visits,
            0.0,
            "{name} is asynchronous"
        );
    }
    // The store subscribes to everything: created and validated events.
    assert_close(arrivals(&design, "event-store"), 120.0, "event store");
    assert!(score(&design).facts.supports_horizontal_scaling.holds);
}

#[test]
fn auto_scaling_has_policies_on_cpu_and_request_rate() {
    let design = load("auto-scaling");
    let services: Vec<_> = design
        .components
        .iter()
        .filter(|c| c.kind == K::Service)
        .collect();
    assert_eq!(services.len(), 2);
    assert!(services
        .iter()
        .all(|s| s.autoscaling.enabled && s.replicas.max > s.replicas.current));
    let metrics: Vec<ScalingMetric> = services.iter().map(|s| s.autoscaling.metric).collect();
    assert_eq!(metrics, [ScalingMetric::Cpu, ScalingMetric::RequestRate]);
    assert_eq!(count(&design, K::LoadBalancer), 1);
    let facts = score(&design).facts;
    assert!(
        facts.supports_horizontal_scaling.holds
            && facts.has_load_balancing.holds
            && facts.has_fault_tolerance.holds
    );
}

#[test]
fn database_scaling_has_sharding_caching_and_read_replicas() {
    let design = load("database-scaling");
    let scorecard = score(&design);
    assert!(
        scorecard.facts.supports_database_sharding.holds,
        "{}",
        scorecard.facts.supports_database_sharding.reason
    );
    assert!(
        scorecard.facts.has_caching.holds,
        "{}",
        scorecard.facts.has_caching.reason
    );
    assert_eq!(scorecard.score(Attribute::Scalability), 100.0);
    let db = design.component_named("catalog-db").unwrap();
    assert_eq!(db.shards.len(), 4);
    assert!(db.read_replicas >= 1);
    // 1500 requests, 80% reads over 1000 uniform keys: 1.2 reads/s and
    // 0.3 writes/s per key. A 300 s TTL outlives the time to the next write
    // (E[min(300, Exp(0.3))] = 3.33 s), so 4 hits follow each fill: 80% of
    // reads are answered, and 240 reads + 300 writes reach the database.
    assert_close(
        arrivals(&design, "catalog-db"),
        540.0,
        "database load after the cache",
    );
    assert_eq!(estimate(&design).unrouted_share, 0.0);
}

#[test]
fn payment_gateway_routes_payments_by_weight() {
    let design = load("payment-gateway");
    let gateway = id_of(&design, "payment-gateway");
    let routes: Vec<(&str, HttpMethod, f64)> = design
        .connections
        .iter()
        .filter(|c| c.from == gateway && !c.path.is_empty())
        .map(|c| (c.path.as_str(), c.method, c.weight))
        .collect();
    assert_eq!(
        routes,
        [
            ("/pay/stripe", HttpMethod::Post, 7.0),
            ("/pay/paypal", HttpMethod::Post, 3.0)
        ]
    );
    assert_close(arrivals(&design, "stripe-processor"), 140.0, "70% of 200");
    assert_close(arrivals(&design, "paypal-processor"), 60.0, "30% of 200");
    assert_eq!(design.workload.read_share, 0.0, "every payment is a POST");
    let estimate = archplay::engine::score::analytic::estimate(&design);
    assert_eq!(
        estimate.unrouted_share, 0.0,
        "every request finds a route: {:?}",
        estimate.findings
    );
}

/// Regression: the gateway split ignored route methods, so reads sent to a
/// POST-only gateway looked served in the estimate while the simulator counted
/// them as `no_route`. Reads take GET or ANY routes, writes the others.
#[test]
fn gateway_routes_split_reads_and_writes_by_method() {
    let mut design = load("payment-gateway");
    design.workload.read_share = 0.25;
    let estimate = archplay::engine::score::analytic::estimate(&design);
    assert_close(estimate.unrouted_share, 0.25, "reads have no GET route");
    assert!(
        estimate
            .findings
            .iter()
            .any(|f| f.contains("no route for their method")),
        "{:?}",
        estimate.findings
    );
    assert_close(
        arrivals(&design, "stripe-processor"),
        105.0,
        "70% of the 150 writes",
    );
}

#[test]
fn user_management_split_gives_each_responsibility_its_own_service() {
    let monolith = load("user-management-monolith");
    let split = load("user-management-split");
    assert_eq!(
        count(&monolith, K::Service),
        2,
        "user-service and the email provider"
    );
    for name in [
        "user-service",
        "user-repository",
        "user-notification-service",
        "user-authentication-service",
    ] {
        assert_eq!(
            split.component_named(name).map(|c| c.kind),
            Some(K::Service),
            "{name}"
        );
    }
    // In the monolith one service reaches the store, the auth provider and
    // (through its balancer) the email provider; after the split no service does two.
    let callees = |design: &Design, name: &str| {
        let id = id_of(design, name);
        design.connections.iter().filter(|c| c.from == id).count()
    };
    assert!(callees(&monolith, "user-service") >= 3);
    assert_eq!(
        callees(&split, "user-repository"),
        2,
        "users-db and the registry"
    );
}
