//! Fix then re-extract: a claim whose numeral (and the sign written before it) is rewritten to
//! another value in its own style, of either sign, reads back as that value, and no byte
//! outside them changes.
#![no_main]
use figcheck::extract::extract;
use figcheck::segment::{segment, LocaleChoice};
use figcheck::source::{Document, Format};
use figcheck::write::numeral_fix;
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
        // Other values at the claim's precision: one step up, and the same negated (a sign
        // written before the numeral is rewritten with it, see figcheck::write::numeral_fix).
        let Some(step) = figcheck::judge::pow10(c.exp) else { continue };
        let Some(up) = c.value.checked_add(step) else { continue };
        for value in [up, -up] {
            if value == Decimal::ZERO {
                continue;
            }
            // None: a minus in words ("moins 25") cannot be made a plus by digits.
            let Some((span, numeral)) = numeral_fix(text, c, value, c.style.frac_digits, packs.get(c.pack)) else {
                assert!(c.value.is_sign_negative() && !value.is_sign_negative());
                continue;
            };
            let fixed = format!("{}{}{}", &text[..span.start], numeral, &text[span.end..]);
            let doc2 = Document::new("f.txt", fixed.clone(), Format::Plain);
            let s2 = segment(&doc2, packs, LocaleChoice::Fixed(0), 0);
            let again = extract(&doc2, &s2, packs).claims;
            // Bytes outside the rewritten span (the numeral and its own sign) are untouched.
            assert!(span.start >= c.span.start && span.end == c.numeral.end);
            assert_eq!(&fixed[..span.start], &text[..span.start]);
            assert_eq!(&fixed[span.start + numeral.len()..], &text[span.end..]);
            // If the rewritten claim is read at the same place with the same unit, it holds
            // the value.
            if let Some(r) = again.iter().find(|r| r.span.start == c.span.start && r.unit == c.unit && r.scale == c.scale) {
                assert_eq!(r.value, value, "{:?} -> {:?}", &text[c.span.clone()], numeral);
            }
        }
    }
});
