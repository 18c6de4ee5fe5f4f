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
    /// A quotient ("one in three", "½"): no decimal a fix could write states it the same way.
    pub ratio: bool,
    /// Indian grouping ("12,34,567"): a fix groups the same way.
    pub lakh: bool,
    /// A quotient's denominator as written ("trois sur cinq": 5, "two thirds": 3): a help that
    /// restates the ratio keeps it where it can.
    pub denominator: Option<Decimal>,
    /// A share in words ("two thirds", "la moitié"): a help restates it in the pack's share
    /// words, not as "3 in 4".
    pub share: bool,
    /// A word that is a multiple on its own ("twice"): no numeral a fix could write there.
    pub multiple_word: bool,
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
    /// Only a determiner ("un", "one", "a"): a claim only with a unit ("un euro").
    pub determiner_only: bool,
}

/// The exponent of the last significant digit of an integer written without decimals: trailing
/// zeros are not significant ("12 000" is precise to 1 000).
pub fn integer_exp(value: Decimal) -> i32 {
    // On the mantissa: Decimal's own division is slow, and this runs for every numeral.
    let whole = value.trunc();
    let mut m = whole.mantissa().unsigned_abs();
    if m == 0 {
        return 0;
    }
    let mut zeros = 0;
    // In 64 bits where it fits: a 128-bit division is a library call, a 64-bit one by 10 a
    // multiplication.
    match u64::try_from(m) {
        Ok(mut small) => {
            while small % 10 == 0 {
                small /= 10;
                zeros += 1;
            }
        }
        Err(_) => {
            while m % 10 == 0 {
                m /= 10;
                zeros += 1;
            }
        }
    }
    zeros - whole.scale() as i32
}

/// The value and stated precision of a Unicode fraction sign ("½", "⅔"): characters that read
/// like digits, the same in every language, so they are not pack data.
pub fn fraction_sign(c: char) -> Option<(Decimal, i32)> {
    let (n, d): (u32, u32) = match c {
        '½' => (1, 2),
        '⅓' => (1, 3),
        '⅔' => (2, 3),
        '¼' => (1, 4),
        '¾' => (3, 4),
        '⅕' => (1, 5),
        '⅖' => (2, 5),
        '⅗' => (3, 5),
        '⅘' => (4, 5),
        '⅙' => (1, 6),
        '⅚' => (5, 6),
        '⅐' => (1, 7),
        '⅛' => (1, 8),
        '⅜' => (3, 8),
        '⅝' => (5, 8),
        '⅞' => (7, 8),
        '⅑' => (1, 9),
        '⅒' => (1, 10),
        _ => return None,
    };
    let d = Decimal::from(d);
    Some((Decimal::from(n) / d, quotient_exp(d)))
}

/// The stated precision of a quotient: one place finer than the place its denominator resolves
/// ("3 out of 10", "one in three" and "⅔" to 0.01, "1 in 21" to 0.001). The denominator's own
/// place would let "one in three" stand for 25 % (0.25 rounds to 0.3); an editor reads it as
/// about 33 %.
pub fn quotient_exp(denominator: Decimal) -> i32 {
    let below = (denominator - Decimal::ONE).trunc().abs();
    -(below.to_string().len() as i32) - 1
}

/// A fraction sign alone at `pos` ("½").
pub fn fraction_sign_at(text: &str, pos: usize) -> Option<Numeral> {
    let c = text[pos..].chars().next()?;
    let (value, exp) = fraction_sign(c)?;
    Some(quotient_numeral(pos..pos + c.len_utf8(), value, exp, false))
}

/// A quotient written at `span` as one sign ("½") or in words ("half of"): `value`, precise
/// to `10^exp`.
pub fn quotient_numeral(
    span: std::ops::Range<usize>,
    value: Decimal,
    exp: i32,
    words: bool,
) -> Numeral {
    Numeral {
        start: span.start,
        end: span.end,
        value,
        exp,
        style: Style {
            ratio: true,
            words,
            ..Style::default()
        },
        scaled: false,
        approx: false,
        determiner_only: false,
    }
}

/// Where the scale word starts that a fraction ending at `end` multiplies: right after it
/// ("three quarters billion"), or after an article ("half a million"), "of" ("un quart de
/// million", `[units] of`) or both ("a quarter of a million").
fn scale_after_fraction(text: &str, end: usize, pack: &LocalePack) -> Option<usize> {
    let is_scale = |at: usize| {
        matches!(
            pack.numbers.match_at(text, at).map(|m| *m.value),
            Some(NumWord::Scale(_))
        )
    };
    let g = skip_gap(text, end, true);
    if is_scale(g) {
        return Some(g);
    }
    let g = match pack.of.match_at(text, g) {
        Some(of) => skip_gap(text, of.end, true),
        None => g,
    };
    // "un quart de million".
    if is_scale(g) {
        return Some(g);
    }
    match pack.numbers.match_at(text, g) {
        Some(PhraseMatch {
            end: e,
            value: NumWord::Small {
                lead_only: true, ..
            },
            ..
        }) => {
            let after = skip_gap(text, e, true);
            is_scale(after).then_some(after)
        }
        _ => None,
    }
}

pub(super) fn digit_run(bytes: &[u8], pos: usize) -> usize {
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
            let mut q = p + c.len_utf8();
            // A no-break space written as an entity ("2&#8239;400") is padded with spaces
            // to the entity's length in the prose (see `source`).
            if !c.is_ascii() {
                q += bytes[q..].iter().take_while(|&&b| b == b' ').count();
            }
            if digit_run(bytes, q) != 3 {
                break;
            }
            mantissa.push(&bytes[q..q + 3]);
            style.int_digits += 3;
            style.group_sep = Some(c);
            p = q + 3;
        }
    }
    // Indian grouping, where the pack reads it: "12,34,567" (groups of two, then three).
    if pack.lakh_grouping && (1..=2).contains(&lead) && style.group_sep.is_none() {
        if let Some((groups, end, sep)) = lakh_groups(text, p, pack) {
            for &g in &groups {
                mantissa.push(&bytes[g..g + 2]);
            }
            mantissa.push(&bytes[end - 3..end]);
            style.int_digits = (lead + 2 * groups.len() + 3) as u32;
            style.group_sep = Some(sep);
            style.lakh = true;
            p = end;
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
    let mut value =
        Decimal::try_from_i128_with_scale(mantissa.value as i128, style.frac_digits).ok()?;
    let mut exp = if style.frac_digits > 0 {
        -(style.frac_digits as i32)
    } else {
        integer_exp(value)
    };
    // A fraction sign glued to a whole number: "2½".
    if style.frac_digits == 0 {
        if let Some((c, (part, part_exp))) = text[p..]
            .chars()
            .next()
            .and_then(|c| Some((c, fraction_sign(c)?)))
        {
            value = value.checked_add(part)?;
            exp = part_exp;
            style.ratio = true;
            p += c.len_utf8();
        }
    }
    Some(Numeral {
        start: pos,
        end: p,
        value,
        exp,
        style,
        scaled: false,
        approx: false,
        determiner_only: false,
    })
}

/// Whether a hundred word ("hundred", "cent") stands right after `end`.
/// A hundred word or a scale word after `end`.
fn multiplier_follows(text: &str, end: usize, pack: &LocalePack) -> bool {
    matches!(
        pack.numbers
            .match_at(text, skip_gap(text, end, true))
            .map(|m| *m.value),
        Some(NumWord::Hundred { .. } | NumWord::Scale(_))
    )
}

fn hundred_follows(text: &str, end: usize, pack: &LocalePack) -> bool {
    matches!(
        pack.numbers
            .match_at(text, skip_gap(text, end, true))
            .map(|m| *m.value),
        Some(NumWord::Hundred { .. })
    )
}

/// After the lead digits at `p`: one or more two-digit groups, then a last three-digit group,
/// all behind the same separator. Returns where the two-digit groups start, the end, and the
/// separator.
fn lakh_groups(text: &str, mut p: usize, pack: &LocalePack) -> Option<(Vec<usize>, usize, char)> {
    let bytes = text.as_bytes();
    let sep = text[p..]
        .chars()
        .next()
        .filter(|c| pack.group.contains(c))?;
    let w = sep.len_utf8();
    let mut groups = Vec::new();
    loop {
        if !text[p..].starts_with(sep) {
            return None;
        }
        let q = p + w;
        match digit_run(bytes, q) {
            2 => {
                groups.push(q);
                p = q + 2;
            }
            3 if !groups.is_empty() => return Some((groups, q + 3, sep)),
            _ => return None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    None,
    /// A number under 100 (words or digits), and the value it added.
    Small(Decimal),
    Hundred,
    Scale,
    Fraction,
}

/// How a composed numeral was built; decides whether the caller prefers it to plain digits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Composition {
    /// Numbers written (words or digit runs), scales aside.
    pub numbers: u32,
    pub hundreds: u32,
    pub scales: u32,
    pub fractions: u32,
    pub decimals: bool,
}

impl Composition {
    /// More than "digits [scale]": words compose with the digits ("3 hundred and 21").
    pub fn is_compound(&self) -> bool {
        self.numbers > 1 || self.hundreds > 0 || self.fractions > 0 || self.decimals
    }
}

/// A unit word alone so far (`current` is it, no digits, hundreds or scales) and now a tens word:
/// the shape of "one twenty-two", where the hundreds word is left out.
fn elided_hundred(prev: Decimal, v: Decimal, current: Decimal, comp: Composition) -> bool {
    current == prev
        && comp.hundreds == 0
        && comp.scales == 0
        && prev >= Decimal::ONE
        && prev < dec(10)
        && v >= dec(20)
        && v < dec(100)
        && (v % dec(10)).is_zero()
}

/// Whether a unit word (1 to 9) follows `end`: "one twenty" alone is two numbers, "one twenty
/// two" is one.
fn unit_word_follows(text: &str, end: usize, pack: &LocalePack) -> bool {
    matches!(
        pack.numbers
            .match_at(text, skip_gap(text, end, true))
            .map(|m| *m.value),
        Some(NumWord::Small { value: 1..=9, .. })
    )
}

fn dec(v: u64) -> Decimal {
    Decimal::from(v)
}

/// Decimals written as words after "point"/"virgule": digit by digit ("zero three" = .03) or as
/// one number ("seventy-one" = .71). Returns the fraction, its digit count and its end.
fn decimal_words(text: &str, pos: usize, pack: &LocalePack) -> Option<(Decimal, u32, usize)> {
    if text[pos..].starts_with(|c: char| c.is_ascii_digit()) {
        let bytes = text.as_bytes();
        let n = digit_run(bytes, pos);
        let mut m = Mantissa::default();
        m.push(&bytes[pos..pos + n]);
        if m.overflow || n > 28 {
            return None;
        }
        let frac = Decimal::try_from_i128_with_scale(m.value as i128, n as u32).ok()?;
        return Some((frac, n as u32, pos + n));
    }
    let mut digits: Vec<u64> = Vec::new();
    let mut p = pos;
    let mut end = pos;
    loop {
        let q = if digits.is_empty() {
            p
        } else {
            skip_gap(text, p, true)
        };
        match pack.numbers.match_at(text, q) {
            Some(PhraseMatch {
                end: e,
                value: NumWord::Small { value, .. },
                ..
            }) if *value < 10 => {
                digits.push(*value);
                p = e;
                end = e;
            }
            _ => break,
        }
    }
    if digits.is_empty() {
        // One number: "point seventy-one", "virgule cinquante deux".
        let (n, comp) = compose(text, pos, pack, false)?;
        if !n.value.is_integer() || n.value.is_zero() || comp.scales > 0 || comp.hundreds > 0 {
            return None;
        }
        let places = n.value.to_string().len() as u32;
        return Some((n.value / crate::pack::pow10(places), places, n.end));
    }
    let places = digits.len() as u32;
    let mut m = 0i128;
    for d in &digits {
        m = m * 10 + *d as i128;
    }
    Some((Decimal::from_i128_with_scale(m, places), places, end))
}

/// Reads a numeral in words at `pos`, digits allowed among the words ("4 thousand 3 hundred and
/// 21", "trente 3"); `None` when the words are no claim on their own (a lone "un", "million").
pub fn words_at(text: &str, pos: usize, pack: &LocalePack) -> Option<Numeral> {
    compose(text, pos, pack, true).map(|(n, _)| n)
}

/// Like [`words_at`], with how the numeral was built.
pub fn compose_at(text: &str, pos: usize, pack: &LocalePack) -> Option<(Numeral, Composition)> {
    compose(text, pos, pack, true)
}

fn compose(
    text: &str,
    pos: usize,
    pack: &LocalePack,
    allow_point: bool,
) -> Option<(Numeral, Composition)> {
    let mut total = Decimal::ZERO;
    let mut current = Decimal::ZERO;
    let mut last = Last::None;
    let mut last_scale: Option<Decimal> = None;
    let mut end = None;
    let mut p = pos;
    let mut only_determiners = true;
    let mut lead_pending = false;
    let mut approx = false;
    let mut after_connector = false;
    let mut first = true;
    let mut ended_scaled = false;
    let mut any_words = false;
    let mut frac_places: Option<u32> = None;
    let mut comp = Composition::default();
    let mut last_was_digits = false;
    // "and a" before "half": the article belongs to the fraction.
    let mut article_before_fraction = false;
    let hundred = dec(100);
    loop {
        let mut q = if first { p } else { skip_gap(text, p, true) };
        // "une dizaine de milliers", "une centaine de millions": the pack's "of" word between
        // an approximate scale and a larger one, which multiplies it.
        if approx && matches!(last, Last::Scale) {
            if let Some(of) = pack.of.match_at(text, q) {
                let r = skip_gap(text, of.end, true);
                let larger = matches!(
                    pack.numbers.match_at(text, r).map(|m| *m.value),
                    Some(NumWord::Scale(w)) if last_scale.is_some_and(|l| dec(w.value) > l)
                );
                if larger {
                    q = r;
                }
            }
        }
        // Digits among words: "4 thousand 3 hundred and 21".
        if text[q..].starts_with(|c: char| c.is_ascii_digit()) {
            let n = digits_at(text, q, pack)?;
            if n.style.group_sep.is_none() && n.style.int_digits > 1 && text[q..].starts_with('0') {
                break;
            }
            // A zero never joins ("4 thousand 3 hundred and 0" is two numbers), nor, after a
            // hundred, does a number that a hundred word follows ("3 hundred and 2 hundred").
            let fits = match last {
                Last::None => first,
                // "2 million 500 thousand", "4 thousand 3 hundred": digits after a scale join
                // only as a whole number that a hundred or a scale word follows; "€6bn and
                // 3.25%" and "£6bn and 300 jobs" are two numbers.
                Last::Scale => {
                    current.is_zero()
                        && !n.value.is_zero()
                        && n.value.is_integer()
                        && multiplier_follows(text, n.end, pack)
                }
                Last::Hundred => {
                    (current % hundred).is_zero()
                        && n.value < hundred
                        && n.value.is_integer()
                        && !n.value.is_zero()
                        && !hundred_follows(text, n.end, pack)
                }
                // "trente 3", but never digits after digits ("20 et 1" is two numbers).
                Last::Small(prev) => {
                    !last_was_digits
                        && !after_connector
                        && prev >= dec(20)
                        && (prev % dec(10)).is_zero()
                        && prev < hundred
                        && n.value < dec(10)
                        && n.value.is_integer()
                        && !n.value.is_zero()
                }
                Last::Fraction => false,
            };
            if !fits || frac_places.is_some() {
                break;
            }
            current = current.checked_add(n.value)?;
            last = Last::Small(n.value);
            if n.style.frac_digits > 0 {
                frac_places = Some(n.style.frac_digits);
            }
            only_determiners = false;
            lead_pending = false;
            after_connector = false;
            ended_scaled = false;
            comp.numbers += 1;
            first = false;
            last_was_digits = true;
            p = n.end;
            end = Some(n.end);
            continue;
        }
        let Some(PhraseMatch {
            end: m_end, value, ..
        }) = pack.numbers.match_at(text, q)
        else {
            break;
        };
        let ok = match *value {
            NumWord::Connector => {
                if first || after_connector || matches!(last, Last::None) {
                    false
                } else {
                    after_connector = true;
                    p = m_end;
                    first = false;
                    continue;
                }
            }
            NumWord::Point => {
                if !allow_point
                    || frac_places.is_some()
                    || matches!(last, Last::Scale | Last::Fraction)
                {
                    false
                } else {
                    let g = skip_gap(text, m_end, true);
                    match decimal_words(text, g, pack) {
                        Some((frac, places, e)) => {
                            current = current.checked_add(frac)?;
                            frac_places = Some(places);
                            comp.decimals = true;
                            only_determiners = false;
                            last = Last::Small(Decimal::ZERO);
                            p = e;
                            end = Some(e);
                            first = false;
                            any_words = true;
                            continue;
                        }
                        None => false,
                    }
                }
            }
            NumWord::Small {
                value: v,
                determiner,
                lead_only,
            } => {
                let v = dec(v);
                // "one twenty-two": the unit word before counts hundreds.
                let elided = pack.elided_hundreds
                    && !last_was_digits
                    && matches!(last, Last::Small(prev) if elided_hundred(prev, v, current, comp))
                    && unit_word_follows(text, m_end, pack);
                let fits = match last {
                    Last::None | Last::Scale => current.is_zero(),
                    // "20 et un" is two numbers: words never add up with digits before them.
                    Last::Small(_) if last_was_digits => false,
                    Last::Small(prev) => {
                        (prev == dec(10) && v < dec(10) && !v.is_zero())
                            || (prev >= dec(20)
                                && prev < hundred
                                && (prev % dec(10)).is_zero()
                                && !v.is_zero()
                                && v < dec(20))
                            || elided
                    }
                    Last::Hundred => {
                        (current % hundred).is_zero()
                            && v < hundred
                            && !hundred_follows(text, m_end, pack)
                    }
                    Last::Fraction => false,
                };
                // "five and a half million": an article after "and" that a fraction follows.
                let before_fraction = lead_only
                    && after_connector
                    && matches!(
                        pack.numbers
                            .match_at(text, skip_gap(text, m_end, true))
                            .map(|m| *m.value),
                        Some(NumWord::Fraction(_))
                    );
                let fits = fits || before_fraction;
                article_before_fraction = before_fraction;
                if !fits
                    || (lead_only && !first && !after_connector)
                    || lead_pending
                    || frac_places.is_some()
                {
                    false
                } else {
                    if elided {
                        current = current.checked_mul(hundred)?;
                        comp.hundreds += 1;
                    }
                    current = current.checked_add(v)?;
                    last = Last::Small(v);
                    if !determiner {
                        only_determiners = false;
                        comp.numbers += 1;
                    }
                    lead_pending = lead_only;
                    ended_scaled = false;
                    true
                }
            }
            NumWord::Hundred { alone } => {
                let after_digits = last_was_digits && !pack.hundreds_after_digits;
                // "322 hundred", "15 hundred": digits alone before the word multiply whole.
                let digits_alone = last_was_digits
                    && comp.numbers == 1
                    && comp.hundreds == 0
                    && comp.scales == 0
                    && current.is_integer();
                if after_digits
                    || (current.is_zero() && !alone)
                    || (current >= hundred && !digits_alone)
                    || matches!(last, Last::Hundred | Last::Fraction)
                    || frac_places.is_some() && current.is_zero()
                {
                    false
                } else {
                    current = current.max(Decimal::ONE).checked_mul(hundred)?;
                    last = Last::Hundred;
                    only_determiners = false;
                    lead_pending = false;
                    ended_scaled = false;
                    comp.hundreds += 1;
                    true
                }
            }
            NumWord::Scale(ScaleWord {
                value: s,
                alone,
                approx: a,
                ..
            }) => {
                let s = dec(s);
                let smaller = last_scale.is_none_or(|l| s < l);
                if !smaller && current.is_zero() && matches!(last, Last::Scale) {
                    // "three thousand millions": a larger scale multiplies the whole.
                    total = total.checked_mul(s)?;
                    last_scale = Some(s);
                    comp.scales += 1;
                    true
                } else if !smaller || (current.is_zero() && !alone) {
                    false
                } else {
                    // A scale under a hundred ("dozen") multiplies only the last small number:
                    // "three hundred and two dozen" is 300 + 2 × 12.
                    if let Last::Small(v) = last {
                        if s < hundred && current > v {
                            total = total.checked_add(current.checked_sub(v)?)?;
                            current = v;
                        }
                    }
                    let n = if current.is_zero() {
                        Decimal::ONE
                    } else {
                        current
                    };
                    total = total.checked_add(n.checked_mul(s)?)?;
                    current = Decimal::ZERO;
                    last = Last::Scale;
                    last_scale = Some(s);
                    only_determiners = false;
                    lead_pending = false;
                    approx |= a;
                    ended_scaled = true;
                    comp.scales += 1;
                    true
                }
            }
            NumWord::Fraction(f) => {
                // "three quarters billion" multiplies; "three quarters" with no scale after it
                // is a part of something, which the caller reads from the number before.
                let scale_follows = scale_after_fraction(text, m_end, pack).is_some();
                if matches!(last, Last::Small(_))
                    && last_scale.is_none()
                    && !after_connector
                    && !article_before_fraction
                    && !scale_follows
                {
                    break;
                }
                // "deux et demi": a fraction joined to a whole number adds to it; "two and a
                // half", "three quarters billion" multiply the number before ("a", "three");
                // "et demi" after a scale is that scale's.
                let joined = after_connector || article_before_fraction;
                match last {
                    Last::Small(_) if after_connector => {
                        current = current.checked_add(f)?;
                        true
                    }
                    Last::Small(v) => {
                        current = current.checked_sub(v)?.checked_add(v.checked_mul(f)?)?;
                        true
                    }
                    Last::Scale if after_connector => {
                        current = f;
                        true
                    }
                    Last::None if first => {
                        current = f;
                        true
                    }
                    _ => false,
                }
                .then(|| {
                    if joined && last_scale.is_none() {
                        frac_places = Some(f.normalize().scale());
                    }
                    last = Last::Fraction;
                    only_determiners = false;
                    lead_pending = false;
                    ended_scaled = false;
                    comp.fractions += 1;
                })
                .is_some()
            }
        };
        if !ok {
            break;
        }
        last_was_digits = false;
        any_words = true;
        after_connector = false;
        first = false;
        p = m_end;
        end = Some(m_end);
        // "half a million", "a quarter of a million": the article after a fraction is no
        // number of its own.
        if last == Last::Fraction {
            if let Some(scale) = scale_after_fraction(text, p, pack) {
                p = scale;
            }
        }
        if total > dec(10u64.pow(18)) * dec(10u64.pow(9)) {
            return None;
        }
    }
    let end = end?;
    if !any_words && comp.numbers <= 1 && comp.scales == 0 {
        return None;
    }
    // A lone "un", "one", "a" is no claim, but "un euro", "a dollar" are: the caller decides.
    let determiner_only = only_determiners || lead_pending;
    // A fraction left over after a scale word applies to that scale ("un million et demi").
    if last == Last::Fraction {
        match last_scale {
            Some(s) if !current.is_integer() || current < Decimal::ONE => {
                current = current.checked_mul(s)?
            }
            // A lone fraction ("quarter") is no number of its own: not read here.
            None if current < Decimal::ONE => return None,
            _ => {}
        }
    }
    let value = total.checked_add(current)?;
    if !value.is_integer() && frac_places.is_none() && last_scale.is_none() {
        return None;
    }
    let exp = match frac_places {
        Some(places) if last_scale.is_none() => -(places as i32),
        _ if value.is_integer() => integer_exp(value),
        _ => -(value.normalize().scale() as i32),
    };
    Some((
        Numeral {
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
            determiner_only,
        },
        comp,
    ))
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
    fn integer_exp_counts_trailing_zeros() {
        use std::str::FromStr;
        let e = |s: &str| integer_exp(Decimal::from_str(s).unwrap());
        assert_eq!(e("12000"), 3);
        assert_eq!(e("140"), 1);
        assert_eq!(e("7"), 0);
        assert_eq!(e("0"), 0);
        assert_eq!(e("-300"), 2);
        // The same integer held with a scale: the scale's zeros are no places.
        assert_eq!(e("12000.00"), 3);
        assert_eq!(e("1000000000000000000000000000"), 27);
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
        assert_eq!(
            fr("cinq milliards et trois quarts"),
            Some("5750000000".into())
        );
        assert_eq!(
            fr("deux cent virgule cinquante deux"),
            Some("200.52".into())
        );
        assert_eq!(fr("mille"), Some("1000".into()));
        let packs = Packs::builtin().unwrap();
        assert!(words_at("un", 0, packs.get(0)).unwrap().determiner_only);
        assert!(
            !words_at("un million", 0, packs.get(0))
                .unwrap()
                .determiner_only
        );
        assert_eq!(fr("million"), None);
        assert_eq!(fr("six prochains"), Some("6".into()));
        let en = |t| words(t, 1).map(|w| w.0);
        assert_eq!(en("twenty-five"), Some("25".into()));
        assert_eq!(en("two hundred thousand"), Some("200000".into()));
        assert_eq!(en("a dozen"), Some("12".into()));
        assert_eq!(en("three quarters billion"), Some("750000000".into()));
        // "of" and an article between a fraction and its scale.
        assert_eq!(en("a quarter of a million"), Some("250000".into()));
        assert_eq!(en("three quarters of a million"), Some("750000".into()));
        assert_eq!(fr("un quart de million"), Some("250000".into()));
        assert_eq!(en("five and a half million"), Some("5500000".into()));
        assert_eq!(en("two point zero three"), Some("2.03".into()));
        assert_eq!(en("3 hundred and 21"), Some("321".into()));
        assert_eq!(en("one hundred and six"), Some("106".into()));
        assert_eq!(en("two and"), Some("2".into()));
        assert_eq!(words("three four", 1).unwrap().2, "three");
        // Spoken hundreds: a unit word, a tens word and a unit word; not without the last one.
        assert_eq!(en("one twenty two"), Some("122".into()));
        assert_eq!(en("Nine ninety-nine"), Some("999".into()));
        assert_eq!(words("one twenty", 1).unwrap().2, "one");
        assert_eq!(words("two hundred twenty two", 1).unwrap().0, "222");
        assert_eq!(words("twenty one twenty two", 1).unwrap().2, "twenty one");
        // French says no such thing: "un vingt-deux" stays two numbers.
        assert_eq!(words("un vingt-deux", 0).map(|w| w.2), Some("un".into()));
    }
}
