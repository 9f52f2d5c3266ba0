//! Prints the text layer of a PDF as the tests read it (with lopdf), to see
//! why a text assertion fails: `cargo run --example pdfdump -- file.pdf`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pdfdump FILE.pdf");
        std::process::exit(2);
    };
    let doc = match lopdf::Document::load(&path) {
        Ok(doc) => doc,
        Err(err) => {
            eprintln!("error: failed to read `{path}` ({err})");
            std::process::exit(1);
        }
    };
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    match doc.extract_text(&pages) {
        Ok(text) => println!("{text}"),
        Err(err) => eprintln!("error: failed to extract text from `{path}` ({err})"),
    }
}
