//! Notices: problems that need more room and more attention than the status
//! line, such as a link that could not be opened, a file that could not be
//! imported, or a saved design that could not be read.
//!
//! What must stay true: at most one notice of each kind is shown (a newer one
//! replaces it), a notice stays until the user dismisses it or the same kind
//! of action succeeds, and every kind has its own `data-testid`.

use super::AppState;
use leptos::prelude::*;

/// What a notice is about; each kind has one place on the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// A share link in the address could not be opened.
    LinkError,
    /// A design file chosen for import could not be read.
    ImportError,
    /// The browser's storage could not be read or written.
    StorageError,
    /// A part of the app loaded on first need (Learn) could not be loaded.
    LoadError,
}

impl NoticeKind {
    /// The `data-testid` of the notice's element.
    pub fn test_id(self) -> &'static str {
        match self {
            NoticeKind::LinkError => "link-error",
            NoticeKind::ImportError => "import-error",
            NoticeKind::StorageError => "storage-error",
            NoticeKind::LoadError => "load-error",
        }
    }

    /// The notice's heading.
    pub fn title(self) -> &'static str {
        match self {
            NoticeKind::LinkError => "This link could not be opened",
            NoticeKind::ImportError => "This file could not be imported",
            NoticeKind::StorageError => "Your work could not be saved or restored",
            NoticeKind::LoadError => "A part of Archplay could not be loaded",
        }
    }
}

/// One notice: its kind and what to tell the user, in sentences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Where and how it is shown.
    pub kind: NoticeKind,
    /// What went wrong and what was (not) changed.
    pub text: String,
}

impl AppState {
    /// The notices shown (read-only).
    pub fn notices(&self) -> ReadSignal<Vec<Notice>> {
        self.notices.read_only()
    }

    /// Shows `text` as the notice of `kind`, replacing an older one of that kind.
    pub fn show_notice(&self, kind: NoticeKind, text: String) {
        self.notices.update(|notices| {
            notices.retain(|notice| notice.kind != kind);
            notices.push(Notice { kind, text });
        });
    }

    /// Hides the notice of `kind`, if one is shown.
    pub fn dismiss_notice(&self, kind: NoticeKind) {
        if self
            .notices
            .with_untracked(|notices| notices.iter().any(|notice| notice.kind == kind))
        {
            self.notices
                .update(|notices| notices.retain(|notice| notice.kind != kind));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::templates::template;
    use crate::ui::state::STARTING_TEMPLATE;

    #[test]
    fn a_newer_notice_replaces_the_one_of_its_kind_only() {
        let state = AppState::new(template(STARTING_TEMPLATE).unwrap());
        state.show_notice(NoticeKind::LinkError, "first".to_string());
        state.show_notice(NoticeKind::ImportError, "file".to_string());
        state.show_notice(NoticeKind::LinkError, "second".to_string());
        let shown: Vec<(NoticeKind, String)> = state
            .notices()
            .get_untracked()
            .into_iter()
            .map(|notice| (notice.kind, notice.text))
            .collect();
        assert_eq!(
            shown,
            vec![
                (NoticeKind::ImportError, "file".to_string()),
                (NoticeKind::LinkError, "second".to_string())
            ]
        );
        state.dismiss_notice(NoticeKind::ImportError);
        assert_eq!(state.notices().get_untracked().len(), 1);
    }

    #[test]
    fn every_kind_has_its_own_test_id() {
        let kinds = [
            NoticeKind::LinkError,
            NoticeKind::ImportError,
            NoticeKind::StorageError,
            NoticeKind::LoadError,
        ];
        let mut ids: Vec<&str> = kinds.iter().map(|kind| kind.test_id()).collect();
        ids.dedup();
        assert_eq!(ids.len(), kinds.len());
    }
}
