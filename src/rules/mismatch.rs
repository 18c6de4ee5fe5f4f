//! ## mismatch (error)
//!
//! **What it does.** Reports a claim whose figure, found in the ledger by the words of its
//! sentence, does not agree with it: the ledger's value, rounded to the precision the text
//! states, is not the value the text gives, or lies outside the text's hedge ("plus de",
//! "about", "up to", a range).
//!
//! **Why it matters.** A figure that differs from the approved one ("14 %" for "41 %", "environ
//! 190" for 140 arrests) is the error that ends in a public correction.
//!
//! **Example.** With the ledger
//!
//! ```toml
//! [figures.uro-arrests]
//! value = 140
//! about = ["arrestations", "arrests"]
//! ```
//!
//! the sentence "l'URO a permis environ 190 arrestations" is reported: 190 ± 5 % does not reach
//! 140. A bound agrees only near the figure it bounds (within its stated precision or half the
//! bound): "moins de 15 %" against 4 % is reported, "less than 10%" against 4.2 is not. `--fix`
//! writes "environ 140", keeping the hedge and the way the number was written (in French, a scale
//! word agrees with the new number: "2,1 milliards" → "1,2 milliard").
//! A figure with decimals keeps the claim's ("9,70 €" against 7.9 becomes "7,90 €"), but an
//! amount with a scale word takes the decimals the figure needs ("£2.25m" against 6,800,000
//! becomes "£6.8m").
//! An exact whole number is not rewritten rounder than it was written: "640" (precise to 10)
//! against 604 becomes "604", not "600" (a hedged one is a rounding: "environ 90" against 704
//! becomes "environ 700"). A strict bound whose number is the figure itself has the wrong hedge:
//! "more than 40,000" against 40,000 becomes "at least 40,000", "moins de 10 %" against 10 %
//! "jusqu'à 10 %" (the language pack's first `at_least` or `at_most` phrase). Another strict
//! bound on a figure that sits on the claim's own step moves one place finer where the claim
//! wrote a zero: "moins de 10" against 20 becomes "moins de 21", not "moins de 30". A bound
//! that would stand more than a tenth of the figure away moves one place finer too: "more than
//! 2,000" against 1,950 becomes "more than 1,900", not "more than 1,000", which is true and
//! says little.
//! A figure with `tolerance` is judged by its tolerance instead of the rounding rule.
//! A ratio or share ("one in three", "two thirds", "½") is judged at one place finer than its
//! denominator resolves ("one in three" agrees with 0.33, not with 0.25; against a percentage
//! figure, with 33.4 %, not 25 %); it is reported without a fix, since no numeral states 0.25 the
//! way "one in three" is written. Its help restates the figure as a ratio that agrees with it: over
//! the claim's own denominator ("trois sur cinq" against 0.4: "restate the ratio as 2 sur 5"; in
//! lowest terms unless out of ten or a hundred: "trois sur quatre" against 0.5 is "1 sur 2"), else
//! one in a whole number (0.25: "1 in 4"; 0.33: "1 in 3"), else over the smallest denominator up to
//! ten that agrees (0.75: "3 in 4"; 0.67: "2 in 3"; 0.3: "3 in 10", since "1 in 3" reads as 0.33),
//! else over a hundred. A share in words is restated in the language pack's share words where it
//! has them (`[ratios.write_parts]`, up to fifths): "Two thirds" against 0.75 "restate the share as
//! “three quarters”", « la moitié » against 0.25 « un quart ». A range that misses the figure
//! ("10-20 %" for 25 %) is reported without a fix too: which end to move is the editor's call. So
//! is a claim whose scale word is off by a thousand or more ("€12.5bn" for 12.5 million): new
//! digits before "bn" would read "€0.0125bn", so its help says to check the scale word (or, for a
//! number in a table whose header states the scale, "check the unit in the header “Passengers
//! (m)”"). A sign written before the numeral is rewritten with it ("−4,1 %" → "−1,4 %", "+1,6" →
//! "+6,1"); a minus in words ("moins 25 %") cannot be made a plus by digits, so against a positive
//! figure the help says to check the sign and there is no fix.

use rust_decimal::Decimal;

use super::{words, Context, Finding, Fix, Rule, Severity};
use crate::extract::Claim;
use crate::judge::suggested_value;
use crate::link::Link;

pub const RULE: Rule = Rule {
    id: "mismatch",
    file: "mismatch",
    severity: Severity::Error,
    summary: "a claim linked to a figure is not consistent with it",
};

pub fn check(ctx: &Context<'_>, idx: usize, link: &Link) -> Option<Finding> {
    let Link::Figure {
        figure,
        term,
        consistent: false,
    } = link
    else {
        return None;
    };
    let claim = &ctx.claims[idx];
    let fig = &ctx.ledger.figures[*figure];
    let says = ctx.ledger_says(claim, fig);
    let (help, fix) = if claim.style.ratio {
        // A ratio ("one in three") has no numeral that states 0.25 the same way: the editor
        // restates it, a share in words ("two thirds") in share words ("three quarters").
        let pack = ctx.packs.get(claim.pack);
        let restated = crate::judge::restated_ratio(claim, fig);
        let share = restated
            .filter(|_| claim.style.share)
            .and_then(|(k, n)| crate::write::share(k, n, pack));
        let ratio = restated.and_then(|(k, n)| crate::write::ratio(k, n, pack));
        let help = match (share, ratio) {
            (Some(share), _) => words!("{says}: restate the share as {}", ctx.quote(claim, &share)),
            (None, Some(ratio)) => words!("{says}: restate the ratio as {ratio}"),
            (None, None) => words!("{says}: restate the ratio to match"),
        };
        (help, None)
    } else if claim.style.multiple_word {
        // "twice as many" against 2.5: no digits go in place of "twice".
        (words!("{says}: restate the multiple to match"), None)
    } else if fig.high.is_some() {
        // A range figure: which end the claim should state, or both, is the editor's call.
        (words!("{says}: restate it to match"), None)
    } else if claim.qualifier == crate::extract::Qualifier::Range {
        // Which end to move, or both, is the editor's call: "£95-90m" would be no range.
        (words!("{says}: restate the range to include it"), None)
    } else if crate::write::scale_slip(claim, fig.value) {
        // "€12.5bn" for 12.5 million: new digits before "bn" would read "€0.0125bn". Under a
        // header "(£m)" there is no scale word, the header's is a thousand times off.
        let help = match ctx.header(claim) {
            Some(header) => words!(
                "{says}: check the unit in the header {}",
                ctx.quote(claim, &header)
            ),
            None => words!("{says}: check the scale word"),
        };
        (help, None)
    } else if let Some((span, replacement)) = inclusive_bound(ctx, claim, fig) {
        write(ctx, claim, span, replacement, true, &says)
    } else {
        rewrite(ctx, claim, suggested_value(claim, fig), fig.value, &says)
    };
    let own = ctx.text(claim);
    Some(Finding {
        figure: Some(*figure),
        term: Some((term.clone(), words!("linked to `{}` by this word", fig.id))),
        help: Some(help.into()),
        expected: Some(fig.value),
        fix,
        ..Finding::on_claim(
            &RULE,
            claim,
            idx,
            words!("{} does not match `{}`", ctx.quote(claim, &own), fig.id),
            words!("the text says {}", ctx.quote(claim, &own)),
        )
    })
}

/// A strict bound whose number is the figure itself ("more than 40,000" against 40,000, "moins
/// de 10 %" against 10 %): the number is right and the strictness wrong, so its hedge becomes
/// the pack's inclusive one ("at least 40,000", « jusqu'à 10 % »), its case kept. The span of
/// the hedge and what to write there; `None` for any other claim, or a hedge not written before
/// the number ("40,000 or more").
fn inclusive_bound(
    ctx: &Context<'_>,
    claim: &Claim,
    fig: &crate::ledger::Figure,
) -> Option<(std::ops::Range<usize>, String)> {
    use crate::pack::Hedge;
    let pack = ctx.packs.get(claim.pack);
    let (hedge, word) = match claim.qualifier {
        crate::extract::Qualifier::Above => (Hedge::Above, pack.write_at_least.as_ref()?),
        crate::extract::Qualifier::Below => (Hedge::Below, pack.write_at_most.as_ref()?),
        _ => return None,
    };
    let own = crate::judge::in_units_of(claim, fig);
    if own.value != fig.value || own.unit != fig.unit || fig.high.is_some() {
        return None;
    }
    let text = &ctx.doc.text;
    let m = pack.hedge_before.match_at(text, claim.span.start)?;
    if *m.value != hedge || m.end > claim.numeral.start {
        return None;
    }
    let replacement = crate::write::with_capital_of(word, &text[m.start..m.end]);
    Some((m.start..m.end, replacement))
}

/// The help that rewrites the claim to state `value`, and the fix that does it: its numeral
/// (with the sign written before it, and a scale word that must agree with the new number),
/// computed once for both.
fn rewrite(
    ctx: &Context<'_>,
    claim: &Claim,
    value: Decimal,
    figure: Decimal,
    says: &impl std::fmt::Display,
) -> (String, Option<Fix>) {
    let pack = ctx.packs.get(claim.pack);
    let text = &ctx.doc.text;
    // The figure itself, a whole number the ledger writes with no decimals, is written whole
    // ("1.1%" against 11: "11%", not "11.0%"; "£54.3m" against 54 000 000: "£54m"). A figure
    // with decimals keeps the claim's ("9,70 €" against 7.9: "7,90 €").
    let whole = value == figure
        && figure.scale() == 0
        && crate::write::numeral_value(claim, figure).is_some_and(|v| v.fract().is_zero());
    // So is an amount with a scale word, to the decimals the figure needs: "£2.25m" against
    // 6,800,000 is "£6.8m", not "£6.80m" (cents are the price's own way of writing).
    let scaled = value == figure && claim.scale > Decimal::ONE;
    let frac = match whole || scaled {
        true => 0,
        false => claim.style.frac_digits,
    };
    let Some((span, numeral)) = crate::write::numeral_fix(text, claim, value, frac, pack) else {
        // "moins 25 %" for 24 %: its minus is a word, no digits state the figure there.
        return (words!("{says}: check the sign"), None);
    };
    // "2,1 milliards" becomes "1,2 milliard": the scale word agrees with the new number.
    let stated = crate::write::numeral_value(claim, value).unwrap_or(value);
    let (span, replacement) = match crate::write::scale_agreement(ctx.doc, claim, stated, pack) {
        Some((tail, word)) => (span.start..tail.end, format!("{numeral}{word}")),
        None => (span, numeral),
    };
    // A numeral written in words, or a range, is not rewritten silently.
    let fixable = crate::write::fixable(text, claim);
    write(ctx, claim, span, replacement, fixable, says)
}

/// The help that says to write `replacement` over `span` of the claim (the claim as it would
/// read), and the fix that does it where `fixable`.
fn write(
    ctx: &Context<'_>,
    claim: &Claim,
    span: std::ops::Range<usize>,
    replacement: String,
    fixable: bool,
    says: &impl std::fmt::Display,
) -> (String, Option<Fix>) {
    let rewritten = crate::write::splice_claim(&ctx.doc.text, claim, span.clone(), &replacement);
    let help = words!("{says}: write {}", ctx.quote(claim, &rewritten));
    (help, fixable.then_some(Fix { span, replacement }))
}
