//! ## unit-mismatch (error)
//!
//! **What it does.** Reports a claim that states a unit (a currency, "%", percentage points)
//! when the only figures its sentence names are in another unit: "31,4 millions de livres" where
//! the ledger holds 31 400 000 EUR, "12 %" where it holds 12 percentage points. A measured claim
//! ("5 km") is reported when its sentence names a figure in another measurement unit ("4 m")
//! and none in its own; a figure with no unit stands for any measure, unless such a figure is
//! there too.
//!
//! **Why it matters.** "£" for "€", or "%" for "points", changes what a figure means even when
//! the digits are right. No exchange rate is applied: the ledger's unit is the approved one.
//!
//! **Example.** With `[figures.aid] value = 31_400_000, unit = "EUR", about = ["investment"]`,
//! the sentence "an extra investment of £31.4m" is reported, and the help proposes "€31.4m" (a
//! currency written as a symbol or a code is swapped; a name is left to the editor). Where the
//! digits differ from the figure too ("£95m"), the help says to check the unit and the number;
//! and where the sentence names several figures of the other unit, the claim is linked to the
//! one its digits agree with ("€640 million" to £640 million, not to £95m). A number in a table
//! that takes its unit from a header ("31.4" under "Fares (€m)") is told to check the unit in
//! that header. With the digits right, "12 %" for 12 points is rewritten "12 points" in the
//! help (and points for a percentage "12 %"), in the words the language pack writes; otherwise
//! the help says to check the unit where the claim writes it ("before the number" for "£",
//! "after" for "de livres"), or, for a number that takes its unit from an amount before it ("et
//! la Région 18 millions"), the unit written before it in the sentence. A claim stating a unit whose digits are another unit's figure is
//! that figure's slip even beside a figure of its own unit that it contradicts: "0.5 per cent"
//! beside 28 % and 0.5 percentage points. It is never fixed automatically: an editor must
//! choose between changing the unit and changing the figure.

use super::{words, Context, Finding, Rule, Severity};
use crate::extract::Claim;
use crate::link::Link;
use crate::pack::{Unit, UnitWord};
use crate::phrase::PhraseTable;
use std::ops::Range;

pub const RULE: Rule = Rule {
    id: "unit-mismatch",
    file: "unit_mismatch",
    severity: Severity::Error,
    summary: "a claim matched to a figure by context states another unit or currency",
};

pub fn check(ctx: &Context<'_>, idx: usize, link: &Link) -> Option<Finding> {
    let Link::OtherUnit { figure, term } = link else {
        return None;
    };
    let claim = &ctx.claims[idx];
    let fig = &ctx.ledger.figures[*figure];
    let own = ctx.text(claim);
    // The digits may be right and the unit wrong, or both wrong: a swapped currency or
    // percent is proposed only where the digits agree with the figure.
    let digits_agree = crate::judge::consistent(claim, fig);
    let swapped = digits_agree
        .then(|| {
            swapped_currency(ctx, claim, &fig.unit)
                .map(|rewritten| ("currency", rewritten))
                .or_else(|| {
                    swapped_percent(ctx, claim, &fig.unit).map(|rewritten| ("unit", rewritten))
                })
        })
        .flatten();
    let says = ctx.ledger_says(claim, fig);
    let help = match (swapped, ctx.header(claim)) {
        (Some((what, rewritten)), _) => words!(
            "{says}: if its {what} is right, write {}",
            ctx.quote(claim, &rewritten)
        ),
        // "412" under "Revenue (£m)": the unit is the header's, the cell has no other.
        (None, Some(header)) => words!(
            "{says}: check the unit in the header {}",
            ctx.quote(claim, &header)
        ),
        (None, None) if digits_agree => {
            // Where the claim writes its unit: "£" before the digits, "%" or "points" after.
            match written_unit(ctx, claim) {
                Some((Side::Before, _)) => words!("{says}: check the unit before the number"),
                Some((Side::After, _)) => words!("{says}: check the unit after the number"),
                // "et la Région 18 millions" after "47,5 millions de livres": the number
                // writes no unit, it takes the amount's before it.
                None => words!("{says}: check the unit written before it in the sentence"),
            }
        }
        (None, None) => words!("{says}: check the unit and the number"),
    };
    Some(Finding {
        figure: Some(*figure),
        term: Some((term.clone(), words!("linked to `{}` by this word", fig.id))),
        help: Some(help.into()),
        expected: Some(fig.value),
        ..Finding::on_claim(
            &RULE,
            claim,
            idx,
            words!(
                "{} is in {}, but `{}` is in {}",
                ctx.quote(claim, &own),
                claim.unit.as_str(),
                fig.id,
                fig.unit.as_str()
            ),
            words!("the text says {}", claim.unit.as_str()),
        )
    })
}

/// The claim rewritten with the figure's currency in place of its own, where its own is a
/// symbol or an ISO code ("£31.4m" → "€31.4m", "GBP 12" → "EUR 12"). A currency *name* is left
/// to the editor: swapping it may need another article or elision ("de livres", "d'euros").
fn swapped_currency(ctx: &Context<'_>, claim: &Claim, to: &Unit) -> Option<String> {
    let (Unit::Currency(_), Unit::Currency(code)) = (&claim.unit, to) else {
        return None;
    };
    let pack = ctx.packs.get(claim.pack);
    let text = &ctx.doc.text;
    let (_, found) = written_unit(ctx, claim)?;
    let written = &text[found.clone()];
    let replacement = if written.chars().all(|c| c.is_ascii_uppercase()) {
        code.to_string()
    } else if written.chars().any(char::is_alphabetic) {
        return None;
    } else {
        pack.currency_symbols.get(code.as_ref())?.clone()
    };
    Some(crate::write::splice_claim(text, claim, found, &replacement))
}

/// The claim rewritten in percentage points where it states a percentage ("0,4 %" → "0,4 point",
/// "0.4%" → "0.4 percentage points"), or the other way round, with the unit written as the pack
/// writes it in help texts, its space included. The slip is common in releases: a rate that
/// "fell 0.4%" fell 0.4 points, a relative change of 0.4 % is another figure.
fn swapped_percent(ctx: &Context<'_>, claim: &Claim, to: &Unit) -> Option<String> {
    let pack = ctx.packs.get(claim.pack);
    let unit = match (&claim.unit, to) {
        (Unit::Percent, Unit::Points) => {
            let [singular, plural] = pack.write_points.as_ref()?;
            pack.agreeing(claim.value, singular, plural)
        }
        (Unit::Points, Unit::Percent) => &pack.write_percent,
        _ => return None,
    };
    let text = &ctx.doc.text;
    let (Side::After, found) = written_unit(ctx, claim)? else {
        return None;
    };
    Some(crate::write::splice_claim(
        text,
        claim,
        claim.numeral.end..found.end,
        unit,
    ))
}

/// Where a claim writes its unit, before or after the numeral.
enum Side {
    Before,
    After,
}

/// Where the claim writes its unit, and its span: a currency before the numeral ("£", "US$ "),
/// or a unit after it ("de livres", "%", "points"); `None` for a number that writes none and
/// takes it from an amount before it ("et la Région 18 millions") or a table's header.
fn written_unit(ctx: &Context<'_>, claim: &Claim) -> Option<(Side, Range<usize>)> {
    let pack = ctx.packs.get(claim.pack);
    let text = &ctx.doc.text;
    let before = claim.span.start..claim.numeral.start;
    let after = claim.numeral.end..claim.span.end;
    // (Points after a number with decimals are the pack's own table: « 4,2 points ».)
    let written_after = || {
        find_unit(&pack.unit_after, text, after.clone(), claim)
            .or_else(|| find_unit(&pack.points_after_decimals, text, after.clone(), claim))
    };
    find_unit(&pack.currency_before, text, before, claim)
        .map(|span| (Side::Before, span))
        .or_else(|| written_after().map(|span| (Side::After, span)))
}

/// The first phrase of `table` stating the claim's unit that lies wholly within `within`: the
/// unit itself, not a fraction of it ("40 bp" are hundredths of a point, "50p" of a pound).
fn find_unit(
    table: &PhraseTable<UnitWord>,
    text: &str,
    within: Range<usize>,
    claim: &Claim,
) -> Option<Range<usize>> {
    let end = within.end;
    within.filter(|&p| text.is_char_boundary(p)).find_map(|p| {
        table
            .match_at(text, p)
            .filter(|m| m.end <= end && m.value.unit == claim.unit && m.value.per == 1)
            .map(|m| m.start..m.end)
    })
}
