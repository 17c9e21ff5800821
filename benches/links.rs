//! Share-link lengths: for deterministically generated designs of 20 and 100
//! components and for every template, the link length in characters against
//! the targets (20 components in at most 1,000; 100 in at most 4,000), with
//! the uncompressed payload and a naive "design JSON + deflate" link for
//! comparison. Then encode and decode times, as medians against the design
//! file's JSON in the same run.
//!
//! Run with `cargo bench --no-default-features --bench links`.

#[path = "../tests/share/generate.rs"]
mod generate;

use archplay::engine::model::Design;
use archplay::engine::share::design_file;
use archplay::engine::share::{decode_link, encode_link, encode_payload};
use archplay::engine::templates::{template, TEMPLATES};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use std::hint::black_box;
use std::time::Instant;

const SEEDS: [u64; 5] = [1, 2, 3, 4, 5];

/// Characters a naive link would take: compact design JSON, deflated, base64.
fn naive_json_link_chars(design: &Design) -> usize {
    let json = design_file::to_compact_json(design);
    URL_SAFE_NO_PAD
        .encode(miniz_oxide::deflate::compress_to_vec_zlib(
            json.as_bytes(),
            10,
        ))
        .len()
        + 3
}

fn row(label: &str, design: &Design) -> usize {
    let link = encode_link(design);
    let payload = encode_payload(design);
    println!(
        "{label:<28} {:>4} components {:>4} connections  link {:>5} chars  payload {:>5} bytes  naive-json-link {:>6} chars",
        design.components.len(),
        design.connections.len(),
        link.len(),
        payload.len(),
        naive_json_link_chars(design)
    );
    link.len()
}

fn median_nanos(mut run: impl FnMut(), rounds: usize) -> f64 {
    let mut samples: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed().as_nanos() as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    println!(
        "share-link lengths (targets: 20 components <= 1000 chars, 100 components <= 4000 chars)"
    );
    for (n_components, target) in [(20usize, 1000usize), (100, 4000)] {
        let lengths: Vec<usize> = SEEDS
            .iter()
            .map(|seed| {
                row(
                    &format!("generated n={n_components} seed={seed}"),
                    &generate::generated_design(*seed, n_components),
                )
            })
            .collect();
        let worst = lengths.iter().copied().max().unwrap_or_default();
        let verdict = if worst <= target { "within" } else { "OVER" };
        println!("=> {n_components} components: longest link {worst} chars, {verdict} the {target}-char target\n");
    }
    // What links cost if the canvas stores unrounded pointer positions: the
    // UI should round positions on drop to keep links short.
    for n_components in [20, 100] {
        let mut design = generate::generated_design(1, n_components);
        for (index, component) in design.components.iter_mut().enumerate() {
            component.position.x += 0.1 + index as f64 / 7.0;
            component.position.y += 0.3 + index as f64 / 13.0;
        }
        row(&format!("unrounded positions n={n_components}"), &design);
    }
    println!();
    for info in TEMPLATES {
        if let Some(design) = template(info.name) {
            row(&format!("template {}", info.name), &design);
        }
    }

    let design = generate::generated_design(1, 100);
    let link = encode_link(&design);
    let json = design_file::to_compact_json(&design);
    let rounds = 101;
    let encode = median_nanos(|| drop(black_box(encode_link(black_box(&design)))), rounds);
    let decode = median_nanos(|| drop(black_box(decode_link(black_box(&link)))), rounds);
    let json_write = median_nanos(
        || drop(black_box(design_file::to_compact_json(black_box(&design)))),
        rounds,
    );
    let json_read = median_nanos(
        || drop(black_box(design_file::from_json(black_box(&json)))),
        rounds,
    );
    println!(
        "\ntimes for the 100-component design (median of {rounds}; baseline: the design file JSON)"
    );
    println!(
        "encode_link  {:>9.1} us   ({:.1}x to_compact_json {:.1} us)",
        encode / 1e3,
        encode / json_write,
        json_write / 1e3
    );
    println!(
        "decode_link  {:>9.1} us   ({:.1}x from_json {:.1} us, both validate)",
        decode / 1e3,
        decode / json_read,
        json_read / 1e3
    );
}
