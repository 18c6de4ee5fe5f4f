//! Checking one document: segment, extract, link, apply the rules, honour suppressions.
//!
//! Everything here is per document, so files can be checked in any order or in parallel; only
//! `inconsistent`, which compares documents, runs afterwards over the reports in input order.

use crate::config::Config;
use crate::extract::{extract, Claim, Unreadable};
use crate::ledger::Ledger;
use crate::link::{link, Link, TermIndex};
use crate::pack::Packs;
use crate::rules::{self, inconsistent::Tracker, Context, Finding};
use crate::segment::{segment, LocaleChoice};
use crate::source::{Document, LineIndex};
use crate::suppress::{self, Suppression};

/// What a run checks against.
pub struct Checker<'a> {
    pub packs: &'a Packs,
    pub ledger: &'a Ledger,
    pub index: &'a TermIndex,
    pub choice: LocaleChoice,
    /// The pack used when nothing decides a text's language.
    pub fallback: usize,
    pub config: &'a Config,
}

/// The result of checking one document.
#[derive(Debug)]
pub struct FileReport {
    pub doc: Document,
    pub claims: Vec<Claim>,
    pub links: Vec<Link>,
    pub sentences: Vec<crate::segment::Sentence>,
    pub findings: Vec<Finding>,
    pub unreadable: Vec<Unreadable>,
    suppressions: Vec<Suppression>,
}

impl Checker<'_> {
    fn context<'c>(&'c self, doc: &'c Document, claims: &'c [Claim]) -> Context<'c> {
        Context {
            doc,
            claims,
            ledger: self.ledger,
            packs: self.packs,
        }
    }

    fn keep(&self, mut f: Finding, suppressions: &mut [Suppression]) -> Option<Finding> {
        let level = self.config.level(f.rule)?;
        f.severity = level;
        let mut suppressed = false;
        for s in suppressions.iter_mut() {
            suppressed |= s.covers(f.rule.id, &f.span);
        }
        (!suppressed).then_some(f)
    }

    /// Checks one document (all rules but `inconsistent`).
    pub fn check(&self, doc: Document) -> FileReport {
        let sentences = segment(&doc, self.packs, self.choice, self.fallback);
        let extraction = extract(&doc, &sentences, self.packs);
        // The sentences holding claims, once each (claims are in text order).
        let mut with_claims: Vec<usize> = extraction.claims.iter().map(|c| c.sentence).collect();
        with_claims.dedup();
        let hits = self
            .index
            .find(&doc, with_claims.iter().map(|&i| sentences[i].span.clone()));
        let links = link(
            &extraction.claims,
            &sentences,
            &hits,
            self.index,
            self.ledger,
        );
        let mut suppressions = suppress::read(&doc);
        let mut findings = Vec::new();
        {
            let ctx = self.context(&doc, &extraction.claims);
            for (i, l) in links.iter().enumerate() {
                let found = rules::unit_mismatch::check(&ctx, i, l)
                    .or_else(|| rules::mismatch::check(&ctx, i, l))
                    .or_else(|| rules::unsourced::check(&ctx, i, l));
                if let Some(f) = found.and_then(|f| self.keep(f, &mut suppressions)) {
                    findings.push(f);
                }
            }
        }
        FileReport {
            doc,
            claims: extraction.claims,
            links,
            sentences,
            findings,
            unreadable: extraction.unreadable,
            suppressions,
        }
    }

    /// Runs `inconsistent` over a report (reports are fed in input order), then reports unused
    /// suppressions; call once per report, after [`Checker::check`].
    pub fn finish(&self, report: &mut FileReport, tracker: &mut Tracker) {
        let lines = LineIndex::new(&report.doc.text);
        let mut extra = Vec::new();
        {
            let ctx = self.context(&report.doc, &report.claims);
            for (i, l) in report.links.iter().enumerate() {
                let Link::Figure {
                    figure,
                    consistent: true,
                    ..
                } = l
                else {
                    continue;
                };
                let claim = &report.claims[i];
                let (line, col) = lines.position(&report.doc.text, claim.span.start);
                let place = format!("{}:{line}:{col}", report.doc.name);
                if let Some(f) = tracker.check(&ctx, i, *figure, place) {
                    extra.push(f);
                }
            }
        }
        for f in extra {
            if let Some(f) = self.keep(f, &mut report.suppressions) {
                report.findings.push(f);
            }
        }
        if let Some(level) = self.config.level(&rules::unused_suppression::RULE) {
            for s in report.suppressions.iter().filter(|s| !s.used) {
                report.findings.push(Finding {
                    rule: &rules::unused_suppression::RULE,
                    severity: level,
                    span: s.span.clone(),
                    claim: None,
                    figure: None,
                    term: None,
                    message: "this suppression comment suppresses nothing".into(),
                    claim_label: "unused".into(),
                    help: Some("remove the comment".into()),
                    expected: None,
                    fix: None,
                });
            }
        }
        report.findings.sort_by_key(|f| (f.span.start, f.span.end));
    }
}
