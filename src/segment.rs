//! Sentences, and the language pack each one is read with.
//!
//! A sentence never crosses a block (paragraph, heading, list item, table cell); inside a block it
//! ends at `.`, `!` or `?` followed by white space, unless the word before the stop is one of the
//! pack's abbreviations or a single capital letter (an initial). With `--locale auto`, the file's
//! front-matter `lang:` decides; failing that each block is read with the pack whose stop words it
//! uses most, falling back for a table cell to its table's (or to the block before the table),
//! then to the file's majority, so a bilingual release works. A block's stop words are counted
//! until one pack leads by eight (about a sentence of running text): the rest of a long paragraph
//! would only confirm it.

use std::ops::Range;

use crate::pack::{pack_word, LocalePack, Packs};
use crate::phrase::{token_at, Tok};
use crate::source::Document;
use crate::wordruns::WordRuns;

/// How to choose the language of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocaleChoice {
    /// Per file and per paragraph, from front matter and stop words.
    Auto,
    /// This pack (an index into [`Packs`]).
    Fixed(usize),
}

/// A sentence of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Range<usize>,
    /// The index of its language pack.
    pub pack: usize,
}

/// A block's language is settled once one pack's stop words outnumber every other's by this
/// many: about a sentence of running text. Counting stops there (the rest of a long paragraph
/// would only confirm it), which spares most of the walk over a release's prose.
const SETTLED_LEAD: usize = 8;

/// Stop words counted per pack, until one pack leads by [`SETTLED_LEAD`].
struct Tally {
    counts: Vec<usize>,
    settled: bool,
}

impl Tally {
    /// Counts a word listed as a stop word by the packs in `mask` (a bit each).
    #[inline]
    fn add(&mut self, mask: u64) {
        if mask == 0 {
            return;
        }
        for (i, c) in self.counts.iter_mut().enumerate().take(64) {
            *c += usize::from(mask >> i & 1 == 1);
        }
        let (mut first, mut second) = (0, 0);
        for &c in &self.counts {
            if c > first {
                second = first;
                first = c;
            } else if c > second {
                second = c;
            }
        }
        self.settled = first - second >= SETTLED_LEAD;
    }
}

/// The stop words of each pack in `text`, counted until one pack leads by [`SETTLED_LEAD`].
fn stopword_counts(text: &str, packs: &Packs) -> Vec<usize> {
    let mut tally = Tally {
        counts: vec![0; packs.packs.len()],
        settled: false,
    };
    let bytes = text.as_bytes();
    for run in WordRuns::new(bytes) {
        if tally.settled {
            break;
        }
        if run.letters_only {
            // Most words: ASCII letters only, keyed as they are (the key lower-cases).
            let word = &bytes[run.span.clone()];
            if packs.may_be_stopword_shape(word[0], word.len()) {
                tally.add(packs.stopword_mask(pack_word(word).unwrap_or(0)));
            }
        } else {
            // Digits or other bytes among the letters: read word by word. A run starts at a
            // char boundary (after an ASCII byte) and ends before an ASCII byte that ends
            // every word, so it reads as it would inside the whole text.
            count_words(&text[run.span], packs, &mut tally);
        }
    }
    tally.counts
}

/// Counts the stop words of `text` (a run of word bytes, see [`WordRuns`]) in `tally`.
fn count_words(text: &str, packs: &Packs, tally: &mut Tally) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() && !tally.settled {
        let b = bytes[pos];
        // Digits start no word here ("19h" counts "h"), as they never start a stop word.
        if b.is_ascii() && !b.is_ascii_alphabetic() {
            pos += 1;
            continue;
        }
        if let Some(word) = FoldedWord::read(text, pos) {
            if word.len <= 8 && packs.may_be_stopword_shape(word.key as u8, word.len) {
                tally.add(packs.stopword_mask(word.key));
            }
            pos = word.end;
            continue;
        }
        // A word with a letter the byte tables do not fold ("œuvre"), or another character.
        // `pos` is a char boundary: it only ever moves by ASCII bytes, whole words or tokens.
        match token_at(text, pos) {
            Some((tok @ Tok::Word(w), end)) => {
                if w.len() <= 16 {
                    let mut buf = crate::phrase::KeyBuf::default();
                    let key = crate::phrase::tok_key(tok, &mut buf);
                    if packs.may_be_stopword(key.as_bytes()) {
                        if let Some(key) = pack_word(key.as_bytes()) {
                            tally.add(packs.stopword_mask(key));
                        }
                    }
                }
                pos = end;
            }
            Some((_, end)) => pos = end,
            None => pos += text[pos..].chars().next().map_or(1, char::len_utf8),
        }
    }
}

/// A word of ASCII letters and digits and accented letters that fold to one ASCII byte,
/// folded as it is read, byte by byte: most words of a French or English text.
struct FoldedWord {
    /// Its first eight folded bytes, packed as [`pack_word`] packs them.
    key: u64,
    /// Its folded length.
    len: usize,
    end: usize,
}

impl FoldedWord {
    /// The word starting at `pos`, or `None` when it is not such a word (or none starts there).
    fn read(text: &str, pos: usize) -> Option<FoldedWord> {
        use crate::fold::{ASCII_WORD_FOLD, LATIN1_FOLD};
        let bytes = text.as_bytes();
        let (mut key, mut len, mut end) = (0u64, 0, pos);
        loop {
            let folded = match bytes.get(end) {
                Some(&b) if b < 0x80 => {
                    let f = ASCII_WORD_FOLD[usize::from(b)];
                    if f == 0 {
                        break;
                    }
                    end += 1;
                    f
                }
                Some(0xC3) => match bytes.get(end + 1) {
                    Some(&t @ 0x80..=0xBF) if LATIN1_FOLD[usize::from(t - 0x80)] != 0 => {
                        end += 2;
                        LATIN1_FOLD[usize::from(t - 0x80)]
                    }
                    _ => break,
                },
                Some(_) => break,
                None => break,
            };
            if len < 8 {
                key |= u64::from(folded) << (8 * len);
            }
            len += 1;
        }
        // Stopped at a character the tables do not fold: the word is whole only if that
        // character is no letter ("’", a no-break space, "×").
        let whole = end == bytes.len()
            || bytes[end] < 0x80
            || !text[end..]
                .chars()
                .next()
                .is_some_and(crate::phrase::is_word_char);
        (len > 0 && whole).then_some(FoldedWord { key, len, end })
    }
}

/// The pack whose stop words outnumber every other's, with at least `min` of them.
fn best(counts: &[usize], min: usize) -> Option<usize> {
    let (idx, &max) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, &c)| (c, -(i as isize)))?;
    let second = counts
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != idx)
        .map(|(_, &c)| c)
        .max()
        .unwrap_or(0);
    (max >= min && max > second).then_some(idx)
}

/// Cuts `doc` into sentences and gives each its pack. `fallback` is used when nothing decides.
pub fn segment(
    doc: &Document,
    packs: &Packs,
    choice: LocaleChoice,
    fallback: usize,
) -> Vec<Sentence> {
    let languages = block_packs(doc, packs, choice, fallback);
    sentences_of(doc, packs, &languages, 0..doc.blocks.len())
}

/// The pack of each block of `doc`: the front matter's or `choice`'s language, else the block's
/// own by its stop words, else (a table cell) its table's or that of the nearest block before the
/// table that has one, else the file's, else `fallback`. A `u16` each (a huge text has
/// hundreds of thousands of blocks; no run loads 65,536 packs).
pub fn block_packs(
    doc: &Document,
    packs: &Packs,
    choice: LocaleChoice,
    fallback: usize,
) -> Vec<u16> {
    let narrow = |i: usize| u16::try_from(i).unwrap_or(0);
    let fixed = match choice {
        LocaleChoice::Fixed(i) => Some(i),
        LocaleChoice::Auto => doc.lang.as_deref().and_then(|l| packs.find(l)),
    };
    if let Some(i) = fixed {
        return vec![narrow(i); doc.blocks.len()];
    }
    // Each block's own decision, and the file's counts for the blocks that have none.
    let mut total = vec![0; packs.packs.len()];
    // Each block's counts, kept only where there are tables to sum them over.
    let mut block_counts: Vec<Vec<usize>> = Vec::new();
    let mut per_block: Vec<Option<u16>> = doc
        .blocks
        .iter()
        .map(|b| {
            let counts = stopword_counts(&doc.prose[b.clone()], packs);
            for (t, c) in total.iter_mut().zip(&counts) {
                *t += c;
            }
            // Two stop words at least: one may be a quoted name in another language. One is
            // enough where no other language has any: "The region welcomed 2.3 million
            // visitors." in a French release was read as French.
            let alone = || {
                let langs = counts.iter().filter(|&&c| c > 0).count();
                best(&counts, 1).filter(|_| langs == 1)
            };
            let own = best(&counts, 2).or_else(alone).map(narrow);
            if !doc.tables.is_empty() {
                block_counts.push(counts);
            }
            own
        })
        .collect();
    // A cell is a few words, seldom with two stop words: the cells of a table that do not
    // decide alone take the language of the whole table's stop words, where they decide.
    // The last decided block before the table is followed as the tables go (each block looked
    // at once: thousands of tables without a stop word must not look back over each other).
    let (mut before, mut seen) = (None, 0);
    for table in &doc.tables {
        let cells = doc.blocks.partition_point(|b| b.start < table.start)
            ..doc.blocks.partition_point(|b| b.start < table.end);
        let seen_to = cells.start.max(seen);
        before = per_block[seen..seen_to]
            .iter()
            .rev()
            .find_map(|&b| b)
            .or(before);
        seen = seen_to;
        let mut sum = vec![0; packs.packs.len()];
        for counts in &block_counts[cells.clone()] {
            for (s, c) in sum.iter_mut().zip(counts) {
                *s += c;
            }
        }
        // A table with no stop words to speak of follows the sentence that introduces it.
        let pack = best(&sum, 2).map(narrow).or(before);
        if let Some(pack) = pack {
            for own in &mut per_block[cells] {
                own.get_or_insert(pack);
            }
        }
    }
    // For the whole file one is enough: a short text ("Police made 1,100 arrests in May.") has
    // no other sign of its language, and the fallback would read "1,100" as 1.1.
    let file_pack = narrow(best(&total, 1).unwrap_or(fallback));
    per_block.iter().map(|b| b.unwrap_or(file_pack)).collect()
}

/// The sentences of the blocks `blocks` of `doc`, each block read with its pack in
/// `block_packs` (see [`block_packs`]).
pub fn sentences_of(
    doc: &Document,
    packs: &Packs,
    block_packs: &[u16],
    blocks: Range<usize>,
) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (block, &pack) in doc.blocks[blocks.clone()].iter().zip(&block_packs[blocks]) {
        let pack = usize::from(pack);
        split_block(&doc.prose, block.clone(), packs.get(pack), pack, &mut out);
    }
    out
}

fn is_abbreviation(prose: &str, stop: usize, pack: &LocalePack) -> bool {
    let head = &prose[..stop];
    // The word (letters, digits, dots) before the stop: read back byte by byte while it is
    // ASCII, by chars if a character that is not stands before it.
    let bytes = head.as_bytes();
    let mut word_start = stop;
    while word_start > 0
        && matches!(bytes[word_start - 1], b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' | b'.')
    {
        word_start -= 1;
    }
    if word_start > 0 && !bytes[word_start - 1].is_ascii() {
        word_start = head
            .char_indices()
            .rev()
            .find(|&(_, c)| !(crate::phrase::is_word_char(c) || c == '.'))
            .map_or(0, |(i, c)| i + c.len_utf8());
    }
    let word = &head[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital
        || pack.abbreviations.contains(word)
        || (word.chars().any(char::is_uppercase)
            && pack.abbreviations.contains(word.to_lowercase().as_str()))
}

/// Whether the stop at `stop` ends a reference word written with it before a number ("no. 7",
/// "art. 12", "réf. 4") or a month cut short before a day or a year ("Nov. 19, 2026", "Jan. 5",
/// "janv. 2026"): the pack lists it among the words before a number that make it no claim, or
/// among its months as the start of another ("nov" of "november"), and a digit follows. Such a
/// stop ends no sentence: "Press release no. 7" or a dateline "SEATTLE, Nov. 19, 2026 —" split
/// there would leave "7" or "19" alone, a count with nothing before it to say it is a reference
/// or a day.
fn is_reference_stop(prose: &str, stop: usize, block: &Range<usize>, pack: &LocalePack) -> bool {
    let after = prose[stop + 1..block.end].trim_start();
    after.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && (pack
            .reference_words
            .match_before(prose, stop + 1)
            .is_some_and(|m| m.start >= block.start)
            || pack
                .short_months
                .match_before(prose, stop)
                .is_some_and(|m| m.start >= block.start))
}

fn split_block(
    prose: &str,
    block: Range<usize>,
    pack: &LocalePack,
    pack_idx: usize,
    out: &mut Vec<Sentence>,
) {
    let mut start = block.start;
    let text = &prose[block.clone()];
    for i in memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes()) {
        let c = char::from(text.as_bytes()[i]);
        let at = block.start + i;
        let next = prose[at + 1..block.end].chars().next();
        let ends = match next {
            None => false,
            Some(n) => n.is_whitespace(),
        };
        if ends
            && (c != '.'
                || !(is_abbreviation(prose, at, pack)
                    || is_reference_stop(prose, at, &block, pack)))
        {
            push(prose, start..at + 1, pack_idx, out);
            start = at + 1;
        }
    }
    push(prose, start..block.end, pack_idx, out);
}

fn push(prose: &str, span: Range<usize>, pack: usize, out: &mut Vec<Sentence>) {
    if !prose[span.clone()].trim().is_empty() {
        out.push(Sentence { span, pack });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Format;

    fn sentences(text: &str, format: Format) -> Vec<(String, String)> {
        let packs = Packs::builtin().unwrap();
        let doc = Document::new("t", text.to_string(), format);
        segment(&doc, &packs, LocaleChoice::Auto, 0)
            .into_iter()
            .map(|s| {
                (
                    doc.text[s.span].trim().to_string(),
                    packs.get(s.pack).id.clone(),
                )
            })
            .collect()
    }

    /// The sentences of a plain text, trimmed.
    fn texts(text: &str) -> Vec<String> {
        sentences(text, Format::Plain)
            .into_iter()
            .map(|(t, _)| t)
            .collect()
    }

    #[test]
    fn splits_at_stops_but_not_after_abbreviations() {
        let got = sentences(
            "M. Dupont et Mme Martin ont signé la déclaration. Elle est en vigueur depuis le 1er mars ! Voir p. 4 du texte.",
            Format::Plain,
        );
        let texts: Vec<_> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "M. Dupont et Mme Martin ont signé la déclaration.",
                "Elle est en vigueur depuis le 1er mars !",
                "Voir p. 4 du texte."
            ]
        );
        assert!(got.iter().all(|(_, l)| l == "fr"));
    }

    #[test]
    fn a_reference_word_with_a_stop_before_a_number_ends_no_sentence() {
        // "no. 7" is a reference the pack lists with its stop; "no." before a word, and a stop
        // after a word the pack does not list, still end sentences.
        assert_eq!(
            texts("Press release no. 7 was issued. The answer was no. Then art. 12 and vol. 3 applied. It rose by 4. 12 more came."),
            [
                "Press release no. 7 was issued.",
                "The answer was no.",
                "Then art. 12 and vol. 3 applied.",
                "It rose by 4.",
                "12 more came."
            ]
        );
    }

    #[test]
    fn abbreviations_after_accents_and_quotes() {
        // The word before a stop is read back through accented letters and from after a quote
        // ("«M." and "É." are initials; "été." and "2022." end sentences).
        assert_eq!(
            texts("Selon «M. Dupont», É. Martin et l’art. 3, le taux a crû cet été. Il a baissé en 2022. Fin."),
            [
                "Selon «M. Dupont», É. Martin et l’art. 3, le taux a crû cet été.",
                "Il a baissé en 2022.",
                "Fin."
            ]
        );
    }

    #[test]
    fn a_bilingual_document_reads_each_paragraph_in_its_language() {
        let got = sentences(
            "Les ministres ont salué les résultats de la coopération.\n\nThe ministers welcomed the results of the cooperation.\n",
            Format::Markdown,
        );
        assert_eq!(got[0].1, "fr");
        assert_eq!(got[1].1, "en");
        // One stop word decides a short paragraph where no other language has any ("2.3
        // million" was read in French); a quoted name beside the other's stop words does not.
        let got = sentences(
            "Les ministres ont salué les résultats de la coopération.\n\n\
             The region welcomed 2.3 million visitors.\n\n\
             Le rapport « The Economist » est cité.\n",
            Format::Markdown,
        );
        let langs: Vec<&str> = got.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(langs, ["fr", "en", "fr"]);
    }

    #[test]
    fn a_table_is_read_in_one_language() {
        // A mostly French file. The English table has no stop word in any cell: it follows the
        // English sentence before it (the file's French would read "1,204.5" as nothing). The
        // French table right after it has one stop word a cell, too few alone, enough together.
        let text = "La région a publié son bilan annuel et les comptes de la société.\n\n\
            The company's results for the year are below.\n\n\
            | Segment | Revenue (£m) |\n|---|---:|\n| Intercity | 1,204.5 |\n\n\
            | Region | Staff |\n|---|---:|\n| North | 1,250.5 |\n\n\
            | Poste | Montant (en M€) | Effectifs (en milliers) |\n|---|---:|---:|\n\
            | Fonctionnement | 31,4 | 1,1 |\n\n\
            Les crédits de la région sont en hausse et les effectifs aussi.\n";
        let lang = |text: &str, cell: &str| {
            let got = sentences(text, Format::Markdown);
            got.iter().find(|(t, _)| t == cell).unwrap().1.clone()
        };
        // The second English table follows the first.
        for cell in ["Intercity", "1,204.5", "Revenue (£m)", "1,250.5"] {
            assert_eq!(lang(text, cell), "en", "{cell}");
        }
        for cell in ["Fonctionnement", "31,4", "Montant (en M€)"] {
            assert_eq!(lang(text, cell), "fr", "{cell}");
        }
        // Without the English sentence, the French paragraph before it speaks for the table.
        let alone = text.replace("The company's results for the year are below.\n\n", "");
        assert_eq!(lang(&alone, "1,204.5"), "fr");
    }

    #[test]
    fn stop_words_may_start_with_an_accent() {
        let packs = Packs::builtin().unwrap();
        let fr = packs.find("fr").unwrap();
        // "été" was read from its second letter ("té") and never counted.
        assert_eq!(stopword_counts("Il a été reçu", &packs)[fr], 2);
        assert_eq!(stopword_counts("Été 2025 : bilan", &packs)[fr], 1);
    }

    #[test]
    fn words_are_whole_however_they_end() {
        let packs = Packs::builtin().unwrap();
        let fr = packs.find("fr").unwrap();
        // Ended by an apostrophe, a no-break space, a sign or the text: still whole words.
        assert_eq!(
            stopword_counts("après’ même\u{a0}été×2 lors", &packs)[fr],
            4
        );
        // A letter the byte tables do not fold makes another word: "entreœ" and "dœnt" are
        // no stop words, though "entre" and "d" start them; "après" is one.
        assert_eq!(stopword_counts("entreœ dœnt après", &packs)[fr], 1);
        // "cœur" is folded the slow way and is no stop word; "sœur", "œuvre" neither.
        assert_eq!(stopword_counts("cœur de la sœur, œuvre du", &packs)[fr], 3);
        // Digits start no word, but end in one: "19h" counts as "h", "2e" as "e".
        assert_eq!(stopword_counts("19les 2e", &packs)[fr], 1);
    }

    #[test]
    fn counting_stops_once_a_language_leads_by_eight() {
        let packs = Packs::builtin().unwrap();
        let (fr, en) = (packs.find("fr").unwrap(), packs.find("en").unwrap());
        // Twelve French stop words: counting stops at the eighth.
        let counts = stopword_counts("le la les de du des et le la les de du", &packs);
        assert_eq!((counts[fr], counts[en]), (SETTLED_LEAD, 0));
        // A lead that is not yet settled goes on being counted to the end.
        let counts = stopword_counts("the of and le la les de du des et", &packs);
        assert_eq!(counts[fr] - counts[en], 4);
        // So a paragraph is read in the language of its first sentence once that one is
        // plainly in its language, and by its majority when no language leads early.
        let got = sentences(
            "Le ministre a dit que les chiffres de la police et des douanes sont bons dans le pays. The figures for the year were published by the ministry of the interior in the spring and the minister said that the results of the operation were good for the whole of the country and the region.\n",
            Format::Markdown,
        );
        assert!(got.iter().all(|(_, l)| l == "fr"));
        let got = sentences(
            "Le ministre a dit. The figures for the year were published by the ministry of the interior in the spring and the minister said that they were good.\n",
            Format::Markdown,
        );
        assert!(got.iter().all(|(_, l)| l == "en"));
    }

    #[test]
    fn one_stop_word_decides_a_short_file() {
        // French is the fallback here: one English stop word is enough to overrule it.
        assert_eq!(
            sentences("Police made 1,100 arrests in May.", Format::Plain)[0].1,
            "en"
        );
        // A paragraph with one stop word of one language and none of another is read in it
        // (it took the file's language, and "Police made 1,100 arrests in May." in a French
        // file was 1.1 arrests); with stop words of both, the file's.
        let got = sentences(
            "Les ministres ont salué les résultats de la coopération.\n\n\
             Police made 1,100 arrests in May.\n\nVoir P12 in extenso de la note.\n",
            Format::Markdown,
        );
        assert_eq!(got[1].1, "en");
        assert_eq!(got[2].1, "fr");
        // No stop word at all: the fallback.
        assert_eq!(
            sentences("Budget 2025 : 31,4 M€.", Format::Plain)[0].1,
            "fr"
        );
    }

    #[test]
    fn front_matter_decides() {
        let got = sentences(
            "---\nlang: en\n---\nLes ministres ont salué les résultats de la coopération.\n",
            Format::Markdown,
        );
        assert_eq!(got[0].1, "en");
    }
}
