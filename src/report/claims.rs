//! Rendering the claims that `figcheck extract` found: a table for people, JSON Lines for tools.

use serde::Serialize;

use crate::extract::Claim;
use crate::pack::Packs;
use crate::source::{Document, LineIndex};

/// The contract's JSON object for one claim, fields in the contract's order.
struct ClaimRecord<'a> {
    path: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: &'a str,
    claim: ClaimFields<'a>,
    locale: &'a str,
}

// By hand rather than `#[serde(flatten)]`: flattening makes serde write a map through a
// buffering adapter, a tenth of `extract --format json`'s time on a big corpus.
impl Serialize for ClaimRecord<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("ClaimRecord", 13)?;
        st.serialize_field("path", self.path)?;
        st.serialize_field("start", &self.start)?;
        st.serialize_field("end", &self.end)?;
        st.serialize_field("line", &self.line)?;
        st.serialize_field("column", &self.column)?;
        st.serialize_field("text", self.text)?;
        self.claim.serialize_fields(&mut st)?;
        st.serialize_field("locale", self.locale)?;
        st.end()
    }
}

/// What a claim is, as both `extract` records and `check`'s `claim` object write it.
#[derive(Serialize)]
pub struct ClaimFields<'a> {
    kind: &'a str,
    value: DecimalText,
    unit: &'a str,
    qualifier: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    high: Option<DecimalText>,
}

/// A decimal serialized as the contract writes it ([`decimal_string`]), straight into the
/// output without a `String` of its own.
pub struct DecimalText(pub rust_decimal::Decimal);

impl Serialize for DecimalText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.normalize())
    }
}

impl<'a> ClaimFields<'a> {
    /// Writes the fields into an object being serialized (what `#[serde(flatten)]` would do).
    fn serialize_fields<S: serde::ser::SerializeStruct>(&self, st: &mut S) -> Result<(), S::Error> {
        st.serialize_field("kind", self.kind)?;
        st.serialize_field("value", &self.value)?;
        st.serialize_field("unit", self.unit)?;
        st.serialize_field("qualifier", self.qualifier)?;
        match &self.high {
            Some(high) => st.serialize_field("high", high),
            None => st.skip_field("high"),
        }
    }

    pub fn of(claim: &'a Claim) -> Self {
        ClaimFields {
            kind: claim.kind.as_str(),
            value: DecimalText(claim.value),
            unit: claim.unit.as_str(),
            qualifier: claim.qualifier.as_str(),
            high: claim.high.map(|(h, _)| DecimalText(h)),
        }
    }
}

/// Appends the contract's JSON object for one claim, and a newline, to `buf`.
fn claim_json(doc: &Document, lines: &LineIndex, claim: &Claim, packs: &Packs, buf: &mut Vec<u8>) {
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
    json_line(&record, buf);
}

/// Appends `record` as one line of JSON to `buf` (serializing plain data to memory cannot fail).
pub fn json_line(record: &impl Serialize, buf: &mut Vec<u8>) {
    let _ = serde_json::to_writer(&mut *buf, record);
    buf.push(b'\n');
}

/// Hands the JSON lines in `buf` to `out` and empties `buf`.
pub fn flush_json(buf: &mut Vec<u8>, out: &mut dyn std::fmt::Write) {
    // serde_json writes UTF-8 only; the check is a formality the type system asks for (by
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
    for c in claims {
        claim_json(doc, lines, c, packs, &mut buf);
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
