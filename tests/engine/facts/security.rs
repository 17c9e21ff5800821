//! Facts behind the security score: authentication at every entry point,
//! authorization, encryption and audit on the request path, and scanning.

use super::*;

#[test]
fn authentication_is_checked_at_every_entry_point() {
    let auth = |f: &Facts| f.has_authentication.clone();
    let gateway = "client web\napi_gateway edge security.authentication=true\nauth_provider idp\nweb -> edge\nedge -> idp\n";
    check(gateway, auth, true, "every entry point authenticates");
    check("service api", auth, false, "no client reaches the design");
    check(
        &format!("{gateway}service side\nweb -> side"),
        auth,
        false,
        "side accepts client requests without authentication",
    );
    check(
        "client web\napi_gateway edge security.authentication=true\nweb -> edge",
        auth,
        false,
        "edge requires authentication but no auth provider",
    );
    // Only the entry point matters: services behind it need not authenticate again.
    check(
        &format!("{gateway}service api\nedge -> api"),
        auth,
        true,
        "every entry point",
    );
}

#[test]
fn authorization_encryption_and_audit_apply_to_the_request_path() {
    let authorization = |f: &Facts| f.has_authorization.clone();
    check(
        "client web\nservice api security.authorization=true\nweb -> api",
        authorization,
        true,
        "api, the only one of the services on the request path, has authorization",
    );
    check(
        "client web\nservice api\nweb -> api",
        authorization,
        false,
        "api has no authorization",
    );
    check(
        "client web\nservice api security.authorization=true\nweb -> api\nservice idle",
        authorization,
        true,
        "api, the only one of the services on the request path, has authorization",
    );
    check(
        "client web",
        authorization,
        false,
        "no services are on the request path",
    );

    let encryption = |f: &Facts| f.has_encryption.clone();
    let tls = "client web\nservice api security.tls=true\ndatabase db security.tls=true security.encryption_at_rest=true\nweb -> api\napi -> db\n";
    check(tls, encryption, true, "TLS on every hop");
    check(
        &format!("{tls}set db security.tls=false"),
        encryption,
        false,
        "traffic to db is not encrypted",
    );
    // Data at rest is checked anywhere in the design, on the path or not.
    check(
        &format!("{tls}cache spare security.tls=true"),
        encryption,
        false,
        "spare stores data unencrypted",
    );
    check(
        "service api security.tls=true",
        encryption,
        false,
        "no component is on the request path",
    );

    let audit = |f: &Facts| f.has_audit_logging.clone();
    let audited = "client web\napi_gateway edge security.audit_logging=true\nservice api security.audit_logging=true\nweb -> edge\nedge -> api\n";
    check(audited, audit, true, "all 2 services, gateways");
    check(
        &format!("{audited}set edge security.audit_logging=false"),
        audit,
        false,
        "edge has no audit logging",
    );
    // Caches are not among the audited kinds.
    check(&format!("{audited}cache c\napi -> c"), audit, true, "all 2");
}

#[test]
fn vulnerability_scanning_is_a_team_input() {
    let scanning = |f: &Facts| f.has_vulnerability_scanning.clone();
    check("client web", scanning, false, "no vulnerability scanning");
    check(
        "design team.vulnerability_scanning=true",
        scanning,
        true,
        "part of the team's process",
    );
}
