//! The `figcheck` command: parses arguments, calls the library, prints what it returns.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use figcheck::app::{self, ExtractFormat, ExtractOptions, Output, Style};

#[derive(Parser)]
#[command(name = "figcheck", version, about = "Checks the figures of press releases against a reference ledger")]
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

#[derive(Subcommand)]
enum Command {
    /// List the numeric claims found in files, folders or stdin (`-`).
    Extract {
        /// Files or folders to read; `-` reads stdin.
        paths: Vec<String>,
        /// Language of the texts: fr, en, or auto (per file and paragraph).
        #[arg(long, default_value = "auto")]
        locale: String,
        /// Extra language pack (TOML); may be repeated.
        #[arg(long = "rules", value_name = "FILE")]
        rules: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "human")]
        format: ExtractFormatArg,
        /// The name under which stdin is reported (its extension picks the format).
        #[arg(long, value_name = "NAME")]
        stdin_filename: Option<String>,
        /// Files larger than this many bytes are skipped with a warning.
        #[arg(long, default_value_t = figcheck::input::DEFAULT_MAX_FILE_SIZE)]
        max_file_size: u64,
        #[arg(long, value_enum, default_value = "auto")]
        color: ColorChoice,
    },
}

fn style(color: ColorChoice) -> Style {
    let color = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
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
    ExitCode::from(out.code as u8)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = match cli.command {
        Command::Extract {
            paths,
            locale,
            rules,
            format,
            stdin_filename,
            max_file_size,
            color,
        } => app::run_extract(&ExtractOptions {
            paths,
            locale,
            rules,
            format: match format {
                ExtractFormatArg::Human => ExtractFormat::Human,
                ExtractFormatArg::Json => ExtractFormat::Json,
            },
            stdin_filename,
            max_file_size,
            style: style(color),
        }),
    };
    emit(out)
}
