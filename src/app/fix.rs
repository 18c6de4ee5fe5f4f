//! Applying fixes: rewriting mismatched figures in place, or showing the diff.
//!
//! A write is atomic (a temporary file in the same folder, then a rename), keeps the file's
//! permissions, and is refused when the file changed since it was read. Only the fixed spans
//! change: line endings, BOM and every other byte stay as they were.

use std::io::Write;
use std::path::Path;

use crate::rules::Fix;

/// The text with `fixes` applied; overlapping fixes after the first are dropped.
pub fn apply(text: &str, fixes: &[Fix]) -> (String, usize) {
    let mut sorted: Vec<&Fix> = fixes.iter().collect();
    sorted.sort_by_key(|f| (f.span.start, f.span.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    let mut applied = 0;
    for f in sorted {
        if f.span.start < pos || f.span.end > text.len() {
            continue;
        }
        out.push_str(&text[pos..f.span.start]);
        out.push_str(&f.replacement);
        pos = f.span.end;
        applied += 1;
    }
    out.push_str(&text[pos..]);
    (out, applied)
}

/// A unified diff of `old` → `new` for `name`.
pub fn unified_diff(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(name, name)
        .to_string()
}

/// Why a fixed file was not written.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum WriteError {
    #[error("{name} changed since figcheck read it; not fixed")]
    #[diagnostic(
        code(figcheck::fix),
        help("run figcheck --fix again on the new version")
    )]
    Changed { name: String },
    #[error("cannot write {name}: {message}")]
    #[diagnostic(
        code(figcheck::fix),
        help("check that the folder is writable; the file was left as it was")
    )]
    Io { name: String, message: String },
}

/// Writes `new` over `path` atomically, provided the file still holds `old`.
pub fn write_atomic(path: &Path, old: &str, new: &str) -> Result<(), WriteError> {
    let name = path.display().to_string();
    let io = |e: std::io::Error| WriteError::Io {
        name: name.clone(),
        message: e.to_string(),
    };
    let current = std::fs::read(path).map_err(io)?;
    if current != old.as_bytes() {
        return Err(WriteError::Changed { name });
    }
    let perms = std::fs::metadata(path).map_err(io)?.permissions();
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".figcheck-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(new.as_bytes()).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    std::fs::set_permissions(tmp.path(), perms).map_err(io)?;
    // Fault injection for the crash test (tests/hostile.rs): die where a crash would hurt most.
    if std::env::var_os("FIGCHECK_FAULT_BEFORE_RENAME").is_some() {
        std::process::abort();
    }
    // Last look before the rename: refuse if the file moved on while we wrote.
    if std::fs::read(path).map_err(io)? != old.as_bytes() {
        return Err(WriteError::Changed { name });
    }
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_fixes_and_touches_nothing_else() {
        let text = "a 150 b\r\n190 c";
        let fixes = vec![
            Fix {
                span: 2..5,
                replacement: "140".into(),
            },
            Fix {
                span: 9..12,
                replacement: "14".into(),
            },
        ];
        let (new, n) = apply(text, &fixes);
        assert_eq!((new.as_str(), n), ("a 140 b\r\n14 c", 2));
    }

    #[test]
    fn refuses_a_file_that_changed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        std::fs::write(&p, "new content").unwrap();
        assert!(matches!(
            write_atomic(&p, "old content", "x"),
            Err(WriteError::Changed { .. })
        ));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new content");
        write_atomic(&p, "new content", "fixed").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "fixed");
    }
}
