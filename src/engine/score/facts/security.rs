//! Facts about security along the request path: authentication at the entry
//! points, a flag on every component of a kind, and encryption.
//!
//! What must stay true: each fact names the first component that breaks it.
use super::{no, yes, Context, Fact};
use crate::engine::model::graph::outgoing;
use crate::engine::model::{Component, ComponentKind as K};

impl<'a> Context<'a> {
    pub(super) fn entry_points(&self) -> Vec<&'a Component> {
        let mut entries: Vec<&Component> = Vec::new();
        for connection in &self.design.connections {
            if self.kind_of(connection.from) != Some(K::Client) {
                continue;
            }
            if let Some(i) = self.index.get(connection.to) {
                let target = &self.design.components[i];
                if !entries.iter().any(|e| e.id == target.id) {
                    entries.push(target);
                }
            }
        }
        entries
    }

    /// The first connection from a client straight to a data store
    /// (database, cache, event bus or event store), as (client, store).
    pub(super) fn client_to_storage(&self) -> Option<(&'a Component, &'a Component)> {
        self.design.connections.iter().find_map(|connection| {
            let from = &self.design.components[self.index.get(connection.from)?];
            let to = &self.design.components[self.index.get(connection.to)?];
            (from.kind == K::Client && to.kind.is_data_store()).then_some((from, to))
        })
    }

    /// The finding for a client wired straight to storage, if there is one:
    /// no service stands between users and the data to check who may do what.
    pub(super) fn storage_exposed(&self) -> Option<Fact> {
        let (client, store) = self.client_to_storage()?;
        Some(no(
            format!(
                "no authorization between users and data ({} → {})",
                client.name, store.name
            ),
            format!(
                "remove the connection {} → {} and let a service behind the gateway read {} for the client",
                client.name, store.name, store.name
            ),
            Some(store),
        ))
    }

    pub(super) fn authentication(&self) -> Fact {
        if let Some(exposed) = self.storage_exposed() {
            return exposed;
        }
        let entries = self.entry_points();
        if entries.is_empty() {
            return no(
                "no client reaches the design, so no entry point authenticates".into(),
                "connect a client to a gateway".into(),
                None,
            );
        }
        for entry in entries {
            if !entry.security.authentication {
                return no(
                    format!(
                        "{} accepts client requests without authentication",
                        entry.name
                    ),
                    format!("turn on authentication at {}", entry.name),
                    Some(entry),
                );
            }
            let has_provider = outgoing(self.design, entry.id)
                .any(|c| self.kind_of(c.to) == Some(K::AuthProvider));
            if !has_provider {
                return no(
                    format!("{} requires authentication but no auth provider is connected to verify tokens", entry.name),
                    format!("connect {} to an auth provider", entry.name),
                    Some(entry),
                );
            }
        }
        yes("every entry point authenticates requests against an auth provider".into())
    }

    pub(super) fn all_on_path(
        &self,
        applies: impl Fn(&Component) -> bool,
        has: impl Fn(&Component) -> bool,
        what: &str,
        whom: &str,
    ) -> Fact {
        let relevant: Vec<&Component> = self.path_components().filter(|c| applies(c)).collect();
        if relevant.is_empty() {
            return no(
                format!("no {whom} are on the request path to enforce {what}"),
                format!("add {whom} with {what}"),
                None,
            );
        }
        match relevant.iter().find(|c| !has(c)) {
            Some(c) => no(
                format!("{} has no {what}", c.name),
                format!("turn on {what} for {}", c.name),
                Some(c),
            ),
            // One component is not "all 1 services": name it.
            None if relevant.len() == 1 => yes(format!(
                "{}, the only one of the {whom} on the request path, has {what}",
                relevant[0].name
            )),
            None => yes(format!(
                "all {} {whom} on the request path have {what}",
                relevant.len()
            )),
        }
    }

    pub(super) fn encryption(&self) -> Fact {
        if let Some(c) = self.path_components().find(|c| !c.security.tls) {
            return no(
                format!("traffic to {} is not encrypted (no TLS)", c.name),
                format!("turn on TLS for {}", c.name),
                Some(c),
            );
        }
        if let Some(c) = self
            .design
            .components
            .iter()
            .find(|c| c.kind.is_data_store() && !c.security.encryption_at_rest)
        {
            return no(
                format!("{} stores data unencrypted", c.name),
                format!("turn on encryption at rest for {}", c.name),
                Some(c),
            );
        }
        if self.path_components().next().is_none() {
            return no(
                "no component is on the request path".into(),
                "connect a client to the design".into(),
                None,
            );
        }
        yes(
            "TLS on every hop of the request path and encryption at rest on every data store"
                .into(),
        )
    }
}
