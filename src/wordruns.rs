//! Runs of word bytes (ASCII letters and digits, and every byte of a non-ASCII character),
//! found 64 bytes at a time with vector instructions.
//!
//! Most of a release is words that start no claim and are no stop word: language detection
//! takes them a run at a time ([`WordRuns`]) and the claim scanner measures a word of letters
//! 16 bytes at a time ([`letters_at`]), where a byte-by-byte walk paid a mispredicted branch at
//! the end of every word.

use std::ops::Range;

/// A maximal run of word bytes (ASCII letters and digits, and every byte of a non-ASCII
/// character), and whether it holds ASCII letters only.
pub struct WordRun {
    pub span: Range<usize>,
    pub letters_only: bool,
}

/// The runs of word bytes of a text, read 64 bytes at a time from two bit masks (which bytes
/// are word bytes, which are ASCII letters): a run's end is one `trailing_zeros`, not a branch
/// per byte.
pub struct WordRuns<'t> {
    bytes: &'t [u8],
    /// Where the current 64-byte block starts (bit `i` of a mask is byte `block + i`).
    block: usize,
    /// The block's word bytes.
    word: u64,
    /// Its word bytes that are no ASCII letter.
    other: u64,
    /// Its word bytes not yet given out in a run.
    rest: u64,
}

impl<'t> WordRuns<'t> {
    pub fn new(bytes: &'t [u8]) -> Self {
        let mut runs = WordRuns {
            bytes,
            block: 0,
            word: 0,
            other: 0,
            rest: 0,
        };
        runs.load();
        runs
    }

    /// Reads the masks of the block at `self.block` (all empty past the end of the text).
    fn load(&mut self) {
        let (word, letters) = match self.bytes.get(self.block..) {
            Some(bytes) => Self::masks(bytes),
            None => (0, 0),
        };
        self.word = word;
        self.other = word & !letters;
        self.rest = word;
    }

    /// The masks (word bytes, ASCII letters) of the (up to) 64 bytes that start `bytes`.
    fn masks(bytes: &[u8]) -> (u64, u64) {
        match bytes.first_chunk::<64>() {
            // SAFETY: SSE2 is part of every x86_64 processor.
            #[cfg(target_arch = "x86_64")]
            Some(block) => unsafe { masks_sse2(block) },
            #[cfg(not(target_arch = "x86_64"))]
            Some(block) => masks_bytewise(block),
            None => masks_bytewise(bytes),
        }
    }

    /// Moves to the next block; false past the end of the text.
    fn next_block(&mut self) -> bool {
        self.block += 64;
        self.load();
        self.block < self.bytes.len()
    }
}

/// [`WordRuns::masks`] byte by byte: a text's last, partial block, and other processors.
fn masks_bytewise(chunk: &[u8]) -> (u64, u64) {
    let (mut word, mut letters) = (0u64, 0u64);
    for (i, &b) in chunk.iter().enumerate().take(64) {
        let letter = b.is_ascii_alphabetic();
        word |= u64::from(letter || b.is_ascii_digit() || b >= 0x80) << i;
        letters |= u64::from(letter) << i;
    }
    (word, letters)
}

/// How many ASCII letters stand at `pos` in a row: 16 bytes at a time where the text has
/// them, so that the end of a word costs no mispredicted branch.
#[inline]
pub fn letters_at(bytes: &[u8], pos: usize) -> usize {
    run_at::<false>(bytes, pos)
}

/// How many ASCII letters and digits stand at `pos` in a row (a word as the token reader
/// takes it, "P2821", "19h"), as [`letters_at`] counts letters.
#[inline]
pub fn alphanumerics_at(bytes: &[u8], pos: usize) -> usize {
    run_at::<true>(bytes, pos)
}

/// [`letters_at`], and with `DIGITS` [`alphanumerics_at`].
#[inline]
fn run_at<const DIGITS: bool>(bytes: &[u8], pos: usize) -> usize {
    let mut end = pos;
    #[cfg(target_arch = "x86_64")]
    while let Some(chunk) = bytes.get(end..).and_then(|b| b.first_chunk::<16>()) {
        // SAFETY: SSE2 is part of every x86_64 processor.
        let run = unsafe { run_sse2::<DIGITS>(chunk) };
        end += run;
        if run < 16 {
            return end - pos;
        }
    }
    while bytes
        .get(end)
        .is_some_and(|b| b.is_ascii_alphabetic() || (DIGITS && b.is_ascii_digit()))
    {
        end += 1;
    }
    end - pos
}

/// The number of ASCII letters (and with `DIGITS`, digits) that start `chunk`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn run_sse2<const DIGITS: bool>(chunk: &[u8; 16]) -> usize {
    use std::arch::x86_64::*;
    // SAFETY: an unaligned load of the 16 bytes of `chunk`.
    let v = unsafe { _mm_loadu_si128(chunk.as_ptr().cast()) };
    let mut class = ascii_letters(v);
    if DIGITS {
        class = _mm_or_si128(class, bytes_in_range(v, b'0', 10));
    }
    (!(_mm_movemask_epi8(class) as u32)).trailing_zeros() as usize
}

/// [`WordRuns::masks`] of a whole block, 16 bytes at a time with SSE2 (part of every x86_64
/// processor): the byte-by-byte version did not vectorise.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn masks_sse2(block: &[u8; 64]) -> (u64, u64) {
    use std::arch::x86_64::*;
    let (mut word, mut letters) = (0u64, 0u64);
    for (k, chunk) in block.chunks_exact(16).enumerate() {
        // SAFETY: an unaligned load of the 16 bytes of `chunk`.
        let v = unsafe { _mm_loadu_si128(chunk.as_ptr().cast()) };
        let letter = ascii_letters(v);
        let digit = bytes_in_range(v, b'0', 10);
        // A byte's top bit is its movemask bit: every byte of a non-ASCII character.
        let high = _mm_movemask_epi8(v) as u32 as u64;
        let l = _mm_movemask_epi8(letter) as u32 as u64;
        let d = _mm_movemask_epi8(digit) as u32 as u64;
        word |= (l | d | high) << (16 * k);
        letters |= l << (16 * k);
    }
    (word, letters)
}

/// Each byte of `v` that is an ASCII letter set to all ones (lower-cased by setting bit 5,
/// which moves no other byte into `a`–`z`).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn ascii_letters(v: std::arch::x86_64::__m128i) -> std::arch::x86_64::__m128i {
    use std::arch::x86_64::*;
    bytes_in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', 26)
}

/// Each byte `x` of `v` with `x - low < n` (unsigned) set to all ones, by the signed compare
/// SSE2 has: both sides moved down by 128.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn bytes_in_range(v: std::arch::x86_64::__m128i, low: u8, n: u8) -> std::arch::x86_64::__m128i {
    use std::arch::x86_64::*;
    let shifted = _mm_add_epi8(
        _mm_sub_epi8(v, _mm_set1_epi8(low as i8)),
        _mm_set1_epi8(i8::MIN),
    );
    _mm_cmplt_epi8(shifted, _mm_set1_epi8((i16::from(n) - 128) as i8))
}

impl Iterator for WordRuns<'_> {
    type Item = WordRun;

    #[inline]
    fn next(&mut self) -> Option<WordRun> {
        while self.rest == 0 {
            if !self.next_block() {
                return None;
            }
        }
        let mut from = self.rest.trailing_zeros();
        let start = self.block + from as usize;
        let mut letters_only = true;
        // The run's bytes in this block and, while it reaches a block's end, the next.
        loop {
            let from_here = u64::MAX << from;
            let end = (!self.word & from_here).trailing_zeros();
            let below_end = u64::MAX.checked_shl(end).map_or(u64::MAX, |m| !m);
            letters_only &= self.other & from_here & below_end == 0;
            if end < 64 {
                self.rest = self.word & !below_end;
                return Some(WordRun {
                    span: start..self.block + end as usize,
                    letters_only,
                });
            }
            let block_end = (self.block + 64).min(self.bytes.len());
            if !self.next_block() || self.word & 1 == 0 {
                return Some(WordRun {
                    span: start..block_end,
                    letters_only,
                });
            }
            from = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_runs_are_found_across_blocks() {
        // Runs of every length at every offset, against a byte-by-byte reading.
        let mut text = String::new();
        for i in 0..300 {
            text.push_str(&"ab".repeat(i % 37));
            text.push_str(["", "7", "é", "x"][i % 4]);
            text.push_str([" ", ", ", "\n", "-"][i % 3]);
        }
        let bytes = text.as_bytes();
        let is_word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
        let mut want = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if !is_word(bytes[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && is_word(bytes[i]) {
                i += 1;
            }
            let letters = bytes[start..i].iter().all(u8::is_ascii_alphabetic);
            want.push((start..i, letters));
        }
        let got: Vec<_> = WordRuns::new(bytes)
            .map(|r| (r.span, r.letters_only))
            .collect();
        assert_eq!(got, want);
        assert_eq!(WordRuns::new(b"").count(), 0);
        let long = "a".repeat(200);
        let runs: Vec<_> = WordRuns::new(long.as_bytes()).map(|r| r.span).collect();
        assert_eq!(runs, vec![0..200]);
    }

    #[test]
    fn every_byte_is_classified_as_byte_by_byte() {
        // All 256 values in whole blocks (the SSE2 path on x86_64), each at every position of
        // a block, against the byte-by-byte masks and against the definition.
        let values: Vec<u8> = (0..=255).collect();
        for shift in 0..64 {
            let mut block = [b' '; 64];
            for (i, chunk) in values.chunks(64).enumerate() {
                for (j, &b) in chunk.iter().enumerate() {
                    block[(j + shift + i) % 64] = b;
                }
                let (word, letters) = WordRuns::masks(&block);
                assert_eq!((word, letters), masks_bytewise(&block));
                for (k, &b) in block.iter().enumerate() {
                    let is_word = b.is_ascii_alphanumeric() || b >= 0x80;
                    assert_eq!(word >> k & 1 == 1, is_word, "byte {b:#x}");
                    assert_eq!(
                        letters >> k & 1 == 1,
                        b.is_ascii_alphabetic(),
                        "byte {b:#x}"
                    );
                }
            }
        }
        for b in 0..=255u8 {
            let chunk = [b; 16];
            let want = if b.is_ascii_alphabetic() { 16 } else { 0 };
            assert_eq!(letters_at(&chunk, 0), want, "byte {b:#x}");
            let want = if b.is_ascii_alphanumeric() { 16 } else { 0 };
            assert_eq!(alphanumerics_at(&chunk, 0), want, "byte {b:#x}");
        }
    }

    #[test]
    fn letters_and_digits_are_counted_in_and_past_chunks_of_sixteen() {
        let text = format!(
            "{} {}é{} P2821 {}",
            "ab".repeat(20),
            "Zz".repeat(3),
            "q".repeat(17),
            "a1".repeat(12)
        );
        let bytes = text.as_bytes();
        for pos in 0..bytes.len() {
            let want = bytes[pos..]
                .iter()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            assert_eq!(letters_at(bytes, pos), want, "at {pos}");
            let want = bytes[pos..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            assert_eq!(alphanumerics_at(bytes, pos), want, "at {pos}");
        }
        assert_eq!(letters_at(b"[`@{", 0), 0);
        assert_eq!(letters_at(b"AZaz", 0), 4);
    }
}
