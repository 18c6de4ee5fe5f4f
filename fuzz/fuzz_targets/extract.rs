//! Any bytes, either locale or auto, plain text: the extractor never panics and its spans are
//! exact char-boundary slices.
#![no_main]
use figcheck::extract::extract;
use figcheck::segment::{segment, LocaleChoice};
use figcheck::source::{Document, Format};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let packs = common::packs();
    for choice in [LocaleChoice::Fixed(0), LocaleChoice::Fixed(1), LocaleChoice::Auto] {
        let doc = Document::new("f.txt", text.to_string(), Format::Plain);
        let sentences = segment(&doc, packs, choice, 0);
        for c in extract(&doc, &sentences, packs).claims {
            assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
            assert!(c.span.start <= c.numeral.start && c.numeral.end <= c.span.end);
        }
    }
});
