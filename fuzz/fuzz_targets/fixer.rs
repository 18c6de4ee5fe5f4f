//! Fix then re-extract: a claim whose numeral is rewritten to another value in its own style
//! reads back as that value, and no byte outside the numeral changes.
#![no_main]
use figcheck::extract::extract;
use figcheck::segment::{segment, LocaleChoice};
use figcheck::source::{Document, Format};
use figcheck::write::numeral_for;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let packs = common::packs();
    let doc = Document::new("f.txt", text.to_string(), Format::Plain);
    let sentences = segment(&doc, packs, LocaleChoice::Fixed(0), 0);
    let claims = extract(&doc, &sentences, packs).claims;
    // The claims --fix rewrites (see figcheck::write::fixable).
    for c in claims.iter().filter(|c| figcheck::write::fixable(text, c) && c.qualifier == figcheck::extract::Qualifier::Exact) {
        // Another value at the claim's precision: one step up.
        let Some(step) = figcheck::judge::pow10(c.exp) else { continue };
        let Some(value) = c.value.checked_add(step) else { continue };
        if value.is_sign_negative() != c.value.is_sign_negative() || value == Decimal::ZERO {
            continue;
        }
        let numeral = numeral_for(c, value, packs.get(c.pack));
        let fixed = format!("{}{}{}", &text[..c.numeral.start], numeral, &text[c.numeral.end..]);
        let doc2 = Document::new("f.txt", fixed.clone(), Format::Plain);
        let s2 = segment(&doc2, packs, LocaleChoice::Fixed(0), 0);
        let again = extract(&doc2, &s2, packs).claims;
        // Bytes outside the numeral are untouched.
        assert_eq!(&fixed[..c.numeral.start], &text[..c.numeral.start]);
        assert_eq!(&fixed[c.numeral.start + numeral.len()..], &text[c.numeral.end..]);
        // If the rewritten claim is read at the same place with the same unit, it holds the value.
        if let Some(r) = again.iter().find(|r| r.numeral.start == c.numeral.start && r.unit == c.unit && r.scale == c.scale) {
            assert_eq!(r.value, value, "{:?} -> {:?}", &text[c.span.clone()], numeral);
        }
    }
});
