//! Rendering the claims that `figcheck extract` found: a table for people, JSON Lines for tools.

use crate::extract::Claim;
use crate::pack::Packs;
use crate::report::jsonl::{quoted, JsonObject};
use crate::source::{Document, LineIndex};

/// Writes what a claim is (kind, value, unit, qualifier, and the high end of a range), as both
/// `extract` records and `check`'s `claim` object have it, in the contract's order.
pub fn claim_fields(obj: &mut JsonObject, claim: &Claim) {
    obj.str("kind", claim.kind.as_str())
        .decimal("value", claim.value)
        .str("unit", claim.unit.as_str())
        .str("qualifier", claim.qualifier.as_str());
    if let Some((high, _)) = claim.high {
        obj.decimal("high", high);
    }
}

/// Appends the contract's JSON object for one claim, and a newline, to `buf`. `path` is the
/// document's name, already quoted.
fn claim_json(
    doc: &Document,
    path: &[u8],
    lines: &LineIndex,
    claim: &Claim,
    packs: &Packs,
    buf: &mut Vec<u8>,
) {
    let (line, column) = lines.position(&doc.text, claim.span.start);
    let mut obj = JsonObject::begin(buf);
    obj.raw("path", path)
        .uint("start", claim.span.start)
        .uint("end", claim.span.end)
        .uint("line", line)
        .uint("column", column)
        .str("text", &doc.text[claim.span.clone()]);
    claim_fields(&mut obj, claim);
    obj.str("locale", &packs.get(claim.pack).id);
    obj.end();
    buf.push(b'\n');
}

/// Hands the JSON lines in `buf` to `out` and empties `buf`.
pub fn flush_json(buf: &mut Vec<u8>, out: &mut dyn std::fmt::Write) {
    // The JSON is written from `&str`s and ASCII; the check is a formality the type system asks for (by
    // simdutf8: the standard one was 1 % of `extract`).
    if let Ok(text) = simdutf8::basic::from_utf8(buf) {
        let _ = out.write_str(text);
    }
    buf.clear();
}

/// A decimal as the contract writes it: plain digits, no exponent, no trailing zeros.
pub fn decimal_string(value: rust_decimal::Decimal) -> String {
    value.normalize().to_string()
}

/// One JSON object a line. `lines` is `doc`'s line index (built once for a text read window by
/// window).
pub fn json_lines(
    doc: &Document,
    lines: &LineIndex,
    claims: &[Claim],
    packs: &Packs,
    out: &mut dyn std::fmt::Write,
) {
    let mut buf = Vec::with_capacity(256 * claims.len().min(4096));
    let path = quoted(&doc.name);
    for c in claims {
        claim_json(doc, &path, lines, c, packs, &mut buf);
        if buf.len() >= 1 << 16 {
            flush_json(&mut buf, out);
        }
    }
    flush_json(&mut buf, out);
}

/// A readable table: the file's name, then position, kind, value, unit, qualifier and text of
/// each claim ("no claims" after the name when there is none).
pub fn table(doc: &Document, lines: &LineIndex, claims: &[Claim], out: &mut dyn std::fmt::Write) {
    if claims.is_empty() {
        let _ = writeln!(out, "{}: no claims", doc.name);
        return;
    }
    let _ = writeln!(out, "{}", doc.name);
    table_rows(doc, lines, claims, out);
}

/// The rows of [`table`], without the file's name.
pub fn table_rows(
    doc: &Document,
    lines: &LineIndex,
    claims: &[Claim],
    out: &mut dyn std::fmt::Write,
) {
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
