//! Markdown structure: the blocks of one model doc, with raw text and positions.
//!
//! pulldown-cmark finds the block structure (headings, paragraphs, tables,
//! code blocks, lists); cell and heading *contents* are kept as raw source
//! text because type cells are a small language of their own (`*str*`,
//! `List[[models.X](x.md)]`) that rendered inline events would destroy.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::source::{SourceFile, Span};

/// A top-level block of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `#`-style or setext heading; `text` is the raw inline source.
    Heading {
        /// 1 for `#`, 2 for `##`, ...
        level: u8,
        /// Raw heading text, trimmed, without the `#` markers.
        text: String,
        /// Where the heading starts.
        span: Span,
    },
    /// A paragraph, raw markdown.
    Paragraph {
        /// Raw source, trimmed.
        text: String,
        /// Where it starts.
        span: Span,
    },
    /// A block quote, raw markdown without the `>` markers.
    Quote {
        /// Raw inner text, trimmed.
        text: String,
        /// Where it starts.
        span: Span,
    },
    /// A fenced or indented code block.
    Code {
        /// The info string (`python`, `typescript`), empty when absent.
        lang: String,
        /// The code.
        text: String,
        /// Where it starts.
        span: Span,
    },
    /// A bullet or numbered list; each item's raw text.
    List {
        /// Raw item texts, trimmed, without the bullet.
        items: Vec<Cell>,
        /// Where the list starts.
        span: Span,
    },
    /// A GFM table.
    Table(Table),
    /// Raw HTML or anything else; kept only for its position.
    Other {
        /// Raw source.
        text: String,
        /// Where it starts.
        span: Span,
    },
}

impl Block {
    /// Where the block starts.
    pub fn span(&self) -> &Span {
        match self {
            Block::Heading { span, .. }
            | Block::Paragraph { span, .. }
            | Block::Quote { span, .. }
            | Block::Code { span, .. }
            | Block::List { span, .. }
            | Block::Other { span, .. } => span,
            Block::Table(t) => &t.span,
        }
    }
}

/// A table with its header and rows, cells as raw trimmed text.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Header cells.
    pub header: Vec<Cell>,
    /// Body rows.
    pub rows: Vec<Row>,
    /// Where the table starts.
    pub span: Span,
}

/// One body row of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Cells, split on unescaped `|`, trimmed, with `\|` unescaped.
    pub cells: Vec<Cell>,
    /// The whole row as written (for quoting in diagnostics).
    pub raw: String,
    /// Where the row starts.
    pub span: Span,
    /// Malformations read the way the doc's generator meant them; each is worth a warning.
    pub repairs: Vec<Repair>,
}

/// A recoverable malformation of a table row, read the one way that fits the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repair {
    /// A bare carriage return (`\r` without `\n`) inside the row: read as a space.
    BareCarriageReturn,
    /// A literal pipe written `\\|` (escaped twice): read as `|`.
    DoubledPipeEscape,
    /// A row closed by one pipe too many: the empty cell it makes is dropped.
    ExtraClosingPipe,
    /// A row whose last cell is empty and which lacks its closing pipe.
    MissingClosingPipe,
}

impl Repair {
    /// What was wrong and how it was read, in one sentence.
    pub fn message(self) -> &'static str {
        match self {
            Repair::BareCarriageReturn => {
                "table row contains a bare carriage return; read as a space, joining the row"
            }
            Repair::DoubledPipeEscape => {
                "table cell escapes a pipe twice (`\\\\|`); read as a literal `|`"
            }
            Repair::ExtraClosingPipe => {
                "table row ends with an extra `|`; its empty cell is dropped"
            }
            Repair::MissingClosingPipe => {
                "table row lacks its closing `|`; its last cell is read as empty"
            }
        }
    }

    /// How to fix the doc.
    pub fn hint(self) -> &'static str {
        match self {
            Repair::BareCarriageReturn => {
                "use `\\n` line endings, or `<br>` for a break inside a cell"
            }
            Repair::DoubledPipeEscape => "write a literal `|` inside a cell as `\\|`",
            Repair::ExtraClosingPipe | Repair::MissingClosingPipe => {
                "give every row as many cells as the header, each row opened and closed by `|`"
            }
        }
    }
}

/// One cell (or list item): raw text and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Trimmed raw text with `\|` unescaped.
    pub text: String,
    /// Where the text starts.
    pub span: Span,
}

/// Splits a markdown document into top-level blocks.
pub fn blocks(source: &SourceFile) -> Vec<Block> {
    blocks_with_ranges(source)
        .into_iter()
        .map(|(b, _)| b)
        .collect()
}

/// Splits a markdown document into top-level blocks, each with its byte range in the source.
pub fn blocks_with_ranges(source: &SourceFile) -> Vec<(Block, Range<usize>)> {
    let joined;
    let (source, joins) = match join_bare_carriage_returns(&source.text) {
        Some((text, joins)) => {
            joined = SourceFile::new(source.name.clone(), text);
            (&joined, joins)
        }
        None => (source, Vec::new()),
    };
    let text = source.text.as_str();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start: Option<(Range<usize>, Tag<'_>)> = None;
    let mut table: Option<Table> = None;
    let mut list_items: Vec<Cell> = Vec::new();
    let mut code_text = String::new();

    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    if let Tag::Table(_) = tag {
                        table = Some(Table {
                            header: Vec::new(),
                            rows: Vec::new(),
                            span: source.span(range.start),
                        });
                    }
                    list_items.clear();
                    code_text.clear();
                    start = Some((range.clone(), tag));
                } else if let Some(t) = table.as_mut() {
                    match tag {
                        Tag::TableHead => t.header = split_row(source, range.clone()).0,
                        Tag::TableRow => {
                            let (cells, raw) = split_row(source, range.clone());
                            let first = joins.partition_point(|&at| at < range.start);
                            let joined = joins.get(first).is_some_and(|&at| at < range.end);
                            let mut row = Row {
                                cells,
                                raw,
                                span: source.span(range.start),
                                repairs: Vec::new(),
                            };
                            if joined {
                                row.repairs.push(Repair::BareCarriageReturn);
                            }
                            fit_to_header(source, t.header.len(), range.clone(), &mut row);
                            t.rows.push(row);
                        }
                        _ => {}
                    }
                } else if depth == 1 && matches!(tag, Tag::Item) {
                    list_items.push(item_cell(source, range.clone()));
                }
                depth += 1;
            }
            Event::End(end) => {
                depth -= 1;
                if depth == 0 {
                    if let Some((range, tag)) = start.take() {
                        let block = finish_block(
                            source,
                            range.clone(),
                            tag,
                            end,
                            &mut table,
                            &list_items,
                            &code_text,
                        );
                        out.push((block, range));
                    }
                }
            }
            Event::Text(t) if depth == 1 => {
                if let Some((_, Tag::CodeBlock(_))) = &start {
                    code_text.push_str(&t);
                }
            }
            Event::Html(_) | Event::Rule | Event::Text(_) | Event::Code(_) if depth == 0 => {
                let block = Block::Other {
                    text: text[range.clone()].trim().to_string(),
                    span: source.span(range.start),
                };
                out.push((block, range));
            }
            _ => {}
        }
    }
    out
}

fn finish_block(
    source: &SourceFile,
    range: Range<usize>,
    tag: Tag<'_>,
    end: TagEnd,
    table: &mut Option<Table>,
    list_items: &[Cell],
    code_text: &str,
) -> Block {
    let raw = &source.text[range.clone()];
    let span = source.span(range.start);
    match (tag, end) {
        (Tag::Heading { level, .. }, _) => Block::Heading {
            level: level as u8,
            text: heading_text(raw),
            span,
        },
        (Tag::Paragraph, _) => Block::Paragraph {
            text: raw.trim().to_string(),
            span,
        },
        (Tag::BlockQuote(_), _) => Block::Quote {
            text: raw
                .lines()
                .map(|l| l.trim_start().trim_start_matches('>').trim())
                .collect::<Vec<_>>()
                .join("\n")
                .trim()
                .to_string(),
            span,
        },
        (Tag::CodeBlock(kind), _) => Block::Code {
            lang: match kind {
                pulldown_cmark::CodeBlockKind::Fenced(info) => info.trim().to_string(),
                pulldown_cmark::CodeBlockKind::Indented => String::new(),
            },
            text: code_text.to_string(),
            span,
        },
        (Tag::List(_), _) => Block::List {
            items: list_items.to_vec(),
            span,
        },
        (Tag::Table(_), _) => Block::Table(table.take().expect("table started")),
        _ => Block::Other {
            text: raw.trim().to_string(),
            span,
        },
    }
}

/// Heading source without `#` markers (ATX) or underline (setext).
fn heading_text(raw: &str) -> String {
    let first = raw.lines().next().unwrap_or("").trim();
    if first.starts_with('#') {
        let inner = first.trim_start_matches('#');
        let inner = inner.trim_end();
        // closing sequence: `# Title ##`
        let trimmed = inner.trim_end_matches('#');
        let inner = if trimmed.ends_with(' ') || trimmed.is_empty() {
            trimmed
        } else {
            inner
        };
        inner.trim().to_string()
    } else {
        first.to_string()
    }
}

fn item_cell(source: &SourceFile, range: Range<usize>) -> Cell {
    let raw = &source.text[range.clone()];
    let marker_len = raw
        .find(|c: char| {
            !(c == '-' || c == '*' || c == '+' || c.is_ascii_digit() || c == '.' || c == ')')
        })
        .unwrap_or(raw.len());
    let body = &raw[marker_len..];
    let lead = body.len() - body.trim_start().len();
    Cell {
        text: body.trim().to_string(),
        span: source.span(range.start + marker_len + lead),
    }
}

/// `str::trim`, with a fast path for the usual ASCII padding.
fn trim(s: &str) -> &str {
    let t = s.trim_ascii();
    // `trim_ascii` leaves what `trim` also strips: vertical tabs and Unicode spaces.
    let clean = |b: Option<&u8>| b.map_or(true, |&b| b.is_ascii() && b != 0x0b);
    if clean(t.as_bytes().first()) && clean(t.as_bytes().last()) {
        t
    } else {
        t.trim()
    }
}

/// Replaces every bare carriage return on a table-row line with a space.
///
/// A `\r` without `\n` (text pasted from old Mac or Windows tools into a cell) ends a
/// line for CommonMark, which splits one row into fragments. On a line that holds a
/// pipe before its first bare `\r`, the row can be rejoined unambiguously; the length is
/// unchanged, so every byte offset (and every line number, counted on `\n`) stays valid.
/// Returns the new text and the offsets joined, or `None` when nothing was joined. A
/// file without any `\n` uses `\r` as its line ending and is left alone.
fn join_bare_carriage_returns(text: &str) -> Option<(String, Vec<usize>)> {
    let bytes = text.as_bytes();
    let bare = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if !bytes.contains(&b'\n') || !memchr::memchr_iter(b'\r', bytes).any(bare) {
        return None;
    }
    let mut out = bytes.to_vec();
    let mut joins = Vec::new();
    let mut line_start = 0;
    for line_end in memchr::memchr_iter(b'\n', bytes).chain([bytes.len()]) {
        let line = &bytes[line_start..line_end];
        let crs: Vec<usize> = memchr::memchr_iter(b'\r', line)
            .map(|i| line_start + i)
            .filter(|&i| bare(i))
            .collect();
        if let Some(&first) = crs.first() {
            if bytes[line_start..first].contains(&b'|') {
                for &at in &crs {
                    out[at] = b' ';
                }
                joins.extend(crs);
            }
        }
        line_start = line_end + 1;
    }
    // Only ASCII `\r` bytes became ASCII spaces: still UTF-8.
    let text = String::from_utf8(out).expect("bytes replaced one ASCII byte for another");
    (!joins.is_empty()).then_some((text, joins))
}

/// Reads a row whose cell count differs from the header's the one way that fits it,
/// if there is one, and records the repair; otherwise leaves the row as split.
fn fit_to_header(source: &SourceFile, columns: usize, range: Range<usize>, row: &mut Row) {
    if row.cells.len() == columns || columns == 0 {
        return;
    }
    let line = row.raw.trim_end();
    if line.contains("\\\\|") {
        let (cells, _) = split_cells(source, range.clone(), Escapes::DoubledPipe);
        if cells.len() == columns {
            row.cells = cells;
            row.repairs.push(Repair::DoubledPipeEscape);
            return;
        }
    }
    // A pipe after an odd number of backslashes is escaped: it does not close the row.
    let before_pipe = line.strip_suffix('|').unwrap_or(line);
    let backslashes = before_pipe.len() - before_pipe.trim_end_matches('\\').len();
    let closed = line.ends_with('|') && backslashes % 2 == 0;
    let last_empty = row.cells.last().is_some_and(|c| c.text.is_empty());
    if row.cells.len() == columns + 1 && last_empty && closed {
        row.cells.pop();
        row.repairs.push(Repair::ExtraClosingPipe);
    } else if row.cells.len() + 1 == columns && closed && row.cells.len() > 1 {
        let end = source.span(range.start + line.len());
        row.cells.push(Cell {
            text: String::new(),
            span: end,
        });
        // Without an opening pipe, `a | b | ` is how an empty last cell is written
        // (GFM reads it so); with one, the row was meant to be closed.
        if line.trim_start().starts_with('|') {
            row.repairs.push(Repair::MissingClosingPipe);
        }
    }
}

/// How a backslash before a pipe is read when splitting a row.
#[derive(Clone, Copy, PartialEq)]
enum Escapes {
    /// GFM: a backslash escapes the next character, so `\\|` is a backslash and a delimiter.
    Gfm,
    /// `\\|` is a pipe escaped twice, a literal `|` (a generator escaped it again).
    DoubledPipe,
}

/// Splits one table row (its source line) on unescaped pipes.
fn split_row(source: &SourceFile, range: Range<usize>) -> (Vec<Cell>, String) {
    split_cells(source, range, Escapes::Gfm)
}

/// Splits one table row (its source line) on the pipes `escapes` leaves unescaped.
fn split_cells(source: &SourceFile, range: Range<usize>, escapes: Escapes) -> (Vec<Cell>, String) {
    let line = source.text[range.clone()]
        .lines()
        .next()
        .unwrap_or("")
        .trim_end_matches('\r');
    let base = range.start;
    let mut cells = Vec::new();
    let bytes = line.as_bytes();
    let mut seg_start = 0;
    let mut i = 0;
    let mut bounds = Vec::new();
    while let Some(at) = memchr::memchr2(b'\\', b'|', &bytes[i..]) {
        i += at;
        match bytes[i] {
            b'\\' if escapes == Escapes::DoubledPipe && bytes[i..].starts_with(b"\\\\|") => i += 3,
            b'\\' if i + 1 < bytes.len() => i += 2,
            b'|' => {
                bounds.push((seg_start, i));
                seg_start = i + 1;
                i += 1;
            }
            _ => i += 1,
        }
    }
    bounds.push((seg_start, bytes.len()));
    // A leading pipe opens the row and a trailing one closes it: drop the empty outer segments.
    if line.trim_start().starts_with('|') && !bounds.is_empty() {
        bounds.remove(0);
    }
    if let Some(&(s, e)) = bounds.last() {
        if line[s..e].trim().is_empty() && line.trim_end().ends_with('|') && bounds.len() > 1 {
            bounds.pop();
        }
    }
    // Every cell is on the row's first line: locate it once, then count columns
    // forward from one cell to the next.
    let row_span = source.span(base);
    let (mut counted_to, mut column) = (0, row_span.column as usize);
    for (s, e) in bounds {
        let seg = &line[s..e];
        let text = trim(seg);
        let lead = text.as_ptr() as usize - seg.as_ptr() as usize;
        column += line[counted_to..s + lead].chars().count();
        counted_to = s + lead;
        // Most cells have no escape: skip the search-and-replace pass.
        let text = if memchr::memchr(b'\\', text.as_bytes()).is_none() {
            text.to_string()
        } else if escapes == Escapes::DoubledPipe {
            text.replace("\\\\|", "|").replace("\\|", "|")
        } else {
            text.replace("\\|", "|")
        };
        cells.push(Cell {
            text,
            span: Span {
                column: column as u32,
                ..row_span.clone()
            },
        });
    }
    (cells, line.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_agrees_with_str_trim() {
        let pads = [
            "",
            " ",
            "\t",
            "\x0b",
            "\u{a0}",
            " \u{3000}",
            "\r\n",
            "\x0c ",
        ];
        let bodies = ["", "x", "a b", "\u{e9}t\u{e9}", "`*str*`", "\x0bx\x0b"];
        for lead in pads {
            for body in bodies {
                for tail in pads {
                    let s = format!("{lead}{body}{tail}");
                    assert_eq!(trim(&s), s.trim(), "{s:?}");
                }
            }
        }
    }

    fn doc(text: &str) -> Vec<Block> {
        blocks(&SourceFile::new("t.md", text))
    }

    #[test]
    fn splits_cells_on_unescaped_pipes_only() {
        let b = doc("| A | B |\n| - | - |\n| `x` | a \\| b |");
        let Block::Table(t) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(t.header.len(), 2);
        assert_eq!(t.rows[0].cells[1].text, "a | b");
        assert_eq!(t.rows[0].cells[1].span.column, 9);
        assert_eq!(t.rows[0].span.line, 3);
    }

    #[test]
    fn tables_without_outer_pipes() {
        let b = doc("Name | Type\n---- | ----\n**a** | **str**\n");
        let Block::Table(t) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(t.rows[0].cells.len(), 2);
        assert_eq!(t.rows[0].cells[0].text, "**a**");
    }

    fn table(text: &str) -> Table {
        match doc(text).into_iter().find(|b| matches!(b, Block::Table(_))) {
            Some(Block::Table(t)) => t,
            other => panic!("no table: {other:?}"),
        }
    }

    fn texts(row: &Row) -> Vec<&str> {
        row.cells.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn rejoins_rows_split_by_bare_carriage_returns() {
        let t = table("## Fields\n\n| A | B | C |\n| - | - | - |\n| `x` | *str* | one\rtwo\r three |\n| `y` | *int* | ok |\n");
        assert_eq!(t.rows.len(), 2);
        assert_eq!(texts(&t.rows[0]), ["`x`", "*str*", "one two  three"]);
        assert_eq!(t.rows[0].repairs, [Repair::BareCarriageReturn]);
        assert!(t.rows[1].repairs.is_empty());
        // Line numbers count `\n` only, before and after the join.
        assert_eq!(t.rows[1].span.line, 6);
    }

    #[test]
    fn leaves_carriage_return_line_endings_and_crlf_alone() {
        let t = table("| A | B |\r| - | - |\r| a | b |\r");
        assert_eq!(texts(&t.rows[0]), ["a", "b"]);
        assert!(t.rows[0].repairs.is_empty());
        let t = table("| A | B |\r\n| - | - |\r\n| a | b |\r\n");
        assert_eq!(texts(&t.rows[0]), ["a", "b"]);
        assert!(t.rows[0].repairs.is_empty());
    }

    #[test]
    fn doubled_pipe_escapes_are_read_when_the_header_says_so() {
        let t = table("| A | B |\n| - | - |\n| `x` | a \\\\| b |\n| `y` | c:\\\\ |\n");
        assert_eq!(texts(&t.rows[0]), ["`x`", "a | b"]);
        assert_eq!(t.rows[0].repairs, [Repair::DoubledPipeEscape]);
        // GFM: an escaped backslash before a closing pipe is a backslash.
        assert_eq!(texts(&t.rows[1]), ["`y`", "c:\\\\"]);
        assert!(t.rows[1].repairs.is_empty());
    }

    #[test]
    fn extra_and_missing_closing_pipes_fit_the_header() {
        let t = table("| A | B | C |\n| - | - | - |\n| a | b | c ||\n| a | b |\n| a | b | c |\n");
        assert_eq!(texts(&t.rows[0]), ["a", "b", "c"]);
        assert_eq!(t.rows[0].repairs, [Repair::ExtraClosingPipe]);
        assert_eq!(texts(&t.rows[1]), ["a", "b", ""]);
        assert_eq!(t.rows[1].repairs, [Repair::MissingClosingPipe]);
        assert!(t.rows[2].repairs.is_empty());
        // Without outer pipes, a trailing `| ` is an empty last cell: no repair.
        let t = table("A | B | C\n- | - | -\na | b | \n");
        assert_eq!(texts(&t.rows[0]), ["a", "b", ""]);
        assert!(t.rows[0].repairs.is_empty());
    }

    #[test]
    fn rows_that_fit_no_reading_stay_as_split() {
        let t = table("| A | B | C | D |\n| - | - | - | - |\n| a |\n| a | b | c | d | e |\n");
        assert_eq!(t.rows[0].cells.len(), 1);
        assert_eq!(t.rows[1].cells.len(), 5);
        assert!(t.rows.iter().all(|r| r.repairs.is_empty()));
    }

    #[test]
    fn keeps_wrong_cell_counts_visible() {
        let b = doc("| A | B |\n| - | - |\n| a | b | c |");
        let Block::Table(t) = &b[0] else { panic!() };
        assert_eq!(t.rows[0].cells.len(), 3);
    }

    #[test]
    fn headings_paragraphs_quotes_lists_code() {
        let b = doc("# ~~Old~~\n\nSome *desc*\nmore\n\n> :warning: **DEPRECATED**: x\n\n- `\"a\"`\n- `\"b\"`\n\n```python\nx = 1\n```\n");
        assert!(matches!(&b[0], Block::Heading { level: 1, text, .. } if text == "~~Old~~"));
        assert!(matches!(&b[1], Block::Paragraph { text, .. } if text == "Some *desc*\nmore"));
        assert!(matches!(&b[2], Block::Quote { text, .. } if text.starts_with(":warning:")));
        assert!(matches!(&b[3], Block::List { items, .. } if items[1].text == "`\"b\"`"));
        assert!(
            matches!(&b[4], Block::Code { lang, text, .. } if lang == "python" && text == "x = 1\n")
        );
    }
}
