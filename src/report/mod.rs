//! Rendering results: claims for `extract`, findings for `check`, in every output format.

pub mod claims;
pub mod findings;
pub mod jsonl;

/// Files at least this large are rendered straight to the output rather than into a string
/// first: the rendered findings of one huge file would otherwise double what it holds in memory.
pub const STREAM_BYTES: usize = 4 << 20;

/// The renderers write to a `fmt::Write`; this one passes everything to an `io::Write` and keeps
/// the first error.
pub struct IoFmt<'a> {
    inner: &'a mut dyn std::io::Write,
    pub error: Option<std::io::Error>,
}

impl<'a> IoFmt<'a> {
    pub fn new(inner: &'a mut dyn std::io::Write) -> Self {
        IoFmt { inner, error: None }
    }
}

impl IoFmt<'_> {
    /// Writes bytes as they are (JSON Lines, written as bytes), unless an earlier write failed.
    pub fn write_bytes(&mut self, bytes: &[u8]) -> std::fmt::Result {
        if self.error.is_some() {
            return Err(std::fmt::Error);
        }
        self.inner.write_all(bytes).map_err(|e| {
            self.error = Some(e);
            std::fmt::Error
        })
    }
}

impl std::fmt::Write for IoFmt<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.write_bytes(s.as_bytes())
    }
}
