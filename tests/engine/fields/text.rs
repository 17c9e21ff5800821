//! Fields typed as text: connection paths and topics, numbers trimmed and
//! shown without noise, shard ranges in any order.

use super::*;

#[test]
fn connection_fields_check_paths_and_topics() {
    let mut design = sketch(DB);
    let connection = FieldTarget::Connection(connection_between(&design, "api", "db"));
    check_refused(
        &mut design,
        connection,
        "path",
        "orders",
        &["Route path: a path starts with `/`"],
    );
    set_field(&mut design, connection, "path", "/orders").unwrap();
    check_refused(
        &mut design,
        connection,
        "weight",
        "-2",
        &["Weight must be between 0 and 1000000"],
    );
    let too_many: Vec<String> = (0..65).map(|i| format!("t{i}")).collect();
    check_refused(
        &mut design,
        connection,
        "topics",
        &too_many.join(","),
        &["Subscribed topics: at most 64 topics"],
    );
    set_field(&mut design, connection, "topics", " a , b ,, c").unwrap();
    assert_eq!(get_field(&design, connection, "topics").unwrap(), "a, b, c");
}

#[test]
fn numbers_are_trimmed_and_shown_without_noise() {
    let mut design = sketch(DB);
    set_field(
        &mut design,
        FieldTarget::Design,
        "workload.requests_per_second",
        "  250  ",
    )
    .unwrap();
    assert_eq!(
        get_field(&design, FieldTarget::Design, "workload.requests_per_second").unwrap(),
        "250"
    );
    set_field(
        &mut design,
        FieldTarget::Design,
        "workload.read_share",
        "0.75",
    )
    .unwrap();
    assert_eq!(design.workload.read_share, 0.75);
    for value in [0.0, 1.0, 0.1, 1e-3, 123456.789, 1e15, 1e20, 2.5e-7] {
        assert_eq!(
            format_number(value).parse::<f64>().unwrap(),
            value,
            "{value} round-trips"
        );
    }
    assert_eq!(format_number(3.0), "3");
}

#[test]
fn shard_text_parses_in_any_order_and_refuses_too_many() {
    assert_eq!(parse_shards("").unwrap(), vec![]);
    assert_eq!(parse_shards("500..1000, 0..500").unwrap().len(), 2);
    let many: Vec<String> = (0..257).map(|i| format!("{i}..{}", i + 1)).collect();
    assert_eq!(
        parse_shards(&many.join(",")).unwrap_err(),
        "at most 256 shards"
    );
}
