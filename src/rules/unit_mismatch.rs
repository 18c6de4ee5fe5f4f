//! ## unit-mismatch (error)
//!
//! **What it does.** Reports a claim that states a unit (a currency, "%", percentage points)
//! when the only figures its sentence names are in another unit: "31,4 millions de livres" where
//! the ledger holds 31 400 000 EUR, "12 %" where it holds 12 percentage points.
//!
//! **Why it matters.** "£" for "€", or "%" for "points", changes what a figure means even when
//! the digits are right. No exchange rate is applied: the ledger's unit is the approved one.
//!
//! **Example.** With `[figures.aid] value = 31_400_000, unit = "EUR", about = ["investment"]`,
//! the sentence "an extra investment of £31.4m" is reported. It is never fixed automatically:
//! an editor must choose between changing the currency and changing the figure.

use super::{Context, Finding, Rule, Severity};
use crate::link::Link;

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
    Some(Finding {
        figure: Some(*figure),
        term: Some((term.clone(), format!("linked to `{}` by this word", fig.id))),
        help: Some(format!(
            "{}: check the unit before the number",
            ctx.ledger_says(claim, fig)
        )),
        expected: Some(fig.value),
        ..Finding::on_claim(
            &RULE,
            claim,
            idx,
            format!(
                "{} is in {}, but `{}` is in {}",
                ctx.quote(claim, &own),
                claim.unit.as_str(),
                fig.id,
                fig.unit.as_str()
            ),
            format!("the text says {}", claim.unit.as_str()),
        )
    })
}
