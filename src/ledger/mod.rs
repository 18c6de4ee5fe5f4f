//! The reference ledger: the approved figures, read from TOML.
//!
//! ```toml
//! [ledger]
//! name = "UK-France joint statement"
//! source = "https://example.org/release"
//! include = ["more-figures.toml"]
//!
//! [figures.uro-arrests]
//! value = 140
//! unit = "count"
//! about = ["arrestations", "arrests"]
//! when = ["URO"]
//! tolerance = "2%"
//! source = "URO monthly report"
//! ```
//!
//! Every problem in a ledger is a [`LedgerError`] that points into the ledger file with a label and
//! says what to write instead; all problems of a file are reported at once.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use miette::{Diagnostic, NamedSource, SourceSpan};
use rust_decimal::Decimal;
use serde::Deserialize;
use thiserror::Error;
use toml::Spanned;

use crate::fold::fold;
use crate::pack::{Packs, Unit};

/// A tolerance around a figure's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tolerance {
    Absolute(Decimal),
    /// A fraction of the figure's value (0.02 for "2%").
    Relative(Decimal),
}

impl Tolerance {
    /// The absolute width of the tolerance around `value`.
    pub fn width(self, value: Decimal) -> Decimal {
        match self {
            Tolerance::Absolute(w) => w,
            Tolerance::Relative(r) => value.checked_mul(r).map_or(Decimal::MAX, |w| w.abs()),
        }
    }
}

/// One approved figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub id: String,
    pub value: Decimal,
    /// A range's high end ("entre 4 et 6 %": `value` 4, `high` 6), where the figure is one.
    pub high: Option<Decimal>,
    pub unit: Unit,
    /// Context terms as written in the ledger.
    pub about: Vec<String>,
    pub when: Vec<String>,
    pub tolerance: Option<Tolerance>,
    /// Its own citation, or else the ledger's.
    pub source: Option<String>,
    /// The ledger file it comes from, and the span of its table there.
    pub file: usize,
    pub span: Range<usize>,
}

/// The figures of one or more ledger files, ids unique across them, in ledger order.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    pub name: Option<String>,
    pub locale: Option<String>,
    pub figures: Vec<Figure>,
    pub files: Vec<PathBuf>,
}

/// What is wrong in a ledger file.
#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(figcheck::ledger))]
pub struct LedgerError {
    pub message: String,
    #[source_code]
    pub src: Option<NamedSource<Arc<str>>>,
    #[label("{label}")]
    pub span: Option<SourceSpan>,
    pub label: String,
    #[label("{other_label}")]
    pub other: Option<SourceSpan>,
    pub other_label: String,
    #[help]
    pub help: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    ledger: Option<RawMeta>,
    #[serde(default)]
    figures: BTreeMap<String, Spanned<RawFigure>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    name: Option<String>,
    locale: Option<String>,
    source: Option<String>,
    #[serde(default)]
    include: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    value: Option<Spanned<toml::Value>>,
    high: Option<Spanned<toml::Value>>,
    unit: Option<Spanned<String>>,
    about: Option<Spanned<Vec<Spanned<String>>>>,
    when: Option<Spanned<Vec<Spanned<String>>>>,
    tolerance: Option<Spanned<toml::Value>>,
    source: Option<String>,
}

const FIGURE_KEYS: &[&str] = &[
    "value",
    "high",
    "unit",
    "about",
    "when",
    "tolerance",
    "source",
];

struct FileCtx {
    src: NamedSource<Arc<str>>,
}

impl FileCtx {
    /// The ledger file's text, kept once for every diagnostic that points into it.
    fn new(name: &str, text: &str) -> FileCtx {
        FileCtx {
            src: NamedSource::new(name, Arc::from(text)),
        }
    }

    fn error(
        &self,
        message: impl Into<String>,
        span: Range<usize>,
        label: impl Into<String>,
        help: impl Into<Option<String>>,
    ) -> LedgerError {
        LedgerError {
            message: message.into(),
            src: Some(self.src.clone()),
            span: Some(span.into()),
            label: label.into(),
            other: None,
            other_label: String::new(),
            help: help.into(),
        }
    }
}

fn plain_error(message: String, help: Option<String>) -> LedgerError {
    LedgerError {
        message,
        src: None,
        span: None,
        label: String::new(),
        other: None,
        other_label: String::new(),
        help,
    }
}

/// Parses a figure value: an integer, a float (its shortest decimal form) or a decimal string.
/// The number a figure's `key` holds (`value`, `high`), or an error pointing at it.
fn read_number(
    ctx: &FileCtx,
    id: &str,
    key: &str,
    v: &Spanned<toml::Value>,
    errors: &mut Vec<LedgerError>,
) -> Option<Decimal> {
    match parse_value(v.get_ref()) {
        Ok(d) => Some(d),
        Err(msg) => {
            let what = match key {
                "value" => "a value".to_string(),
                _ => format!("a `{key}`"),
            };
            errors.push(ctx.error(
                format!("figure `{id}` has {what} figcheck cannot read"),
                v.span(),
                msg,
                Some(
                    "write an integer, a decimal, or a decimal string such as \"31.4\"".to_string(),
                ),
            ));
            None
        }
    }
}

pub fn parse_value(v: &toml::Value) -> Result<Decimal, String> {
    match v {
        toml::Value::Integer(i) => Ok(Decimal::from(*i)),
        toml::Value::Float(f) => {
            if !f.is_finite() {
                return Err("the value is out of range".into());
            }
            let s = format!("{f}");
            s.parse::<Decimal>()
                .or_else(|_| Decimal::from_scientific(&s))
                .map_err(|_| format!("{s} is too large or too precise for exact arithmetic"))
        }
        toml::Value::String(s) => {
            let cleaned: String = s.chars().filter(|c| *c != '_' && *c != ' ').collect();
            cleaned
                .parse::<Decimal>()
                .map_err(|_| format!("\"{s}\" is not a decimal number"))
        }
        other => Err(format!("a {} is not a number", other.type_str())),
    }
}

fn parse_tolerance(v: &toml::Value) -> Result<Tolerance, String> {
    match v {
        toml::Value::String(s) => {
            let s = s.trim();
            if let Some(pct) = s.strip_suffix('%') {
                let d = pct
                    .trim()
                    .parse::<Decimal>()
                    .map_err(|_| format!("\"{s}\" is not a percentage"))?;
                if d.is_sign_negative() {
                    return Err("a tolerance cannot be negative".into());
                }
                Ok(Tolerance::Relative(d / Decimal::ONE_HUNDRED))
            } else {
                let d = parse_value(v)?;
                if d.is_sign_negative() {
                    return Err("a tolerance cannot be negative".into());
                }
                Ok(Tolerance::Absolute(d))
            }
        }
        toml::Value::Integer(_) | toml::Value::Float(_) => {
            let d = parse_value(v)?;
            if d.is_sign_negative() {
                return Err("a tolerance cannot be negative".into());
            }
            Ok(Tolerance::Absolute(d))
        }
        other => Err(format!("a {} is not a tolerance", other.type_str())),
    }
}

/// The units a ledger may name, given the packs.
pub fn known_unit(packs: &Packs, unit: &str) -> Option<Unit> {
    match unit {
        "count" => return Some(Unit::Count),
        "%" => return Some(Unit::Percent),
        "pp" => return Some(Unit::Points),
        _ => {}
    }
    for pack in &packs.packs {
        if let Some(u) = pack.units_known().iter().find(|u| u.as_str() == unit) {
            return Some(u.clone());
        }
    }
    None
}

/// How to write the unit of a figure given in hundredths of a currency, as the packs know them:
/// `unit = "GBP"` for "p", "pence", "GBX" (what "4.2p" reads as: £0.042); the currency's code,
/// unnamed, for a word of `[units] subunits` that no currency claims ("cents").
fn hundredth_of(packs: &Packs, unit: &str) -> Option<String> {
    let whole = |start: usize, end: usize| start == 0 && end == unit.len();
    let currency = packs.packs.iter().find_map(|p| {
        p.unit_after
            .match_at(unit, 0)
            .filter(|m| whole(m.start, m.end) && m.value.per == 100)
            .map(|m| m.value.unit.as_str().to_string())
    });
    match currency {
        Some(code) => Some(format!("unit = \"{code}\"")),
        None => packs
            .packs
            .iter()
            .any(|p| {
                p.subunits
                    .match_at(unit, 0)
                    .is_some_and(|m| whole(m.start, m.end))
            })
            .then(|| "its currency's code (\"EUR\", \"USD\")".to_string()),
    }
}

fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|&(d, _)| d <= 2)
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

fn terms(
    ctx: &FileCtx,
    key: &str,
    id: &str,
    list: &Spanned<Vec<Spanned<String>>>,
    errors: &mut Vec<LedgerError>,
) -> Vec<String> {
    if list.get_ref().is_empty() {
        errors.push(ctx.error(
            format!("figure `{id}` has an empty `{key}` list"),
            list.span(),
            "no term here",
            Some(format!(
                "list at least one word that stands near this figure in the text, e.g. {key} = [\"arrests\"]"
            )),
        ));
    }
    let mut out = Vec::new();
    for t in list.get_ref() {
        if t.get_ref().trim().is_empty() {
            errors.push(ctx.error(
                format!("figure `{id}` has an empty term in `{key}`"),
                t.span(),
                "empty term",
                Some("remove it, or write the word to look for".to_string()),
            ));
        } else {
            out.push(t.get_ref().trim().to_string());
        }
    }
    out
}

/// A ledger file to read, and where it was included from.
type Include = (PathBuf, Option<(NamedSource<Arc<str>>, Range<usize>)>);

/// Reads one ledger file's text into figures; `file` is its index in the run's ledger files.
/// What loading gathers across files.
#[derive(Default)]
struct Loading {
    ledger: Ledger,
    /// Files named by `include`, to read next.
    includes: Vec<Include>,
    /// The `[ledger] source` of each file, by file index.
    sources: Vec<(usize, String)>,
    errors: Vec<LedgerError>,
    /// Figure index by id, and by a hash of its unit and folded terms ([`twin_hash`]): ids
    /// must be unique and figures told apart, checked in constant time so that big ledgers
    /// load fast. Figures whose hashes collide are compared in full.
    ids: rustc_hash::FxHashMap<String, usize>,
    keys: rustc_hash::FxHashMap<u64, Vec<usize>>,
}

/// A figure's terms as text tells them apart: folded, in no order.
fn folded_terms(terms: &[String]) -> Vec<std::borrow::Cow<'_, str>> {
    let mut k: Vec<_> = terms.iter().map(|t| fold(t)).collect();
    k.sort_unstable();
    k
}

/// Two figures no text could tell apart: same unit, same terms (folded, in any order).
fn twins(a: &Figure, b: &Figure) -> bool {
    a.unit.as_str() == b.unit.as_str()
        && folded_terms(&a.about) == folded_terms(&b.about)
        && folded_terms(&a.when) == folded_terms(&b.when)
}

/// A hash that is the same for [`twins`]: the unit's, and each list's terms' hashes summed, so
/// that their order does not count and nothing is sorted or kept (a 10,000-figure ledger built
/// and dropped a key of owned strings for each figure, a sixth of its start-up).
fn twin_hash(figure: &Figure) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let build = rustc_hash::FxBuildHasher;
    let list = |terms: &[String]| {
        terms.iter().fold(terms.len() as u64, |sum, t| {
            sum.wrapping_add(build.hash_one(fold(t).as_ref()))
        })
    };
    let mut h = build.build_hasher();
    figure.unit.as_str().hash(&mut h);
    list(&figure.about).hash(&mut h);
    list(&figure.when).hash(&mut h);
    h.finish()
}

/// What one ledger file holds, read from its text alone (before ids and twins are checked
/// across files): what the compiled-ledger cache stores.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct FileContent {
    pub name: Option<String>,
    pub locale: Option<String>,
    pub source: Option<String>,
    /// Each `include` path as written, with its span.
    pub includes: Vec<(Range<usize>, String)>,
    /// Its readable figures, in file order (`file` is filled in by the loader).
    pub figures: Vec<Figure>,
}

/// Reads one ledger file's text; every problem goes to `errors`, and a figure with a problem is
/// left out. `None` when the text is no TOML ledger at all.
fn read_file(
    ctx: &FileCtx,
    text: &str,
    file: usize,
    packs: &Packs,
    errors: &mut Vec<LedgerError>,
) -> Option<FileContent> {
    let name = ctx.src.name();
    let raw: RawFile = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let message = e.message().to_string();
            let help = unknown_key_help(&message);
            let span = e.span().unwrap_or(0..0);
            errors.push(ctx.error(format!("{name} is not a valid ledger"), span, message, help));
            return None;
        }
    };
    let mut content = FileContent::default();
    if let Some(meta) = raw.ledger {
        content.name = meta.name;
        content.locale = meta.locale;
        content.source = meta.source;
        content.includes = meta
            .include
            .into_iter()
            .map(|inc| (inc.span(), inc.into_inner()))
            .collect();
    }
    let mut figures: Vec<_> = raw.figures.into_iter().collect();
    figures.sort_by_key(|(_, f)| f.span().start);
    for (id, spanned) in figures {
        let span = spanned.span();
        let raw = spanned.into_inner();
        let before = errors.len();
        let value = match &raw.value {
            None => {
                errors.push(ctx.error(
                    format!("figure `{id}` has no `value`"),
                    span.clone(),
                    "this figure",
                    Some(
                        "add the approved value, e.g. value = 140 or value = \"31.4\"".to_string(),
                    ),
                ));
                None
            }
            Some(v) => read_number(ctx, &id, "value", v, errors),
        };
        // A range's high end: read as the value is, and not below it.
        let high = match (&raw.high, value) {
            (None, _) => None,
            (Some(h), low) => {
                match read_number(ctx, &id, "high", h, errors) {
                    Some(d) if low.is_some_and(|low| d < low) => {
                        errors.push(ctx.error(
                        format!("figure `{id}` has a `high` below its `value`"),
                        h.span(),
                        "the high end of the range",
                        Some("write the range's low end as `value` and its high end as `high`".to_string()),
                    ));
                        None
                    }
                    d => d,
                }
            }
        };
        let unit = match &raw.unit {
            None => Some(Unit::Count),
            Some(u) => match known_unit(packs, u.get_ref()) {
                Some(unit) => Some(unit),
                None => {
                    let mut names = vec!["count", "%", "pp"];
                    let all: Vec<Unit> = packs
                        .packs
                        .iter()
                        .flat_map(|p| p.units_known().iter().cloned())
                        .collect();
                    names.extend(all.iter().map(Unit::as_str));
                    let help = match (
                        hundredth_of(packs, u.get_ref()),
                        closest(u.get_ref(), names.iter().copied()),
                    ) {
                        (Some(unit), _) => {
                            let value = value.map_or("a hundredth of it".to_string(), |v| {
                                let v = (v / rust_decimal::Decimal::ONE_HUNDRED).normalize();
                                format!("value = \"{v}\"")
                            });
                            format!(
                                "a figure in pence or cents is written in its currency: {value} \
                                 with {unit}"
                            )
                        }
                        (None, Some(c)) => format!("did you mean \"{c}\"?"),
                        (None, None) => "use \"count\", \"%\", \"pp\", an ISO 4217 code such as \"EUR\", or a unit the language packs know (\"km\", \"t\")".to_string(),
                    };
                    errors.push(ctx.error(
                        format!("figure `{id}` has an unknown unit \"{}\"", u.get_ref()),
                        u.span(),
                        "unknown unit",
                        Some(help),
                    ));
                    None
                }
            },
        };
        let about = match &raw.about {
            None => {
                errors.push(ctx.error(
                    format!("figure `{id}` has no `about` terms"),
                    span.clone(),
                    "this figure",
                    Some("add the words that stand near it in the text, e.g. about = [\"arrestations\", \"arrests\"]".to_string()),
                ));
                Vec::new()
            }
            Some(list) => terms(ctx, "about", &id, list, errors),
        };
        let when = raw
            .when
            .as_ref()
            .map(|l| terms(ctx, "when", &id, l, errors))
            .unwrap_or_default();
        let tolerance = match &raw.tolerance {
            None => None,
            Some(t) => {
                match parse_tolerance(t.get_ref()) {
                    Ok(t) => Some(t),
                    Err(msg) => {
                        errors.push(ctx.error(
                        format!("figure `{id}` has a bad tolerance"),
                        t.span(),
                        msg,
                        Some("write an absolute tolerance (\"0.5\") or a relative one (\"2%\")".to_string()),
                    ));
                        None
                    }
                }
            }
        };
        if errors.len() > before {
            continue;
        }
        let (Some(value), Some(unit)) = (value, unit) else {
            continue;
        };
        content.figures.push(Figure {
            id,
            value,
            high,
            unit,
            about,
            when,
            tolerance,
            source: raw.source,
            file,
            span,
        });
    }
    Some(content)
}

fn parse_file(name: &str, text: &str, file: usize, packs: &Packs, loading: &mut Loading) {
    let ctx = FileCtx::new(name, text);
    if let Some(content) = read_file(&ctx, text, file, packs, &mut loading.errors) {
        register(&ctx, file, content, loading);
    }
}

/// Adds what a file holds to the ledger being loaded: its metadata, its `include`s, and each
/// figure whose id is new and that other figures can be told apart from.
fn register(ctx: &FileCtx, file: usize, content: FileContent, loading: &mut Loading) {
    let name = ctx.src.name();
    let Loading {
        ledger,
        includes,
        sources,
        errors,
        ..
    } = loading;
    ledger.name = ledger.name.take().or(content.name);
    ledger.locale = ledger.locale.take().or(content.locale);
    let dir = Path::new(name)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    for (span, inc) in content.includes {
        includes.push((dir.join(inc), Some((ctx.src.clone(), span))));
    }
    if let Some(source) = content.source {
        // The ledger's citation stands for each of its figures that has none.
        sources.push((file, source));
    }
    for figure in content.figures {
        let (id, span) = (figure.id.clone(), figure.span.clone());
        if let Some(prev) = loading.ids.get(&id).map(|&i| &ledger.figures[i]) {
            let mut err = ctx.error(
                format!("figure id `{id}` is defined twice"),
                span.clone(),
                "second definition",
                Some("ids must be unique across all ledger files: rename one".to_string()),
            );
            if prev.file == file {
                err.other = Some(prev.span.clone().into());
                err.other_label = "first definition".into();
            } else {
                err.help = Some(format!(
                    "`{id}` is already defined in {}; ids must be unique across all ledger files",
                    ledger.files[prev.file].display()
                ));
            }
            errors.push(err);
            continue;
        }
        let key = twin_hash(&figure);
        let twin = loading.keys.get(&key).and_then(|same| {
            same.iter()
                .map(|&i| &ledger.figures[i])
                .find(|other| twins(other, &figure))
        });
        if let Some(twin) = twin {
            let mut err = ctx.error(
                format!("figures `{}` and `{id}` cannot be told apart", twin.id),
                span.clone(),
                "same unit and terms as another figure",
                Some(format!(
                    "give `{id}` or `{}` a `when` term that only its own sentences contain",
                    twin.id
                )),
            );
            if twin.file == file {
                err.other = Some(twin.span.clone().into());
                err.other_label = format!("`{}`", twin.id);
            }
            errors.push(err);
            continue;
        }
        loading.ids.insert(id, ledger.figures.len());
        loading
            .keys
            .entry(key)
            .or_default()
            .push(ledger.figures.len());
        ledger.figures.push(figure);
    }
}

/// The help for serde's "unknown field `x`, expected one of `a`, `b`": the closest key the table
/// takes, or the keys it takes. The expected keys are read from the message, so that a slip at
/// the top level ("[[figure]]") or in `[ledger]` is not answered with a figure's keys.
fn unknown_key_help(message: &str) -> Option<String> {
    let rest = message.split("unknown field `").nth(1)?;
    let key = rest.split('`').next()?;
    let expected: Vec<&str> = rest
        .split_once("expected")
        .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
        .unwrap_or_else(|| FIGURE_KEYS.to_vec());
    let top_level = expected.contains(&"figures");
    Some(match closest(key, expected.iter().copied()) {
        Some("figures") => {
            "did you mean `figures`? Each figure is a table named `[figures.<id>]`".to_owned()
        }
        Some(c) => format!("did you mean `{c}`?"),
        None if top_level => "a ledger holds a `[ledger]` table and one `[figures.<id>]` table \
                              per figure"
            .to_owned(),
        None if expected == FIGURE_KEYS => {
            format!("a figure takes these keys: {}", FIGURE_KEYS.join(", "))
        }
        None => format!("this table takes these keys: {}", expected.join(", ")),
    })
}

impl Ledger {
    /// Parses one ledger text (its `include`s are not followed), for tests and fuzzing.
    pub fn parse(name: &str, text: &str, packs: &Packs) -> Result<Ledger, Vec<LedgerError>> {
        let mut loading = Loading::default();
        loading.ledger.files.push(PathBuf::from(name));
        parse_file(name, text, 0, packs, &mut loading);
        if loading.errors.is_empty() {
            Ok(loading.ledger)
        } else {
            Err(loading.errors)
        }
    }

    /// Loads ledger files (and their `include`s), checking ids are unique across them.
    pub fn load(paths: &[PathBuf], packs: &Packs) -> Result<Ledger, Vec<LedgerError>> {
        Ledger::load_cached(paths, packs, None)
    }

    /// [`Ledger::load`], keeping large files compiled in `cache` (see [`cache`]).
    pub fn load_cached(
        paths: &[PathBuf],
        packs: &Packs,
        cache: Option<&Path>,
    ) -> Result<Ledger, Vec<LedgerError>> {
        let mut loading = Loading::default();
        let mut queue: Vec<Include> = paths.iter().map(|p| (p.clone(), None)).collect();
        queue.reverse();
        let mut seen = HashMap::new();
        while let Some((path, origin)) = queue.pop() {
            let canonical = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if seen.insert(canonical, ()).is_some() {
                continue;
            }
            let name = path.display().to_string();
            let text = match std::fs::read(&path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(t) => t,
                    Err(e) => {
                        loading.errors.push(plain_error(
                            format!(
                                "the ledger {name} is not valid UTF-8 (byte {})",
                                e.utf8_error().valid_up_to()
                            ),
                            Some("save the ledger as UTF-8".to_string()),
                        ));
                        continue;
                    }
                },
                Err(e) => {
                    let mut err = plain_error(
                        format!("cannot read the ledger {name}: {e}"),
                        Some("check the path given by --ledger, `ledger` in figcheck.toml or `include`".to_string()),
                    );
                    if let Some((src, span)) = origin {
                        err.src = Some(src);
                        err.span = Some(span.into());
                        err.label = "included here".into();
                    }
                    loading.errors.push(err);
                    continue;
                }
            };
            let file = loading.ledger.files.len();
            loading.ledger.files.push(path.clone());
            let ctx = FileCtx::new(&name, &text);
            let cache = cache.filter(|_| text.len() >= cache::MIN_BYTES);
            match cache.and_then(|dir| cache::get(dir, &text, file, packs)) {
                Some(content) => register(&ctx, file, content, &mut loading),
                None => {
                    let before = loading.errors.len();
                    if let Some(content) = read_file(&ctx, &text, file, packs, &mut loading.errors)
                    {
                        if let (Some(dir), true) = (cache, loading.errors.len() == before) {
                            cache::put(dir, &text, &content);
                        }
                        register(&ctx, file, content, &mut loading);
                    }
                }
            }
            let mut includes = std::mem::take(&mut loading.includes);
            includes.reverse();
            queue.extend(includes);
        }
        let Loading {
            mut ledger,
            sources,
            errors,
            ..
        } = loading;
        for f in &mut ledger.figures {
            if f.source.is_none() {
                f.source = sources
                    .iter()
                    .find(|(file, _)| *file == f.file)
                    .map(|(_, s)| s.clone());
            }
        }
        if errors.is_empty() {
            Ok(ledger)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests;

pub mod cache;
