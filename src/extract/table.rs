//! Units a table states once, in a header: "Revenue (£m)", "Montant (en M€)", "Taux (%)".
//!
//! Financial tables write the unit and scale in a column's header, or in a row's first cell when
//! the columns are years, and bare numbers in the cells: "412" under "Revenue (£m)" is
//! £412 million, not a count of 412. A number in a body cell that states no unit or scale of its
//! own, in a cell with no words, takes the unit its column's header states, else the one its
//! row's first cell states. Its numeral stays "412" (the scale is the header's), so a fix writes
//! only the digits. Such a cell that is one number in brackets is an accountant's negative:
//! "(12.4)" under "Net cash (£m)" is −£12.4m.
//!
//! What a header states is read by the extractor itself, with the cell's language pack: the last
//! bracketed part of the header ("(£m)", "[%]"), or the whole header when it is a short one
//! without digits ("%", "M€"), with or without its first word ("en %", "in thousands"), is read
//! as the unit of a "1" ("£1m", "1 M€", "1%"); it states a unit when that reads as one claim of
//! that "1", from the start, words after it allowed ("% du PIB", "m passengers"). No word of any
//! language is named here. "(m)" is read as "1m", a million where the pack reads "54m" so
//! (English), before "1 m", a metre.

use std::collections::HashMap;
use std::ops::Range;

use rust_decimal::Decimal;

use super::{Claim, Extraction, Kind, Qualifier, Scanner};
use crate::pack::{LocalePack, Unit};
use crate::source::Document;

/// What a header states: the unit, and the scale its numbers are multiplied by.
#[derive(Debug, Clone, PartialEq)]
struct HeaderUnit {
    unit: Unit,
    kind: Kind,
    factor: Decimal,
    /// `factor` is 10^exp (a number's stated precision moves by as much).
    exp: i32,
}

/// The units of a document's headers, each header read once per pack.
#[derive(Default)]
pub struct HeaderUnits {
    read: HashMap<(usize, usize), Option<HeaderUnit>>,
}

impl HeaderUnits {
    /// Gives the claims `claims` of the sentence `sentence` (a table body cell, or not) the unit
    /// its headers state, where they state none of their own.
    pub fn apply(
        &mut self,
        doc: &Document,
        sentence: &Range<usize>,
        pack: &LocalePack,
        pack_idx: usize,
        out: &mut Extraction,
        from: usize,
    ) {
        let claims = &mut out.claims[from..];
        if claims.is_empty() {
            return;
        }
        let Some(cell) = doc.cell_at(sentence.start) else {
            return;
        };
        if !numbers_only(&doc.prose[sentence.clone()], sentence.start, claims) {
            return;
        }
        let mut stated = |head: &Option<Range<usize>>| {
            let head = head.as_ref()?;
            self.read
                .entry((head.start, pack_idx))
                .or_insert_with(|| header_unit(&doc.prose[head.clone()], pack, pack_idx))
                .clone()
                .map(|unit| (unit, head.clone()))
        };
        let Some((unit, head)) = stated(&cell.column_head).or_else(|| stated(&cell.row_head))
        else {
            return;
        };
        // An accountant's negative: a cell that is one number in brackets, "(12.4)" under
        // "Net cash (£m)", is −£12.4m. The brackets become part of the claim: "write “(12.4)”",
        // not "write “12.4”" beside them.
        let prose = &doc.prose[sentence.clone()];
        let cell_text = prose.trim();
        let cell_start = sentence.start + (prose.len() - prose.trim_start().len());
        let bracketed = claims.len() == 1
            && cell_text
                .strip_prefix('(')
                .and_then(|t| t.strip_suffix(')'))
                .is_some_and(|inner| inner.trim() == &doc.prose[claims[0].span.clone()]);
        for claim in claims.iter_mut().filter(|c| bare(c)) {
            let sign = if bracketed && claim.high.is_none() {
                -Decimal::ONE
            } else {
                Decimal::ONE
            };
            let scaled = |v: Decimal, exp: i32| {
                Some((
                    v.checked_mul(unit.factor)?.checked_mul(sign)?,
                    exp + unit.exp,
                ))
            };
            let Some((value, exp)) = scaled(claim.value, claim.exp) else {
                continue;
            };
            let high = match claim.high {
                Some((h, e)) => match scaled(h, e) {
                    Some(h) => Some(h),
                    None => continue,
                },
                None => None,
            };
            claim.value = value;
            claim.exp = exp;
            claim.high = high;
            claim.scale = unit.factor;
            claim.unit = unit.unit.clone();
            claim.kind = unit.kind;
            claim.unit_from = Some(head.clone());
            if sign.is_sign_negative() {
                claim.span = cell_start..cell_start + cell_text.len();
            }
        }
    }
}

/// A count with no unit, no scale word, and no quotient ("one in three" is no number of £m).
fn bare(claim: &Claim) -> bool {
    claim.unit == Unit::Count && claim.scale == Decimal::ONE && !claim.style.ratio
}

/// Whether the cell `text` (starting at `offset`) holds nothing but its claims, signs and
/// marks: "412", "1 204,5", "412 (398)", "−0,8*"; not "12 agencies", whose count is of agencies.
fn numbers_only(text: &str, offset: usize, claims: &[Claim]) -> bool {
    // The gaps around the claims, in text order.
    let starts = std::iter::once(offset).chain(claims.iter().map(|c| c.span.end));
    let ends = claims
        .iter()
        .map(|c| c.span.start)
        .chain([offset + text.len()]);
    !starts.zip(ends).any(|(a, b)| {
        text[a - offset..b - offset]
            .chars()
            .any(char::is_alphabetic)
    })
}

/// What the header `text` states as a unit, read with `pack`.
fn header_unit(text: &str, pack: &LocalePack, pack_idx: usize) -> Option<HeaderUnit> {
    let text = text.trim();
    let bracketed = [('(', ')'), ('[', ']')]
        .into_iter()
        .find_map(|(open, close)| {
            let inner = &text[text.rfind(open)? + open.len_utf8()..];
            Some(inner[..inner.find(close)?].trim())
        });
    let whole = (text.len() <= 12 && !text.bytes().any(|b| b.is_ascii_digit())).then_some(text);
    bracketed
        .into_iter()
        .chain(whole)
        .flat_map(|u| {
            // "en %", "in thousands": the unit may follow a word.
            let after_word = u
                .split_once(' ')
                .filter(|(w, rest)| w.chars().all(char::is_alphabetic) && !rest.trim().is_empty())
                .map(|(_, rest)| rest.trim());
            [Some(u), after_word]
        })
        .flatten()
        .filter(|u| !u.is_empty())
        .find_map(|u| read_unit(u, pack, pack_idx))
}

/// `unit` read as the unit of a "1": "£m" as "£1m", "m" as "1m", "M€" as "1 M€", "%" as "1%".
fn read_unit(unit: &str, pack: &LocalePack, pack_idx: usize) -> Option<HeaderUnit> {
    // Each text to read, and where its "1" stands.
    let ones = match pack.currency_before.match_at(unit, 0) {
        Some(m) => {
            let (symbol, rest) = (&unit[..m.end], unit[m.end..].trim_start());
            let at = symbol.len();
            if rest.is_empty() {
                vec![(format!("{symbol}1"), at)]
            } else {
                vec![
                    (format!("{symbol}1{rest}"), at),
                    (format!("{symbol}1 {rest}"), at),
                ]
            }
        }
        // Glued first: "(m)" is read as "1m" (a million, where the pack says so, as in "£54m")
        // before "1 m" (a metre).
        None => vec![(format!("1{unit}"), 0), (format!("1 {unit}"), 0)],
    };
    ones.iter().find_map(|(one, at)| {
        let scanner = Scanner {
            text: one,
            span: 0..one.len(),
            pack,
            not_claims: None,
        };
        let mut found = Extraction::default();
        scanner.scan(0, pack_idx, &mut found);
        let [claim] = found.claims.as_slice() else {
            return None;
        };
        // The claim is the "1" with a unit or a scale, from the start; words may follow it
        // ("% du PIB", "m passengers"). The numeral must be the "1" itself: "(2023 = 100)"
        // read as "12023 = 100" states nothing.
        let states_something = claim.unit != Unit::Count || claim.value > Decimal::ONE;
        (claim.span.start == 0
            && claim.numeral == (*at..at + 1)
            && claim.high.is_none()
            // "(en milliers)": a scale word that hedges in prose ("des milliers") states a
            // scale in a header.
            && matches!(claim.qualifier, Qualifier::Exact | Qualifier::Approx)
            && claim.value > Decimal::ZERO
            && states_something)
            .then(|| HeaderUnit {
                unit: claim.unit.clone(),
                kind: claim.kind,
                factor: claim.value,
                exp: claim.exp,
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Packs;
    use crate::segment::{segment, LocaleChoice};
    use crate::source::Format;

    /// (text, kind, value, unit, exp) of each claim of the Markdown `text`, languages detected.
    fn claims(text: &str) -> Vec<(String, &'static str, String, String, i32)> {
        let packs = Packs::builtin().unwrap();
        let doc = Document::new("t.md", text.to_string(), Format::Markdown);
        let sentences = segment(&doc, &packs, LocaleChoice::Auto, 0);
        super::super::extract(&doc, &sentences, &packs)
            .claims
            .into_iter()
            .map(|c| {
                (
                    doc.text[c.span].to_string(),
                    c.kind.as_str(),
                    c.value.normalize().to_string(),
                    c.unit.as_str().to_string(),
                    c.exp,
                )
            })
            .collect()
    }

    fn row(
        text: &str,
        kind: &'static str,
        value: &str,
        unit: &str,
        exp: i32,
    ) -> (String, &'static str, String, String, i32) {
        (text.into(), kind, value.into(), unit.into(), exp)
    }

    #[test]
    fn a_column_header_states_the_unit_of_its_bare_numbers() {
        let got = claims(
            "The results for the year are below.\n\n\
             | Segment | Revenue (£m) | Passengers (m) | Punctuality (%) | Trains |\n\
             |---|---:|---:|---:|---:|\n\
             | Intercity | 1,204.5 | 58.2 | 87.5% | 412 |\n\
             | Regional | £98m | 12 agencies | 9 in 10 | 7 |\n",
        );
        assert_eq!(
            got,
            vec![
                row("1,204.5", "amount", "1204500000", "GBP", 5),
                row("58.2", "count", "58200000", "count", 5),
                // Its own unit: the header's changes nothing.
                row("87.5%", "percent", "87.5", "%", -1),
                // "Trains" states no unit.
                row("412", "count", "412", "count", 0),
                row("£98m", "amount", "98000000", "GBP", 6),
                // A cell with words counts what they say; a ratio is no number of millions.
                row("12", "count", "12", "count", 0),
                row("9 in 10", "count", "0.9", "count", -2),
                row("7", "count", "7", "count", 0),
            ]
        );
    }

    #[test]
    fn a_row_head_states_it_when_the_columns_are_years() {
        let got = claims(
            "Les comptes de la région sont les suivants.\n\n\
             | Poste | 2025 | 2026 |\n|---|---:|---:|\n\
             | Montant (en M€) | 31,4 | 29,8 |\n\
             | Effectifs (en milliers) | 1,1 | 1 |\n\
             | Variation [%] | +2,5 | −0,8 |\n\
             | Pistes (km) | 1 240 | 1 310 |\n",
        );
        assert_eq!(
            got,
            vec![
                row("31,4", "amount", "31400000", "EUR", 5),
                row("29,8", "amount", "29800000", "EUR", 5),
                row("1,1", "count", "1100", "count", 2),
                row("1", "count", "1000", "count", 3),
                row("+2,5", "percent", "2.5", "%", -1),
                row("−0,8", "percent", "-0.8", "%", -1),
                row("1 240", "count", "1240", "km", 1),
                row("1 310", "count", "1310", "km", 1),
            ]
        );
    }

    #[test]
    fn a_column_header_wins_over_a_row_head() {
        // The row says what is counted in £m; its change column says %.
        let got = claims(
            "The results for the year are below.\n\n\
             | | 2025 | Change (%) |\n|---|---:|---:|\n\
             | Revenue (£m) | 412 | 3.5 |\n",
        );
        assert_eq!(
            got,
            vec![
                row("412", "amount", "412000000", "GBP", 6),
                row("3.5", "percent", "3.5", "%", -1),
            ]
        );
    }

    #[test]
    fn a_number_in_brackets_is_an_accountants_negative() {
        let got = claims(
            "The cash flows for the year are below.\n\n\
             | | 2025 | 2024 |\n|---|---:|---:|\n\
             | Net cash (£m) | (12.4) | 8.0 |\n\
             | Range (£m) | (10–12) | 412 (398) |\n\
             | Trains | (7) | 3 |\n",
        );
        assert_eq!(
            got,
            vec![
                row("(12.4)", "amount", "-12400000", "GBP", 5),
                row("8.0", "amount", "8000000", "GBP", 5),
                // A range in brackets is no negative; two numbers in a cell neither.
                row("10–12", "amount", "10000000", "GBP", 7),
                row("412", "amount", "412000000", "GBP", 6),
                row("398", "amount", "398000000", "GBP", 6),
                // Without a unit from a header, brackets are only brackets.
                row("7", "count", "7", "count", 0),
                row("3", "count", "3", "count", 0),
            ]
        );
    }

    #[test]
    fn headers_that_state_no_unit() {
        let packs = Packs::builtin().unwrap();
        let (en, fr) = (packs.find("en").unwrap(), packs.find("fr").unwrap());
        let read = |text: &str, pack: usize| header_unit(text, packs.get(pack), pack);
        for header in [
            "Trains",
            "2025",
            "Share of total, %",
            "(number)",
            "Staff (FTE)",
            "Notes (see below)",
            "",
        ] {
            assert_eq!(read(header, en), None, "{header}");
        }
        assert_eq!(read("Crédits 2026", fr), None);
        // Its last bracket, or the whole of a short header.
        let unit = |text: &str, pack: usize| {
            read(text, pack).map(|u| (u.unit.as_str().to_string(), u.factor.to_string()))
        };
        assert_eq!(unit("Revenue (2024, £bn)", en), None);
        assert_eq!(
            unit("Revenue (2024) (£bn)", en),
            Some(("GBP".into(), "1000000000".into()))
        );
        assert_eq!(unit("%", en), Some(("%".into(), "1".into())));
        assert_eq!(unit("M€", fr), Some(("EUR".into(), "1000000".into())));
        assert_eq!(
            unit("Budget (millions d'euros)", fr),
            Some(("EUR".into(), "1000000".into()))
        );
        assert_eq!(
            unit("Cost (€ million)", en),
            Some(("EUR".into(), "1000000".into()))
        );
        assert_eq!(
            unit("Staff (in thousands)", en),
            Some(("count".into(), "1000".into()))
        );
        assert_eq!(unit("Change (pp)", en), Some(("pp".into(), "1".into())));
        // Words may follow the unit; a "1" read as part of another number states nothing.
        assert_eq!(
            unit("Dette (en % du PIB)", fr),
            Some(("%".into(), "1".into()))
        );
        assert_eq!(unit("Debt (% of GDP)", en), Some(("%".into(), "1".into())));
        assert_eq!(
            unit("Journeys (m passengers)", en),
            Some(("count".into(), "1000000".into()))
        );
        assert_eq!(unit("Index (2023 = 100)", en), None);
        assert_eq!(unit("Share (1 in 4)", en), None);
    }
}
