//! Small helpers for text the app shows: a count with its noun in the right
//! number ("1 replica", "2 replicas") and a noun with its indefinite article
//! ("a cache", "an API gateway"). Every place that writes a count or an
//! article in a sentence goes through these, so no "1 replicas" or
//! "a event bus" is ever shown.
//!
//! What must stay true: [`count`] uses the singular for exactly 1 and the
//! plural for every other number (0 included), and [`with_article`] picks
//! "an" before a vowel letter (the kinds and units this app names are all
//! read as spelled: "an API", "an event", "a user" is not among them).

/// `singular` when `n` is 1, else `plural`.
pub fn noun<'a>(n: u64, singular: &'a str, plural: &'a str) -> &'a str {
    if n == 1 {
        singular
    } else {
        plural
    }
}

/// `n` and its noun in the right number: `count(1, "replica", "replicas")`
/// is "1 replica", `count(2, ...)` "2 replicas", `count(0, ...)` "0 replicas".
pub fn count(n: u64, singular: &str, plural: &str) -> String {
    format!("{n} {}", noun(n, singular, plural))
}

/// "a" or "an", as fits the first letter of `phrase`.
pub fn article(phrase: &str) -> &'static str {
    match phrase.chars().next().map(|c| c.to_ascii_lowercase()) {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

/// `phrase` after its indefinite article: "an API gateway", "a cache".
pub fn with_article(phrase: &str) -> String {
    format!("{} {phrase}", article(phrase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_use_the_singular_for_one_only() {
        assert_eq!(count(0, "replica", "replicas"), "0 replicas");
        assert_eq!(count(1, "replica", "replicas"), "1 replica");
        assert_eq!(count(2, "replica", "replicas"), "2 replicas");
        assert_eq!(count(1, "query", "queries"), "1 query");
        assert_eq!(count(11, "query", "queries"), "11 queries");
    }

    #[test]
    fn articles_follow_the_first_letter() {
        assert_eq!(with_article("API gateway"), "an API gateway");
        assert_eq!(with_article("event bus"), "an event bus");
        assert_eq!(with_article("cache"), "a cache");
        assert_eq!(with_article("load balancer"), "a load balancer");
        assert_eq!(article(""), "a");
    }
}
