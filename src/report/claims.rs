//! Rendering the claims that `figcheck extract` found: a table for people, JSON Lines for tools.

use serde::Serialize;

use crate::extract::Claim;
use crate::pack::Packs;
use crate::source::{Document, LineIndex};

/// The contract's JSON object for one claim, fields in the contract's order.
#[derive(Serialize)]
struct ClaimRecord<'a> {
    path: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: &'a str,
    #[serde(flatten)]
    claim: ClaimFields<'a>,
    locale: &'a str,
}

/// What a claim is, as both `extract` records and `check`'s `claim` object write it.
#[derive(Serialize)]
pub struct ClaimFields<'a> {
    kind: &'a str,
    value: String,
    unit: &'a str,
    qualifier: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    high: Option<String>,
}

impl<'a> ClaimFields<'a> {
    pub fn of(claim: &'a Claim) -> Self {
        ClaimFields {
            kind: claim.kind.as_str(),
            value: decimal_string(claim.value),
            unit: claim.unit.as_str(),
            qualifier: claim.qualifier.as_str(),
            high: claim.high.map(|(h, _)| decimal_string(h)),
        }
    }
}

/// The contract's JSON object for one claim.
pub fn claim_json(doc: &Document, lines: &LineIndex, claim: &Claim, packs: &Packs) -> String {
    let (line, column) = lines.position(&doc.text, claim.span.start);
    let record = ClaimRecord {
        path: &doc.name,
        start: claim.span.start,
        end: claim.span.end,
        line,
        column,
        text: &doc.text[claim.span.clone()],
        claim: ClaimFields::of(claim),
        locale: &packs.get(claim.pack).id,
    };
    serde_json::to_string(&record).unwrap_or_default()
}

/// A decimal as the contract writes it: plain digits, no exponent, no trailing zeros.
pub fn decimal_string(value: rust_decimal::Decimal) -> String {
    value.normalize().to_string()
}

/// One JSON object a line.
pub fn json_lines(doc: &Document, claims: &[Claim], packs: &Packs, out: &mut dyn std::fmt::Write) {
    let lines = LineIndex::new(&doc.text);
    for c in claims {
        let _ = writeln!(out, "{}", claim_json(doc, &lines, c, packs));
    }
}

/// A readable table: position, kind, value, unit, qualifier and the claim's text.
pub fn table(doc: &Document, claims: &[Claim], out: &mut dyn std::fmt::Write) {
    let lines = LineIndex::new(&doc.text);
    if claims.is_empty() {
        let _ = writeln!(out, "{}: no claims", doc.name);
        return;
    }
    let _ = writeln!(out, "{}", doc.name);
    for c in claims {
        let (line, column) = lines.position(&doc.text, c.span.start);
        let mut value = decimal_string(c.value);
        if let Some((high, _)) = c.high {
            value = format!("{value}..{}", decimal_string(high));
        }
        let text = doc.text[c.span.clone()].replace(['\n', '\r'], " ");
        let _ = writeln!(
            out,
            "  {:>9}  {:<7}  {:>14}  {:<5}  {:<8}  {}",
            format!("{line}:{column}"),
            c.kind.as_str(),
            value,
            c.unit.as_str(),
            c.qualifier.as_str(),
            text
        );
    }
}
