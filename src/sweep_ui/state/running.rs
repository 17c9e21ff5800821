//! Running a sweep: [`SweepState::start`] checks the form and the spec (in
//! a worker), hands the points out one at a time to the pool, keeps their
//! answers by index and ends it; [`SweepState::cancel`] stops it.
//!
//! What must stay true: a refused sweep runs nothing; a sweep started while
//! another runs stops every worker of the first, while idle workers are kept
//! for the next; an answer of an older sweep (an older generation) never
//! lands in a newer one; the design is never changed.

use super::{SweepSetup, SweepState, SweepStatus};
use crate::engine::sweep::CurveSample;
use crate::sweep_ui::pool::WorkerPool;
use crate::sweep_ui::run::SweepRun;
use crate::worker_protocol::sweep::{SweepAnswer, SweepRequest};
use leptos::prelude::*;

impl SweepState {
    /// Starts a sweep of the design on the canvas as the form says,
    /// replacing any sweep that is running; a refusal runs nothing.
    pub fn start(&self) {
        let (spec, seed, duration_s, workers) = match self.read_form() {
            Ok(read) => read,
            Err(refusal) => return self.refusal.set(Some(refusal)),
        };
        self.refusal.set(None);
        let generation = self.next_generation();
        // A sweep still running is replaced: its workers are stopped mid-point.
        // Idle workers stay, already started, so a second sweep does not pay
        // for starting them again.
        if matches!(
            self.status.get_untracked(),
            SweepStatus::Running | SweepStatus::Preparing
        ) {
            self.pool.with_value(WorkerPool::stop_all);
        }
        let setup = SweepSetup {
            snapshot: self.snapshot(),
            spec: spec.clone(),
            seed,
            duration_s,
            workers,
        };
        self.status.set(SweepStatus::Preparing);
        let request = SweepRequest::Prepare {
            design: setup.snapshot.clone(),
            spec,
            seed,
            duration_s,
        };
        let this = *self;
        self.pool
            .with_value(|pool| pool.worker(0))
            .ask(request, move |answer| {
                if this.generation.get_value() != generation {
                    return;
                }
                match answer {
                    Ok(SweepAnswer::Prepared { values, curve }) => {
                        this.run_points(generation, setup, values, curve)
                    }
                    Ok(SweepAnswer::Refused { field, message }) => {
                        this.refusal.set(Some((field, message)));
                        this.status
                            .set(if this.run.with_untracked(|run| run.total() > 0) {
                                SweepStatus::Cancelled
                            } else {
                                SweepStatus::Idle
                            });
                    }
                    Ok(_) => this.fail("the worker answered with something else".to_string()),
                    Err(problem) => this.fail(problem),
                }
            });
    }

    fn next_generation(&self) -> u32 {
        self.generation.update_value(|g| *g = g.wrapping_add(1));
        self.generation.get_value()
    }

    fn run_points(
        &self,
        generation: u32,
        setup: SweepSetup,
        values: Vec<f64>,
        curve: Vec<CurveSample>,
    ) {
        let workers = setup.workers.min(values.len() as u32).max(1);
        self.run.set(SweepRun::new(generation, values));
        self.curve.set(curve);
        self.setup.set(Some(setup));
        self.stale.set(false);
        self.status.set(SweepStatus::Running);
        for worker in 0..workers {
            self.dispatch(worker, generation);
        }
    }

    /// Hands worker `worker` the next point of sweep `generation`, if any is left.
    fn dispatch(&self, worker: u32, generation: u32) {
        if self.generation.get_value() != generation {
            return;
        }
        let Some(index) = self.run.try_update(SweepRun::hand_out).flatten() else {
            return;
        };
        let Some(setup) = self.setup.get_untracked() else {
            return;
        };
        let request = SweepRequest::Point {
            design: setup.snapshot,
            spec: setup.spec,
            index,
            seed: setup.seed,
            duration_s: setup.duration_s,
        };
        let this = *self;
        self.pool
            .with_value(|pool| pool.worker(worker))
            .ask(request, move |answer| {
                if this.generation.get_value() != generation {
                    return;
                }
                match answer {
                    Ok(SweepAnswer::Point(point)) => {
                        let complete = this
                            .run
                            .try_update(|run| {
                                run.land(generation, *point);
                                run.complete()
                            })
                            .unwrap_or(false);
                        if complete {
                            this.status.set(SweepStatus::Done);
                        } else {
                            this.dispatch(worker, generation);
                        }
                    }
                    Ok(SweepAnswer::Refused { message, .. }) => this.fail(message),
                    Ok(_) => this.fail("the worker answered with something else".to_string()),
                    Err(problem) => this.fail(problem),
                }
            });
    }

    fn fail(&self, problem: String) {
        self.next_generation();
        self.pool.with_value(WorkerPool::stop_all);
        self.status.set(SweepStatus::Failed(problem));
    }

    /// Stops the sweep: every worker is terminated, the points done so far stay.
    pub fn cancel(&self) {
        if !matches!(
            self.status.get_untracked(),
            SweepStatus::Running | SweepStatus::Preparing
        ) {
            return;
        }
        self.next_generation();
        self.pool.with_value(WorkerPool::stop_all);
        self.status.set(SweepStatus::Cancelled);
    }
}
