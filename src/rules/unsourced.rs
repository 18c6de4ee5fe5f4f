//! ## unsourced (warning)
//!
//! **What it does.** Reports a percentage, amount or count that no ledger figure matches: no
//! figure has an `about` term (and, where it has them, a `when` term) in the claim's sentence.
//!
//! **Why it matters.** A figure nobody approved is a figure nobody checked. Either the ledger
//! misses it (add it, with the words that stand near it) or the draft invented it.
//!
//! **Example.** "Les contrôles ont augmenté de 12 %" with no figure about "contrôles" is
//! reported. Add `[figures.controles] value = 12, unit = "%", about = ["contrôles"]` to the
//! ledger, or turn the rule off in `figcheck.toml` (`[severity] unsourced = "off"`).

use super::{words, Context, Finding, Rule, Severity};
use crate::extract::Kind;
use crate::link::Link;

pub const RULE: Rule = Rule {
    id: "unsourced",
    file: "unsourced",
    severity: Severity::Warning,
    summary: "a percentage, amount or count that no figure matches",
};

pub fn check(ctx: &Context<'_>, idx: usize, link: &Link) -> Option<Finding> {
    if *link != Link::None {
        return None;
    }
    let claim = &ctx.claims[idx];
    let own = ctx.text(claim);
    Some(Finding {
        help: Some("add a figure to the ledger whose `about` names a word of this sentence".into()),
        ..Finding::on_claim(
            &RULE,
            claim,
            idx,
            words!("no ledger figure matches {}", ctx.quote(claim, &own)),
            match claim.kind {
                Kind::Percent => "percent with no source",
                Kind::Amount => "amount with no source",
                Kind::Count => "count with no source",
            },
        )
    })
}
