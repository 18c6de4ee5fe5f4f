//! ## inconsistent (warning)
//!
//! **What it does.** Reports a figure stated with values that cannot both be roundings of one
//! number, in the same or in different files of one run: "140 arrests" in one release and "150
//! arrests" in another, both linked to the same figure. It applies to claims with no other
//! finding, which happens when a figure's `tolerance` admits both.
//!
//! **Why it matters.** Readers compare releases. Two versions of one figure look like an error
//! even when each is within the approved tolerance.
//!
//! **Example.** With `[figures.arrests] value = 145, tolerance = "5%", about = ["arrests"]`,
//! "140 arrests" in `a.md` and "150 arrests" in `b.md` are both within tolerance, yet 140 (135 to
//! 145) and 150 (145 to 155) share no number: the second is reported, pointing at the first.

use std::collections::HashMap;

use super::{Context, Finding, Rule, Severity};
use crate::extract::Claim;
use crate::judge::{in_units_of, intervals_meet};

pub const RULE: Rule = Rule {
    id: "inconsistent",
    file: "inconsistent",
    severity: Severity::Warning,
    summary: "the same figure is stated with different values in the checked documents",
};

/// Where a figure was first stated in this run.
#[derive(Debug, Clone)]
struct Stated {
    place: String,
    text: String,
    claim: Claim,
}

/// The claims seen so far in a run, per figure; files are fed in a fixed order.
#[derive(Debug, Default)]
pub struct Tracker {
    seen: HashMap<usize, Vec<Stated>>,
}

impl Tracker {
    /// Checks a claim linked consistently to `figure`, then remembers it; `place` ("file:line:
    /// col") is asked for only when the claim states the figure in a way not seen before.
    pub fn check(
        &mut self,
        ctx: &Context<'_>,
        idx: usize,
        figure: usize,
        place: impl FnOnce() -> String,
    ) -> Option<Finding> {
        // Compared in the figure's unit: "one in three" and "33 %" both state 33 %.
        let claim = &*in_units_of(&ctx.claims[idx], &ctx.ledger.figures[figure]);
        let stated = self.seen.entry(figure).or_default();
        let clash = stated
            .iter()
            .find(|s| !intervals_meet(&s.claim, claim))
            .cloned();
        if !stated
            .iter()
            .any(|s| s.claim.value == claim.value && s.claim.qualifier == claim.qualifier)
        {
            stated.push(Stated {
                place: place(),
                text: ctx.text(claim).into_owned(),
                claim: claim.clone(),
            });
        }
        let first = clash?;
        let fig = &ctx.ledger.figures[figure];
        let own = ctx.text(claim);
        Some(Finding {
            figure: Some(figure),
            help: Some(
                format!(
                    "{}: state it the same way everywhere",
                    ctx.ledger_says(claim, fig)
                )
                .into(),
            ),
            expected: Some(fig.value),
            ..Finding::on_claim(
                &RULE,
                claim,
                idx,
                format!(
                    "`{}` is stated as {} here and as {} at {}",
                    fig.id,
                    ctx.quote(claim, &own),
                    ctx.quote(claim, &first.text),
                    first.place
                ),
                format!("also stated as {} at {}", first.text, first.place),
            )
        })
    }
}
