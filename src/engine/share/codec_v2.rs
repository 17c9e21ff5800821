//! The reader and writer of wire version 2: version 1's layout with a larger
//! simulation section (which also holds the scheduled faults). The order of
//! every field on the wire is the order of the calls here.
//!
//! What must stay true: FROZEN once released, like `codec_v1.rs`. Writing and
//! reading sit side by side and must mirror each other call for call.

use super::bytes::{ByteReader, ByteWriter, FieldsReader, FieldsWriter, WireError};
use super::codec_v1::{
    read_common_sections, read_components, read_connections, write_common_sections,
    write_components, write_connections,
};
use super::wire_v1::MAX_LIST_ITEMS;
use super::wire_v2::{WireDesignV2, WireFaultV2, WireSimulationV2};

impl WireDesignV2 {
    /// The version 2 payload bytes (before compression).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut writer = ByteWriter::new();
        writer.string(&self.name);
        write_common_sections(&self.workload, &self.team, &self.targets, &mut writer);
        write_simulation(&self.simulation, &mut writer);
        write_components(&self.components, &mut writer);
        write_connections(&self.connections, &mut writer);
        writer.into_bytes()
    }

    /// Reads a version 2 payload; every byte must belong to the design.
    pub fn from_bytes(bytes: &[u8]) -> Result<WireDesignV2, WireError> {
        let mut reader = ByteReader::new(bytes);
        let name = reader.string("the design name")?;
        let (workload, team, targets) = read_common_sections(&mut reader)?;
        let simulation = read_simulation(&mut reader)?;
        let components = read_components(&mut reader)?;
        let connections = read_connections(&mut reader)?;
        reader.finish()?;
        Ok(WireDesignV2 {
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

fn write_simulation(s: &WireSimulationV2, writer: &mut ByteWriter) {
    let mut fields = FieldsWriter::new();
    fields.varint(s.seed);
    fields.number(s.duration_s);
    fields.varint(s.arrival.map(u64::from));
    fields.custom(s.faults.as_ref(), |body, faults: &Vec<WireFaultV2>| {
        body.varint(faults.len() as u64);
        for fault in faults {
            body.varint(u64::from(fault.component));
            body.varint(u64::from(fault.kind));
            body.number(fault.at_s);
            let mut fault_fields = FieldsWriter::new();
            fault_fields.number(fault.duration_s);
            fault_fields.number(fault.amount);
            fault_fields.finish(body);
        }
    });
    fields.number(s.warmup_s);
    fields.number(s.ramp_from_factor);
    fields.number(s.ramp_to_factor);
    fields.number(s.profile_at_percent);
    fields.number(s.profile_length_percent);
    fields.number(s.profile_factor);
    fields.number(s.wave_count);
    fields.number(s.wave_amplitude);
    fields.varint(s.key_popularity.map(u64::from));
    fields.number(s.zipf_exponent);
    fields.varint(s.service_time.map(u64::from));
    fields.number(s.service_time_cv);
    fields.number(s.startup_delay_s);
    fields.varint(s.autoscaler.map(u64::from));
    fields.number(s.autoscaler_interval_s);
    fields.number(s.hpa_tolerance);
    fields.number(s.hpa_stabilization_s);
    fields.varint(s.hpa_scale_up_pods.map(u64::from));
    fields.number(s.hpa_scale_up_percent);
    fields.number(s.hpa_scale_down_percent);
    fields.number(s.hpa_policy_period_s);
    fields.flag(s.timeout_enabled);
    fields.number(s.timeout_ms);
    fields.varint(s.retries.map(u64::from));
    fields.number(s.retry_backoff_ms);
    fields.flag(s.circuit_breaker);
    fields.varint(s.breaker_threshold.map(u64::from));
    fields.number(s.breaker_open_s);
    fields.finish(writer);
}

fn read_simulation(reader: &mut ByteReader<'_>) -> Result<WireSimulationV2, WireError> {
    let mut fields = FieldsReader::new(reader, "the simulation settings")?;
    let simulation = WireSimulationV2 {
        seed: fields.varint("the simulation seed")?,
        duration_s: fields.number("the simulation duration")?,
        arrival: fields.u32("the arrival profile")?,
        faults: fields.custom(|body| {
            let count = body.count("faults", MAX_LIST_ITEMS)?;
            (0..count)
                .map(|_| read_fault(body))
                .collect::<Result<Vec<WireFaultV2>, WireError>>()
        })?,
        warmup_s: fields.number("the warm-up")?,
        ramp_from_factor: fields.number("the ramp's start factor")?,
        ramp_to_factor: fields.number("the ramp's end factor")?,
        profile_at_percent: fields.number("the spike or step time")?,
        profile_length_percent: fields.number("the spike length")?,
        profile_factor: fields.number("the spike or step factor")?,
        wave_count: fields.number("the wave count")?,
        wave_amplitude: fields.number("the wave amplitude")?,
        key_popularity: fields.u32("the key popularity")?,
        zipf_exponent: fields.number("the zipf exponent")?,
        service_time: fields.u32("the service-time distribution")?,
        service_time_cv: fields.number("the service-time variation")?,
        startup_delay_s: fields.number("the start-up delay")?,
        autoscaler: fields.u32("the autoscaler")?,
        autoscaler_interval_s: fields.number("the autoscaler interval")?,
        hpa_tolerance: fields.number("the hpa tolerance")?,
        hpa_stabilization_s: fields.number("the hpa stabilisation window")?,
        hpa_scale_up_pods: fields.u32("the hpa scale-up pods")?,
        hpa_scale_up_percent: fields.number("the hpa scale-up percentage")?,
        hpa_scale_down_percent: fields.number("the hpa scale-down percentage")?,
        hpa_policy_period_s: fields.number("the hpa policy period")?,
        timeout_enabled: fields.flag(),
        timeout_ms: fields.number("the call timeout")?,
        retries: fields.u32("the retries")?,
        retry_backoff_ms: fields.number("the retry backoff")?,
        circuit_breaker: fields.flag(),
        breaker_threshold: fields.u32("the breaker threshold")?,
        breaker_open_s: fields.number("the breaker cool-off")?,
    };
    fields.finish()?;
    Ok(simulation)
}

fn read_fault(reader: &mut ByteReader<'_>) -> Result<WireFaultV2, WireError> {
    let component = reader.u32("a fault's component")?;
    let kind = reader.u32("a fault's kind")?;
    let at_s = reader.number("a fault's start")?;
    let mut fields = FieldsReader::new(reader, "a fault")?;
    let duration_s = fields.number("a fault's length")?;
    let amount = fields.number("a fault's amount")?;
    fields.finish()?;
    Ok(WireFaultV2 {
        component,
        kind,
        at_s,
        duration_s,
        amount,
    })
}
