//! What a sweep worker answers: the Sweep module's [`SweepRequest`]s, from
//! the engine's sweeps (`archplay::engine::sweep`), the same functions
//! `archplay sweep` uses, so a point in the browser is the CLI's row.
//!
//! What must stay true: every request gets exactly one answer; a design
//! that does not read is an error in a sentence; a refused sweep is
//! [`SweepAnswer::Refused`] with the input it is about.

use archplay::engine::model::Design;
use archplay::engine::share::decode_snapshot;
use archplay::engine::sweep::{
    check_runs, estimate_curve, sweep_parameters, sweep_point, Sweep, SweepError,
};
use archplay::worker_protocol::sweep::{SweepAnswer, SweepRequest, SweepSheet, SweepTargets};

fn design(snapshot: &str) -> Result<Design, String> {
    decode_snapshot(snapshot).map_err(|error| format!("the design does not read: {error}"))
}

fn refused(error: SweepError) -> SweepAnswer {
    SweepAnswer::Refused {
        field: error.field(),
        message: error.to_string(),
    }
}

fn sheet(design: &Design) -> SweepSheet {
    SweepSheet {
        parameters: sweep_parameters(design),
        seed: design.simulation.seed,
        duration_s: design.simulation.duration_s,
        targets: SweepTargets {
            latency_ms: design.targets.latency_ms,
            throughput_rps: design.targets.throughput_rps,
            error_budget_percent: design.targets.error_budget_percent,
            cpu_percent: design.targets.cpu_percent,
        },
    }
}

/// The answer to `request`, or why there is none.
pub fn answer(request: SweepRequest) -> Result<SweepAnswer, String> {
    match request {
        SweepRequest::Describe { design: snapshot } => {
            Ok(SweepAnswer::Described(Box::new(sheet(&design(&snapshot)?))))
        }
        SweepRequest::Prepare {
            design: snapshot,
            spec,
            seed,
            duration_s,
        } => {
            let design = design(&snapshot)?;
            let prepared = check_runs(&design, &spec, seed, duration_s).and_then(|()| {
                let values = Sweep::new(&design, &spec)?.values;
                let curve = estimate_curve(&design, &spec)?;
                Ok(SweepAnswer::Prepared { values, curve })
            });
            Ok(prepared.unwrap_or_else(refused))
        }
        SweepRequest::Point {
            design: snapshot,
            spec,
            index,
            seed,
            duration_s,
        } => {
            let design = design(&snapshot)?;
            Ok(match sweep_point(&design, &spec, index, seed, duration_s) {
                Ok(point) => SweepAnswer::Point(Box::new(point)),
                Err(error) => refused(error),
            })
        }
    }
}
