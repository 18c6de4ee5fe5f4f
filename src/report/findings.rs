//! Rendering findings: miette diagnostics for people, one line each for editors (concise), JSON
//! Lines for tools, SARIF 2.1.0 for code-scanning dashboards, workflow commands for GitHub.

use std::sync::Arc;

use std::ops::Range;

use miette::{
    LabeledSpan, MietteDiagnostic, MietteError, MietteSpanContents, Report, SourceCode, SourceSpan,
    SpanContents,
};
use serde_json::{json, Value};

use crate::app::{render, Style};
use crate::check::FileReport;
use crate::ledger::Ledger;
use crate::report::claims::{claim_fields, decimal_string};
use crate::report::jsonl::{quoted, JsonObject};
use crate::rules::{self, Finding, Severity};
use crate::source::{LineIndex, Positions};

/// Where a finding is: 1-based line and column (characters) of its start and end.
struct Position {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

fn position(lines: &LineIndex, text: &str, f: &Finding) -> Position {
    let (line, column) = lines.position(text, f.span.start);
    let (end_line, end_column) = lines.position(text, f.span.end);
    Position {
        line,
        column,
        end_line,
        end_column,
    }
}

/// The source shown for a finding: the original text, clipped to a window around it (its
/// sentence, at most about a line), so a one-line paragraph does not fill the screen. Line and
/// column numbers stay those of the file.
#[derive(Debug)]
struct Window {
    name: String,
    text: Arc<str>,
    lines: Arc<LineIndex>,
    window: Range<usize>,
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        // miette reads from the start of the text to count lines: from the start of the first
        // context line instead, a finding costs its own lines, not the text before it (a huge
        // file's diagnostics were quadratic).
        let start = span.offset().min(self.text.len());
        let (line, _) = self.lines.position(&self.text, start);
        let base = self
            .lines
            .line_range(&self.text, line.saturating_sub(before).max(1))
            .start;
        let local = SourceSpan::from((start - base, span.len()));
        let full = self.text.as_bytes()[base..].read_span(&local, before, after)?;
        let fs = base + full.span().offset();
        let fe = fs + full.span().len();
        let s = fs.max(self.window.start.min(span.offset()));
        let e = fe
            .min(self.window.end.max(span.offset() + span.len()))
            .max(s);
        let (line, column) = self.lines.position(&self.text, s);
        let data = &self.text.as_bytes()[s..e];
        let line_count = data.iter().filter(|&&b| b == b'\n').count() + 1;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            data,
            (s, e - s).into(),
            line - 1,
            column - 1,
            line_count,
        )))
    }
}

/// Moves `pos` to a char boundary, backwards.
fn floor_char(text: &str, mut pos: usize) -> usize {
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

fn window(report: &FileReport, f: &Finding) -> Range<usize> {
    let text = &report.doc.text;
    let mut lo = f.span.start;
    let mut hi = f.span.end;
    if let Some((t, _)) = &f.term {
        if !t.is_empty() {
            lo = lo.min(t.start);
            hi = hi.max(t.end);
        }
    }
    let mut sentence = f
        .claim
        .and_then(|i| report.sentences.get(report.claims[i].sentence))
        .map_or(lo..hi, |s| s.span.clone());
    // A table cell is shown after its row's label: "25,3 %" alone does not say whose it is.
    if let Some(head) = report
        .doc
        .cell_at(f.span.start)
        .and_then(|c| c.row_head.as_ref())
    {
        let label = &text[head.clone()];
        let label_start = head.start + (label.len() - label.trim_start().len());
        lo = lo.min(label_start);
        sentence.start = sentence.start.min(label_start);
    }
    const MARGIN: usize = 50;
    let mut start = sentence.start.max(lo.saturating_sub(MARGIN)).min(lo);
    let mut end = sentence.end.min(hi + MARGIN).max(hi).min(text.len());
    start = floor_char(text, start);
    end = floor_char(text, end);
    // Cut at word boundaries, and drop leading white space.
    if start > sentence.start {
        if let Some(i) = text[start..lo].find(' ') {
            start += i + 1;
        }
    }
    if end < sentence.end {
        if let Some(i) = text[hi..end].rfind(' ') {
            end = hi + i;
        }
    }
    while start < lo && text[start..].starts_with(char::is_whitespace) {
        start += text[start..].chars().next().map_or(1, char::len_utf8);
    }
    start..end
}

/// One miette report a finding, drawn as miette draws it.
pub fn human(report: &FileReport, style: Style, out: &mut dyn std::fmt::Write) {
    if report.findings.is_empty() {
        return;
    }
    let src = report.source();
    let lines = report.lines();
    for f in &report.findings {
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            Some(f.claim_label.to_string()),
            f.span.clone(),
        )];
        if let Some((term, label)) = &f.term {
            // A term inside the claim ("One household in four") needs no label of its own:
            // drawn over the claim's, it pointed at neither.
            let inside = term.start >= f.span.start && term.end <= f.span.end;
            if !term.is_empty() && !inside {
                labels.push(LabeledSpan::new_with_span(
                    Some(label.clone()),
                    term.clone(),
                ));
            }
        }
        let mut diag = MietteDiagnostic::new(f.message.clone())
            .with_code(format!("figcheck::{}", f.rule.id))
            .with_severity(match f.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
            })
            .with_labels(labels);
        if let Some(h) = &f.help {
            diag = diag.with_help(h.clone());
        }
        let r = Report::new(diag).with_source_code(Window {
            name: report.doc.name.clone(),
            text: src.clone(),
            lines: lines.clone(),
            window: window(report, f),
        });
        let _ = out.write_str(&render(r.as_ref(), style));
    }
}

/// `path:line:col: severity[rule] message`, one line a finding.
pub fn concise(report: &FileReport, out: &mut dyn std::fmt::Write) {
    let mut positions = Positions::new(report.lines(), &report.doc.text);
    for f in &report.findings {
        let (line, column) = positions.at(f.span.start);
        let mut msg = f.message.clone();
        if let Some(h) = &f.help {
            msg.push_str(&format!(" ({h})"));
        }
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            report.doc.name,
            line,
            column,
            f.severity.as_str(),
            f.rule.id,
            msg
        );
    }
}

/// Appends the contract's JSON object for one finding, and a newline, to `buf`: the contract's
/// fields in its order, then `help` and `fix` (which the contract leaves open) when there are
/// some. `path` is the document's name, already quoted.
fn finding_json(
    report: &FileReport,
    path: &[u8],
    positions: &mut Positions<'_>,
    ledger: &Ledger,
    f: &Finding,
    buf: &mut Vec<u8>,
) {
    // The contract's object has where a finding starts, not where it ends.
    let (line, column) = positions.at(f.span.start);
    let mut obj = JsonObject::begin(buf);
    obj.raw("path", path)
        .word("rule", f.rule.id)
        .word("severity", f.severity.as_str())
        .uint("start", f.span.start)
        .uint("end", f.span.end)
        .uint("line", line)
        .uint("column", column)
        .str("text", &report.doc.text[f.span.clone()])
        .str("message", &f.message);
    match f.claim {
        Some(i) => obj.object("claim", |o| claim_fields(o, &report.claims[i])),
        None => obj.null("claim"),
    };
    match f.figure {
        Some(i) => obj.str("figure", &ledger.figures[i].id),
        None => obj.null("figure"),
    };
    match f.expected {
        Some(expected) => obj.decimal("expected", expected),
        None => obj.null("expected"),
    };
    if let Some(help) = &f.help {
        obj.str("help", help);
    }
    if let Some(fix) = &f.fix {
        obj.object("fix", |o| {
            o.uint("start", fix.span.start)
                .uint("end", fix.span.end)
                .str("replacement", &fix.replacement);
        });
    }
    obj.end();
    buf.push(b'\n');
}

/// JSON Lines: one object a finding, appended to `out` (see [`super::claims::json_lines`]).
pub fn json_lines(report: &FileReport, ledger: &Ledger, out: &mut Vec<u8>) {
    out.reserve(400 * report.findings.len().min(4096));
    let path = quoted(&report.doc.name);
    let mut positions = Positions::new(report.lines(), &report.doc.text);
    for f in &report.findings {
        finding_json(report, &path, &mut positions, ledger, f, out);
    }
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub Actions workflow commands (`::error file=…,line=…::message`), escaped as GitHub
/// documents: `%`, CR and LF in the message; also `:` and `,` in properties.
pub fn github(report: &FileReport, out: &mut dyn std::fmt::Write) {
    let lines = report.lines();
    for f in &report.findings {
        let p = position(lines, &report.doc.text, f);
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut msg = f.message.clone();
        if let Some(h) = &f.help {
            msg.push_str(&format!("\n{h}"));
        }
        let _ = writeln!(
            out,
            "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&report.doc.name),
            p.line,
            p.column,
            p.end_line,
            p.end_column,
            escape_property(&format!("figcheck {}", f.rule.id)),
            escape_data(&msg)
        );
    }
}

/// The SARIF results of one report.
pub fn sarif_results(report: &FileReport, ledger: &Ledger) -> Vec<Value> {
    let mut results = Vec::new();
    let lines = report.lines();
    let uri = report.doc.name.replace('\\', "/");
    for f in &report.findings {
        let p = position(lines, &report.doc.text, f);
        let rule_index = rules::ALL
            .iter()
            .position(|r| r.id == f.rule.id)
            .unwrap_or(0);
        let mut message = f.message.clone();
        if let Some(h) = &f.help {
            message.push_str(&format!(". {h}"));
        }
        let mut result = json!({
            "ruleId": f.rule.id,
            "ruleIndex": rule_index,
            "level": f.severity.as_str(),
            "message": {"text": message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {
                        "startLine": p.line,
                        "startColumn": p.column,
                        "endLine": p.end_line,
                        "endColumn": p.end_column,
                        "byteOffset": f.span.start,
                        "byteLength": f.span.len(),
                        "snippet": {"text": &report.doc.text[f.span.clone()]},
                    }
                }
            }],
        });
        if let Some(i) = f.figure {
            result["properties"] = json!({"figure": ledger.figures[i].id,
                "expected": f.expected.map(decimal_string)});
        }
        if let Some(fix) = &f.fix {
            result["fixes"] = json!([{
                "description": {"text": format!("write {}", fix.replacement)},
                "artifactChanges": [{
                    "artifactLocation": {"uri": uri},
                    "replacements": [{
                        "deletedRegion": {"byteOffset": fix.span.start, "byteLength": fix.span.len()},
                        "insertedContent": {"text": fix.replacement},
                    }]
                }]
            }]);
        }
        results.push(result);
    }
    results
}

/// A SARIF 2.1.0 log of a run's results.
pub fn sarif_log(results: Vec<Value>) -> Value {
    let rules: Vec<Value> = rules::ALL
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.summary},
                "help": {"text": r.doc(), "markdown": r.doc()},
                "defaultConfiguration": {"level": r.severity.as_str()},
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "figcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/figcheck/figcheck",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

/// "2 errors, 1 warning in 3 files".
pub fn summary(errors: usize, warnings: usize, files: usize) -> String {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    if errors == 0 && warnings == 0 {
        format!("No findings in {}.", plural(files, "file"))
    } else {
        format!(
            "{}, {} in {}.",
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(files, "file")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    // That it reads only its own lines is a matter of speed (5 min → 0.6 s on a 6 MB file with
    // 30,000 findings, README); what a test can hold it to is showing what miette shows.
    fn a_window_shows_what_miette_shows_from_the_whole_text() {
        let text: String = (1..=2000)
            .map(|i| format!("line {i} holds 4{i} %\n"))
            .collect();
        let at = text.find("line 1500 ").unwrap() + 5;
        let window = Window {
            name: "t.txt".into(),
            text: Arc::from(text.as_str()),
            lines: Arc::new(LineIndex::new(&text)),
            window: at - 5..at + 18,
        };
        let span = SourceSpan::from((at, 4));
        let got = window.read_span(&span, 1, 1).unwrap();
        // The same as miette reads from the whole text, clipped to the window.
        let full = text.as_bytes().read_span(&span, 1, 1).unwrap();
        assert_eq!(got.line(), full.line() + 1);
        assert_eq!(got.line(), 1499);
        assert_eq!(
            std::str::from_utf8(got.data()).unwrap(),
            "line 1500 holds 41500 %"
        );
    }
}
