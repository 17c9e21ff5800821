//! `archplay sweep` end to end: the same CSV on 1, 2 and 4 threads, rows
//! equal to `archplay simulate` of each point's design, and bad keys,
//! ranges and steps refused on standard error with exit code 2.

use crate::run::{archplay, stderr, stdout, TempFile};
use archplay::engine::attributes::access::set_field;
use archplay::engine::attributes::fields::FieldTarget;
use archplay::engine::share::design_file;
use archplay::engine::templates::template;
use serde_json::Value;

/// The microservices template in a file of its own for the test called `test`.
fn microservices_file(test: &str) -> TempFile {
    let design = template("microservices").unwrap();
    TempFile::new(
        &format!("sweep-{test}.json"),
        &design_file::to_json(&design),
    )
}

const SWEEP: [&str; 12] = [
    "--param",
    "orders-service.replicas.current",
    "--from",
    "2",
    "--to",
    "5",
    "--steps",
    "4",
    "--seed",
    "9",
    "--duration",
    "10",
];

fn sweep_csv(path: &str, threads: &str) -> String {
    let mut args = vec!["sweep", path];
    args.extend(SWEEP);
    args.extend(["--threads", threads]);
    let output = archplay(&args, None);
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
}

#[test]
fn one_two_and_four_threads_print_the_same_csv() {
    let file = microservices_file("threads");
    let one = sweep_csv(file.path(), "1");
    for threads in ["2", "4"] {
        assert_eq!(sweep_csv(file.path(), threads), one, "{threads} threads");
    }
    let lines: Vec<&str> = one.lines().collect();
    assert_eq!(lines.len(), 5, "a header and one row per point");
    assert!(lines[0].starts_with("index,orders-service.replicas.current,p50_ms,p95_ms,p99_ms,"));
    assert!(lines[0].contains(",utilisation:orders-service,"));
    let values: Vec<&str> = lines[1..]
        .iter()
        .map(|row| row.split(',').nth(1).unwrap())
        .collect();
    assert_eq!(values, ["2", "3", "4", "5"]);
}

#[test]
fn each_row_is_archplay_simulate_of_that_points_design() {
    let file = microservices_file("rows");
    let csv = sweep_csv(file.path(), "2");
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    for (index, row) in lines.enumerate() {
        let cells: Vec<&str> = row.split(',').collect();
        let mut design = template("microservices").unwrap();
        let orders = design.component_named("orders-service").unwrap().id;
        set_field(
            &mut design,
            FieldTarget::Component(orders),
            "replicas.current",
            cells[1],
        )
        .unwrap();
        let point = TempFile::new(
            &format!("sweep-row-{index}.json"),
            &design_file::to_json(&design),
        );
        let output = archplay(
            &["simulate", point.path(), "--seed", "9", "--duration", "10"],
            None,
        );
        assert!(output.status.success(), "{}", stderr(&output));
        let summary: Value = serde_json::from_str(&stdout(&output)).unwrap();
        let cell = |name: &str| cells[column(name)].parse::<f64>().unwrap();
        let latency = &summary["end_to_end"]["latency"];
        for figure in ["p50_ms", "p95_ms", "p99_ms"] {
            assert_eq!(
                Some(cell(figure)),
                latency[figure].as_f64(),
                "row {index} {figure}"
            );
        }
        assert_eq!(
            Some(cell("throughput_rps")),
            summary["end_to_end"]["throughput_rps"].as_f64(),
            "row {index}"
        );
        assert_eq!(
            Some(cell("run_cost_usd_per_month")),
            summary["cost"]["usd_per_month"].as_f64(),
            "row {index}"
        );
        let utilisation = summary["components"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "orders-service")
            .unwrap()["utilisation"]
            .as_f64();
        assert_eq!(
            Some(cell("utilisation:orders-service")),
            utilisation,
            "row {index}"
        );
    }
}

#[test]
fn bad_keys_ranges_and_steps_exit_2_with_a_named_message() {
    let file = microservices_file("refused");
    let path = file.path();
    let cases: [(&[&str], &str); 13] = [
        (
            &[
                "--param", "colour", "--from", "1", "--to", "2", "--steps", "2",
            ],
            "unknown sweep key `colour`",
        ),
        (
            &[
                "--param",
                "billing.replicas.current",
                "--from",
                "1",
                "--to",
                "2",
                "--steps",
                "2",
            ],
            "no component named `billing`",
        ),
        (
            &[
                "--param",
                "orders-service.colour",
                "--from",
                "1",
                "--to",
                "2",
                "--steps",
                "2",
            ],
            "component `orders-service` has no attribute `colour`",
        ),
        (
            &[
                "--param",
                "workload.read_share",
                "--from",
                "0",
                "--to",
                "3",
                "--steps",
                "2",
            ],
            "to: Read share must be between 0 and 1",
        ),
        (
            &[
                "--param",
                "workload.read_share",
                "--from",
                "0.8",
                "--to",
                "0.2",
                "--steps",
                "2",
            ],
            "from (0.8) is larger than to (0.2)",
        ),
        (
            &[
                "--param",
                "workload.read_share",
                "--from",
                "0",
                "--to",
                "1",
                "--steps",
                "0",
            ],
            "steps must be from 1 to 64, not 0",
        ),
        (
            &[
                "--param",
                "workload.read_share",
                "--from",
                "0",
                "--to",
                "1",
                "--steps",
                "65",
            ],
            "steps must be from 1 to 64, not 65",
        ),
        (
            &[
                "--param",
                "workload.read_share",
                "--from",
                "0",
                "--to",
                "1",
                "--steps",
                "many",
            ],
            "--steps needs a whole number from 1 to 64, not `many`",
        ),
        (
            &[
                "--param",
                "workload.read_share",
                "--from",
                "zero",
                "--to",
                "1",
                "--steps",
                "2",
            ],
            "--from needs a number, not `zero`",
        ),
        (
            &["--param", "workload.read_share", "--from", "0", "--to", "1"],
            "--steps is required",
        ),
        (
            &[
                "--param",
                "workload.read_share",
                "--from",
                "0",
                "--to",
                "1",
                "--steps",
                "2",
                "--threads",
                "0",
            ],
            "--threads needs a whole number from 1 to 256",
        ),
        // The last point's run is refused at set-up: nothing runs, not even the first.
        (
            &[
                "--param",
                "workload.requests_per_second",
                "--from",
                "1000000",
                "--to",
                "10000000",
                "--steps",
                "2",
            ],
            "the point at 10000000 cannot run: too large to simulate",
        ),
        (
            &[
                "--param",
                "workload.read_share",
                "--from",
                "0",
                "--to",
                "1",
                "--steps",
                "2",
                "--seed",
                "-1",
            ],
            "--seed -1: bad setting `seed`",
        ),
    ];
    for (flags, message) in cases {
        let mut args = vec!["sweep", path];
        args.extend(flags);
        let output = archplay(&args, None);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{flags:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains(message),
            "{flags:?}: {}",
            stderr(&output)
        );
        assert!(stdout(&output).is_empty(), "{flags:?}: no CSV");
    }
}
