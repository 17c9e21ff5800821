//! The reader and writer of the link layout (`wire.rs`): the order of every
//! field on the wire is the order of the calls here and in
//! `codec_simulation.rs`, which holds the simulation section.
//!
//! What must stay true: FROZEN, like `wire.rs`. Writing and reading sit side
//! by side and must mirror each other call for call; the golden links of
//! `tests/fixtures/links/` fail if the bytes change. A reader takes a field
//! an older writer left out as absent (its frozen default), and refuses a
//! field it does not know by name.

use super::bytes::{ByteReader, ByteWriter, FieldsReader, FieldsWriter, WireError};
use super::codec_simulation::{read_simulation, write_simulation};
use super::wire::{
    WireComponent, WireConnection, WireDesign, WireTargets, WireTeam, WireWorkload, MAX_LIST_ITEMS,
};
use crate::engine::model::validate::{MAX_COMPONENTS, MAX_CONNECTIONS};

impl WireDesign {
    /// The payload bytes (before compression).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut writer = ByteWriter::new();
        writer.string(&self.name);
        write_common_sections(&self.workload, &self.team, &self.targets, &mut writer);
        write_simulation(&self.simulation, &mut writer);
        write_components(&self.components, &mut writer);
        write_connections(&self.connections, &mut writer);
        writer.into_bytes()
    }

    /// Reads a payload of any version this build knows (they share this
    /// layout); every byte must belong to the design.
    pub fn from_bytes(bytes: &[u8]) -> Result<WireDesign, WireError> {
        let mut reader = ByteReader::new(bytes);
        let name = reader.string("the design name")?;
        let (workload, team, targets) = read_common_sections(&mut reader)?;
        let simulation = read_simulation(&mut reader)?;
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
        write_component_fields(component, writer);
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
        let mut component = WireComponent {
            id,
            kind,
            name,
            x,
            y,
            ..WireComponent::default()
        };
        read_component_fields(&mut component, reader)?;
        (previous_id, previous_x, previous_y) = (i64::from(id), x, y);
        components.push(component);
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
        let mut fields = FieldsWriter::new();
        fields.number(connection.weight);
        fields.string(connection.path.as_deref());
        fields.varint(connection.method.map(u64::from));
        fields.custom(connection.topics.as_ref(), |body, topics: &Vec<String>| {
            body.varint(topics.len() as u64);
            topics.iter().for_each(|topic| body.string(topic));
        });
        fields.finish(writer);
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
        let mut fields = FieldsReader::new(reader, "a connection")?;
        let weight = fields.number("a connection weight")?;
        let path = fields.string("a route path")?;
        let method = fields.u32("a route method")?;
        let topics = fields.custom(|body| {
            let count = body.count("topics", MAX_LIST_ITEMS)?;
            (0..count)
                .map(|_| body.string("a topic"))
                .collect::<Result<Vec<String>, WireError>>()
        })?;
        fields.finish()?;
        connections.push(WireConnection {
            id,
            from,
            to,
            weight,
            path,
            method,
            topics,
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

/// The workload, team and targets sections.
fn write_common_sections(
    workload: &WireWorkload,
    team: &WireTeam,
    targets: &WireTargets,
    writer: &mut ByteWriter,
) {
    let mut fields = FieldsWriter::new();
    fields.number(workload.requests_per_second);
    fields.number(workload.read_share);
    fields.varint(workload.key_space.map(u64::from));
    fields.number(workload.hop_latency_ms);
    fields.finish(writer);

    let mut fields = FieldsWriter::new();
    for value in [
        team.code_quality,
        team.documentation,
        team.test_coverage,
        team.user_experience,
        team.accessibility,
        team.responsiveness,
        team.error_handling,
    ] {
        fields.number(value);
    }
    fields.flag(team.vulnerability_scanning);
    fields.finish(writer);

    let mut fields = FieldsWriter::new();
    for value in targets_in_order(targets) {
        fields.number(value);
    }
    fields.finish(writer);
}

fn targets_in_order(targets: &WireTargets) -> [Option<f64>; 14] {
    [
        targets.response_time_ms,
        targets.throughput_rps,
        targets.latency_ms,
        targets.cpu_percent,
        targets.code_quality,
        targets.documentation,
        targets.test_coverage,
        targets.modularity,
        targets.complexity,
        targets.user_experience,
        targets.accessibility,
        targets.responsiveness,
        targets.error_handling,
        targets.error_budget_percent,
    ]
}

/// Reads what [`write_common_sections`] wrote.
fn read_common_sections(
    reader: &mut ByteReader<'_>,
) -> Result<(WireWorkload, WireTeam, WireTargets), WireError> {
    let mut fields = FieldsReader::new(reader, "the workload")?;
    let workload = WireWorkload {
        requests_per_second: fields.number("requests per second")?,
        read_share: fields.number("the read share")?,
        key_space: fields.u32("the key space")?,
        hop_latency_ms: fields.number("the hop latency")?,
    };
    fields.finish()?;

    let mut fields = FieldsReader::new(reader, "the team inputs")?;
    let mut numbers = [None; 7];
    for number in &mut numbers {
        *number = fields.number("a team input")?;
    }
    let [code_quality, documentation, test_coverage, user_experience, accessibility, responsiveness, error_handling] =
        numbers;
    let vulnerability_scanning = fields.flag();
    fields.finish()?;
    let team = WireTeam {
        code_quality,
        documentation,
        test_coverage,
        user_experience,
        accessibility,
        responsiveness,
        error_handling,
        vulnerability_scanning,
    };

    let mut fields = FieldsReader::new(reader, "the targets")?;
    let mut numbers = [None; 14];
    for number in &mut numbers {
        *number = fields.number("a target")?;
    }
    fields.finish()?;
    let [response_time_ms, throughput_rps, latency_ms, cpu_percent, code_quality, documentation, test_coverage, modularity, complexity, user_experience, accessibility, responsiveness, error_handling, error_budget_percent] =
        numbers;
    let targets = WireTargets {
        response_time_ms,
        throughput_rps,
        latency_ms,
        cpu_percent,
        code_quality,
        documentation,
        test_coverage,
        modularity,
        complexity,
        user_experience,
        accessibility,
        responsiveness,
        error_handling,
        error_budget_percent,
    };

    Ok((workload, team, targets))
}

/// Field order of a component: the commonly changed ones first, so that the
/// presence mask usually fits in one or two bytes.
fn write_component_fields(component: &WireComponent, writer: &mut ByteWriter) {
    let c = component;
    let mut fields = FieldsWriter::new();
    fields.varint(c.flags.map(u64::from));
    fields.varint(c.replicas_min.map(u64::from));
    fields.varint(c.replicas_max.map(u64::from));
    fields.varint(c.replicas_current.map(u64::from));
    fields.number(c.service_time_ms);
    fields.varint(c.concurrency.map(u64::from));
    fields.string(c.description.as_deref());
    fields.varint(c.read_replicas.map(u64::from));
    fields.varint(c.queue_capacity.map(u64::from));
    fields.string(c.topic.as_deref());
    fields.varint(c.autoscaling_metric.map(u64::from));
    fields.number(c.autoscaling_threshold);
    fields.number(c.scale_up_cooldown_s);
    fields.number(c.scale_down_cooldown_s);
    fields.varint(c.strategy.map(u64::from));
    fields.number(c.health_interval_s);
    fields.number(c.health_timeout_s);
    fields.varint(c.health_retries.map(u64::from));
    fields.number(c.cache_ttl_s);
    fields.number(c.retired_cache_hit_ratio);
    fields.custom(c.shards.as_ref(), |body, shards: &Vec<(u32, u32)>| {
        body.varint(shards.len() as u64);
        for (start, end) in shards {
            body.varint(u64::from(*start));
            body.varint(u64::from(*end));
        }
    });
    fields.varint(c.channel_capacity.map(u64::from));
    fields.finish(writer);
}

fn read_component_fields(
    c: &mut WireComponent,
    reader: &mut ByteReader<'_>,
) -> Result<(), WireError> {
    let mut fields = FieldsReader::new(reader, "a component")?;
    c.flags = fields.u32("a component's flags")?;
    c.replicas_min = fields.u32("min replicas")?;
    c.replicas_max = fields.u32("max replicas")?;
    c.replicas_current = fields.u32("replicas")?;
    c.service_time_ms = fields.number("a service time")?;
    c.concurrency = fields.u32("a concurrency")?;
    c.description = fields.string("a description")?;
    c.read_replicas = fields.u32("read replicas")?;
    c.queue_capacity = fields.u32("a queue capacity")?;
    c.topic = fields.string("a topic")?;
    c.autoscaling_metric = fields.u32("an autoscaling metric")?;
    c.autoscaling_threshold = fields.number("an autoscaling threshold")?;
    c.scale_up_cooldown_s = fields.number("a scale-up cooldown")?;
    c.scale_down_cooldown_s = fields.number("a scale-down cooldown")?;
    c.strategy = fields.u32("a load-balancing strategy")?;
    c.health_interval_s = fields.number("a health-check interval")?;
    c.health_timeout_s = fields.number("a health-check timeout")?;
    c.health_retries = fields.u32("health-check retries")?;
    c.cache_ttl_s = fields.number("a cache TTL")?;
    c.retired_cache_hit_ratio = fields.number("a cache hit ratio")?;
    c.shards = fields.custom(|body| {
        let count = body.count("shards", MAX_LIST_ITEMS)?;
        (0..count)
            .map(|_| Ok((body.u32("a shard start")?, body.u32("a shard end")?)))
            .collect::<Result<Vec<(u32, u32)>, WireError>>()
    })?;
    c.channel_capacity = fields.u32("a channel capacity")?;
    fields.finish()
}
