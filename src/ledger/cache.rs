//! The compiled-ledger cache: what a large ledger file holds, kept as JSON in the user's cache
//! directory under a hash of the file's text.
//!
//! Parsing TOML dominates start-up with a big ledger (a 10,000-figure file costs ~40 ms in the
//! `toml` crate alone, more than checking one file in a pre-commit hook); reading the same
//! figures back from JSON costs a few. The key is the text itself (its length and two 64-bit
//! hashes), so an edited ledger is never read stale, whatever its timestamps say; figcheck's
//! version and a format number are stored and checked too. Only files that read without any
//! problem are stored, so every ledger error still comes from the real parser. Small files are
//! never cached: parsing them is quicker than reading a cache file.
//!
//! The directory is `$FIGCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/figcheck`, else
//! `$HOME/.cache/figcheck`; `check --no-cache` bypasses it. A cache file that cannot be read or
//! written is ignored: the cache only ever saves time.

use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{known_unit, Figure, FileContent, Tolerance};
use crate::pack::Packs;

/// Ledger files smaller than this are parsed every time.
pub const MIN_BYTES: usize = 64 * 1024;

/// Bumped whenever what is stored changes meaning.
const FORMAT: u32 = 2;

#[derive(Serialize, Deserialize)]
struct Stored {
    format: u32,
    version: String,
    len: usize,
    name: Option<String>,
    locale: Option<String>,
    source: Option<String>,
    includes: Vec<(usize, usize, String)>,
    figures: Vec<StoredFigure>,
}

#[derive(Serialize, Deserialize)]
struct StoredFigure {
    id: String,
    value: String,
    high: Option<String>,
    unit: String,
    about: Vec<String>,
    when: Vec<String>,
    /// (relative, amount)
    tolerance: Option<(bool, String)>,
    source: Option<String>,
    span: (usize, usize),
}

/// The cache directory, from the environment.
pub fn dir() -> Option<PathBuf> {
    let var = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var("FIGCHECK_CACHE_DIR")
        .or_else(|| var("XDG_CACHE_HOME").map(|d| d.join("figcheck")))
        .or_else(|| var("HOME").map(|d| d.join(".cache").join("figcheck")))
}

/// The cache file of the ledger text `text`. The format is in the name: two builds that store
/// different formats (a pre-commit hook's and a newer CI's) keep a file each, where one name
/// made each rewrite the other's at every run.
fn path(dir: &Path, text: &str) -> PathBuf {
    let mut sip = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut sip);
    let mut fx = rustc_hash::FxHasher::default();
    text.hash(&mut fx);
    dir.join(format!(
        "ledger-v{FORMAT}-{:016x}{:016x}-{}.json",
        sip.finish(),
        fx.finish(),
        text.len()
    ))
}

/// The content of the ledger file whose text is `text`, if the cache holds it and the packs in
/// use still know its units.
pub(crate) fn get(dir: &Path, text: &str, file: usize, packs: &Packs) -> Option<FileContent> {
    let bytes = std::fs::read(path(dir, text)).ok()?;
    let stored: Stored = serde_json::from_slice(&bytes).ok()?;
    if stored.format != FORMAT
        || stored.version != env!("CARGO_PKG_VERSION")
        || stored.len != text.len()
    {
        return None;
    }
    let mut figures = Vec::with_capacity(stored.figures.len());
    for f in stored.figures {
        let amount = |s: &str| s.parse::<Decimal>().ok();
        let tolerance = match &f.tolerance {
            None => None,
            Some((true, a)) => Some(Tolerance::Relative(amount(a)?)),
            Some((false, a)) => Some(Tolerance::Absolute(amount(a)?)),
        };
        figures.push(Figure {
            id: f.id,
            value: amount(&f.value)?,
            high: match &f.high {
                Some(h) => Some(amount(h)?),
                None => None,
            },
            unit: known_unit(packs, &f.unit)?,
            about: f.about,
            when: f.when,
            tolerance,
            source: f.source,
            file,
            span: f.span.0..f.span.1,
        });
    }
    Some(FileContent {
        name: stored.name,
        locale: stored.locale,
        source: stored.source,
        includes: stored
            .includes
            .into_iter()
            .map(|(s, e, p)| (s..e, p))
            .collect(),
        figures,
    })
}

/// Stores `content`, read from `text`, written to a temporary file and renamed into place so
/// that a reader never sees half of it.
pub(crate) fn put(dir: &Path, text: &str, content: &FileContent) {
    let stored = Stored {
        format: FORMAT,
        version: env!("CARGO_PKG_VERSION").to_string(),
        len: text.len(),
        name: content.name.clone(),
        locale: content.locale.clone(),
        source: content.source.clone(),
        includes: content
            .includes
            .iter()
            .map(|(span, p)| (span.start, span.end, p.clone()))
            .collect(),
        figures: content
            .figures
            .iter()
            .map(|f| StoredFigure {
                id: f.id.clone(),
                value: f.value.to_string(),
                high: f.high.map(|h| h.to_string()),
                unit: f.unit.as_str().to_string(),
                about: f.about.clone(),
                when: f.when.clone(),
                tolerance: f.tolerance.map(|t| match t {
                    Tolerance::Relative(a) => (true, a.to_string()),
                    Tolerance::Absolute(a) => (false, a.to_string()),
                }),
                source: f.source.clone(),
                span: (f.span.start, f.span.end),
            })
            .collect(),
    };
    let Ok(json) = serde_json::to_vec(&stored) else {
        return;
    };
    let write = || -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        tmp.write_all(&json)?;
        tmp.persist(path(dir, text)).map_err(|e| e.error)?;
        Ok(())
    };
    // Best effort: a read-only or full disk only means the next run parses again.
    let _ = write();
}
