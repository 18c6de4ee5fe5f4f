//! One JSON object per line, written field by field into a byte buffer.
//!
//! `extract --format json` and `check --format json` write an object for every claim or finding;
//! on a big corpus that is as many objects as there are numbers. Through serde's derive each
//! record escaped its thirteen keys again, wrote its integers through `fmt`, and escaped the same
//! path once per line: a tenth of `extract`'s time. Here the keys are written as they are (they
//! are literals that need no escaping), integers by `itoa`, and a string the caller repeats (the
//! path) can be escaped once with [`quoted`] and written with [`JsonObject::raw`]. String values
//! are still escaped by `serde_json`, so the output is the JSON serde wrote, byte for byte.

use rust_decimal::Decimal;

/// `value` as a JSON string, quotes included, ready for [`JsonObject::raw`].
pub fn quoted(value: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(value.len() + 2);
    push_str(&mut out, value);
    out
}

fn push_str(buf: &mut Vec<u8>, value: &str) {
    // Serializing a string to memory cannot fail.
    let _ = serde_json::to_writer(&mut *buf, value);
}

/// Writes `value` as `Decimal::normalize().to_string()` does, from its integer digits and
/// scale: the formatting machinery was most of what writing a claim cost.
fn push_decimal(buf: &mut Vec<u8>, value: Decimal) {
    let value = value.normalize();
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(value.mantissa().unsigned_abs()).as_bytes();
    let scale = value.scale() as usize;
    if value.is_sign_negative() && !value.is_zero() {
        buf.push(b'-');
    }
    if scale == 0 {
        buf.extend_from_slice(digits);
    } else if digits.len() > scale {
        let (int, frac) = digits.split_at(digits.len() - scale);
        buf.extend_from_slice(int);
        buf.push(b'.');
        buf.extend_from_slice(frac);
    } else {
        buf.extend_from_slice(b"0.");
        buf.resize(buf.len() + scale - digits.len(), b'0');
        buf.extend_from_slice(digits);
    }
}

/// An object being written; its fields come in the order they are added.
pub struct JsonObject<'b> {
    buf: &'b mut Vec<u8>,
    empty: bool,
}

impl<'b> JsonObject<'b> {
    /// Opens an object at the end of `buf`.
    pub fn begin(buf: &'b mut Vec<u8>) -> Self {
        buf.push(b'{');
        JsonObject { buf, empty: true }
    }

    // Inlined, so that the key's length is known where it is copied: a few stores, not a call
    // to memcpy for every key of every record.
    #[inline(always)]
    fn key(&mut self, key: &'static str) {
        debug_assert!(
            !key.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20),
            "a key is written without escaping"
        );
        if !self.empty {
            self.buf.push(b',');
        }
        self.empty = false;
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.extend_from_slice(b"\":");
    }

    #[inline(always)]
    pub fn str(&mut self, key: &'static str, value: &str) -> &mut Self {
        self.key(key);
        push_str(self.buf, value);
        self
    }

    /// A string of the program's own that needs no escaping (a rule id, a kind, a severity):
    /// copied as it is, where [`JsonObject::str`] would look at each byte. A record has
    /// several; on a big corpus they were a third of the strings escaped.
    #[inline(always)]
    pub fn word(&mut self, key: &'static str, value: &'static str) -> &mut Self {
        debug_assert!(
            !value.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20),
            "a word is written without escaping"
        );
        self.key(key);
        self.buf.push(b'"');
        self.buf.extend_from_slice(value.as_bytes());
        self.buf.push(b'"');
        self
    }

    /// A value already written as JSON (a string from [`quoted`]).
    #[inline(always)]
    pub fn raw(&mut self, key: &'static str, json: &[u8]) -> &mut Self {
        self.key(key);
        self.buf.extend_from_slice(json);
        self
    }

    #[inline(always)]
    pub fn uint(&mut self, key: &'static str, value: usize) -> &mut Self {
        self.key(key);
        self.buf
            .extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
        self
    }

    /// A decimal as the contract writes it: a string of plain digits, no trailing zeros.
    #[inline(always)]
    pub fn decimal(&mut self, key: &'static str, value: Decimal) -> &mut Self {
        self.key(key);
        self.buf.push(b'"');
        push_decimal(self.buf, value);
        self.buf.push(b'"');
        self
    }

    #[inline(always)]
    pub fn null(&mut self, key: &'static str) -> &mut Self {
        self.key(key);
        self.buf.extend_from_slice(b"null");
        self
    }

    /// A nested object as the value of `key`, filled by `fill`.
    pub fn object(&mut self, key: &'static str, fill: impl FnOnce(&mut JsonObject)) -> &mut Self {
        self.key(key);
        let mut inner = JsonObject::begin(self.buf);
        fill(&mut inner);
        inner.end();
        self
    }

    /// Closes the object.
    pub fn end(self) {
        self.buf.push(b'}');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_serde_json_writes() {
        let path = "dir/\"quoted\"\\é\n.md";
        let mut buf = Vec::new();
        let mut obj = JsonObject::begin(&mut buf);
        obj.raw("path", &quoted(path))
            .uint("start", 12_345)
            .word("kind", "count")
            .str("text", "31,4\u{a0}millions d’euros\t")
            .decimal("value", "31400000.00".parse().unwrap())
            .null("figure")
            .object("fix", |o| {
                o.uint("end", 0).str("replacement", "");
            });
        obj.end();
        let expected = serde_json::json!({
            "path": path,
            "start": 12_345,
            "kind": "count",
            "text": "31,4\u{a0}millions d’euros\t",
            "value": "31400000",
            "figure": null,
            "fix": {"end": 0, "replacement": ""},
        });
        // serde_json's `Value` keeps keys sorted; compare as values, then the exact bytes of
        // the one string that needs escaping.
        let written: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(written, expected);
        let text = String::from_utf8(buf).unwrap();
        assert!(text.starts_with(r#"{"path":"dir/\"quoted\"\\é\n.md","start":12345,"#));
        assert!(text.ends_with(r#""figure":null,"fix":{"end":0,"replacement":""}}"#));
    }

    #[test]
    fn decimals_as_rust_decimal_writes_them() {
        let mut values: Vec<Decimal> = [
            "0",
            "-0",
            "0.000",
            "1",
            "-1",
            "41",
            "60.0",
            "31400000",
            "0.5",
            "-0.05",
            "0.0001",
            "12.345",
            "1100.00",
            "-7.30",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "0.0000000000000000000000000001",
            "7.9228162514264337593543950335",
        ]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
        values.push(Decimal::new(-0, 5));
        values.push(Decimal::from_i128_with_scale(123_000, 28));
        for value in values {
            let mut buf = Vec::new();
            push_decimal(&mut buf, value);
            assert_eq!(
                String::from_utf8(buf).unwrap(),
                value.normalize().to_string(),
                "{value:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn any_decimal_as_rust_decimal_writes_it(mantissa: i128, scale in 0u32..=28) {
            let mantissa = mantissa % 79_228_162_514_264_337_593_543_950_335;
            let value = Decimal::from_i128_with_scale(mantissa, scale);
            let mut buf = Vec::new();
            push_decimal(&mut buf, value);
            proptest::prop_assert_eq!(String::from_utf8(buf).unwrap(), value.normalize().to_string());
        }
    }

    #[test]
    fn an_empty_object() {
        let mut buf = Vec::new();
        JsonObject::begin(&mut buf).end();
        assert_eq!(buf, b"{}");
    }
}
