//! The command-line tool simulates what the design says, with an `--options`
//! file overlaid on the design's settings.

use super::*;

#[test]
fn the_cli_simulates_what_the_design_says() {
    let mut design = shop();
    set(&mut design, "simulation.seed", "17");
    set(&mut design, "simulation.duration_s", "10");
    set(
        &mut design,
        "simulation.faults",
        "errors orders-service at 0s 50%",
    );
    let dir = std::env::temp_dir().join(format!("archplay-settings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("faulty.json");
    std::fs::write(&path, design_file::to_json(&design)).unwrap();
    let output = crate::run::archplay(&["simulate", path.to_str().unwrap()], None);
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        (summary["seed"].as_u64(), summary["simulated_s"].as_f64()),
        (Some(17), Some(10.0))
    );
    let injected = summary["end_to_end"]["errors"]["injected"]
        .as_u64()
        .unwrap_or_default();
    assert!(
        injected > 100,
        "the fault ran: {injected} injected errors in {}",
        summary["end_to_end"]["errors"]
    );
}
