//! Any text read as Markdown: the prose keeps the original length and char boundaries, blocks
//! and table cells stay inside the text, and extraction on it never panics (claims, and the
//! table headers their units come from, are char-bounded parts of the text).
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
        for r in std::iter::once(&c.cell).chain(c.heads()) {
            assert!(r.start <= r.end && r.end <= text.len());
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }
    // Entities stand where the text has them; elsewhere the prose is the text or blanks, so
    // offsets stay the source's.
    let mut outside = vec![true; text.len()];
    for e in &doc.entities {
        assert!(text[e.clone()].starts_with('&') && text[e.clone()].ends_with(';'));
        outside[e.clone()].fill(false);
    }
    for (i, (p, t)) in doc.prose.bytes().zip(text.bytes()).enumerate() {
        assert!(!outside[i] || p == t || p == b' ', "prose moved at {i}");
    }
    let packs = common::packs();
    let sentences = segment(&doc, packs, LocaleChoice::Auto, 0);
    // Claims (a table header's unit applied to a cell's number included) are char-bounded
    // parts of the text, and so is the header a unit came from.
    for c in extract(&doc, &sentences, packs).claims {
        for r in [Some(&c.span), Some(&c.numeral), c.unit_from.as_ref()].into_iter().flatten() {
            assert!(r.start <= r.end && r.end <= text.len());
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }
    for t in &doc.tables {
        assert!(t.start <= t.end && t.end <= text.len());
    }
});
