//! Snapshots (the page's autosave and the text it hands its worker) and the
//! worker's tasks: each task answers exactly what the engine function it
//! stands for returns, and every failure is a sentence naming the problem.

use archplay::engine::export::{to_hpa_document, to_hpa_manifests, to_mermaid, to_svg};
use archplay::engine::share::design_file::{from_json, to_json};
use archplay::engine::share::{
    decode_link, decode_snapshot, encode_link, encode_snapshot, SnapshotError, SNAPSHOT_PREFIX,
};
use archplay::engine::tasks::{run, Task};
use archplay::engine::templates::{template, TEMPLATES};

#[test]
fn every_template_survives_a_snapshot() {
    for info in TEMPLATES {
        let design = template(info.name).expect("template exists");
        let snapshot = encode_snapshot(&design);
        assert!(snapshot.starts_with(SNAPSHOT_PREFIX), "{snapshot}");
        assert_eq!(decode_snapshot(&snapshot), Ok(design), "{}", info.name);
    }
}

#[test]
fn damaged_snapshots_are_errors_that_say_why() {
    let snapshot = encode_snapshot(&template("payment-gateway").unwrap());
    let cases: Vec<(String, &str)> = vec![
        ("v2.abc".to_string(), "not an Archplay snapshot"),
        ("{\"archplay\":1}".to_string(), "not an Archplay snapshot"),
        (format!("{SNAPSHOT_PREFIX}!!!"), "damaged"),
        (
            snapshot[..snapshot.len() - 8].to_string(),
            "does not describe a design",
        ),
        (format!("{snapshot}AAAA"), "bytes follow the design"),
        (
            format!("{SNAPSHOT_PREFIX}{}", "A".repeat(2_000_000)),
            "larger than any design",
        ),
    ];
    for (text, expected) in cases {
        let error = decode_snapshot(&text).expect_err("a damaged snapshot must not open");
        assert!(
            error.to_string().contains(expected),
            "{:.40}: {error}",
            text
        );
    }
    // Every strict prefix of a snapshot is refused, and nothing panics;
    // so is every single-byte change that still spells base64, unless it
    // happens to spell another valid design.
    let design = template("payment-gateway").unwrap();
    for at in SNAPSHOT_PREFIX.len()..snapshot.len() {
        for replacement in ['A', 'z', '-', '_', '9'] {
            let mut changed = snapshot.clone().into_bytes();
            changed[at] = replacement as u8;
            let changed = String::from_utf8(changed).unwrap();
            if let Ok(other) = decode_snapshot(&changed) {
                assert!(
                    other != design || changed == snapshot,
                    "a changed snapshot opened as the same design"
                );
            }
        }
    }
    for end in 0..snapshot.len() {
        assert!(
            decode_snapshot(&snapshot[..end]).is_err(),
            "prefix of {end} characters opened"
        );
    }
}

#[test]
fn a_snapshot_of_an_invalid_design_is_refused_by_validation() {
    let mut design = template("microservices").unwrap();
    design.components[1].name = design.components[0].name.clone();
    let error =
        decode_snapshot(&encode_snapshot(&design)).expect_err("two components share a name");
    assert!(matches!(error, SnapshotError::Invalid(_)), "{error:?}");
}

#[test]
fn every_task_answers_what_its_engine_function_returns() {
    for info in TEMPLATES {
        let design = template(info.name).unwrap();
        let snapshot = encode_snapshot(&design);
        assert_eq!(
            run(&Task::Link(snapshot.clone())),
            Ok(encode_link(&design)),
            "{}",
            info.name
        );
        assert_eq!(
            run(&Task::DesignFile {
                design: snapshot.clone(),
                milestones: String::new(),
            }),
            Ok(to_json(&design)),
            "{}",
            info.name
        );
        assert_eq!(
            run(&Task::Svg(snapshot.clone())),
            Ok(to_svg(&design)),
            "{}",
            info.name
        );
        assert_eq!(
            run(&Task::Mermaid(snapshot.clone())),
            Ok(to_mermaid(&design)),
            "{}",
            info.name
        );
        assert_eq!(
            run(&Task::Hpa(snapshot.clone())),
            Ok(to_hpa_document(&design).unwrap_or_default()),
            "{}",
            info.name
        );
        assert_eq!(
            run(&Task::OpenLink(format!(
                "https://example.test/#{}",
                encode_link(&design)
            ))),
            Ok(snapshot.clone()),
            "{}",
            info.name
        );
        assert_eq!(
            run(&Task::OpenFile {
                file: to_json(&design),
                milestones: String::new(),
            }),
            Ok(snapshot),
            "{}",
            info.name
        );
    }
}

#[test]
fn failed_tasks_give_the_engine_message() {
    assert_eq!(
        run(&Task::OpenLink("#v9.xxx".to_string())),
        Err(decode_link("#v9.xxx").unwrap_err().to_string())
    );
    assert_eq!(
        run(&Task::OpenFile {
            file: "{\"archplay\":1,".to_string(),
            milestones: String::new(),
        }),
        Err(from_json("{\"archplay\":1,").unwrap_err().to_string())
    );
    let error = run(&Task::Svg("s1.!!".to_string())).expect_err("a damaged snapshot");
    assert_eq!(error, decode_snapshot("s1.!!").unwrap_err().to_string());
}

#[test]
fn the_hpa_document_has_one_manifest_per_autoscaling_service() {
    let design = template("auto-scaling").unwrap();
    let autoscaling = to_hpa_manifests(&design).len();
    assert!(
        autoscaling > 1,
        "the auto-scaling template should autoscale more than one service"
    );
    let yaml = to_hpa_document(&design).expect("the auto-scaling template autoscales");
    assert_eq!(
        yaml.matches("kind: HorizontalPodAutoscaler").count(),
        autoscaling
    );
    assert_eq!(yaml.matches("\n---\n").count(), autoscaling - 1);
    let mut still = design;
    for component in &mut still.components {
        component.autoscaling.enabled = false;
    }
    assert_eq!(to_hpa_document(&still), None);
    assert_eq!(run(&Task::Hpa(encode_snapshot(&still))), Ok(String::new()));
}

#[test]
fn the_worker_builds_every_template_and_names_an_unknown_one() {
    for info in TEMPLATES {
        let answer = run(&Task::Template(info.name.to_string())).expect("template exists");
        assert_eq!(
            decode_snapshot(&answer),
            Ok(template(info.name).unwrap()),
            "{}",
            info.name
        );
    }
    let problem = run(&Task::Template("nope".to_string())).unwrap_err();
    assert!(problem.contains("no template called `nope`"), "{problem}");
}

#[test]
fn the_page_starts_on_the_microservices_template() {
    use archplay::engine::templates::starting_template;
    assert_eq!(Some(starting_template()), template("microservices"));
}
