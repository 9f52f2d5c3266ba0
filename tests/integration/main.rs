//! End-to-end tests of briefsmith, one binary with a module per concern:
//!
//! - `seed`: the sample brief through every command, PDFs read back with lopdf;
//! - `seed_model`: what the seed's model must contain;
//! - `corpus`: the fixture briefs against their gold labels (precision and
//!   recall) and their reviewed model snapshots;
//! - `batch`: folders of briefs, shards, config, watch, completions;
//! - `commands`: `check`, `parse --explain`, front matter;
//! - `docx`: Word briefs against their text versions, hostile Word files;
//! - `errors`: what a user sees when something is wrong;
//! - `hostile`: code-like text, the template sandbox, atomic outputs, bad
//!   inputs, encodings, reproducibility, PDF standards;
//! - `pptx`: `slides.pptx` read back from the package, with python-pptx and
//!   through LibreOffice Impress (when installed); reference decks; hostile text;
//! - `products`: the documents themselves (one-pager, slide bounds, glyphs,
//!   markings, brands, notes, handout, reference images);
//! - `properties`: property tests over random text;
//! - `real_corpus`: the real US government briefs in `tests/corpus/` against
//!   their answer keys, scored with the rules of `score.py`, with a held-out
//!   third; no own-side actor as a threat; whole, distinct recommendation
//!   titles;
//! - `review`: the review server's refusals, corrections that last, and the
//!   page driven in headless Chromium through WebDriver (when installed);
//! - `support`: helpers.

mod batch;
mod brands;
mod commands;
mod corpus;
mod docx;
mod errors;
mod hostile;
mod pptx;
mod products;
mod properties;
mod real_corpus;
mod review;
mod seed;
mod seed_model;
mod support;
