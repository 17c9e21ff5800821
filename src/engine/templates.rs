//! Ready designs: the seed's four architectures, its payment gateway, and its
//! user management before and after the single-responsibility split.
//!
//! What must stay true: every template passes validation (a test loads each
//! one through the design-file reader) and carries a description of what it
//! shows.

mod user_management;

use crate::engine::model::{
    Component, ComponentId, ComponentKind as K, Connection, ConnectionId, Design, HttpMethod,
    LoadBalancingStrategy, Position, ScalingMetric, ShardRange,
};

/// A template's name and one-line summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TemplateInfo {
    /// The name the CLI and the UI use.
    pub name: &'static str,
    /// What it shows.
    pub summary: &'static str,
}

/// Every template, in menu order.
pub const TEMPLATES: [TemplateInfo; 7] = [
    TemplateInfo { name: "microservices", summary: "API gateway, auth, service registry and monitoring in front of three services with their own databases" },
    TemplateInfo { name: "event-driven", summary: "producers, an event bus with topics, consumers, a processor and an event store" },
    TemplateInfo { name: "auto-scaling", summary: "services behind a load balancer with CPU and request-rate autoscaling policies" },
    TemplateInfo { name: "database-scaling", summary: "a primary with read replicas, range shards, a cache and a load balancer" },
    TemplateInfo { name: "payment-gateway", summary: "a payment gateway routing to pluggable processors (Stripe, PayPal)" },
    TemplateInfo { name: "user-management-monolith", summary: "one user service that persists users, sends notifications and authenticates" },
    TemplateInfo { name: "user-management-split", summary: "UserService, UserRepository, UserNotificationService and UserAuthenticationService, one responsibility each" },
];

/// The template called `name`, or `None`.
pub fn template(name: &str) -> Option<Design> {
    match name {
        "microservices" => Some(microservices()),
        "event-driven" => Some(event_driven()),
        "auto-scaling" => Some(auto_scaling()),
        "database-scaling" => Some(database_scaling()),
        "payment-gateway" => Some(payment_gateway()),
        "user-management-monolith" => Some(user_management::monolith()),
        "user-management-split" => Some(user_management::split()),
        _ => None,
    }
}

/// Builds a design component by component.
struct Builder {
    design: Design,
}

impl Builder {
    fn new(name: &str) -> Builder {
        Builder {
            design: Design::new(name),
        }
    }

    fn add(
        &mut self,
        kind: K,
        name: &str,
        x: f64,
        y: f64,
        tweak: impl FnOnce(&mut Component),
    ) -> ComponentId {
        let id = self.design.next_component_id();
        let mut component = Component::new(id, kind, name);
        component.position = Position { x, y };
        // Production-minded defaults: encrypted hops and audited workloads.
        component.security.tls = kind != K::Client;
        component.security.audit_logging = matches!(
            kind,
            K::Service | K::ApiGateway | K::Database | K::AuthProvider
        );
        component.security.encryption_at_rest = kind.is_data_store();
        component.security.authorization = kind == K::Service;
        if kind.is_workload() && !matches!(kind, K::Database | K::ServiceRegistry) {
            component.replicas = crate::engine::model::Replicas {
                min: 2,
                max: component.replicas.max.max(2),
                current: 2,
            };
        }
        if kind == K::Database {
            component.read_replicas = 1;
            component.backup = true;
        }
        if kind == K::EventStore {
            component.backup = true;
        }
        if kind == K::ApiGateway {
            component.security.authentication = true;
            component.health_check.enabled = true;
        }
        if matches!(kind, K::ApiGateway | K::LoadBalancer) {
            // Probes as a tuned readiness check: every 5 s, 1 s to answer,
            // out after 3 misses, so a dead replica leaves rotation within
            // about 16 s instead of the 95 s the 30 s default takes.
            component.health_check.interval_s = 5.0;
            component.health_check.timeout_s = 1.0;
        }
        if kind == K::Monitoring {
            component.alerting = true;
        }
        tweak(&mut component);
        self.design.components.push(component);
        id
    }

    fn connect(&mut self, from: ComponentId, to: ComponentId) -> ConnectionId {
        let id = self.design.next_connection_id();
        self.design.connections.push(Connection {
            id,
            from,
            to,
            ..Connection::default()
        });
        id
    }

    fn route(
        &mut self,
        from: ComponentId,
        to: ComponentId,
        path: &str,
        method: HttpMethod,
        weight: f64,
    ) {
        let id = self.connect(from, to);
        if let Some(c) = self.design.connections.iter_mut().find(|c| c.id == id) {
            c.path = path.to_string();
            c.method = method;
            c.weight = weight;
        }
    }

    fn subscribe(&mut self, bus: ComponentId, to: ComponentId, topics: &[&str]) {
        let id = self.connect(bus, to);
        if let Some(c) = self.design.connections.iter_mut().find(|c| c.id == id) {
            c.topics = topics.iter().map(|t| t.to_string()).collect();
        }
    }

    fn watch_all(&mut self, monitoring: ComponentId) {
        let ids: Vec<ComponentId> = self
            .design
            .components
            .iter()
            .filter(|c| c.kind.is_workload() && c.id != monitoring)
            .map(|c| c.id)
            .collect();
        for id in ids {
            self.connect(monitoring, id);
        }
    }

    fn finish(mut self, description: &str, rps: f64) -> Design {
        self.design.workload.requests_per_second = rps;
        // The throughput line judges the rate answered at the offered load,
        // so a template's target is its own load: answer every request sent.
        self.design.targets.throughput_rps = rps;
        if let Some(first) = self.design.components.first_mut() {
            if first.description.is_empty() {
                first.description = description.to_string();
            }
        }
        self.design
    }
}

fn microservices() -> Design {
    let mut b = Builder::new("Microservices with gateway, registry and monitoring");
    let client = b.add(K::Client, "web-clients", 80.0, 260.0, |_| {});
    let gateway = b.add(K::ApiGateway, "api-gateway", 280.0, 260.0, |_| {});
    let auth = b.add(K::AuthProvider, "auth", 280.0, 80.0, |_| {});
    let registry = b.add(K::ServiceRegistry, "registry", 520.0, 60.0, |_| {});
    let users = b.add(K::Service, "users-service", 520.0, 160.0, |c| {
        c.description = "domain: users".into()
    });
    let orders = b.add(K::Service, "orders-service", 520.0, 280.0, |c| {
        c.description = "domain: orders".into();
        c.replicas.current = 3;
        c.service_time_ms = 30.0;
    });
    let payments = b.add(K::Service, "payments-service", 520.0, 400.0, |c| {
        c.description = "domain: payments".into()
    });
    let users_db = b.add(K::Database, "users-db", 760.0, 160.0, |_| {});
    let orders_db = b.add(K::Database, "orders-db", 760.0, 280.0, |_| {});
    let payments_db = b.add(K::Database, "payments-db", 760.0, 400.0, |_| {});
    let monitoring = b.add(K::Monitoring, "monitoring", 760.0, 40.0, |_| {});
    b.connect(client, gateway);
    b.connect(gateway, auth);
    b.route(gateway, users, "/users", HttpMethod::Any, 2.0);
    b.route(gateway, orders, "/orders", HttpMethod::Any, 5.0);
    b.route(gateway, payments, "/payments", HttpMethod::Any, 3.0);
    for (service, db) in [
        (users, users_db),
        (orders, orders_db),
        (payments, payments_db),
    ] {
        b.connect(service, db);
        b.connect(service, registry);
    }
    b.watch_all(monitoring);
    b.finish("browsers and mobile apps calling the public API", 400.0)
}

fn event_driven() -> Design {
    let mut b = Builder::new("Event-driven orders");
    let client = b.add(K::Client, "shoppers", 80.0, 240.0, |_| {});
    let gateway = b.add(K::ApiGateway, "api-gateway", 260.0, 240.0, |_| {});
    let auth = b.add(K::AuthProvider, "auth", 260.0, 80.0, |_| {});
    let producer = b.add(K::Service, "order-service", 450.0, 240.0, |c| {
        c.topic = "order.created".into();
        c.description = "producer: publishes order.created".into();
    });
    let orders_db = b.add(K::Database, "orders-db", 450.0, 400.0, |_| {});
    let bus = b.add(K::EventBus, "event-bus", 650.0, 240.0, |c| {
        c.replicas.max = 3;
        c.replicas.current = 3;
    });
    let processor = b.add(K::Service, "fraud-processor", 650.0, 80.0, |c| {
        c.topic = "order.validated".into();
        c.description = "processor: order.created in, order.validated out".into();
    });
    let inventory = b.add(K::Service, "inventory-consumer", 860.0, 160.0, |c| {
        c.description = "consumer of order.validated".into()
    });
    let email = b.add(K::Service, "email-consumer", 860.0, 300.0, |c| {
        c.description = "consumer of order.validated".into();
        c.service_time_ms = 50.0;
    });
    let store = b.add(K::EventStore, "event-store", 860.0, 420.0, |_| {});
    let monitoring = b.add(K::Monitoring, "monitoring", 450.0, 60.0, |_| {});
    b.connect(client, gateway);
    b.connect(gateway, auth);
    b.connect(gateway, producer);
    b.connect(producer, orders_db);
    b.connect(producer, bus);
    b.subscribe(bus, processor, &["order.created"]);
    b.connect(processor, bus);
    b.subscribe(bus, inventory, &["order.validated"]);
    b.subscribe(bus, email, &["order.validated"]);
    b.subscribe(bus, store, &[]);
    b.watch_all(monitoring);
    b.finish("customers placing and browsing orders", 300.0)
}

fn auto_scaling() -> Design {
    let mut b = Builder::new("Auto-scaling services");
    let client = b.add(K::Client, "users", 80.0, 220.0, |_| {});
    let lb = b.add(K::LoadBalancer, "load-balancer", 280.0, 220.0, |c| {
        c.security.authentication = false
    });
    let auth = b.add(K::AuthProvider, "auth", 280.0, 60.0, |_| {});
    let web = b.add(K::Service, "web-service", 480.0, 160.0, |c| {
        c.replicas = crate::engine::model::Replicas {
            min: 2,
            max: 20,
            current: 4,
        };
        c.autoscaling.enabled = true;
        c.autoscaling.metric = ScalingMetric::Cpu;
        c.autoscaling.threshold = 70.0;
    });
    let api = b.add(K::Service, "api-service", 480.0, 300.0, |c| {
        c.replicas = crate::engine::model::Replicas {
            min: 2,
            max: 10,
            current: 3,
        };
        c.autoscaling.enabled = true;
        c.autoscaling.metric = ScalingMetric::RequestRate;
        c.autoscaling.threshold = 150.0;
        c.autoscaling.scale_up_cooldown_s = 30.0;
    });
    let db = b.add(K::Database, "app-db", 700.0, 230.0, |c| c.read_replicas = 2);
    let monitoring = b.add(K::Monitoring, "monitoring", 700.0, 60.0, |_| {});
    b.connect(client, lb);
    b.connect(lb, auth);
    b.connect(lb, web);
    b.connect(lb, api);
    b.connect(web, db);
    b.connect(api, db);
    b.watch_all(monitoring);
    b.finish("users with a daily traffic wave", 600.0)
}

fn database_scaling() -> Design {
    let mut b = Builder::new("Database scaling");
    let client = b.add(K::Client, "app-clients", 80.0, 220.0, |_| {});
    let lb = b.add(K::LoadBalancer, "load-balancer", 260.0, 220.0, |c| {
        c.strategy = LoadBalancingStrategy::LeastConnections
    });
    let app = b.add(K::Service, "catalog-service", 440.0, 220.0, |c| {
        c.replicas.current = 6
    });
    let cache = b.add(K::Cache, "redis-cache", 620.0, 220.0, |c| {
        c.cache_ttl_s = 300.0;
    });
    let db = b.add(K::Database, "catalog-db", 800.0, 220.0, |c| {
        c.read_replicas = 2;
        c.shards = vec![
            ShardRange { start: 0, end: 250 },
            ShardRange {
                start: 250,
                end: 500,
            },
            ShardRange {
                start: 500,
                end: 750,
            },
            ShardRange {
                start: 750,
                end: 1000,
            },
        ];
    });
    let monitoring = b.add(K::Monitoring, "monitoring", 620.0, 60.0, |_| {});
    b.connect(client, lb);
    b.connect(lb, app);
    b.connect(app, cache);
    b.connect(cache, db);
    b.watch_all(monitoring);
    b.finish("read-heavy product catalogue traffic", 1500.0)
}

fn payment_gateway() -> Design {
    let mut b = Builder::new("Payment gateway with pluggable processors");
    let client = b.add(K::Client, "checkout", 80.0, 200.0, |_| {});
    let gateway = b.add(K::ApiGateway, "payment-gateway", 280.0, 200.0, |c| {
        c.description = "routes each payment to the processor registered for its provider".into();
    });
    let auth = b.add(K::AuthProvider, "auth", 280.0, 50.0, |_| {});
    let stripe = b.add(K::Service, "stripe-processor", 500.0, 120.0, |c| {
        c.service_time_ms = 120.0;
        c.replicas.current = 4;
    });
    let paypal = b.add(K::Service, "paypal-processor", 500.0, 280.0, |c| {
        c.service_time_ms = 180.0;
        c.replicas.current = 3;
    });
    let ledger_stripe = b.add(K::Database, "stripe-ledger", 720.0, 120.0, |_| {});
    let ledger_paypal = b.add(K::Database, "paypal-ledger", 720.0, 280.0, |_| {});
    let monitoring = b.add(K::Monitoring, "monitoring", 720.0, 30.0, |_| {});
    b.connect(client, gateway);
    b.connect(gateway, auth);
    b.route(gateway, stripe, "/pay/stripe", HttpMethod::Post, 7.0);
    b.route(gateway, paypal, "/pay/paypal", HttpMethod::Post, 3.0);
    b.connect(stripe, ledger_stripe);
    b.connect(paypal, ledger_paypal);
    b.watch_all(monitoring);
    let mut design = b.finish("a checkout page taking payments", 200.0);
    // Every call creates a payment: a POST, which the processors' routes take.
    design.workload.read_share = 0.0;
    design
}
