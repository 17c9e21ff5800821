//! The bookkeeping of one sweep in the browser, with no browser in it: which
//! point goes to a worker next, which answers belong to this sweep, how many
//! are done. Points are handed out one at a time and kept by index, so the
//! result never depends on how many workers ran them or in which order they
//! finished.
//!
//! What must stay true: a point is handed out once; an answer lands only if
//! it carries this sweep's generation and its index is not filled yet; a
//! cancelled or replaced sweep ([`SweepRun::generation`] moved on) takes no
//! further answers.

use crate::engine::sweep::SweepPoint;

/// One sweep's points as they come in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SweepRun {
    /// The sweep this is: answers of another generation are dropped.
    pub generation: u32,
    /// Each point's parameter value, in index order.
    pub values: Vec<f64>,
    /// Each point's figures once its run is done.
    pub points: Vec<Option<SweepPoint>>,
    /// The next point to hand out.
    next: u32,
}

impl SweepRun {
    /// A sweep numbered `generation` of points at `values`, none run yet.
    pub fn new(generation: u32, values: Vec<f64>) -> SweepRun {
        SweepRun {
            generation,
            points: vec![None; values.len()],
            values,
            next: 0,
        }
    }

    /// The next point to run, if any is left to hand out.
    pub fn hand_out(&mut self) -> Option<u32> {
        (self.next < self.total()).then(|| {
            self.next += 1;
            self.next - 1
        })
    }

    /// Keeps `point`, answered for `generation`; whether it landed.
    pub fn land(&mut self, generation: u32, point: SweepPoint) -> bool {
        if generation != self.generation {
            return false;
        }
        match self.points.get_mut(point.index as usize) {
            Some(slot @ None) => {
                *slot = Some(point);
                true
            }
            _ => false,
        }
    }

    /// How many points the sweep has.
    pub fn total(&self) -> u32 {
        self.values.len() as u32
    }

    /// How many points are done.
    pub fn done(&self) -> u32 {
        self.points.iter().filter(|p| p.is_some()).count() as u32
    }

    /// Whether every point is done.
    pub fn complete(&self) -> bool {
        self.total() > 0 && self.done() == self.total()
    }

    /// The points that are done, in index order.
    pub fn done_points(&self) -> Vec<SweepPoint> {
        self.points.iter().flatten().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::sweep::{sweep_point, SweepSpec};
    use crate::engine::templates::template;

    fn points() -> Vec<SweepPoint> {
        let design = template("microservices").unwrap();
        let spec = SweepSpec {
            param: "workload.requests_per_second".to_string(),
            from: 100.0,
            to: 400.0,
            steps: 4,
        };
        (0..4)
            .map(|i| sweep_point(&design, &spec, i, 1, 1.0).unwrap())
            .collect()
    }

    #[test]
    fn answers_in_any_order_give_the_same_points_in_index_order() {
        let points = points();
        let mut run = SweepRun::new(1, vec![100.0, 200.0, 300.0, 400.0]);
        let handed: Vec<u32> = std::iter::from_fn(|| run.hand_out()).collect();
        assert_eq!(handed, vec![0, 1, 2, 3]);
        for i in [2, 0, 3] {
            assert!(run.land(1, points[i].clone()));
        }
        assert!(!run.complete());
        assert_eq!(run.done(), 3);
        assert!(run.land(1, points[1].clone()));
        assert!(run.complete());
        assert_eq!(run.done_points(), points);
    }

    #[test]
    fn a_stale_or_repeated_answer_does_not_land() {
        let points = points();
        let mut run = SweepRun::new(2, vec![100.0, 200.0, 300.0, 400.0]);
        assert!(
            !run.land(1, points[0].clone()),
            "an answer of the replaced sweep"
        );
        assert_eq!(run.done(), 0);
        assert!(run.land(2, points[0].clone()));
        assert!(!run.land(2, points[0].clone()), "the same point twice");
        assert_eq!(run.done(), 1);
    }
}
