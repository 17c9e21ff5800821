//! Running an exercise's simulated checks: one run of the design per seed of
//! the exercise, under the exercise's traffic and faults.
//!
//! What must stay true: bounded. Every run has an event budget
//! ([`EXERCISE_EVENT_BUDGET`]); a run that would pass it is refused with a
//! message rather than run for ever or graded on part of its time.

use super::exercise_data::{Exercise, RunSettings};
use crate::engine::model::{Design, ScheduledFault};
use crate::engine::sim::{Simulation, Summary};
use serde::Serialize;

/// Most events one seed's run may handle.
pub const EXERCISE_EVENT_BUDGET: u64 = 20_000_000;

/// Most seeds one exercise may run.
pub const MAX_SEEDS: usize = 8;

/// One seed's run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeedRun {
    /// The seed.
    pub seed: u64,
    /// What the run measured.
    pub summary: Summary,
}

/// The runs of one design for one exercise, one per seed.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ExerciseRuns {
    /// In the exercise's seed order.
    pub runs: Vec<SeedRun>,
}

/// `design` with the exercise's scenario, faults and `seed` in its settings.
pub fn design_for_run(
    design: &Design,
    settings: &RunSettings,
    seed: u64,
) -> Result<Design, String> {
    let mut run = design.clone();
    let scenario = &settings.scenario;
    let own = &mut run.simulation;
    own.seed = seed;
    own.duration_s = scenario.duration_s;
    own.warmup_s = scenario.warmup_s;
    own.arrival = scenario.arrival;
    own.ramp_from_factor = scenario.ramp_from_factor;
    own.ramp_to_factor = scenario.ramp_to_factor;
    own.profile_at_percent = scenario.profile_at_percent;
    own.profile_length_percent = scenario.profile_length_percent;
    own.profile_factor = scenario.profile_factor;
    own.wave_count = scenario.wave_count;
    own.wave_amplitude = scenario.wave_amplitude;
    own.key_popularity = scenario.key_popularity;
    own.zipf_exponent = scenario.zipf_exponent;
    own.service_time = scenario.service_time;
    own.service_time_cv = scenario.service_time_cv;
    own.faults = settings
        .faults
        .iter()
        .map(|fault| {
            let component = design
                .component_named(&fault.component)
                .ok_or_else(|| {
                    format!(
                        "the exercise injects a fault into {}, and the design has no component of that name",
                        fault.component
                    )
                })?;
            Ok(ScheduledFault {
                component: component.id,
                action: fault.action,
                at_s: fault.at_s,
                duration_s: fault.duration_s,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(run)
}

/// Runs `design` once per seed of `exercise`, or says why it cannot.
pub fn run_checks(exercise: &Exercise, design: &Design) -> Result<ExerciseRuns, String> {
    let settings = &exercise.runs;
    if settings.seeds.is_empty() {
        return Err("the exercise names no seed to run".to_string());
    }
    if settings.seeds.len() > MAX_SEEDS {
        return Err(format!(
            "the exercise names {} seeds, more than the {MAX_SEEDS} a check may run",
            settings.seeds.len()
        ));
    }
    let mut runs = Vec::with_capacity(settings.seeds.len());
    for &seed in &settings.seeds {
        let run_design = design_for_run(design, settings, seed)?;
        let mut simulation = Simulation::with_event_budget(&run_design, EXERCISE_EVENT_BUDGET)
            .map_err(|error| format!("the design cannot be run: {error}"))?;
        simulation.run();
        let summary = simulation.summary();
        if summary.partial.is_some() {
            return Err(format!(
                "the run of seed {seed} needs more than {EXERCISE_EVENT_BUDGET} events; lower the load or the run's length"
            ));
        }
        runs.push(SeedRun { seed, summary });
    }
    Ok(ExerciseRuns { runs })
}
