//! Baselines, for adopting figcheck on an existing docs repository: `--write-baseline FILE`
//! records today's findings, `--baseline FILE` then reports only new ones. Findings are matched
//! by file, rule, figure and claim text — not by line, so edits elsewhere in a file keep a known
//! finding known — and counted, so a second copy of a known finding is new.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// One recorded finding.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub figure: Option<String>,
    pub text: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

/// Known findings, as a multiset.
#[derive(Debug, Default)]
pub struct Baseline {
    known: HashMap<Entry, usize>,
}

impl Baseline {
    /// Reads a baseline file.
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the baseline {}: {e}", path.display()))?;
        let file: File = serde_json::from_str(&text)
            .map_err(|e| format!("{} is not a figcheck baseline: {e}", path.display()))?;
        let mut known = HashMap::new();
        for e in file.findings {
            *known.entry(e).or_insert(0) += 1;
        }
        Ok(Baseline { known })
    }

    /// True (and uses it up) when `entry` is a known finding.
    pub fn take(&mut self, entry: &Entry) -> bool {
        match self.known.get_mut(entry) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }
}

/// Writes `entries` as a baseline file, atomically.
pub fn write(path: &Path, mut entries: Vec<Entry>) -> Result<usize, String> {
    entries.sort();
    let n = entries.len();
    let text = serde_json::to_string_pretty(&File {
        version: 1,
        findings: entries,
    })
    .map_err(|e| e.to_string())?;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| e.to_string())?;
    std::io::Write::write_all(&mut tmp, text.as_bytes()).map_err(|e| e.to_string())?;
    tmp.persist(path).map_err(|e| e.error.to_string())?;
    Ok(n)
}
