//! Checking one document: segment, extract, link, apply the rules, honour suppressions.
//!
//! Everything here is per document, so files can be checked in any order or in parallel; only
//! `inconsistent`, which compares documents, runs afterwards over the reports in input order.

use std::sync::{Arc, OnceLock};

use crate::config::Config;
use crate::extract::{extract_sentences, Claim, Unreadable};
use crate::ledger::Ledger;
use crate::link::{link, Link, TermIndex};
use crate::pack::Packs;
use crate::rules::{self, inconsistent::Tracker, Context, Finding};
use crate::segment::{block_packs, segment, sentences_of, LocaleChoice};
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

/// The result of checking one document, or one window of it ([`Checker::check_windows`]).
#[derive(Debug)]
pub struct FileReport {
    pub doc: Document,
    /// The claims (of the window, when checked by windows), in text order.
    pub claims: Vec<Claim>,
    pub links: Vec<Link>,
    /// The sentences of the document (of the window, when checked by windows).
    pub sentences: Vec<crate::segment::Sentence>,
    pub findings: Vec<Finding>,
    pub unreadable: Vec<Unreadable>,
    suppressions: Vec<Suppression>,
    /// Built for the renderers on first use and kept across windows, since each costs a pass
    /// over (or a copy of) the whole text.
    lines: OnceLock<Arc<LineIndex>>,
    source: OnceLock<Arc<str>>,
}

impl FileReport {
    /// The document's line index.
    pub fn lines(&self) -> &Arc<LineIndex> {
        self.lines
            .get_or_init(|| Arc::new(LineIndex::new(&self.doc.text)))
    }

    /// Whether [`Checker::finish`] can leave this report as it is (but for sorting its
    /// findings): it has no suppression that could go unused and no claim consistent with a
    /// figure, which `inconsistent` follows from file to file. Such a report can be rendered
    /// before the reports of the files before it are finished.
    pub fn finished_already(&self) -> bool {
        self.suppressions.is_empty()
            && !self.links.iter().any(|l| {
                matches!(
                    l,
                    Link::Figure {
                        consistent: true,
                        ..
                    }
                )
            })
    }

    /// The document's text, shared with diagnostics that outlive the report.
    pub fn source(&self) -> &Arc<str> {
        self.source
            .get_or_init(|| Arc::from(self.doc.text.as_str()))
    }
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
        let mut report = self.prepare(doc, sentences);
        let all = 0..report.sentences.len();
        self.check_sentences(&mut report, all);
        report
    }

    /// A report of `doc` with its sentences and suppressions, nothing checked yet.
    fn prepare(&self, doc: Document, sentences: Vec<crate::segment::Sentence>) -> FileReport {
        let suppressions = suppress::read(&doc);
        FileReport {
            doc,
            claims: Vec::new(),
            links: Vec::new(),
            sentences,
            findings: Vec::new(),
            unreadable: Vec::new(),
            suppressions,
            lines: OnceLock::new(),
            source: OnceLock::new(),
        }
    }

    /// Puts the claims, links and findings of the sentences `range` in `report`, in place of
    /// what it held.
    fn check_sentences(&self, report: &mut FileReport, range: std::ops::Range<usize>) {
        let doc = &report.doc;
        let sentences = &report.sentences;
        let extraction = extract_sentences(doc, sentences, range, self.packs);
        // The sentences holding claims, once each (claims are in text order).
        let mut with_claims: Vec<usize> = extraction.claims.iter().map(|c| c.sentence).collect();
        with_claims.dedup();
        let hits = self.index.find(
            doc,
            crate::link::term_spans(doc, with_claims.iter().map(|&i| &sentences[i].span)),
        );
        let links = link(
            doc,
            &extraction.claims,
            sentences,
            &hits,
            self.index,
            self.ledger,
            self.packs,
        );
        let mut findings = Vec::new();
        {
            let ctx = self.context(doc, &extraction.claims);
            for (i, l) in links.iter().enumerate() {
                let found = rules::unit_mismatch::check(&ctx, i, l)
                    .or_else(|| rules::mismatch::check(&ctx, i, l))
                    .or_else(|| rules::unsourced::check(&ctx, i, l));
                if let Some(f) = found.and_then(|f| self.keep(f, &mut report.suppressions)) {
                    findings.push(f);
                }
            }
        }
        report.claims = extraction.claims;
        report.unreadable = extraction.unreadable;
        report.links = links;
        report.findings = findings;
    }

    /// Checks a long document a window of blocks (paragraphs, items) at a time, about
    /// `window_bytes` of text each, so that memory holds the text and one window's sentences,
    /// claims and findings, not the whole document's. Each block's language is decided first,
    /// over the whole text, as [`Checker::check`] does. `each` gets every window's report in
    /// text order (its `sentences` are the window's), finished as [`Checker::finish`] would:
    /// `inconsistent` through `tracker`, and unused suppressions with the last window, so in a
    /// file checked this way they come after its other findings.
    pub fn check_windows(
        &self,
        doc: Document,
        window_bytes: usize,
        tracker: &mut Tracker,
        mut each: impl FnMut(&mut FileReport),
    ) {
        let languages = block_packs(&doc, self.packs, self.choice, self.fallback);
        let mut windows = doc.block_windows(window_bytes);
        if windows.is_empty() {
            // No prose at all: one empty window still reports unused suppressions.
            windows.push(0..0);
        }
        let mut report = self.prepare(doc, Vec::new());
        let last = windows.len().saturating_sub(1);
        for (w, blocks) in windows.into_iter().enumerate() {
            report.sentences = sentences_of(&report.doc, self.packs, &languages, blocks);
            let all = 0..report.sentences.len();
            self.check_sentences(&mut report, all);
            self.finish_inconsistent(&mut report, tracker);
            report.findings.sort_by_key(|f| (f.span.start, f.span.end));
            if w == last {
                self.finish_suppressions(&mut report);
            }
            each(&mut report);
        }
    }

    /// Runs `inconsistent` over a report (reports are fed in input order), then reports unused
    /// suppressions; call once per report, after [`Checker::check`].
    pub fn finish(&self, report: &mut FileReport, tracker: &mut Tracker) {
        self.finish_inconsistent(report, tracker);
        self.finish_suppressions(report);
        report.findings.sort_by_key(|f| (f.span.start, f.span.end));
    }

    fn finish_inconsistent(&self, report: &mut FileReport, tracker: &mut Tracker) {
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
                let place = || {
                    let (line, col) = report
                        .lines()
                        .position(&report.doc.text, report.claims[i].span.start);
                    format!("{}:{line}:{col}", report.doc.name)
                };
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
    }

    fn finish_suppressions(&self, report: &mut FileReport) {
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Format;

    /// (rule, span, message) of every finding, windows joined.
    type Seen = Vec<(&'static str, std::ops::Range<usize>, String)>;

    fn seen(findings: &[Finding]) -> Seen {
        findings
            .iter()
            .map(|f| (f.rule.id, f.span.clone(), f.message.clone()))
            .collect()
    }

    /// What a checker borrows, owned by the test.
    struct Setup {
        packs: Packs,
        ledger: Ledger,
        index: TermIndex,
        config: Config,
    }

    impl Setup {
        fn new(ledger_text: &str) -> Setup {
            let packs = Packs::builtin().unwrap();
            let ledger = Ledger::parse("figures.toml", ledger_text, &packs).unwrap();
            let index = TermIndex::new(&ledger, &packs);
            Setup {
                packs,
                ledger,
                index,
                config: Config::default(),
            }
        }

        fn checker(&self) -> Checker<'_> {
            Checker {
                packs: &self.packs,
                ledger: &self.ledger,
                index: &self.index,
                choice: LocaleChoice::Auto,
                fallback: 0,
                config: &self.config,
            }
        }
    }

    #[test]
    fn a_report_is_finished_already_unless_finishing_could_add_to_it() {
        let setup = Setup::new("[figures.arrests]\nvalue = 140\nabout = [\"arrests\"]\n");
        let checker = setup.checker();
        let finished = |text: &str| {
            let doc = Document::new("t.md", text.to_string(), Format::Markdown);
            checker.check(doc).finished_already()
        };
        // Wrong or unsourced figures only: nothing for `inconsistent` to follow.
        assert!(finished("Police made 150 arrests and 12 visits.\n"));
        // A claim consistent with its figure: a later file may contradict it.
        assert!(!finished("Police made 140 arrests.\n"));
        // A suppression: it is reported unused only once `inconsistent` has had its say.
        assert!(!finished(
            "<!-- figcheck-ignore-next-line -->\nPolice made 150 arrests.\n"
        ));
    }

    #[test]
    fn checking_by_windows_finds_what_checking_whole_finds() {
        let setup = Setup::new(
            "[figures.budget]\nvalue = 31_400_000\nunit = \"EUR\"\nabout = [\"budget\"]\n\n\
             [figures.arrests]\nvalue = 140\ntolerance = \"10%\"\nabout = [\"arrestations\"]\n",
        );
        let checker = setup.checker();
        // Right and wrong figures, a figure stated two ways far apart (inconsistent across
        // windows), a used and an unused suppression, an English paragraph among French ones.
        let mut text = String::from("Le budget atteint 31,4 millions d'euros.\n\n");
        text.push_str("On compte 130 arrestations.\n\n");
        for i in 0..40 {
            text.push_str(&format!(
                "Au total, environ {} arrestations ont eu lieu dans la région numéro {i}.\n\n",
                140 + i % 3
            ));
        }
        text.push_str("On compte 150 arrestations.\n\n");
        text.push_str("The budget reached €31.5m last year, with some 12 new offices.\n\n");
        text.push_str("<!-- figcheck-ignore-next-line mismatch -->\nLe budget atteint 32 millions d'euros.\n\n");
        text.push_str("<!-- figcheck-ignore-next-line unsourced -->\nRien ici.\n\n");
        text.push_str("Le budget atteint 31 millions d'euros et 7 agences.\n");
        let doc = || Document::new("d.md", text.clone(), Format::Markdown);

        let mut whole = checker.check(doc());
        checker.finish(&mut whole, &mut Tracker::default());
        assert!(whole.findings.iter().any(|f| f.rule.id == "inconsistent"));
        assert!(whole
            .findings
            .iter()
            .any(|f| f.rule.id == "unused-suppression"));

        for window in [1, 200, 1000, 1 << 20] {
            let mut joined = Vec::new();
            let mut windows = 0;
            checker.check_windows(doc(), window, &mut Tracker::default(), |r| {
                windows += 1;
                joined.extend(seen(&r.findings));
            });
            let mut expected = seen(&whole.findings);
            // Unused suppressions come last when checked by windows.
            let (unused, mut rest): (Seen, Seen) = expected
                .drain(..)
                .partition(|f| f.0 == "unused-suppression");
            rest.extend(unused);
            assert_eq!(joined, rest, "window of {window} bytes ({windows} windows)");
            assert!(window > 1000 || windows > 1, "{window}: {windows}");
        }
    }
}
