//! Hostile input: each case gets a clear error or warning, never a panic or a hang, and the
//! other files are still checked.

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

fn figcheck(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("figcheck")
        .unwrap()
        .env("NO_COLOR", "1")
        // The compiled-ledger cache stays inside the test's folder.
        .env("FIGCHECK_CACHE_DIR", dir.join(".figcheck-cache"))
        .current_dir(dir)
        .args(args)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/figures.toml"),
        dir.path().join("figures.toml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("good.md"), "Environ 390 exercices.\n").unwrap();
    dir
}

/// The good file's one finding is always reported.
fn good_checked(o: &Output) {
    assert!(
        text(&o.stdout).contains("good.md:1:1: error[mismatch]"),
        "{}",
        text(&o.stdout)
    );
}

#[test]
fn invalid_utf8_is_an_error_naming_file_and_offset() {
    let d = repo();
    std::fs::write(d.path().join("latin1.md"), b"Caf\xe9 : 40 % des ventes.\n").unwrap();
    let o = figcheck(d.path(), &["check", "--format", "concise", "."]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("latin1.md is not valid UTF-8: invalid byte at offset 3"));
    assert!(text(&o.stderr).contains("save the file as UTF-8"));
    good_checked(&o);
}

#[test]
fn empty_files_and_ledgers_are_fine() {
    let d = repo();
    std::fs::write(d.path().join("empty.md"), "").unwrap();
    let o = figcheck(d.path(), &["check", "--format", "concise", "empty.md"]);
    assert_eq!((o.status.code(), text(&o.stdout)), (Some(0), String::new()));
    std::fs::write(d.path().join("empty.toml"), "").unwrap();
    let o = figcheck(
        d.path(),
        &[
            "check",
            "--ledger",
            "empty.toml",
            "--format",
            "concise",
            "good.md",
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stdout).contains("warning[unsourced]"));
}

#[test]
fn a_file_over_the_size_limit_is_skipped_with_a_warning() {
    let d = repo();
    let big = d.path().join("big.md");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(200 * 1024 * 1024).unwrap();
    let o = figcheck(d.path(), &["check", "--format", "concise", "."]);
    assert_eq!(o.status.code(), Some(1), "a warning does not fail the run");
    assert!(text(&o.stderr)
        .contains("big.md is 209715200 bytes, over the limit of 52428800 bytes; skipped"));
    good_checked(&o);
}

#[test]
fn one_ten_megabyte_line_finishes() {
    let d = repo();
    let line =
        "le taux atteint 41 % selon le rapport de la commission ".repeat(10 * 1024 * 1024 / 56);
    std::fs::write(d.path().join("long.md"), format!("{line}\n")).unwrap();
    let o = figcheck(d.path(), &["check", "--format", "concise", "long.md"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stdout).lines().count() > 100_000);
}

#[test]
fn line_endings_bom_and_nul() {
    let d = repo();
    // CRLF, lone CR and a BOM: spans index the bytes as read.
    let crlf = "\u{feff}Titre\r\n\r\nEnviron 390 exercices.\r\n";
    std::fs::write(d.path().join("crlf.md"), crlf).unwrap();
    let o = figcheck(d.path(), &["check", "--format", "json", "crlf.md"]);
    let v: serde_json::Value =
        serde_json::from_str(text(&o.stdout).lines().next().unwrap()).unwrap();
    let (s, e) = (
        v["start"].as_u64().unwrap() as usize,
        v["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&crlf[s..e], "Environ 390");
    assert_eq!(v["line"], 3);
    std::fs::write(d.path().join("cr.txt"), "Titre\rEnviron 390 exercices.\r").unwrap();
    let o = figcheck(d.path(), &["check", "--format", "concise", "cr.txt"]);
    assert_eq!(o.status.code(), Some(1));
    // --fix keeps the BOM and the CRLF.
    let o = figcheck(d.path(), &["check", "--fix", "crlf.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    assert_eq!(
        std::fs::read_to_string(d.path().join("crlf.md")).unwrap(),
        "\u{feff}Titre\r\n\r\nEnviron 320 exercices.\r\n"
    );
    // A NUL byte in the head marks a binary file, skipped with a warning.
    std::fs::write(d.path().join("nul.md"), b"Environ 390\0 exercices.\n").unwrap();
    let o = figcheck(d.path(), &["check", "--format", "concise", "."]);
    assert!(text(&o.stderr).contains("nul.md looks like a binary file; skipped"));
    good_checked(&o);
}

#[test]
fn deep_trees_and_symlink_loops() {
    let d = repo();
    let mut deep = d.path().to_path_buf();
    for i in 0..60 {
        deep = deep.join(format!("d{i}"));
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("deep.md"), "Environ 390 exercices.\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(d.path(), d.path().join("d0").join("loop")).unwrap();
    let o = figcheck(d.path(), &["check", "--format", "concise", "."]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("deep.md:1:1: error[mismatch]"));
    #[cfg(unix)]
    assert!(text(&o.stderr).contains("loop"), "{}", text(&o.stderr));
    good_checked(&o);
}

#[test]
fn missing_and_unreadable_paths() {
    let d = repo();
    let o = figcheck(
        d.path(),
        &["check", "--format", "concise", "nope.md", "good.md"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("nope.md: no such file or directory"));
    good_checked(&o);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = d.path().join("locked.md");
        std::fs::write(&locked, "Environ 390 exercices.\n").unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        // Root reads any file; the case is only meaningful for other users.
        if std::fs::read(&locked).is_err() {
            let o = figcheck(
                d.path(),
                &["check", "--format", "concise", "locked.md", "good.md"],
            );
            assert_eq!(o.status.code(), Some(2));
            assert!(text(&o.stderr).contains("cannot read locked.md"));
            good_checked(&o);
        }
    }
}

#[test]
fn hostile_ledgers_are_diagnostics() {
    let d = repo();
    let deep = format!(
        "[figures.a]\nabout = [\"x\"]\nvalue = {}{}\n",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let huge_int =
        "[figures.a]\nabout = [\"x\"]\nvalue = 1234567890123456789012345678901234567890\n";
    let inf = "[figures.a]\nabout = [\"x\"]\nvalue = 1e400\n";
    let nested = "[figures.a.b.c.d.e]\nvalue = 1\n";
    for (name, ledger) in [
        ("deep", deep.as_str()),
        ("int", huge_int),
        ("inf", inf),
        ("nested", nested),
    ] {
        std::fs::write(d.path().join("bad.toml"), ledger).unwrap();
        let o = figcheck(d.path(), &["check", "--ledger", "bad.toml", "good.md"]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert!(
            text(&o.stderr).contains("figcheck::ledger"),
            "{name}: {}",
            text(&o.stderr)
        );
    }
}

#[test]
fn a_ledger_of_many_figures_loads() {
    let d = repo();
    let mut ledger = String::new();
    for i in 0..20_000 {
        ledger.push_str(&format!(
            "[figures.f{i}]\nvalue = {i}\nabout = [\"programme P{i}\"]\n"
        ));
    }
    ledger.push_str("[figures.exercices]\nvalue = 317\nabout = [\"exercices\"]\n");
    std::fs::write(d.path().join("many.toml"), ledger).unwrap();
    let args = [
        "check",
        "--ledger",
        "many.toml",
        "--format",
        "concise",
        "good.md",
    ];
    let cache = d.path().join(".figcheck-cache");
    let entries = || std::fs::read_dir(&cache).map_or(0, |d| d.count());
    // --no-cache writes nothing; the first cached run compiles, the second reads it back, and
    // all three say the same.
    let mut with_no_cache = args.to_vec();
    with_no_cache.push("--no-cache");
    let plain = figcheck(d.path(), &with_no_cache);
    assert_eq!(entries(), 0);
    let first = figcheck(d.path(), &args);
    assert_eq!(entries(), 1);
    let second = figcheck(d.path(), &args);
    for o in [&plain, &first, &second] {
        assert_eq!(o.status.code(), Some(1));
        good_checked(o);
        assert_eq!(o.stdout, plain.stdout);
    }
}

#[test]
fn numbers_beyond_exact_arithmetic_are_reported_not_rounded() {
    let d = repo();
    std::fs::write(
        d.path().join("huge.md"),
        format!("Un total de {} euros.\n", "9".repeat(400)),
    )
    .unwrap();
    let o = figcheck(d.path(), &["check", "--format", "concise", "huge.md"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stderr).contains("too long"), "{}", text(&o.stderr));
}

#[test]
fn no_unwrap_or_expect_on_outside_data_in_src() {
    // Library and binary code outside test modules never unwraps.
    let mut offenders = Vec::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.file_name().is_some_and(|n| n == "tests.rs") {
                continue;
            }
            let code = std::fs::read_to_string(&path).unwrap();
            let body = code.split("#[cfg(test)]").next().unwrap_or("");
            for (n, line) in body.lines().enumerate() {
                if line.contains(".unwrap()") || line.contains(".expect(") {
                    offenders.push(format!("{}:{}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(offenders.is_empty(), "unwrap/expect in src: {offenders:?}");
}

#[test]
fn a_crash_between_write_and_rename_leaves_the_draft_intact() {
    let d = repo();
    let draft = d.path().join("draft.md");
    let original = "# Brouillon\r\n\r\nEnviron 390 exercices.\r\n";
    std::fs::write(&draft, original).unwrap();
    let o = Command::cargo_bin("figcheck")
        .unwrap()
        .current_dir(d.path())
        .env("FIGCHECK_FAULT_BEFORE_RENAME", "1")
        .args(["check", "--fix", "draft.md"])
        .output()
        .unwrap();
    assert!(!o.status.success(), "the process was killed");
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), original);
    // Without the fault the fix lands, and keeps the file's permissions.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&draft, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let o = figcheck(d.path(), &["check", "--fix", "draft.md"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&draft).unwrap(),
        original.replace("390", "320")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&draft).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
}

/// A file over 4 MB is rendered straight to the output (not into a string first): every finding
/// and claim is still there, whole and in order, in the same run as the small files.
#[test]
fn a_huge_file_streams_every_result_in_order() {
    let d = repo();
    let n = 5 * 1024 * 1024 / 24;
    std::fs::write(
        d.path().join("huge.md"),
        "Environ 390 exercices.\n\n".repeat(n),
    )
    .unwrap();
    for (cmd, args) in [
        (
            "check",
            vec!["check", "--format", "json", "huge.md", "good.md"],
        ),
        (
            "extract",
            vec!["extract", "--format", "json", "huge.md", "good.md"],
        ),
    ] {
        let o = figcheck(d.path(), &args);
        let out = text(&o.stdout);
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{cmd}: {e}: {l}")))
            .collect();
        assert_eq!(lines.len(), n + 1, "{cmd}");
        for (i, v) in lines[..n].iter().enumerate() {
            assert_eq!(v["path"], "huge.md", "{cmd}");
            assert_eq!(v["line"], 2 * i as u64 + 1, "{cmd}");
        }
        assert_eq!(lines[n]["path"], "good.md", "{cmd}");
    }
}
