//! Property tests: the extractor never panics, spans are exact, written values read back.

use figcheck::extract::extract;
use figcheck::pack::Packs;
use figcheck::segment::{segment, LocaleChoice};
use figcheck::source::{Document, Format};
use proptest::prelude::*;

fn packs() -> &'static Packs {
    static PACKS: std::sync::OnceLock<Packs> = std::sync::OnceLock::new();
    PACKS.get_or_init(|| Packs::builtin().unwrap())
}

fn claims_of(
    text: &str,
    format: Format,
    locale: LocaleChoice,
) -> Vec<(usize, usize, String, String)> {
    let packs = packs();
    let doc = Document::new("p.md", text.to_string(), format);
    let sentences = segment(&doc, packs, locale, 0);
    let found = extract(&doc, &sentences, packs);
    for c in &found.claims {
        assert!(doc.text.is_char_boundary(c.span.start) && doc.text.is_char_boundary(c.span.end));
        assert!(c.span.start <= c.numeral.start && c.numeral.end <= c.span.end);
    }
    found
        .claims
        .iter()
        .map(|c| {
            (
                c.span.start,
                c.span.end,
                doc.text[c.span.clone()].to_string(),
                c.value.normalize().to_string(),
            )
        })
        .collect()
}

/// Text made of the pieces releases are made of, so that the generator hits the extractor's paths.
fn release_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("environ ".to_string()),
        Just("plus de ".to_string()),
        Just("about ".to_string()),
        Just("entre ".to_string()),
        Just(" et ".to_string()),
        Just(" % ".to_string()),
        Just("€".to_string()),
        Just("£".to_string()),
        Just(" millions d'euros".to_string()),
        Just("m ".to_string()),
        Just(" de ".to_string()),
        Just("\u{202F}".to_string()),
        Just("\u{00A0}".to_string()),
        Just(",".to_string()),
        Just(".".to_string()),
        Just("-".to_string()),
        Just("–".to_string()),
        Just(" vingt-cinq ".to_string()),
        Just(" twenty ".to_string()),
        Just(" et demi".to_string()),
        Just("\n\n".to_string()),
        Just("`".to_string()),
        Just("<!--".to_string()),
        Just("é".to_string()),
        "[0-9]{1,6}",
        "[ a-zA-Zà-ü]{0,8}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn extraction_never_panics_and_spans_are_exact(text in release_text()) {
        for format in [Format::Plain, Format::Markdown] {
            for locale in [LocaleChoice::Fixed(0), LocaleChoice::Fixed(1), LocaleChoice::Auto] {
                for (s, e, t, _) in claims_of(&text, format, locale) {
                    prop_assert_eq!(&text[s..e], t.as_str());
                }
            }
        }
    }

    #[test]
    fn any_bytes_never_panic(text in "\\PC{0,200}") {
        claims_of(&text, Format::Markdown, LocaleChoice::Auto);
        claims_of(&text, Format::Plain, LocaleChoice::Auto);
    }

    #[test]
    fn a_value_written_in_any_style_reads_back(int in 0u64..10_000_000, frac in 0u32..100, decimals in 0usize..3) {
        let value = if decimals == 0 { int.to_string() } else { format!("{int}.{:0>width$}", frac % 10u32.pow(decimals as u32), width = decimals) };
        let want: rust_decimal::Decimal = value.parse().unwrap();
        let (int_part, frac_part) = value.split_once('.').map_or((value.as_str(), ""), |(a, b)| (a, b));
        let group = |sep: &str| {
            let digits: Vec<char> = int_part.chars().collect();
            let mut out = String::new();
            for (i, d) in digits.iter().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 { out.push_str(sep); }
                out.push(*d);
            }
            out
        };
        let styles = [
            (format!("{}{}", group("\u{202F}"), if frac_part.is_empty() { String::new() } else { format!(",{frac_part}") }), 0usize),
            (format!("{}{}", group(" "), if frac_part.is_empty() { String::new() } else { format!(",{frac_part}") }), 0),
            (format!("{}{}", group(","), if frac_part.is_empty() { String::new() } else { format!(".{frac_part}") }), 1),
        ];
        for (written, locale) in styles {
            let text = format!("Le montant atteint {written} % du total. The total reached {written} % of it.");
            let packs_idx = if locale == 0 { 0 } else { 1 };
            let got = claims_of(&text, Format::Plain, LocaleChoice::Fixed(packs_idx));
            prop_assert!(!got.is_empty(), "{}", text);
            let v: rust_decimal::Decimal = got[0].3.parse().unwrap();
            prop_assert_eq!(v, want, "{} read as {:?}", written, got);
        }
    }
}

/// A random ledger: figures with random values, units and terms drawn from the texts' words.
fn random_ledger() -> impl Strategy<Value = String> {
    let figure = (
        -1_000_000i64..10_000_000,
        0u32..4,
        prop::sample::select(vec!["count", "%", "pp", "EUR", "GBP", "km"]),
        prop::collection::vec(
            prop::sample::select(vec![
                "taux",
                "agents",
                "budget",
                "arrests",
                "programme",
                "mois",
                "é",
                "x y",
            ]),
            1..3,
        ),
        prop::option::of(prop::sample::select(vec![
            "2019",
            "semaines",
            "UK",
            "\"quoted\"",
        ])),
        prop::option::of(prop::sample::select(vec!["0", "2%", "0.5", "bad"])),
    );
    prop::collection::vec(figure, 0..12).prop_map(|figs| {
        let mut out = String::new();
        for (i, (v, scale, unit, about, when, tol)) in figs.into_iter().enumerate() {
            let value = rust_decimal::Decimal::new(v, scale);
            let about: Vec<String> = about.iter().map(|a| format!("{a:?}")).collect();
            out.push_str(&format!(
                "[figures.f{i}]\nvalue = \"{value}\"\nunit = \"{unit}\"\nabout = [{}]\n",
                about.join(", ")
            ));
            if let Some(w) = when {
                out.push_str(&format!("when = [{w:?}]\n"));
            }
            if let Some(t) = tol {
                out.push_str(&format!("tolerance = \"{t}\"\n"));
            }
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn check_never_panics_on_random_ledgers_and_texts(ledger in random_ledger(), text in release_text()) {
        use figcheck::check::Checker;
        use figcheck::config::Config;
        use figcheck::ledger::Ledger;
        use figcheck::link::TermIndex;
        let packs = packs();
        // A ledger may be refused (twins, a bad tolerance): that is a diagnostic, not a panic.
        let Ok(ledger) = Ledger::parse("random.toml", &ledger, packs) else { return Ok(()) };
        let index = TermIndex::new(&ledger, packs);
        let config = Config::default();
        let checker = Checker { packs, ledger: &ledger, index: &index, choice: LocaleChoice::Auto, fallback: 0, config: &config };
        for format in [Format::Plain, Format::Markdown] {
            let report = checker.check(Document::new("p", text.clone(), format));
            for f in &report.findings {
                prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
                if let Some(fix) = &f.fix {
                    prop_assert!(text.is_char_boundary(fix.span.start) && text.is_char_boundary(fix.span.end));
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// A ledger made from the text's own claims with shifted values: every fixable mismatch,
    /// once fixed, checks clean, and no byte outside the fixed numerals changes.
    #[test]
    fn fix_then_check_leaves_no_mismatch_on_fixed_claims(text in release_text(), shift in 1i64..9) {
        use figcheck::check::Checker;
        use figcheck::config::Config;
        use figcheck::ledger::Ledger;
        use figcheck::link::TermIndex;
        let packs = packs();
        let text = format!("{text}\n\nLe budget atteint 31,4 millions d'euros et le taux 41 %.\n");
        let doc = Document::new("p.txt", text.clone(), Format::Plain);
        let sentences = segment(&doc, packs, LocaleChoice::Fixed(0), 0);
        let claims = extract(&doc, &sentences, packs).claims;
        // One figure a claim kind, named by a word the last sentence holds.
        let mut ledger = String::new();
        for (i, c) in claims.iter().enumerate().filter(|(_, c)| c.high.is_none()) {
            let Some(step) = figcheck::judge::pow10(c.exp) else { continue };
            let value = c.value + step * rust_decimal::Decimal::from(shift);
            let term = if c.unit.as_str() == "EUR" { "budget" } else { "taux" };
            ledger.push_str(&format!("[figures.f{i}]\nvalue = \"{value}\"\nunit = \"{}\"\nabout = [\"{term}\"]\nwhen = [\"w{i}\"]\n", c.unit.as_str()));
        }
        ledger.push_str("[figures.budget]\nvalue = 31_500_000\nunit = \"EUR\"\nabout = [\"budget\"]\n[figures.taux]\nvalue = 44\nunit = \"%\"\nabout = [\"taux\"]\n");
        let Ok(ledger) = Ledger::parse("l.toml", &ledger, packs) else { return Ok(()) };
        let index = TermIndex::new(&ledger, packs);
        let config = Config::default();
        let checker = Checker { packs, ledger: &ledger, index: &index, choice: LocaleChoice::Fixed(0), fallback: 0, config: &config };
        let report = checker.check(Document::new("p.txt", text.clone(), Format::Plain));
        let fixes: Vec<_> = report.findings.iter().filter_map(|f| f.fix.clone()).collect();
        prop_assert!(!fixes.is_empty());
        let (fixed, applied) = figcheck::app::fix::apply(&text, &fixes);
        prop_assert_eq!(applied, fixes.len());
        // Bytes outside the fixes are untouched.
        let mut sorted = fixes.clone();
        sorted.sort_by_key(|f| f.span.start);
        let mut rebuilt = String::new();
        let mut pos = 0;
        for f in &sorted {
            rebuilt.push_str(&text[pos..f.span.start]);
            rebuilt.push_str(&f.replacement);
            pos = f.span.end;
        }
        rebuilt.push_str(&text[pos..]);
        prop_assert_eq!(&fixed, &rebuilt);
        // The fixed claims no longer mismatch.
        let again = checker.check(Document::new("p.txt", fixed.clone(), Format::Plain));
        let mut shift_by: i64 = 0;
        for f in &sorted {
            let start = (f.span.start as i64 + shift_by) as usize;
            let end = start + f.replacement.len();
            shift_by += f.replacement.len() as i64 - f.span.len() as i64;
            prop_assert!(
                !again.findings.iter().any(|g| g.rule.id == "mismatch" && g.span.start <= start && end <= g.span.end),
                "{:?} still mismatches in {:?}", f.replacement, fixed
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Rounding to a multiple of 10^exp (by moving the scale, not dividing) is the division's
    /// rounding, for every strategy the judge uses, up to the largest values and scales.
    #[test]
    fn rounding_to_a_power_of_ten_is_the_divisions(
        mantissa in any::<i64>(),
        wide in any::<bool>(),
        scale in 0u32..=28,
        exp in -28i32..=28,
        strategy in 0usize..4,
    ) {
        use rust_decimal::{Decimal, RoundingStrategy};
        let m = if wide { i128::from(mantissa) * 1_000_000_000_000 } else { i128::from(mantissa) };
        let Ok(value) = Decimal::try_from_i128_with_scale(m, scale) else { return Ok(()) };
        let strategy = [
            RoundingStrategy::MidpointAwayFromZero,
            RoundingStrategy::ToZero,
            RoundingStrategy::ToNegativeInfinity,
            RoundingStrategy::ToPositiveInfinity,
        ][strategy];
        let by_division = match exp <= 0 {
            true => Some(value.round_dp_with_strategy(exp.unsigned_abs(), strategy)),
            false => figcheck::judge::pow10(exp).and_then(|step| {
                value.checked_div(step)?.round_dp_with_strategy(0, strategy).checked_mul(step)
            }),
        };
        prop_assert_eq!(figcheck::judge::round_to(value, exp, strategy), by_division);
    }
}
