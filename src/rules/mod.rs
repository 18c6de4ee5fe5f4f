//! The lint rules. Each rule lives in its own file; that file's `//!` documentation is what
//! `figcheck rules ID` prints (collected by `build.rs`).
//!
//! A rule turns a claim and its [`Link`](crate::link::Link) into at most one [`Finding`]; the
//! order of precedence is unit-mismatch, mismatch, unsourced, and inconsistent only for a claim
//! that has no other finding.

pub mod inconsistent;
pub mod mismatch;
pub mod unit_mismatch;
pub mod unsourced;
pub mod unused_suppression;

use std::borrow::Cow;
use std::ops::Range;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::extract::Claim;
use crate::ledger::{Figure, Ledger};
use crate::pack::Packs;
use crate::source::Document;
use crate::write::write_figure_range;

include!(concat!(env!("OUT_DIR"), "/rule_docs.rs"));

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A lint rule's identity.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    pub id: &'static str,
    /// The file in `src/rules/` that holds its code and documentation.
    pub file: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
}

impl Rule {
    /// The rule's documentation: what it does, why it matters, an example.
    pub fn doc(&self) -> &'static str {
        rule_doc(self.file)
    }
}

/// Every rule, in the order `figcheck rules` lists them.
pub const ALL: &[&Rule] = &[
    &mismatch::RULE,
    &unit_mismatch::RULE,
    &unsourced::RULE,
    &inconsistent::RULE,
    &unused_suppression::RULE,
];

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.id == id)
}

/// A replacement of the original text that fixes a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub span: Range<usize>,
    pub replacement: String,
}

/// A problem found in a document.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: &'static Rule,
    pub severity: Severity,
    /// The span reported: the claim's, or a comment's for `unused-suppression`.
    pub span: Range<usize>,
    /// Index of the claim in the document's claims.
    pub claim: Option<usize>,
    /// Index of the figure in the ledger.
    pub figure: Option<usize>,
    /// The term that linked the claim, and its label.
    pub term: Option<(Range<usize>, String)>,
    pub message: String,
    /// Label and help are often the same words for every finding of a rule: borrowed then, so
    /// that a file with hundreds of thousands of findings does not hold as many copies.
    pub claim_label: Cow<'static, str>,
    pub help: Option<Cow<'static, str>>,
    /// The value the ledger holds.
    pub expected: Option<Decimal>,
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding of `rule` on claim `idx`, at the rule's default severity, with no figure, term,
    /// help or fix: rules fill in what they have with struct update syntax.
    pub fn on_claim(
        rule: &'static Rule,
        claim: &Claim,
        idx: usize,
        message: String,
        claim_label: impl Into<Cow<'static, str>>,
    ) -> Finding {
        Finding {
            rule,
            severity: rule.severity,
            span: claim.span.clone(),
            claim: Some(idx),
            figure: None,
            term: None,
            message,
            claim_label: claim_label.into(),
            help: None,
            expected: None,
            fix: None,
        }
    }
}

/// `format!` for a finding's words: room for a usual message at once, where `format!` grows
/// its string from nothing (a few reallocations each; a docs folder has hundreds of thousands).
macro_rules! words {
    ($($arg:tt)*) => {{
        let mut s = String::with_capacity(96);
        let _ = std::fmt::Write::write_fmt(&mut s, format_args!($($arg)*));
        s
    }};
}
pub(crate) use words;

/// What a rule sees of one document.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub claims: &'a [Claim],
    pub ledger: &'a Ledger,
    pub packs: &'a Packs,
}

impl<'a> Context<'a> {
    /// The claim's text on one line (borrowed when it holds no line break).
    pub fn text(&self, claim: &Claim) -> Cow<'a, str> {
        let text = &self.doc.text[claim.span.clone()];
        if text.contains(['\n', '\r']) {
            Cow::Owned(text.replace(['\n', '\r'], " "))
        } else {
            Cow::Borrowed(text)
        }
    }

    /// A quoted piece of text, with the quotes of the claim's language (written where the
    /// message is formatted: no string of its own).
    pub fn quote<'s>(&self, claim: &Claim, s: &'s str) -> Quoted<'s>
    where
        'a: 's,
    {
        let pack = self.packs.get(claim.pack);
        Quoted(&pack.quotes.0, s, &pack.quotes.1)
    }

    /// The table header that states the claim's unit ("Revenue (£m)"), on one line, if it is
    /// one that does (see [`crate::extract::table`]).
    pub fn header(&self, claim: &Claim) -> Option<String> {
        let span = claim.unit_from.clone()?;
        Some(self.doc.text[span].trim().replace(['\n', '\r'], " "))
    }

    /// The figure's value written for the claim's reader, with its unit and source.
    pub fn ledger_says(&self, claim: &Claim, figure: &'a Figure) -> LedgerSays<'a> {
        LedgerSays {
            figure,
            pack: self.packs.get(claim.pack),
        }
    }
}

/// See [`Context::quote`].
pub struct Quoted<'s>(&'s str, &'s str, &'s str);

// Written piece by piece with `write_str`: `{}` of a `&str` goes through `Formatter::pad`,
// and a check with a big ledger writes some quotes in every finding.
impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)?;
        f.write_str(self.1)?;
        f.write_str(self.2)
    }
}

/// See [`Context::ledger_says`].
pub struct LedgerSays<'a> {
    figure: &'a Figure,
    pack: &'a crate::pack::LocalePack,
}

impl std::fmt::Display for LedgerSays<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let figure = self.figure;
        f.write_str("the ledger says ")?;
        f.write_str(&write_figure_range(
            figure.value,
            figure.high,
            &figure.unit,
            self.pack,
        ))?;
        if let Some(src) = &figure.source {
            f.write_str(" (source: ")?;
            f.write_str(src)?;
            f.write_str(")")?;
        }
        Ok(())
    }
}
