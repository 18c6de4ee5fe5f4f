//! `figcheck check`: finds each file's config and ledger, checks the files, reports, fixes.

use std::collections::HashMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use crate::app::ordered::Turn;
use crate::app::{fix, locale_choice, render, unknown_locale, Output, Style, WINDOW_BYTES};
use crate::baseline::{self, Baseline};
use crate::check::{Checker, FileReport};
use crate::config::{discover, normalize, Config, ConfigError};
use crate::input::{self, Input};
use crate::ledger::Ledger;
use crate::link::TermIndex;
use crate::report::findings;
use crate::rules::{inconsistent::Tracker, Severity};

/// `--format` of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFormat {
    Human,
    Concise,
    Json,
    Sarif,
    Github,
}

/// Options of `figcheck check`.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub paths: Vec<String>,
    pub ledgers: Vec<PathBuf>,
    pub config: Option<PathBuf>,
    pub isolated: bool,
    pub locale: Option<String>,
    pub rules: Vec<PathBuf>,
    pub format: CheckFormat,
    pub fail_on: Option<Severity>,
    pub fix: bool,
    pub diff: bool,
    pub stdin_filename: Option<String>,
    pub force_exclude: bool,
    pub file_list: Option<String>,
    pub statistics: bool,
    pub max_file_size: u64,
    pub style: Style,
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Report only findings not in this baseline.
    pub baseline: Option<PathBuf>,
    /// Record all findings in this baseline file.
    pub write_baseline: Option<PathBuf>,
    /// Where to keep compiled large ledgers (see [`crate::ledger::cache`]); `None`: parse each.
    pub cache_dir: Option<PathBuf>,
    /// The process exits when the run returns (the command line's case): the packs and the
    /// ledgers are left to it rather than freed a string at a time, which with 10,000 figures
    /// cost 8 ms, a sixth of checking one small file. A program that runs checks in a loop
    /// leaves it `false`.
    pub exiting: bool,
}

impl CheckOptions {
    /// Options with every default, for `paths`.
    pub fn new(paths: Vec<String>) -> CheckOptions {
        CheckOptions {
            paths,
            ledgers: Vec::new(),
            config: None,
            isolated: false,
            locale: None,
            rules: Vec::new(),
            format: CheckFormat::Human,
            fail_on: None,
            fix: false,
            diff: false,
            stdin_filename: None,
            force_exclude: false,
            file_list: None,
            statistics: false,
            max_file_size: input::DEFAULT_MAX_FILE_SIZE,
            style: Style::default(),
            threads: 0,
            baseline: None,
            write_baseline: None,
            cache_dir: None,
            exiting: false,
        }
    }
}

/// A set of ledger files and, when it loaded, the ledger and its term index.
type LoadedLedger = (Vec<PathBuf>, Option<(Ledger, TermIndex)>);

/// The config and ledger files that apply to one input.
#[derive(Debug, Clone)]
struct Setting {
    config: Config,
    ledger: Vec<PathBuf>,
}

/// A file to check: its input, the index of its ledger, and the checker that holds them.
type Job<'a> = (&'a Input, usize, Checker<'a>);

struct Run<'o> {
    opts: &'o CheckOptions,
    /// Findings go straight to this sink as each file is settled, so memory holds one file's
    /// output, not the run's.
    stdout: &'o mut dyn std::io::Write,
    out: Output,
    failed: bool,
    configs: HashMap<PathBuf, Result<Config, String>>,
}

impl Run<'_> {
    fn problem(&mut self, diag: &dyn miette::Diagnostic, is_error: bool) {
        self.failed |= is_error;
        self.out.stderr.push_str(&render(diag, self.opts.style));
    }

    fn load_config(&mut self, path: &Path) -> Option<Config> {
        let key = normalize(path);
        if !self.configs.contains_key(&key) {
            let loaded = Config::load(path).map_err(|e: ConfigError| render(&e, self.opts.style));
            if let Err(msg) = &loaded {
                self.failed = true;
                self.out.stderr.push_str(msg);
            }
            self.configs.insert(key.clone(), loaded);
        }
        self.configs
            .get(&key)
            .and_then(|c| c.as_ref().ok())
            .cloned()
    }

    /// The config and ledger of an input found in `dir`.
    fn setting_for(&mut self, dir: &Path) -> Option<Setting> {
        let opts = self.opts;
        let config = if let Some(c) = &opts.config {
            self.load_config(c)?
        } else if opts.isolated {
            Config::default()
        } else {
            match discover(dir, true) {
                Some((path, true)) => self.load_config(&path)?,
                Some((path, false)) => Config {
                    ledger: vec![path],
                    ..Config::default()
                },
                None => Config::default(),
            }
        };
        let ledger = if !opts.ledgers.is_empty() {
            opts.ledgers.clone()
        } else if !config.ledger.is_empty() {
            config.ledger.clone()
        } else {
            let from = config.path.as_deref().and_then(Path::parent).unwrap_or(dir);
            match discover(from, false) {
                Some((p, _)) => vec![p],
                None => Vec::new(),
            }
        };
        Some(Setting { config, ledger })
    }
}

fn input_dir(inp: &Input, opts: &CheckOptions) -> PathBuf {
    match inp {
        Input::File { path, .. } => path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        Input::Stdin { .. } => opts
            .stdin_filename
            .as_deref()
            .and_then(|n| Path::new(n).parent())
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
    }
}

/// Reads the paths of `--file-list` (one a line, `-` for stdin).
fn file_list(name: &str) -> std::io::Result<Vec<String>> {
    let text = if name == "-" {
        std::io::read_to_string(std::io::stdin())?
    } else {
        std::fs::read_to_string(name)?
    };
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect())
}

/// `figcheck check`: findings are written to `stdout` as they are ready; the returned
/// [`Output`] holds the diagnostics for stderr and the exit code.
pub fn run_check(opts: &CheckOptions, stdout: &mut dyn std::io::Write) -> Output {
    let mut run = Run {
        opts,
        stdout,
        out: Output::default(),
        failed: false,
        configs: HashMap::new(),
    };
    let mut paths = opts.paths.clone();
    if let Some(list) = &opts.file_list {
        match file_list(list) {
            Ok(p) => paths.extend(p),
            Err(e) => {
                run.problem(
                    miette::miette!(
                        code = "figcheck::input",
                        "cannot read the file list {list}: {e}"
                    )
                    .as_ref(),
                    true,
                );
            }
        }
    }
    if paths.is_empty() && opts.file_list.is_none() {
        paths.push(".".to_string());
    }
    // Ledgers named on the command line are read, with the packs named there, while the inputs
    // are walked (with 10,000 figures, reading the ledger is a few per cent of a docs folder's
    // check). Unless a config adds packs, that is the ledger the run needs; otherwise it is
    // dropped and read again with the run's packs.
    let prefetch = (!opts.ledgers.is_empty()).then(|| {
        let (rules, ledgers) = (opts.rules.clone(), opts.ledgers.clone());
        let cache = opts.cache_dir.clone();
        std::thread::spawn(move || {
            let packs = crate::app::load_packs(&rules).ok()?;
            let loaded = read_ledger(&ledgers, &packs, cache.as_deref());
            Some((packs, loaded))
        })
    });
    let (inputs, problems) = input::collect(&paths, opts.stdin_filename.as_deref());
    for p in &problems {
        run.problem(p, p.is_error());
    }

    // Settings per input, found once per folder and kept once (an index each input).
    let mut settings: Vec<Setting> = Vec::new();
    let mut by_dir: HashMap<PathBuf, Option<usize>> = HashMap::new();
    let mut planned: Vec<(Input, usize)> = Vec::new();
    for inp in inputs {
        let dir = input_dir(&inp, opts);
        let found = match by_dir.get(&dir) {
            Some(&s) => s,
            None => {
                let s = run.setting_for(&dir).map(|s| {
                    settings.push(s);
                    settings.len() - 1
                });
                by_dir.insert(dir, s);
                s
            }
        };
        let Some(si) = found else { continue };
        let config = &settings[si].config;
        let selected = match &inp {
            // With --force-exclude (pre-commit), a file named on the command line must also be
            // of a type figcheck reads: the hook is given every staged text file.
            Input::File { path, explicit } => {
                (*explicit && !opts.force_exclude)
                    || (config.selects(path) && (!*explicit || input::has_text_extension(path)))
            }
            Input::Stdin { name } => !opts.force_exclude || config.selects(Path::new(name)),
        };
        if selected {
            planned.push((inp, si));
        }
    }

    // The settings of the files to check, in the order of their first file.
    let mut used = vec![false; settings.len()];
    let in_use: Vec<&Setting> = planned
        .iter()
        .filter(|&&(_, si)| !std::mem::replace(&mut used[si], true))
        .map(|&(_, si)| &settings[si])
        .collect();

    // Language packs: built in, --rules, and the configs' extra packs.
    let mut pack_files = opts.rules.clone();
    for s in &in_use {
        for r in &s.config.rules {
            if !pack_files.contains(r) {
                pack_files.push(r.clone());
            }
        }
    }
    let prefetched = prefetch
        .and_then(|thread| thread.join().ok().flatten())
        .filter(|_| pack_files == opts.rules);
    let (packs, mut prefetched_ledger) = match prefetched {
        Some((packs, loaded)) => (packs, Some(loaded)),
        None => match crate::app::load_packs(&pack_files) {
            Ok(p) => (p, None),
            Err(e) => {
                run.problem(&e, true);
                run.out.code = 2;
                return run.out;
            }
        },
    };

    // Ledgers, one per distinct set of files.
    let mut ledgers: Vec<LoadedLedger> = Vec::new();
    let mut missing_ledger = false;
    for s in &in_use {
        if s.ledger.is_empty() {
            missing_ledger = true;
            continue;
        }
        if ledgers.iter().any(|(k, _)| *k == s.ledger) {
            continue;
        }
        let read = match prefetched_ledger.take() {
            Some(read) if s.ledger == opts.ledgers => read,
            _ => read_ledger(&s.ledger, &packs, opts.cache_dir.as_deref()),
        };
        let loaded = match read {
            Ok(loaded) => Some(loaded),
            Err(errors) => {
                for e in &errors {
                    run.problem(e, true);
                }
                None
            }
        };
        ledgers.push((s.ledger.clone(), loaded));
    }
    if missing_ledger {
        run.problem(
            miette::miette!(
                code = "figcheck::ledger",
                help = "put a figures.toml beside the texts (or in a parent folder), name one in figcheck.toml, or pass --ledger FILE",
                "no ledger found for some of the files to check"
            )
            .as_ref(),
            true,
        );
    }

    let empty = Config::default();
    // One job an input: its checker, ready to run on any thread.
    let mut jobs: Vec<Job<'_>> = Vec::new();
    for (inp, si) in &planned {
        let setting = &settings[*si];
        let Some(li) = ledgers.iter().position(|(k, _)| *k == setting.ledger) else {
            continue;
        };
        let Some((ledger, index)) = &ledgers[li].1 else {
            continue;
        };
        let locale = opts
            .locale
            .clone()
            .or_else(|| setting.config.locale.clone())
            .unwrap_or_else(|| "auto".into());
        let Some(choice) = locale_choice(&packs, &locale) else {
            let o = unknown_locale(&packs, &locale, opts.style);
            run.out.stderr.push_str(&o.stderr);
            run.failed = true;
            break;
        };
        let fallback = ledger
            .locale
            .as_deref()
            .and_then(|l| packs.find(l))
            .unwrap_or(0);
        let checker = Checker {
            packs: &packs,
            ledger,
            index,
            choice,
            fallback,
            config: if setting.config.path.is_some() {
                &setting.config
            } else {
                &empty
            },
        };
        jobs.push((inp, li, checker));
    }

    let fail_on = opts
        .fail_on
        .or_else(|| {
            planned
                .first()
                .and_then(|(_, s)| settings[*s].config.fail_on)
        })
        .unwrap_or(Severity::Error);
    let baseline = match &opts.baseline {
        Some(path) => match Baseline::load(path) {
            Ok(b) => Some(b),
            Err(msg) => {
                run.problem(
                    miette::miette!(
                        code = "figcheck::baseline",
                        help = "write one with --write-baseline FILE",
                        "{msg}"
                    )
                    .as_ref(),
                    true,
                );
                run.out.code = 2;
                return run.out;
            }
        },
        None => None,
    };
    let mut tally = Tally {
        opts,
        fail_on,
        baseline,
        recorded: Vec::new(),
        errors: 0,
        warnings: 0,
        failing: false,
        counts: Default::default(),
        sarif_results: Vec::new(),
    };
    let mut trackers: Vec<Tracker> = ledgers.iter().map(|_| Tracker::default()).collect();
    let mut files = 0;
    let render = |r: &FileReport, li: usize, out: &mut Vec<u8>| {
        let ledger = ledgers[li].1.as_ref().map(|(l, _)| l);
        match (opts.format, ledger) {
            (CheckFormat::Human, _) => {
                findings::human(r, opts.style, &mut crate::report::IoFmt::new(out))
            }
            (CheckFormat::Concise, _) => findings::concise(r, &mut crate::report::IoFmt::new(out)),
            (CheckFormat::Github, _) => findings::github(r, &mut crate::report::IoFmt::new(out)),
            (CheckFormat::Json, Some(l)) => findings::json_lines(r, l, out),
            _ => {}
        }
    };
    // Files are checked in parallel, then settled in input order on this thread (finished,
    // counted, rendered, written), so the output is the same whatever the threads (see
    // `ordered`). `inconsistent` compares a file with the files before it, so settling cannot
    // be parallel; it runs between this thread's own files.
    let baseline_in_use = opts.baseline.is_some();
    let mut text = Vec::new();
    let mut settle = |job: &Job<'_>, outcome: Outcome, run: &mut Run<'_>| {
        let (_, li, checker) = job;
        if let Some(diff) = outcome.stdout {
            let _ = run.stdout.write_all(diff.as_bytes());
        }
        for p in &outcome.problems {
            run.failed |= p.is_error;
            run.out.stderr.push_str(&p.text);
        }
        let ledger = ledgers[*li].1.as_ref().map(|(l, _)| l);
        match outcome.report {
            Some(Checked::Whole(mut report)) => {
                checker.finish(&mut report, &mut trackers[*li]);
                files += 1;
                tally.settle(&mut report, ledger);
                // Rendered by its worker already, unless settling changed its findings
                // (settling only adds findings, or a baseline takes some away).
                match outcome.rendered {
                    Some((n, bytes)) if n == report.findings.len() && !baseline_in_use => {
                        let _ = run.stdout.write_all(&bytes);
                    }
                    _ => {
                        text.clear();
                        render(&report, *li, &mut text);
                        let _ = run.stdout.write_all(&text);
                    }
                }
            }
            Some(Checked::Counted(found, bytes)) => {
                files += 1;
                tally.count(found);
                let _ = run.stdout.write_all(&bytes);
            }
            // A huge file: its windows stream straight to the output.
            Some(Checked::Windows(doc)) => {
                files += 1;
                let stdout = &mut *run.stdout;
                let stderr = &mut run.out.stderr;
                checker.check_windows(doc, WINDOW_BYTES, &mut trackers[*li], |report| {
                    if !report.unreadable.is_empty() {
                        stderr.push_str(&crate::app::unreadable_warnings(
                            &report.doc,
                            &report.unreadable,
                            opts.style,
                        ));
                    }
                    tally.settle(report, ledger);
                    text.clear();
                    render(report, *li, &mut text);
                    let _ = stdout.write_all(&text);
                });
            }
            None => {}
        }
    };
    // Whether settling a report can need more than its findings' rules and severities.
    let counted_only = !(opts.fix
        || opts.diff
        || baseline_in_use
        || opts.write_baseline.is_some()
        || opts.format == CheckFormat::Sarif);
    // A file checked ahead of its turn (with several threads) is also rendered where it is
    // checked, its findings in the order settling leaves them: settling (in input order, on
    // one thread) then writes the bytes out unless it added a finding, which is rare
    // (`inconsistent`, unused suppressions). Rendering was most of what settling did. A file
    // checked in its turn is rendered by settling right after. A result holds its text and
    // its rendered bytes until it is settled.
    let threads = crate::app::ordered::threads_for(opts.threads, jobs.len());
    let check = |job: &Job<'_>, turn: Turn| -> Option<(Outcome, u64)> {
        let (inp, li, checker) = job;
        let mut outcome = run_job(opts, inp, checker, turn)?;
        if turn == Turn::Ahead {
            if let Some(Checked::Whole(report)) = &mut outcome.report {
                report.findings.sort_by_key(|f| (f.span.start, f.span.end));
                // Sized for the findings' lines at once (JSON lines run to 300–500 bytes):
                // grown from nothing, it was copied a dozen times on the way.
                let mut bytes = Vec::with_capacity(report.findings.len() * 512);
                render(report, *li, &mut bytes);
                if counted_only && report.finished_already() {
                    let found = report.findings.iter().map(|f| (f.rule.id, f.severity));
                    outcome.report = Some(Checked::Counted(found.collect(), bytes));
                } else {
                    outcome.rendered = Some((report.findings.len(), bytes));
                }
            }
        }
        let held = match &outcome.report {
            Some(Checked::Whole(r)) => r.doc.text.len(),
            Some(Checked::Windows(doc)) => doc.text.len(),
            Some(Checked::Counted(_, bytes)) => bytes.len(),
            None => 0,
        } + outcome.rendered.as_ref().map_or(0, |(_, b)| b.len());
        Some((outcome, held as u64))
    };
    crate::app::ordered::run(&jobs, threads, check, |job, outcome| {
        settle(job, outcome, &mut run)
    });
    let Tally {
        recorded,
        errors,
        warnings,
        mut failing,
        counts,
        sarif_results,
        ..
    } = tally;
    if let Some(path) = &opts.write_baseline {
        match baseline::write(path, recorded) {
            Ok(n) => {
                let _ = writeln!(
                    run.out.stderr,
                    "wrote {n} findings to the baseline {}",
                    path.display()
                );
                // Recording is not gating: the findings are known from now on.
                failing = false;
            }
            Err(msg) => run.problem(
                miette::miette!(code = "figcheck::baseline", "{msg}").as_ref(),
                true,
            ),
        }
    }
    let mut tail = String::new();
    let out = &mut tail;
    match opts.format {
        // After an error that stopped everything (a broken ledger), no summary pretends all is well.
        CheckFormat::Human if files > 0 || !run.failed => {
            let _ = writeln!(out, "{}", findings::summary(errors, warnings, files));
        }
        CheckFormat::Sarif => {
            let log = findings::sarif_log(sarif_results);
            let _ = writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&log).unwrap_or_default()
            );
        }
        _ => {}
    }
    if opts.statistics {
        let target = if matches!(opts.format, CheckFormat::Human | CheckFormat::Concise) {
            &mut tail
        } else {
            &mut run.out.stderr
        };
        for (rule, (n, sev)) in counts {
            let _ = writeln!(target, "{n:>6}  {rule:<20} {}", sev.as_str());
        }
    }
    let _ = run.stdout.write_all(tail.as_bytes());
    let _ = run.stdout.flush();
    run.out.code = if run.failed {
        2
    } else if failing {
        1
    } else {
        0
    };
    if opts.exiting {
        drop(jobs);
        std::mem::forget(ledgers);
        std::mem::forget(packs);
    }
    run.out
}

/// A checked input: a whole report, or a huge text left to be checked window by window.
enum Checked {
    Whole(FileReport),
    /// A report rendered by its worker that settling cannot change (no claim consistent with
    /// a figure for `inconsistent` to follow, no suppression, no baseline, fix or SARIF): its
    /// findings' rules and severities, to be counted, and its rendered bytes. The report itself
    /// was dropped where it was made; sending it to the settling thread cost a tenth of
    /// `check -j2`.
    Counted(Vec<(&'static str, Severity)>, Vec<u8>),
    Windows(crate::source::Document),
}

/// What the run adds up over the reports, in input order.
struct Tally<'o> {
    opts: &'o CheckOptions,
    fail_on: Severity,
    baseline: Option<Baseline>,
    recorded: Vec<baseline::Entry>,
    errors: usize,
    warnings: usize,
    failing: bool,
    counts: std::collections::BTreeMap<&'static str, (usize, Severity)>,
    sarif_results: Vec<serde_json::Value>,
}

impl Tally<'_> {
    /// Counts findings by their rule and severity.
    fn count(&mut self, found: impl IntoIterator<Item = (&'static str, Severity)>) {
        for (rule, severity) in found {
            match severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
            }
            self.failing |= severity >= self.fail_on;
            self.counts.entry(rule).or_insert((0, severity)).0 += 1;
        }
    }

    /// Takes a finished report: drops the findings of the baseline, records them for
    /// `--write-baseline`, counts the rest (and keeps their SARIF results).
    fn settle(&mut self, report: &mut FileReport, ledger: Option<&Ledger>) {
        if self.opts.write_baseline.is_some() || self.baseline.is_some() {
            let entry = |f: &crate::rules::Finding| baseline::Entry {
                path: report.doc.name.clone(),
                rule: f.rule.id.to_string(),
                figure: f
                    .figure
                    .and_then(|i| ledger.map(|l| l.figures[i].id.clone())),
                text: report.doc.text[f.span.clone()].to_string(),
            };
            if self.opts.write_baseline.is_some() {
                self.recorded.extend(report.findings.iter().map(entry));
            }
            if let Some(b) = self.baseline.as_mut() {
                let kept: Vec<_> = std::mem::take(&mut report.findings)
                    .into_iter()
                    .filter(|f| !b.take(&entry(f)))
                    .collect();
                report.findings = kept;
            }
        }
        self.count(report.findings.iter().map(|f| (f.rule.id, f.severity)));
        if self.opts.format == CheckFormat::Sarif {
            if let Some(l) = ledger {
                self.sarif_results
                    .extend(findings::sarif_results(report, l));
            }
        }
    }
}

/// A problem met by a job, rendered on its thread.
struct Problem {
    text: String,
    is_error: bool,
}

/// What checking one input gives: its report (unless it could not be read), what it printed
/// (`--diff`, or fixed stdin), and its problems.
struct Outcome {
    report: Option<Checked>,
    /// A whole report rendered by the worker that checked it, with its number of findings then.
    rendered: Option<(usize, Vec<u8>)>,
    stdout: Option<String>,
    problems: Vec<Problem>,
}

/// The ledger of `paths`, with the index of its terms.
fn read_ledger(
    paths: &[PathBuf],
    packs: &crate::pack::Packs,
    cache: Option<&Path>,
) -> Result<(Ledger, TermIndex), Vec<crate::ledger::LedgerError>> {
    let ledger = Ledger::load_cached(paths, packs, cache)?;
    let index = TermIndex::new(&ledger, packs);
    Ok((ledger, index))
}

/// Reads and checks a file; ahead of its turn, `None` for a file to be checked window by
/// window, left unread for the settling thread to read in its turn (one such file at a time in
/// memory).
fn run_job(opts: &CheckOptions, inp: &Input, checker: &Checker<'_>, turn: Turn) -> Option<Outcome> {
    let mut outcome = Outcome {
        report: None,
        rendered: None,
        stdout: None,
        problems: Vec::new(),
    };
    let streams = !opts.fix && !opts.diff;
    let big = if turn == Turn::Ahead && streams {
        crate::report::STREAM_BYTES as u64
    } else {
        u64::MAX
    };
    let doc = match input::read_unless_big(inp, opts.max_file_size, big) {
        Ok(Some(d)) => d,
        Ok(None) => return None,
        Err(p) => {
            outcome.problems.push(Problem {
                text: render(&p, opts.style),
                is_error: p.is_error(),
            });
            return Some(outcome);
        }
    };
    if doc.text.len() >= crate::report::STREAM_BYTES && streams {
        outcome.report = Some(Checked::Windows(doc));
        return Some(outcome);
    }
    let mut report = checker.check(doc);
    if !report.unreadable.is_empty() {
        outcome.problems.push(Problem {
            text: crate::app::unreadable_warnings(&report.doc, &report.unreadable, opts.style),
            is_error: false,
        });
    }
    if opts.fix || opts.diff {
        report = fix_report(opts, inp, checker, report, &mut outcome);
    }
    outcome.report = Some(Checked::Whole(report));
    Some(outcome)
}

/// Applies (`--fix`) or shows (`--diff`) the fixes of a report; returns the report of the text
/// as it now stands.
fn fix_report(
    opts: &CheckOptions,
    inp: &Input,
    checker: &Checker<'_>,
    report: FileReport,
    outcome: &mut Outcome,
) -> FileReport {
    let fixes: Vec<_> = report
        .findings
        .iter()
        .filter_map(|f| f.fix.clone())
        .collect();
    if fixes.is_empty() {
        return report;
    }
    let (new_text, _) = fix::apply(&report.doc.text, &fixes);
    if opts.diff {
        outcome.stdout = Some(fix::unified_diff(
            &report.doc.name,
            &report.doc.text,
            &new_text,
        ));
        return report;
    }
    match inp {
        Input::File { path, .. } => {
            if let Err(e) = fix::write_atomic(path, &report.doc.text, &new_text) {
                outcome.problems.push(Problem {
                    text: render(&e, opts.style),
                    is_error: true,
                });
                return report;
            }
        }
        Input::Stdin { .. } => {
            // Fixed text of stdin goes to stdout, like formatters do.
            outcome.stdout = Some(new_text.clone());
        }
    }
    let doc = crate::source::Document::new(report.doc.name.clone(), new_text, report.doc.format);
    checker.check(doc)
}
