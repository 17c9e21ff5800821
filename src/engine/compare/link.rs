//! The compare link: two designs in one address fragment,
//! `compare/<link of A>/<link of B>`, each half an ordinary share link
//! ([`encode_link`]), so a compare link is exactly two share links and opens
//! in any build that reads both.
//!
//! What must stay true: decoding is all or nothing (both halves read and
//! validate, or the error names the half that does not, `A` or `B`);
//! `decode_compare_link(&encode_compare_link(a, b))` is `(a, b)` for valid
//! designs; decoding never panics and each half is bounded as a share link is.

use crate::engine::model::Design;
use crate::engine::share::envelope::fragment;
use crate::engine::share::{decode_link, encode_link, LinkError};
use std::fmt;

/// The first word of a compare fragment.
pub const COMPARE_LINK_PREFIX: &str = "compare";

/// Why a compare link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompareLinkError {
    /// The fragment does not start with `compare/`.
    NotACompareLink,
    /// A half is missing: the fragment has fewer than two links after `compare/`.
    MissingHalf(&'static str),
    /// More than two parts after `compare/`.
    TooManyParts(usize),
    /// One half is not a design; names it (`A` or `B`) and says why.
    BadHalf {
        /// `A` or `B`.
        design: &'static str,
        /// What the share-link reader said.
        problem: LinkError,
    },
}

impl fmt::Display for CompareLinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompareLinkError::NotACompareLink => write!(
                f,
                "not a compare link (it should start with \u{201c}#compare/\u{201d} and hold two designs)"
            ),
            CompareLinkError::MissingHalf(design) => {
                write!(f, "the compare link has no design {design}; it may have been cut off when copied")
            }
            CompareLinkError::TooManyParts(parts) => write!(
                f,
                "the compare link has {parts} parts after \u{201c}compare/\u{201d}; it should have two designs"
            ),
            CompareLinkError::BadHalf { design, problem } => {
                write!(f, "design {design} of the compare link cannot be opened: {problem}")
            }
        }
    }
}

impl std::error::Error for CompareLinkError {}

/// The fragment (without `#`) that carries `a` and `b`.
pub fn encode_compare_link(a: &Design, b: &Design) -> String {
    format!(
        "{COMPARE_LINK_PREFIX}/{}/{}",
        encode_link(a),
        encode_link(b)
    )
}

/// Reads a compare link: a bare fragment, a fragment with `#`, or a whole URL.
pub fn decode_compare_link(text: &str) -> Result<(Design, Design), CompareLinkError> {
    let fragment = fragment(text);
    let rest = fragment
        .strip_prefix(COMPARE_LINK_PREFIX)
        .and_then(|rest| rest.strip_prefix('/'))
        .ok_or(CompareLinkError::NotACompareLink)?;
    let parts: Vec<&str> = rest.split('/').collect();
    if parts.len() > 2 {
        return Err(CompareLinkError::TooManyParts(parts.len()));
    }
    let half = |index: usize, design: &'static str| {
        let part = parts.get(index).map_or("", |part| part.trim());
        if part.is_empty() {
            return Err(CompareLinkError::MissingHalf(design));
        }
        decode_link(part).map_err(|problem| CompareLinkError::BadHalf { design, problem })
    };
    Ok((half(0, "A")?, half(1, "B")?))
}
