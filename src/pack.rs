//! Language packs: the data in `rules/*.toml` that teaches figcheck a language.
//!
//! A pack lists a language's separators, number words, scale words, currencies, percent and
//! percentage-point words, hedges, and the contexts that make a number no claim. The engine's code
//! names no word of any language: adding a language is adding a pack, built in (`rules/`) or given
//! at run time (`--rules FILE`).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use miette::{Diagnostic, NamedSource, SourceSpan};
use rust_decimal::Decimal;
use serde::Deserialize;
use thiserror::Error;

use crate::fold::fold;
use crate::phrase::PhraseTable;

/// Currency codes and symbols shared by every language pack.
pub const CURRENCIES: (&str, &str) = (
    "rules/currencies.toml",
    include_str!("../rules/currencies.toml"),
);

/// The packs compiled into the binary, as (file name, TOML text).
pub const BUILTIN: &[(&str, &str)] = &[
    ("rules/fr.toml", include_str!("../rules/fr.toml")),
    ("rules/en.toml", include_str!("../rules/en.toml")),
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    pack: RawMeta,
    numbers: RawNumbers,
    words: RawWords,
    #[serde(default)]
    scale: Vec<RawScale>,
    units: RawUnits,
    #[serde(default)]
    currency: Vec<RawCurrency>,
    #[serde(default)]
    measure: Vec<RawMeasure>,
    qualifiers: RawQualifiers,
    #[serde(default)]
    terms: RawTerms,
    #[serde(default)]
    sentences: RawSentences,
    #[serde(default)]
    not_claims: RawNotClaims,
    #[serde(default)]
    ratios: RawRatios,
}

/// "one in three", "3 out of 10", "un sur trois": a number over another, read as one claim.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRatios {
    /// The words between the two numbers.
    #[serde(default)]
    join: Vec<String>,
    /// Words after the second number that make it no denominator ("3 in 12 months").
    #[serde(default)]
    not_before: Vec<String>,
    /// Words that name a part and its denominator: "thirds" = 3 ("two thirds" is 2/3).
    #[serde(default)]
    parts: HashMap<String, u64>,
    /// Words one of which must follow a part after a lone article ("a third of", "un tiers
    /// des"): "a third runway" is no share.
    #[serde(default)]
    part_of: Vec<String>,
    /// Part words that also name a span of time ("the last two quarters"): a share only before
    /// a `part_of` word.
    #[serde(default)]
    parts_need_of: Vec<String>,
    /// Whether "une entreprise sur quatre" (a lone article, one noun, the join word, a number)
    /// is a ratio when no plural word follows the number.
    #[serde(default)]
    noun_between: bool,
    /// Phrases that are a share of one part on their own, and their denominator: "half" = 2
    /// ("half of the homes"), "la moitié" = 2 ("la moitié des communes").
    #[serde(default)]
    alone: HashMap<String, u64>,
    /// Words one of which must follow such a phrase ("of", "the"; "des", "du"): "half-year"
    /// and "half a million" are no share of their own.
    #[serde(default)]
    alone_of: Vec<String>,
    /// Words that make such a phrase a part of something, not a share: "the second half of
    /// the year", "the other half of".
    #[serde(default)]
    alone_not_after: Vec<String>,
    /// How a help restates a share in words, by denominator: the share of one part, then the
    /// part's plural after a number in words ("3" = ["a third", "thirds"]).
    #[serde(default)]
    write_parts: HashMap<String, (String, String)>,
    /// Words after which a part needs no "of": a change by a share ("fell by a quarter",
    /// "cut by half").
    #[serde(default)]
    part_by: Vec<String>,
    /// After such a part, a word must be one of these, or none stand there (punctuation, the
    /// end): "by a third in 2025" is a share, "by a third party" an ordinal.
    #[serde(default)]
    part_by_then: Vec<String>,
    /// Comparatives after which a part needs no "of": "a third lower than in 2019", "a quarter
    /// more".
    #[serde(default)]
    part_comparative: Vec<String>,
    /// Plural verbs after which a part needs no "of": it is their subject ("a third were
    /// women", "la moitié ont répondu"); a singular one could follow an ordinal ("a third is
    /// planned").
    #[serde(default)]
    part_verb: Vec<String>,
    /// Words after a scaled number read as a share of the amount before ("dont", "of which")
    /// that say where the money goes: then any words may stand between the amount and the
    /// share ("22 millions d'euros à la promotion, dont 4,5 millions pour les marchés").
    #[serde(default)]
    share_goes_to: Vec<String>,
    /// Words after which a part or a half needs no "of" and may be followed by anything: the
    /// share of a whole just named ("1,5 Md€, dont la moitié pour…", "of whom a third are").
    #[serde(default)]
    share_after: Vec<String>,
    /// Words before a scaled number that the amount before them is compared with ("2,4
    /// millions d'euros, contre 2,1 millions"): the same currency.
    #[serde(default)]
    compared_after: Vec<String>,
    /// Words right after a claim that date it before the level of its sentence ("19 % un an
    /// plus tôt", "19% a year earlier"): a former value, as after `compared_after`.
    #[serde(default)]
    earlier_after: Vec<String>,
    /// Words after a claim that introduce the same quantity again ("soit", "i.e."): a claim
    /// after them restates the figure the first one states.
    #[serde(default)]
    restated_after: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    id: String,
    name: String,
    #[serde(default)]
    lang_codes: Vec<String>,
    #[serde(default)]
    stopwords: Vec<String>,
    /// Opening and closing quotes for help texts.
    #[serde(default = "default_quotes")]
    quotes: [String; 2],
}

fn default_quotes() -> [String; 2] {
    ["\"".to_string(), "\"".to_string()]
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNumbers {
    decimal: Vec<String>,
    group: Vec<String>,
    write_decimal: String,
    write_group: String,
    /// What follows a percentage in help texts: " %" unless the pack says ("%" in English).
    #[serde(default = "default_percent_suffix")]
    write_percent: String,
    #[serde(default = "default_years")]
    years: [u32; 2],
    /// Also read Indian grouping: two-digit groups before the last three ("12,34,567").
    #[serde(default)]
    lakh_grouping: bool,
    /// How help texts write percentage points after a number, space included: singular, then
    /// plural ("\u{a0}point", "\u{a0}points"; agreeing as `singular_below` says). " pp" when
    /// not given.
    #[serde(default)]
    write_points: Option<[String; 2]>,
    /// A number below this takes the singular of a scale word ("1,5 million", "2 millions");
    /// a `[[scale]]` of two words, not case-sensitive, lists its singular then its plural.
    #[serde(default)]
    singular_below: Option<u32>,
    /// Whole numbers in words, from zero: how help texts restate a claim written in words
    /// ("four years" → "three"); "" where the pack does not write that number in words.
    #[serde(default)]
    write_words: Vec<String>,
    /// Only one (and minus one) takes the singular of `write_points` ("1 percentage point",
    /// "0.5 percentage points"), where `singular_below` would also take fractions; scale
    /// words are not agreed.
    #[serde(default)]
    singular_only_one: bool,
}

fn default_percent_suffix() -> String {
    " %".into()
}

fn default_years() -> [u32; 2] {
    [1800, 2100]
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWords {
    #[serde(default)]
    hundreds: Vec<String>,
    /// Those of `hundreds` that multiply only a number before them ("five hundreds"): alone,
    /// "hundreds of volunteers" is no number.
    #[serde(default)]
    hundreds_after_number: Vec<String>,
    #[serde(default)]
    connectors: Vec<String>,
    #[serde(default)]
    hundreds_after_digits: bool,
    #[serde(default)]
    elided_hundreds: bool,
    #[serde(default)]
    determiners: Vec<String>,
    #[serde(default)]
    lead_only: Vec<String>,
    #[serde(default)]
    negative: Vec<String>,
    #[serde(default)]
    decimal_words: Vec<String>,
    #[serde(default)]
    value: HashMap<String, u64>,
    /// Fraction words and their value as a decimal string: demi = "0.5", quarter = "0.25".
    #[serde(default)]
    fraction: HashMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScale {
    words: Vec<String>,
    value: u64,
    #[serde(default)]
    needs_currency: bool,
    #[serde(default)]
    case_sensitive: bool,
    #[serde(default)]
    alone: bool,
    #[serde(default)]
    approx: bool,
    #[serde(default)]
    attached: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnits {
    #[serde(default)]
    of: Vec<String>,
    percent: Vec<String>,
    #[serde(default)]
    points: Vec<String>,
    /// Words that are percentage points after a number with decimals only ("0,3 point";
    /// "un plan en 10 points" is a count).
    #[serde(default)]
    points_after_decimals: Vec<String>,
    /// Words after a number that may mean percentage points or count points ("reculé de 3
    /// points", "gained 45 points"): the claim stays a count, which a percentage-point figure
    /// of its sentence may hold.
    #[serde(default)]
    points_maybe: Vec<String>,
    /// Hundredths of a percentage point ("25 basis points" is 0.25 pp).
    #[serde(default)]
    basis_points: Vec<String>,
    #[serde(default)]
    percent_before: Vec<String>,
    #[serde(default)]
    subunits: Vec<String>,
    /// Words after which a scale glued to its digits is a unit again ("7.6m high" is metres,
    /// "7.6m people" millions).
    #[serde(default)]
    dimensions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCurrency {
    code: String,
    #[serde(default)]
    symbols: Vec<String>,
    #[serde(default)]
    names: Vec<String>,
    /// Names also written before the number ("ringgit 42").
    #[serde(default)]
    before: Vec<String>,
    /// Words after a number that state hundredths of the currency on their own ("4.5p per
    /// share", "50 pence").
    #[serde(default)]
    hundredths: Vec<String>,
}

/// The language-neutral currency file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Currencies {
    #[serde(default)]
    currency: Vec<RawCurrency>,
    /// Scale abbreviations glued before a code ("MUSD"), with their factor.
    #[serde(default)]
    scaled_codes: std::collections::BTreeMap<String, u64>,
}

impl Currencies {
    /// The built-in currency file.
    pub fn builtin() -> Result<Currencies, PackError> {
        let (name, text) = CURRENCIES;
        toml::from_str(text).map_err(|e| PackError::Toml {
            name: name.to_string(),
            src: NamedSource::new(name, text.to_string()),
            span: e.span().map(SourceSpan::from),
            message: e.message().to_string(),
        })
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeasure {
    unit: String,
    words: Vec<String>,
    /// How many times something is ("2.5 times as many"), not a quantity of it: see
    /// [`Unit::Multiple`].
    #[serde(default)]
    multiple: bool,
    /// Words before a bare number that give it this unit ("multiplié par 2,5", "by a factor
    /// of 3").
    #[serde(default)]
    before: Vec<String>,
    /// Words that are a multiple on their own, and its factor: "twice" = 2 ("twice as many").
    #[serde(default)]
    alone: HashMap<String, u64>,
    /// Words one of which must follow such a word ("as", "the"): "called twice" is no claim.
    #[serde(default)]
    alone_then: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQualifiers {
    #[serde(default)]
    approx: Vec<String>,
    #[serde(default)]
    above: Vec<String>,
    #[serde(default)]
    below: Vec<String>,
    #[serde(default)]
    at_least: Vec<String>,
    #[serde(default)]
    at_most: Vec<String>,
    #[serde(default)]
    approx_after: Vec<String>,
    #[serde(default)]
    at_least_after: Vec<String>,
    #[serde(default)]
    at_most_after: Vec<String>,
    #[serde(default)]
    range_open: Vec<String>,
    #[serde(default)]
    range_join: Vec<String>,
    #[serde(default)]
    range_from: Vec<String>,
    #[serde(default)]
    range_to: Vec<String>,
    #[serde(default)]
    change_verbs: Vec<String>,
    /// Hedges that mean "during" before a span of time ("over three years"): no qualifier
    /// there. The words of time are `[ratios] not_before`.
    #[serde(default)]
    during: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerms {
    #[serde(default)]
    plural_endings: Vec<String>,
    /// Words `figcheck init` never proposes as a figure's `about` term: verbs that say how a
    /// figure was reached, not what it counts ("reached", "atteint", "including").
    #[serde(default)]
    weak: Vec<String>,
    /// Whether a noun comes before its adjectives ("les recettes commerciales"): `init` then
    /// takes the noun, not the adjective, before a figure.
    #[serde(default)]
    noun_before_adjective: bool,
    /// Where nouns come after their modifiers ("flood defence schemes"), endings of words that
    /// follow a noun without being its head ("homes protected", "staff waiting"): `init` takes
    /// the last word of a run of nouns, but not one with these endings.
    #[serde(default)]
    not_head_endings: Vec<String>,
    /// Where nouns come after their modifiers, the articles before a figure that modifies the
    /// noun after it ("the 92% standard", "a £3.8 billion package"): `init` names it so.
    #[serde(default)]
    articles: Vec<String>,
    /// Words that open a clause ("and", "but", "dont"): a percentage right after one (or after
    /// a comma, or first in its sentence) followed by a `part_of` word is the clause's subject,
    /// and `init` names it by the noun it is a share of ("and 63% of children", "et 62 % des
    /// établissements").
    #[serde(default)]
    clause_openers: Vec<String>,
    /// Words after which the next word is a verb, not a noun ("has confirmed", "will invest",
    /// "a investi"): `init` names no figure by it, nor takes it for a noun after a stop word.
    /// Compared as written, lower-cased (French "a" is not "à").
    #[serde(default)]
    auxiliaries: Vec<String>,
    /// Endings glued to a word that make it own what follows ("'s": "this year's budget"): a
    /// word of time with one names no span of time.
    #[serde(default)]
    possessive: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSentences {
    #[serde(default)]
    abbreviations: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNotClaims {
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    months: Vec<String>,
    /// Words that join the two days of a period before its month ("du 3 au 21 novembre",
    /// "3 to 21 November"), each maybe followed by an article ("entre le 3 et le 21 mai").
    #[serde(default)]
    period_joiners: Vec<String>,
    #[serde(default)]
    ordinal_suffixes: Vec<String>,
    #[serde(default)]
    both: Vec<String>,
    #[serde(default)]
    both_after: Vec<String>,
    #[serde(default)]
    both_unless_before: Vec<String>,
    #[serde(default)]
    patterns: Vec<String>,
    #[serde(default)]
    across: Vec<String>,
}

/// What a number word is worth and how it composes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumWord {
    /// 0–99: adds up with its neighbours ("vingt" + "cinq").
    Small {
        value: u64,
        determiner: bool,
        lead_only: bool,
    },
    /// Multiplies what stands before it by 100; `alone` when it may stand with no number before it
    /// ("hundred", "cent"; "five hundreds", never "hundreds of volunteers").
    Hundred { alone: bool },
    /// A scale word ("million", "k", "Md").
    Scale(ScaleWord),
    /// A word that joins two number words ("et", "and").
    Connector,
    /// A fraction ("demi", "quarter"): multiplies the number before it, or the scale before it
    /// ("un million et demi", "three quarters billion").
    Fraction(Decimal),
    /// The word between integer and decimals ("point", "virgule").
    Point,
}

/// A scale word or abbreviation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScaleWord {
    pub value: u64,
    /// Only next to a currency ("31,4 M€")...
    pub needs_currency: bool,
    /// ...unless glued to the digits ("3M").
    pub attached: bool,
    pub alone: bool,
    pub approx: bool,
}

/// A word naming a part ("thirds"), with its denominator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartWord {
    pub denominator: u64,
    /// A share only before one of the pack's `part_of` words: the word also names a span of
    /// time ("the last two quarters").
    pub needs_of: bool,
}

/// A unit word or symbol, with the scale it carries ("MUSD" is a million dollars).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitWord {
    pub unit: Unit,
    pub scale: u64,
    /// The word names one `per`-th of the unit ("pence": 100); 1 for the unit itself.
    pub per: u64,
}

/// A unit a claim can state.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Unit {
    Count,
    Percent,
    Points,
    Currency(Arc<str>),
    Measure(Arc<str>),
    /// A measure that states how many times something is ("1.4x", "2.5 times as many", "deux
    /// fois plus"), not how much of it there is: unlike a measured quantity ("421 km"), it never
    /// stands for a count figure, so "three times as many applications" is not held against the
    /// number of applications.
    Multiple(Arc<str>),
}

impl Unit {
    /// The contract's spelling: "count", "%", "pp", an ISO 4217 code or a measure unit.
    pub fn as_str(&self) -> &str {
        match self {
            Unit::Currency(c) | Unit::Measure(c) | Unit::Multiple(c) => c,
            _ => self.name().unwrap_or_default(),
        }
    }

    /// The contract's name of a unit of its own ("count", "%", "pp"); `None` for a currency's
    /// code or a measure's symbol, which come from a language pack.
    pub fn name(&self) -> Option<&'static str> {
        match self {
            Unit::Count => Some("count"),
            Unit::Percent => Some("%"),
            Unit::Points => Some("pp"),
            Unit::Currency(_) | Unit::Measure(_) | Unit::Multiple(_) => None,
        }
    }
}

/// A hedge word before or after a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hedge {
    Approx,
    Above,
    Below,
    AtLeast,
    AtMost,
    RangeOpen,
    RangeFrom,
}

/// A compiled language pack.
#[derive(Debug)]
pub struct LocalePack {
    pub id: String,
    pub name: String,
    pub lang_codes: Vec<String>,
    pub stopwords: rustc_hash::FxHashSet<String>,
    pub quotes: (String, String),
    pub decimal: Vec<char>,
    pub group: Vec<char>,
    pub write_decimal: String,
    pub write_group: String,
    /// Written after a percentage's number in help texts ("\u{a0}%", "%").
    pub write_percent: String,
    /// Written between a ratio's numbers in help texts ("1 in 4"): the first `[ratios] join`.
    pub write_ratio_join: Option<String>,
    /// Written in place of a strict bound that sits on its figure ("more than 40,000" against
    /// 40,000: "at least 40,000"): the first `[qualifiers] at_least` and `at_most` phrases.
    pub write_at_least: Option<String>,
    pub write_at_most: Option<String>,
    /// A share in words for help texts, by denominator: one part ("a quarter", "la moitié"),
    /// and the plural written after a number in words ("quarters": "three quarters").
    pub write_parts: rustc_hash::FxHashMap<u64, (String, String)>,
    /// Percentage points in help texts, singular and plural (`[numbers] write_points`).
    pub write_points: Option<[String; 2]>,
    /// Whole numbers in words, from zero (`[numbers] write_words`; "" for none).
    pub write_words: Vec<String>,
    /// A number below this takes the singular of a scale word (`[numbers] singular_below`).
    pub singular_below: Option<Decimal>,
    /// Only ±1 takes the singular of `write_points` (`[numbers] singular_only_one`).
    pub singular_only_one: bool,
    /// Folded scale words, each with its group's singular and plural, where the pack has
    /// `singular_below` ("milliards" → ("milliard", "milliards")).
    pub scale_forms: rustc_hash::FxHashMap<String, (String, String)>,
    pub years: (u32, u32),
    pub lakh_grouping: bool,
    /// Whether a hundreds word may follow digits ("322 hundred"); not in French, where "15 cents"
    /// is an amount of cents.
    pub hundreds_after_digits: bool,
    /// Whether a unit word, a tens word and a unit word say hundreds without the hundreds word
    /// ("one twenty-two" is 122), as spoken English does.
    pub elided_hundreds: bool,
    /// Number words, hundreds, scales and connectors.
    pub numbers: PhraseTable<NumWord>,
    /// Scale words valid after digits ("31,4 millions", "54m").
    pub scales: PhraseTable<ScaleWord>,
    pub of: PhraseTable<()>,
    /// Units written after a number: percent, points, currency names and symbols, measures.
    pub unit_after: PhraseTable<UnitWord>,
    /// Currency symbols and codes written before a number.
    pub currency_before: PhraseTable<UnitWord>,
    /// Words before a bare number that give it a measure's unit ("multiplié par 2,5").
    pub measure_before: PhraseTable<Unit>,
    /// Words that are a multiple on their own ("twice"), with its factor and unit.
    pub multiple_alone: PhraseTable<(u64, Unit)>,
    /// What must follow one of [`Self::multiple_alone`] ("as", "the").
    pub multiple_alone_then: PhraseTable<()>,
    /// Each currency code's first symbol ("EUR" → "€"), for help texts that swap a currency.
    pub currency_symbols: rustc_hash::FxHashMap<String, String>,
    /// Percent words written before a number ("percent of 10").
    pub percent_before: PhraseTable<()>,
    /// Words that make the number after them negative ("minus", "moins").
    pub negative: PhraseTable<()>,
    /// Sub-units after an amount ("15 dollars et 15 cents").
    pub subunits: PhraseTable<()>,
    /// Words that make a glued scale a unit again ("high", "long").
    pub dimensions: PhraseTable<()>,
    /// Percentage points after a number with decimals ("0,3 point").
    pub points_after_decimals: PhraseTable<UnitWord>,
    /// Words that may be percentage points after a number read as a count ("3 points").
    pub points_maybe: PhraseTable<()>,
    pub hedge_before: PhraseTable<Hedge>,
    /// Hedges that mean "during" before a span of time ("over three years").
    pub hedge_during: PhraseTable<()>,
    pub hedge_after: PhraseTable<Hedge>,
    pub range_join: PhraseTable<()>,
    pub range_to: PhraseTable<()>,
    /// Joins a ratio's two numbers ("in", "out of", "sur").
    pub ratio_join: PhraseTable<()>,
    /// Words that stop the number before them from being a ratio's denominator.
    pub ratio_not_before: PhraseTable<()>,
    /// Part words ("thirds", "tiers").
    pub ratio_parts: PhraseTable<PartWord>,
    /// What follows a part after a lone article ("of", "des").
    pub ratio_part_of: PhraseTable<()>,
    /// Whether a noun may stand between a lone article and the join word.
    pub ratio_noun_between: bool,
    /// Shares of one part on their own ("half", "la moitié"): the denominator.
    pub ratio_alone: PhraseTable<u64>,
    /// What must follow one of [`Self::ratio_alone`] ("of", "des").
    pub ratio_alone_of: PhraseTable<()>,
    /// What must not stand right before one of [`Self::ratio_alone`] ("second", "other").
    pub ratio_alone_not_after: PhraseTable<()>,
    /// Words before a part that make its "of" unneeded ("by": "fell by a quarter").
    pub ratio_part_by: PhraseTable<()>,
    /// The words that may follow such a part ("in", "since").
    pub ratio_part_by_then: PhraseTable<()>,
    pub ratio_part_comparative: PhraseTable<()>,
    pub ratio_part_verb: PhraseTable<()>,
    pub ratio_share_goes_to: PhraseTable<()>,
    /// Words before a part that make it a share of what was just named ("dont", "of which").
    pub ratio_share_after: PhraseTable<()>,
    /// Words before a scaled number compared with the amount before them ("contre", "against").
    pub ratio_compared_after: PhraseTable<()>,
    /// Words right after a claim that make it a former value ("un an plus tôt", "a year
    /// earlier").
    pub ratio_earlier_after: PhraseTable<()>,
    /// Words after a claim that state its quantity again ("soit", "i.e.").
    pub ratio_restated_after: PhraseTable<()>,
    pub change_verbs: PhraseTable<()>,
    pub plural_endings: Vec<String>,
    /// Folded words `init` never takes as a term (see `[terms] weak`).
    pub weak_terms: HashSet<String>,
    /// Folded number words that are also articles ("un", "a"): `init` reads a noun after them.
    pub determiners: HashSet<String>,
    pub noun_before_adjective: bool,
    /// See `[terms] not_head_endings`.
    pub not_head_endings: Vec<String>,
    /// See `[terms] articles` (folded).
    pub articles: HashSet<String>,
    /// See `[terms] possessive`.
    pub possessive: Vec<String>,
    /// See `[terms] clause_openers` (folded).
    pub clause_openers: HashSet<String>,
    /// See `[terms] auxiliaries` (lower-cased, not folded).
    pub auxiliaries: HashSet<String>,
    pub abbreviations: rustc_hash::FxHashSet<String>,
    pub reference_words: PhraseTable<()>,
    pub months: PhraseTable<()>,
    /// The months cut short: those that begin another ("nov" of "november", "janv" of
    /// "janvier"). A stop after one before a number ends no sentence ("Nov. 19, 2026").
    pub short_months: PhraseTable<()>,
    pub ordinal_suffixes: HashSet<String>,
    /// See `[not_claims] period_joiners`.
    pub period_joiners: PhraseTable<()>,
    pub both: HashSet<String>,
    pub both_after: PhraseTable<()>,
    pub both_unless_before: PhraseTable<()>,
    /// The `[not_claims] patterns` as one lazy DFA, tried anchored where a number starts.
    pub not_claim_patterns: Option<NotClaimPatterns>,
    /// The `[not_claims] across` words: a pattern may start two words before a number when
    /// the word before it is one of these ("jeunes de 15 à 24 ans"). Folded; a few words, so
    /// a list: asked of the word before every number, a hash set cost 2 % of extraction.
    pub not_claim_across: Vec<String>,
    /// Every currency and measurement unit the pack knows.
    pub units: Vec<Unit>,
    /// The folded tokens a claim can start with (number words, currency symbols and codes, sign
    /// and percent words): the extractor skips every other word at the cost of one lookup.
    pub starters: crate::phrase::TokenSet,
}

/// A language pack that could not be read.
#[derive(Debug, Error, Diagnostic)]
pub enum PackError {
    #[error("the language pack {name} is not valid TOML for a pack")]
    #[diagnostic(
        code(figcheck::pack),
        help("see rules/fr.toml for the keys a language pack takes")
    )]
    Toml {
        name: String,
        #[source_code]
        src: NamedSource<String>,
        #[label("{message}")]
        span: Option<SourceSpan>,
        message: String,
    },
    #[error("the language pack {name} has an invalid entry: {message}")]
    #[diagnostic(
        code(figcheck::pack),
        help("patterns use the syntax of the Rust regex crate")
    )]
    Pattern { name: String, message: String },
    #[error("could not read the language pack {name}: {message}")]
    #[diagnostic(code(figcheck::pack))]
    Io { name: String, message: String },
}

fn insert_all<T: Clone>(table: &mut PhraseTable<T>, phrases: &[String], value: T) {
    for p in phrases {
        table.insert(p, false, value.clone());
    }
}

impl LocalePack {
    /// Parses and compiles a pack from its TOML text; `name` names it in errors.
    pub fn from_toml(name: &str, text: &str, common: &Currencies) -> Result<LocalePack, PackError> {
        let raw: RawPack = toml::from_str(text).map_err(|e| PackError::Toml {
            name: name.to_string(),
            src: NamedSource::new(name, text.to_string()),
            span: e.span().map(SourceSpan::from),
            message: e.message().to_string(),
        })?;
        Self::compile(name, raw, common)
    }

    fn compile(name: &str, raw: RawPack, common: &Currencies) -> Result<LocalePack, PackError> {
        let chars = |v: &[String]| {
            v.iter()
                .filter_map(|s| s.chars().next())
                .collect::<Vec<_>>()
        };
        let folded_set = |v: &[String]| {
            v.iter()
                .map(|s| fold(s).into_owned())
                .collect::<HashSet<_>>()
        };

        let mut numbers = PhraseTable::default();
        let determiners = folded_set(&raw.words.determiners);
        let lead_only = folded_set(&raw.words.lead_only);
        for (word, &value) in &raw.words.value {
            let f = fold(word);
            numbers.insert(
                word,
                false,
                NumWord::Small {
                    value,
                    determiner: determiners.contains(f.as_ref()),
                    lead_only: lead_only.contains(f.as_ref()),
                },
            );
        }
        for word in &raw.words.lead_only {
            if !raw.words.value.contains_key(word) {
                numbers.insert(
                    word,
                    false,
                    NumWord::Small {
                        value: 1,
                        determiner: true,
                        lead_only: true,
                    },
                );
            }
        }
        for w in &raw.words.hundreds {
            let alone = !raw.words.hundreds_after_number.contains(w);
            numbers.insert(w, false, NumWord::Hundred { alone });
        }
        insert_all(&mut numbers, &raw.words.connectors, NumWord::Connector);
        insert_all(&mut numbers, &raw.words.decimal_words, NumWord::Point);
        for (word, value) in &raw.words.fraction {
            let v: Decimal = value.parse().map_err(|_| PackError::Pattern {
                name: name.to_string(),
                message: format!("fraction `{word}` = \"{value}\" is not a decimal"),
            })?;
            numbers.insert(word, false, NumWord::Fraction(v));
        }

        let mut ratio_parts = PhraseTable::default();
        let folded_need_of: Vec<_> = raw.ratios.parts_need_of.iter().map(|w| fold(w)).collect();
        for (word, &denominator) in &raw.ratios.parts {
            if denominator < 2 {
                return Err(PackError::Pattern {
                    name: name.to_string(),
                    message: format!("part `{word}` = {denominator}: a denominator is 2 or more"),
                });
            }
            let needs_of = folded_need_of.contains(&fold(word));
            ratio_parts.insert(
                word,
                false,
                PartWord {
                    denominator,
                    needs_of,
                },
            );
        }
        if let Some(w) = raw
            .ratios
            .parts_need_of
            .iter()
            .find(|w| !raw.ratios.parts.keys().any(|p| fold(p) == fold(w)))
        {
            return Err(PackError::Pattern {
                name: name.to_string(),
                message: format!(
                    "`parts_need_of` names `{w}`, which is no part in `[ratios.parts]`"
                ),
            });
        }

        let mut ratio_alone = PhraseTable::default();
        for (phrase, &denominator) in &raw.ratios.alone {
            if denominator < 2 {
                return Err(PackError::Pattern {
                    name: name.to_string(),
                    message: format!(
                        "`{phrase}` = {denominator} in `[ratios.alone]`: a denominator is 2 or more"
                    ),
                });
            }
            ratio_alone.insert(phrase, false, denominator);
        }

        let mut write_parts = rustc_hash::FxHashMap::default();
        for (key, forms) in &raw.ratios.write_parts {
            let denominator =
                key.parse::<u64>()
                    .ok()
                    .filter(|&d| d >= 2)
                    .ok_or_else(|| PackError::Pattern {
                        name: name.to_string(),
                        message: format!(
                            "`{key}` in `[ratios.write_parts]`: a key is a denominator, 2 or more"
                        ),
                    })?;
            write_parts.insert(denominator, forms.clone());
        }

        let mut scale_forms = rustc_hash::FxHashMap::default();
        if raw.numbers.singular_below.is_some() {
            for s in raw.scale.iter().filter(|s| !s.case_sensitive) {
                if let [singular, plural] = s.words.as_slice() {
                    for w in [singular, plural] {
                        scale_forms
                            .insert(fold(w).into_owned(), (singular.clone(), plural.clone()));
                    }
                }
            }
        }
        let mut scales = PhraseTable::default();
        for s in &raw.scale {
            let scale = ScaleWord {
                value: s.value,
                needs_currency: s.needs_currency,
                attached: s.attached,
                alone: s.alone,
                approx: s.approx,
            };
            for w in &s.words {
                scales.insert(w, s.case_sensitive, scale);
                // Abbreviations stand only after digits; spelled-out scales compose with words too.
                if !s.case_sensitive {
                    numbers.insert(w, false, NumWord::Scale(scale));
                }
            }
        }

        let mut of = PhraseTable::default();
        insert_all(&mut of, &raw.units.of, ());
        let mut unit_after = PhraseTable::default();
        let mut currency_before = PhraseTable::default();
        let mut units = Vec::new();
        let mut measure_before = PhraseTable::default();
        let mut multiple_alone = PhraseTable::default();
        let mut multiple_alone_then = PhraseTable::default();
        let word = |unit: &Unit| UnitWord {
            unit: unit.clone(),
            scale: 1,
            per: 1,
        };
        insert_all(&mut unit_after, &raw.units.percent, word(&Unit::Percent));
        insert_all(&mut unit_after, &raw.units.points, word(&Unit::Points));
        insert_all(
            &mut unit_after,
            &raw.units.basis_points,
            UnitWord {
                per: 100,
                ..word(&Unit::Points)
            },
        );
        let mut points_after_decimals = PhraseTable::default();
        insert_all(
            &mut points_after_decimals,
            &raw.units.points_after_decimals,
            word(&Unit::Points),
        );
        // The shared file's first symbol ("£") before a pack's own variants ("UK£").
        let mut currency_symbols = rustc_hash::FxHashMap::default();
        for c in common.currency.iter().chain(&raw.currency) {
            if let Some(first) = c.symbols.first() {
                currency_symbols
                    .entry(c.code.clone())
                    .or_insert_with(|| first.clone());
            }
        }
        for c in raw.currency.iter().chain(&common.currency) {
            let unit = Unit::Currency(Arc::from(c.code.as_str()));
            if !units.contains(&unit) {
                units.push(unit.clone());
            }
            insert_all(&mut unit_after, &c.symbols, word(&unit));
            insert_all(&mut unit_after, &c.names, word(&unit));
            insert_all(&mut currency_before, &c.symbols, word(&unit));
            insert_all(&mut currency_before, &c.before, word(&unit));
            for h in &c.hundredths {
                // "p" is case-sensitive ("P" is no penny); "pence" is not.
                let symbol = h.chars().count() <= 2;
                let w = UnitWord {
                    per: 100,
                    ..word(&unit)
                };
                unit_after.insert(h, symbol, w);
            }
        }
        for c in &common.currency {
            let unit = Unit::Currency(Arc::from(c.code.as_str()));
            for (prefix, &scale) in &common.scaled_codes {
                let code = format!("{prefix}{}", c.code);
                let w = UnitWord {
                    unit: unit.clone(),
                    scale,
                    per: 1,
                };
                unit_after.insert(&code, true, w.clone());
                currency_before.insert(&code, true, w);
            }
        }
        for m in &raw.measure {
            let unit_name = Arc::from(m.unit.as_str());
            let unit = match m.multiple {
                true => Unit::Multiple(unit_name),
                false => Unit::Measure(unit_name),
            };
            units.push(unit.clone());
            for w in &m.words {
                // Short symbols ("t", "m", "MW") are case-sensitive; spelled-out names are not.
                let symbol = w.chars().count() <= 3;
                unit_after.insert(w, symbol, word(&unit));
            }
            insert_all(&mut measure_before, &m.before, unit.clone());
            for (word, &factor) in &m.alone {
                if !m.multiple || factor < 2 {
                    return Err(PackError::Pattern {
                        name: name.to_string(),
                        message: format!(
                            "`{word}` = {factor} in a measure's `alone`: only a multiple \
                             (`multiple = true`) takes one, and its factor is 2 or more"
                        ),
                    });
                }
                multiple_alone.insert(word, false, (factor, unit.clone()));
            }
            insert_all(&mut multiple_alone_then, &m.alone_then, ());
        }
        let mut percent_before = PhraseTable::default();
        insert_all(&mut percent_before, &raw.units.percent_before, ());

        let q = &raw.qualifiers;
        let mut hedge_before = PhraseTable::default();
        insert_all(&mut hedge_before, &q.approx, Hedge::Approx);
        insert_all(&mut hedge_before, &q.above, Hedge::Above);
        insert_all(&mut hedge_before, &q.below, Hedge::Below);
        insert_all(&mut hedge_before, &q.at_least, Hedge::AtLeast);
        insert_all(&mut hedge_before, &q.at_most, Hedge::AtMost);
        insert_all(&mut hedge_before, &q.range_open, Hedge::RangeOpen);
        insert_all(&mut hedge_before, &q.range_from, Hedge::RangeFrom);
        let mut hedge_after = PhraseTable::default();
        insert_all(&mut hedge_after, &q.approx_after, Hedge::Approx);
        insert_all(&mut hedge_after, &q.at_least_after, Hedge::AtLeast);
        insert_all(&mut hedge_after, &q.at_most_after, Hedge::AtMost);
        let table = |v: &[String]| {
            let mut t = PhraseTable::default();
            insert_all(&mut t, v, ());
            t
        };

        // A connector ("and", "et") joins number words but starts none.
        let any = crate::phrase::Follow::ANY;
        let starters = numbers
            .first_follows_where(|w| !matches!(w, NumWord::Connector))
            .chain(currency_before.first_follows_where(|_| true))
            .chain(multiple_alone.first_follows_where(|_| true))
            .chain(percent_before.first_follows_where(|_| true))
            // "la moitié" is found from its last word, read backwards ("la" is too common).
            .chain(ratio_alone.last_keys().map(|k| (k, any)))
            .map(|(k, f)| (k.to_string(), f))
            .chain(
                raw.words
                    .negative
                    .iter()
                    .map(|w| (fold(w).into_owned(), any)),
            )
            .collect();
        let nc = &raw.not_claims;
        let not_claim_patterns = if nc.patterns.is_empty() {
            None
        } else {
            // `\b` is an ASCII word boundary here: Unicode boundaries make the regex crate fall
            // back to a slow engine on accented text, and the patterns only bound digits.
            let joined = nc
                .patterns
                .iter()
                .map(|p| format!("(?:{})", p.replace("\\b", "(?-u:\\b)")))
                .collect::<Vec<_>>()
                .join("|");
            Some(
                NotClaimPatterns::new(&joined).map_err(|message| PackError::Pattern {
                    name: name.to_string(),
                    message,
                })?,
            )
        };

        Ok(LocalePack {
            id: raw.pack.id,
            name: raw.pack.name,
            lang_codes: raw
                .pack
                .lang_codes
                .iter()
                .map(|c| c.to_lowercase())
                .collect(),
            stopwords: raw
                .pack
                .stopwords
                .iter()
                .map(|s| fold(s).into_owned())
                .collect(),
            quotes: (raw.pack.quotes[0].clone(), raw.pack.quotes[1].clone()),
            decimal: chars(&raw.numbers.decimal),
            group: chars(&raw.numbers.group),
            write_decimal: raw.numbers.write_decimal,
            write_group: raw.numbers.write_group,
            write_percent: raw.numbers.write_percent,
            write_ratio_join: raw.ratios.join.first().cloned(),
            write_at_least: raw.qualifiers.at_least.first().cloned(),
            write_at_most: raw.qualifiers.at_most.first().cloned(),
            write_parts,
            singular_below: raw.numbers.singular_below.map(Decimal::from),
            singular_only_one: raw.numbers.singular_only_one,
            write_points: raw.numbers.write_points,
            write_words: raw.numbers.write_words,
            scale_forms,
            years: (raw.numbers.years[0], raw.numbers.years[1]),
            lakh_grouping: raw.numbers.lakh_grouping,
            hundreds_after_digits: raw.words.hundreds_after_digits,
            elided_hundreds: raw.words.elided_hundreds,
            numbers,
            scales,
            of,
            unit_after,
            currency_before,
            measure_before,
            multiple_alone,
            multiple_alone_then,
            currency_symbols,
            percent_before,
            negative: table(&raw.words.negative),
            subunits: table(&raw.units.subunits),
            dimensions: table(&raw.units.dimensions),
            points_maybe: table(&raw.units.points_maybe),
            points_after_decimals,
            hedge_before,
            hedge_during: table(&q.during),
            hedge_after,
            range_join: table(&q.range_join),
            range_to: table(&q.range_to),
            ratio_join: table(&raw.ratios.join),
            ratio_not_before: table(&raw.ratios.not_before),
            ratio_parts,
            ratio_part_of: table(&raw.ratios.part_of),
            ratio_noun_between: raw.ratios.noun_between,
            ratio_alone,
            ratio_alone_of: table(&raw.ratios.alone_of),
            ratio_alone_not_after: table(&raw.ratios.alone_not_after),
            ratio_part_by: table(&raw.ratios.part_by),
            ratio_part_by_then: table(&raw.ratios.part_by_then),
            ratio_part_comparative: table(&raw.ratios.part_comparative),
            ratio_part_verb: table(&raw.ratios.part_verb),
            ratio_share_goes_to: table(&raw.ratios.share_goes_to),
            ratio_share_after: table(&raw.ratios.share_after),
            ratio_compared_after: table(&raw.ratios.compared_after),
            ratio_earlier_after: table(&raw.ratios.earlier_after),
            ratio_restated_after: table(&raw.ratios.restated_after),
            change_verbs: table(&q.change_verbs),
            weak_terms: folded_set(&raw.terms.weak),
            determiners,
            noun_before_adjective: raw.terms.noun_before_adjective,
            not_head_endings: raw.terms.not_head_endings,
            articles: folded_set(&raw.terms.articles),
            possessive: raw.terms.possessive.clone(),
            clause_openers: folded_set(&raw.terms.clause_openers),
            auxiliaries: raw
                .terms
                .auxiliaries
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            plural_endings: raw.terms.plural_endings,
            abbreviations: raw.sentences.abbreviations.iter().cloned().collect(),
            reference_words: table(&nc.before),
            months: table(&nc.months),
            short_months: table(&short_months(&nc.months)),
            ordinal_suffixes: folded_set(&nc.ordinal_suffixes),
            period_joiners: table(&nc.period_joiners),
            both: folded_set(&nc.both),
            not_claim_across: nc.across.iter().map(|w| fold(w).into_owned()).collect(),
            both_after: table(&nc.both_after),
            both_unless_before: table(&nc.both_unless_before),
            not_claim_patterns,
            units,
            starters,
        })
    }

    /// Every currency and measurement unit this pack knows.
    pub fn units_known(&self) -> &[Unit] {
        &self.units
    }

    /// True when `code` (a front-matter `lang:` or `--locale` value) names this pack.
    pub fn answers_to(&self, code: &str) -> bool {
        let code = code.trim().to_lowercase();
        code == self.id || self.lang_codes.contains(&code)
    }

    /// The form of a word that agrees with the number `n` before it: `singular` below the
    /// pack's `singular_below` ("1,2 milliard", "0,2 point"), or at ±1 only where the pack says
    /// `singular_only_one` ("1 percentage point"), else `plural`.
    pub fn agreeing<'w>(&self, n: Decimal, singular: &'w str, plural: &'w str) -> &'w str {
        let takes_singular = if self.singular_only_one {
            n.abs() == Decimal::ONE
        } else {
            self.singular_below.is_some_and(|below| n.abs() < below)
        };
        if takes_singular {
            singular
        } else {
            plural
        }
    }
}

/// The packs of a run, in the order they were given.
#[derive(Debug)]
pub struct Packs {
    pub packs: Vec<LocalePack>,
    common: Currencies,
    /// Every stop word of up to 8 bytes, packed in a `u64`, with a bit per pack that lists it:
    /// language detection asks about every short word of a text, so one integer lookup answers.
    stopword_masks: WordMasks,
    /// For each lower-cased first byte, a bit per length (1–8) that some stop word has: most
    /// words of a text are rejected by one load before they are packed and hashed.
    stopword_shapes: [u16; 256],
}

/// A pack's not-claim patterns (times, phone numbers, dates, postcodes) compiled into one
/// forward lazy DFA. Tried anchored at the few places a number's pattern can start rather than
/// run over every sentence: the search stops within a few bytes where nothing matches.
#[derive(Debug)]
pub struct NotClaimPatterns {
    dfa: regex_automata::hybrid::dfa::DFA,
    /// The lazy DFA's states, built as texts need them and kept for the next file (a fresh
    /// cache for each file would determinize the patterns over and over).
    caches: regex_automata::util::pool::Pool<NotClaimCache, CacheMaker>,
}

/// A thread's working memory for [`NotClaimPatterns`].
pub type NotClaimCache = regex_automata::hybrid::dfa::Cache;
type CacheMaker = Box<dyn Fn() -> NotClaimCache + Send + Sync>;
/// A cache borrowed from [`NotClaimPatterns`] for a run of sentences.
pub type NotClaimGuard<'a> = regex_automata::util::pool::PoolGuard<'a, NotClaimCache, CacheMaker>;

impl NotClaimPatterns {
    fn new(pattern: &str) -> Result<Self, String> {
        // Never give up on a thrashing cache: an error would drop a pattern silently.
        let config = regex_automata::hybrid::dfa::Config::new().minimum_cache_clear_count(None);
        regex_automata::hybrid::dfa::DFA::builder()
            .configure(config)
            .build(pattern)
            .map(|dfa| {
                let maker = dfa.clone();
                let make: CacheMaker = Box::new(move || maker.create_cache());
                NotClaimPatterns {
                    dfa,
                    caches: regex_automata::util::pool::Pool::new(make),
                }
            })
            .map_err(|e| e.to_string())
    }

    pub fn cache(&self) -> NotClaimGuard<'_> {
        self.caches.get()
    }

    /// The end of the longest-priority (leftmost-first) match starting exactly at `start` in
    /// `haystack` (look-arounds such as `\b` see the whole haystack).
    pub fn match_at(
        &self,
        cache: &mut NotClaimCache,
        haystack: &str,
        start: usize,
    ) -> Option<usize> {
        let input = regex_automata::Input::new(haystack)
            .range(start..)
            .anchored(regex_automata::Anchored::Yes);
        // No quit bytes and no give-up: the search cannot fail.
        self.dfa
            .try_search_fwd(cache, &input)
            .ok()
            .flatten()
            .map(|m| m.offset())
    }
}

/// Packed words (see [`pack_word`]) and their masks in one open-addressed table a quarter full:
/// a lookup is a multiply, a shift and usually one compare. Language detection asks it about
/// a third of a text's words; a general hash map was most of that time.
#[derive(Debug, Default)]
struct WordMasks {
    /// (packed word, mask); 0 marks an empty slot (no word packs to 0).
    slots: Vec<(u64, u64)>,
    shift: u32,
}

impl WordMasks {
    fn new(words: &rustc_hash::FxHashMap<u64, u64>) -> Self {
        let size = (words.len() * 4).next_power_of_two().max(16);
        let mut table = WordMasks {
            slots: vec![(0, 0); size],
            shift: 64 - size.trailing_zeros(),
        };
        for (&key, &mask) in words {
            let mut i = table.slot(key);
            while table.slots[i].0 != 0 {
                i = (i + 1) & (size - 1);
            }
            table.slots[i] = (key, mask);
        }
        table
    }

    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn get(&self, key: u64) -> u64 {
        if self.slots.is_empty() {
            return 0;
        }
        let mut i = self.slot(key);
        loop {
            match self.slots[i] {
                (k, mask) if k == key => return mask,
                (0, _) => return 0,
                _ => i = (i + 1) & (self.slots.len() - 1),
            }
        }
    }
}

/// A word of up to 8 bytes as one integer, ASCII lower-cased (see [`Packs::stopword_mask`]).
pub fn pack_word(word: &[u8]) -> Option<u64> {
    // Built in a register, byte by byte: copying into a stack buffer and loading it whole
    // stalled on store forwarding, a quarter of the stop-word walk's time.
    (word.len() <= 8).then(|| {
        word.iter()
            .rev()
            .fold(0, |key, &b| key << 8 | u64::from(b.to_ascii_lowercase()))
    })
}

impl Packs {
    /// The built-in French and English packs.
    pub fn builtin() -> Result<Packs, PackError> {
        let common = Currencies::builtin()?;
        let packs = BUILTIN
            .iter()
            .map(|(name, text)| LocalePack::from_toml(name, text, &common))
            .collect::<Result<Vec<_>, _>>()?;
        let mut packs = Packs {
            packs,
            common,
            stopword_masks: Default::default(),
            stopword_shapes: [0; 256],
        };
        packs.index_stopwords();
        Ok(packs)
    }

    fn index_stopwords(&mut self) {
        let mut masks = rustc_hash::FxHashMap::<u64, u64>::default();
        self.stopword_shapes = [0; 256];
        for (i, pack) in self.packs.iter().enumerate().take(64) {
            for w in &pack.stopwords {
                if let Some(key) = pack_word(w.as_bytes()) {
                    *masks.entry(key).or_default() |= 1 << i;
                    let first = w.as_bytes()[0].to_ascii_lowercase();
                    self.stopword_shapes[usize::from(first)] |= 1 << w.len();
                }
            }
        }
        self.stopword_masks = WordMasks::new(&masks);
    }

    /// False when no stop word has this ASCII word's first letter and length, so that
    /// [`Packs::stopword_mask`] would answer 0; words with other bytes are left to it.
    pub fn may_be_stopword(&self, word: &[u8]) -> bool {
        match word.first() {
            Some(&b) if word.is_ascii() => self.may_be_stopword_shape(b, word.len()),
            Some(_) => true,
            None => false,
        }
    }

    /// [`Packs::may_be_stopword`] of a folded ASCII word given by its first byte and length.
    pub fn may_be_stopword_shape(&self, first: u8, len: usize) -> bool {
        len <= 8 && self.stopword_shapes[usize::from(first.to_ascii_lowercase())] & (1 << len) != 0
    }

    /// The packs (a bit each, by index) that list the folded word packed in `key` as a stop
    /// word.
    pub fn stopword_mask(&self, key: u64) -> u64 {
        self.stopword_masks.get(key)
    }

    /// Adds a pack read from a file; a pack with the id of an earlier one replaces it.
    pub fn add_file(&mut self, path: &std::path::Path) -> Result<(), PackError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| PackError::Io {
            name: name.clone(),
            message: e.to_string(),
        })?;
        let pack = LocalePack::from_toml(&name, &text, &self.common)?;
        match self.packs.iter_mut().find(|p| p.id == pack.id) {
            Some(old) => *old = pack,
            None => self.packs.push(pack),
        }
        self.index_stopwords();
        Ok(())
    }

    /// The index of the pack that answers to `code`.
    pub fn find(&self, code: &str) -> Option<usize> {
        self.packs.iter().position(|p| p.answers_to(code))
    }

    pub fn get(&self, idx: usize) -> &LocalePack {
        &self.packs[idx]
    }
}

/// 10 to the power `exp`, for `exp` in 0..=28.
pub fn pow10(exp: u32) -> Decimal {
    Decimal::from_i128_with_scale(10i128.pow(exp.min(28)), 0)
}

/// The months of `months` that begin another, folded ("nov" of "november"): the cut forms, as
/// opposed to a whole name ("march", "mai") a sentence may end with.
fn short_months(months: &[String]) -> Vec<String> {
    let folded: Vec<String> = months.iter().map(|m| fold(m).to_lowercase()).collect();
    months
        .iter()
        .zip(&folded)
        .filter(|(_, f)| {
            folded
                .iter()
                .any(|g| g.len() > f.len() && g.starts_with(f.as_str()))
        })
        .map(|(m, _)| m.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_masks_find_every_word_and_nothing_else() {
        // Enough words to make neighbours collide and probe on.
        let words: rustc_hash::FxHashMap<u64, u64> = (0..500u64)
            .map(|i| (pack_word(format!("w{i}").as_bytes()).unwrap(), i % 7 + 1))
            .collect();
        let table = WordMasks::new(&words);
        for (&key, &mask) in &words {
            assert_eq!(table.get(key), mask);
        }
        for absent in ["w500", "w1000", "x1", "the"] {
            assert_eq!(table.get(pack_word(absent.as_bytes()).unwrap()), 0);
        }
        assert_eq!(WordMasks::default().get(1), 0);
        // And through the packs: both languages' stop words, folded.
        let packs = Packs::builtin().unwrap();
        let key = |w: &str| pack_word(w.as_bytes()).unwrap();
        assert_eq!(
            packs.stopword_mask(key("The")),
            1 << packs.find("en").unwrap()
        );
        assert_eq!(
            packs.stopword_mask(key("les")),
            1 << packs.find("fr").unwrap()
        );
        assert_eq!(packs.stopword_mask(key("figure")), 0);
    }

    #[test]
    fn builtin_packs_compile() {
        let packs = Packs::builtin().unwrap();
        assert_eq!(packs.packs.len(), 2);
        assert_eq!(packs.find("fr-FR"), Some(0));
        assert_eq!(packs.find("en"), Some(1));
        let fr = packs.get(0);
        assert_eq!(fr.decimal, vec![',']);
        let m = fr.unit_after.match_at("d’euros", 0);
        assert!(m.is_none(), "'d'' is a connector, not a unit");
        let m = fr.unit_after.match_at("euros", 0).unwrap();
        assert_eq!(m.value.unit.as_str(), "EUR");
        let m = fr.unit_after.match_at("MUSD", 0).unwrap();
        assert_eq!((m.value.unit.as_str(), m.value.scale), ("USD", 1_000_000));
    }

    #[test]
    fn every_scaled_code_keeps_its_factor_in_every_pack() {
        // "48.5 MGBP" is 48.5 million pounds: a symbol list that also names "MGBP" read it as
        // 48.5 pounds (the first word inserted wins).
        let packs = Packs::builtin().unwrap();
        let common = Currencies::builtin().unwrap();
        for (i, _) in packs.packs.iter().enumerate() {
            let pack = packs.get(i);
            for c in &common.currency {
                for (prefix, &scale) in &common.scaled_codes {
                    let code = format!("{prefix}{}", c.code);
                    let m = pack.unit_after.match_at(&code, 0).unwrap();
                    assert_eq!(
                        (m.value.unit.as_str(), m.value.scale),
                        (c.code.as_str(), scale),
                        "{code} in pack {i}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_stopword_prefilter_never_rejects_a_stop_word() {
        let packs = Packs::builtin().unwrap();
        let words =
            "The Les et AND of De la in sur wERE said ainsi zebra xx a b qqqqqqqq Tolerance";
        for w in words.split(' ') {
            let mask = pack_word(w.as_bytes()).map_or(0, |k| packs.stopword_mask(k));
            assert!(
                packs.may_be_stopword(w.as_bytes()) || mask == 0,
                "{w} is a stop word but the prefilter rejects it"
            );
        }
        assert!(packs.may_be_stopword(b"Said") && packs.may_be_stopword(b"ainsi"));
        assert!(!packs.may_be_stopword(b"zebra") && !packs.may_be_stopword(b"qqqqqqqq"));
    }

    #[test]
    fn part_words_are_checked_when_the_pack_is_read() {
        let de = include_str!("../tests/fixtures/packs/de.toml");
        let read = |extra: &str| {
            LocalePack::from_toml("de.toml", &format!("{de}\n{extra}"), &Currencies::default())
        };
        let pack = read(
            "[ratios]\nparts_need_of = [\"Viertel\"]\n[ratios.parts]\ndrittel = 3\nviertel = 4\n",
        )
        .unwrap();
        let m = pack.ratio_parts.match_at("Viertel", 0).unwrap();
        assert_eq!(
            *m.value,
            PartWord {
                denominator: 4,
                needs_of: true
            }
        );
        assert!(
            !pack
                .ratio_parts
                .match_at("Drittel", 0)
                .unwrap()
                .value
                .needs_of
        );
        // A lone part ("die Hälfte") is read from its last word.
        let pack =
            read("[ratios]\nalone_of = [\"der\"]\n[ratios.alone]\n\"die Hälfte\" = 2\n").unwrap();
        let m = pack
            .ratio_alone
            .match_before("die Hälfte", "die Hälfte".len())
            .unwrap();
        assert_eq!((*m.value, m.start), (2, 0));
        assert!(pack.starters.contains("halfte") && !pack.starters.contains("die"));
        // Share words for help texts, by denominator.
        let pack = read("[ratios.write_parts]\n4 = [\"ein Viertel\", \"Viertel\"]\n").unwrap();
        assert_eq!(pack.write_parts[&4].0, "ein Viertel");
        // A `parts_need_of` word that is no part, and a denominator under 2, are errors.
        for bad in [
            "[ratios]\nparts_need_of = [\"Achtel\"]\n[ratios.parts]\ndrittel = 3\n",
            "[ratios.parts]\nganz = 1\n",
            "[ratios.alone]\nganz = 1\n",
            "[ratios.write_parts]\n1 = [\"ganz\", \"ganze\"]\n",
            "[[measure]]\nunit = \"kg\"\nwords = [\"kg\"]\nalone = { doppelt = 2 }\n",
            "[[measure]]\nunit = \"x\"\nmultiple = true\nwords = [\"x\"]\nalone = { einmal = 1 }\n",
            "[ratios.write_parts]\nvier = [\"ein Viertel\", \"Viertel\"]\n",
        ] {
            assert!(matches!(read(bad), Err(PackError::Pattern { .. })), "{bad}");
        }
    }

    #[test]
    fn a_broken_pack_is_a_diagnostic() {
        let err = LocalePack::from_toml("xx.toml", "[pack]\nid = 3\n", &Currencies::default())
            .unwrap_err();
        assert!(matches!(err, PackError::Toml { .. }));
    }
}
