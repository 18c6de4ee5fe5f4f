//! Suppression comments: `<!-- figcheck-ignore-next-line [RULE…] -->`,
//! `<!-- figcheck-disable [RULE…] -->` … `<!-- figcheck-enable [RULE…] -->`, and
//! `<!-- figcheck-disable-file [RULE…] -->`; in plain text the same words after `figcheck:` on a
//! line of their own. Without rule ids a comment applies to every rule. A comment that suppresses
//! nothing is reported as `unused-suppression`.

use std::ops::Range;

use crate::source::{Document, LineIndex};

#[derive(Debug, Clone, PartialEq, Eq)]
enum Scope {
    /// Byte range the suppression covers.
    Range(Range<usize>),
    File,
}

/// One suppression read from a comment.
#[derive(Debug, Clone)]
pub struct Suppression {
    /// The comment itself.
    pub span: Range<usize>,
    /// Rule ids; empty means all rules.
    pub rules: Vec<String>,
    scope: Scope,
    pub used: bool,
}

impl Suppression {
    /// True (and marks it used) when it covers a finding of `rule` at `span`.
    pub fn covers(&mut self, rule: &str, span: &Range<usize>) -> bool {
        let rule_ok = self.rules.is_empty() || self.rules.iter().any(|r| r == rule);
        let place_ok = match &self.scope {
            Scope::File => true,
            Scope::Range(r) => r.start <= span.start && span.start < r.end,
        };
        if rule_ok && place_ok {
            self.used = true;
        }
        rule_ok && place_ok
    }
}

/// Reads the suppressions of a document.
pub fn read(doc: &Document) -> Vec<Suppression> {
    if doc.comments.is_empty() {
        return Vec::new();
    }
    let lines = LineIndex::new(&doc.text);
    let mut out = Vec::new();
    let mut open: Vec<(usize, Vec<String>, Range<usize>)> = Vec::new();
    for c in &doc.comments {
        let mut words = c.body.split_whitespace();
        let Some(directive) = words.next() else {
            continue;
        };
        let rules: Vec<String> = words.map(str::to_string).collect();
        match directive {
            "figcheck-ignore-next-line" => {
                let (line, _) = lines.position(&doc.text, c.span.end);
                let mut next = line + 1;
                while next <= lines.line_count()
                    && doc.text[lines.line_range(&doc.text, next)]
                        .trim()
                        .is_empty()
                {
                    next += 1;
                }
                let range = if next <= lines.line_count() {
                    lines.line_range(&doc.text, next)
                } else {
                    doc.text.len()..doc.text.len()
                };
                out.push(Suppression {
                    span: c.span.clone(),
                    rules,
                    scope: Scope::Range(range),
                    used: false,
                });
            }
            "figcheck-disable" => open.push((c.span.end, rules, c.span.clone())),
            "figcheck-enable" => {
                // Closes the latest disable with the same rules, or all of them without rules.
                let mut keep = Vec::new();
                for (start, r, span) in open.drain(..) {
                    if rules.is_empty() || r == rules {
                        out.push(Suppression {
                            span,
                            rules: r,
                            scope: Scope::Range(start..c.span.start),
                            used: false,
                        });
                    } else {
                        keep.push((start, r, span));
                    }
                }
                open = keep;
            }
            "figcheck-disable-file" => out.push(Suppression {
                span: c.span.clone(),
                rules,
                scope: Scope::File,
                used: false,
            }),
            _ => {}
        }
    }
    for (start, rules, span) in open {
        out.push(Suppression {
            span,
            rules,
            scope: Scope::Range(start..doc.text.len()),
            used: false,
        });
    }
    out
}
