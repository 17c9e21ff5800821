//! Values that conflict with their neighbours (replica bounds, unique
//! names, shard ranges, a health check's timeout within its interval) are
//! refused by name and change nothing.

use super::*;

#[test]
fn values_that_conflict_with_their_neighbours_are_refused() {
    let mut design = sketch(DB);
    let api = FieldTarget::Component(id_of(&design, "api"));
    let db = FieldTarget::Component(id_of(&design, "db"));
    let lb = FieldTarget::Component(id_of(&design, "lb"));
    // Replica bounds: min <= current <= max.
    check_refused(
        &mut design,
        api,
        "replicas.min",
        "11",
        &["api: min replicas (11) cannot exceed max replicas (10)"],
    );
    check_refused(
        &mut design,
        api,
        "replicas.min",
        "5",
        &["api: replicas (1) must lie between min (5) and max (10)"],
    );
    check_refused(
        &mut design,
        api,
        "replicas.max",
        "0",
        &["Max replicas must be between 1 and 1000"],
    );
    set_field(&mut design, api, "replicas.current", "4").unwrap();
    check_refused(
        &mut design,
        api,
        "replicas.max",
        "3",
        &["api: replicas (4) must lie between min (1) and max (3)"],
    );
    check_refused(
        &mut design,
        api,
        "replicas.current",
        "11",
        &["api: replicas (11) must lie between"],
    );
    // Names are required and unique.
    check_refused(
        &mut design,
        api,
        "name",
        "other",
        &["another component is already named `other`"],
    );
    check_refused(
        &mut design,
        api,
        "name",
        "   ",
        &["Name: a name is required"],
    );
    check_refused(
        &mut design,
        api,
        "name",
        &"x".repeat(61),
        &["Name: at most 60 characters"],
    );
    check_refused(
        &mut design,
        api,
        "description",
        "bell\u{7}",
        &["Description: control characters are not allowed"],
    );
    // Shards: ranges, overlaps, the key space.
    check_refused(
        &mut design,
        db,
        "shards",
        "0..500,400..1000",
        &["Shard key ranges", "ranges 0..500 and 400..1000 overlap"],
    );
    check_refused(
        &mut design,
        db,
        "shards",
        "500..100",
        &["Shard key ranges", "range 500..100 is empty"],
    );
    check_refused(
        &mut design,
        db,
        "shards",
        "0-500",
        &["Shard key ranges", "`0-500` is not a range like 0..500"],
    );
    check_refused(
        &mut design,
        db,
        "shards",
        "0..x",
        &["Shard key ranges", "`x` is not a whole number"],
    );
    check_refused(
        &mut design,
        db,
        "shards",
        "0..500,500..2000",
        &["db: shard 500..2000 ends beyond the key space (0..1000)"],
    );
    set_field(&mut design, db, "shards", "0..500, 500..1000").unwrap();
    assert_eq!(
        get_field(&design, db, "shards").unwrap(),
        "0..500, 500..1000"
    );
    check_refused(
        &mut design,
        FieldTarget::Design,
        "workload.key_space",
        "800",
        &["the key space cannot shrink to 800: db has shards beyond it"],
    );
    set_field(
        &mut design,
        FieldTarget::Design,
        "workload.key_space",
        "5000",
    )
    .unwrap();
    // Health checks: the timeout fits in the interval.
    check_refused(
        &mut design,
        lb,
        "health_check.timeout_s",
        "31",
        &["lb: health-check timeout (31 s) cannot exceed the interval (30 s)"],
    );
    check_refused(
        &mut design,
        lb,
        "health_check.interval_s",
        "4",
        &["lb: health-check timeout (5 s) cannot exceed the interval (4 s)"],
    );
}
