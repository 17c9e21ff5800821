//! Small helpers for text the app shows: a count with its noun in the right
//! number ("1 replica", "2 replicas") and a noun with its indefinite article
//! ("a cache", "an API gateway"), and a group that may be of one ("the one
//! service", "all 3 services"). Every place that writes a count or an
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

/// The subject of a sentence about every member of a group of `n`: "the
/// one service" when there is one, else "all 3 services" (pair it with
/// [`noun`] for the verb: "the one service owns", "all 3 services own").
pub fn all_of(n: u64, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("the one {singular}")
    } else {
        format!("all {n} {plural}")
    }
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
    fn a_group_of_one_is_not_called_all() {
        assert_eq!(all_of(1, "service", "services"), "the one service");
        assert_eq!(all_of(3, "service", "services"), "all 3 services");
        assert_eq!(
            format!(
                "{} {}",
                all_of(1, "store", "stores"),
                noun(1, "keeps", "keep")
            ),
            "the one store keeps"
        );
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
