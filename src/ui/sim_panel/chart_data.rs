//! What the time charts show, as plain data: which charts there are, their
//! lines from the run's points, and each chart's layout in SVG units (ticks,
//! axis labels, line paths). [`super::charts`] only renders a [`ChartLayout`].
//!
//! What must stay true: every chart names its units on both axes and has a
//! legend entry per line; the x axis is simulated seconds from 0 to the run's
//! duration; coordinates are finite (see [`super::projection`]).

use super::projection::{nice_max, tick_label, tick_step, ticks, PlotArea, Projection};
use crate::engine::model::{ComponentId, ComponentKind, Design};
use crate::engine::sim::live::progress::SeriesPoint;

/// The chart's SVG width, in its units.
pub const WIDTH: f64 = 320.0;
/// The chart's SVG height, in its units.
pub const HEIGHT: f64 = 150.0;
/// Where the lines are drawn inside the SVG.
const AREA: PlotArea = PlotArea {
    left: 44.0,
    top: 18.0,
    width: 262.0,
    height: 96.0,
};

/// One line of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// What the legend calls it.
    pub label: String,
    /// (simulated seconds, value).
    pub points: Vec<(f64, f64)>,
}

/// What a chart shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// Successful answers per second.
    Throughput,
    /// Failed share of the finished requests.
    Errors,
    /// Latency percentiles.
    Latency,
    /// Replicas per autoscaled service.
    Replicas,
    /// Hit rate per cache.
    Cache,
    /// Bus channel depth and dropped events.
    Events,
}

impl ChartKind {
    /// Every chart, in panel order.
    pub const ALL: [ChartKind; 6] = [
        ChartKind::Throughput,
        ChartKind::Errors,
        ChartKind::Latency,
        ChartKind::Replicas,
        ChartKind::Cache,
        ChartKind::Events,
    ];

    /// The `<name>` of the chart's `data-testid="chart-<name>"`.
    pub fn slug(self) -> &'static str {
        match self {
            ChartKind::Throughput => "throughput",
            ChartKind::Errors => "errors",
            ChartKind::Latency => "latency",
            ChartKind::Replicas => "replicas",
            ChartKind::Cache => "cache",
            ChartKind::Events => "events",
        }
    }

    /// The chart's title.
    pub fn title(self) -> &'static str {
        match self {
            ChartKind::Throughput => "Throughput",
            ChartKind::Errors => "Error rate",
            ChartKind::Latency => "Latency",
            ChartKind::Replicas => "Replicas per autoscaled service",
            ChartKind::Cache => "Cache hit rate",
            ChartKind::Events => "Event channels",
        }
    }

    /// The y axis unit.
    pub fn unit(self) -> &'static str {
        match self {
            ChartKind::Throughput => "req/s",
            ChartKind::Errors | ChartKind::Cache => "%",
            ChartKind::Latency => "ms",
            ChartKind::Replicas => "replicas",
            ChartKind::Events => "events",
        }
    }

    /// The y axis never ends below this.
    fn y_floor(self) -> f64 {
        match self {
            ChartKind::Errors | ChartKind::Cache => 100.0,
            ChartKind::Replicas => 2.0,
            _ => 1.0,
        }
    }

    /// What to say when there is nothing to draw.
    pub fn empty_note(self) -> &'static str {
        match self {
            ChartKind::Replicas => "no autoscaled service in this design",
            ChartKind::Cache => "no cache was read",
            ChartKind::Events => "no event bus in this design",
            _ => "run the simulation to draw this chart",
        }
    }

    /// The chart's lines from the run's points; names come from `design`.
    pub fn series(self, points: &[SeriesPoint], design: &Design) -> Vec<Series> {
        let line = |label: &str, value: fn(&SeriesPoint) -> f64| Series {
            label: label.to_string(),
            points: points.iter().map(|p| (p.t_s, value(p))).collect(),
        };
        match self {
            ChartKind::Throughput => vec![line("answered", |p| p.throughput_rps)],
            ChartKind::Errors => vec![line("failed", |p| p.error_percent)],
            ChartKind::Latency => vec![
                line("p50", |p| p.p50_ms),
                line("p95", |p| p.p95_ms),
                line("p99", |p| p.p99_ms),
            ],
            ChartKind::Replicas => per_component(points, design, |p| {
                p.replicas
                    .iter()
                    .map(|&(id, n)| (id, f64::from(n)))
                    .collect()
            }),
            ChartKind::Cache => per_component(points, design, |p| p.cache_hit_percent.clone()),
            ChartKind::Events => {
                let has_bus = design
                    .components
                    .iter()
                    .any(|c| c.kind == ComponentKind::EventBus);
                if has_bus {
                    vec![
                        line("held in channels", |p| p.channel_depth as f64),
                        line("dropped", |p| p.dropped_events as f64),
                    ]
                } else {
                    Vec::new()
                }
            }
        }
    }
}

/// One line per component that `pick` finds in the points, in the order
/// components first appear, named after the design's component.
fn per_component(
    points: &[SeriesPoint],
    design: &Design,
    pick: fn(&SeriesPoint) -> Vec<(ComponentId, f64)>,
) -> Vec<Series> {
    let mut ids: Vec<ComponentId> = Vec::new();
    for (id, _) in points.iter().flat_map(pick) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids.into_iter()
        .map(|id| Series {
            label: design
                .components
                .iter()
                .find(|c| c.id == id)
                .map_or_else(|| format!("#{}", id.0), |c| c.name.clone()),
            points: points
                .iter()
                .filter_map(|p| {
                    pick(p)
                        .into_iter()
                        .find(|(i, _)| *i == id)
                        .map(|(_, v)| (p.t_s, v))
                })
                .collect(),
        })
        .collect()
}

/// A tick on an axis: where it sits (SVG units along the axis) and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Position along the axis, SVG units.
    pub at: f64,
    /// What it reads.
    pub label: String,
}

/// One line as drawn: its legend label and its SVG path.
#[derive(Clone, Debug, PartialEq)]
pub struct DrawnLine {
    /// What the legend calls it.
    pub label: String,
    /// The SVG path through its points (empty for no point).
    pub path: String,
}

/// A chart laid out in SVG units, ready to render.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartLayout {
    /// What the chart shows.
    pub kind: ChartKind,
    /// Where the lines are drawn.
    pub area: PlotArea,
    /// Ticks on the y axis (positions are y coordinates).
    pub y_ticks: Vec<Tick>,
    /// Ticks on the x axis (positions are x coordinates).
    pub x_ticks: Vec<Tick>,
    /// The lines, in legend order.
    pub lines: Vec<DrawnLine>,
    /// Whether there is no point to draw (the chart then says why).
    pub empty: bool,
}

impl ChartLayout {
    /// The layout of chart `kind` of `series` over `duration_s` simulated seconds.
    pub fn new(kind: ChartKind, duration_s: f64, series: &[Series]) -> ChartLayout {
        let y_top = nice_max(
            series
                .iter()
                .flat_map(|s| s.points.iter().map(|p| p.1))
                .fold(0.0, f64::max),
            kind.y_floor(),
        );
        let x_end = nice_max(duration_s, 1.0);
        let projection = Projection::new(AREA, (0.0, x_end), (0.0, y_top));
        let (x_step, y_step) = (tick_step(x_end, 4), tick_step(y_top, 3));
        ChartLayout {
            kind,
            area: AREA,
            y_ticks: ticks(y_top, 3)
                .into_iter()
                .map(|value| Tick {
                    at: projection.to_svg(0.0, value).1,
                    label: tick_label(value, y_step),
                })
                .collect(),
            x_ticks: ticks(x_end, 4)
                .into_iter()
                .map(|value| Tick {
                    at: projection.to_svg(value, 0.0).0,
                    label: tick_label(value, x_step),
                })
                .collect(),
            lines: series
                .iter()
                .map(|line| DrawnLine {
                    label: line.label.clone(),
                    path: projection.path(&line.points),
                })
                .collect(),
            empty: series.iter().all(|s| s.points.is_empty()),
        }
    }

    /// The chart of `kind` for a run of `design` that has made `points` and lasts `duration_s`.
    pub fn of_run(
        kind: ChartKind,
        points: &[SeriesPoint],
        duration_s: f64,
        design: &Design,
    ) -> ChartLayout {
        ChartLayout::new(kind, duration_s, &kind.series(points, design))
    }

    /// The x coordinate of the plot's right edge.
    pub fn right(&self) -> f64 {
        self.area.left + self.area.width
    }

    /// The y coordinate of the plot's bottom edge (the x axis).
    pub fn bottom(&self) -> f64 {
        self.area.top + self.area.height
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::templates::template;

    #[test]
    fn layouts_label_both_axes_and_draw_one_path_per_line() {
        let series = vec![Series {
            label: "<api>".into(),
            points: vec![(0.0, 1.0), (30.0, 80.0)],
        }];
        let layout = ChartLayout::new(ChartKind::Throughput, 60.0, &series);
        assert_eq!(layout.kind.unit(), "req/s");
        let x_labels: Vec<&str> = layout.x_ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(x_labels, ["0", "20", "40", "60"]);
        assert_eq!(layout.y_ticks.first().map(|t| t.at), Some(layout.bottom()));
        assert_eq!(layout.lines.len(), 1);
        assert_eq!(
            layout.lines[0].label, "<api>",
            "names stay as they are: the view escapes"
        );
        assert!(layout.lines[0].path.starts_with("M44.0 "));
        assert!(!layout.empty);
        let empty = ChartLayout::new(ChartKind::Cache, 60.0, &[]);
        assert!(empty.empty && empty.lines.is_empty());
        assert_eq!(empty.kind.empty_note(), "no cache was read");
    }

    #[test]
    fn before_a_run_each_line_is_there_with_an_empty_path() {
        let design = template("event-driven").unwrap();
        let throughput = ChartLayout::of_run(ChartKind::Throughput, &[], 60.0, &design);
        assert_eq!(throughput.lines.len(), 1);
        assert_eq!(throughput.lines[0].path, "");
        assert!(throughput.empty);
        let events = ChartLayout::of_run(ChartKind::Events, &[], 60.0, &design);
        assert_eq!(events.lines.len(), 2, "the design has an event bus");
    }

    #[test]
    fn per_component_lines_are_named_after_the_design() {
        let design = template("auto-scaling").unwrap();
        let id = design.components[1].id;
        let points = vec![
            SeriesPoint {
                t_s: 1.0,
                replicas: vec![(id, 2), (ComponentId(999), 1)],
                ..SeriesPoint::default()
            },
            SeriesPoint {
                t_s: 2.0,
                replicas: vec![(id, 3)],
                ..SeriesPoint::default()
            },
        ];
        let series = ChartKind::Replicas.series(&points, &design);
        assert_eq!(series[0].label, design.components[1].name);
        assert_eq!(series[0].points, vec![(1.0, 2.0), (2.0, 3.0)]);
        assert_eq!(series[1].label, "#999", "an unknown id keeps its number");
    }
}
