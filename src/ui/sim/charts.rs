//! The time charts of a run, drawn as plain SVG: throughput, error rate,
//! latency percentiles, replicas per autoscaled service, cache hit rate, and
//! bus channel depth with dropped events.
//!
//! What must stay true: every chart carries `data-testid="chart-<name>"`,
//! names its units on both axes and has a legend; the x axis is simulated
//! seconds from 0 to the run's duration. Charts are markup strings (names
//! escaped) that the panel puts in place.

use super::projection::{nice_max, tick_label, tick_step, ticks, PlotArea, Projection};
use crate::engine::model::Design;
use crate::engine::sim::live::protocol::SeriesPoint;

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 150.0;
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
    Throughput,
    Errors,
    Latency,
    Replicas,
    Cache,
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

    /// The `<name>` of `chart-<name>`.
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
    fn empty_note(self) -> &'static str {
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
        let by_component = |pick: fn(&SeriesPoint) -> Vec<(u32, f64)>| {
            // Components in the order they first appear (no sort: it would cost the bundle a sort routine).
            let mut ids: Vec<u32> = Vec::new();
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
                        .find(|c| c.id.0 == id)
                        .map_or_else(|| format!("#{id}"), |c| c.name.clone()),
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
                .collect::<Vec<_>>()
        };
        match self {
            ChartKind::Throughput => vec![line("answered", |p| p.throughput_rps)],
            ChartKind::Errors => vec![line("failed", |p| p.error_percent)],
            ChartKind::Latency => vec![
                line("p50", |p| p.p50_ms),
                line("p95", |p| p.p95_ms),
                line("p99", |p| p.p99_ms),
            ],
            ChartKind::Replicas => by_component(|p| {
                p.replicas
                    .iter()
                    .map(|&(id, n)| (id, f64::from(n)))
                    .collect()
            }),
            ChartKind::Cache => by_component(|p| p.cache_hit_percent.clone()),
            ChartKind::Events => {
                if design
                    .components
                    .iter()
                    .any(|c| c.kind == crate::engine::model::ComponentKind::EventBus)
                {
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

/// Every chart of the run, as markup: one `<figure data-testid="chart-<name>">` each.
pub fn charts_markup(points: &[SeriesPoint], duration_s: f64, design: &Design) -> String {
    ChartKind::ALL
        .into_iter()
        .map(|kind| {
            let series = kind.series(points, design);
            format!(
                "<figure class=\"ap-chart\" data-testid=\"chart-{}\">{}</figure>",
                kind.slug(),
                chart_markup(kind, duration_s, &series)
            )
        })
        .collect()
}

/// The chart's caption, SVG and legend, as markup.
pub fn chart_markup(kind: ChartKind, duration_s: f64, series: &[Series]) -> String {
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
    let (left, right, bottom) = (AREA.left, AREA.left + AREA.width, AREA.top + AREA.height);
    let mut out = format!(
        "<figcaption class=\"ap-chart__title\">{} ({})</figcaption><svg class=\"ap-chart__svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-label=\"{} over simulated time\">",
        kind.title(),
        kind.unit(),
        kind.title()
    );
    for value in ticks(y_top, 3) {
        let (_, y) = projection.to_svg(0.0, value);
        out.push_str(&format!(
            "<line class=\"ap-chart__grid\" x1=\"{left}\" x2=\"{right}\" y1=\"{y:.1}\" y2=\"{y:.1}\"/><text class=\"ap-chart__tick\" x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            left - 4.0,
            y + 3.0,
            tick_label(value, y_step)
        ));
    }
    for value in ticks(x_end, 4) {
        let (x, _) = projection.to_svg(value, 0.0);
        out.push_str(&format!(
            "<text class=\"ap-chart__tick\" x=\"{x:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            bottom + 12.0,
            tick_label(value, x_step)
        ));
    }
    out.push_str(&format!(
        "<line class=\"ap-chart__axis\" x1=\"{left}\" x2=\"{left}\" y1=\"{}\" y2=\"{bottom}\"/><line class=\"ap-chart__axis\" x1=\"{left}\" x2=\"{right}\" y1=\"{bottom}\" y2=\"{bottom}\"/>\
         <text class=\"ap-chart__unit\" x=\"{right}\" y=\"{}\" text-anchor=\"end\">simulated time (s)</text><text class=\"ap-chart__unit\" x=\"{}\" y=\"10\" text-anchor=\"end\">{}</text>",
        AREA.top,
        HEIGHT - 3.0,
        left - 4.0,
        kind.unit()
    ));
    for (i, line) in series.iter().enumerate() {
        out.push_str(&format!(
            "<path class=\"ap-chart__line ap-series-{}\" d=\"{}\"/>",
            i % 4,
            projection.path(&line.points)
        ));
    }
    if series.iter().all(|s| s.points.is_empty()) {
        out.push_str(&format!(
            "<text class=\"ap-chart__empty\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            left + AREA.width / 2.0,
            AREA.top + AREA.height / 2.0,
            kind.empty_note()
        ));
    }
    out.push_str("</svg><ul class=\"ap-chart__legend\" data-testid=\"chart-legend\">");
    for (i, line) in series.iter().enumerate() {
        out.push_str(&format!(
            "<li class=\"ap-chart__key ap-series-{}\">{}</li>",
            i % 4,
            escape(&line.label)
        ));
    }
    out.push_str("</ul>");
    out
}

/// `text` with the characters markup gives meaning to replaced by entities.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_escapes_names_and_labels_every_axis() {
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
        let series = vec![Series {
            label: "<api>".into(),
            points: vec![(0.0, 1.0), (30.0, 80.0)],
        }];
        let markup = chart_markup(ChartKind::Throughput, 60.0, &series);
        assert!(markup.contains("simulated time (s)") && markup.contains(">req/s</text>"));
        assert!(markup.contains("&lt;api&gt;") && !markup.contains("<api>"));
        assert!(markup.contains("<path class=\"ap-chart__line ap-series-0\" d=\"M44.0 "));
        assert!(chart_markup(ChartKind::Cache, 60.0, &[]).contains("no cache was read"));
    }
}
