//! Facts behind the reliability score: fault tolerance, redundancy and
//! backups of data stores, and monitoring of every workload on the path.

use super::*;

#[test]
fn fault_tolerance_needs_two_of_everything_and_health_checks_on_services() {
    let fault = |f: &Facts| f.has_fault_tolerance.clone();
    let balanced =
        "client web\nload_balancer lb replicas.max=2 replicas.current=2\nservice api replicas.current=2\nweb -> lb\nlb -> api\n";
    check(balanced, fault, true, "every component on the request path");
    check(
        &format!("{balanced}set lb health_check.enabled=false"),
        fault,
        false,
        "nothing health-checks api",
    );
    check(
        &format!("{balanced}set lb replicas.current=1"),
        fault,
        false,
        "lb runs 1 replica: it is a single point of failure",
    );
    check(
        &format!("{balanced}set api replicas.current=1"),
        fault,
        false,
        "api runs 1 replica: it is",
    );
    // Regression: no replica at all used to read "runs 0 replica".
    check(
        &format!("{balanced}set api replicas.min=0\nset api replicas.current=0"),
        fault,
        false,
        "api runs 0 replicas: it is",
    );
    check(
        "client web\nservice api\nweb -> api",
        fault,
        false,
        "api runs 1 replica and no load balancer in front",
    );
    check(
        &format!("{balanced}database db\napi -> db"),
        fault,
        false,
        "db has no read replica to fail over to",
    );
    check(
        &format!("{balanced}database db read_replicas=1\napi -> db"),
        fault,
        true,
        "every component",
    );
    // A gateway's health checks count too.
    check(
        "client web\napi_gateway edge replicas.max=2 replicas.current=2 health_check.enabled=true\nservice api replicas.current=2\nweb -> edge\nedge -> api",
        fault,
        true,
        "services sit behind health checks",
    );
    check(
        "service api replicas.current=2",
        fault,
        false,
        "no component is on the request path",
    );
}

#[test]
fn redundancy_and_backups_cover_every_data_store_on_or_off_the_path() {
    let redundancy = |f: &Facts| f.has_redundancy.clone();
    check(
        "client web",
        redundancy,
        false,
        "the design holds no data store",
    );
    check(
        "database db read_replicas=1\ncache c replicas.max=2 replicas.current=2",
        redundancy,
        true,
        "all 2 data stores",
    );
    check(
        "database db read_replicas=1\ncache c",
        redundancy,
        false,
        "c keeps a single copy",
    );
    check(
        "event_bus bus replicas.max=3 replicas.current=3\nevent_store log",
        redundancy,
        false,
        "log keeps a single copy",
    );
    let backup = |f: &Facts| f.has_backup_recovery.clone();
    check(
        "cache c",
        backup,
        false,
        "no database or event store holds data",
    );
    check(
        "database db backup=true\nevent_store log backup=true",
        backup,
        true,
        "all 2 databases and event stores",
    );
    check(
        "database db backup=true\nevent_store log",
        backup,
        false,
        "log has no backup",
    );
}

#[test]
fn monitoring_must_watch_every_workload_on_the_path_in_either_direction() {
    let monitoring = |f: &Facts| f.has_monitoring.clone();
    let path = "client web\nservice api\ndatabase db\nweb -> api\napi -> db\nmonitoring m\n";
    check(
        "client web\nservice api\nweb -> api",
        monitoring,
        false,
        "the design has no monitoring",
    );
    check(
        &format!("{path}m -> api"),
        monitoring,
        false,
        "nothing monitors db",
    );
    check(
        &format!("{path}m -> api\nm -> db"),
        monitoring,
        true,
        "watches every component",
    );
    check(
        &format!("{path}api -> m\ndb -> m"),
        monitoring,
        true,
        "watches every component",
    );
    // Components off the request path need no watching.
    check(
        &format!("{path}m -> api\nm -> db\nservice idle"),
        monitoring,
        true,
        "watches every component",
    );
    let alerting = |f: &Facts| f.has_alerting.clone();
    check(path, alerting, false, "m has no alert rules");
    check(
        &format!("{path}monitoring m2 alerting=true"),
        alerting,
        true,
        "m2 has alert rules",
    );
}
