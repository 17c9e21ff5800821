//! Milestones: the stored list (names and snapshots) reads back, a damaged
//! one is refused naming the milestone; the design file carries them as
//! design objects, files without them still read, an invalid one is refused
//! naming it; importing merges into the stored list without dropping any of
//! the user's, and the same name and design are kept once.

use archplay::engine::share::design_file::{
    from_json, read_file, to_json, to_json_with_milestones,
};
use archplay::engine::share::milestones::{
    default_name, merge, read_stored, read_stored_entries, to_stored, Milestone,
};
use archplay::engine::share::{decode_snapshot, encode_snapshot};
use archplay::engine::tasks::{run, split_import_answer, Task};
use archplay::engine::templates::template;

fn milestone(name: &str, template_name: &str) -> Milestone {
    Milestone {
        name: name.to_string(),
        design: template(template_name).expect("template"),
    }
}

#[test]
fn stored_milestones_read_back() {
    let list = vec![
        milestone("Monolith", "monolith"),
        milestone("Split", "microservices"),
    ];
    let text = to_stored(&list);
    assert_eq!(read_stored(&text), Ok(list));
    assert_eq!(read_stored(""), Ok(Vec::new()));
    assert_eq!(read_stored_entries(&text).unwrap()[1].name, "Split");
}

#[test]
fn damaged_stored_milestones_name_the_problem() {
    let good = to_stored(&[milestone("Monolith", "monolith")]);
    let message = read_stored("{not json").unwrap_err().to_string();
    assert!(
        message.starts_with("the saved milestones are not a list"),
        "{message}"
    );
    let damaged = good.replace("\"design\":\"s2.", "\"design\":\"s2.!!");
    let message = read_stored(&damaged).unwrap_err().to_string();
    assert!(
        message
            .starts_with("the design of saved milestone 1 \u{201c}Monolith\u{201d} cannot be read"),
        "{message}"
    );
}

#[test]
fn the_design_file_carries_milestones_and_reads_them_back() {
    let design = template("monolith").unwrap();
    let list = vec![
        milestone("Before", "monolith"),
        milestone("After", "microservices"),
    ];
    let text = to_json_with_milestones(&design, &list);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["milestones"][1]["name"], "After");
    assert!(json["milestones"][1]["design"]["components"].is_array());
    assert!(json["milestones"][1]["design"].get("archplay").is_none());
    assert_eq!(read_file(&text), Ok((design.clone(), list)));
    // The plain reader (the command-line tool's) reads the design alone.
    assert_eq!(from_json(&text), Ok(design.clone()));
    // No milestones: no field, and the file reads with none.
    let plain = to_json(&design);
    assert!(!plain.contains("milestones"));
    assert_eq!(read_file(&plain), Ok((design, Vec::new())));
}

#[test]
fn an_invalid_milestone_in_a_file_is_named() {
    let design = template("monolith").unwrap();
    let text = to_json_with_milestones(&design, &[milestone("Split", "microservices")]);
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["milestones"][0]["design"]["components"][0]["replicas"]["current"] = 0.into();
    let message = read_file(&json.to_string()).unwrap_err().to_string();
    assert!(
        message.starts_with("the design of milestone 1 \u{201c}Split\u{201d} is not valid"),
        "{message}"
    );
    json["milestones"][0]["name"] = " ".into();
    let message = read_file(&json.to_string()).unwrap_err().to_string();
    assert_eq!(message, "milestone 1 has no name");
}

#[test]
fn merging_keeps_every_milestone_of_the_users_and_duplicates_once() {
    let kept = vec![milestone("A", "monolith"), milestone("B", "microservices")];
    let incoming = vec![
        milestone("A", "monolith"),
        milestone("A", "microservices"),
        milestone("C", "event-driven"),
        milestone("C", "event-driven"),
    ];
    let names: Vec<String> = merge(kept, incoming).into_iter().map(|m| m.name).collect();
    assert_eq!(names, ["A", "B", "A", "C"]);
}

#[test]
fn export_and_import_tasks_carry_milestones() {
    let design = template("monolith").unwrap();
    let stored = to_stored(&[milestone("Mine", "event-driven")]);
    let file = run(&Task::DesignFile {
        design: encode_snapshot(&design),
        milestones: to_stored(&[milestone("Split", "microservices")]),
    })
    .unwrap();
    assert!(file.contains("\"milestones\""));
    let answer = run(&Task::OpenFile {
        file: file.clone(),
        milestones: stored.clone(),
    })
    .unwrap();
    let (snapshot, merged) = split_import_answer(&answer);
    assert_eq!(decode_snapshot(snapshot), Ok(design.clone()));
    let names: Vec<String> = read_stored(merged.expect("milestones to store"))
        .unwrap()
        .into_iter()
        .map(|m| m.name)
        .collect();
    assert_eq!(names, ["Mine", "Split"]);
    // Unreadable stored text is left alone: the design opens, nothing to store.
    let answer = run(&Task::OpenFile {
        file,
        milestones: "{bad".to_string(),
    })
    .unwrap();
    assert_eq!(split_import_answer(&answer).1, None);
    // A file without milestones answers the snapshot alone.
    let answer = run(&Task::OpenFile {
        file: to_json(&design),
        milestones: stored,
    })
    .unwrap();
    assert_eq!(
        split_import_answer(&answer),
        (encode_snapshot(&design).as_str(), None)
    );
    // Unreadable stored milestones are left out of an export, which still works.
    let file = run(&Task::DesignFile {
        design: encode_snapshot(&design),
        milestones: "{bad".to_string(),
    })
    .unwrap();
    assert_eq!(from_json(&file), Ok(design));
    assert!(!file.contains("milestones"));
}

#[test]
fn default_names_count_up_and_skip_taken_ones() {
    assert_eq!(default_name(&[]), "Milestone 1");
    assert_eq!(default_name(&["x", "y"]), "Milestone 3");
    assert_eq!(default_name(&["Milestone 2", "y"]), "Milestone 3");
    assert_eq!(default_name(&["Milestone 2", "Milestone 3"]), "Milestone 4");
}

#[test]
fn the_command_line_reads_a_file_with_milestones() {
    let design = template("monolith").unwrap();
    let text = to_json_with_milestones(&design, &[milestone("Split", "microservices")]);
    let file = crate::run::TempFile::new("milestones.json", &text);
    let output = crate::run::archplay(&["score", file.path()], None);
    assert!(output.status.success(), "{}", crate::run::stderr(&output));
    let plain = crate::run::TempFile::new("plain.json", &to_json(&design));
    let expected = crate::run::archplay(&["score", plain.path()], None);
    assert_eq!(output.stdout, expected.stdout);
}
