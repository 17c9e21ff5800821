//! The seed's user management as two templates: one user service that
//! persists users, authenticates and notifies them, and the split into
//! UserService, UserRepository, UserNotificationService and
//! UserAuthenticationService (the single-responsibility exercise's start and
//! reference).
//!
//! What must stay true: both designs share their clients, store and
//! providers by name (`users-db`, `auth-provider`, `email-sms-gateway`), so
//! the exercise's checks read the same names in either; both are as
//! reliable as every other template.

use super::Builder;
use crate::engine::model::{ComponentId, ComponentKind as K, Design, HttpMethod};

/// The clients, gateway, store and providers both user-management designs share.
struct UserParts {
    b: Builder,
    gateway: ComponentId,
    users_db: ComponentId,
    auth: ComponentId,
    notifications: ComponentId,
}

fn user_parts(name: &str) -> UserParts {
    let mut b = Builder::new(name);
    let client = b.add(K::Client, "app-users", 80.0, 240.0, |_| {});
    let gateway = b.add(K::ApiGateway, "api-gateway", 260.0, 240.0, |_| {});
    let users_db = b.add(K::Database, "users-db", 900.0, 120.0, |_| {});
    let auth = b.add(K::AuthProvider, "auth-provider", 900.0, 260.0, |_| {});
    let notifications = b.add(K::Service, "email-sms-gateway", 900.0, 400.0, |c| {
        c.description = "the email and SMS provider notifications go out through".into();
        c.service_time_ms = 40.0;
    });
    b.connect(client, gateway);
    b.connect(gateway, auth);
    UserParts {
        b,
        gateway,
        users_db,
        auth,
        notifications,
    }
}

/// A health-checking load balancer in front of one internal service, as a
/// cluster's service object is.
fn balancer(b: &mut Builder, name: &str, x: f64, y: f64) -> ComponentId {
    b.add(K::LoadBalancer, name, x, y, |c| {
        c.description = "spreads calls over the replicas behind it and drops failed ones".into();
    })
}

/// A service registry every service registers with, so callers discover
/// (and spread over) their replicas.
fn register_all(b: &mut Builder) {
    let registry = b.add(K::ServiceRegistry, "registry", 700.0, 40.0, |_| {});
    let services: Vec<ComponentId> = b
        .design
        .components
        .iter()
        .filter(|c| c.kind == K::Service)
        .map(|c| c.id)
        .collect();
    for service in services {
        b.connect(service, registry);
    }
}

/// One user service that persists, authenticates and notifies.
pub(super) fn monolith() -> Design {
    let UserParts {
        mut b,
        gateway,
        users_db,
        auth,
        notifications,
    } = user_parts("User management: one service does everything");
    let users = b.add(K::Service, "user-service", 520.0, 240.0, |c| {
        c.description = "creates and stores users, authenticates them and notifies them".into();
        c.service_time_ms = 35.0;
        c.replicas.current = 3;
    });
    b.route(gateway, users, "/users", HttpMethod::Any, 1.0);
    b.connect(users, users_db);
    b.connect(users, auth);
    let email_lb = balancer(&mut b, "email-lb", 760.0, 400.0);
    b.connect(users, email_lb);
    b.connect(email_lb, notifications);
    register_all(&mut b);
    let monitoring = b.add(K::Monitoring, "monitoring", 520.0, 60.0, |_| {});
    b.watch_all(monitoring);
    b.finish("people signing up, logging in and being notified", 200.0)
}

/// The document's four user services, one responsibility each.
pub(super) fn split() -> Design {
    let UserParts {
        mut b,
        gateway,
        users_db,
        auth,
        notifications,
    } = user_parts("User management: one responsibility per service");
    let users = b.add(K::Service, "user-service", 460.0, 160.0, |c| {
        c.description = "UserService: user creation logic only".into();
    });
    let repository = b.add(K::Service, "user-repository", 680.0, 120.0, |c| {
        c.description = "UserRepository: persists users".into();
        c.service_time_ms = 10.0;
    });
    let notifier = b.add(K::Service, "user-notification-service", 680.0, 400.0, |c| {
        c.description = "UserNotificationService: email and SMS only".into();
        c.service_time_ms = 10.0;
    });
    let authn = b.add(
        K::Service,
        "user-authentication-service",
        460.0,
        320.0,
        |c| {
            c.description = "UserAuthenticationService: credentials to tokens only".into();
            c.service_time_ms = 10.0;
        },
    );
    b.route(gateway, users, "/users", HttpMethod::Any, 1.0);
    b.route(gateway, authn, "/login", HttpMethod::Post, 1.0);
    let repository_lb = balancer(&mut b, "repository-lb", 570.0, 80.0);
    b.connect(users, repository_lb);
    b.connect(repository_lb, repository);
    b.connect(repository, users_db);
    let notifier_lb = balancer(&mut b, "notification-lb", 570.0, 300.0);
    b.connect(users, notifier_lb);
    b.connect(notifier_lb, notifier);
    let email_lb = balancer(&mut b, "email-lb", 790.0, 440.0);
    b.connect(notifier, email_lb);
    b.connect(email_lb, notifications);
    b.connect(authn, auth);
    register_all(&mut b);
    let monitoring = b.add(K::Monitoring, "monitoring", 520.0, 40.0, |_| {});
    b.watch_all(monitoring);
    b.finish("people signing up, logging in and being notified", 200.0)
}
