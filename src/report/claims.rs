//! Rendering the claims that `figcheck extract` found: a table for people, JSON Lines for tools.

use std::fmt::Write;

use serde_json::{json, Map, Value};

use crate::extract::Claim;
use crate::pack::Packs;
use crate::source::{Document, LineIndex};

/// The contract's JSON object for one claim.
pub fn claim_json(doc: &Document, lines: &LineIndex, claim: &Claim, packs: &Packs) -> Value {
    let (line, column) = lines.position(&doc.text, claim.span.start);
    let mut obj = Map::new();
    obj.insert("path".into(), json!(doc.name));
    obj.insert("start".into(), json!(claim.span.start));
    obj.insert("end".into(), json!(claim.span.end));
    obj.insert("line".into(), json!(line));
    obj.insert("column".into(), json!(column));
    obj.insert("text".into(), json!(&doc.text[claim.span.clone()]));
    obj.insert("kind".into(), json!(claim.kind.as_str()));
    obj.insert("value".into(), json!(decimal_string(claim.value)));
    obj.insert("unit".into(), json!(claim.unit.as_str()));
    obj.insert("qualifier".into(), json!(claim.qualifier.as_str()));
    if let Some((high, _)) = claim.high {
        obj.insert("high".into(), json!(decimal_string(high)));
    }
    obj.insert("locale".into(), json!(packs.get(claim.pack).id));
    Value::Object(obj)
}

/// A decimal as the contract writes it: plain digits, no exponent, no trailing zeros.
pub fn decimal_string(value: rust_decimal::Decimal) -> String {
    value.normalize().to_string()
}

/// One JSON object a line.
pub fn json_lines(doc: &Document, claims: &[Claim], packs: &Packs, out: &mut String) {
    let lines = LineIndex::new(&doc.text);
    for c in claims {
        let _ = writeln!(out, "{}", claim_json(doc, &lines, c, packs));
    }
}

/// A readable table: position, kind, value, unit, qualifier and the claim's text.
pub fn table(doc: &Document, claims: &[Claim], out: &mut String) {
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
