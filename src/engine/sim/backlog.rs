//! Stations that fall behind: busy nearly all the time while their backlog
//! (calls waiting) grows through the run. Read from the summary's figures,
//! so the CLI, the tests and the page name the same stations.
//!
//! What must stay true: a station is named only when its servers were busy
//! at least [`BUSY_SHARE`] of the time and its backlog ended at least
//! [`MIN_GROWTH`] (and at least one per server) above where it began and
//! above its own time average, so a queue that merely fluctuates around a
//! steady level is not called falling behind. The growth rate is the change
//! in backlog over the measured seconds.

use super::summary::ComponentSummary;
use serde::{Deserialize, Serialize};

/// Busy share of server time from which a growing backlog counts.
pub const BUSY_SHARE: f64 = 0.95;

/// Fewest calls the backlog must have grown by.
pub const MIN_GROWTH: u64 = 10;

/// A station that could not keep up with what it was sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FallingBehind {
    /// The component.
    pub id: u32,
    /// Its name.
    pub name: String,
    /// Busy over ready server time, in [0, 1].
    pub utilisation: f64,
    /// Calls waiting at the end of the run.
    pub queued_at_end: u64,
    /// How fast the backlog grew over the measured run, calls per second.
    pub growth_per_s: f64,
    /// Calls it turned away because its queue was full.
    pub turned_away: u64,
}

impl FallingBehind {
    /// `orders-consumer is falling behind: busy 100 % of the time, its backlog
    /// grew by 3.3 calls per second to 200 waiting (1,234 turned away, queue full)`.
    pub fn words(&self) -> String {
        let turned_away = if self.turned_away > 0 {
            format!(
                " ({} turned away, queue full)",
                super::verdict::count_words(self.turned_away)
            )
        } else {
            String::new()
        };
        format!(
            "{} is falling behind: busy {:.0} % of the time, its backlog grew by {:.1} calls per second to {} waiting{turned_away}",
            self.name,
            self.utilisation * 100.0,
            self.growth_per_s,
            super::verdict::count_words(self.queued_at_end),
        )
    }
}

/// The stations of `components` that fell behind over `measured_s` seconds.
pub fn falling_behind(components: &[ComponentSummary], measured_s: f64) -> Vec<FallingBehind> {
    if measured_s <= 0.0 || !measured_s.is_finite() {
        return Vec::new();
    }
    components
        .iter()
        .filter(|c| c.utilisation >= BUSY_SHARE)
        .filter_map(|c| {
            let grown = c.queued_at_end.saturating_sub(c.queued_at_start);
            let enough = grown >= MIN_GROWTH.max(u64::from(c.servers));
            let rising = c.queued_at_end as f64 > c.mean_queue_length;
            (enough && rising).then(|| FallingBehind {
                id: c.id,
                name: c.name.clone(),
                utilisation: c.utilisation,
                queued_at_end: c.queued_at_end,
                growth_per_s: grown as f64 / measured_s,
                turned_away: c.errors.get("queue_full").copied().unwrap_or(0),
            })
        })
        .collect()
}
