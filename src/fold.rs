//! Case and accent folding, shared by every stage that compares words.
//!
//! Words are compared folded: lower case, accents removed (`é` → `e`, `œ` → `oe`), typographic
//! apostrophes made ASCII (`’` → `'`) and no-break spaces made plain spaces. Symbols such as
//! `€`, `£`, `%` are kept as they are, since they carry meaning.

use std::borrow::Cow;

/// The folded form of `c` when it is one ASCII byte: ASCII itself (lower-cased) and the
/// accented letters of French and English text, answered without the Unicode tables.
#[inline]
pub const fn fold_ascii(c: char) -> Option<u8> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase() as u8);
    }
    Some(match c {
        'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => b'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => b'e',
        'î' | 'ï' | 'í' | 'Î' | 'Ï' | 'Í' => b'i',
        'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' | 'Ó' => b'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => b'u',
        'ç' | 'Ç' => b'c',
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' => b'\'',
        _ => return None,
    })
}

/// [`fold_ascii`] of U+00C0–U+00FF by the second byte of their UTF-8 form (`0xC3`, then
/// `0x80`–`0xBF`), 0 where the fold is not one ASCII byte: French words are read a byte at a
/// time without decoding their accented letters.
pub const LATIN1_FOLD: [u8; 64] = {
    let mut table = [0; 64];
    let mut i = 0;
    while i < 64 {
        if let Some(c) = char::from_u32(0xC0 + i as u32) {
            if let Some(b) = fold_ascii(c) {
                table[i] = b;
            }
        }
        i += 1;
    }
    table
};

/// Each byte lower-cased when it is an ASCII letter or digit, else 0.
pub const ASCII_WORD_FOLD: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() {
            table[b] = (b as u8).to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// Appends the folded form of `c` to `out`.
pub fn fold_char(c: char, out: &mut String) {
    if let Some(b) = fold_ascii(c) {
        out.push(char::from(b));
        return;
    }
    match c {
        'œ' | 'Œ' => out.push_str("oe"),
        '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}' => out.push(' '),
        '\u{2010}' | '\u{2011}' => out.push('-'),
        _ if c.is_alphabetic() => match deunicode::deunicode_char(c) {
            Some(ascii) if !ascii.is_empty() && ascii.bytes().all(|b| b.is_ascii_alphabetic()) => {
                out.extend(ascii.chars().map(|a| a.to_ascii_lowercase()))
            }
            _ => out.extend(c.to_lowercase()),
        },
        _ => out.push(c),
    }
}

/// The folded form of `s`, borrowed when `s` is already folded (plain lower-case ASCII).
pub fn fold(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    Cow::Owned(out)
}

/// A whole text folded once, with a map back to the original byte offsets.
///
/// Only characters whose folded form has another byte length leave a checkpoint, so plain ASCII
/// text costs no map at all.
#[derive(Debug, Clone)]
pub struct FoldedText {
    pub text: String,
    /// (folded offset, original offset) after each length change, ascending.
    checkpoints: Vec<(usize, usize)>,
}

impl FoldedText {
    /// Folds `original`; with `collapse_spaces`, every run of white space becomes one space.
    pub fn new(original: &str, collapse_spaces: bool) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut checkpoints = Vec::new();
        let mut in_space = false;
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // ASCII, most of any release: one byte in, one byte out, no checkpoint but after a
            // collapsed space.
            if b.is_ascii() {
                if collapse_spaces && b.is_ascii_whitespace() {
                    if !in_space {
                        text.push(' ');
                    } else {
                        checkpoints.push((text.len(), i + 1));
                    }
                    in_space = true;
                } else {
                    in_space = false;
                    text.push(b.to_ascii_lowercase() as char);
                }
                i += 1;
                continue;
            }
            let Some(c) = original[i..].chars().next() else {
                break;
            };
            let before = text.len();
            if collapse_spaces && (c.is_whitespace() || c == '\u{00A0}' || c == '\u{202F}') {
                if !in_space {
                    text.push(' ');
                }
                in_space = true;
            } else {
                in_space = false;
                fold_char(c, &mut text);
            }
            i += c.len_utf8();
            if text.len() - before != c.len_utf8() {
                checkpoints.push((text.len(), i));
            }
        }
        FoldedText { text, checkpoints }
    }

    /// The original byte offset of folded offset `folded`.
    pub fn original_offset(&self, folded: usize) -> usize {
        let idx = self.checkpoints.partition_point(|&(f, _)| f <= folded);
        match idx.checked_sub(1) {
            Some(i) => {
                let (f, o) = self.checkpoints[i];
                o + (folded - f)
            }
            None => folded,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_apostrophes() {
        assert_eq!(fold("Réussite"), "reussite");
        assert_eq!(fold("jusqu’à"), "jusqu'a");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("31,4 M€"), "31,4 m€");
        assert!(matches!(fold("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn fast_accents_fold_as_the_unicode_tables_do() {
        for c in "àâäáÀÂÄÁéèêëÉÈÊËîïíÎÏÍôöóÔÖÓùûüúÙÛÜÚçÇœŒ".chars()
        {
            let mut fast = String::new();
            fold_char(c, &mut fast);
            let slow = deunicode::deunicode_char(c)
                .unwrap_or_default()
                .to_lowercase();
            assert_eq!(fast, slow, "{c}");
        }
    }

    #[test]
    fn the_byte_tables_fold_as_fold_ascii() {
        for c in '\u{C0}'..='\u{FF}' {
            let mut utf8 = [0; 2];
            c.encode_utf8(&mut utf8);
            assert_eq!(utf8[0], 0xC3);
            let want = fold_ascii(c).unwrap_or(0);
            assert_eq!(LATIN1_FOLD[usize::from(utf8[1] - 0x80)], want, "{c}");
        }
        for b in 0..=255u8 {
            let want = if b.is_ascii_alphanumeric() {
                b.to_ascii_lowercase()
            } else {
                0
            };
            assert_eq!(ASCII_WORD_FOLD[usize::from(b)], want);
        }
    }

    #[test]
    fn maps_folded_offsets_back() {
        let original = "Les arrestations de l’URO à Calais";
        let folded = FoldedText::new(original, true);
        let at = folded.text.find("uro").unwrap();
        let orig = folded.original_offset(at);
        assert_eq!(&original[orig..orig + 3], "URO");
        let calais = folded.text.find("calais").unwrap();
        assert_eq!(&original[folded.original_offset(calais)..], "Calais");
        let spaced = FoldedText::new("taux  de\n réussite 41", true);
        assert_eq!(spaced.text, "taux de reussite 41");
        assert_eq!(spaced.original_offset(spaced.text.find("41").unwrap()), 20);
    }
}
