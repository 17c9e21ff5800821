//! The monolith: one application server that holds every feature (users,
//! orders, payments) and one database, behind a load balancer, at the same
//! load as the microservices template, so "monolith or microservices" can
//! be compared from the start (`archplay compare`).
//!
//! What must stay true: its clients carry the microservices template's name
//! (`web-clients`) and its load is the same 400 requests a second, so a
//! comparison of the two matches the clients and offers both the same work;
//! it is as reliable as every other template (two replicas behind a
//! health-checking balancer, a database with a read replica and backups,
//! monitoring with alerts), and what it gives up is the lesson.

use super::Builder;
use crate::engine::model::{ComponentKind as K, Design};

/// One application server and one database, with the clients, a load
/// balancer and monitoring every template has.
pub(super) fn monolith() -> Design {
    let mut b = Builder::new("Monolith: one application server and one database");
    let client = b.add(K::Client, "web-clients", 80.0, 240.0, |_| {});
    let balancer = b.add(K::LoadBalancer, "load-balancer", 280.0, 240.0, |c| {
        c.description =
            "spreads requests over the application's replicas and drops failed ones".into();
    });
    let app = b.add(K::Service, "app-server", 500.0, 240.0, |c| {
        c.description = "the whole application in one deployable: users, orders and payments \
                         call each other in-process"
            .into();
        // The microservices template's mix in one process: 20 % users (20 ms),
        // 50 % orders (30 ms), 30 % payments (20 ms) make 25 ms a request.
        c.service_time_ms = 25.0;
    });
    let database = b.add(K::Database, "app-db", 720.0, 240.0, |c| {
        c.description = "one schema for every feature".into();
    });
    let monitoring = b.add(K::Monitoring, "monitoring", 500.0, 60.0, |_| {});
    b.connect(client, balancer);
    b.connect(balancer, app);
    b.connect(app, database);
    b.watch_all(monitoring);
    b.finish("browsers and mobile apps calling the public API", 400.0)
}
