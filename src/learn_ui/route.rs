//! The Learn module's addresses: `#learn` opens the path, `#learn/<id>` an
//! exercise, `#learn/<id>/<link>` an exercise with a design carried as a
//! share-link payload (an exercise link, "Copy exercise link"), and `#c1.…`
//! a teacher's challenge link.
//!
//! What must stay true: [`LearnRoute::parse`] is the only reader of these
//! fragments and [`LearnRoute::fragment`] the only writer, and they agree
//! (tested both ways); a fragment is a route exactly when the page's prefix
//! check ([`is_learn_fragment`]) says it is the module's (tested), so every
//! other fragment is left to the page's share-link handler.

use crate::engine::learn::progress::is_exercise_id;
use crate::learn_bridge::{is_learn_fragment, LEARN_PREFIX};

/// Where a Learn address points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LearnRoute {
    /// The path of exercises.
    Path,
    /// One exercise, from its starting design.
    Exercise(String),
    /// One exercise, with the design in the share-link payload.
    ExerciseWithDesign {
        /// The exercise's id.
        exercise: String,
        /// A share-link fragment (what `LearnRequest::OpenLink` reads).
        link: String,
    },
    /// A teacher's challenge link (the `c1.…` text).
    Challenge(String),
}

/// Why a Learn address could not be followed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteError(pub String);

impl LearnRoute {
    /// Reads an address fragment (with or without `#`): `None` when it is not the module's.
    pub fn parse(fragment: &str) -> Option<Result<LearnRoute, RouteError>> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment).trim();
        if !is_learn_fragment(fragment) {
            return None;
        }
        let Some(rest) = fragment.strip_prefix(LEARN_PREFIX) else {
            return Some(Ok(LearnRoute::Challenge(fragment.to_string())));
        };
        let rest = rest.strip_prefix('/').unwrap_or_default();
        if rest.is_empty() {
            return Some(Ok(LearnRoute::Path));
        }
        let (exercise, link) = match rest.split_once('/') {
            Some((exercise, link)) => (exercise, Some(link)),
            None => (rest, None),
        };
        if !is_exercise_id(exercise) {
            return Some(Err(RouteError(format!(
                "the link names no exercise this app could have (\u{201c}{}\u{201d})",
                exercise.chars().take(40).collect::<String>()
            ))));
        }
        Some(Ok(match link {
            Some(link) if !link.trim().is_empty() => LearnRoute::ExerciseWithDesign {
                exercise: exercise.to_string(),
                link: link.to_string(),
            },
            _ => LearnRoute::Exercise(exercise.to_string()),
        }))
    }

    /// The fragment (without `#`) that [`LearnRoute::parse`] reads back as this route.
    pub fn fragment(&self) -> String {
        match self {
            LearnRoute::Path => LEARN_PREFIX.to_string(),
            LearnRoute::Exercise(exercise) => format!("{LEARN_PREFIX}/{exercise}"),
            LearnRoute::ExerciseWithDesign { exercise, link } => {
                format!("{LEARN_PREFIX}/{exercise}/{link}")
            }
            LearnRoute::Challenge(text) => text.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learn_addresses_read_back_as_written() {
        let routes = [
            LearnRoute::Path,
            LearnRoute::Exercise("srp-split".to_string()),
            LearnRoute::ExerciseWithDesign {
                exercise: "db-read-replicas".to_string(),
                link: "v3.eJy_abc-123".to_string(),
            },
            LearnRoute::Challenge("c1.eNpabc".to_string()),
        ];
        for route in routes {
            let fragment = route.fragment();
            assert_eq!(LearnRoute::parse(&fragment), Some(Ok(route.clone())));
            assert_eq!(LearnRoute::parse(&format!("#{fragment}")), Some(Ok(route)));
        }
    }

    #[test]
    fn a_route_is_exactly_what_the_page_hands_the_module() {
        let fragments = [
            "",
            "#",
            "#v3.abc",
            "#learned",
            "#learning/x",
            "v1.learn",
            "#learn",
            "#learn/",
            "#learn/srp/",
            "#learn//x",
            "#c1.abc",
            "#c9.abc",
            "#c.abc",
            "#s2.x",
        ];
        for fragment in fragments {
            assert_eq!(
                LearnRoute::parse(fragment).is_some(),
                is_learn_fragment(fragment),
                "{fragment}"
            );
        }
        assert_eq!(LearnRoute::parse("#learn/"), Some(Ok(LearnRoute::Path)));
        assert_eq!(
            LearnRoute::parse("#learn/srp/"),
            Some(Ok(LearnRoute::Exercise("srp".to_string())))
        );
    }

    #[test]
    fn a_bad_exercise_id_is_refused_with_its_text() {
        let Some(Err(RouteError(message))) = LearnRoute::parse("#learn/no such/v3.x") else {
            panic!("a space in an id was accepted")
        };
        assert!(message.contains("no such"), "{message}");
        assert!(matches!(LearnRoute::parse("#learn//x"), Some(Err(_))));
    }
}
