//! Rendering the claims that `figcheck extract` found: a table for people, JSON Lines for tools.

use crate::extract::Claim;
use crate::pack::Packs;
use crate::report::jsonl::{quoted, JsonObject};
use crate::source::{Document, LineIndex, Positions};

/// Writes what a claim is (kind, value, unit, qualifier, and the high end of a range), as both
/// `extract` records and `check`'s `claim` object have it, in the contract's order.
pub fn claim_fields(obj: &mut JsonObject, claim: &Claim) {
    obj.word("kind", claim.kind.as_str())
        .decimal("value", claim.value);
    // A currency's code or a measure's symbol comes from a language pack: escaped.
    match claim.unit.name() {
        Some(name) => obj.word("unit", name),
        None => obj.str("unit", claim.unit.as_str()),
    };
    obj.word("qualifier", claim.qualifier.as_str());
    if let Some((high, _)) = claim.high {
        obj.decimal("high", high);
    }
}

/// Appends the contract's JSON object for one claim, and a newline, to `buf`. `path` is the
/// document's name, already quoted.
fn claim_json(
    doc: &Document,
    path: &[u8],
    positions: &mut Positions<'_>,
    claim: &Claim,
    packs: &Packs,
    buf: &mut Vec<u8>,
) {
    let (line, column) = positions.at(claim.span.start);
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

/// A decimal as the contract writes it: plain digits, no exponent, no trailing zeros.
pub fn decimal_string(value: rust_decimal::Decimal) -> String {
    value.normalize().to_string()
}

/// One JSON object a line, appended to `out` (bytes: the objects are written from `&str`s
/// and ASCII, and go to a byte stream; no `fmt::Write` in between to copy and check them
/// again). `lines` is `doc`'s line index (built once for a text read window by window).
pub fn json_lines(
    doc: &Document,
    lines: &LineIndex,
    claims: &[Claim],
    packs: &Packs,
    out: &mut Vec<u8>,
) {
    out.reserve(256 * claims.len().min(4096));
    let path = quoted(&doc.name);
    let mut positions = Positions::new(lines, &doc.text);
    for c in claims {
        claim_json(doc, &path, &mut positions, c, packs, out);
    }
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
    let mut positions = Positions::new(lines, &doc.text);
    for c in claims {
        let (line, column) = positions.at(c.span.start);
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
