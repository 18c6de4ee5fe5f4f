//! Whether a claim is consistent with a figure, in exact decimal arithmetic.
//!
//! - exact: the figure rounded to the claim's stated precision gives the claim (or, when the
//!   figure has a `tolerance`, it lies within it: `tolerance = "0"` demands the exact value);
//! - approx: within 5 % of the claim's value or the rounding rule, whichever is wider (or the
//!   figure's tolerance);
//! - above/below: strict bounds; at_least/at_most: bound included; range: ends included.
//!
//! A share ("one in three", "½") is compared with a percentage figure as a percentage, and a
//! whole number followed by a points word ("3 points") with a percentage-point figure as
//! percentage points ([`in_units_of`]).

use std::borrow::Cow;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::extract::{Claim, Qualifier};
use crate::ledger::Figure;
use crate::pack::Unit;

/// A quotient of at most 1 ("one in three", "3 out of 10", "½"): the share of something.
pub fn is_share(claim: &Claim) -> bool {
    claim.style.ratio && (Decimal::ZERO..=Decimal::ONE).contains(&claim.value)
}

/// Whether `claim` can be judged against `figure` at all: the same unit, except that
/// - a figure without a unit also takes a measured count ("421 kilomètres de pistes" against
///   a figure of 412 with no unit: the contract lets a measurement unit stand for "count");
/// - a share compares with a count between 0 and 1 or a percentage up to 100, never with other
///   counts ("about ½ of the 1,240 stations" states no number of stations);
/// - and the other way round, a count figure strictly between 0 and 1 (a share) takes no count
///   above 1: the "four" of "one household in four" states no share of 0.25;
/// - a whole number followed by a points word ("reculé de 3 points") compares with a
///   percentage-point figure too ([`Claim::points_after`]).
pub fn comparable(claim: &Claim, figure: &Figure) -> bool {
    if claim.points_after && figure.unit == Unit::Points {
        return true;
    }
    if !is_share(claim) {
        let share_figure = figure.unit == Unit::Count
            && figure.value > Decimal::ZERO
            && figure.value < Decimal::ONE;
        if share_figure && claim.value > Decimal::ONE {
            return false;
        }
        return figure.unit == claim.unit
            || (figure.unit == Unit::Count && matches!(claim.unit, Unit::Measure(_)));
    }
    match figure.unit {
        Unit::Count => (Decimal::ZERO..=Decimal::ONE).contains(&figure.value),
        Unit::Percent => (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&figure.value),
        _ => false,
    }
}

/// The claim as it compares with `figure`: a share against a percentage figure reads as a
/// percentage ("one in three" is 33.3…, precise to 1), anything else as it is.
pub fn in_units_of<'c>(claim: &'c Claim, figure: &Figure) -> Cow<'c, Claim> {
    if claim.points_after && figure.unit == Unit::Points {
        let mut c = claim.clone();
        c.unit = Unit::Points;
        c.kind = crate::extract::Kind::Percent;
        return Cow::Owned(c);
    }
    if !(is_share(claim) && figure.unit == Unit::Percent) {
        return Cow::Borrowed(claim);
    }
    let hundred = Decimal::ONE_HUNDRED;
    let mut c = claim.clone();
    c.value = claim.value.checked_mul(hundred).unwrap_or(claim.value);
    c.exp = claim.exp + 2;
    c.high = claim
        .high
        .map(|(h, e)| (h.checked_mul(hundred).unwrap_or(h), e + 2));
    c.unit = Unit::Percent;
    Cow::Owned(c)
}

/// 10^exp for exp in -28..=28, or `None` beyond what a decimal holds.
pub fn pow10(exp: i32) -> Option<Decimal> {
    if exp.unsigned_abs() > 28 {
        return None;
    }
    if exp >= 0 {
        Some(Decimal::from_i128_with_scale(10i128.pow(exp as u32), 0))
    } else {
        Some(Decimal::new(1, exp.unsigned_abs()))
    }
}

/// `value` rounded to a multiple of 10^exp (half away from zero), or with `strategy`.
pub fn round_to(value: Decimal, exp: i32, strategy: RoundingStrategy) -> Option<Decimal> {
    if exp <= 0 {
        return Some(value.round_dp_with_strategy(exp.unsigned_abs(), strategy));
    }
    let step = pow10(exp)?;
    // value / 10^exp is the same digits at a greater scale: exact, and no division (which was
    // most of the cost of judging a claim against a big ledger's candidates).
    let mut q = value;
    let q = match q.set_scale(value.scale() + exp.unsigned_abs()) {
        Ok(()) => q,
        Err(_) => value.checked_div(step)?,
    };
    q.round_dp_with_strategy(0, strategy).checked_mul(step)
}

/// Both rounded at the claim's precision: a claim written with its own digits is already
/// rounded; a quotient ("one in three" = 0.333…, precise to 0.1) is not.
fn rounds_to(figure: Decimal, claim: Decimal, exp: i32) -> bool {
    let round = |v| round_to(v, exp, RoundingStrategy::MidpointAwayFromZero);
    round(figure).is_some_and(|f| Some(f) == round(claim))
}

/// The place an exact claim is compared with `figure` at: its precision, but a figure with
/// fewer digits than that place is rounded at its own first digit's: "10 jours" against 5 is
/// no rounding of 5 (its trailing zero made it precise to 10, so 5 to 14 agreed), while "100"
/// against 96 and "10,000" against 9,600 still are.
fn exact_exp(claim: &Claim, figure: Decimal) -> i32 {
    let trailing_zeros = claim.exp > written_exp(claim);
    match pow10(claim.exp) {
        Some(p) if trailing_zeros && figure.abs() < p => claim.exp - 1,
        _ => claim.exp,
    }
}

fn five_percent(value: Decimal) -> Decimal {
    (value * Decimal::new(5, 2)).abs()
}

/// |a - b|, saturating at the largest decimal (values at both ends of the range can be far apart).
fn gap(a: Decimal, b: Decimal) -> Decimal {
    a.checked_sub(b).map_or(Decimal::MAX, |d| d.abs())
}

/// True when `claim` is consistent with `figure` (units are checked elsewhere).
pub fn consistent(claim: &Claim, figure: &Figure) -> bool {
    let claim = in_units_of(claim, figure);
    if let Some(high) = figure.high {
        return consistent_with_range(&claim, figure, high);
    }
    let f = figure.value;
    let c = claim.value;
    let tol = figure.tolerance.map(|t| t.width(f));
    match claim.qualifier {
        Qualifier::Exact => match tol {
            Some(w) => gap(f, c) <= w,
            None => rounds_to(f, c, exact_exp(&claim, f)),
        },
        Qualifier::Approx => match tol {
            Some(w) => gap(f, c) <= w,
            None => rounds_to(f, c, claim.exp) || gap(f, c) <= five_percent(c),
        },
        Qualifier::Above => f > c && near_bound(&claim, f),
        Qualifier::Below => f < c && near_bound(&claim, f),
        Qualifier::AtLeast => f >= c && near_bound(&claim, f),
        Qualifier::AtMost => f <= c && near_bound(&claim, f),
        Qualifier::Range => {
            let high = claim.high.map_or(c, |(h, _)| h);
            c <= f && f <= high
        }
    }
}

/// Whether a positive figure stands near enough a bound to be what it bounds: within the
/// bound's stated precision or half the bound, whichever is wider. "moins de 15 %" against
/// 4 % (a slip of "moins de 5 %") and "up to 300,000" against 30,000 are true and misstate
/// the figure; "less than 10%" against 4.2, "under 1%" against 0.3, "more than 2,000" against
/// 2,450 and "plus de 50 %" against 72 stand. A departure from the contract, whose bounds agree
/// with every figure beyond them. (A zero or negative bound or figure keeps the contract's
/// reading.)
fn near_bound(claim: &Claim, f: Decimal) -> bool {
    let c = claim.value;
    if c <= Decimal::ZERO || f <= Decimal::ZERO {
        return true;
    }
    let step = pow10(claim.exp).unwrap_or(Decimal::ZERO);
    let reach = step.max(c / Decimal::TWO);
    gap(f, c) <= reach
}

/// Whether `claim` agrees with a range figure, `figure.value` to `high`: a range claim states
/// both ends, each judged as an exact claim is ("entre 4 et 8 %" against 4 to 6 does not agree,
/// though 4 lies within it); another claim agrees when some value of the range agrees with it
/// ("5 %", "environ 5 %"), a bound when all do ("plus de 3 %", "au moins 4 %").
fn consistent_with_range(claim: &Claim, figure: &Figure, high: Decimal) -> bool {
    let low = figure.value;
    let end = |value: Decimal, exp: i32, f: Decimal| match figure.tolerance {
        Some(t) => gap(f, value) <= t.width(f),
        None => rounds_to(f, value, exp),
    };
    let (lo, hi) = interval(claim);
    let meets = lo.is_none_or(|lo| lo <= high) && hi.is_none_or(|hi| low <= hi);
    match claim.qualifier {
        Qualifier::Range => {
            let (h, h_exp) = claim.high.unwrap_or((claim.value, claim.exp));
            end(claim.value, claim.exp, low) && end(h, h_exp, high)
        }
        Qualifier::Exact | Qualifier::Approx => meets,
        Qualifier::Above => low > claim.value,
        Qualifier::AtLeast => low >= claim.value,
        Qualifier::Below => high < claim.value,
        Qualifier::AtMost => high <= claim.value,
    }
}

/// The values a claim allows, as a closed interval (`None` = unbounded), for `inconsistent`.
pub fn interval(claim: &Claim) -> (Option<Decimal>, Option<Decimal>) {
    let c = claim.value;
    let half = pow10(claim.exp).map_or(Decimal::ZERO, |s| s / Decimal::TWO);
    match claim.qualifier {
        Qualifier::Exact => (c.checked_sub(half), c.checked_add(half)),
        Qualifier::Approx => {
            let w = half.max(five_percent(c));
            (c.checked_sub(w), c.checked_add(w))
        }
        Qualifier::Above | Qualifier::AtLeast => (Some(c), None),
        Qualifier::Below | Qualifier::AtMost => (None, Some(c)),
        Qualifier::Range => (Some(c), Some(claim.high.map_or(c, |(h, _)| h))),
    }
}

/// True when two claims' intervals overlap, so both could be roundings of one number (rounding
/// intervals are half-open: "140" and "150" share no number).
pub fn intervals_meet(a: &Claim, b: &Claim) -> bool {
    let (alo, ahi) = interval(a);
    let (blo, bhi) = interval(b);
    let le = |x: Option<Decimal>, y: Option<Decimal>| match (x, y) {
        (Some(x), Some(y)) => x < y,
        _ => true,
    };
    le(alo, bhi) && le(blo, ahi)
}

/// The value to write instead of the claim's, at the claim's precision and keeping its hedge,
/// or `None` when no value at that precision would be consistent (then the figure itself).
///
/// Where an exact claim's precision comes from trailing zeros ("640" is precise to 10) and the
/// figure rounded there would turn a digit the claim wrote into a zero ("640" against 604 would
/// become "600"), the figure is written to the next place that keeps a digit, down to the claim's
/// last written one: "604". A table of whole numbers is not rewritten with a rounder one, and
/// "13,000" against 12,412 is still "12,000"; a figure below the claim's precision is written at
/// its own first digit ("$90m" against 9 million: "$9m", not "$10m"), and one exactly one place
/// finer than the claim as it is ("1,5 Md€" against 1,05 Md€: "1,05 Md€", not "1,1 Md€"). A
/// hedged claim is a rounding: "environ 90" against 704 is "environ 700".
pub fn suggested_value(claim: &Claim, figure: &Figure) -> Decimal {
    let claim = &*in_units_of(claim, figure);
    let f = figure.value;
    let mut exp = claim.exp;
    // A strict bound on a figure that sits on the claim's own step moves one place finer where
    // the claim wrote a zero: "moins de 10" against 20 is "moins de 21", not "moins de 30";
    // "more than 2,000" against 2,000 is "more than 1,900", not "more than 1,000" (a bound of
    // `init`'s, "moins de 11" written 10, was told to become "moins de 20"). "over 55%"
    // against 50 stays "over 49%". (The mismatch rule writes a bound on the figure itself
    // with an inclusive hedge instead, "at least 2,000"; this is its value otherwise.)
    let strict = matches!(claim.qualifier, Qualifier::Above | Qualifier::Below);
    if strict && exp > written_exp(claim) && round_to(f, exp, RoundingStrategy::ToZero) == Some(f) {
        exp -= 1;
    }
    let candidate = match claim.qualifier {
        Qualifier::Approx => round_to(f, exp, RoundingStrategy::MidpointAwayFromZero),
        Qualifier::Exact => {
            let nearest = |e| round_to(f, e, RoundingStrategy::MidpointAwayFromZero);
            let last_digit = |v: Decimal, e| {
                pow10(e)
                    .and_then(|p| v.checked_div(p))
                    .map(|m| m.trunc() % Decimal::TEN)
            };
            let mut v = nearest(exp);
            let written = written_exp(claim);
            // (The claim's own digit there is never a zero: its trailing zeros set `exp`.) A
            // figure below the claim's precision is not rounded up into it either: "$90m"
            // against 9 million is "$9m", not "$10m".
            let below = |e| pow10(e).is_some_and(|p| f.abs() < p);
            while exp > written
                && v.is_some_and(|v| {
                    !v.is_zero() && (last_digit(v, exp) == Some(Decimal::ZERO) || below(exp))
                })
            {
                exp -= 1;
                v = nearest(exp);
            }
            // A figure one place finer than the claim is written as it is: "1,5 Md€" against
            // 1,05 Md€ dropped a digit, and "1,1 Md€" would publish a figure nobody approved.
            if v != Some(f) && nearest(exp - 1) == Some(f) {
                exp -= 1;
                v = Some(f);
            }
            v
        }
        Qualifier::Above | Qualifier::AtLeast | Qualifier::Below | Qualifier::AtMost => {
            let lower = matches!(claim.qualifier, Qualifier::Above | Qualifier::AtLeast);
            let bound_at = |e: i32| {
                let step = pow10(e).unwrap_or(Decimal::ONE);
                let (strategy, strict) = match lower {
                    true => (
                        RoundingStrategy::ToNegativeInfinity,
                        claim.qualifier == Qualifier::Above,
                    ),
                    false => (
                        RoundingStrategy::ToPositiveInfinity,
                        claim.qualifier == Qualifier::Below,
                    ),
                };
                round_to(f, e, strategy).map(|v| match (strict, lower) {
                    (true, true) if v >= f => v.checked_sub(step).unwrap_or(v),
                    (true, false) if v <= f => v.checked_add(step).unwrap_or(v),
                    _ => v,
                })
            };
            // A bound is true a whole step away, and says little there: "more than 2,000"
            // against 1,950 would become "more than 1,000". It moves one place finer while it
            // stands more than a tenth of the figure away, down to the claim's last written
            // digit: "more than 1,900".
            let written = written_exp(claim);
            let far = |v: Decimal| {
                v.checked_sub(f)
                    .and_then(|gap| gap.abs().checked_mul(Decimal::TEN))
                    .is_some_and(|gap| gap > f.abs())
            };
            let mut v = bound_at(exp);
            while exp > written && v.is_some_and(far) {
                exp -= 1;
                v = bound_at(exp);
            }
            v
        }
        Qualifier::Range => None,
    };
    match candidate {
        // A figure that rounds to nothing at the claim's precision is written in full: "0.0"
        // would be consistent, and useless.
        Some(v) if v.is_zero() && !f.is_zero() => f,
        Some(v) => {
            let mut probe = claim.clone();
            probe.value = v;
            probe.exp = exp;
            if consistent(&probe, figure) {
                v
            } else {
                f
            }
        }
        None => f,
    }
}

/// The place of the last digit the claim wrote (its scale applied): "640" 0, "12 000" 0, "20
/// millions" 6, where the stated precision is 1, 3 and 7. A decimal, words or a quotient state
/// every digit they write: their precision.
fn written_exp(claim: &Claim) -> i32 {
    let style = &claim.style;
    if style.words || style.ratio || style.frac_digits > 0 {
        return claim.exp;
    }
    match claim.value.checked_div(claim.scale) {
        // Its trailing zeros, which `exp` counts as places of precision.
        Some(m) if m.fract().is_zero() => claim.exp - crate::extract::numeral::integer_exp(m),
        _ => claim.exp,
    }
}

/// The ratio "k in n" that `claim`, a ratio, could be restated as to agree with `figure`
/// (judged as the claim is: its hedge, one place finer than n resolves). In order: over the
/// claim's own denominator, in lowest terms unless it is ten or a hundred ("trois sur cinq"
/// against 0.4: 2 sur 5; "trois quarts" against 0.5 is not 2 sur 4), one in a whole number (0.25:
/// 1 in 4; 0.33, a third rounded: 1 in 3), over the smallest denominator up to ten (0.75: 3 in 4;
/// 0.3: 3 in 10, as "1 in 3" reads 0.33), over a hundred (0.45: 45 in 100). `None` when no such
/// ratio agrees, or for money.
pub fn restated_ratio(claim: &Claim, figure: &Figure) -> Option<(Decimal, Decimal)> {
    let share = match figure.unit {
        Unit::Count => figure.value,
        Unit::Percent => figure.value / Decimal::ONE_HUNDRED,
        _ => return None,
    };
    if share <= Decimal::ZERO || share >= Decimal::ONE {
        return None;
    }
    let agrees = |k: Decimal, n: Decimal| {
        let mut probe = claim.clone();
        probe.value = k.checked_div(n)?;
        probe.exp = crate::extract::numeral::quotient_exp(n);
        probe.high = None;
        probe.style.ratio = true;
        consistent(&probe, figure).then_some((k, n))
    };
    // k = share × n to the nearest whole number, where k in n agrees with the figure: a
    // ledger's 0.67 is "2 in 3" (2.01 in 3), not only "67 in 100".
    let over = |n: Decimal| {
        let k = share.checked_mul(n)?.round();
        (k >= Decimal::ONE).then(|| agrees(k, n)).flatten()
    };
    let whole = Decimal::ONE.checked_div(share)?.round();
    let one_in = || {
        (whole >= Decimal::TWO && whole <= Decimal::ONE_THOUSAND)
            .then(|| agrees(Decimal::ONE, whole))
            .flatten()
    };
    // Over the claim's own denominator in lowest terms, or out of ten or a hundred, the bases
    // of "6 sur 10": "trois quarts" against 0.5 is "1 sur 2", not "2 sur 4".
    let lowest = |(k, n): (Decimal, Decimal)| {
        if n == Decimal::TEN || n == Decimal::ONE_HUNDRED {
            return Some((k, n));
        }
        let (mut a, mut b) = (k.trunc(), n.trunc());
        while !b.is_zero() {
            (a, b) = (b, a % b);
        }
        (a == Decimal::ONE).then_some((k, n))
    };
    claim
        .style
        .denominator
        .and_then(over)
        .and_then(lowest)
        .or_else(one_in)
        .or_else(|| (2..=10).find_map(|n| over(Decimal::from(n))))
        .or_else(|| over(Decimal::ONE_HUNDRED))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Kind, Style};
    use crate::ledger::Tolerance;
    use crate::pack::Unit;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn claim(value: &str, exp: i32, qualifier: Qualifier) -> Claim {
        Claim {
            span: 0..1,
            numeral: 0..1,
            kind: Kind::Count,
            value: d(value),
            exp,
            high: None,
            unit: Unit::Count,
            qualifier,
            scale: Decimal::ONE,
            style: Style::default(),
            pack: 0,
            sentence: 0,
            unit_from: None,
            points_after: false,
        }
    }

    fn figure(value: &str) -> Figure {
        Figure {
            id: "f".into(),
            value: d(value),
            high: None,
            unit: Unit::Count,
            about: vec!["x".into()],
            when: vec![],
            tolerance: None,
            source: None,
            file: 0,
            span: 0..1,
        }
    }

    #[test]
    fn rounding_at_the_stated_precision() {
        // "31,4 millions" is consistent with 31 412 000, not 31 460 000.
        let c = claim("31400000", 5, Qualifier::Exact);
        assert!(consistent(&c, &figure("31412000")));
        assert!(!consistent(&c, &figure("31460000")));
        assert!(consistent(
            &claim("140", 1, Qualifier::Exact),
            &figure("141")
        ));
        assert!(!consistent(
            &claim("14", 0, Qualifier::Exact),
            &figure("41")
        ));
    }

    #[test]
    fn a_bound_agrees_only_near_what_it_bounds() {
        let agrees = |value: &str, exp: i32, q: Qualifier, f: &str| {
            consistent(&claim(value, exp, q), &figure(f))
        };
        // Slips that left the bound true: "moins de 5 %" written 15, "up to 30,000" 300,000,
        // "5,000+" written 3,000+ (the figure more than half the bound beyond it).
        assert!(!agrees("15", 0, Qualifier::Below, "4"));
        assert!(!agrees("300000", 5, Qualifier::AtMost, "30000"));
        assert!(!agrees("3000", 3, Qualifier::AtLeast, "5001"));
        assert!(!agrees("1000", 3, Qualifier::Above, "5000"));
        // Within the bound's precision or half of it: round bounds stand.
        assert!(agrees("5", 0, Qualifier::Below, "4"));
        assert!(agrees("5", 0, Qualifier::Below, "3.2"));
        assert!(agrees("10", 1, Qualifier::Below, "4.2"));
        assert!(agrees("1", 0, Qualifier::Below, "0.3"));
        assert!(agrees("2000", 3, Qualifier::Above, "2450"));
        assert!(agrees("50", 1, Qualifier::Above, "72"));
        assert!(agrees("60", 1, Qualifier::Above, "62.5"));
        // Beyond the bound on the wrong side is no agreement either; a negative figure keeps
        // the contract's reading.
        assert!(!agrees("60", 1, Qualifier::Above, "58"));
        assert!(agrees("0", 0, Qualifier::Below, "-12"));
    }

    #[test]
    fn a_range_figure_holds_both_ends() {
        let mut f = figure("4");
        f.high = Some(d("6"));
        let range = |low: &str, high: &str| {
            let mut c = claim(low, 0, Qualifier::Range);
            c.high = Some((d(high), 0));
            c
        };
        // "entre 4 et 8 %" agreed with a figure of 4 (the low end alone was kept).
        assert!(consistent(&range("4", "6"), &f));
        assert!(!consistent(&range("4", "8"), &f));
        assert!(!consistent(&range("3", "6"), &f));
        // One value agrees where the range holds it; a bound where the whole range keeps it.
        assert!(consistent(&claim("5", 0, Qualifier::Exact), &f));
        assert!(!consistent(&claim("8", 0, Qualifier::Exact), &f));
        assert!(consistent(&claim("3", 0, Qualifier::Above), &f));
        assert!(!consistent(&claim("5", 0, Qualifier::Above), &f));
        assert!(consistent(&claim("6", 0, Qualifier::AtMost), &f));
        assert!(!consistent(&claim("6", 0, Qualifier::Below), &f));
    }

    #[test]
    fn a_figure_with_fewer_digits_is_no_rounding_of_a_round_number() {
        // "10 jours" against 5: the trailing zero made "10" precise to 10, so 5 to 14 agreed.
        let ten = claim("10", 1, Qualifier::Exact);
        for f in ["5", "9", "9.4"] {
            assert!(!consistent(&ten, &figure(f)), "{f}");
        }
        for f in ["9.5", "10", "14"] {
            assert!(consistent(&ten, &figure(f)), "{f}");
        }
        // Rounded at its own first digit's place, a figure still agrees with a round number.
        assert!(consistent(
            &claim("100", 2, Qualifier::Exact),
            &figure("96")
        ));
        assert!(consistent(
            &claim("10000", 4, Qualifier::Exact),
            &figure("9600")
        ));
        assert!(!consistent(
            &claim("10000", 4, Qualifier::Exact),
            &figure("5400")
        ));
        // A hedge still allows its 5 %, and the rounding at the stated place.
        assert!(consistent(&claim("10", 1, Qualifier::Approx), &figure("5")));
    }

    #[test]
    fn a_quotient_is_compared_at_its_denominators_precision() {
        // "one in three" (0.333…, precise to 0.01) is 0.33 or 0.333, not 0.3 or 0.25.
        let third = claim("0.3333333333333333333333333333", -2, Qualifier::Exact);
        assert!(consistent(&third, &figure("0.33")));
        assert!(consistent(&third, &figure("0.333")));
        assert!(!consistent(&third, &figure("0.3")));
        assert!(!consistent(&third, &figure("0.25")));
        // "about one in three": within 5 %.
        let about = claim("0.3333333333333333333333333333", -2, Qualifier::Approx);
        assert!(consistent(&about, &figure("0.32")));
        assert!(!consistent(&about, &figure("0.3")));
    }

    #[test]
    fn a_share_compares_with_a_percentage_as_one() {
        let mut third = claim("0.3333333333333333333333333333", -2, Qualifier::Exact);
        third.style.ratio = true;
        let percent = |v: &str| Figure {
            unit: Unit::Percent,
            ..figure(v)
        };
        // 33.3… precise to 1: 33.4 % and 33 % agree, 25 % and 35 % do not.
        assert!(consistent(&third, &percent("33.4")));
        assert!(consistent(&third, &percent("33")));
        assert!(!consistent(&third, &percent("25")));
        assert!(!consistent(&third, &percent("35")));
        assert_eq!(in_units_of(&third, &percent("33")).exp, 0);
        // A count figure is compared as it is; a number that is no quotient is never scaled.
        assert!(!consistent(&third, &figure("33")));
        let plain = claim("0.5", -1, Qualifier::Exact);
        assert!(matches!(
            in_units_of(&plain, &percent("50")),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn hedges() {
        assert!(consistent(
            &claim("60", 1, Qualifier::Above),
            &figure("62.5")
        ));
        assert!(!consistent(
            &claim("60", 1, Qualifier::Above),
            &figure("58")
        ));
        assert!(!consistent(
            &claim("60", 1, Qualifier::Above),
            &figure("60")
        ));
        assert!(consistent(
            &claim("60", 1, Qualifier::AtLeast),
            &figure("60")
        ));
        assert!(consistent(
            &claim("140", 1, Qualifier::Approx),
            &figure("146")
        ));
        assert!(!consistent(
            &claim("140", 1, Qualifier::Approx),
            &figure("190")
        ));
        let mut r = claim("10", 1, Qualifier::Range);
        r.high = Some((d("20"), 1));
        assert!(consistent(&r, &figure("20")));
        assert!(!consistent(&r, &figure("21")));
    }

    #[test]
    fn tolerance_replaces_rounding() {
        let mut f = figure("141");
        f.tolerance = Some(Tolerance::Absolute(Decimal::ZERO));
        assert!(!consistent(&claim("140", 1, Qualifier::Exact), &f));
        f.tolerance = Some(Tolerance::Relative(d("0.02")));
        assert!(consistent(&claim("138.5", -1, Qualifier::Exact), &f));
    }

    #[test]
    fn suggestions_keep_precision_and_hedge() {
        assert_eq!(
            suggested_value(&claim("190", 1, Qualifier::Approx), &figure("140")),
            d("140")
        );
        assert_eq!(
            suggested_value(&claim("70", 1, Qualifier::Above), &figure("62.5")),
            d("60")
        );
        assert_eq!(
            suggested_value(&claim("31500000", 5, Qualifier::Exact), &figure("31412000")),
            d("31400000")
        );
        // A strict bound on the figure itself: one place finer.
        assert_eq!(
            suggested_value(&claim("60", 1, Qualifier::Above), &figure("60")),
            d("59")
        );
        assert_eq!(
            suggested_value(&claim("10", 1, Qualifier::Below), &figure("10")),
            d("11")
        );
        assert_eq!(
            suggested_value(&claim("2000", 3, Qualifier::Above), &figure("2000")),
            d("1900")
        );
        // Not where the claim wrote its own last digit: "over 55%" against 50 is "over 49%".
        assert_eq!(
            suggested_value(&claim("55", 0, Qualifier::Above), &figure("50")),
            d("49")
        );
        // A bound a whole step away says little: "more than 2,000" against 1,950 is "more than
        // 1,900", not "more than 1,000"; "fewer than 1,100" against 1,150 is "fewer than 1,200",
        // not "fewer than 2,000"; "plus de 90 %" against 48 is "plus de 47 %".
        assert_eq!(
            suggested_value(&claim("2000", 3, Qualifier::Above), &figure("1950")),
            d("1900")
        );
        assert_eq!(
            suggested_value(&claim("2000", 3, Qualifier::AtLeast), &figure("1950")),
            d("1900")
        );
        assert_eq!(
            suggested_value(&claim("1100", 2, Qualifier::Below), &figure("1150")),
            d("1200")
        );
        assert_eq!(
            suggested_value(&claim("90", 1, Qualifier::Above), &figure("48")),
            d("47")
        );
        // Within a tenth of the figure it stays at the claim's precision: "up to 1,000" against
        // 1,950 is "up to 2,000"; "more than 70" against 62.5 "more than 60".
        assert_eq!(
            suggested_value(&claim("1000", 3, Qualifier::AtMost), &figure("1950")),
            d("2000")
        );
    }

    #[test]
    fn a_suggestion_keeps_the_digits_a_whole_number_wrote() {
        // "640" (precise to 10) against 604: "604", not "600", whose zero the claim did not write.
        assert_eq!(
            suggested_value(&claim("640", 1, Qualifier::Exact), &figure("604")),
            d("604")
        );
        // A hedged claim is a rounding: "environ 90" against 704 is "environ 700".
        assert_eq!(
            suggested_value(&claim("90", 1, Qualifier::Approx), &figure("704")),
            d("700")
        );
        // In a column of millions: the digit written is the place of a million.
        let mut cell = claim("640000000", 7, Qualifier::Exact);
        cell.scale = d("1000000");
        assert_eq!(suggested_value(&cell, &figure("604000000")), d("604000000"));
        // One place finer is enough: "13,000" against 10,412 is "10,400".
        assert_eq!(
            suggested_value(&claim("13000", 3, Qualifier::Exact), &figure("10412")),
            d("10400")
        );
        // A rounding that keeps a digit stays at the claim's precision: "12,000", "1,300".
        assert_eq!(
            suggested_value(&claim("13000", 3, Qualifier::Exact), &figure("12412")),
            d("12000")
        );
        assert_eq!(
            suggested_value(&claim("1200", 2, Qualifier::Exact), &figure("1302")),
            d("1300")
        );
        // A figure below the claim's precision is not rounded up into it: "200" against 96 is
        // "96" (was "100"), "$90m" against 9 million "$9m" (was "$10m").
        assert_eq!(
            suggested_value(&claim("200", 2, Qualifier::Exact), &figure("96")),
            d("96")
        );
        let mut amount = claim("90000000", 7, Qualifier::Exact);
        amount.scale = d("1000000");
        assert_eq!(suggested_value(&amount, &figure("9000000")), d("9000000"));
        // A figure exactly one place finer is written as it is: "1,5" against 1,05 dropped a
        // digit ("1,05", not "1,1"); "20 %" against 47 % is "47 %", not "50 %". Two places
        // finer is a rounding: "1,1" against 1,051.
        assert_eq!(
            suggested_value(&claim("1.5", -1, Qualifier::Exact), &figure("1.05")),
            d("1.05")
        );
        assert_eq!(
            suggested_value(&claim("20", 1, Qualifier::Exact), &figure("47")),
            d("47")
        );
        assert_eq!(
            suggested_value(&claim("1.5", -1, Qualifier::Exact), &figure("1.051")),
            d("1.1")
        );
    }

    #[test]
    fn intervals() {
        let a = claim("140", 1, Qualifier::Exact);
        let b = claim("150", 1, Qualifier::Exact);
        assert!(!intervals_meet(&a, &b));
        assert!(intervals_meet(&a, &claim("145", 0, Qualifier::Exact)));
    }

    #[test]
    fn a_ratio_is_restated_as_one_that_agrees() {
        let ratio = claim("0.5", -2, Qualifier::Exact);
        let n = |value: &str, unit: Unit| {
            let mut f = figure(value);
            f.unit = unit;
            restated_ratio(&ratio, &f).map(|(k, n)| format!("{k} in {n}"))
        };
        assert_eq!(n("0.25", Unit::Count).as_deref(), Some("1 in 4"));
        assert_eq!(n("20", Unit::Percent).as_deref(), Some("1 in 5"));
        // A third or a seventh, rounded by the ledger: "1 in 3" agrees with 0.33.
        assert_eq!(n("0.33", Unit::Count).as_deref(), Some("1 in 3"));
        assert_eq!(n("0.14", Unit::Count).as_deref(), Some("1 in 7"));
        // Else over the smallest denominator up to ten, or a hundred: "1 in 3" reads as 0.33,
        // which 0.3 is not.
        assert_eq!(n("0.3", Unit::Count).as_deref(), Some("3 in 10"));
        assert_eq!(n("0.9", Unit::Count).as_deref(), Some("9 in 10"));
        assert_eq!(n("0.75", Unit::Count).as_deref(), Some("3 in 4"));
        assert_eq!(n("45", Unit::Percent).as_deref(), Some("45 in 100"));
        // A ledger's rounded two thirds: the nearest whole number over three agrees.
        assert_eq!(n("0.67", Unit::Count).as_deref(), Some("2 in 3"));
        assert_eq!(n("0.667", Unit::Count).as_deref(), Some("2 in 3"));
        assert_eq!(n("66.7", Unit::Percent).as_deref(), Some("2 in 3"));
        // Over the claim's own denominator first: "8 in 10" against 0.6 is "6 in 10" (not
        // "3 in 5"); where the figure is no number of tenths, as above ("1 in 4").
        let mut tenths = claim("0.8", -2, Qualifier::Exact);
        tenths.style.denominator = Some(Decimal::TEN);
        let mut f = figure("0.6");
        assert_eq!(
            restated_ratio(&tenths, &f),
            Some((Decimal::from(6), Decimal::TEN))
        );
        f.value = d("0.25");
        assert_eq!(
            restated_ratio(&tenths, &f),
            Some((Decimal::ONE, Decimal::from(4)))
        );
        // In lowest terms: "trois quarts" against 0.5 is "1 in 2", not "2 in 4".
        let mut quarters = claim("0.75", -2, Qualifier::Exact);
        quarters.style.denominator = Some(Decimal::from(4));
        f.value = d("0.5");
        assert_eq!(
            restated_ratio(&quarters, &f),
            Some((Decimal::ONE, Decimal::TWO))
        );
        // No such ratio, a whole, nothing, or money.
        assert_eq!(n("0.123", Unit::Count), None);
        assert_eq!(n("1", Unit::Count), None);
        assert_eq!(n("0", Unit::Count), None);
        assert_eq!(n("0.5", Unit::Currency(std::sync::Arc::from("EUR"))), None);
    }
}
