//! Finding and reading the files to check: paths, walked folders, `-` for stdin.
//!
//! Folders are walked with the `ignore` crate (`.gitignore`, `.ignore` and hidden files honoured),
//! keeping Markdown and plain-text files; files named on the command line are always read. Reading
//! never loses a file silently: a missing or unreadable file, invalid UTF-8, a binary file or a
//! file over the size limit each becomes a [`InputProblem`] naming the file, and the other files
//! are still checked.

use std::io::Read;
use std::path::{Path, PathBuf};

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

use crate::source::{Document, Format};

/// Default size limit of one file, in bytes.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 50 * 1024 * 1024;

/// Extensions read when a folder is walked.
pub const TEXT_EXTENSIONS: &[&str] = &["md", "markdown", "mdx", "mkd", "txt", "text"];

/// One input: a file, or standard input under a display name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file; `explicit` when named on the command line rather than found in a folder.
    File {
        path: PathBuf,
        explicit: bool,
    },
    Stdin {
        name: String,
    },
}

impl Input {
    pub fn name(&self) -> String {
        match self {
            Input::File { path, .. } => path.display().to_string(),
            Input::Stdin { name } => name.clone(),
        }
    }
}

/// Something wrong with an input; errors end with exit code 2, warnings do not.
#[derive(Debug, Error, Diagnostic)]
pub enum InputProblem {
    #[error("{name}: no such file or directory")]
    #[diagnostic(
        code(figcheck::input),
        help("check the path; the other files were still checked")
    )]
    NotFound { name: String },

    #[error("cannot read {name}: {message}")]
    #[diagnostic(
        code(figcheck::input),
        help("check that the file exists and that you may read it (permissions)")
    )]
    Unreadable { name: String, message: String },

    #[error("{name} is not valid UTF-8: invalid byte at offset {offset}")]
    #[diagnostic(
        code(figcheck::encoding),
        help(
            "save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`); figcheck reads only UTF-8"
        )
    )]
    InvalidUtf8 {
        name: String,
        offset: usize,
        #[source_code]
        src: NamedSource<String>,
        #[label("this byte is not UTF-8")]
        span: SourceSpan,
    },

    #[error("{name} looks like a binary file; skipped")]
    #[diagnostic(code(figcheck::binary), severity(Warning))]
    Binary { name: String },

    #[error("{name} is {size} bytes, over the limit of {limit} bytes; skipped")]
    #[diagnostic(
        code(figcheck::too_large),
        severity(Warning),
        help("raise the limit with --max-file-size BYTES if this file is really a release")
    )]
    TooLarge { name: String, size: u64, limit: u64 },

    #[error("{name}: {message}")]
    #[diagnostic(code(figcheck::walk), severity(Warning))]
    Walk { name: String, message: String },
}

impl InputProblem {
    pub fn is_error(&self) -> bool {
        !matches!(
            self,
            InputProblem::Binary { .. } | InputProblem::TooLarge { .. } | InputProblem::Walk { .. }
        )
    }
}

/// True for the file types figcheck reads: Markdown and plain text.
pub fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEXT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Expands the command-line paths into inputs, in a stable order: each argument in turn, the files
/// of a folder sorted by path.
pub fn collect(paths: &[String], stdin_name: Option<&str>) -> (Vec<Input>, Vec<InputProblem>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for arg in paths {
        if arg == "-" {
            inputs.push(Input::Stdin {
                name: stdin_name.unwrap_or("<stdin>").to_string(),
            });
            continue;
        }
        let path = Path::new(arg);
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                problems.push(InputProblem::NotFound { name: arg.clone() })
            }
            Err(e) => problems.push(InputProblem::Unreadable {
                name: arg.clone(),
                message: e.to_string(),
            }),
            Ok(meta) if meta.is_dir() => {
                let mut found = Vec::new();
                for entry in ignore::WalkBuilder::new(path)
                    .follow_links(true)
                    .require_git(false)
                    .build()
                {
                    match entry {
                        Ok(e) => {
                            if e.file_type().is_some_and(|t| t.is_file())
                                && has_text_extension(e.path())
                            {
                                // "./a.md" is shown as "a.md", as other linters do.
                                let p = e.into_path();
                                found.push(match p.strip_prefix(".") {
                                    Ok(rel) if !rel.as_os_str().is_empty() => rel.to_path_buf(),
                                    _ => p,
                                });
                            }
                        }
                        Err(err) => problems.push(InputProblem::Walk {
                            name: arg.clone(),
                            message: err.to_string(),
                        }),
                    }
                }
                found.sort_unstable_by(|a, b| by_components(a, b));
                inputs.extend(found.into_iter().map(|path| Input::File {
                    path,
                    explicit: false,
                }));
            }
            Ok(_) => inputs.push(Input::File {
                path: path.to_path_buf(),
                explicit: true,
            }),
        }
    }
    (inputs, problems)
}

/// The order of `Path`'s `Ord` (a component at a time) for the paths a walk finds, compared as
/// bytes with each separator read as the smallest byte: a component then sorts before any longer
/// one it begins. `Path::cmp` parses components as it goes, about 570 instructions a comparison
/// on the corpus's paths, 0.07 s of sorting 25,000 of them; this is a tenth of that. It needs
/// paths without empty or `.` components inside, which joining a folder and names gives.
fn by_components(a: &Path, b: &Path) -> std::cmp::Ordering {
    fn key(p: &Path) -> impl Iterator<Item = u8> + '_ {
        let bytes = p.as_os_str().as_encoded_bytes();
        bytes.iter().map(|&b| {
            if std::path::is_separator(b as char) {
                0
            } else {
                b
            }
        })
    }
    key(a).cmp(key(b))
}

/// What is read of a file before asking its size.
const FIRST_READ: usize = 16 * 1024;

/// Reads the raw bytes of an input, refusing files over `limit`.
pub fn read_bytes(input: &Input, limit: u64) -> Result<Vec<u8>, InputProblem> {
    read_bytes_below(input, limit, u64::MAX).map(Option::unwrap_or_default)
}

/// [`read_bytes`], unless the input is a file of `big` bytes or more: then `None`, having read
/// only its first bytes.
fn read_bytes_below(input: &Input, limit: u64, big: u64) -> Result<Option<Vec<u8>>, InputProblem> {
    let name = input.name();
    let unreadable = |e: std::io::Error| InputProblem::Unreadable {
        name: name.clone(),
        message: e.to_string(),
    };
    let mut bytes = Vec::new();
    match input {
        Input::Stdin { .. } => {
            std::io::stdin()
                .take(limit.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(unreadable)?;
        }
        Input::File { path, .. } => {
            let mut file = std::fs::File::open(path).map_err(unreadable)?;
            // Most releases fit in the first read: no `fstat` for them (a system call per file
            // is a few per cent of a walk over thousands of small files).
            bytes.reserve_exact(FIRST_READ);
            (&mut file)
                .take((FIRST_READ as u64).min(limit.saturating_add(1)))
                .read_to_end(&mut bytes)
                .map_err(unreadable)?;
            if bytes.len() == FIRST_READ || bytes.len() as u64 > limit {
                // A bigger file: sized once from the metadata (plus one byte to see the end),
                // as read_to_end would otherwise grow it by doubling, a copy per step. Over the
                // limit, its real size is what the message says.
                let size = file.metadata().map_err(unreadable)?.len();
                if size > limit {
                    return Err(InputProblem::TooLarge { name, size, limit });
                }
                if size >= big {
                    return Ok(None);
                }
                bytes.reserve_exact((size as usize + 1).saturating_sub(bytes.len()));
                file.take(limit.saturating_add(1) - FIRST_READ as u64)
                    .read_to_end(&mut bytes)
                    .map_err(unreadable)?;
            }
        }
    }
    if bytes.len() as u64 > limit {
        return Err(InputProblem::TooLarge {
            name,
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(Some(bytes))
}

/// The bytes as a `String` if they are UTF-8, else the bytes back. Validated with `simdutf8`
/// (several times faster than the standard library's check on accented text; every byte of
/// every file goes through it).
pub fn utf8_string(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: the bytes were just validated as UTF-8.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        Err(bytes)
    }
}

/// Turns bytes into text: binary files (a NUL byte in the first 8 KiB) are skipped, invalid UTF-8
/// is an error that points at the first bad byte.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, InputProblem> {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(InputProblem::Binary {
            name: name.to_string(),
        });
    }
    utf8_string(bytes).map_err(|bytes| {
        // The error path only: where the first bad byte is.
        let offset = std::str::from_utf8(&bytes)
            .err()
            .map_or(bytes.len(), |e| e.valid_up_to());
        // Show the line around the bad byte, lossily, so the label lands on it.
        let from = bytes[..offset]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let to = bytes[offset..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| offset + i);
        let before = String::from_utf8_lossy(&bytes[from..offset]).into_owned();
        let line = format!("{before}{}", String::from_utf8_lossy(&bytes[offset..to]));
        InputProblem::InvalidUtf8 {
            name: name.to_string(),
            offset,
            span: SourceSpan::from((before.len(), 1)),
            src: NamedSource::new(name, line),
        }
    })
}

/// Reads an input into a [`Document`].
pub fn read(input: &Input, limit: u64) -> Result<Document, InputProblem> {
    document(input, read_bytes(input, limit)?)
}

/// [`read`], unless the input is a file of `big` bytes or more: then `None`, having read only
/// its first bytes (stdin is always read). Worker threads leave such files to the thread that
/// writes the output, which reads them when their turn comes: one at a time in memory.
pub fn read_unless_big(
    input: &Input,
    limit: u64,
    big: u64,
) -> Result<Option<Document>, InputProblem> {
    match read_bytes_below(input, limit, big)? {
        Some(bytes) => document(input, bytes).map(Some),
        None => Ok(None),
    }
}

/// The document of an input's bytes.
fn document(input: &Input, bytes: Vec<u8>) -> Result<Document, InputProblem> {
    let name = input.name();
    let text = decode(&name, bytes)?;
    Ok(Document::new(name.clone(), text, Format::for_path(&name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_points_at_the_byte() {
        let err = decode("x.md", b"ok\nabc\xff def\n".to_vec()).unwrap_err();
        match err {
            InputProblem::InvalidUtf8 { offset, span, .. } => {
                assert_eq!(offset, 6);
                assert_eq!(span.offset(), 3);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_folder_is_walked_in_the_order_of_its_sorted_paths() {
        // Sorting whole paths compares them a component at a time: "a/b.md" comes before
        // "a-b.md" though '/' is after '-' as a byte, and a folder's files come together.
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "a.md", "a-b.md", "a/b.md", "a/c/d.md", "a/b/e.md", "B.md", "é.md", "z.txt",
        ] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let (inputs, problems) = collect(&[dir.path().to_string_lossy().into_owned()], None);
        assert!(problems.is_empty(), "{problems:?}");
        let paths: Vec<PathBuf> = inputs
            .iter()
            .map(|i| match i {
                Input::File { path, .. } => path.strip_prefix(dir.path()).unwrap().to_path_buf(),
                Input::Stdin { .. } => unreachable!(),
            })
            .collect();
        let mut sorted = paths.clone();
        sorted.sort();
        assert_eq!(paths, sorted);
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        assert_eq!(
            names,
            ["B.md", "a/b/e.md", "a/b.md", "a/c/d.md", "a-b.md", "a.md", "z.txt", "é.md"]
        );
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(matches!(
            decode("x.md", b"PK\0\x03".to_vec()),
            Err(InputProblem::Binary { .. })
        ));
    }

    #[test]
    fn files_bigger_than_the_first_read_are_read_whole_or_refused_with_their_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.md");
        let text: Vec<u8> = (0..3 * FIRST_READ + 7)
            .map(|i| b'a' + (i % 26) as u8)
            .collect();
        std::fs::write(&path, &text).unwrap();
        let input = Input::File {
            path,
            explicit: true,
        };
        assert_eq!(read_bytes(&input, DEFAULT_MAX_FILE_SIZE).unwrap(), text);
        // Exactly at the limit is read; one byte under is refused, with the file's real size.
        assert_eq!(
            read_bytes(&input, text.len() as u64).unwrap().len(),
            text.len()
        );
        for limit in [text.len() as u64 - 1, FIRST_READ as u64 + 1, 100] {
            match read_bytes(&input, limit) {
                Err(InputProblem::TooLarge { size, .. }) => {
                    assert_eq!(size, text.len() as u64, "limit {limit}")
                }
                other => panic!("limit {limit}: {other:?}"),
            }
        }
    }
}
