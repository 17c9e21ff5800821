//! The simulation section of the link layout: every simulation setting and
//! the scheduled faults, as one presence-masked section. The first writer
//! knew only its first three fields (seed, duration, arrival); its links
//! leave the rest out and read with their frozen defaults.
//!
//! What must stay true: FROZEN, like `codec.rs`. Writing and reading sit
//! side by side and must mirror each other call for call.

use super::bytes::{ByteReader, ByteWriter, FieldsReader, FieldsWriter, WireError};
use super::wire::{WireFault, WireSimulation, MAX_LIST_ITEMS};

/// The simulation section, faults included.
pub(super) fn write_simulation(s: &WireSimulation, writer: &mut ByteWriter) {
    let mut fields = FieldsWriter::new();
    fields.varint(s.seed);
    fields.number(s.duration_s);
    fields.varint(s.arrival.map(u64::from));
    fields.custom(s.faults.as_ref(), |body, faults: &Vec<WireFault>| {
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

/// Reads what [`write_simulation`] wrote.
pub(super) fn read_simulation(reader: &mut ByteReader<'_>) -> Result<WireSimulation, WireError> {
    let mut fields = FieldsReader::new(reader, "the simulation settings")?;
    let simulation = WireSimulation {
        seed: fields.varint("the simulation seed")?,
        duration_s: fields.number("the simulation duration")?,
        arrival: fields.u32("the arrival profile")?,
        faults: fields.custom(|body| {
            let count = body.count("faults", MAX_LIST_ITEMS)?;
            (0..count)
                .map(|_| read_fault(body))
                .collect::<Result<Vec<WireFault>, WireError>>()
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

fn read_fault(reader: &mut ByteReader<'_>) -> Result<WireFault, WireError> {
    let component = reader.u32("a fault's component")?;
    let kind = reader.u32("a fault's kind")?;
    let at_s = reader.number("a fault's start")?;
    let mut fields = FieldsReader::new(reader, "a fault")?;
    let duration_s = fields.number("a fault's length")?;
    let amount = fields.number("a fault's amount")?;
    fields.finish()?;
    Ok(WireFault {
        component,
        kind,
        at_s,
        duration_s,
        amount,
    })
}
