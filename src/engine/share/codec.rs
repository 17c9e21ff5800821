//! The reader and writer of the link layout (`wire.rs`): the design's name,
//! its sections, and the component and connection lists, in the order of the
//! calls here; each presence-masked section is written from its frozen slot
//! list by `codec_fields.rs`.
//!
//! What must stay true: FROZEN, like `wire.rs`. Writing and reading sit side
//! by side and must mirror each other call for call; the golden links of
//! `tests/fixtures/links/` fail if the bytes change. A reader takes a field
//! an older writer left out as absent (its frozen default), and refuses a
//! field it does not know by name.

use super::bytes::{ByteReader, ByteWriter, WireError};
use super::codec_fields::{read_fields, write_fields};
use super::layout::{COMPONENT, CONNECTION, SIMULATION, TARGETS, TEAM, WORKLOAD};
use super::wire::{WireComponent, WireConnection, WireDesign};
use crate::engine::model::validate::{MAX_COMPONENTS, MAX_CONNECTIONS};

impl WireDesign {
    /// The payload bytes (before compression).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut writer = ByteWriter::new();
        writer.string(&self.name);
        write_fields(WORKLOAD, &self.workload, &mut writer);
        write_fields(TEAM, &self.team, &mut writer);
        write_fields(TARGETS, &self.targets, &mut writer);
        write_fields(SIMULATION, &self.simulation, &mut writer);
        write_components(&self.components, &mut writer);
        write_connections(&self.connections, &mut writer);
        writer.into_bytes()
    }

    /// Reads a payload of any version this build knows (they share this
    /// layout); every byte must belong to the design.
    pub fn from_bytes(bytes: &[u8]) -> Result<WireDesign, WireError> {
        let mut reader = ByteReader::new(bytes);
        let name = reader.string("the design name")?;
        let workload = read_fields(WORKLOAD, &mut reader, "the workload")?;
        let team = read_fields(TEAM, &mut reader, "the team inputs")?;
        let targets = read_fields(TARGETS, &mut reader, "the targets")?;
        let simulation = read_fields(SIMULATION, &mut reader, "the simulation settings")?;
        let components = read_components(&mut reader)?;
        let connections = read_connections(&mut reader)?;
        reader.finish()?;
        Ok(WireDesign {
            name,
            workload,
            team,
            targets,
            simulation,
            components,
            connections,
        })
    }
}

/// The component list: a count, then per component its id step, kind, name,
/// position steps and fields.
fn write_components(components: &[WireComponent], writer: &mut ByteWriter) {
    writer.varint(components.len() as u64);
    let (mut previous_id, mut previous_x, mut previous_y) = (-1i64, 0.0, 0.0);
    for component in components {
        writer.signed(i64::from(component.id) - (previous_id + 1));
        writer.varint(u64::from(component.kind));
        writer.string(&component.name);
        writer.coordinate(component.x, previous_x);
        writer.coordinate(component.y, previous_y);
        write_fields(COMPONENT, &component.fields, writer);
        (previous_id, previous_x, previous_y) = (i64::from(component.id), component.x, component.y);
    }
}

/// Reads what [`write_components`] wrote.
fn read_components(reader: &mut ByteReader<'_>) -> Result<Vec<WireComponent>, WireError> {
    let count = reader.count("components", MAX_COMPONENTS)?;
    let mut components = Vec::new();
    let (mut previous_id, mut previous_x, mut previous_y) = (-1i64, 0.0, 0.0);
    for _ in 0..count {
        let id = next_id(
            previous_id,
            reader.signed("a component id")?,
            "a component id",
        )?;
        let kind = reader.u32("a component kind")?;
        let name = reader.string("a component name")?;
        let x = reader.coordinate(previous_x, "a component position")?;
        let y = reader.coordinate(previous_y, "a component position")?;
        let fields = read_fields(COMPONENT, reader, "a component")?;
        (previous_id, previous_x, previous_y) = (i64::from(id), x, y);
        components.push(WireComponent {
            id,
            kind,
            name,
            x,
            y,
            fields,
        });
    }
    Ok(components)
}

/// The connection list: a count, then per connection its id step, ends and
/// fields.
fn write_connections(connections: &[WireConnection], writer: &mut ByteWriter) {
    writer.varint(connections.len() as u64);
    let mut previous_id = -1i64;
    for connection in connections {
        writer.signed(i64::from(connection.id) - (previous_id + 1));
        writer.varint(u64::from(connection.from));
        writer.varint(u64::from(connection.to));
        write_fields(CONNECTION, &connection.fields, writer);
        previous_id = i64::from(connection.id);
    }
}

/// Reads what [`write_connections`] wrote.
fn read_connections(reader: &mut ByteReader<'_>) -> Result<Vec<WireConnection>, WireError> {
    let count = reader.count("connections", MAX_CONNECTIONS)?;
    let mut connections = Vec::new();
    let mut previous_id = -1i64;
    for _ in 0..count {
        let id = next_id(
            previous_id,
            reader.signed("a connection id")?,
            "a connection id",
        )?;
        let from = reader.u32("a connection source")?;
        let to = reader.u32("a connection target")?;
        let fields = read_fields(CONNECTION, reader, "a connection")?;
        connections.push(WireConnection {
            id,
            from,
            to,
            fields,
        });
        previous_id = i64::from(id);
    }
    Ok(connections)
}

fn next_id(previous_id: i64, step: i64, what: &str) -> Result<u32, WireError> {
    previous_id
        .checked_add(1)
        .and_then(|expected| expected.checked_add(step))
        .and_then(|id| u32::try_from(id).ok())
        .ok_or_else(|| WireError(format!("{what} is out of range")))
}
