//! Every input a fuzz target ever crashed on (`tests/fuzz-regressions/`), replayed through what
//! that target checks: extraction on any text, and a fix that reads back as its value.

use figcheck::extract::{extract, Qualifier};
use figcheck::pack::Packs;
use figcheck::segment::{segment, LocaleChoice};
use figcheck::source::{Document, Format};
use figcheck::write::{fixable, numeral_fix};

#[test]
fn fuzz_crashes_stay_fixed() {
    let packs = Packs::builtin().unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        n += 1;
        for format in [Format::Plain, Format::Markdown] {
            let doc = Document::new("f", text.clone(), format);
            for choice in [
                LocaleChoice::Fixed(0),
                LocaleChoice::Fixed(1),
                LocaleChoice::Auto,
            ] {
                let sentences = segment(&doc, &packs, choice, 0);
                let claims = extract(&doc, &sentences, &packs).claims;
                for c in claims
                    .iter()
                    .filter(|c| fixable(&text, c) && c.qualifier == Qualifier::Exact)
                {
                    let Some(step) = figcheck::judge::pow10(c.exp) else {
                        continue;
                    };
                    // One step up, and the same negated: a fix rewrites a sign written before
                    // the numeral with it, and gives up on a minus in words.
                    let up = c.value + step;
                    for value in [up, -up] {
                        let Some((span, numeral)) =
                            numeral_fix(&text, c, value, c.style.frac_digits, packs.get(c.pack))
                        else {
                            assert!(c.value.is_sign_negative() && !value.is_sign_negative());
                            continue;
                        };
                        let fixed =
                            format!("{}{}{}", &text[..span.start], numeral, &text[span.end..]);
                        let doc2 = Document::new("f", fixed, format);
                        let s2 = segment(&doc2, &packs, choice, 0);
                        let again = extract(&doc2, &s2, &packs).claims;
                        if let Some(r) = again.iter().find(|r| {
                            r.span.start == c.span.start && r.unit == c.unit && r.scale == c.scale
                        }) {
                            assert_eq!(r.value, value);
                        }
                    }
                }
            }
        }
    }
    assert!(n > 0);
}
