//! The `figcheck` command: parses arguments, calls the library, prints what it returns.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

// figcheck allocates many small strings and vectors per file; mimalloc makes that measurably
// cheaper than the system allocator (see bench/run.sh).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use figcheck::app::{
    self, CheckFormat, CheckOptions, ExtractFormat, ExtractOptions, Output, Style,
};
use figcheck::rules::Severity;

#[derive(Parser)]
#[command(
    name = "figcheck",
    version,
    about = "Checks the figures of press releases against a reference ledger"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormatArg {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormatArg {
    Human,
    Concise,
    Json,
    Sarif,
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
}

/// Options shared by the commands that read texts.
#[derive(Args)]
struct Common {
    /// Language of the texts: fr, en, or auto (per file and paragraph).
    #[arg(long)]
    locale: Option<String>,
    /// Extra language pack (TOML); may be repeated.
    #[arg(long = "rules", value_name = "FILE")]
    rules: Vec<PathBuf>,
    /// The name under which stdin (`-`) is reported; its extension picks the format.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Files larger than this many bytes are skipped with a warning.
    #[arg(long, value_name = "BYTES", default_value_t = figcheck::input::DEFAULT_MAX_FILE_SIZE)]
    max_file_size: u64,
    /// When to colour diagnostics (NO_COLOR is honoured by auto).
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
}

#[derive(Subcommand)]
enum Command {
    /// Check the figures of files, folders or stdin (`-`) against the ledger.
    Check {
        /// Files or folders to check (folders are walked honouring .gitignore); `-` reads stdin.
        paths: Vec<String>,
        /// Ledger file; may be repeated. Default: from figcheck.toml, or the nearest figures.toml.
        #[arg(long, value_name = "FILE")]
        ledger: Vec<PathBuf>,
        /// Use this config file instead of the nearest figcheck.toml.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Ignore every figcheck.toml.
        #[arg(long)]
        isolated: bool,
        #[arg(long, value_enum, default_value = "human")]
        format: CheckFormatArg,
        /// Exit with 1 when a finding is at or above this severity.
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
        /// Rewrite mismatched figures in place.
        #[arg(long, conflicts_with = "diff")]
        fix: bool,
        /// Print the fixes as a unified diff; write nothing.
        #[arg(long)]
        diff: bool,
        /// Apply include/exclude globs even to files named on the command line.
        #[arg(long)]
        force_exclude: bool,
        /// Read paths to check from FILE, one a line (`-` for stdin).
        #[arg(long, value_name = "FILE")]
        file_list: Option<String>,
        /// Print the number of findings per rule.
        #[arg(long)]
        statistics: bool,
        /// Worker threads (default: one per core).
        #[arg(short = 'j', long = "threads", value_name = "N", default_value_t = 0)]
        threads: usize,
        /// Report only findings that are not in this baseline file.
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// Record today's findings in this baseline file.
        #[arg(long, value_name = "FILE")]
        write_baseline: Option<PathBuf>,
        /// Parse every ledger, never reading or writing the compiled-ledger cache.
        #[arg(long)]
        no_cache: bool,
        #[command(flatten)]
        common: Common,
    },
    /// List the numeric claims found in files, folders or stdin (`-`).
    Extract {
        /// Files or folders to read; `-` reads stdin.
        paths: Vec<String>,
        #[arg(long, value_enum, default_value = "human")]
        format: ExtractFormatArg,
        /// Worker threads (default: one per core).
        #[arg(short = 'j', long = "threads", value_name = "N", default_value_t = 0)]
        threads: usize,
        #[command(flatten)]
        common: Common,
    },
    /// Print a ledger skeleton (one figure per claim) from an approved release.
    Init {
        /// The approved release.
        file: String,
        #[arg(long, default_value = "auto")]
        locale: String,
        /// Extra language pack (TOML); may be repeated.
        #[arg(long = "rules", value_name = "FILE")]
        rules: Vec<PathBuf>,
    },
    /// List the rules, or explain one.
    Rules {
        /// The rule to explain.
        rule: Option<String>,
    },
}

fn style(color: ColorChoice) -> Style {
    let color = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100);
    Style { color, width }
}

fn emit(out: Output) -> ExitCode {
    let _ = std::io::stdout().lock().write_all(out.stdout.as_bytes());
    let _ = std::io::stderr().lock().write_all(out.stderr.as_bytes());
    ExitCode::from(out.code.clamp(0, 255) as u8)
}

/// `mi_option_purge_delay` in mimalloc 3's `mi_option_t` (libmimalloc-sys names no constant
/// for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// mimalloc keeps freed pages for a second before giving them back; over thousands of files
/// that doubles peak memory (1 GB in 10,000 files: 112 MB, 59 MB with 10 ms) for no measurable
/// speed (bench/run.sh). Unlike the arena's eager commit (see .cargo/config.toml), this option
/// is read at each purge, so setting it first thing in `main` takes effect.
fn tune_allocator() {
    // A value set in the environment wins.
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    // SAFETY: mi_option_set only stores an integer in mimalloc's option table; it is called
    // before any thread starts.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10) }
}

fn main() -> ExitCode {
    tune_allocator();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let stdout = std::io::stdout();
    // Output goes out in large writes: one system call per file was 25,000 of them on a
    // docs folder (a pipe to a pager or a CI log wakes its reader at each).
    let mut sink = std::io::BufWriter::with_capacity(256 * 1024, stdout.lock());
    let out = match cli.command {
        Command::Check {
            paths,
            ledger,
            config,
            isolated,
            format,
            fail_on,
            fix,
            diff,
            force_exclude,
            file_list,
            statistics,
            threads,
            baseline,
            write_baseline,
            no_cache,
            common,
        } => app::run_check(
            &CheckOptions {
                paths,
                ledgers: ledger,
                config,
                isolated,
                locale: common.locale,
                rules: common.rules,
                format: match format {
                    CheckFormatArg::Human => CheckFormat::Human,
                    CheckFormatArg::Concise => CheckFormat::Concise,
                    CheckFormatArg::Json => CheckFormat::Json,
                    CheckFormatArg::Sarif => CheckFormat::Sarif,
                    CheckFormatArg::Github => CheckFormat::Github,
                },
                fail_on: fail_on.map(|f| match f {
                    FailOn::Error => Severity::Error,
                    FailOn::Warning => Severity::Warning,
                }),
                fix,
                diff,
                stdin_filename: common.stdin_filename,
                force_exclude,
                file_list,
                statistics,
                max_file_size: common.max_file_size,
                style: style(common.color),
                threads,
                baseline,
                write_baseline,
                cache_dir: if no_cache {
                    None
                } else {
                    figcheck::ledger::cache::dir()
                },
                exiting: true,
            },
            &mut sink,
        ),
        Command::Extract {
            paths,
            format,
            threads,
            common,
        } => app::run_extract(
            &ExtractOptions {
                paths,
                locale: common.locale.unwrap_or_else(|| "auto".into()),
                rules: common.rules,
                format: match format {
                    ExtractFormatArg::Human => ExtractFormat::Human,
                    ExtractFormatArg::Json => ExtractFormat::Json,
                },
                stdin_filename: common.stdin_filename,
                max_file_size: common.max_file_size,
                style: style(common.color),
                threads,
            },
            &mut sink,
        ),
        Command::Rules { rule } => app::run_rules(rule.as_deref()),
        Command::Init {
            file,
            locale,
            rules,
        } => app::run_init(&file, &locale, &rules, style(ColorChoice::Auto)),
    };
    let _ = sink.flush();
    drop(sink);
    emit(out)
}
