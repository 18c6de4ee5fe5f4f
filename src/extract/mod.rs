//! Finding the numeric claims of a document: percentages, money amounts and counts.
//!
//! For each sentence, the extractor reads every numeral (digits or words) with what stands around
//! it, all taught by the sentence's language pack: a sign, a currency before or after, a scale word
//! ("millions", "M", "bn"), "de"/"d'"/"of" before a unit, percent and percentage-point words,
//! measurement units, hedges before or after ("plus de", "about", "ou plus"), and ranges ("entre 10
//! et 20 %", "10–20 %", "de 10 à 20 %"). It then drops what is no claim: years, dates, times,
//! ordinals, references ("article 12"), identifiers ("A320", "COVID-19"), phone numbers,
//! postcodes, versions, list numbers, a lone determiner ("un") and "deux"/"two" meaning both.

pub mod numeral;
pub mod table;

use std::cell::RefCell;
use std::ops::Range;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::pack::{
    Hedge, LocalePack, NotClaimCache, NotClaimGuard, NotClaimPatterns, Packs, Unit, UnitWord,
};
use crate::phrase::{is_word_char, skip_gap, skip_gap_back, token_at, token_before, Tok};
use crate::segment::Sentence;
use crate::source::Document;
pub use numeral::{Numeral, Style};

/// What a claim counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Percent,
    Amount,
    Count,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Percent => "percent",
            Kind::Amount => "amount",
            Kind::Count => "count",
        }
    }
}

/// How a claim hedges its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    Approx,
    Above,
    Below,
    AtLeast,
    AtMost,
    Range,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::Above => "above",
            Qualifier::Below => "below",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::Range => "range",
        }
    }
}

/// A numeric claim found in a document.
#[derive(Debug, Clone)]
pub struct Claim {
    /// The whole claim, hedge and unit included ("plus de 60 %").
    pub span: Range<usize>,
    /// The numeral alone, without scale word ("31,4" of "31,4 millions"); for a range, the low
    /// end. A fix rewrites only this.
    pub numeral: Range<usize>,
    pub kind: Kind,
    /// The value, scale applied; for a range, the low end.
    pub value: Decimal,
    /// The stated precision of `value` is 10^exp.
    pub exp: i32,
    /// The high end of a range, and its precision.
    pub high: Option<(Decimal, i32)>,
    pub unit: Unit,
    pub qualifier: Qualifier,
    /// The scale factor the numeral was multiplied by (1 when none).
    pub scale: Decimal,
    pub style: Style,
    /// Index of the language pack it was read with.
    pub pack: usize,
    /// Index of its sentence.
    pub sentence: usize,
    /// The table header that states its unit and scale ("Revenue (£m)" above "412"), where
    /// the claim states none of its own (see [`table`]).
    pub unit_from: Option<Range<usize>>,
    /// A count one of the pack's `points_maybe` words follows ("le chômage a reculé de 3
    /// points", "unemployment fell 0.3 points"): a count as written, since a plan "en 10
    /// points" or an index that "gained 45 points" counts points too, but one a
    /// percentage-point figure of its sentence may hold (see [`crate::judge::comparable`]).
    /// Where the pack reads the word as "pp" outright (French after decimals: "0,3 point"), the
    /// claim is in pp already.
    pub points_after: bool,
}

/// A number that could not be read (too large for exact arithmetic); reported as a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub span: Range<usize>,
}

/// The claims of one document, in text order.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub claims: Vec<Claim>,
    pub unreadable: Vec<Unreadable>,
}

/// Finds the claims in `doc`, sentence by sentence.
pub fn extract(doc: &Document, sentences: &[Sentence], packs: &Packs) -> Extraction {
    extract_sentences(doc, sentences, 0..sentences.len(), packs)
}

/// Finds the claims of a long document a window of blocks (about `window_bytes` of text) at a
/// time, so that memory holds the text and one window's sentences and claims; `each` gets them
/// in text order (a claim's `sentence` indexes its window's sentences). Languages are decided
/// over the whole text first, as [`crate::segment::segment`] does.
pub fn extract_windows(
    doc: &Document,
    packs: &Packs,
    choice: crate::segment::LocaleChoice,
    fallback: usize,
    window_bytes: usize,
    mut each: impl FnMut(&[Sentence], Extraction),
) {
    let languages = crate::segment::block_packs(doc, packs, choice, fallback);
    for blocks in doc.block_windows(window_bytes) {
        let sentences = crate::segment::sentences_of(doc, packs, &languages, blocks);
        let found = extract(doc, &sentences, packs);
        each(&sentences, found);
    }
}

/// Finds the claims of the sentences `range` of `doc` (a claim never spans two sentences, so
/// a long text can be read a run of sentences at a time).
pub fn extract_sentences(
    doc: &Document,
    sentences: &[Sentence],
    range: Range<usize>,
    packs: &Packs,
) -> Extraction {
    let mut out = Extraction::default();
    // One cache per pack with patterns, made when first needed.
    let mut caches: Vec<Option<NotClaimGuard>> = Vec::new();
    let mut header_units = table::HeaderUnits::default();
    for (idx, sentence) in sentences
        .iter()
        .enumerate()
        .take(range.end)
        .skip(range.start)
    {
        let pack = packs.get(sentence.pack);
        let not_claims = pack.not_claim_patterns.as_ref().map(|patterns| {
            if caches.len() <= sentence.pack {
                caches.resize_with(sentence.pack + 1, || None);
            }
            let cache = caches[sentence.pack].get_or_insert_with(|| patterns.cache());
            (patterns, RefCell::new(&mut **cache))
        });
        let scanner = Scanner {
            text: &doc.prose,
            span: sentence.span.clone(),
            pack,
            not_claims,
        };
        let from = out.claims.len();
        scanner.scan(idx, sentence.pack, &mut out);
        if !doc.entities.is_empty() {
            for claim in &mut out.claims[from..] {
                claim.span = doc.widen_to_entities(claim.span.clone());
            }
        }
        if !doc.cells.is_empty() {
            // A number in a row's label is the category the row's figures are of: an age band,
            // a size band ("| 25-49 ans | 6,9 % |"), no claim.
            let label = |c: &Claim| doc.in_row_label(c.span.start);
            if out.claims[from..].iter().any(label) {
                let values: Vec<Claim> = out.claims.drain(from..).filter(|c| !label(c)).collect();
                out.claims.extend(values);
            }
            header_units.apply(doc, &sentence.span, pack, sentence.pack, &mut out, from);
        }
    }
    out
}

/// The word of time a count counts, right after it or after one modifier ("cinq ans", "20
/// working days", "six prochains mois"; one space between each, or a hyphen after the count:
/// "24-hour"; the modifier a word of four
/// letters or more, no stop word or determiner: "1.5 million the year before" and "3,174 a day"
/// are none): a duration. Its span in `text`.
pub fn time_word_after(text: &str, claim: &Claim, pack: &LocalePack) -> Option<Range<usize>> {
    let word_at = |at: usize| {
        let m = pack.ratio_not_before.match_at(text, at)?;
        let whole = !text[m.end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        whole.then_some(at..m.end)
    };
    let after = claim.span.end + 1;
    // A hyphen glues the count to its word of time as an adjective: "a 24-hour strike", "the
    // three-year plan" (a duration too).
    if !matches!(text.get(claim.span.end..after), Some(" " | "-")) {
        return None;
    }
    word_at(after).or_else(|| {
        let next = after + text[after..].find(' ')?;
        let modifier = &text[after..next];
        let folded = crate::fold::fold(modifier);
        let plain = modifier.chars().count() >= 4
            && modifier.chars().all(char::is_alphabetic)
            && !pack.stopwords.contains(folded.as_ref())
            && !pack.determiners.contains(folded.as_ref());
        plain.then(|| word_at(next + 1)).flatten()
    })
}

/// Whether a verb or noun of change of `pack` stands among the six words before `pos` in the
/// sentence `span` of `prose` ("narrowed by £3.1bn", "le relèvement du fonds d'urgence de 160 à
/// 240 M€" names its subject between): what follows states a change or a former value, not a
/// level.
pub fn after_change(prose: &str, span: Range<usize>, pos: usize, pack: &LocalePack) -> bool {
    let mut p = pos;
    for _ in 0..6 {
        p = skip_gap_back(prose, p, false);
        if p <= span.start {
            return false;
        }
        if pack.change_verbs.match_before(prose, p).is_some() {
            return true;
        }
        match token_before(prose, p) {
            Some((_, s)) => p = s,
            None => return false,
        }
    }
    false
}

/// Whether a word of comparison of `pack` (`[ratios] compared_after`: "contre", "against",
/// "up from") stands before `pos` in the sentence `span` of `prose`, at most four words between
/// ("against a national average of £480"): what follows states
/// a value compared with ("4,2 % en 2025, contre 2,7 % en 2019"), not the one the sentence is
/// about.
/// So does a period label in brackets, the comparative of financial reporting: "£1.84bn (Q3
/// 2025: £1.71bn)", "11,5 % (2025 : 10,9 %)", "(FY25: 4.1p)".
pub fn after_comparison(prose: &str, span: Range<usize>, pos: usize, pack: &LocalePack) -> bool {
    let before = skip_gap_back(prose, pos, false);
    let compared_at = |at: usize| {
        pack.ratio_compared_after
            .match_word_before(prose, at, span.start)
            .is_some()
    };
    // A few words of what is compared with may stand between: "against a national average of
    // £480", « contre une moyenne nationale de 480 € » (words only: no number, no clause).
    let mut at = before;
    for words in 0..=COMPARED_WORDS {
        if compared_at(at) {
            return true;
        }
        match token_before(prose, at) {
            Some((Tok::Word(w), start))
                if words < COMPARED_WORDS
                    && start > span.start
                    && w.chars().all(char::is_alphabetic) =>
            {
                at = skip_gap_back(prose, start, false);
                // An elided article ("l'", "d'") is part of its word.
                if let Some((Tok::Sym('\'' | '’'), s)) = token_before(prose, at) {
                    at = s;
                }
            }
            _ => break,
        }
    }
    before > span.start && after_period_label(&prose[span.start..before])
}

/// How many words may stand between a word of comparison and the value it compares with.
const COMPARED_WORDS: usize = 4;

/// Whether `head` ends with a bracketed period label and its colon: "(Q3 2025:", "(2024-25 :",
/// "[FY25:". The label is short and names a year.
fn after_period_label(head: &str) -> bool {
    let Some(label) = head.trim_end().strip_suffix(':') else {
        return false;
    };
    let Some(open) = label.rfind(['(', '[']) else {
        return false;
    };
    let label = &label[open + 1..];
    if label.len() > 24 || label.contains([')', ']']) {
        return false;
    }
    let year = |w: &str| {
        let digits = w.trim_start_matches(|c: char| c.is_ascii_alphabetic());
        let d = digits.as_bytes();
        // "FY25", "FY2025".
        let fy = digits.len() < w.len() && w.len() <= 6 && d.iter().all(u8::is_ascii_digit);
        // "2025", "2024-25", "2025/26".
        let four = d.len() >= 4
            && (d.starts_with(b"19") || d.starts_with(b"20"))
            && d[..4].iter().all(u8::is_ascii_digit);
        (fy && d.len() >= 2) || four
    };
    label.split_whitespace().any(year)
}

struct Scanner<'a> {
    text: &'a str,
    span: Range<usize>,
    pack: &'a LocalePack,
    not_claims: Option<(&'a NotClaimPatterns, RefCell<&'a mut NotClaimCache>)>,
}

/// How a scaled count after an amount is read as money (see `Scanner::amount_read_on`).
#[derive(Clone, Copy)]
enum ReadOn {
    /// A share of it: "dont 1,1 milliard".
    Share,
    /// Compared with it: "contre 2,1 millions".
    Compared,
}

/// A range's dash (see `Scanner::range_dash`).
struct RangeDash {
    dash: char,
    spaced_before: bool,
    spaced_after: bool,
    /// Where what follows the dash starts.
    after: usize,
}

/// A numeral with what stands right after it: scale, unit.
#[derive(Debug, Clone)]
struct Quantity {
    num: Numeral,
    /// Currency written before the numeral, and where it starts.
    prefix: Option<(Unit, usize)>,
    scale: Option<(Decimal, i32)>,
    unit: Option<Unit>,
    end: usize,
    negative: bool,
    /// Start of the quantity (sign or currency prefix included).
    start: usize,
}

impl Quantity {
    /// A numeral with nothing around it.
    fn from_numeral(num: Numeral) -> Self {
        Quantity {
            start: num.start,
            end: num.end,
            num,
            prefix: None,
            scale: None,
            unit: None,
            negative: false,
        }
    }

    /// The value, scale applied; `None` beyond what exact decimals hold.
    fn value(&self) -> Option<Decimal> {
        let v = match self.scale {
            Some((s, _)) => self.num.value.checked_mul(s)?,
            None => self.num.value,
        };
        Some(if self.negative { -v } else { v })
    }

    fn exp(&self) -> i32 {
        self.num.exp + self.scale.map_or(0, |(_, e)| e)
    }
}

/// Whether `claim` is a count of a million or more and `before` an amount of money or a
/// measured quantity: the two a share of an amount, an enumeration of where it goes or a
/// comparison with it are read from ("3,2 milliards d'euros, dont 1,1 milliard"; "74,3 millions
/// de tonnes, contre 71,6 millions en 2025").
fn scaled_count_after_amount(before: &Claim, claim: &Claim) -> bool {
    claim.kind == Kind::Count
        && claim.unit == Unit::Count
        && claim.scale >= Decimal::from(1_000_000)
        && !claim.points_after
        && match &before.unit {
            Unit::Currency(_) => before.kind == Kind::Amount,
            Unit::Measure(_) => true,
            _ => false,
        }
}

fn scale_exp(value: u64) -> Option<i32> {
    let mut v = value;
    let mut e = 0;
    while v > 1 && v % 10 == 0 {
        v /= 10;
        e += 1;
    }
    (v == 1).then_some(e)
}

impl Scanner<'_> {
    fn char_at(&self, pos: usize) -> Option<char> {
        self.text.get(pos..self.span.end)?.chars().next()
    }

    fn char_before(&self, pos: usize) -> Option<char> {
        self.text.get(self.span.start..pos)?.chars().next_back()
    }

    fn scan(&self, sentence: usize, pack_idx: usize, out: &mut Extraction) {
        let mut pos = self.span.start;
        let bytes = self.text.as_bytes();
        while pos < self.span.end {
            let b = bytes[pos];
            // Fast paths for what most of the prose is: spaces, and whole words of ASCII
            // letters that start no claim (the same answer the token walk below gives them).
            if b == b' ' {
                pos += 1;
                continue;
            }
            if (b.is_ascii_alphabetic() || b == 0xC3) && (pos == 0 || !is_word_byte(bytes[pos - 1]))
            {
                let end = pos + crate::wordruns::letters_at(bytes, pos);
                let starters = &self.pack.starters;
                let word = match bytes.get(end) {
                    // A word with accented letters ("réseaux", "été"): folded on the stack and
                    // asked of the same set (French prose has one in four).
                    Some(0xC3) => {
                        let mut buf = crate::phrase::KeyBuf::default();
                        crate::phrase::latin1_word_key(bytes, pos, &mut buf)
                            .map(|(end, len)| (end, starters.follow_of_folded_word(&buf[..len])))
                    }
                    Some(&n) if is_word_byte(n) => None,
                    _ => Some((end, starters.follow_of_ascii_word(&self.text[pos..end]))),
                };
                // A word of letters that starts no claim, or whose next token cannot go on
                // with it ("l'", "à la": only "L$", "A$" start with them).
                if let Some((end, follow)) = word {
                    if follow.is_none_or(|f| !f.allows(self.next_token_byte(end))) {
                        pos = end;
                        continue;
                    }
                }
            }
            if !self.text.is_char_boundary(pos) {
                pos += 1;
                continue;
            }
            if b == b' ' || b == b'\n' {
                pos += 1;
                continue;
            }
            let prev = self.char_before(pos);
            let at_word_start = !prev.is_some_and(is_word_char);
            let candidate = if b.is_ascii_digit() {
                true
            } else if !at_word_start {
                false
            } else if matches!(b, b'.' | b',') {
                // A leading decimal separator (",08").
                true
            } else if matches!(b, b'-' | b'+') {
                // A sign, where one can stand: not glued to what ends a number ("10%-20%").
                sign_may_follow(prev)
            } else if b == 0xE2 && matches!(self.char_at(pos), Some('\u{2212}' | '\u{2013}')) {
                // A minus sign, or an en dash written for one ("contre –3,2 %").
                sign_may_follow(prev)
            } else if b >= 0xC2 && self.char_at(pos).and_then(numeral::fraction_sign).is_some() {
                true
            } else {
                // A word or symbol that can start a claim: one lookup, most words are not.
                match token_at(self.text, pos) {
                    Some((tok, end)) => {
                        // The first word may start a phrase ("A" of "A$"): the phrase must
                        // be there too.
                        let starts = (self
                            .pack
                            .starters
                            .follow_of_token(tok)
                            .is_some_and(|f| f.allows(self.next_token_byte(end)))
                            && self.starts_phrase(pos))
                            || matches!(tok, Tok::Word(w) if self.glued_code(w));
                        if !starts {
                            pos = end;
                            continue;
                        }
                        true
                    }
                    None => false,
                }
            };
            if candidate {
                if let Some(end) = self.not_claim_at(pos) {
                    pos = end;
                    continue;
                }
                match self.claim_at(pos, sentence, pack_idx) {
                    // A pattern may start with the hedge found before a number of years,
                    // months…: "les plus de 65 ans" is an age ("moins" starts a claim of its
                    // own, "plus" does not). (Tried for every hedged claim, this cost 0.6 %.)
                    Ok(claim)
                        if claim.span.start < pos
                            && claim.unit == Unit::Count
                            && self.time_word_at(skip_gap(self.text, claim.span.end, false))
                            && self.not_claim_at(claim.span.start).is_some_and(|e| e > pos) =>
                    {
                        pos = claim.span.end.max(pos + 1);
                        continue;
                    }
                    Ok(mut claim) => {
                        pos = claim.span.end.max(pos + 1);
                        let before = out.claims.last().filter(|c| c.sentence == sentence);
                        let unit = before.and_then(|b| {
                            self.share_of_amount(b, &claim)
                                .or_else(|| self.amount_continued(b, &claim))
                                .or_else(|| self.amount_gapped(b, &claim))
                                .or_else(|| self.amount_compared(b, &claim))
                                .or_else(|| self.read_on_across_duration(&out.claims, &claim))
                        });
                        if let Some(unit) = unit {
                            // (Money is an amount; a measured quantity stays a count.)
                            if matches!(unit, Unit::Currency(_)) {
                                claim.kind = Kind::Amount;
                            }
                            claim.unit = unit;
                        }
                        out.claims.push(claim);
                        continue;
                    }
                    Err(Skip::To(end)) => {
                        pos = end.max(pos + 1);
                        continue;
                    }
                    Err(Skip::Unreadable(span)) => {
                        pos = span.end.max(pos + 1);
                        out.unreadable.push(Unreadable { span });
                        continue;
                    }
                    Err(Skip::Nothing) => {}
                }
            }
            // Move to the next token.
            pos = match token_at(self.text, pos) {
                Some((Tok::Word(_), end)) if b.is_ascii_digit() || at_word_start => end,
                _ => pos + self.char_at(pos).map_or(1, char::len_utf8),
            };
        }
    }

    /// The first byte of the token after the gap at `end`, as a phrase's next token is read.
    fn next_token_byte(&self, end: usize) -> Option<u8> {
        self.text
            .as_bytes()
            .get(skip_gap(self.text, end, true))
            .copied()
    }

    /// The end of a not-claim pattern (a time, a phone number, a date, a postcode) that covers
    /// the candidate at `pos`. A pattern starts with the number, or with what is glued before
    /// it ("(555) 123-4567"), or one word before ("SW1A 2AA"), or two when the one before is a
    /// sign alone ("p = 0.03") or a word of `[not_claims] across` ("jeunes de 15 à 24 ans"):
    /// it is tried there, earliest first, within the sentence (whose ends are the patterns' `^`, `$` and boundaries).
    fn not_claim_at(&self, pos: usize) -> Option<usize> {
        let (patterns, cache) = self.not_claims.as_ref()?;
        let sentence = &self.text[self.span.clone()];
        let at = pos - self.span.start;
        let glued = run_start(sentence, at, 8);
        let before = |start: usize| run_start(sentence, skip_gap_back(sentence, start, false), 16);
        let word_before = glued.and_then(before);
        // A sign alone is no word: "p = 0.03", "p < 0,001" start at the word before it. So is
        // a word of `[not_claims] across`: "jeunes de 15 à 24 ans" starts at "jeunes".
        let reach_back = |w: usize| {
            let word = sentence[w..glued.unwrap_or(w)].trim_end();
            let across = &self.pack.not_claim_across;
            // (Asked before every number: an ASCII word is compared only with the words of
            // its first letter; a hash set and folding each word cost 2 % of extraction.)
            match word.as_bytes().first() {
                Some(b) if b.is_ascii_punctuation() => {
                    word.bytes().all(|b| b.is_ascii_punctuation())
                }
                Some(&b) if b.is_ascii() => {
                    let f = b.to_ascii_lowercase();
                    across
                        .iter()
                        .any(|a| a.as_bytes()[0] == f && a.eq_ignore_ascii_case(word))
                }
                Some(_) => {
                    let folded = crate::fold::fold(word);
                    across.iter().any(|a| *a == folded)
                }
                None => true,
            }
        };
        let word_before_sign = word_before
            .filter(|&w| w < at && reach_back(w))
            .and_then(before);
        let mut cache = cache.borrow_mut();
        let mut tried = None;
        [word_before_sign, word_before, glued, Some(at)]
            .into_iter()
            .flatten()
            .filter(|&start| tried.replace(start) != Some(start))
            .find_map(|start| {
                patterns
                    .match_at(&mut cache, sentence, start)
                    .filter(|&end| end > at)
            })
            .map(|end| self.span.start + end)
    }

    /// The currency of the amount `before` for a scaled count that states a share of it:
    /// "3,2 milliards d'euros, dont 1,1 milliard pour les ménages", "€3.2bn, of which 1.1bn to
    /// households". French writes the currency once; the second number is money, not a count
    /// of a billion things. Only after the amount and one of the pack's `share_after` words
    /// ("dont", "of which"), with nothing between but commas and words of `part_by_then` and
    /// years ("86,5 millions d'euros depuis 2023, dont 52 millions"; "pour ses habitants,
    /// dont 1,1 million" counts people), and only where no counted noun follows: nothing, or a
    /// word of `part_by_then` ("pour", "en", "to", "in"); "dont 1,1 milliard de personnes" and
    /// "of which 1.1 million people" stay counts.
    fn share_of_amount(&self, before: &Claim, claim: &Claim) -> Option<Unit> {
        self.amount_read_on(before, claim, ReadOn::Share, None)
    }

    /// A share of, or a comparison with, the amount before a duration, the last two of the
    /// claims `earlier` than `claim`: "54 millions de livres sur trois ans, dont 12 millions
    /// dès 2027".
    fn read_on_across_duration(&self, earlier: &[Claim], claim: &Claim) -> Option<Unit> {
        let [.., amount, last] = earlier else {
            return None;
        };
        // (Only a scaled count is read on: asked first, it spares most numbers the look for a
        // word of time.)
        let scaled = claim.kind == Kind::Count && claim.scale >= Decimal::from(1_000_000);
        let duration_like = last.kind == Kind::Count && last.unit == Unit::Count;
        if !(scaled && duration_like && amount.sentence == claim.sentence) {
            return None;
        }
        let time = time_word_after(self.text, last, self.pack)?;
        let duration = Some(last.span.start..time.end);
        self.amount_read_on(amount, claim, ReadOn::Share, duration.clone())
            .or_else(|| self.amount_read_on(amount, claim, ReadOn::Compared, duration))
    }

    /// The currency of the amount `before` for a scaled count it is compared with: "2,4
    /// millions d'euros, contre 2,1 millions en 2023", "€2.4 million, against 2.1 million",
    /// "2,4 millions d'euros (2,1 millions en 2023)". As a share is read (`share_of_amount`),
    /// after one of the pack's `compared_after` words or an opening bracket, but with anything
    /// between it and the amount: "214 millions d'euros pour la rénovation de ses écoles,
    /// contre 187 millions en 2025" compares the money, whatever it was spent on.
    fn amount_compared(&self, before: &Claim, claim: &Claim) -> Option<Unit> {
        self.amount_read_on(before, claim, ReadOn::Compared, None)
    }

    /// The currency of the amount `before` for the scaled count `claim`, when a word of the
    /// reading (or, for a comparison, an opening bracket) stands right before the count, for a
    /// share nothing but commas, years and words of `part_by_then` between it and the amount,
    /// and no word after the count but one of `part_by_then`; a `duration` between them ("sur
    /// trois ans") is passed over.
    fn amount_read_on(
        &self,
        before: &Claim,
        claim: &Claim,
        reading: ReadOn,
        duration: Option<Range<usize>>,
    ) -> Option<Unit> {
        if !scaled_count_after_amount(before, claim) {
            return None;
        }
        let (words, compared) = match reading {
            ReadOn::Share => (&self.pack.ratio_share_after, false),
            ReadOn::Compared => (&self.pack.ratio_compared_after, true),
        };
        let at = skip_gap_back(self.text, claim.span.start, false);
        let start = match self.text[..at].strip_suffix('(') {
            Some(rest) if compared => rest.len(),
            _ => {
                let word = words.match_before(self.text, at)?;
                if !self.word_boundary_before(word.start) {
                    return None;
                }
                word.start
            }
        };
        let between = || match &duration {
            Some(d) => {
                self.only_time_words(before.span.end..d.start) && self.only_time_words(d.end..start)
            }
            None => self.only_time_words(before.span.end..start),
        };
        // A share that says where it goes is money whatever stands between: "22 millions
        // d'euros à la promotion, dont 4,5 millions pour les marchés lointains".
        let goes_to = || {
            self.pack
                .ratio_share_goes_to
                .match_at(self.text, skip_gap(self.text, claim.span.end, false))
                .is_some_and(|m| self.phrase_ends_at(m.end))
        };
        (start >= before.span.end
            && (compared || between() || goes_to())
            && self.no_word_but_part_by_then(claim.span.end))
        .then(|| before.unit.clone())
    }

    /// Whether `range` holds nothing but gaps, commas, digits (a year: no other number is
    /// there, or it would be the claim before) and words of `part_by_then` ("depuis", "en",
    /// "since"): when or how an amount was spent, not a noun a share could be of.
    fn only_time_words(&self, range: Range<usize>) -> bool {
        let mut pos = range.start;
        while pos < range.end {
            let next = skip_gap(self.text, pos, false);
            if next >= range.end {
                return true;
            }
            pos = match token_at(self.text, next) {
                Some((Tok::Sym(','), end)) => end,
                Some((Tok::Word(w), end)) if w.bytes().all(|b| b.is_ascii_digit()) => end,
                _ => match self.pack.ratio_part_by_then.match_at(self.text, next) {
                    Some(m) if m.end <= range.end && self.phrase_ends_at(m.end) => m.end,
                    _ => return false,
                },
            };
        }
        true
    }

    /// The currency of an amount that a scaled count continues an enumeration of: "1,2 Md€
    /// pour les routes et 300 millions pour le rail", "dont 12 millions pour l'outre-mer, 40
    /// millions pour la Corse", "£1.2bn for roads and 300 million for rail". The amount is
    /// followed by one of `part_by_then` ("pour", "for": where it goes), then, with no number
    /// between, a comma or one of `range_join` ("et", "and") right before the count, which no
    /// word follows but one of `part_by_then` ("300 millions de voyageurs" stays a count).
    fn amount_continued(&self, before: &Claim, claim: &Claim) -> Option<Unit> {
        let p = self.pack;
        if !scaled_count_after_amount(before, claim) {
            return None;
        }
        let between = self.text.get(before.span.end..claim.span.start)?;
        if between.len() > 80 || between.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let goes_to = p
            .ratio_part_by_then
            .match_at(self.text, skip_gap(self.text, before.span.end, false))
            .filter(|m| self.phrase_ends_at(m.end))?;
        // The join ends the words of where the amount goes ("pour les routes et"): it is not
        // their first ("3,2 milliards d'euros et 1,1 milliard" is no enumeration of places).
        let join_start = if between.trim_end().ends_with(',') {
            before.span.end + between.trim_end().len() - 1
        } else {
            p.range_join
                .match_before(self.text, skip_gap_back(self.text, claim.span.start, false))
                .filter(|m| self.word_boundary_before(m.start))?
                .start
        };
        (join_start > goes_to.end && self.no_word_but_part_by_then(claim.span.end))
            .then(|| before.unit.clone())
    }

    /// The currency of an amount that a scaled count states again for another subject, the
    /// verb left out: "L'État y a consacré 47,5 millions d'euros, et la Région 18 millions",
    /// "the government gave £40m and the council 12 million". Right after the amount, one of
    /// `range_join` ("et", "and"; a comma before it may stand), then one or two words, then
    /// the count, which no word follows but one of `part_by_then` ("et la Région compte 18
    /// millions d'habitants" stays a count, and so does "et la population atteint 18 millions":
    /// three words hold a verb).
    fn amount_gapped(&self, before: &Claim, claim: &Claim) -> Option<Unit> {
        if !scaled_count_after_amount(before, claim) {
            return None;
        }
        let mut at = skip_gap(self.text, before.span.end, false);
        if self.text[at..].starts_with(',') {
            at = skip_gap(self.text, at + 1, false);
        }
        let join = self
            .pack
            .range_join
            .match_at(self.text, at)
            .filter(|m| self.phrase_ends_at(m.end))?;
        at = skip_gap(self.text, join.end, false);
        let mut words = 0;
        while at < claim.span.start {
            match token_at(self.text, at) {
                Some((Tok::Word(_), end)) if words < 2 => {
                    words += 1;
                    at = skip_gap(self.text, end, false);
                }
                // "l'" of "l'Europe" is no word of its own.
                Some((Tok::Sym('\'' | '\u{2019}'), end)) => at = end,
                _ => return None,
            }
        }
        (words > 0 && at == claim.span.start && self.no_word_but_part_by_then(claim.span.end))
            .then(|| before.unit.clone())
    }

    /// Whether no word follows `end` in the sentence but one of the pack's `part_by_then`
    /// ("by a third in 2025", "dont 1,1 milliard pour les ménages"): what ends a share, where
    /// another word would be what it counts ("a third party", "1,1 milliard de personnes").
    fn no_word_but_part_by_then(&self, end: usize) -> bool {
        let after = skip_gap(self.text, end, false);
        after >= self.span.end
            || !matches!(token_at(self.text, after), Some((Tok::Word(_), _)))
            || self
                .pack
                .ratio_part_by_then
                .match_at(self.text, after)
                .is_some_and(|m| self.phrase_ends_at(m.end))
    }

    /// Whether the part written from `start` to `end` is a share that needs no "of": after
    /// one of the pack's `share_after` words ("dont la moitié", "of whom a third"), or a change
    /// by a share, one of its `part_by` words before it ("fell by a quarter", "cut by half")
    /// and after it no word but one of `part_by_then` ("by a third in 2025"; "by a third
    /// party" is an ordinal), or so after a word of `compared_after` ("contre un cinquième en
    /// 2010"; « contre un cinquième mandat » is an ordinal), or a hedge before it and no such
    /// word after ("a fall of nearly a quarter."); or a comparative of `part_comparative`
    /// after it ("a third lower than…"), or a verb of `part_verb` ("a third were women",
    /// "nearly half said").
    /// Never before a hyphen ("a third-party firm").
    fn share_without_of(&self, start: usize, end: usize) -> bool {
        let p = self.pack;
        let before = skip_gap_back(self.text, start, false);
        let after_word = |before: usize, table: &crate::phrase::PhraseTable<()>| {
            table
                .match_word_before(self.text, before, self.span.start)
                .is_some()
        };
        // "by a third-party firm": a compound, no share.
        let compound = matches!(self.char_at(end), Some('-' | '\u{2010}' | '\u{2011}'));
        if compound {
            return false;
        }
        // "dont la moitié pour…", "of whom a third are": a share of what was just named, a
        // hedge maybe between ("of whom almost half").
        let hedged = || {
            p.hedge_before
                .match_before(self.text, before)
                .filter(|h| h.start >= self.span.start)
                .is_some_and(|h| {
                    after_word(
                        skip_gap_back(self.text, h.start, false),
                        &p.ratio_share_after,
                    )
                })
        };
        if after_word(before, &p.ratio_share_after) || hedged() {
            return true;
        }
        // "a fall of nearly a quarter.": a hedge right before it, and no word after it but one
        // of `part_by_then` ("about a third party" is none).
        let after_hedge = || {
            p.hedge_before
                .match_before(self.text, before)
                .is_some_and(|h| h.start >= self.span.start)
        };
        // "a third lower than in 2019-20": a comparative after it; "a third were women": a
        // plural verb it is the subject of.
        let word_after = |table: &crate::phrase::PhraseTable<()>| {
            table
                .match_at(self.text, skip_gap(self.text, end, false))
                .is_some_and(|m| m.end <= self.span.end && self.word_ends_at(m.end))
        };
        (after_word(before, &p.ratio_part_by)
            || after_word(before, &p.ratio_compared_after)
            || after_hedge())
            && self.no_word_but_part_by_then(end)
            || word_after(&p.ratio_part_comparative)
            || word_after(&p.ratio_part_verb)
    }

    /// Whether a number word, a currency, a percent word, a negative word or a lone part
    /// ("half of") starts at `pos`.
    fn starts_phrase(&self, pos: usize) -> bool {
        let p = self.pack;
        let t = self.text;
        p.numbers.match_at(t, pos).is_some()
            || p.currency_before.match_at(t, pos).is_some()
            || p.percent_before.match_at(t, pos).is_some()
            || p.negative.match_at(t, pos).is_some()
            || self.alone_part(pos).is_some()
            || self.alone_multiple(pos).is_some()
    }

    /// "twice as many", "twice the national rate": a word that is a multiple on its own
    /// (`alone` of a multiple in the pack), followed by one of its `alone_then` words ("called
    /// twice" is none).
    #[inline(never)]
    fn alone_multiple(&self, pos: usize) -> Option<Quantity> {
        let p = self.pack;
        let m = p.multiple_alone.match_at(self.text, pos)?;
        if m.end > self.span.end || !self.word_boundary_before(pos) || !self.word_ends_at(m.end) {
            return None;
        }
        let after = skip_gap(self.text, m.end, false);
        p.multiple_alone_then
            .match_at(self.text, after)
            .filter(|then| then.end <= self.span.end && self.phrase_ends_at(then.end))?;
        let (factor, unit) = m.value;
        let num = Numeral {
            start: pos,
            end: m.end,
            value: Decimal::from(*factor),
            exp: 0,
            style: Style {
                words: true,
                multiple_word: true,
                ..Style::default()
            },
            scaled: false,
            approx: false,
            determiner_only: false,
        };
        let mut q = Quantity::from_numeral(num);
        q.unit = Some(unit.clone());
        Some(q)
    }

    /// "half of the homes", "la moitié des communes": a share of one part written with no
    /// number, found at its last word (`pos`; the phrase may start before it, "la"). Only
    /// before one of the pack's `alone_of` words, and not after an ordinal ("the second half
    /// of the year").
    // Out of line: it rarely finds anything, and inlined it slowed the scan loop by 4 %.
    #[inline(never)]
    fn alone_part(&self, pos: usize) -> Option<Quantity> {
        let p = self.pack;
        if !p.ratio_alone.may_end_with_token_at(self.text, pos) {
            return None;
        }
        let (_, word_end) = token_at(self.text, pos)?;
        let m = p.ratio_alone.match_before(self.text, word_end)?;
        if m.start < self.span.start || !self.word_boundary_before(m.start) {
            return None;
        }
        let before = skip_gap_back(self.text, m.start, false);
        if p.ratio_alone_not_after
            .match_word_before(self.text, before, self.span.start)
            .is_some()
        {
            return None;
        }
        let mut after = skip_gap(self.text, m.end, false);
        // "la moitié environ des": a hedge may stand before the "of", as after a part.
        if let Some(h) = p.hedge_after.match_at(self.text, after) {
            after = skip_gap(self.text, h.end, false);
        }
        if !self.share_without_of(m.start, m.end) {
            let of = p
                .ratio_alone_of
                .match_at(self.text, after)
                .filter(|of| of.end <= self.span.end && self.phrase_ends_at(of.end))?;
            // "le quart d'heure", "half of a year": a span of time, not a share.
            if self.time_word_after_of(of.end) {
                return None;
            }
        }
        let denominator = Decimal::from(*m.value);
        let mut num = numeral::quotient_numeral(
            m.start..m.end,
            Decimal::ONE.checked_div(denominator)?,
            numeral::quotient_exp(denominator),
            true,
        );
        num.style.denominator = Some(denominator);
        num.style.share = true;
        Some(Quantity::from_numeral(num))
    }

    /// A currency code glued to digits ("USD115", "MAUD60"); "P1211" or "A320" are not.
    fn glued_code(&self, word: &str) -> bool {
        // Bytes, not chars: this runs for every word that starts no claim.
        match word.bytes().position(|b| b.is_ascii_digit()) {
            Some(i) if i > 0 => {
                let mut buf = crate::phrase::KeyBuf::default();
                let key = crate::phrase::tok_key(Tok::Word(&word[..i]), &mut buf);
                self.pack.currency_before.has_first(&key)
            }
            _ => false,
        }
    }

    /// Reads a numeral (digits or words) at `pos`.
    fn numeral_at(&self, pos: usize) -> Result<Numeral, Skip> {
        let bytes = self.text.as_bytes();
        if pos >= self.span.end {
            return Err(Skip::Nothing);
        }
        let starts_digits = bytes[pos].is_ascii_digit()
            || (self
                .char_at(pos)
                .is_some_and(|c| self.pack.decimal.contains(&c))
                && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit));
        if starts_digits {
            let simple = numeral::digits_at(self.text, pos, self.pack);
            // Digits that compose with number words: "4 thousand 3 hundred and 21". Only where
            // a number word follows the digits (composing reads them again, and then stops).
            let compound = simple.as_ref().and_then(|s| {
                let after = skip_gap(self.text, s.end, true);
                self.pack.numbers.match_at(self.text, after)?;
                let (n, comp) = numeral::compose_at(self.text, pos, self.pack)?;
                (comp.is_compound() && n.end <= self.span.end && n.end > s.end).then_some(n)
            });
            if let Some(n) = compound {
                return Ok(n);
            }
            match simple {
                Some(n) if n.end <= self.span.end => Ok(n),
                Some(_) => Err(Skip::Nothing),
                None => {
                    // Too many digits for exact arithmetic: say so rather than guess.
                    let digits = bytes[pos..]
                        .iter()
                        .take_while(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b' '))
                        .filter(|b| b.is_ascii_digit())
                        .count();
                    if digits > 20 {
                        let end = pos
                            + bytes[pos..]
                                .iter()
                                .take_while(|b| b.is_ascii_digit())
                                .count();
                        Err(Skip::Unreadable(pos..end))
                    } else {
                        Err(Skip::Nothing)
                    }
                }
            }
        } else if let Some(n) = numeral::fraction_sign_at(self.text, pos) {
            Ok(n)
        } else {
            match numeral::words_at(self.text, pos, self.pack) {
                Some(n) if n.end <= self.span.end => Ok(n),
                _ => Err(Skip::Nothing),
            }
        }
    }

    /// A currency written before the numeral at `p` ("€", "US$ ", "USD115" glued, "MAUD 60"),
    /// with the offset where the numeral starts.
    fn currency_prefix(&self, p: usize) -> Option<(UnitWord, usize)> {
        let text = self.text;
        let m = self.pack.currency_before.match_at(text, p).or_else(|| {
            // A code glued to the digits: "USD115", "GBP3,01".
            let (tok, end) = token_at(text, p)?;
            let Tok::Word(w) = tok else { return None };
            let letters = w.find(|c: char| c.is_ascii_digit())?;
            (letters > 0).then_some(())?;
            let m = self
                .pack
                .currency_before
                .match_at(&text[..p + letters], p)?;
            (m.end == p + letters && end > m.end).then_some(m)
        })?;
        let q = skip_gap(text, m.end, false);
        let numeral_follows = self.char_at(q).is_some_and(|c| c.is_ascii_digit())
            || matches!(self.char_at(q), Some('-' | '\u{2212}'))
            || self.pack.numbers.match_at(text, q).is_some();
        numeral_follows.then(|| (m.value.clone(), q))
    }

    /// Reads a quantity: optional sign and currency before, numeral, scale, unit after.
    fn quantity_at(&self, pos: usize) -> Result<Quantity, Skip> {
        self.quantity_after_prefix(pos, None)
    }

    /// [`Self::quantity_at`], with a currency written before an earlier number standing for
    /// this one's too (the high end of "€10–20m").
    fn quantity_after_prefix(
        &self,
        pos: usize,
        given: Option<(UnitWord, usize)>,
    ) -> Result<Quantity, Skip> {
        let text = self.text;
        let mut p = pos;
        let mut negative = false;
        let mut prefix = given;
        let mut percent_first = false;
        // Digits start no word: the word lookups below are for candidates in letters.
        let at_digit = self.char_at(p).is_some_and(|c| c.is_ascii_digit());
        let number_at = |q: usize| {
            self.char_at(q).is_some_and(|c| c.is_ascii_digit())
                || self.pack.numbers.match_at(text, q).is_some()
        };
        if !at_digit {
            // A word that makes the number negative ("minus 5", "moins 1200000").
            if let Some(m) = self.pack.negative.match_at(text, p) {
                let q = skip_gap(text, m.end, false);
                // Unless the word ends a hedge that starts before it: "au moins 15" is at
                // least 15, not "au" and -15.
                let in_hedge = self
                    .pack
                    .hedge_before
                    .match_before(text, m.end)
                    .is_some_and(|h| h.start < p && h.start >= self.span.start);
                if number_at(q) && !in_hedge {
                    negative = true;
                    p = q;
                }
            }
            // "percent of 10": a percent word before the numeral.
            if let Some(m) = self.pack.percent_before.match_at(text, p) {
                let q = skip_gap(text, m.end, false);
                if number_at(q) {
                    percent_first = true;
                    p = q;
                }
            }
        }
        // Sign: only written right before the digits, after a space or an opening bracket.
        if let Some(c @ ('-' | '+' | '\u{2212}' | '\u{2013}')) = self.char_at(p) {
            let next = p + c.len_utf8();
            if self.char_at(next).is_some_and(|d| d.is_ascii_digit())
                && !self.char_before(p).is_some_and(|b| b.is_alphanumeric())
            {
                negative = c != '+';
                p = next;
            } else {
                return Err(Skip::Nothing);
            }
        }
        // Currency before the number ("€31.4m", "US$ 5", "EUR 12").
        if prefix.is_none() && !self.char_at(p).is_some_and(|c| c.is_ascii_digit()) {
            if let Some((w, q)) = self.currency_prefix(p) {
                prefix = Some((w, p));
                p = q;
                if let Some(c @ ('-' | '\u{2212}')) = self.char_at(p) {
                    negative = true;
                    p += c.len_utf8();
                }
            } else if self.pack.numbers.match_at(text, p).is_none()
                && !self.char_at(p).is_some_and(|c| {
                    self.pack.decimal.contains(&c) || numeral::fraction_sign(c).is_some()
                })
            {
                return Err(Skip::Nothing);
            }
        }
        let num = self.numeral_at(p)?;
        let mut q = Quantity {
            end: num.end,
            num,
            prefix: prefix
                .as_ref()
                .map(|(w, at): &(UnitWord, usize)| (w.unit.clone(), *at)),
            scale: None,
            unit: None,
            negative,
            start: pos,
        };
        if let Some((w, _)) = &prefix {
            if w.scale > 1 {
                q.scale = Some((Decimal::from(w.scale), scale_exp(w.scale).unwrap_or(0)));
            }
        }
        self.read_suffix(&mut q);
        if percent_first && q.unit.is_none() {
            q.unit = Some(Unit::Percent);
        }
        Ok(q)
    }

    /// The unit word at `g`, if it ends within the sentence at a word boundary.
    fn unit_at(&self, g: usize, allow_percent: bool) -> Option<(UnitWord, usize)> {
        self.unit_in(&self.pack.unit_after, g, allow_percent)
    }

    /// [`Self::unit_at`] in another table of units.
    fn unit_in(
        &self,
        table: &crate::phrase::PhraseTable<UnitWord>,
        g: usize,
        allow_percent: bool,
    ) -> Option<(UnitWord, usize)> {
        let m = table.match_at(self.text, g)?;
        let fits = m.end <= self.span.end
            && self.phrase_ends_at(m.end)
            && (allow_percent || !matches!(m.value.unit, Unit::Percent | Unit::Points));
        fits.then(|| (m.value.clone(), m.end))
    }

    /// Scale word and unit after a numeral.
    fn read_suffix(&self, q: &mut Quantity) {
        let text = self.text;
        let mut p = q.num.end;
        let mut scaled = q.num.scaled || q.scale.is_some();
        let mut pending_scale = None;
        if !q.num.style.words && q.scale.is_none() {
            let g = skip_gap(text, p, false);
            if let Some(m) = self.pack.scales.match_at(text, g) {
                // A scale glued to letters is a word of its own ("3 Mds" yes, "3 Marseille" no).
                if m.end <= self.span.end && !self.char_at(m.end).is_some_and(char::is_alphabetic) {
                    pending_scale = Some((*m.value, m.end, g == p));
                }
            }
        }
        let mut needs_currency = false;
        if let Some((s, end, glued)) = pending_scale {
            let factor = Decimal::from(s.value);
            // A scale that is no power of ten (a dozen) leaves a precision of one unit.
            let exp = scale_exp(s.value).unwrap_or(-q.num.exp);
            q.scale = Some((factor, exp));
            // Glued to its digits, an attached scale needs no currency ("7.6m people"),
            // unless a dimension or a hyphen follows: "7.6m high", "a 4m-long wall" are
            // lengths.
            let dimension = self.char_at(end) == Some('-')
                || self
                    .pack
                    .dimensions
                    .match_at(text, skip_gap(text, end, false))
                    .is_some_and(|d| self.word_ends_at(d.end));
            needs_currency = s.needs_currency && !(s.attached && glued && !dimension);
            q.num.approx |= s.approx;
            p = end;
            scaled = true;
        }
        // The unit: right after, or after "de"/"d'"/"of" when a scale word stands before it.
        let g = skip_gap(text, p, false);
        let mut unit = self.unit_at(g, true);
        // "recule de 0,3 point": a percentage point, after decimals only.
        if unit.is_none() && q.num.style.frac_digits > 0 && q.scale.is_none() {
            unit = self.unit_in(&self.pack.points_after_decimals, g, true);
        }
        // A one-letter sub-unit is glued to its digits ("4.5p"); "page 4 p" is no penny.
        if unit
            .as_ref()
            .is_some_and(|(w, end)| w.per > 1 && end - g == 1 && g != p)
        {
            unit = None;
        }
        if unit.is_none() && scaled {
            if let Some(of) = self.pack.of.match_at(text, g) {
                unit = self.unit_at(skip_gap(text, of.end, false), false);
            }
        }
        let has_currency = q.prefix.is_some()
            || unit
                .as_ref()
                .is_some_and(|(u, _)| matches!(u.unit, Unit::Currency(_)));
        if needs_currency && !has_currency {
            // "54m" with no currency is 54 metres, not 54 million.
            q.scale = None;
            q.num.approx = false;
            p = q.num.end;
            unit = self.unit_at(skip_gap(text, p, false), true);
        }
        if let (Some((u, end)), Some((pre, _))) = (&unit, &q.prefix) {
            // "$ 5 %"? keep the prefix currency, ignore a clashing unit. And the same currency
            // again before digits starts the next amount: "$ 20,000.00 $ 37,305.97".
            let next_amount = || {
                self.char_at(skip_gap(text, *end, false))
                    .is_some_and(|c| c.is_ascii_digit())
            };
            if u.unit != *pre || next_amount() {
                unit = None;
            }
        }
        match unit {
            // "54m pence" is no amount anyone writes: a scale and hundredths do not mix.
            Some((w, _)) if w.per > 1 && q.scale.is_some() => {
                q.unit = q.prefix.as_ref().map(|(u, _)| u.clone());
                q.end = p;
            }
            Some((w, end)) => {
                if w.scale > 1 && q.scale.is_none() {
                    q.scale = Some((Decimal::from(w.scale), scale_exp(w.scale).unwrap_or(0)));
                }
                if w.per > 1 {
                    // "4.5p" is £0.045: the hundredths are a scale below one.
                    let per = Decimal::from(w.per);
                    q.scale = Some((Decimal::ONE / per, -scale_exp(w.per).unwrap_or(0)));
                }
                let currency = matches!(w.unit, Unit::Currency(_));
                q.unit = Some(w.unit);
                q.end = end;
                if currency && q.scale.is_none() && !q.num.style.words {
                    self.scale_after_code(q);
                }
            }
            None => {
                q.unit = q.prefix.as_ref().map(|(u, _)| u.clone());
                q.end = p;
            }
        }
        if matches!(q.unit, Some(Unit::Currency(_))) {
            self.read_subunit(q);
        }
    }

    /// "75 USD million", "30 EUR millions": a scale word in full after the currency that ends
    /// `q` (not an abbreviation: "5 EUR m" is no way to write an amount).
    fn scale_after_code(&self, q: &mut Quantity) {
        let g = skip_gap(self.text, q.end, false);
        let Some(m) = self.pack.scales.match_at(self.text, g) else {
            return;
        };
        let s = *m.value;
        if s.attached || s.needs_currency || m.end > self.span.end || !self.word_ends_at(m.end) {
            return;
        }
        let exp = scale_exp(s.value).unwrap_or(-q.num.exp);
        q.scale = Some((Decimal::from(s.value), exp));
        q.num.approx |= s.approx;
        q.end = m.end;
    }

    /// "15 dollars et 15 cents", "$20 and 43c", "3 GBP 1 pence": the sub-unit of an amount.
    fn read_subunit(&self, q: &mut Quantity) {
        if q.scale.is_some() || q.num.style.frac_digits > 0 {
            return;
        }
        let text = self.text;
        let mut g = skip_gap(text, q.end, false);
        if let Some(j) = self.pack.range_join.match_at(text, g) {
            g = skip_gap(text, j.end, false);
        }
        let Ok(cents) = self.numeral_at(g) else {
            return;
        };
        if cents.value >= Decimal::ONE_HUNDRED
            || cents.style.frac_digits > 0
            || !cents.value.is_integer()
        {
            return;
        }
        let after = skip_gap(text, cents.end, false);
        let end = match self.pack.subunits.match_at(text, after) {
            Some(m) if self.word_ends_at(m.end) => m.end,
            // "15 dollars 50." : a bare number only where the clause ends.
            _ if self
                .char_at(after)
                .is_none_or(|c| matches!(c, '.' | ',' | ';' | '!' | '?' | ')')) =>
            {
                cents.end
            }
            _ => return,
        };
        let Some(v) = q.num.value.checked_add(cents.value / Decimal::ONE_HUNDRED) else {
            return;
        };
        q.num.value = v;
        q.num.exp = -2;
        q.end = end;
    }

    fn claim_at(&self, pos: usize, sentence: usize, pack_idx: usize) -> Result<Claim, Skip> {
        let text = self.text;
        // A lone "half" is no numeral: tried only where none is read.
        let mut first = match self.quantity_at(pos) {
            Ok(q) => q,
            Err(skip) => self
                .alone_part(pos)
                .or_else(|| self.alone_multiple(pos))
                .ok_or(skip)?,
        };
        match self.slash_share(&first) {
            Some(share) => first = share,
            None => self.reject_identifier(&first)?,
        }

        // Ranges written with a dash: "10-20 %", "10–20 %", "€10–20m".
        let mut second: Option<Quantity> = None;
        let mut qualifier = Qualifier::Exact;
        // A currency written before the first number may be the range's ("£80-90m").
        let prefix_only = first.prefix.is_some() && first.end == first.num.end;
        if (first.unit.is_none() || prefix_only) && first.scale.is_none() && !first.num.scaled {
            if let Some(q) = self.dash_range(&first) {
                second = Some(q);
                qualifier = Qualifier::Range;
            }
        } else if let Some(q) = self.stated_dash_range(&first) {
            second = Some(q);
            qualifier = Qualifier::Range;
        }

        // "one in three", "3 out of 10", "two thirds", "un tiers des": one quotient ("7.8 out of
        // 10", a score, is one claim too).
        if second.is_none() {
            // "trois quarts d'heure": a fraction of a span of time, no claim at all.
            let mut of_time = None;
            if let Some(ratio) = self
                .ratio(&first)
                .or_else(|| match self.part(&first)? {
                    Ok(share) => Some(share),
                    Err(end) => {
                        of_time = Some(end);
                        None
                    }
                })
                .or_else(|| self.noun_ratio(&first))
                .or_else(|| self.score(&first))
            {
                first = ratio;
            } else if let Some(end) = of_time {
                return Err(Skip::To(end));
            }
        }

        // Hedges before.
        let before = skip_gap_back(text, first.start, false);
        let mut start = first.start;
        let hedge = self
            .pack
            .hedge_before
            // (Not `match_word_before`: inlined here with `match_before`, it cost 0.3 % of
            // extraction's instructions; this runs for every claim.)
            .match_before(text, before)
            .filter(|m| m.start >= self.span.start && self.word_boundary_before(m.start))
            .filter(|m| !self.during_time(m.start, before, first.end))
            .or_else(|| self.hedge_ending_in_first_word(first.start));
        if let Some(m) = &hedge {
            match m.value {
                Hedge::RangeOpen | Hedge::RangeFrom if second.is_none() => {
                    let join = if *m.value == Hedge::RangeOpen {
                        &self.pack.range_join
                    } else {
                        &self.pack.range_to
                    };
                    if let Some(q) = self.joined(&first, join) {
                        // "de X à Y" is a range only where Y alone states the unit ("de 10 à
                        // 20 %") and no verb of change stands before it ("passant de 41 à 60 %"
                        // is two claims, the first borrowing the unit).
                        let two_claims = *m.value == Hedge::RangeFrom
                            && (first.unit.is_some()
                                || q.unit.is_none()
                                || self.change_verb_before(m.start));
                        if two_claims {
                            inherit(&mut first, &q);
                        } else {
                            start = m.start;
                            second = Some(q);
                            qualifier = Qualifier::Range;
                        }
                    }
                }
                Hedge::RangeOpen | Hedge::RangeFrom => {}
                h => {
                    start = m.start;
                    qualifier = match h {
                        Hedge::Approx => Qualifier::Approx,
                        Hedge::Above => Qualifier::Above,
                        Hedge::Below => Qualifier::Below,
                        Hedge::AtLeast => Qualifier::AtLeast,
                        _ => Qualifier::AtMost,
                    };
                }
            }
        }
        // "25 à 30 %", "1,000 to 2,000 euros": a range with no "de"/"from" before it, where only
        // the second end states the unit, and no verb of change stands before ("rose 25 to
        // 30%" is no range).
        if second.is_none() && hedge.is_none() {
            if let Some(q) = self.to_range(&first) {
                second = Some(q);
                qualifier = Qualifier::Range;
            }
        }
        let mut end = second.as_ref().map_or(first.end, |s| s.end);
        if let Some(s) = &mut second {
            inherit(&mut first, s);
            if s.unit.is_none() {
                s.unit = first.unit.clone();
            }
        }
        // Hedges after ("140 environ", "60 % or more").
        if qualifier == Qualifier::Exact {
            let g = skip_gap(text, end, false);
            let is_sign = |m: &crate::phrase::PhraseMatch<'_, Hedge>| {
                !text[m.start..m.end].chars().any(char::is_alphanumeric)
            };
            // A hedge word (no sign) may be joined by a hyphen: "40-odd".
            let hyphened = || {
                (g == end && text[g..].starts_with('-'))
                    .then(|| self.pack.hedge_after.match_at(text, g + 1))
                    .flatten()
                    .filter(|m| !is_sign(m))
            };
            if let Some(m) = self.pack.hedge_after.match_at(text, g).or_else(hyphened) {
                // A sign hedges only glued to the number ("1,000+"; "10 + 5" is a sum).
                let sign = is_sign(&m);
                if m.end <= self.span.end && self.word_ends_at(m.end) && !(sign && g > end) {
                    qualifier = match m.value {
                        Hedge::Approx => Qualifier::Approx,
                        Hedge::AtLeast => Qualifier::AtLeast,
                        _ => Qualifier::AtMost,
                    };
                    end = m.end;
                }
            }
        }
        if qualifier == Qualifier::Exact && first.num.approx {
            qualifier = Qualifier::Approx;
        }

        self.reject_non_claims(&first, second.as_ref(), qualifier)?;
        // "un", "one", "a" alone are no claim; "un euro", "a dollar" are.
        let named_currency = matches!(first.unit, Some(Unit::Currency(_)))
            && self
                .char_at(skip_gap(text, first.num.end, false))
                .is_some_and(char::is_alphabetic);
        // "a US$4.7 billion": the currency belongs to the digits after it, not to "a".
        let currency_of_next = first.num.determiner_only
            && self
                .char_at(skip_gap(text, first.end, false))
                .is_some_and(|c| c.is_ascii_digit());
        if first.num.determiner_only && (!named_currency || currency_of_next) && !first.negative {
            return Err(Skip::To(first.num.end));
        }

        let unit = match &first.unit {
            Some(u) => u.clone(),
            // "multiplié par 2,5": the words before a bare number give it a measure.
            None if first.prefix.is_none() && second.is_none() => self.measure_before(start),
            None => Unit::Count,
        };
        let kind = match unit {
            Unit::Percent | Unit::Points => Kind::Percent,
            Unit::Currency(_) => Kind::Amount,
            _ => Kind::Count,
        };
        let points_after = unit == Unit::Count
            && !first.num.style.ratio
            && self
                .pack
                .points_maybe
                .match_at(text, skip_gap(text, end, false))
                .is_some_and(|m| m.end <= self.span.end && self.word_ends_at(m.end));
        let too_large = || Skip::Unreadable(first.num.start..end);
        let value = first.value().ok_or_else(too_large)?;
        let high = match &second {
            Some(q) => Some((q.value().ok_or_else(too_large)?, q.exp())),
            None => None,
        };
        Ok(Claim {
            span: start..end,
            numeral: first.num.start..first.num.end,
            kind,
            value,
            exp: first.exp(),
            high,
            unit,
            qualifier,
            scale: first.scale.map_or(Decimal::ONE, |s| s.0),
            style: first.num.style.clone(),
            pack: pack_idx,
            sentence,
            unit_from: None,
            points_after,
        })
    }

    /// The unit the words of the pack's `[[measure]] before` right before `start` in the
    /// sentence give a bare number ("multiplié par 2,5" is 2.5x), else a count.
    fn measure_before(&self, start: usize) -> Unit {
        let before = skip_gap_back(self.text, start, false);
        match self.pack.measure_before.match_before(self.text, before) {
            Some(m) if m.start >= self.span.start && before < start => m.value.clone(),
            _ => Unit::Count,
        }
    }

    /// "over three years": the hedge at `start..before` means "during" when a word of time
    /// follows the quantity ending at `end`.
    fn during_time(&self, start: usize, before: usize, end: usize) -> bool {
        self.pack
            .hedge_during
            .match_before(self.text, before)
            .is_some_and(|m| m.start == start)
            && self.time_word_at(skip_gap(self.text, end, false))
    }

    /// A hedge whose last word is also the first word of the claim at `start`: "près du tiers
    /// des écoles", where "du" is "de" + "le", ends the hedge "près du" and starts the share "du
    /// tiers". Only a word that starts no number in digits can be shared.
    fn hedge_ending_in_first_word(
        &self,
        start: usize,
    ) -> Option<crate::phrase::PhraseMatch<'_, Hedge>> {
        if self.char_at(start).is_none_or(|c| c.is_ascii_digit()) {
            return None;
        }
        let (_, word_end) = token_at(self.text, start)?;
        self.pack
            .hedge_before
            .match_before(self.text, word_end)
            .filter(|m| m.start < start && m.start >= self.span.start)
            .filter(|m| self.word_boundary_before(m.start))
    }

    /// Whether a word of time follows the "of" of a part that ends at `pos`, maybe after an
    /// article (`[terms] articles`): "trois quarts d'heure", "a quarter of a century". (Not
    /// [`Self::time_word_at`] with "a year" among the words of time: "3,714 a day" is a rate.)
    fn time_word_after_of(&self, pos: usize) -> bool {
        let at = skip_gap(self.text, pos, false);
        self.time_word_at(at)
            || matches!(token_at(self.text, at), Some((Tok::Word(w), end))
                if self.pack.articles.contains(crate::fold::fold(w).as_ref())
                    && self.time_word_at(skip_gap(self.text, end, false)))
    }

    /// Whether one of the pack's words of time ("months", "ans") stands at `pos`. Not one that
    /// owns what follows: "half of this year's budget" is a share of the budget, no span.
    fn time_word_at(&self, pos: usize) -> bool {
        self.pack
            .ratio_not_before
            .match_at(self.text, pos)
            .is_some_and(|w| {
                let rest = &self.text[w.end..];
                self.word_ends_at(w.end)
                    && !self
                        .pack
                        .possessive
                        .iter()
                        .any(|p| rest.starts_with(p.as_str()))
            })
    }

    fn word_boundary_before(&self, pos: usize) -> bool {
        !self.char_before(pos).is_some_and(is_word_char)
    }

    /// Whether no word goes on at `pos`: a phrase matched up to there ends a word.
    fn word_ends_at(&self, pos: usize) -> bool {
        !self.char_at(pos).is_some_and(is_word_char)
    }

    /// Whether a phrase matched up to `end` is whole: it ends a word ("des", not the "des" of
    /// "desserte"), or ends in a symbol that may be glued to the next word (an elided "d'").
    fn phrase_ends_at(&self, end: usize) -> bool {
        self.word_ends_at(end) || !self.char_before(end).is_some_and(is_word_char)
    }

    /// The dash of a range at `p`: a hyphen glued there, or an en or em dash glued or after
    /// one space. Gives the dash, whether a space stands before it and after it, and where
    /// what follows starts (a hyphen takes no space after it).
    fn range_dash(&self, p: usize) -> Option<RangeDash> {
        let spaced_before = self.char_at(p) == Some(' ');
        let d = p + usize::from(spaced_before);
        let dash = self.char_at(d)?;
        let dash_end = d + dash.len_utf8();
        let after = match dash {
            '-' if !spaced_before => dash_end,
            '\u{2013}' | '\u{2014}' => skip_gap(self.text, dash_end, false),
            _ => return None,
        };
        Some(RangeDash {
            dash,
            spaced_before,
            spaced_after: after > dash_end,
            after,
        })
    }

    /// "X–Y": a dash right after the first numeral and a second numeral after it.
    fn dash_range(&self, first: &Quantity) -> Option<Quantity> {
        let after = self.range_dash(first.num.end)?.after;
        if !self.char_at(after).is_some_and(|c| c.is_ascii_digit()) || first.num.style.words {
            return None;
        }
        let given = first
            .prefix
            .as_ref()
            .and_then(|&(_, at)| self.currency_prefix(at).map(|(w, _)| (w, at)));
        let second = self.quantity_after_prefix(after, given).ok()?;
        (second.num.value >= first.num.value).then_some(second)
    }

    /// "25 à 30 %", "1 000 to 2 000 euros": digits with nothing around them, the pack's
    /// `range_to` word, and digits that state a unit, no smaller (see `claim_at`). Or both ends
    /// state the same unit and scale: "1 800 € à 2 500 €", "costs of £3.2bn to £3.3bn".
    fn to_range(&self, first: &Quantity) -> Option<Quantity> {
        let stated = first.unit.is_some() && !first.negative;
        if !(unadorned(first) || stated) || first.num.style.words {
            return None;
        }
        let second = self.joined(first, &self.pack.range_to)?;
        let same = !stated
            || (second.unit == first.unit
                && second.scale.map(|(s, _)| s) == first.scale.map(|(s, _)| s)
                && second.num.scaled == first.num.scaled);
        let fits = second.unit.is_some()
            && same
            && !second.num.style.words
            && !second.negative
            && second.value()? >= first.value()?;
        // The verbs last: six words read back, for the rare number the join word follows.
        (fits && !self.change_verb_before(first.start)).then_some(second)
    }

    /// "10%-20%", "3,25 %–3,5 %", "£80m–£90m": a range whose ends each state the same unit
    /// (and scale), joined by a hyphen or an en dash glued to both, or an en dash with a
    /// space on each side (an em dash is an aside).
    fn stated_dash_range(&self, first: &Quantity) -> Option<Quantity> {
        let d = self.range_dash(first.end)?;
        if d.dash == '\u{2014}'
            || d.spaced_before != d.spaced_after
            || first.negative
            || first.num.style.words
            || d.after >= self.span.end
        {
            return None;
        }
        let second = self.quantity_at(d.after).ok()?;
        let same = second.unit == first.unit
            && second.scale.map(|(s, _)| s) == first.scale.map(|(s, _)| s)
            && second.num.scaled == first.num.scaled
            && !second.negative;
        (same && second.value()? >= first.value()?).then_some(second)
    }

    /// "one in three", "3 out of 10", "un sur trois": two bare whole numbers joined by one of
    /// the pack's ratio words, the first no larger than the second, read as their quotient,
    /// precise to the place its denominator resolves ([`numeral::quotient_exp`]).
    fn ratio(&self, first: &Quantity) -> Option<Quantity> {
        if !bare(first) {
            return None;
        }
        let second = self.denominator_after(first.end)?;
        if first.num.value > second.num.value
            || self.time_word_at(skip_gap(self.text, second.end, false))
        {
            return None;
        }
        quotient(first, first.num.value, second.num.value, second.end)
    }

    /// "scored 7.8 out of 10", "une note de 7,8 sur 10": a number with decimals over a larger
    /// whole number is a score on that scale, not a share (whole numbers are: "3 in 10"). The
    /// claim is the score; the scale is part of its text, not a count of its own.
    fn score(&self, first: &Quantity) -> Option<Quantity> {
        if !unadorned(first) || first.num.style.words || first.num.value.is_integer() {
            return None;
        }
        let scale = self.denominator_after(first.end)?;
        if first.num.value >= scale.num.value
            || self.time_word_at(skip_gap(self.text, scale.end, false))
        {
            return None;
        }
        Some(Quantity {
            end: scale.end,
            ..first.clone()
        })
    }

    /// "une entreprise sur quatre", "un Français sur trois", "8 ménages sur 10": a lone article
    /// or a count up to ten, one noun (and an adjective after it, where the pack puts them
    /// there: "un accident mortel sur trois"), the join word and a whole number up to a hundred, when
    /// the pack allows it (`noun_between`). Not when a plural word follows the number ("un
    /// débat sur trois thèmes": the number counts that word) or a word of time ("un plan sur
    /// trois ans"); "120 places sur 150" stays two figures.
    fn noun_ratio(&self, first: &Quantity) -> Option<Quantity> {
        let small = first.num.value >= Decimal::TWO && first.num.value <= Decimal::TEN;
        if !self.pack.ratio_noun_between || !(first.num.determiner_only || small) || !bare(first) {
            return None;
        }
        let noun_at = skip_gap(self.text, first.num.end, false);
        let (Tok::Word(noun), noun_end) = token_at(self.text, noun_at)? else {
            return None;
        };
        if noun.bytes().any(|b| b.is_ascii_digit())
            || self.pack.numbers.match_at(self.text, noun_at).is_some()
        {
            return None;
        }
        // Where adjectives follow their noun, one may stand before the join: "un accident
        // mortel sur trois".
        let adjective_end = || {
            let at = skip_gap(self.text, noun_end, false);
            let (Tok::Word(adjective), end) = token_at(self.text, at)? else {
                return None;
            };
            let plain = self.pack.noun_before_adjective
                && adjective.bytes().all(|b| !b.is_ascii_digit())
                && self.pack.numbers.match_at(self.text, at).is_none()
                && !self
                    .pack
                    .stopwords
                    .contains(crate::fold::fold(adjective).as_ref());
            plain.then_some(end)
        };
        let second = self
            .denominator_after(noun_end)
            .or_else(|| self.denominator_after(adjective_end()?))?;
        let numerator = if first.num.determiner_only {
            Decimal::ONE
        } else {
            first.num.value
        };
        let after = skip_gap(self.text, second.end, false);
        if second.num.value <= numerator
            || second.num.value > Decimal::ONE_HUNDRED
            || self.time_word_at(after)
            || self.plural_word_at(after)
        {
            return None;
        }
        quotient(first, numerator, second.num.value, second.end)
    }

    /// A ratio's join word after `end` and the bare whole number after it: a denominator (no
    /// zero, no year, no lone article).
    fn denominator_after(&self, end: usize) -> Option<Quantity> {
        let g = skip_gap(self.text, end, false);
        let join = self.pack.ratio_join.match_at(self.text, g)?;
        if !self.word_ends_at(join.end) {
            return None;
        }
        let g2 = skip_gap(self.text, join.end, false);
        if g2 >= self.span.end {
            return None;
        }
        let second = self.quantity_at(g2).ok()?;
        let fits = bare(&second)
            && !second.num.determiner_only
            && !second.num.value.is_zero()
            && !self.is_year(&second);
        fits.then_some(second)
    }

    /// Whether a word with one of the pack's plural endings stands at `pos` ("thèmes"); a stop
    /// word is none ("one in four has", "was", "this").
    fn plural_word_at(&self, pos: usize) -> bool {
        match token_at(self.text, pos) {
            Some((Tok::Word(w), _)) => {
                self.pack
                    .plural_endings
                    .iter()
                    .any(|e| w.len() > e.len() + 1 && w.ends_with(e.as_str()))
                    && !self.pack.stopwords.contains(crate::fold::fold(w).as_ref())
            }
            _ => false,
        }
    }

    /// "two thirds", "three quarters", "a third of", "un tiers des": a whole number and a part
    /// word of the pack naming a larger denominator, read as their quotient like a ratio. After
    /// a lone article, and for the part words that also name a span of time (`parts_need_of`:
    /// "the last two quarters"), the part must be followed by one of the pack's `part_of` words
    /// ("a third runway" is no share); never by a word of time ("trois quarts d'heure").
    /// `Err` with the part word's end for a fraction of a span of time ("trois quarts d'heure",
    /// "three quarters of an hour"): no claim at all, not a count of "trois".
    fn part(&self, first: &Quantity) -> Option<Result<Quantity, usize>> {
        if !bare(first) || first.num.value.is_zero() {
            return None;
        }
        let g = skip_gap(self.text, first.num.end, true);
        let m = self.pack.ratio_parts.match_at(self.text, g)?;
        let denominator = Decimal::from(m.value.denominator);
        if m.end > self.span.end || !self.word_ends_at(m.end) || first.num.value >= denominator {
            return None;
        }
        let mut after = skip_gap(self.text, m.end, false);
        // "un tiers environ des gares": a hedge may stand before the "of".
        if let Some(h) = self.pack.hedge_after.match_at(self.text, after) {
            after = skip_gap(self.text, h.end, false);
        }
        let of = self
            .pack
            .ratio_part_of
            .match_at(self.text, after)
            .filter(|of| self.phrase_ends_at(of.end));
        let need_of = (first.num.determiner_only || m.value.needs_of)
            && !self.share_without_of(first.start, m.end);
        match of {
            None if need_of => return None,
            Some(of) if self.time_word_after_of(of.end) => return Some(Err(m.end)),
            _ => {}
        }
        let mut share = quotient(first, first.num.value, denominator, m.end)?;
        share.num.style.share = first.num.style.words || first.num.determiner_only;
        Some(Ok(share))
    }

    /// "1/3 des dossiers", "2/3 of the files": two whole numbers in digits joined by a slash, the
    /// first the smaller, followed by one of the pack's `part_of` words: a share, read as their
    /// quotient like a ratio. Without that word a slash keeps its other readings, an identifier
    /// or a date ("24/7", "9/11 victims", "le 1/3", "5/17/2018"), and is no claim.
    fn slash_share(&self, first: &Quantity) -> Option<Quantity> {
        // Tried for every number: the slash first, the rest only where there is one.
        let slash = first.num.end;
        if self.char_at(slash) != Some('/')
            || !self.char_at(slash + 1).is_some_and(|c| c.is_ascii_digit())
            || !bare(first)
            || first.num.style.words
            || first.end != slash
        {
            return None;
        }
        let glued_before = self
            .char_before(first.num.start)
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | ',' | '-'));
        if glued_before {
            return None;
        }
        let second = self.quantity_at(slash + 1).ok()?;
        // "1/3e", "5/17/2018": the denominator goes on.
        let glued_after = self.char_at(second.num.end).is_some_and(is_word_char)
            || self.digits_go_on(second.num.end);
        if !bare(&second)
            || second.num.style.words
            || second.end != second.num.end
            || second.num.value <= first.num.value
            || glued_after
        {
            return None;
        }
        let after = skip_gap(self.text, second.end, false);
        let of = self
            .pack
            .ratio_part_of
            .match_at(self.text, after)
            .filter(|of| self.phrase_ends_at(of.end))?;
        if self.time_word_after_of(of.end) {
            return None;
        }
        quotient(first, first.num.value, second.num.value, second.end)
    }

    /// "entre X et Y", "from X to Y": the join word and a second quantity after the first.
    fn joined(&self, first: &Quantity, join: &crate::phrase::PhraseTable<()>) -> Option<Quantity> {
        let g = skip_gap(self.text, first.end, false);
        let m = join.match_at(self.text, g)?;
        let g2 = skip_gap(self.text, m.end, false);
        if g2 >= self.span.end {
            return None;
        }
        let mut second = self.quantity_at(g2).ok()?;
        self.reject_identifier(&second).ok()?;
        // "between 1 in 4 and 1 in 3": a ratio's range ends in a ratio.
        if first.num.style.ratio {
            second = self.ratio(&second)?;
        }
        Some(second)
    }

    /// [`after_change`] in this sentence.
    fn change_verb_before(&self, pos: usize) -> bool {
        after_change(self.text, self.span.clone(), pos, self.pack)
    }

    /// Whether a separator and a digit stand at `pos`: the number before goes on as a code, a
    /// date or a time ("1.2.3", "24/7", "5/17/2018", "12:30").
    fn digits_go_on(&self, pos: usize) -> bool {
        matches!(self.char_at(pos), Some('.' | ',' | ':' | '/'))
            && self.char_at(pos + 1).is_some_and(|d| d.is_ascii_digit())
    }

    /// Whether bare digits are glued by a hyphen to smaller digits: "article L. 123-4", "a 3-1
    /// win", "2023-1234" with no "n°" before. A range ascends ("10-20"), so these are a code or
    /// a score, not a number and a stray second one.
    fn descending_after_hyphen(&self, q: &Quantity) -> bool {
        let bytes = self.text.as_bytes();
        let e = q.num.end;
        if bytes.get(e) != Some(&b'-')
            || q.unit.is_some()
            || q.scale.is_some()
            || q.prefix.is_some()
            || q.num.scaled
        {
            return false;
        }
        let digits = numeral::digit_run(bytes, e + 1);
        // More digits than a u64 holds are no smaller number.
        if digits == 0 || digits > 18 {
            return false;
        }
        let second: u64 = self.text[e + 1..e + 1 + digits].parse().unwrap_or(u64::MAX);
        Decimal::from(second) < q.num.value
    }

    /// Identifiers and codes: "A320", "COVID-19", "1.2.3", "3G", "1er", "007".
    fn reject_identifier(&self, q: &Quantity) -> Result<(), Skip> {
        let text = self.text;
        let skip_run = |from: usize| {
            let mut e = from;
            while let Some(c) = self.char_at(e) {
                if c.is_alphanumeric() || matches!(c, '.' | ',' | ':' | '/' | '-' | '_') {
                    if matches!(c, '.' | ',' | ':' | '/' | '-')
                        && !self.char_at(e + 1).is_some_and(|d| d.is_alphanumeric())
                    {
                        break;
                    }
                    e += c.len_utf8();
                } else {
                    break;
                }
            }
            Skip::To(e)
        };
        if q.num.style.words {
            return Ok(());
        }
        let s = q.num.start;
        // Glued to a word before: "A320", "COVID-19", "n°12" is a reference word.
        if q.prefix.is_none() && !q.negative {
            if let Some(c) = self.char_before(s) {
                if c.is_alphanumeric() || c == '_' {
                    return Err(skip_run(s));
                }
                // A hedge abbreviated with a stop may be glued to it: "c.12,400", "ca.40%".
                let glued_hedge = || {
                    c == '.'
                        && self
                            .pack
                            .hedge_before
                            .match_word_before(text, s, self.span.start)
                            .is_some()
                };
                if matches!(c, '-' | '/' | '.' | '#' | '\u{00A7}' | '\u{2116}' | '°')
                    && !glued_hedge()
                {
                    let before = self.char_before(s - c.len_utf8());
                    if c != '-' || before.is_some_and(|b| b.is_alphanumeric()) {
                        return Err(skip_run(s));
                    }
                }
            }
        }
        // Continued by digits after a separator: "1.2.3", "10/20", "24/7", "12:30".
        let e = q.num.end;
        if let Some(c) = self.char_at(e) {
            if self.digits_go_on(e) || self.descending_after_hyphen(q) {
                return Err(skip_run(s));
            }
            // Glued to letters that are no scale or unit: "3G", "1er", "4x4".
            if c.is_alphabetic() && q.scale.is_none() && q.unit.is_none() {
                return Err(skip_run(s));
            }
            if c.is_alphabetic() && q.end == e {
                return Err(skip_run(s));
            }
        }
        // Leading zeros: "007", "01".
        let digits = &text[s..e];
        if digits.len() > 1
            && digits.starts_with('0')
            && digits.as_bytes()[1].is_ascii_digit()
            && q.num.style.decimal_sep.is_none()
        {
            return Err(Skip::To(e));
        }
        Ok(())
    }

    /// A year: a bare four-digit integer in the pack's year range ("2019", not "2,019").
    fn is_year(&self, q: &Quantity) -> bool {
        let style = &q.num.style;
        !style.words
            && q.unit.is_none()
            && q.scale.is_none()
            && style.group_sep.is_none()
            && style.frac_digits == 0
            && style.int_digits == 4
            && !q.negative
            && q.num.value >= Decimal::from(self.pack.years.0)
            && q.num.value <= Decimal::from(self.pack.years.1)
    }

    /// The end of the two digits that close a year written as a span, "2024–25", "1998—99" (a
    /// financial year, a season): a dash glued to the year and to exactly two digits. The
    /// hyphen's "2024-25" is a code already (`descending_after_hyphen`); an en dash between
    /// spaces may be an aside ("in 2024 – 25 of them"), so it is not read as one.
    fn short_year_after(&self, year: &Quantity) -> Option<usize> {
        let dash = self.char_at(year.num.end)?;
        if !matches!(dash, '\u{2013}' | '\u{2014}') {
            return None;
        }
        let from = year.num.end + dash.len_utf8();
        let bytes = self.text.as_bytes();
        let end = from + 2;
        (numeral::digit_run(bytes, from) == 2
            && end <= self.span.end
            && !self.char_at(end).is_some_and(char::is_alphanumeric))
        .then_some(end)
    }

    /// Whether `q` is a day of a month: one or two digits, bare.
    fn is_day(&self, q: &Quantity) -> bool {
        !q.num.style.words
            && q.unit.is_none()
            && q.scale.is_none()
            && self.day_at(q.num.start, q.num.end)
    }

    /// Whether `start..end` holds one or two digits, as a day of a month is written.
    fn day_at(&self, start: usize, end: usize) -> bool {
        (1..=2).contains(&(end - start))
            && self.text.as_bytes()[start..end]
                .iter()
                .all(u8::is_ascii_digit)
    }

    /// Where the month ends of a period whose first day ends at `from`: a phrase of
    /// `[not_claims] period_joiners`, a second day and a month ("au 21 novembre", "to 21
    /// November", "et le 21 mai"). The day-first forms; see [`Self::second_day_after_month`]
    /// for "November 3 to 21".
    fn period_after_day(&self, from: usize) -> Option<usize> {
        let (text, pack) = (self.text, self.pack);
        let joiner = pack
            .period_joiners
            .match_at(text, skip_gap(text, from, false))
            .filter(|m| m.end <= self.span.end && self.phrase_ends_at(m.end))?;
        let at = skip_gap(text, joiner.end, false);
        let end = at + numeral::digit_run(text.as_bytes(), at);
        if !self.day_at(at, end) || self.char_at(end).is_some_and(is_word_char) {
            return None;
        }
        self.month_after(end)
    }

    /// Where a month ends that stands right after `from`, in the sentence.
    fn month_after(&self, from: usize) -> Option<usize> {
        let at = skip_gap(self.text, from, false);
        self.pack
            .months
            .match_at(self.text, at)
            .filter(|m| m.end <= self.span.end && self.word_ends_at(m.end))
            .map(|m| m.end)
    }

    /// Whether the day `q` is the second of a period written month first, joined to the first
    /// by a phrase of `[not_claims] period_joiners`: the 21 of "November 3 to 21", the 4 of
    /// "March 3 and 4". The first day is no claim already (a month stands before it); the
    /// day-first forms are [`Self::period_after_day`]'s. ("May 3-4" is a range, whose first
    /// number has the month before it.)
    fn second_day_after_month(&self, q: &Quantity) -> bool {
        let text = self.text;
        let b = skip_gap_back(text, q.start, false);
        let Some(joiner) = self
            .pack
            .period_joiners
            .match_word_before(text, b, self.span.start)
        else {
            return false;
        };
        let day_end = skip_gap_back(text, joiner.start, false);
        let day_start = text[..day_end]
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .len();
        if day_start < self.span.start
            || !self.day_at(day_start, day_end)
            || self.char_before(day_start).is_some_and(is_word_char)
        {
            return false;
        }
        let month_end = skip_gap_back(text, day_start, false);
        let month_end = text[..month_end]
            .strip_suffix('.')
            .map_or(month_end, str::len);
        self.pack
            .months
            .match_word_before(text, month_end, self.span.start)
            .is_some()
    }

    fn reject_non_claims(
        &self,
        first: &Quantity,
        second: Option<&Quantity>,
        qualifier: Qualifier,
    ) -> Result<(), Skip> {
        let text = self.text;
        let pack = self.pack;
        let end = second.map_or(first.end, |s| s.end);
        let skip = Err(Skip::To(end));
        let bare = first.unit.is_none() && first.scale.is_none();
        let is_year = |q: &Quantity| self.is_year(q);
        // "over 2021–24" is a span of years even after a hedge ("over 2021" may be a count).
        if second.is_none() && is_year(first) {
            if let Some(end) = self.short_year_after(first) {
                return Err(Skip::To(end));
            }
        }
        if is_year(first)
            && matches!(qualifier, Qualifier::Exact | Qualifier::Range)
            && second.is_none_or(is_year)
        {
            return skip;
        }
        if bare {
            // A reference: "article 12", "p. 4", "n° 3".
            let b = skip_gap_back(text, first.start, false);
            if pack
                .reference_words
                .match_word_before(text, b, self.span.start)
                .is_some()
            {
                return skip;
            }
            // A date: a month name next to it, or cut short before it ("Nov. 19, 2026").
            let month_end = text[..b].strip_suffix('.').map_or(b, str::len);
            if pack
                .months
                .match_before(text, month_end)
                .is_some_and(|m| m.start >= self.span.start)
            {
                return skip;
            }
            if self.month_after(first.end).is_some() {
                return skip;
            }
            // A day of a period: the first ("du 3 au 21 novembre"), the second written month
            // first ("November 3 to 21"), or both as a range ("3-21 November", "between 3 and
            // 21 May").
            if self.is_day(first) {
                let period_end = match second {
                    None => self
                        .period_after_day(first.end)
                        .or_else(|| self.second_day_after_month(first).then_some(first.end)),
                    Some(s) => self.is_day(s).then(|| self.month_after(s.end)).flatten(),
                };
                if let Some(end) = period_end {
                    return Err(Skip::To(end));
                }
            }
            // List numbering at the start of a line: "1. ", "2) ".
            // Only blanks between the start of the line and the number (scanned back over
            // blanks alone, so a long line costs nothing).
            let blank_start = text[..first.start].trim_end_matches([' ', '\t']).len();
            let at_line_start = blank_start == 0 || text[..blank_start].ends_with('\n');
            // Digits alone: "Un sur quatre." or "Trois." starting a line are no list number.
            if at_line_start
                && !first.num.style.words
                && !first.num.style.ratio
                && matches!(self.char_at(first.num.end), Some('.' | ')'))
                // The stop may end the sentence, so look past it in the whole text.
                && text
                    .get(first.num.end + 1..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(char::is_whitespace)
            {
                return skip;
            }
            // "les deux ministres", "the two governments": both, not a count.
            if first.num.style.words && second.is_none() {
                let word = &text[first.num.start..first.num.end];
                if pack.both.contains(crate::fold::fold(word).as_ref())
                    && pack
                        .both_after
                        .match_before(text, b)
                        .is_some_and(|m| m.start >= self.span.start)
                    && pack
                        .both_unless_before
                        .match_at(text, skip_gap(text, first.num.end, false))
                        .is_none()
                {
                    return skip;
                }
            }
        }
        Ok(())
    }
}

/// Whether a sign can start a number after `prev`: at the start, after a space or an opening
/// bracket or quote, not glued to what ends another number ("10%-20%", "3,25 %–3,5 %").
fn sign_may_follow(prev: Option<char>) -> bool {
    prev.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | '[' | '{' | '«' | '“' | '"' | '‘' | '\'' | ':' | '/'
            )
    })
}

/// Where the run of non-space characters that ends at `pos` starts (`pos` itself after a
/// space), if it starts within `limit` bytes: the walk back stays short in a long run.
fn run_start(text: &str, pos: usize, limit: usize) -> Option<usize> {
    let mut start = pos;
    for (i, c) in text[..pos].char_indices().rev() {
        if c.is_whitespace() {
            return Some(start);
        }
        if pos - i > limit {
            return None;
        }
        start = i;
    }
    Some(start)
}

/// Whether a byte may belong to a word: an ASCII letter or digit, or any byte of a non-ASCII
/// character (which the token walk reads whole).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// `first` restated as `numerator` over `denominator`, precise to the place the denominator
/// resolves; the denominator is written up to `end` (its numeral, or the part word).
fn quotient(
    first: &Quantity,
    numerator: Decimal,
    denominator: Decimal,
    end: usize,
) -> Option<Quantity> {
    let mut num = first.num.clone();
    num.end = end;
    num.value = numerator.checked_div(denominator)?;
    num.exp = numeral::quotient_exp(denominator);
    num.style.ratio = true;
    num.style.denominator = Some(denominator);
    num.determiner_only = false;
    Some(Quantity {
        num,
        end,
        ..first.clone()
    })
}

/// A number with nothing around it: no unit, scale, currency or sign.
fn unadorned(q: &Quantity) -> bool {
    q.unit.is_none() && q.scale.is_none() && q.prefix.is_none() && !q.negative
}

/// An [`unadorned`] whole number: what a ratio or a part is made of.
fn bare(q: &Quantity) -> bool {
    unadorned(q) && q.num.value.is_integer()
}

/// A range's low end takes the unit, and the scale, of its high end: "entre 10 et 20 %",
/// "between 10 and 20 million euros" (not "between 500 and 2 million").
fn inherit(low: &mut Quantity, high: &Quantity) {
    if low.unit.is_none() {
        low.unit = high.unit.clone();
    }
    if low.scale.is_none() && !low.num.scaled && low.num.value < high.num.value {
        low.scale = high.scale;
    }
}

/// Why a candidate is no claim, and where scanning resumes.
#[derive(Debug)]
enum Skip {
    /// Not a claim here; move on by one token.
    Nothing,
    /// Not a claim; resume at this offset.
    To(usize),
    /// A number too large to read exactly.
    Unreadable(Range<usize>),
}

#[cfg(test)]
mod tests;
