//! Reading one numeral, written in digits ("12 000", "31,4", ",08") or in words ("vingt-cinq",
//! "two hundred thousand"), into an exact value and its stated precision.

use rust_decimal::Decimal;

use crate::pack::{LocalePack, NumWord, ScaleWord};
use crate::phrase::{skip_gap, PhraseMatch};

/// How a numeral was written; kept so that a fix can write another value the same way.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Style {
    /// Written in words ("six", "trois millions").
    pub words: bool,
    pub decimal_sep: Option<char>,
    pub group_sep: Option<char>,
    /// Digits written after the decimal separator.
    pub frac_digits: u32,
    /// Digits written before it, separators aside.
    pub int_digits: u32,
}

/// A numeral: its span, value (scale words spelled inside it applied) and precision.
#[derive(Debug, Clone)]
pub struct Numeral {
    pub start: usize,
    pub end: usize,
    pub value: Decimal,
    /// The stated precision is 10^exp.
    pub exp: i32,
    pub style: Style,
    /// Ends with a scale word ("trois millions"): "de"/"d'" may follow before a unit.
    pub scaled: bool,
    /// An approximate scale word ("une centaine").
    pub approx: bool,
}

/// The exponent of the last significant digit of an integer written without decimals: trailing
/// zeros are not significant ("12 000" is precise to 1 000).
pub fn integer_exp(value: Decimal) -> i32 {
    let mut v = value.trunc().abs();
    if v.is_zero() {
        return 0;
    }
    let ten = Decimal::TEN;
    let mut exp = 0;
    while (v % ten).is_zero() {
        v /= ten;
        exp += 1;
    }
    exp
}

fn digit_run(bytes: &[u8], pos: usize) -> usize {
    bytes[pos..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// Digits accumulated into an exact decimal without allocating: at most 28 significant digits.
#[derive(Default)]
struct Mantissa {
    value: u128,
    digits: u32,
    overflow: bool,
}

impl Mantissa {
    fn push(&mut self, ascii_digits: &[u8]) {
        for d in ascii_digits {
            if self.digits == 0 && *d == b'0' {
                continue;
            }
            self.digits += 1;
            if self.digits > 28 {
                self.overflow = true;
                return;
            }
            self.value = self.value * 10 + u128::from(d - b'0');
        }
    }
}

/// Reads a numeral in digits at `pos` (a digit, or a decimal separator before one).
pub fn digits_at(text: &str, pos: usize, pack: &LocalePack) -> Option<Numeral> {
    let bytes = text.as_bytes();
    let mut mantissa = Mantissa::default();
    let mut p = pos;
    let mut style = Style::default();
    let lead = digit_run(bytes, p);
    mantissa.push(&bytes[p..p + lead]);
    style.int_digits = lead as u32;
    p += lead;
    // Groups of exactly three digits after a grouping separator; the first group has 1–3.
    if (1..=3).contains(&lead) {
        while let Some(c) = text[p..].chars().next() {
            if !pack.group.contains(&c) || style.group_sep.is_some_and(|g| g != c) {
                break;
            }
            let q = p + c.len_utf8();
            if digit_run(bytes, q) != 3 {
                break;
            }
            mantissa.push(&bytes[q..q + 3]);
            style.int_digits += 3;
            style.group_sep = Some(c);
            p = q + 3;
        }
    }
    // Decimal part: the pack's separator, or the other of "," and "." where it cannot group
    // ("31.4" in a French text, "1,5" in an English one).
    if let Some(c) = text[p..].chars().next() {
        let frac = if c.is_ascii() {
            digit_run(bytes, p + 1)
        } else {
            0
        };
        let is_decimal = pack.decimal.contains(&c)
            || (matches!(c, ',' | '.') && style.group_sep != Some(c) && lead > 0 && frac != 3);
        if is_decimal && frac > 0 {
            mantissa.push(&bytes[p + 1..p + 1 + frac]);
            style.decimal_sep = Some(c);
            style.frac_digits = frac as u32;
            p += 1 + frac;
        }
    }
    if p == pos || mantissa.overflow || style.frac_digits > 28 {
        return None;
    }
    let value =
        Decimal::try_from_i128_with_scale(mantissa.value as i128, style.frac_digits).ok()?;
    let exp = if style.frac_digits > 0 {
        -(style.frac_digits as i32)
    } else {
        integer_exp(value)
    };
    Some(Numeral {
        start: pos,
        end: p,
        value,
        exp,
        style,
        scaled: false,
        approx: false,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    None,
    Small(u64),
    Hundred,
    Scale(u64),
}

/// Reads a numeral in words at `pos`; `None` when the words are no claim on their own ("un",
/// "the" + "two" is checked by the caller).
pub fn words_at(text: &str, pos: usize, pack: &LocalePack) -> Option<Numeral> {
    let mut total: u128 = 0;
    let mut current: u128 = 0;
    let mut last = Last::None;
    let mut end = None;
    let mut p = pos;
    let mut only_determiners = true;
    let mut lead_pending = false;
    let mut approx = false;
    let mut pending_connector = false;
    let mut last_scale: Option<u64> = None;
    let mut first = true;
    let mut ended_scaled = false;
    loop {
        if !first {
            p = skip_gap(text, p, true);
        }
        let Some(PhraseMatch {
            end: m_end, value, ..
        }) = pack.numbers.match_at(text, p)
        else {
            break;
        };
        let ok = match *value {
            NumWord::Connector => {
                if first || pending_connector || matches!(last, Last::None) {
                    false
                } else {
                    pending_connector = true;
                    p = m_end;
                    first = false;
                    continue;
                }
            }
            NumWord::Small {
                value: v,
                determiner,
                lead_only,
            } => {
                let v = v as u128;
                let fits = match last {
                    Last::None | Last::Scale(_) => current == 0,
                    Last::Small(prev) => {
                        (prev == 10 && v < 10 && v > 0)
                            || (prev >= 20 && prev % 10 == 0 && v > 0 && v < 20)
                    }
                    Last::Hundred => current % 100 == 0 && v < 100,
                };
                if !fits || (lead_only && !first) || lead_pending {
                    false
                } else {
                    current += v;
                    last = Last::Small(v as u64);
                    if !determiner {
                        only_determiners = false;
                    }
                    lead_pending = lead_only;
                    ended_scaled = false;
                    true
                }
            }
            NumWord::Hundred => {
                if current >= 100 || matches!(last, Last::Hundred) {
                    false
                } else {
                    current = current.max(1) * 100;
                    last = Last::Hundred;
                    only_determiners = false;
                    lead_pending = false;
                    ended_scaled = false;
                    true
                }
            }
            NumWord::Scale(ScaleWord {
                value: s,
                alone,
                approx: a,
                ..
            }) => {
                let smaller = last_scale.is_none_or(|l| s < l);
                if !smaller || (current == 0 && !alone) {
                    false
                } else {
                    total += current.max(1) * s as u128;
                    current = 0;
                    last = Last::Scale(s);
                    last_scale = Some(s);
                    only_determiners = false;
                    lead_pending = false;
                    approx |= a;
                    ended_scaled = true;
                    true
                }
            }
        };
        if !ok {
            break;
        }
        pending_connector = false;
        first = false;
        p = m_end;
        end = Some(m_end);
        if total > 10u128.pow(27) {
            return None;
        }
    }
    let end = end?;
    if only_determiners || lead_pending {
        return None;
    }
    let mut value = Decimal::from_i128_with_scale((total + current) as i128, 0);
    let mut exp = integer_exp(value);
    let mut end = end;
    if let Last::Scale(s) = last {
        let q = skip_gap(text, end, true);
        if let Some(m) = pack.half_after.match_at(text, q) {
            value += Decimal::from(s) / Decimal::TWO;
            exp = integer_exp(value);
            end = m.end;
        }
    }
    Some(Numeral {
        start: pos,
        end,
        value,
        exp,
        style: Style {
            words: true,
            ..Style::default()
        },
        scaled: ended_scaled,
        approx,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Packs;

    fn digits(text: &str, pack: usize) -> (String, i32, String) {
        let packs = Packs::builtin().unwrap();
        let n = digits_at(text, 0, packs.get(pack)).unwrap();
        (n.value.to_string(), n.exp, text[n.start..n.end].to_string())
    }

    fn words(text: &str, pack: usize) -> Option<(String, i32, String)> {
        let packs = Packs::builtin().unwrap();
        let n = words_at(text, 0, packs.get(pack))?;
        Some((
            n.value.normalize().to_string(),
            n.exp,
            text[n.start..n.end].to_string(),
        ))
    }

    #[test]
    fn separators_follow_the_pack() {
        assert_eq!(digits("1,100 x", 1), ("1100".into(), 2, "1,100".into()));
        assert_eq!(digits("1,100 x", 0), ("1.100".into(), -3, "1,100".into()));
        assert_eq!(digits("12\u{202F}000 x", 0).0, "12000");
        assert_eq!(digits("12 000 x", 0), ("12000".into(), 3, "12 000".into()));
        assert_eq!(digits("94.000 $", 0).0, "94000");
        assert_eq!(
            digits("31,4 millions", 0),
            ("31.4".into(), -1, "31,4".into())
        );
        assert_eq!(digits("4.800", 1).0, "4.800");
        assert_eq!(digits("2019 140", 0).2, "2019");
        assert_eq!(digits("1,234,567.5", 1).0, "1234567.5");
    }

    #[test]
    fn words_compose() {
        let fr = |t| words(t, 0).map(|w| w.0);
        assert_eq!(fr("vingt-cinq"), Some("25".into()));
        assert_eq!(fr("soixante et onze"), Some("71".into()));
        assert_eq!(fr("quatre-vingt-dix-sept"), Some("97".into()));
        assert_eq!(fr("deux cent mille"), Some("200000".into()));
        assert_eq!(fr("trois millions deux cent mille"), Some("3200000".into()));
        assert_eq!(fr("un million et demi"), Some("1500000".into()));
        assert_eq!(fr("mille"), Some("1000".into()));
        assert_eq!(fr("un"), None);
        assert_eq!(fr("million"), None);
        assert_eq!(fr("six prochains"), Some("6".into()));
        let en = |t| words(t, 1).map(|w| w.0);
        assert_eq!(en("twenty-five"), Some("25".into()));
        assert_eq!(en("two hundred thousand"), Some("200000".into()));
        assert_eq!(en("a dozen"), Some("12".into()));
        assert_eq!(en("a"), None);
        assert_eq!(en("one hundred and six"), Some("106".into()));
        assert_eq!(en("two and"), Some("2".into()));
        assert_eq!(words("three four", 1).unwrap().2, "three");
    }
}
