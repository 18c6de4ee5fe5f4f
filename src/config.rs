//! `figcheck.toml`: where the ledger is, the default locale, rule severities, extra language
//! packs, which files to check. Found like the ledger: the nearest one upwards from each checked
//! file, unless `--config` names one or `--isolated` ignores them all. `extend = "../figcheck.toml"`
//! builds on a parent config: keys set here win, lists of paths are resolved from the file that
//! names them.
//!
//! ```toml
//! ledger = ["figures.toml"]       # or one string
//! locale = "fr"                   # fr, en or auto
//! rules = ["packs/de.toml"]       # extra language packs
//! include = ["**/*.md"]           # only these files (globs, relative to this file)
//! exclude = ["drafts/**"]         # never these
//! fail-on = "warning"             # or "error" (the default)
//! extend = "../figcheck.toml"
//!
//! [severity]
//! unsourced = "off"               # "error", "warning" or "off"
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};
use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::Deserialize;
use thiserror::Error;
use toml::Spanned;

use crate::rules::{self, Severity};

/// The name of a config file.
pub const CONFIG_FILE: &str = "figcheck.toml";
/// The name of a ledger found without config.
pub const LEDGER_FILE: &str = "figures.toml";

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    ledger: Option<OneOrMany>,
    locale: Option<String>,
    rules: Option<Vec<String>>,
    include: Option<Vec<String>>,
    exclude: Option<Vec<String>>,
    fail_on: Option<Spanned<String>>,
    extend: Option<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<String, Spanned<String>>,
}

/// A rule's severity as configured; `None` turns it off.
pub type RuleLevel = Option<Severity>;

/// A resolved configuration.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The config file (the most specific one, when extended).
    pub path: Option<PathBuf>,
    pub ledger: Vec<PathBuf>,
    pub locale: Option<String>,
    pub rules: Vec<PathBuf>,
    pub include: Option<Arc<GlobSet>>,
    pub exclude: Option<Arc<GlobSet>>,
    /// Where include/exclude globs are relative to.
    pub root: PathBuf,
    pub fail_on: Option<Severity>,
    pub severity: BTreeMap<String, RuleLevel>,
}

/// A config file that cannot be used.
#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(figcheck::config))]
pub struct ConfigError {
    pub message: String,
    #[source_code]
    pub src: Option<NamedSource<Arc<str>>>,
    #[label("{label}")]
    pub span: Option<SourceSpan>,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

fn parse_level(s: &str) -> Option<RuleLevel> {
    match s {
        "error" => Some(Some(Severity::Error)),
        "warning" | "warn" => Some(Some(Severity::Warning)),
        "off" | "ignore" | "none" => Some(None),
        _ => None,
    }
}

fn globset(patterns: &[String]) -> Result<GlobSet, String> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        b.add(Glob::new(p).map_err(|e| e.to_string())?);
    }
    b.build().map_err(|e| e.to_string())
}

impl Config {
    /// Reads a config file, following `extend`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        Self::load_depth(path, 0)
    }

    fn load_depth(path: &Path, depth: usize) -> Result<Config, ConfigError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            message: format!("cannot read the config {name}: {e}"),
            src: None,
            span: None,
            label: String::new(),
            help: Some("check the path given to --config or `extend`".into()),
        })?;
        let src = NamedSource::new(&name, Arc::<str>::from(text.as_str()));
        let err = |message: String,
                   span: std::ops::Range<usize>,
                   label: &str,
                   help: Option<String>| ConfigError {
            message,
            src: Some(src.clone()),
            span: Some(span.into()),
            label: label.to_string(),
            help,
        };
        let raw: RawConfig = toml::from_str(&text).map_err(|e| {
            err(
                format!("{name} is not a valid figcheck config"),
                e.span().unwrap_or(0..0),
                e.message(),
                Some(
                    "keys: ledger, locale, rules, include, exclude, fail-on, extend, [severity]"
                        .into(),
                ),
            )
        })?;
        let dir = normalize(path.parent().unwrap_or(Path::new("")));
        let mut config = match &raw.extend {
            Some(parent) if depth < 16 => Self::load_depth(&dir.join(parent.get_ref()), depth + 1)
                .map_err(|mut e| {
                    if e.src.is_none() {
                        e.src = Some(src.clone());
                        e.span = Some(parent.span().into());
                        e.label = "extended here".into();
                    }
                    e
                })?,
            Some(parent) => {
                return Err(err(
                    "configs extend each other in a loop".into(),
                    parent.span(),
                    "extended here",
                    None,
                ))
            }
            None => Config::default(),
        };
        config.path = Some(path.to_path_buf());
        if let Some(l) = raw.ledger {
            config.ledger = l.into_vec().iter().map(|p| dir.join(p)).collect();
        }
        if let Some(l) = raw.locale {
            config.locale = Some(l);
        }
        if let Some(r) = raw.rules {
            config.rules = r.iter().map(|p| dir.join(p)).collect();
        }
        let bad_glob = |e: String| err(format!("{name} has an invalid glob"), 0..0, &e, None);
        if let Some(g) = raw.include {
            config.include = Some(Arc::new(globset(&g).map_err(bad_glob)?));
            config.root = dir.clone();
        }
        if let Some(g) = raw.exclude {
            config.exclude = Some(Arc::new(globset(&g).map_err(bad_glob)?));
            config.root = dir.clone();
        }
        if config.root.as_os_str().is_empty() {
            config.root = dir.clone();
        }
        if let Some(f) = raw.fail_on {
            config.fail_on = match f.get_ref().as_str() {
                "error" => Some(Severity::Error),
                "warning" => Some(Severity::Warning),
                _ => {
                    return Err(err(
                        format!("unknown fail-on level \"{}\"", f.get_ref()),
                        f.span(),
                        "expected \"error\" or \"warning\"",
                        None,
                    ))
                }
            };
        }
        for (rule, level) in raw.severity {
            if rules::find(&rule).is_none() {
                let ids: Vec<_> = rules::ALL.iter().map(|r| r.id).collect();
                return Err(err(
                    format!("unknown rule `{rule}` in [severity]"),
                    level.span(),
                    "no such rule",
                    Some(format!("rules: {}", ids.join(", "))),
                ));
            }
            let Some(l) = parse_level(level.get_ref()) else {
                return Err(err(
                    format!("unknown severity \"{}\" for `{rule}`", level.get_ref()),
                    level.span(),
                    "expected \"error\", \"warning\" or \"off\"",
                    None,
                ));
            };
            config.severity.insert(rule, l);
        }
        Ok(config)
    }

    /// The configured level of a rule (its default when not configured).
    pub fn level(&self, rule: &rules::Rule) -> RuleLevel {
        self.severity
            .get(rule.id)
            .copied()
            .unwrap_or(Some(rule.severity))
    }

    /// Whether the include/exclude globs let `path` be checked.
    pub fn selects(&self, path: &Path) -> bool {
        if self.include.is_none() && self.exclude.is_none() {
            return true;
        }
        let abs = absolute(path);
        let root = absolute(&self.root);
        let rel = abs.strip_prefix(&root).unwrap_or(&abs);
        if let Some(ex) = &self.exclude {
            if ex.is_match(rel) {
                return false;
            }
        }
        match &self.include {
            Some(inc) => inc.is_match(rel),
            None => true,
        }
    }
}

/// `path` made absolute as [`std::path::absolute`] does, with the working directory asked once
/// a run, not once a file (figcheck never changes it).
fn absolute(path: &Path) -> PathBuf {
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    let joined;
    let path = match CWD.get_or_init(|| std::env::current_dir().ok()) {
        Some(cwd) if path.is_relative() => {
            joined = cwd.join(path);
            &joined
        }
        _ => path,
    };
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// `path` with `.` and `..` resolved lexically (the files need not exist yet).
pub fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// Finds, from `dir` upwards, the nearest `figcheck.toml` (when `configs`) or `figures.toml`.
pub fn discover(dir: &Path, configs: bool) -> Option<(PathBuf, bool)> {
    let start = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    for d in start.ancestors() {
        if configs {
            let c = d.join(CONFIG_FILE);
            if c.is_file() {
                return Some((c, true));
            }
        }
        let l = d.join(LEDGER_FILE);
        if l.is_file() {
            return Some((l, false));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extend_and_severity() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "ledger = \"figures.toml\"\nfail-on = \"warning\"\n[severity]\nunsourced = \"off\"\n",
        )
        .unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(
            dir.path().join("sub").join(CONFIG_FILE),
            "extend = \"../figcheck.toml\"\nexclude = [\"drafts/**\"]\n",
        )
        .unwrap();
        let c = Config::load(&dir.path().join("sub").join(CONFIG_FILE)).unwrap();
        assert_eq!(c.ledger, vec![dir.path().join("figures.toml")]);
        assert_eq!(c.fail_on, Some(Severity::Warning));
        assert_eq!(c.level(&rules::unsourced::RULE), None);
        assert!(!c.selects(&dir.path().join("sub/drafts/a.md")));
        assert!(c.selects(&dir.path().join("sub/a.md")));
    }

    #[test]
    fn unknown_keys_and_rules_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(CONFIG_FILE);
        std::fs::write(&p, "ledgr = \"x\"\n").unwrap();
        assert!(Config::load(&p).is_err());
        std::fs::write(&p, "[severity]\nmissmatch = \"off\"\n").unwrap();
        let e = Config::load(&p).unwrap_err();
        assert!(e.message.contains("unknown rule"));
    }
}
