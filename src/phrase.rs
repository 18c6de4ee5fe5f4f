//! Word-level matching of the phrases that language packs list ("plus de", "millions d'euros").
//!
//! Text is read as tokens: a *word* is a maximal run of letters and digits, a *symbol* any other
//! visible character (`%`, `€`, `'`). Tokens are separated by a *gap*: spaces (also no-break ones),
//! tabs, hyphens, and at most one line break. A phrase from a pack is tokenised the same way, so
//! "quatre-vingt" matches "quatre vingt" and "jusqu’à" matches "jusqu'à". Words compare folded
//! (see [`crate::fold`]) unless the entry is case-sensitive ("M" for million beside "m" for metre).

use rustc_hash::FxHashMap as HashMap;

use std::borrow::Cow;

use crate::fold::fold;

/// One token of text, borrowed from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok<'a> {
    Word(&'a str),
    Sym(char),
}

/// True for letters and digits (`char::is_alphanumeric`), answered without the Unicode tables
/// for ASCII, Latin-1, general punctuation, currency signs and operators, the characters
/// releases are made of: this test runs on every character the scanners walk.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        // Latin-1 letters, but the multiplication and division signs.
        0xC0..=0xFF => !matches!(c, '\u{D7}' | '\u{F7}'),
        // Latin-1 signs: "ª", "²", "³", "µ", "¹", "º" and "¼" to "¾" are letters or numbers;
        // the rest ("«", "»", "°", "§", the no-break space) and the C1 controls are not.
        0xAA | 0xB2 | 0xB3 | 0xB5 | 0xB9 | 0xBA | 0xBC..=0xBE => true,
        0x80..=0xBF => false,
        // General punctuation (U+202F, quotes, dashes), currency signs ("€"), arrows and
        // mathematical operators ("−", "≈", "≤").
        0x2000..=0x206F | 0x20A0..=0x20CF | 0x2190..=0x22FF => false,
        _ => c.is_alphanumeric(),
    }
}

/// True for the characters a gap is made of, line breaks aside.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}'
    )
}

/// Skips a gap forwards (spaces, hyphens when `hyphens`, at most one line break).
pub fn skip_gap(text: &str, pos: usize, hyphens: bool) -> usize {
    // Most gaps are one ASCII space before a letter or digit: answered from the bytes.
    let bytes = text.as_bytes();
    match bytes.get(pos) {
        Some(b) if b.is_ascii_alphanumeric() => return pos,
        Some(b' ') if bytes.get(pos + 1).is_some_and(u8::is_ascii_alphanumeric) => return pos + 1,
        _ => {}
    }
    skip_gap_chars(text, pos, hyphens)
}

/// [`skip_gap`] read char by char.
fn skip_gap_chars(text: &str, mut pos: usize, hyphens: bool) -> usize {
    let mut newlines = 0;
    while let Some(c) = text[pos..].chars().next() {
        if is_space(c) || (hyphens && matches!(c, '-' | '\u{2010}' | '\u{2011}')) || c == '\r' {
            pos += c.len_utf8();
        } else if c == '\n' && newlines == 0 {
            newlines += 1;
            pos += 1;
        } else {
            break;
        }
    }
    pos
}

/// Skips a gap backwards from `pos` (the same characters as [`skip_gap`]).
pub fn skip_gap_back(text: &str, pos: usize, hyphens: bool) -> usize {
    let bytes = text.as_bytes();
    match pos.checked_sub(1).map(|p| bytes[p]) {
        Some(b) if b.is_ascii_alphanumeric() => return pos,
        Some(b' ') if pos >= 2 && bytes[pos - 2].is_ascii_alphanumeric() => return pos - 1,
        _ => {}
    }
    skip_gap_back_chars(text, pos, hyphens)
}

/// [`skip_gap_back`] read char by char.
fn skip_gap_back_chars(text: &str, mut pos: usize, hyphens: bool) -> usize {
    let mut newlines = 0;
    while let Some(c) = text[..pos].chars().next_back() {
        if is_space(c) || (hyphens && matches!(c, '-' | '\u{2010}' | '\u{2011}')) || c == '\r' {
            pos -= c.len_utf8();
        } else if c == '\n' && newlines == 0 {
            newlines += 1;
            pos -= 1;
        } else {
            break;
        }
    }
    pos
}

/// The token starting at `pos`, with its end.
#[inline]
pub fn token_at(text: &str, pos: usize) -> Option<(Tok<'_>, usize)> {
    let bytes = text.as_bytes();
    // Fast path: a word of ASCII letters and digits and Latin-1 letters ("été"), read byte by
    // byte; a word with other letters is read below.
    let latin1_letter = |at: usize| {
        bytes[at] == 0xC3
            && matches!(bytes.get(at + 1), Some(&(0x80..=0xBF)) if !matches!(bytes[at + 1], 0x97 | 0xB7))
    };
    if bytes.get(pos)?.is_ascii_alphanumeric() || latin1_letter(pos) {
        // ASCII letters and digits 16 at a time, then byte by byte through accented letters.
        let mut end = pos + crate::wordruns::alphanumerics_at(bytes, pos);
        while end < bytes.len() {
            if bytes[end].is_ascii_alphanumeric() {
                end += 1;
            } else if latin1_letter(end) {
                end += 2;
            } else {
                break;
            }
        }
        if bytes.get(end).is_none_or(u8::is_ascii) {
            return Some((Tok::Word(&text[pos..end]), end));
        }
    }
    let rest = &text[pos..];
    let c = rest.chars().next()?;
    if is_word_char(c) {
        let len = rest
            .char_indices()
            .find(|&(_, c)| !is_word_char(c))
            .map_or(rest.len(), |(i, _)| i);
        Some((Tok::Word(&rest[..len]), pos + len))
    } else if c.is_whitespace() {
        None
    } else {
        Some((Tok::Sym(c), pos + c.len_utf8()))
    }
}

/// The token ending at `end`, with its start.
pub fn token_before(text: &str, end: usize) -> Option<(Tok<'_>, usize)> {
    // Fast path: a word of ASCII letters and digits, read back byte by byte to a byte that
    // is ASCII and no letter or digit (a word with other letters is read below).
    let bytes = text.as_bytes();
    if end > 0 && bytes[end - 1].is_ascii_alphanumeric() {
        let mut start = end - 1;
        while start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
            start -= 1;
        }
        if start == 0 || bytes[start - 1].is_ascii() {
            return Some((Tok::Word(&text[start..end]), start));
        }
    }
    token_before_chars(text, end)
}

/// [`token_before`] read char by char.
fn token_before_chars(text: &str, end: usize) -> Option<(Tok<'_>, usize)> {
    let head = &text[..end];
    let c = head.chars().next_back()?;
    if is_word_char(c) {
        let start = head
            .char_indices()
            .rev()
            .find(|&(_, c)| !is_word_char(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        Some((Tok::Word(&head[start..]), start))
    } else if c.is_whitespace() {
        None
    } else {
        Some((Tok::Sym(c), end - c.len_utf8()))
    }
}

/// A token of a phrase from a pack.
#[derive(Debug, Clone, PartialEq, Eq)]
enum PTok {
    /// Folded and raw spellings of a word.
    Word(String, String),
    Sym(char),
}

impl PTok {
    fn key(&self) -> String {
        match self {
            PTok::Word(folded, _) => folded.clone(),
            PTok::Sym(c) => fold_sym(*c).to_string(),
        }
    }

    fn matches(&self, tok: Tok<'_>, case_sensitive: bool) -> bool {
        match (self, tok) {
            (PTok::Word(folded, raw), Tok::Word(w)) => {
                if case_sensitive {
                    raw == w
                } else if w.is_ascii() {
                    // `folded` is lower case, so this is `folded == fold(w)` without allocating.
                    folded.eq_ignore_ascii_case(w)
                } else {
                    *folded == fold(w)
                }
            }
            (PTok::Sym(a), Tok::Sym(b)) => fold_sym(*a) == fold_sym(b),
            _ => false,
        }
    }
}

fn fold_sym(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' => '\'',
        _ => c,
    }
}

/// A buffer for [`tok_key`]: ASCII words up to this length are folded on the stack.
pub type KeyBuf = [u8; 24];

/// The lookup key of a text token; no allocation for symbols and ASCII words that fit `buf`.
pub fn tok_key<'a>(tok: Tok<'a>, buf: &'a mut KeyBuf) -> Cow<'a, str> {
    match tok {
        Tok::Word(w) if w.is_ascii() && w.len() <= buf.len() => {
            if !w.bytes().any(|b| b.is_ascii_uppercase()) {
                return Cow::Borrowed(w);
            }
            let out = &mut buf[..w.len()];
            out.copy_from_slice(w.as_bytes());
            out.make_ascii_lowercase();
            // SAFETY: ASCII in, ASCII out.
            Cow::Borrowed(unsafe { ascii_str(out) })
        }
        Tok::Word(w) => {
            // Accented words whose every letter folds to one ASCII byte ("zéro", "à"): on the
            // stack too, byte by byte where the letters are Latin-1 ones.
            if let Some(n) = fold_latin1(w.as_bytes(), buf) {
                // SAFETY: `fold_latin1` writes ASCII bytes only.
                return Cow::Borrowed(unsafe { ascii_str(&buf[..n]) });
            }
            let mut n = 0;
            for c in w.chars() {
                match crate::fold::fold_ascii(c) {
                    Some(b) if n < buf.len() => {
                        buf[n] = b;
                        n += 1;
                    }
                    _ => return fold(w),
                }
            }
            // SAFETY: `fold_ascii` answers ASCII bytes only.
            Cow::Borrowed(unsafe { ascii_str(&buf[..n]) })
        }
        Tok::Sym(c) => Cow::Borrowed(fold_sym(c).encode_utf8(buf)),
    }
}

/// `word` (ASCII and Latin-1 letters only) folded into `buf`, with its folded length; `None`
/// when it has another character or does not fit.
fn fold_latin1(word: &[u8], buf: &mut KeyBuf) -> Option<usize> {
    let (mut i, mut n) = (0, 0);
    while i < word.len() {
        let b = word[i];
        let folded = if b < 0x80 {
            i += 1;
            b.to_ascii_lowercase()
        } else if b == 0xC3 {
            let f = folded_latin1_letter(word, i)?;
            i += 2;
            f
        } else {
            return None;
        };
        *buf.get_mut(n)? = folded;
        n += 1;
    }
    Some(n)
}

/// The ASCII byte the Latin-1 letter whose UTF-8 starts (with 0xC3) at `i` folds to; `None`
/// for one that folds to none ("æ", "×").
#[inline]
fn folded_latin1_letter(bytes: &[u8], i: usize) -> Option<u8> {
    let f = crate::fold::LATIN1_FOLD[usize::from(bytes.get(i + 1)?.wrapping_sub(0x80) & 63)];
    (f != 0).then_some(f)
}

/// The word of ASCII letters and Latin-1 letters at `pos` ("été", "réseaux"), folded into
/// `buf` as [`tok_key`] folds it, with the word's end and the key's length: the scanner asks
/// about every accented word of the prose without reading it as a token first. `None` for a
/// word with anything else (a digit, another letter, a letter that folds to none), a key
/// longer than `buf`, or one followed by a byte that is not ASCII; the caller then reads it
/// the long way.
pub fn latin1_word_key(bytes: &[u8], pos: usize, buf: &mut KeyBuf) -> Option<(usize, usize)> {
    let (mut i, mut n) = (pos, 0);
    loop {
        let folded = match bytes.get(i) {
            Some(b) if b.is_ascii_alphabetic() => {
                i += 1;
                b.to_ascii_lowercase()
            }
            Some(0xC3) => {
                let f = folded_latin1_letter(bytes, i)?;
                i += 2;
                f
            }
            Some(b) if b.is_ascii() && !b.is_ascii_digit() => break,
            None => break,
            _ => return None,
        };
        *buf.get_mut(n)? = folded;
        n += 1;
    }
    Some((i, n))
}

/// `bytes` as text without validating them again (that was 1 % of extraction).
///
/// # Safety
/// `bytes` must be ASCII, as every key folded on the stack is (checked in debug builds).
unsafe fn ascii_str(bytes: &[u8]) -> &str {
    debug_assert!(bytes.is_ascii());
    // SAFETY: ASCII is valid UTF-8.
    unsafe { std::str::from_utf8_unchecked(bytes) }
}

/// A set of folded token keys (the words and symbols that can start a claim) that rejects most
/// text tokens by their first two bytes, before any hashing: the scanner asks it about every
/// word of the prose.
#[derive(Debug, Clone)]
pub struct TokenSet {
    /// Each key, with what may follow it (see [`Follow`]).
    keys: HashMap<String, Follow>,
    /// The keys of ASCII bytes, up to 16, packed into integers: a text word of ASCII letters
    /// is looked up without folding it into a buffer, hashing it as a string and comparing
    /// strings (a quarter of the scanner's time over prose went to that).
    short: ShortKeys,
    /// For each pair of lower-cased ASCII leading bytes (the second is 0 for one-byte keys), a
    /// bit per key length (1 to 16, longer ones share the last bit): "the" and "for" are
    /// rejected although "three" and "four" share their first letters.
    shapes: Box<[u16; 1 << 14]>,
}

impl Default for TokenSet {
    fn default() -> Self {
        TokenSet {
            keys: HashMap::default(),
            short: ShortKeys::default(),
            shapes: Box::new([0; 1 << 14]),
        }
    }
}

/// The slot and length bit of a key or token, if its first two bytes are ASCII.
fn shape(key: &[u8]) -> Option<(usize, u16)> {
    let b0 = *key.first()?;
    let b1 = key.get(1).copied().unwrap_or(0);
    let slot = (b0.is_ascii() && b1.is_ascii()).then(|| {
        (usize::from(b0.to_ascii_lowercase()) << 7) | usize::from(b1.to_ascii_lowercase())
    })?;
    Some((slot, 1 << (key.len().min(16) - 1)))
}

/// What may stand after a key of a [`TokenSet`] for a phrase to start there: anything (some
/// phrase is the key alone), or a token whose first byte is one of a set ("l" starts only
/// "L$"-like currency symbols, "pour" only "pour cent de"). The scanner meets "l'", "à", "au"
/// and "pour" in every French paragraph; this answers most of them without a phrase lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Follow {
    any: bool,
    /// First bytes (lower-cased) of the second tokens' keys; a key's non-ASCII first byte is
    /// not kept, and any non-ASCII text byte is let through ([`AsciiSet::may_hold`]).
    next: AsciiSet,
}

impl Follow {
    /// Anything may follow.
    pub const ANY: Follow = Follow {
        any: true,
        next: AsciiSet(0),
    };

    /// Both sets of followers.
    fn union(self, other: Follow) -> Follow {
        Follow {
            any: self.any || other.any,
            next: AsciiSet(self.next.0 | other.next.0),
        }
    }

    /// Whether a phrase may start with the key when the next token starts with the byte
    /// `next` (after the gap; `None` at the end of the text).
    #[inline]
    pub fn allows(self, next: Option<u8>) -> bool {
        self.any || next.is_some_and(|b| self.next.may_hold(b))
    }
}

impl TokenSet {
    pub fn contains(&self, key: &str) -> bool {
        self.keys.contains_key(key)
    }

    /// What may follow a word of ASCII letters and digits, if it is in the set:
    /// [`Self::follow_of_token`] without reading the word again (the scanner has just read it
    /// byte by byte).
    #[inline]
    pub fn follow_of_ascii_word(&self, word: &str) -> Option<Follow> {
        match shape(word.as_bytes()) {
            Some((slot, len)) if self.shapes[slot] & len == 0 => None,
            _ => match pack_ascii(word.as_bytes()) {
                Some(packed) => self.short.get(packed),
                None => self.follow_of_token(Tok::Word(word)),
            },
        }
    }

    /// What may follow a word already folded to ASCII (by [`latin1_word_key`]), if it is in
    /// the set.
    #[inline]
    pub fn follow_of_folded_word(&self, key: &[u8]) -> Option<Follow> {
        match shape(key) {
            Some((slot, len)) if self.shapes[slot] & len == 0 => None,
            _ => match pack_ascii(key) {
                Some(packed) => self.short.get(packed),
                // SAFETY: folded keys are ASCII.
                None => self.keys.get(unsafe { ascii_str(key) }).copied(),
            },
        }
    }

    /// What may follow the text token, if it is in the set.
    pub fn follow_of_token(&self, tok: Tok<'_>) -> Option<Follow> {
        let mut buf = KeyBuf::default();
        match tok {
            // An ASCII word folds to its own length: slot and length must both fit.
            Tok::Word(w) if w.is_ascii() => {
                if let Some((slot, len)) = shape(w.as_bytes()) {
                    if self.shapes[slot] & len == 0 {
                        return None;
                    }
                }
                if let Some(packed) = pack_ascii(w.as_bytes()) {
                    return self.short.get(packed);
                }
            }
            // Other words: the folded first two letters must start some key.
            Tok::Word(w) => {
                let mut chars = w.chars().map(crate::fold::fold_ascii);
                if let (Some(Some(b0)), second) = (chars.next(), chars.next()) {
                    match second {
                        None => {
                            if self.shapes[usize::from(b0) << 7] == 0 {
                                return None;
                            }
                        }
                        Some(Some(b1)) => {
                            if self.shapes[(usize::from(b0) << 7) | usize::from(b1)] == 0 {
                                return None;
                            }
                        }
                        Some(None) => {}
                    }
                }
            }
            Tok::Sym(_) => {}
        }
        self.keys.get(tok_key(tok, &mut buf).as_ref()).copied()
    }
}

impl FromIterator<(String, Follow)> for TokenSet {
    /// A key given twice may be followed by what either allows.
    fn from_iter<I: IntoIterator<Item = (String, Follow)>>(iter: I) -> Self {
        let mut set = TokenSet::default();
        for (key, follow) in iter {
            // Keys are folded, so lower case; a token that is not all ASCII is always looked
            // up (see `follow_of_token`).
            if let Some((slot, len)) = shape(key.as_bytes()) {
                set.shapes[slot] |= len;
            }
            set.keys
                .entry(key)
                .and_modify(|f| *f = f.union(follow))
                .or_insert(follow);
        }
        set.short = ShortKeys::new(
            set.keys
                .iter()
                .filter_map(|(k, &f)| Some((pack_ascii(k.as_bytes())?, f))),
        );
        set
    }
}

/// An ASCII word of up to 16 bytes, lower-cased, as one integer (0 for none: no word packs to
/// 0). Folding an ASCII word is lower-casing it, so a text word and a key match when their
/// packings do.
#[inline]
fn pack_ascii(word: &[u8]) -> Option<u128> {
    (!word.is_empty() && word.len() <= 16 && word.is_ascii()).then(|| {
        word.iter()
            .rev()
            .fold(0, |key, &b| key << 8 | u128::from(b.to_ascii_lowercase()))
    })
}

/// Packed keys (see [`pack_ascii`]) and what may follow each, in one open-addressed table a
/// quarter full.
#[derive(Debug, Clone, Default)]
struct ShortKeys {
    slots: Vec<(u128, Follow)>,
    shift: u32,
}

impl ShortKeys {
    fn new(keys: impl Iterator<Item = (u128, Follow)>) -> Self {
        let keys: Vec<_> = keys.collect();
        let size = (keys.len() * 4).next_power_of_two().max(16);
        let mut table = ShortKeys {
            slots: vec![(0, Follow::ANY); size],
            shift: 64 - size.trailing_zeros(),
        };
        for (key, follow) in keys {
            let mut i = table.slot(key);
            while table.slots[i].0 != 0 {
                i = (i + 1) & (size - 1);
            }
            table.slots[i] = (key, follow);
        }
        table
    }

    #[inline]
    fn slot(&self, key: u128) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    #[inline]
    fn get(&self, key: u128) -> Option<Follow> {
        if self.slots.is_empty() {
            return None;
        }
        let mut i = self.slot(key);
        loop {
            match self.slots[i] {
                (k, follow) if k == key => return Some(follow),
                (0, _) => return None,
                _ => i = (i + 1) & (self.slots.len() - 1),
            }
        }
    }
}

/// Splits a pack phrase into tokens; `None` if it has none.
fn tokenize_phrase(phrase: &str) -> Option<Vec<PTok>> {
    let mut toks = Vec::new();
    let mut pos = 0;
    loop {
        pos = skip_gap(phrase, pos, true);
        match token_at(phrase, pos) {
            Some((Tok::Word(w), end)) => {
                toks.push(PTok::Word(fold(w).into_owned(), w.to_string()));
                pos = end;
            }
            Some((Tok::Sym(c), end)) => {
                toks.push(PTok::Sym(c));
                pos = end;
            }
            None => break,
        }
    }
    (!toks.is_empty()).then_some(toks)
}

#[derive(Debug, Clone)]
struct Entry<T> {
    toks: Vec<PTok>,
    case_sensitive: bool,
    value: T,
}

/// A set of phrases, each with a value, matched forwards or backwards at a position.
#[derive(Debug, Clone)]
pub struct PhraseTable<T> {
    entries: Vec<Entry<T>>,
    /// The phrases by their first token's key (read forwards) and by their last's (read
    /// backwards).
    by_first: HashMap<String, Group>,
    by_last: HashMap<String, Group>,
    /// The ASCII bytes (lower-cased) that start a first token's key, and that end a last
    /// token's: a lookup at any other ASCII byte is answered without reading a token. The
    /// scanner asks several tables about every number it reads; most answer no.
    first_bytes: AsciiSet,
    last_bytes: AsciiSet,
    /// The ASCII bytes that start a last token's key (see [`PhraseTable::may_end_with_token_at`]).
    last_token_firsts: AsciiSet,
    /// The shapes of the first and last tokens' ASCII keys: an ASCII word of another shape is
    /// answered without folding it and looking it up.
    first_shapes: KeyShapes,
    last_shapes: KeyShapes,
}

/// The phrases that share an end token (see [`PhraseTable`]), by the key of their next token
/// inwards: a text is compared with the few phrases whose second token it has, not with all
/// those that share the first ("de" ends a dozen French hedges, "a" starts a dozen English
/// phrases).
#[derive(Debug, Clone, Default)]
struct Group {
    /// Longer phrases by their second token's key, longest first (among equals, in the order
    /// they were added).
    by_second: HashMap<String, Vec<usize>>,
    /// Phrases of that one token, in the order they were added.
    alone: Vec<usize>,
}

impl Group {
    fn add<T>(&mut self, idx: usize, second: Option<String>, entries: &[Entry<T>]) {
        match second {
            Some(key) => {
                let list = self.by_second.entry(key).or_default();
                list.push(idx);
                // Longest phrases first, so "points de pourcentage" wins over "points de" (a
                // stable sort: among equals, the pack's order).
                list.sort_by_key(|&i| std::cmp::Reverse(entries[i].toks.len()));
            }
            None => self.alone.push(idx),
        }
    }

    /// Every phrase of the group.
    fn all(&self) -> impl Iterator<Item = usize> + '_ {
        self.by_second
            .values()
            .flatten()
            .chain(&self.alone)
            .copied()
    }

    /// The phrases that may match a text whose second token (from this end) has the key
    /// `second`, longest first: those with that second token, then the one-token ones.
    fn candidates<'g>(&'g self, second: Option<&str>) -> impl Iterator<Item = usize> + 'g {
        let longer = second.and_then(|k| self.by_second.get(k));
        longer.into_iter().flatten().chain(&self.alone).copied()
    }
}

/// A one-bit-per-shape filter over ASCII keys: a key's [`shape`] (lower-cased first two bytes
/// and length, as [`TokenSet`] keeps them in a full table) hashed to one of 1,024 bits, small
/// enough for every phrase table. An ASCII text word folds to its own lower case, so a word
/// whose bit is clear is no key; a word with other bytes is let through.
#[derive(Debug, Clone, Default)]
struct KeyShapes([u64; 16]);

impl KeyShapes {
    fn bit(word: &[u8]) -> Option<usize> {
        let (slot, len) = shape(word)?;
        let h = (slot as u32) << 16 | u32::from(len);
        Some((h.wrapping_mul(0x9E37_79B1) >> 22) as usize)
    }

    fn insert(&mut self, key: &str) {
        if key.is_ascii() {
            if let Some(b) = Self::bit(key.as_bytes()) {
                self.0[b / 64] |= 1 << (b % 64);
            }
        }
    }

    /// False only for an ASCII word that is no key.
    #[inline]
    fn may_hold(&self, tok: Tok<'_>) -> bool {
        match tok {
            Tok::Word(w) if w.is_ascii() => {
                Self::bit(w.as_bytes()).is_some_and(|b| self.0[b / 64] & (1 << (b % 64)) != 0)
            }
            _ => true,
        }
    }
}

/// A set of ASCII bytes, one bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct AsciiSet(u128);

impl AsciiSet {
    fn insert(&mut self, b: u8) {
        if b.is_ascii() {
            self.0 |= 1 << b.to_ascii_lowercase();
        }
    }

    /// Whether a token whose key starts (or ends) with the text byte `b` may be in the table:
    /// an ASCII byte folds to its lower case; other bytes may fold to anything.
    fn may_hold(self, b: u8) -> bool {
        !b.is_ascii() || self.0 & (1 << b.to_ascii_lowercase()) != 0
    }
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            entries: Vec::new(),
            by_first: HashMap::default(),
            by_last: HashMap::default(),
            first_bytes: AsciiSet::default(),
            last_bytes: AsciiSet::default(),
            last_token_firsts: AsciiSet::default(),
            first_shapes: KeyShapes::default(),
            last_shapes: KeyShapes::default(),
        }
    }
}

/// A successful match: the matched byte range and the phrase's value.
#[derive(Debug, Clone, Copy)]
pub struct PhraseMatch<'t, T> {
    pub start: usize,
    pub end: usize,
    pub value: &'t T,
}

impl<T> PhraseTable<T> {
    /// Adds `phrase`; returns false when it holds no token.
    pub fn insert(&mut self, phrase: &str, case_sensitive: bool, value: T) -> bool {
        let Some(toks) = tokenize_phrase(phrase) else {
            return false;
        };
        let idx = self.entries.len();
        let (first, last) = (toks[0].key(), toks[toks.len() - 1].key());
        // A key that is no ASCII at an end matches only text that is none there either, which
        // the sets let through.
        if let Some(&b) = first.as_bytes().first() {
            self.first_bytes.insert(b);
        }
        if let Some(&b) = last.as_bytes().last() {
            self.last_bytes.insert(b);
        }
        if let Some(&b) = last.as_bytes().first() {
            self.last_token_firsts.insert(b);
        }
        self.first_shapes.insert(&first);
        self.last_shapes.insert(&last);
        let second_first = (toks.len() > 1).then(|| toks[1].key());
        let second_last = (toks.len() > 1).then(|| toks[toks.len() - 2].key());
        self.entries.push(Entry {
            toks,
            case_sensitive,
            value,
        });
        let entries = &self.entries;
        self.by_first
            .entry(first)
            .or_default()
            .add(idx, second_first, entries);
        self.by_last
            .entry(last)
            .or_default()
            .add(idx, second_last, entries);
        true
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The folded first tokens of all phrases: a text token not among them starts no phrase.
    pub fn first_keys(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }

    /// The folded last tokens of all phrases.
    pub fn last_keys(&self) -> impl Iterator<Item = &str> {
        self.by_last.keys().map(String::as_str)
    }

    /// The folded first tokens of the phrases whose value passes `keep`, each with what may
    /// follow it in those phrases (see [`Follow`]).
    pub fn first_follows_where<'s>(
        &'s self,
        keep: impl Fn(&T) -> bool + 's,
    ) -> impl Iterator<Item = (&'s str, Follow)> + 's {
        self.by_first.iter().filter_map(move |(k, group)| {
            let mut follow = None::<Follow>;
            for i in group.all() {
                let entry = &self.entries[i];
                if !keep(&entry.value) {
                    continue;
                }
                let this = match entry.toks.get(1) {
                    None => Follow::ANY,
                    Some(second) => {
                        let mut next = AsciiSet::default();
                        if let Some(&b) = second.key().as_bytes().first() {
                            next.insert(b);
                        }
                        Follow { any: false, next }
                    }
                };
                follow = Some(follow.map_or(this, |f| f.union(this)));
            }
            Some((k.as_str(), follow?))
        })
    }

    /// Whether some phrase starts with the folded token `key`.
    pub fn has_first(&self, key: &str) -> bool {
        self.by_first.contains_key(key)
    }

    /// The longest phrase starting exactly at `pos`.
    pub fn match_at(&self, text: &str, pos: usize) -> Option<PhraseMatch<'_, T>> {
        if !self.first_bytes.may_hold(*text.as_bytes().get(pos)?) {
            return None;
        }
        let first = token_at(text, pos)?;
        if !self.first_shapes.may_hold(first.0) {
            return None;
        }
        let mut buf = KeyBuf::default();
        let group = self.by_first.get(tok_key(first.0, &mut buf).as_ref())?;
        // The text's tokens are read once for all the phrases that share this first word ("a"
        // starts a dozen of them), not again for each.
        let mut toks = Tokens::new(first, |end| token_at(text, skip_gap(text, end, true)));
        let mut second_buf = KeyBuf::default();
        let second = match group.by_second.is_empty() {
            true => None,
            false => toks.get(1).map(|(tok, _)| tok_key(tok, &mut second_buf)),
        };
        group.candidates(second.as_deref()).find_map(|i| {
            let entry = &self.entries[i];
            let end = toks.match_phrase(entry.toks.iter(), entry.case_sensitive)?;
            Some(PhraseMatch {
                start: pos,
                end,
                value: &entry.value,
            })
        })
    }

    /// False when no phrase's last token can start at `pos` (a test on one byte, for a caller
    /// about to read the token there and look back from its end).
    pub fn may_end_with_token_at(&self, text: &str, pos: usize) -> bool {
        text.as_bytes()
            .get(pos)
            .is_some_and(|&b| self.last_token_firsts.may_hold(b))
    }

    /// [`Self::match_before`], where the phrase starts at `from` or after, on a word's start.
    pub fn match_word_before(
        &self,
        text: &str,
        end: usize,
        from: usize,
    ) -> Option<PhraseMatch<'_, T>> {
        self.match_before(text, end).filter(|m| {
            m.start >= from
                && !text[..m.start]
                    .chars()
                    .next_back()
                    .is_some_and(is_word_char)
        })
    }

    /// The longest phrase ending exactly at `end`.
    pub fn match_before(&self, text: &str, end: usize) -> Option<PhraseMatch<'_, T>> {
        if !self
            .last_bytes
            .may_hold(*text.as_bytes().get(end.checked_sub(1)?)?)
        {
            return None;
        }
        let last = token_before(text, end)?;
        if !self.last_shapes.may_hold(last.0) {
            return None;
        }
        let mut buf = KeyBuf::default();
        let group = self.by_last.get(tok_key(last.0, &mut buf).as_ref())?;
        let mut toks = Tokens::new(last, |start| {
            token_before(text, skip_gap_back(text, start, true))
        });
        let mut second_buf = KeyBuf::default();
        let second = match group.by_second.is_empty() {
            true => None,
            false => toks.get(1).map(|(tok, _)| tok_key(tok, &mut second_buf)),
        };
        group.candidates(second.as_deref()).find_map(|i| {
            let entry = &self.entries[i];
            let start = toks.match_phrase(entry.toks.iter().rev(), entry.case_sensitive)?;
            Some(PhraseMatch {
                start,
                end,
                value: &entry.value,
            })
        })
    }
}

/// The text's tokens from a place on, in one direction, each read once however many phrases are
/// tried against them (phrase tables try all phrases that share a first or last word).
struct Tokens<'t, F> {
    /// Each token and where the reading stops after it (its end going forwards, its start
    /// going backwards); `None` where the text has no more.
    read: [Option<(Tok<'t>, usize)>; 6],
    len: usize,
    next: F,
}

impl<'t, F: FnMut(usize) -> Option<(Tok<'t>, usize)>> Tokens<'t, F> {
    fn new(first: (Tok<'t>, usize), next: F) -> Self {
        let mut read = [None; 6];
        read[0] = Some(first);
        Tokens { read, len: 1, next }
    }

    /// The `n`th token (from 0), read now if it has not been.
    fn get(&mut self, n: usize) -> Option<(Tok<'t>, usize)> {
        if n < self.len {
            return self.read[n];
        }
        let (_, after) = self.get(n - 1)?;
        let tok = (self.next)(after);
        if n < self.read.len() {
            self.read[n] = tok;
            self.len = n + 1;
        }
        tok
    }

    /// Where the text stops matching `phrase`, or `None` if it does not. The first token was
    /// found by its folded key, so it matches any phrase but one written case-sensitively.
    fn match_phrase<'p>(
        &mut self,
        phrase: impl Iterator<Item = &'p PTok>,
        case_sensitive: bool,
    ) -> Option<usize> {
        let mut stop = None;
        for (n, pt) in phrase.enumerate() {
            let (tok, after) = self.get(n)?;
            if (n > 0 || case_sensitive) && !pt.matches(tok, case_sensitive) {
                return None;
            }
            stop = Some(after);
        }
        stop
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(phrases: &[&str]) -> PhraseTable<usize> {
        let mut t = PhraseTable::default();
        for (i, p) in phrases.iter().enumerate() {
            t.insert(p, false, i);
        }
        t
    }

    #[test]
    fn phrases_sharing_a_first_or_last_word_match_longest_first() {
        // The text's tokens are read once and shared by the phrases tried (`Tokens`): longest
        // first, both directions, and a phrase longer than the tokens kept (6) still matches.
        let t = table(&[
            "a",
            "a dozen",
            "a third of",
            "one two three four five six seven",
            "of",
        ]);
        fn at(t: &PhraseTable<usize>, text: &str) -> Option<(usize, String)> {
            t.match_at(text, 0)
                .map(|m| (*m.value, text[m.start..m.end].to_string()))
        }
        fn before(t: &PhraseTable<usize>, text: &str) -> Option<(usize, String)> {
            t.match_before(text, text.len())
                .map(|m| (*m.value, text[m.start..m.end].to_string()))
        }
        let at = |text: &str| at(&t, text);
        let before = |text: &str| before(&t, text);
        let some = |v: usize, s: &str| Some((v, s.to_string()));
        assert_eq!(at("a third of them"), some(2, "a third of"));
        assert_eq!(at("a third party"), some(0, "a"));
        assert_eq!(at("A  dozen eggs"), some(1, "A  dozen"));
        assert_eq!(
            at("one two three four five six seven eight"),
            some(3, "one two three four five six seven")
        );
        assert_eq!(at("one two three four five six"), None);
        assert_eq!(before("then a third of"), some(2, "a third of"));
        assert_eq!(before("a view of"), some(4, "of"));
        assert_eq!(
            before("zero one two three four five six seven"),
            some(3, "one two three four five six seven")
        );
    }

    #[test]
    fn phrases_are_tried_by_their_second_word_longest_then_first_added() {
        let mut t = PhraseTable::default();
        for (i, (phrase, case_sensitive)) in [
            ("plus de", false),
            ("de", false),
            ("pas plus de", false),
            ("Au plus", true),
            ("au plus", false),
            ("au plus tard", false),
            ("au", false),
        ]
        .into_iter()
        .enumerate()
        {
            t.insert(phrase, case_sensitive, i);
        }
        let at = |text: &str| t.match_at(text, 0).map(|m| (*m.value, m.end));
        let before = |text: &str| {
            t.match_before(text, text.len())
                .map(|m| (*m.value, text[m.start..].to_string()))
        };
        assert_eq!(
            before("il n'y a pas plus de"),
            Some((2, "pas plus de".into()))
        );
        assert_eq!(before("un peu plus de"), Some((0, "plus de".into())));
        assert_eq!(before("autour de"), Some((1, "de".into())));
        // Among phrases of one length, the first added that matches: the case-sensitive one
        // only where the case is its own.
        assert_eq!(at("Au plus 3"), Some((3, 7)));
        assert_eq!(at("au plus 3"), Some((4, 7)));
        assert_eq!(at("AU PLUS 3"), Some((4, 7)));
        assert_eq!(at("au plus tard"), Some((5, 12)));
        assert_eq!(at("au moins"), Some((6, 2)));
        assert_eq!(at("au"), Some((6, 2)));
    }

    #[test]
    fn the_byte_prefilter_keeps_every_folded_match() {
        let t = table(&["à peu près", "Zéro", "jusqu’à", "%", "millions d'euros"]);
        // Case and accents fold at either end; the prefilter must not say no first.
        for (text, n) in [
            ("A PEU PRES", 0),
            ("À peu près", 0),
            ("zero", 1),
            ("ZÉRO", 1),
            ("jusqu'à", 2),
            ("%", 3),
            ("MILLIONS D’EUROS", 4),
        ] {
            assert_eq!(t.match_at(text, 0).map(|m| *m.value), Some(n), "{text}");
            assert_eq!(
                t.match_before(text, text.len()).map(|m| *m.value),
                Some(n),
                "{text}"
            );
        }
        // And it says no at once to a byte that starts (or ends) no phrase: what the sets hold.
        assert!(t.first_bytes.may_hold(b'Z') && t.first_bytes.may_hold(b'j'));
        assert!(!t.first_bytes.may_hold(b'1') && !t.first_bytes.may_hold(b'b'));
        assert!(t.last_bytes.may_hold(b'S') && t.last_bytes.may_hold(b'%'));
        assert!(!t.last_bytes.may_hold(b'2') && !t.last_bytes.may_hold(b'x'));
        // The shape filter (first two bytes and length of an ASCII word) lets every key
        // through in any case, says no to other shapes, and leaves other words to the lookup.
        for w in ["ZERO", "zero", "Millions", "a", "jusqu"] {
            assert!(t.first_shapes.may_hold(Tok::Word(w)), "{w}");
        }
        for w in ["EUROS", "pres", "Zero"] {
            assert!(t.last_shapes.may_hold(Tok::Word(w)), "{w}");
        }
        assert!(!t.first_shapes.may_hold(Tok::Word("zer")));
        assert!(!t.first_shapes.may_hold(Tok::Word("millionaire")));
        assert!(!t.last_shapes.may_hold(Tok::Word("euro")));
        assert!(
            t.first_shapes.may_hold(Tok::Word("zéro")) && t.first_shapes.may_hold(Tok::Sym('%'))
        );
        // The first byte of a last token: "%", "Zéro", "près", "jusqu", "euros".
        for (text, may) in [
            ("% x", true),
            ("zero", true),
            ("PRES", true),
            ("Euros", true),
        ] {
            assert_eq!(t.may_end_with_token_at(text, 0), may, "{text}");
        }
        assert!(
            t.may_end_with_token_at("été", 0),
            "a byte of an accent may fold to any"
        );
        assert!(!t.may_end_with_token_at("millions", 0) && !t.may_end_with_token_at("bon", 0));
        assert!(t.match_at("12 000", 0).is_none());
        assert!(t.match_before("le 12", 5).is_none());
    }

    #[test]
    fn matches_longest_phrase_forwards() {
        let t = table(&["points", "points de pourcentage", "%"]);
        let text = "3 points de pourcentage.";
        let m = t.match_at(text, 2).unwrap();
        assert_eq!(
            (*m.value, &text[m.start..m.end]),
            (1, "points de pourcentage")
        );
        assert_eq!(*t.match_at("5 %", 2).unwrap().value, 2);
    }

    #[test]
    fn matches_backwards_across_apostrophes_and_accents() {
        let t = table(&["jusqu'à", "plus de"]);
        let text = "jusqu’à 40 et Plus  de 60";
        let m = t.match_before(text, text.find(" 40").unwrap()).unwrap();
        assert_eq!(*m.value, 0);
        let end = text.find(" 60").unwrap();
        let m = t.match_before(text, end).unwrap();
        assert_eq!(&text[m.start..m.end], "Plus  de");
    }

    #[test]
    fn word_char_fast_paths_agree_with_unicode() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn tokens_cross_from_ascii_into_accented_letters() {
        assert_eq!(token_at("abc", 0), Some((Tok::Word("abc"), 3)));
        assert_eq!(token_at("réussite 4", 0), Some((Tok::Word("réussite"), 9)));
        assert_eq!(token_at("Ab\u{a0}4", 0), Some((Tok::Word("Ab"), 2)));
        assert_eq!(token_at("%", 0), Some((Tok::Sym('%'), 1)));
        assert_eq!(token_at(" x", 0), None);
        // Latin-1 letters read byte by byte, the signs among them end a word; other letters
        // are read the slow way and give the same words.
        assert_eq!(token_at("été×2", 0), Some((Tok::Word("été"), 5)));
        assert_eq!(token_at("été÷", 2), Some((Tok::Word("té"), 5)));
        assert_eq!(token_at("×2", 0), Some((Tok::Sym('×'), 2)));
        assert_eq!(token_at("écœuré ", 0), Some((Tok::Word("écœuré"), 9)));
        assert_eq!(token_at("Ÿ0", 0), Some((Tok::Word("Ÿ0"), 3)));
        let mut buf = KeyBuf::default();
        assert_eq!(tok_key(Tok::Word("ÉtÉ2"), &mut buf), "ete2");
        assert_eq!(tok_key(Tok::Word("écœuré"), &mut buf), "ecoeure");
        assert_eq!(tok_key(Tok::Word("Ñandú"), &mut buf), "nandu");
    }

    #[test]
    fn token_sets_reject_by_shape_but_never_miss() {
        // Keys packed whole (up to 16 bytes: "centquatrevingts") and looked up as strings
        // (19: "deuxcentquatrevingt").
        let set: TokenSet = [
            "three",
            "four",
            "an",
            "zero",
            "€",
            "m",
            "milliard",
            "centquatrevingts",
            "deuxcentquatrevingt",
        ]
        .iter()
        .map(|k| (k.to_string(), Follow::ANY))
        .collect();
        let text = "the Three for FOUR and an Zéro zero € M mille milliards Milliard \
                    CentQuatreVingts centquatrevingt deuxcentquatrevingt DEUXCENTQUATREVINGTS";
        let mut pos = 0;
        let mut found = Vec::new();
        while pos < text.len() {
            pos = skip_gap(text, pos, false);
            let Some((tok, end)) = token_at(text, pos) else {
                break;
            };
            let mut buf = KeyBuf::default();
            let found_by_shape = set.follow_of_token(tok).is_some();
            assert_eq!(
                found_by_shape,
                set.contains(&tok_key(tok, &mut buf)),
                "{tok:?}"
            );
            if found_by_shape {
                found.push(&text[pos..end]);
            }
            pos = end;
        }
        assert_eq!(
            found,
            [
                "Three",
                "FOUR",
                "an",
                "Zéro",
                "zero",
                "€",
                "M",
                "Milliard",
                "CentQuatreVingts",
                "deuxcentquatrevingt"
            ]
        );
    }

    #[test]
    fn a_key_allows_only_what_its_phrases_go_on_with() {
        let t = table(&["L $", "a $", "a", "pour cent de", "pour mille", "UK£"]);
        let set: TokenSet = t
            .first_follows_where(|_| true)
            .map(|(k, f)| (k.to_string(), f))
            .collect();
        let follow = |w: &str| set.follow_of_token(Tok::Word(w)).unwrap();
        // "L" starts "L $" only: "l'unité", "L 5" are not it; "L$", "l $" may be.
        assert!(!follow("l").allows(Some(b'\'')) && !follow("l").allows(Some(b'5')));
        assert!(follow("L").allows(Some(b'$')));
        // "a" is a phrase alone, so anything may follow it, even the end of the text.
        assert!(follow("a").allows(Some(b'x')) && follow("a").allows(None));
        // Phrases sharing a first word: either second word; a capital is folded.
        for b in [b'c', b'C', b'm'] {
            assert!(follow("pour").allows(Some(b)), "{}", b as char);
        }
        assert!(!follow("pour").allows(Some(b'l')) && !follow("pour").allows(None));
        // A second token that is not ASCII ("£") lets any non-ASCII byte through, no ASCII one.
        assert!(follow("uk").allows(Some(0xC2)) && !follow("uk").allows(Some(b'p')));
        // Words are folded the same way whichever way the scanner reads them.
        let mut buf = KeyBuf::default();
        let (end, len) = latin1_word_key("Été 5".as_bytes(), 0, &mut buf).unwrap();
        assert_eq!((end, &buf[..len]), ("Été".len(), &b"ete"[..]));
        assert!(latin1_word_key("été2".as_bytes(), 0, &mut buf).is_none());
        assert!(latin1_word_key("étéœ".as_bytes(), 0, &mut buf).is_none());
        assert_eq!(
            set.follow_of_folded_word(b"pour"),
            set.follow_of_token(Tok::Word("Pour"))
        );
        assert_eq!(set.follow_of_folded_word(b"pourx"), None);
    }

    #[test]
    fn byte_fast_paths_agree_with_reading_chars() {
        for text in [
            "a 12 b",
            "l'été 2019 à 31,4 M€",
            "x\u{a0}5 \n 6\n\n7 - 8",
            "café12 ab",
            "épée  x",
            "  ",
            "9",
            "«40 %»\u{202f}ok",
        ] {
            for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                for hyphens in [false, true] {
                    assert_eq!(
                        skip_gap(text, pos, hyphens),
                        skip_gap_chars(text, pos, hyphens)
                    );
                    let back = skip_gap_back_chars(text, pos, hyphens);
                    assert_eq!(skip_gap_back(text, pos, hyphens), back);
                }
                let before = token_before_chars(text, pos);
                assert_eq!(token_before(text, pos), before, "{text:?} {pos}");
            }
        }
    }

    #[test]
    fn words_must_be_whole() {
        let t = table(&["m"]);
        assert!(t.match_at("millions", 0).is_none());
        assert!(t.match_at("m.", 0).is_some());
    }
}
