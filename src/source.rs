//! Reading a file into prose: the text an editor reads, with everything else blanked out.
//!
//! A [`Document`] keeps the original text and a *prose* copy of the same byte length in which code
//! spans and blocks, raw HTML, HTML comments, link targets, front matter, URLs and e-mail addresses
//! are replaced by spaces (line breaks kept). Every later stage scans the prose, so every span it
//! finds indexes the original bytes. Block boundaries (paragraphs, headings, list items, table
//! cells) are kept too: a sentence never crosses one.

use std::ops::Range;
use std::sync::OnceLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use regex::Regex;

/// How a file's text is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Plain,
}

impl Format {
    /// The format for a file name: Markdown for `.md`, `.markdown`, `.mdx`; plain text otherwise.
    pub fn for_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if [".md", ".markdown", ".mdx", ".mkd"]
            .iter()
            .any(|e| lower.ends_with(e))
        {
            Format::Markdown
        } else {
            Format::Plain
        }
    }
}

/// An HTML comment found in the text (suppression comments are read from these).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub span: Range<usize>,
    /// The comment's text without `<!--` and `-->`, trimmed.
    pub body: String,
}

/// One file's text, ready to be scanned.
#[derive(Debug, Clone)]
pub struct Document {
    /// The name shown in reports (the path as given, or the stdin file name).
    pub name: String,
    pub text: String,
    /// Same length as `text`; what is not prose is blanked with spaces.
    pub prose: String,
    /// Blocks, in order, never overlapping; a sentence never crosses a block boundary.
    pub blocks: Vec<Range<usize>>,
    /// The `lang:` of the front matter, if any.
    pub lang: Option<String>,
    pub comments: Vec<Comment>,
    pub format: Format,
    /// The body cells of Markdown tables, in text order, each with the cells that say what it
    /// holds (see [`Document::context_of`]).
    pub cells: Vec<CellContext>,
    /// The Markdown tables, each from its header row to its last row, in text order: a table's
    /// cells are read in one language together (see [`crate::segment::block_packs`]).
    pub tables: Vec<Range<usize>>,
    /// The character entities of a Markdown text ("&nbsp;", "&euro;"), in text order: the
    /// prose holds each one's character at its start, padded with spaces (see
    /// [`Document::widen_to_entities`]).
    pub entities: Vec<Range<usize>>,
}

/// A table cell and its headers: the first cell of its row ("Éducation") and the header of its
/// column ("Crédits 2026"). A cell is a sentence of its own, and "64,5 Md€" names nothing: the
/// ledger's terms are looked for in these too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellContext {
    pub cell: Range<usize>,
    /// The first cell of its row (none in the first column).
    pub row_head: Option<Range<usize>>,
    /// Its column's header (none where the header row has fewer cells).
    pub column_head: Option<Range<usize>>,
}

impl CellContext {
    /// The cells that head this one, in text order: its row's first cell, its column's header.
    pub fn heads(&self) -> impl Iterator<Item = &Range<usize>> + Clone {
        self.row_head.iter().chain(&self.column_head)
    }
}

fn url_regex() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?:[A-Za-z][A-Za-z0-9+.\-]*://|www\.)[^\s<>\x22)\]]+|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+",
        )
        .ok()
    })
    .as_ref()
}

fn blank(bytes: &mut [u8], range: Range<usize>) {
    for b in &mut bytes[range] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// Whether `s` is one character entity as a whole ("&nbsp;", "&#8239;", "&#x202F;"): the
/// parser gives each its own text event, but only such an event's text is replaced (a longer
/// one would shift the prose against the source).
fn is_entity(s: &str) -> bool {
    s.len() <= 40
        && s.starts_with('&')
        && s.ends_with(';')
        && s[1..s.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'#')
}

fn into_string(bytes: Vec<u8>, fallback: &str) -> String {
    // Blanking replaces whole characters (their every byte) with ASCII, so UTF-8 stays valid.
    crate::input::utf8_string(bytes).unwrap_or_else(|_| fallback.to_string())
}

impl Document {
    /// The blocks cut into runs of about `bytes` of text (at least one block each), as ranges
    /// of block indices: the windows a huge text is read by.
    pub fn block_windows(&self, bytes: usize) -> Vec<Range<usize>> {
        let n = self.blocks.len();
        let mut out = Vec::new();
        let mut start = 0;
        while start < n {
            let from = self.blocks[start].start;
            let mut end = start + 1;
            while end < n && self.blocks[end].end - from < bytes {
                end += 1;
            }
            out.push(start..end);
            start = end;
        }
        out
    }

    /// Where else than in `span` (a sentence) the words that say what its figures are stand:
    /// for a sentence in a table's body cell, the first cell of its row and its column's
    /// header; elsewhere, nowhere.
    pub fn context_of(&self, span: &Range<usize>) -> impl Iterator<Item = &Range<usize>> + Clone {
        self.cell_at(span.start)
            .into_iter()
            .flat_map(CellContext::heads)
    }

    /// `span` widened so that neither end falls inside a character entity: "M&euro;" read as
    /// "M€" ends where the entity ends, not after its first bytes, which hold the "€".
    pub fn widen_to_entities(&self, span: Range<usize>) -> Range<usize> {
        let inside = |pos: usize| {
            let i = self.entities.partition_point(|e| e.end <= pos);
            self.entities.get(i).filter(|e| e.start < pos)
        };
        let start = inside(span.start).map_or(span.start, |e| e.start);
        let end = inside(span.end).map_or(span.end, |e| e.end);
        start..end
    }

    /// The table body cell that holds the byte `pos`, if any.
    pub fn cell_at(&self, pos: usize) -> Option<&CellContext> {
        self.cell_index(pos).map(|i| &self.cells[i])
    }

    fn cell_index(&self, pos: usize) -> Option<usize> {
        let i = self.cells.partition_point(|c| c.cell.end <= pos);
        self.cells.get(i).filter(|c| c.cell.start <= pos).map(|_| i)
    }

    /// Whether the byte `pos` lies in the first cell of a table row that has other cells: the
    /// row's label ("Moins de 25 ans", "25-49", "10 à 49 salariés"), which the other cells'
    /// figures are of. (The next cell is of its row when its row's first cell is this one.)
    pub fn in_row_label(&self, pos: usize) -> bool {
        self.cell_index(pos).is_some_and(|i| {
            let cell = &self.cells[i];
            cell.row_head.is_none()
                && (self.cells.get(i + 1))
                    .is_some_and(|next| next.row_head.as_ref() == Some(&cell.cell))
        })
    }

    pub fn new(name: impl Into<String>, text: String, format: Format) -> Document {
        let name = name.into();
        let mut doc = match format {
            Format::Markdown => markdown(name, text),
            Format::Plain => plain(name, text),
        };
        doc.blank_urls();
        doc
    }

    fn blank_urls(&mut self) {
        // Every address holds one of these: most prose has none, and a memchr pass is far
        // quicker than the regex, whose e-mail branch has no literal to search for.
        let prose = self.prose.as_bytes();
        let maybe = memchr::memchr(b'@', prose).is_some()
            || memchr::memmem::find(prose, b"://").is_some()
            || memchr::memmem::find(prose, b"www.").is_some();
        if !maybe {
            return;
        }
        let Some(re) = url_regex() else { return };
        let spans: Vec<_> = re.find_iter(&self.prose).map(|m| m.range()).collect();
        if spans.is_empty() {
            return;
        }
        let mut bytes = std::mem::take(&mut self.prose).into_bytes();
        for span in spans {
            blank(&mut bytes, span);
        }
        self.prose = into_string(bytes, &self.text);
    }
}

fn front_matter_lang(meta: &str) -> Option<String> {
    meta.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        let key = key.trim();
        (key == "lang" || key == "language" || key == "locale")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    })
}

fn html_comments(text: &str, span: Range<usize>, out: &mut Vec<Comment>) {
    let html = &text[span.clone()];
    let mut from = 0;
    while let Some(open) = html[from..].find("<!--") {
        let body_start = from + open + 4;
        let Some(close) = html[body_start..].find("-->") else {
            break;
        };
        let end = body_start + close + 3;
        out.push(Comment {
            span: span.start + from + open..span.start + end,
            body: html[body_start..body_start + close].trim().to_string(),
        });
        from = end;
    }
}

fn markdown(name: String, text: String) -> Document {
    // The prose's ranges, merged where they touch; the prose itself is built after the parser
    // is gone, so that a huge text never holds the parser's tree and its prose copy at once.
    let mut kept: Vec<Range<usize>> = Vec::new();
    let mut cuts = vec![0, text.len()];
    let mut lang = None;
    let mut comments = Vec::new();
    let mut in_meta = false;
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    let mut code_depth = 0usize;
    let mut entities: Vec<(Range<usize>, String)> = Vec::new();
    let mut tables = TableReader::default();
    for (event, range) in Parser::new_ext(&text, opts).into_offset_iter() {
        tables.read(&event, &range);
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_meta = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_meta = false,
            Event::Start(Tag::CodeBlock(_)) => code_depth += 1,
            Event::End(TagEnd::CodeBlock) => code_depth = code_depth.saturating_sub(1),
            Event::Start(Tag::Image { .. }) => code_depth += 1,
            Event::End(TagEnd::Image) => code_depth = code_depth.saturating_sub(1),
            Event::Text(t) if in_meta && lang.is_none() => {
                lang = front_matter_lang(&t);
            }
            Event::Text(t) if code_depth == 0 => {
                // An entity ("12,5&nbsp;%", "2&#8239;400", "&pound;54m"): the prose holds the
                // character it stands for.
                if t.len() < range.len() && is_entity(&text[range.clone()]) {
                    entities.push((range.clone(), t.into_string()));
                }
                match kept.last_mut() {
                    Some(last) if last.end == range.start => last.end = range.end,
                    _ => kept.push(range),
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => html_comments(&text, range, &mut comments),
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::TableCell
                | Tag::BlockQuote(_)
                | Tag::FootnoteDefinition(_)
                | Tag::TableHead
                | Tag::TableRow,
            ) => cuts.push(range.start),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition
                | TagEnd::TableHead
                | TagEnd::TableRow,
            ) => cuts.push(range.end),
            _ => {}
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let blocks = cuts
        .windows(2)
        .map(|w| w[0]..w[1])
        .filter(|r| !r.is_empty())
        .collect();
    let mut prose = vec![b' '; text.len()];
    // Keep line breaks everywhere so line-based rules still see lines.
    for i in memchr::memchr2_iter(b'\n', b'\r', text.as_bytes()) {
        prose[i] = text.as_bytes()[i];
    }
    for range in kept {
        prose[range.clone()].copy_from_slice(&text.as_bytes()[range]);
    }
    // Each entity's character where the entity starts, padded with spaces to its length, so
    // offsets stay the source's (a number's reader takes a no-break space and its padding as
    // one group separator).
    let entities: Vec<Range<usize>> = entities
        .into_iter()
        .filter(|(_, decoded)| !decoded.contains(['\n', '\r']))
        .map(|(range, decoded)| {
            let (char_bytes, padding) = prose[range.clone()].split_at_mut(decoded.len());
            char_bytes.copy_from_slice(decoded.as_bytes());
            padding.fill(b' ');
            range
        })
        .collect();
    let prose = into_string(prose, &text);
    Document {
        name,
        prose,
        text,
        blocks,
        lang,
        comments,
        format: Format::Markdown,
        cells: tables.cells,
        tables: tables.tables,
        entities,
    }
}

/// Follows the tables of a Markdown parse and gives each body cell its row's first cell and
/// its column's header.
#[derive(Default)]
struct TableReader {
    header: Vec<Range<usize>>,
    row: Vec<Range<usize>>,
    in_head: bool,
    cells: Vec<CellContext>,
    tables: Vec<Range<usize>>,
}

impl TableReader {
    fn read(&mut self, event: &Event<'_>, range: &Range<usize>) {
        match event {
            Event::Start(Tag::Table(_)) => {
                self.header.clear();
                self.tables.push(range.clone());
            }
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.row.clear();
            }
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                self.header = std::mem::take(&mut self.row);
            }
            Event::Start(Tag::TableRow) => self.row.clear(),
            Event::End(TagEnd::TableCell) => self.row.push(range.clone()),
            Event::End(TagEnd::TableRow) if !self.in_head => {
                for (col, cell) in self.row.iter().enumerate() {
                    self.cells.push(CellContext {
                        cell: cell.clone(),
                        row_head: (col > 0).then(|| self.row[0].clone()),
                        column_head: self.header.get(col).cloned(),
                    });
                }
            }
            _ => {}
        }
    }
}

/// True when a line starts a list item or a heading in plain text ("- ", "* ", "• ", "1. ", "# ").
fn starts_item(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("• ") || t.starts_with("# ") {
        return true;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && digits <= 3
        && matches!(t.as_bytes().get(digits), Some(b'.' | b')'))
        && matches!(t.as_bytes().get(digits + 1), Some(b' ' | b'\t'))
}

fn plain(name: String, text: String) -> Document {
    let mut cuts = vec![0, text.len()];
    let mut comments = Vec::new();
    let mut pos = 0;
    let mut blank_before = true;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            cuts.push(pos);
            cuts.push(pos + line.len());
            blank_before = true;
        } else {
            if blank_before || starts_item(line) {
                cuts.push(pos);
            }
            blank_before = false;
        }
        if trimmed.starts_with("<!--") || trimmed.starts_with("figcheck:") {
            html_comments(&text, pos..pos + line.len(), &mut comments);
            if let Some(rest) = trimmed.strip_prefix("figcheck:") {
                let start = pos + line.find("figcheck:").unwrap_or(0);
                comments.push(Comment {
                    span: start..pos + line.trim_end().len(),
                    body: format!("figcheck-{}", rest.trim()),
                });
            }
        }
        pos += line.len();
    }
    cuts.sort_unstable();
    cuts.dedup();
    let blocks = cuts
        .windows(2)
        .map(|w| w[0]..w[1])
        .filter(|r| !text[r.clone()].trim().is_empty())
        .collect();
    let mut bytes = text.clone().into_bytes();
    for c in &comments {
        blank(&mut bytes, c.span.clone());
    }
    let prose = into_string(bytes, &text);
    Document {
        name,
        prose,
        text,
        blocks,
        lang: None,
        comments,
        format: Format::Plain,
        cells: Vec::new(),
        tables: Vec::new(),
        entities: Vec::new(),
    }
}

/// Maps byte offsets to 1-based lines and columns (columns in characters).
///
/// Long lines keep a checkpoint of their character count every 4 KiB, so a column costs at most
/// 4 KiB of counting however long the line (a paragraph on one 10 MB line stays linear).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// (byte offset, characters from its line's start), ascending; only inside long lines.
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut checkpoints = Vec::new();
        for (i, &start) in starts.iter().enumerate() {
            let end = starts.get(i + 1).copied().unwrap_or(text.len());
            if end - start <= CHECKPOINT {
                continue;
            }
            let (mut pos, mut chars) = (start, 0);
            while pos + CHECKPOINT < end {
                let mut next = pos + CHECKPOINT;
                while !text.is_char_boundary(next) {
                    next -= 1;
                }
                chars += text[pos..next].chars().count();
                checkpoints.push((next, chars));
                pos = next;
            }
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// (line, column) of `offset`, both 1-based.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let (from, base) = match self.checkpoints.partition_point(|&(o, _)| o <= offset) {
            0 => (start, 0),
            i => {
                let (o, chars) = self.checkpoints[i - 1];
                if o >= start {
                    (o, chars)
                } else {
                    (start, 0)
                }
            }
        };
        let column = base + text[from..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// The byte range of 1-based `line`, without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(text.len(), |&e| e);
        let body = text[start..end].trim_end_matches(['\n', '\r']);
        start..start + body.len()
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// (line, column) of a text's offsets, asked in ascending order as report writers ask them: an
/// offset on the line of the one asked before is counted on from it, not again from its line's
/// start (a Markdown paragraph is one long line; counting every claim's column from there was
/// 2 % of `extract`). Offsets in any other order are answered by [`LineIndex::position`].
pub struct Positions<'a> {
    lines: &'a LineIndex,
    text: &'a str,
    /// The offset asked last, its line and column, and where the next line starts.
    last: Option<(usize, usize, usize, usize)>,
}

impl<'a> Positions<'a> {
    pub fn new(lines: &'a LineIndex, text: &'a str) -> Self {
        Positions {
            lines,
            text,
            last: None,
        }
    }

    /// (line, column) of `offset`, both 1-based.
    pub fn at(&mut self, offset: usize) -> (usize, usize) {
        if let Some((at, line, column, next_line)) = self.last {
            if (at..next_line).contains(&offset) {
                let column = column + self.text[at..offset].chars().count();
                self.last = Some((offset, line, column, next_line));
                return (line, column);
            }
        }
        let (line, column) = self.lines.position(self.text, offset);
        let next_line = self.lines.starts.get(line).copied().unwrap_or(usize::MAX);
        self.last = Some((offset, line, column, next_line));
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_cell_is_headed_by_its_rows_first_cell_and_its_columns_header() {
        let text = "Intro 12 %.\n\n| Mission | Crédits 2026 | Évolution |\n|---|---|---|\n\
                    | Éducation | 64,5 Md€ | +1,2 % |\n| Défense | 50,5 Md€ | +6,7 % |\n\n\
                    | Second |\n|---|\n| 7 |\n";
        let doc = Document::new("t.md", text.to_string(), Format::Markdown);
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            start..start + needle.len()
        };
        let context = |needle: &str| -> Vec<String> {
            doc.context_of(&at(needle))
                .map(|r| text[r.clone()].trim().to_string())
                .collect()
        };
        assert_eq!(context("64,5"), ["Éducation", "Crédits 2026"]);
        assert_eq!(context("+6,7"), ["Défense", "Évolution"]);
        // The first column has its header only; header cells and prose have none.
        assert_eq!(context("Défense"), ["Mission"]);
        assert!(context("Crédits").is_empty() && context("Intro").is_empty());
        // A second table has its own header.
        assert_eq!(context("7 |"), ["Second"]);
        // Plain text has no tables.
        let plain = Document::new("t.txt", text.to_string(), Format::Plain);
        assert!(plain.context_of(&at("64,5")).next().is_none());
    }

    #[test]
    fn markdown_blanks_code_html_links_and_front_matter() {
        let text = "---\nlang: fr\n---\n\n# Titre 2021\n\nUn texte avec `42 %` et [40 %](https://x.org/5) <!-- figcheck-disable -->.\n\n```\n99 %\n```\n";
        let doc = Document::new("t.md", text.to_string(), Format::Markdown);
        assert_eq!(doc.lang.as_deref(), Some("fr"));
        assert_eq!(doc.prose.len(), doc.text.len());
        assert!(!doc.prose.contains("42"));
        assert!(doc.prose.contains("40 %"));
        assert!(!doc.prose.contains("x.org"));
        assert!(!doc.prose.contains("99"));
        assert!(!doc.prose.contains("lang"));
        assert_eq!(doc.comments.len(), 1);
        assert_eq!(doc.comments[0].body, "figcheck-disable");
        assert!(doc.blocks.len() >= 2);
    }

    #[test]
    fn an_entity_is_its_character_in_the_prose_and_claims_cover_it_whole() {
        let text = "Up 3&nbsp;%, 2&#8239;400 agents, 31,4&nbsp;M&euro; &amp; `5&nbsp;%`.\n";
        let doc = Document::new("t.md", text.to_string(), Format::Markdown);
        assert_eq!(doc.prose.len(), doc.text.len());
        assert!(doc.prose.contains("3\u{a0}    %"));
        assert!(doc.prose.contains("2\u{202f}    400"));
        assert!(doc.prose.contains("M€   "));
        // Four entities and "&amp;"; the code span's "&nbsp;" is code, blanked with it.
        assert_eq!(doc.entities.len(), 5);
        let euro = text.find("&euro;").unwrap();
        // A span that ends after the "€" of "&euro;" ends where the entity ends.
        assert_eq!(doc.widen_to_entities(0..euro + 3), 0..euro + 6);
        assert_eq!(doc.widen_to_entities(euro + 2..euro + 6), euro..euro + 6);
        assert_eq!(doc.widen_to_entities(0..euro), 0..euro);
        // Offsets stay the source's, entities or not, around other text.
        let mixed = "a &amp; b &lt;c&gt; 12 % &copy; 2026 &unknown; 7 %\n";
        let doc = Document::new("t.md", mixed.to_string(), Format::Markdown);
        assert_eq!(doc.prose.find("12 %"), mixed.find("12 %"));
        assert_eq!(doc.prose.find("7 %"), mixed.find("7 %"));
        assert!(is_entity("&#x202F;") && !is_entity("&amp; b") && !is_entity("&"));
        // A plain text keeps entities as written.
        let plain = Document::new("t.txt", text.to_string(), Format::Plain);
        assert!(plain.entities.is_empty() && plain.prose.contains("&nbsp;"));
    }

    #[test]
    fn plain_text_blocks_split_at_blank_lines_and_items() {
        let text =
            "Une phrase.\nSuite.\n\n- item un\n- item deux\nVoir https://a.fr/12 ou x@y.fr\n";
        let doc = Document::new("t.txt", text.to_string(), Format::Plain);
        let blocks: Vec<_> = doc
            .blocks
            .iter()
            .map(|b| doc.text[b.clone()].trim())
            .collect();
        assert_eq!(blocks[0], "Une phrase.\nSuite.");
        assert_eq!(blocks[1], "- item un");
        assert!(!doc.prose.contains("a.fr/12"));
        assert!(!doc.prose.contains("x@y.fr"));
    }

    #[test]
    fn long_lines_count_columns_through_checkpoints() {
        let text = format!("x\n{}é{}", "a".repeat(10_000), "b".repeat(5_000));
        let idx = LineIndex::new(&text);
        let at = text.len() - 1;
        assert_eq!(
            idx.position(&text, at),
            (2, text[2..at].chars().count() + 1)
        );
        assert_eq!(idx.position(&text, 5000), (2, 4999));
    }

    #[test]
    fn positions_counted_on_agree_with_the_index() {
        let text = format!(
            "é1\n\nàb 3\n{}é{}\nfin",
            "a".repeat(5_000),
            "«b» ".repeat(1_500)
        );
        let idx = LineIndex::new(&text);
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        // Ascending (every offset, then every 7th), then in an order that goes back.
        let mut asked: Vec<usize> = offsets.clone();
        asked.extend(offsets.iter().step_by(7));
        asked.extend(offsets.iter().rev().step_by(11));
        let mut positions = Positions::new(&idx, &text);
        for (n, &at) in asked.iter().enumerate() {
            if n == offsets.len() {
                positions = Positions::new(&idx, &text);
            }
            assert_eq!(positions.at(at), idx.position(&text, at), "offset {at}");
        }
    }

    #[test]
    fn line_index_counts_characters() {
        let text = "é1\nàb 3";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, text.find('3').unwrap()), (2, 4));
        assert_eq!(idx.position(text, 0), (1, 1));
    }
}
