//! Benchmarks of the pipeline on the seed brief: the analysis, each product's
//! render, and the whole build (three products in parallel).
//!
//! Run with `cargo bench`; the figures are reported in the closing notes and
//! BENCHMARKS.md.

use std::hint::black_box;

use briefsmith::analysis::{Options, analyse};
use briefsmith::cli::OutputArgs;
use briefsmith::pipeline;
use briefsmith::render::{Product, Renderer, Templates};
use criterion::{Criterion, criterion_group, criterion_main};

const SEED: &str = include_str!("../seeds/pakistan-counterterrorism.txt");

fn output_args() -> OutputArgs {
    OutputArgs { creation_timestamp: Some(1_764_000_000), ..OutputArgs::default() }
}

fn benches(c: &mut Criterion) {
    c.bench_function("parse/seed", |b| {
        b.iter(|| analyse(black_box(SEED), &Options::default()).expect("analyses"))
    });

    let renderer = Renderer::new(Templates::Builtin, &[]);
    let brief = analyse(SEED, &Options::default()).expect("analyses");
    let settings = pipeline::settings(&brief, &output_args(), &Default::default(), Some(SEED));
    for product in [Product::Briefing, Product::Summary, Product::Slides] {
        c.bench_function(&format!("render/{product}"), |b| {
            b.iter(|| {
                // A CLI run starts with Typst's memo cache empty.
                typst::comemo::evict(0);
                renderer.render(black_box(&brief), product, &settings).expect("renders")
            })
        });
    }
    c.bench_function("render/all-three", |b| {
        b.iter(|| {
            typst::comemo::evict(0);
            pipeline::render_all(&renderer, black_box(&brief), &Product::ALL, &settings).expect("renders")
        })
    });
}

criterion_group! {
    name = pipeline_benches;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(pipeline_benches);
