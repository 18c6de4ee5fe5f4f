//! Any text read as Markdown: the prose keeps the original length and char boundaries, blocks
//! and table cells stay inside the text, and extraction on it never panics.
#![no_main]
use figcheck::extract::extract;
use figcheck::segment::{segment, LocaleChoice};
use figcheck::source::{Document, Format};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let doc = Document::new("f.md", text.to_string(), Format::Markdown);
    assert_eq!(doc.prose.len(), doc.text.len());
    for b in &doc.blocks {
        assert!(b.start <= b.end && b.end <= text.len());
        assert!(text.is_char_boundary(b.start) && text.is_char_boundary(b.end));
    }
    // Table cells: in order, apart, and each heading span a char-bounded part of the text
    // (`Document::context_of` searches them by position).
    for w in doc.cells.windows(2) {
        assert!(w[0].cell.end <= w[1].cell.start);
    }
    for c in &doc.cells {
        for r in std::iter::once(&c.cell).chain(&c.context) {
            assert!(r.start <= r.end && r.end <= text.len());
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }
    let packs = common::packs();
    let sentences = segment(&doc, packs, LocaleChoice::Auto, 0);
    let _ = extract(&doc, &sentences, packs);
});
