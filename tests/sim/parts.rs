//! The simulator's building blocks: agenda order, streaming statistics, samplers.

use archplay::engine::sim::agenda::{Agenda, Event};
use archplay::engine::sim::random::{to_micros, ServiceSampler, SimRng, ZipfSampler};
use archplay::engine::sim::stats::{LogHistogram, Moments, Presence};

#[test]
fn the_agenda_orders_by_time_then_by_scheduling_order() {
    let mut agenda = Agenda::with_capacity(4);
    let mut rng = SimRng::new(3);
    let mut expected = Vec::new();
    for i in 0..2000u32 {
        // Few distinct times, so that most events tie.
        let time = u64::from(rng.below(20));
        agenda.schedule(time, Event::ClientSends { client: i });
        expected.push((time, i));
    }
    expected.sort_by_key(|&(time, i)| (time, i));
    let mut seen = Vec::new();
    while let Some((time, Event::ClientSends { client })) = agenda.pop() {
        seen.push((time, client));
    }
    assert_eq!(seen, expected);
    assert!(agenda.is_empty());
}

#[test]
fn histogram_quantiles_are_within_three_percent_and_small_values_exact() {
    let mut histogram = LogHistogram::default();
    for value in 1..=100_000u64 {
        histogram.record(value);
    }
    for q in [0.5, 0.95, 0.99] {
        let exact = q * 100_000.0;
        let estimate = histogram.quantile(q);
        assert!(
            (estimate - exact).abs() <= 0.03 * exact,
            "q {q}: {estimate} vs {exact}"
        );
    }
    let mut small = LogHistogram::default();
    for value in [0, 0, 3, 7, 31] {
        small.record(value);
    }
    assert_eq!(small.count_above(0), 3.0);
    assert_eq!(small.count_above(6), 2.0);
    assert_eq!(small.quantile(1.0), 31.0);
    assert_eq!(
        LogHistogram::default().quantile(0.5),
        0.0,
        "empty reads as 0"
    );
}

#[test]
fn moments_are_exact_and_presence_keeps_littles_identity() {
    let mut moments = Moments::default();
    for value in [2, 4, 4, 4, 5, 5, 7, 9] {
        moments.record(value);
    }
    assert_eq!(moments.mean(), 5.0);
    assert_eq!(moments.variance(), 32.0 / 7.0);
    assert_eq!(moments.max(), 9);

    let mut presence = Presence::default();
    presence.enter(10);
    presence.enter(20);
    presence.leave(50, 10);
    presence.restart(60);
    presence.enter(70);
    presence.leave(90, 20);
    assert!(presence.littles_law_holds(100));
    assert_eq!(presence.level(), 1);
    // From 60 to 100: one present throughout (entered at 70: 30 µs), one until 90 (30 µs).
    assert_eq!(presence.mean(100), (30.0 + 30.0) / 40.0);
}

#[test]
fn samplers_keep_their_means_and_ranges() {
    let mut rng = SimRng::new(11);
    let n = 200_000;
    for (sampler, name) in [
        (ServiceSampler::Exponential, "exponential"),
        (
            ServiceSampler::new(
                archplay::engine::sim::options::ServiceTimeDistribution::LogNormal { cv: 0.5 },
            ),
            "lognormal",
        ),
    ] {
        let mut moments = Moments::default();
        for _ in 0..n {
            moments.record(sampler.sample(&mut rng, 1000.0));
        }
        assert!(
            (moments.mean() - 1000.0).abs() < 10.0,
            "{name} mean {}",
            moments.mean()
        );
    }
    assert_eq!(ServiceSampler::Fixed.sample(&mut rng, 1234.4), 1234);
    assert_eq!(to_micros(-1.0), 0);
    assert_eq!(to_micros(f64::INFINITY), u64::MAX);
    let zipf = ZipfSampler::new(10, 1.5);
    let mut counts = [0u32; 10];
    for _ in 0..n {
        counts[zipf.sample(&mut rng) as usize] += 1;
    }
    assert!(
        counts.windows(2).all(|w| w[0] > w[1]),
        "ranks in decreasing popularity: {counts:?}"
    );
    let mut below = [0u32; 3];
    for _ in 0..30_000 {
        below[rng.below(3) as usize] += 1;
    }
    assert!(
        below.iter().all(|&c| (9_500..10_500).contains(&c)),
        "{below:?}"
    );
}

#[test]
fn the_exponential_has_the_exponential_tail_out_to_the_ziggurats_fallback() {
    // The ziggurat takes a table step for most draws and falls back to a
    // logarithm past its last layer (x > 7.7) or at a layer's edge: every
    // region's share must be e^-t (within five standard errors).
    let mut rng = SimRng::new(7);
    let n = 4_000_000_u32;
    let thresholds = [0.1, 0.5, 1.0, 2.0, 4.0, 7.7, 10.0];
    let mut above = [0_u32; 7];
    let mut moments = Moments::default();
    for _ in 0..n {
        let x = rng.standard_exponential();
        assert!(x.is_finite() && x >= 0.0, "{x}");
        moments.record((x * 1e6) as u64);
        for (count, t) in above.iter_mut().zip(thresholds) {
            *count += u32::from(x > t);
        }
    }
    let n = f64::from(n);
    for (count, t) in above.into_iter().zip(thresholds) {
        let (share, expected) = (f64::from(count) / n, (-t).exp());
        let error = (expected * (1.0 - expected) / n).sqrt();
        assert!(
            (share - expected).abs() < 5.0 * error,
            "P(X > {t}) = {share:.3e}, e^-{t} = {expected:.3e}"
        );
    }
    let mean = moments.mean() / 1e6;
    assert!((mean - 1.0).abs() < 5.0 / n.sqrt(), "mean {mean}");
}
