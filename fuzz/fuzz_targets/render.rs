//! Arbitrary model JSON → the summary and the slides: rendering may refuse a
//! model with an error, never panic.
#![no_main]

use std::sync::OnceLock;

use briefsmith::cli::OutputArgs;
use briefsmith::model::Brief;
use briefsmith::pipeline;
use briefsmith::render::{Product, Renderer, Templates};
use libfuzzer_sys::fuzz_target;

fn renderer() -> &'static Renderer {
    static RENDERER: OnceLock<Renderer> = OnceLock::new();
    RENDERER.get_or_init(|| Renderer::new(Templates::Builtin, &[]))
}

fuzz_target!(|data: &[u8]| {
    let Ok(brief) = serde_json::from_slice::<Brief>(data) else { return };
    let args = OutputArgs { creation_timestamp: Some(1_764_000_000), ..OutputArgs::default() };
    let settings = pipeline::settings(&brief, &args, &Default::default(), None);
    for product in [Product::Summary, Product::Slides] {
        let _ = renderer().render(&brief, product, &settings);
    }
    typst::comemo::evict(0);
});
