//! The commands, as library functions: each takes its options and returns what to print and the
//! exit code; `main.rs` only parses arguments and prints.

mod check;
pub mod fix;
pub(crate) mod ordered;

use std::fmt::Write;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

use crate::app::ordered::Turn;
use crate::extract::extract;
use crate::input;
use crate::pack::Packs;
use crate::report;
use crate::segment::{segment, LocaleChoice};

pub use check::{run_check, CheckFormat, CheckOptions};

/// What a command prints, and its exit code.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

/// `--format` of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtractFormat {
    Human,
    Json,
}

/// How diagnostics are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            color: false,
            width: 100,
        }
    }
}

/// Options of `figcheck extract`.
#[derive(Debug, Clone)]
pub struct ExtractOptions {
    pub paths: Vec<String>,
    pub locale: String,
    pub rules: Vec<std::path::PathBuf>,
    pub format: ExtractFormat,
    pub stdin_filename: Option<String>,
    pub max_file_size: u64,
    pub style: Style,
    /// Worker threads; 0 means one per core.
    pub threads: usize,
}

/// Renders a diagnostic as miette draws it, with the given style.
pub fn render(diag: &dyn Diagnostic, style: Style) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(style.width);
    let mut out = String::new();
    if handler.render_report(&mut out, diag).is_err() {
        let _ = writeln!(out, "{diag}");
    }
    out
}

/// Warnings for numbers too long for exact arithmetic: reported, never rounded.
pub fn unreadable_warnings(
    doc: &crate::source::Document,
    unreadable: &[crate::extract::Unreadable],
    style: Style,
) -> String {
    let mut out = String::new();
    for u in unreadable {
        let digits = u.span.len();
        let diag = miette::MietteDiagnostic::new(format!(
            "{}: a number of {digits} digits is too long to read exactly; it is not checked",
            doc.name
        ))
        .with_code("figcheck::number")
        .with_severity(miette::Severity::Warning)
        .with_label(miette::LabeledSpan::at(u.span.clone(), "this number"))
        .with_help("write it with a scale word (\"3,2 milliards\") or check it by hand");
        let report = miette::Report::new(diag)
            .with_source_code(miette::NamedSource::new(&doc.name, doc.text.clone()));
        out.push_str(&render(report.as_ref(), style));
    }
    out
}

/// Loads the built-in packs plus `--rules` files.
pub fn load_packs(extra: &[std::path::PathBuf]) -> Result<Packs, crate::pack::PackError> {
    let mut packs = Packs::builtin()?;
    for path in extra {
        packs.add_file(path)?;
    }
    Ok(packs)
}

/// Parses `--locale`: `auto` or a pack's code.
pub fn locale_choice(packs: &Packs, locale: &str) -> Option<LocaleChoice> {
    if locale.eq_ignore_ascii_case("auto") {
        Some(LocaleChoice::Auto)
    } else {
        packs.find(locale).map(LocaleChoice::Fixed)
    }
}

pub(crate) fn unknown_locale(packs: &Packs, locale: &str, style: Style) -> Output {
    let known: Vec<_> = packs.packs.iter().map(|p| p.id.as_str()).collect();
    Output {
        stderr: render(
            miette::miette!(
                code = "figcheck::usage",
                help = format!("use auto or one of: {}", known.join(", ")),
                "no language pack for locale `{locale}`"
            )
            .as_ref(),
            style,
        ),
        code: 2,
        ..Output::default()
    }
}

/// A file's output: rendered, or (for a huge file) its text, to read window by window straight
/// to the output.
enum Rendered {
    Text(Vec<u8>),
    /// A huge file, read whole in its turn: extracted window by window as it is printed.
    Later(Box<crate::source::Document>),
}

/// Files from this size are read a window of about this much text at a time (see
/// [`crate::extract::extract_windows`], [`crate::check::Checker::check_windows`]).
pub(crate) const WINDOW_BYTES: usize = 1 << 20;

/// `figcheck extract`: lists the claims of each input to `stdout`, file by file; the returned
/// [`Output`] holds the diagnostics for stderr and the exit code.
pub fn run_extract(opts: &ExtractOptions, stdout: &mut dyn std::io::Write) -> Output {
    let mut out = Output::default();
    let packs = match load_packs(&opts.rules) {
        Ok(p) => p,
        Err(e) => {
            out.stderr = render(&e, opts.style);
            out.code = 2;
            return out;
        }
    };
    let Some(choice) = locale_choice(&packs, &opts.locale) else {
        return unknown_locale(&packs, &opts.locale, opts.style);
    };
    let paths = if opts.paths.is_empty() {
        vec!["-".to_string()]
    } else {
        opts.paths.clone()
    };
    let (inputs, problems) = input::collect(&paths, opts.stdin_filename.as_deref());
    let mut failed = false;
    for p in &problems {
        failed |= p.is_error();
        out.stderr.push_str(&render(p, opts.style));
    }
    let write_claims = |doc: &crate::source::Document,
                        claims: &[crate::extract::Claim],
                        text: &mut Vec<u8>| {
        let lines = crate::source::LineIndex::new(&doc.text);
        match opts.format {
            ExtractFormat::Json => report::claims::json_lines(doc, &lines, claims, &packs, text),
            ExtractFormat::Human => {
                report::claims::table(doc, &lines, claims, &mut report::IoFmt::new(text))
            }
        }
    };
    // Files are read and extracted in parallel and printed in input order (see `ordered`):
    // small files render into bytes; a huge one is left to its turn, read by the printing
    // thread, then extracted window by window, straight to the output.
    let work = |inp: &input::Input, turn: Turn| -> Option<((Rendered, String, bool), u64)> {
        let big = match turn {
            Turn::Ahead => report::STREAM_BYTES as u64,
            Turn::Now => u64::MAX,
        };
        Some(match input::read_unless_big(inp, opts.max_file_size, big) {
            Ok(None) => return None,
            Ok(Some(doc)) if doc.text.len() >= report::STREAM_BYTES => {
                let held = doc.text.len() as u64;
                ((Rendered::Later(Box::new(doc)), String::new(), false), held)
            }
            Ok(Some(doc)) => {
                let sentences = segment(&doc, &packs, choice, 0);
                let found = extract(&doc, &sentences, &packs);
                let warnings = unreadable_warnings(&doc, &found.unreadable, opts.style);
                let mut text = Vec::new();
                write_claims(&doc, &found.claims, &mut text);
                let held = text.len() as u64;
                ((Rendered::Text(text), warnings, false), held)
            }
            Err(p) => (
                (
                    Rendered::Text(Vec::new()),
                    render(&p, opts.style),
                    p.is_error(),
                ),
                0,
            ),
        })
    };
    let threads = ordered::threads_for(opts.threads, inputs.len());
    ordered::run(&inputs, threads, work, |_, (rendered, err, is_error)| {
        match rendered {
            Rendered::Text(text) => {
                let _ = stdout.write_all(&text);
            }
            Rendered::Later(doc) => {
                extract_huge(&doc, &packs, choice, opts, &mut *stdout, &mut out.stderr);
            }
        }
        out.stderr.push_str(&err);
        failed |= is_error;
    });
    out.code = if failed { 2 } else { 0 };
    out
}

/// `figcheck extract` of a huge file: window by window, straight to `stdout`.
fn extract_huge(
    doc: &crate::source::Document,
    packs: &Packs,
    choice: LocaleChoice,
    opts: &ExtractOptions,
    stdout: &mut dyn std::io::Write,
    stderr: &mut String,
) {
    let lines = crate::source::LineIndex::new(&doc.text);
    let mut json = Vec::new();
    let mut out = report::IoFmt::new(stdout);
    let mut any = false;
    crate::extract::extract_windows(doc, packs, choice, 0, WINDOW_BYTES, |_, found| {
        stderr.push_str(&unreadable_warnings(doc, &found.unreadable, opts.style));
        match opts.format {
            ExtractFormat::Json => {
                json.clear();
                report::claims::json_lines(doc, &lines, &found.claims, packs, &mut json);
                let _ = out.write_bytes(&json);
            }
            ExtractFormat::Human => {
                if !any && !found.claims.is_empty() {
                    let _ = writeln!(out, "{}", doc.name);
                }
                report::claims::table_rows(doc, &lines, &found.claims, &mut out);
            }
        }
        any |= !found.claims.is_empty();
    });
    if !any && opts.format == ExtractFormat::Human {
        let _ = writeln!(out, "{}: no claims", doc.name);
    }
}

/// `figcheck init FILE`: prints a ledger skeleton for the claims of a release.
pub fn run_init(path: &str, locale: &str, rules: &[std::path::PathBuf], style: Style) -> Output {
    let mut out = Output::default();
    let packs = match load_packs(rules) {
        Ok(p) => p,
        Err(e) => {
            out.stderr = render(&e, style);
            out.code = 2;
            return out;
        }
    };
    let Some(choice) = locale_choice(&packs, locale) else {
        return unknown_locale(&packs, locale, style);
    };
    let (inputs, problems) = input::collect(&[path.to_string()], None);
    if let Some(p) = problems.first() {
        out.stderr = render(p, style);
        out.code = 2;
        return out;
    }
    let Some(inp) = inputs.first() else {
        out.code = 2;
        return out;
    };
    match input::read(inp, input::DEFAULT_MAX_FILE_SIZE) {
        Ok(doc) => {
            let sentences = segment(&doc, &packs, choice, 0);
            let found = extract(&doc, &sentences, &packs);
            out.stdout = crate::init::skeleton(&doc, &sentences, &found.claims, &packs);
        }
        Err(p) => {
            out.stderr = render(&p, style);
            out.code = 2;
        }
    }
    out
}

/// `figcheck rules [RULE]`: the list of rules, or one rule's documentation.
pub fn run_rules(rule: Option<&str>) -> Output {
    let mut out = Output::default();
    match rule {
        None => {
            for r in crate::rules::ALL {
                let _ = writeln!(
                    out.stdout,
                    "{:<20} {:<8} {}",
                    r.id,
                    r.severity.as_str(),
                    r.summary
                );
            }
        }
        Some(id) => match crate::rules::find(id) {
            Some(r) => {
                let _ = writeln!(out.stdout, "{}", r.doc());
            }
            None => {
                let ids: Vec<_> = crate::rules::ALL.iter().map(|r| r.id).collect();
                out.stderr = render(
                    miette::miette!(
                        code = "figcheck::usage",
                        help = format!("rules: {}", ids.join(", ")),
                        "no rule `{id}`"
                    )
                    .as_ref(),
                    Style::default(),
                );
                out.code = 2;
            }
        },
    }
    out
}
