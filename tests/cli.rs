//! Snapshot and behaviour tests of the real `figcheck` binary.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

fn figcheck() -> Command {
    let mut cmd = Command::cargo_bin("figcheck").unwrap();
    cmd.env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env(
            "FIGCHECK_CACHE_DIR",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/figcheck-cache"),
        )
        .env_remove("CLICOLOR_FORCE");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn run(args: &[&str]) -> Output {
    figcheck().args(args).output().unwrap()
}

/// [`run`] in the folder `dir`.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    figcheck().current_dir(dir).args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Writes `files` (name, text) into a fresh folder and runs `figcheck check ARGS` there.
fn check_in(files: &[(&str, &str)], args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let mut all = vec!["check"];
    all.extend(args);
    run_in(dir.path(), &all)
}

/// [`check_in`] with `--format concise` on `name`, holding `text`, and `ledger` as the
/// folder's `figures.toml`.
fn concise_in(name: &str, text: &str, ledger: &str) -> Output {
    check_in(
        &[(name, text), ("figures.toml", ledger)],
        &["--format", "concise", name],
    )
}

/// `draft` as d.md checked against `ledger` in the concise format, warnings failing the run too
/// (the drafts of each session's `what_session_…_reads_right` test).
fn strict_concise_in(draft: &str, ledger: &str) -> Output {
    check_in(
        &[("d.md", draft), ("figures.toml", ledger)],
        &["--format", "concise", "--fail-on", "warning", "d.md"],
    )
}

/// [`check_in`] with `--format json` on `checked`: the output and its JSON lines.
fn check_json(files: &[(&str, &str)], checked: &[&str]) -> (Output, Vec<Value>) {
    let mut args = vec!["--format", "json"];
    args.extend(checked);
    let o = check_in(files, &args);
    let found = json_lines(&o);
    (o, found)
}

fn seed() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    files
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
}

#[test]
fn seed_release_extracts_exactly_its_six_claims() {
    let Some(seed) = seed() else {
        eprintln!("../shared/seeds is not here; skipping");
        return;
    };
    let o = run(&["extract", "--format", "json", seed.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let got: Vec<(String, String, String, String, String)> = json_lines(&o)
        .iter()
        .map(|c| {
            (
                c["text"].as_str().unwrap().to_string(),
                c["kind"].as_str().unwrap().to_string(),
                c["value"].as_str().unwrap().to_string(),
                c["unit"].as_str().unwrap().to_string(),
                c["qualifier"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("41 %", "percent", "41", "%", "exact"),
        ("plus de 60 %", "percent", "60", "%", "above"),
        ("environ 140", "count", "140", "count", "approx"),
        ("quelque 1 100", "count", "1100", "count", "approx"),
        (
            "31,4 millions d'euros",
            "amount",
            "31400000",
            "EUR",
            "exact",
        ),
        ("six", "count", "6", "count", "exact"),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|w| (w.0.into(), w.1.into(), w.2.into(), w.3.into(), w.4.into()))
        .collect();
    assert_eq!(got, want);
    // Byte offsets index the file as read.
    let text = std::fs::read_to_string(&seed).unwrap();
    for c in json_lines(&o) {
        let (s, e) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], c["text"].as_str().unwrap());
        assert_eq!(c["locale"], "fr");
    }
}

#[test]
fn seed_release_checks_clean_and_its_wrong_copy_gives_three_findings() {
    let Some(seed) = seed() else {
        eprintln!("../shared/seeds is not here; skipping");
        return;
    };
    let ledger = "tests/fixtures/seed/figures.toml";
    let o = run(&["check", "--ledger", ledger, seed.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("No findings in 1 file."));

    let text = std::fs::read_to_string(&seed).unwrap();
    let wrong = text
        .replace("de 41 % en 2019", "de 14 % en 2019")
        .replace("environ 140 arrestations", "environ 190 arrestations")
        .replace("31,4 millions d'euros", "31,4 millions de livres");
    assert_ne!(wrong, text);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wrong.txt");
    std::fs::write(&path, wrong).unwrap();
    let o = run(&[
        "check",
        "--ledger",
        ledger,
        "--format",
        "json",
        path.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let findings: Vec<(String, String, String, String)> = json_lines(&o)
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().into(),
                f["text"].as_str().unwrap().into(),
                f["figure"].as_str().unwrap().into(),
                f["expected"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        findings,
        vec![
            (
                "mismatch".into(),
                "14 %".into(),
                "taux-reussite-2019".into(),
                "41".into()
            ),
            (
                "mismatch".into(),
                "environ 190".into(),
                "uro-arrestations".into(),
                "140".into()
            ),
            (
                "unit-mismatch".into(),
                "31,4 millions de livres".into(),
                "investissement-uk".into(),
                "31400000".into()
            ),
        ]
    );
}

#[test]
fn extract_examples_human_and_json() {
    let o = run(&[
        "extract",
        "examples/communique-inondations.md",
        "examples/flood-release-en.md",
    ]);
    assert_eq!(o.status.code(), Some(0));
    insta::assert_snapshot!("extract_examples_human", stdout(&o));
    let o = run(&[
        "extract",
        "--format",
        "json",
        "examples/flood-release-en.md",
    ]);
    insta::assert_snapshot!("extract_example_json", stdout(&o));
}

#[test]
fn check_examples_shows_the_drafts_error() {
    let o = run(&["check", "examples/"]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("check_examples_human", stdout(&o));
    let o = run(&[
        "check",
        "examples/communique-inondations.md",
        "examples/flood-release-en.md",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn check_formats() {
    let draft = "examples/drafts/brouillon-communique.md";
    for format in ["concise", "json", "github"] {
        let o = run(&["check", "--format", format, draft]);
        assert_eq!(o.status.code(), Some(1));
        insta::assert_snapshot!(format!("check_format_{format}"), stdout(&o));
    }
}

#[test]
fn every_rule_fires_and_suppressions_work() {
    let o = run(&["check", "tests/fixtures/rules/text.md"]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("check_rules_human", stdout(&o));
    let o = run(&["check", "--format", "json", "tests/fixtures/rules/text.md"]);
    let rules: Vec<_> = json_lines(&o)
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        rules,
        [
            "mismatch",
            "unit-mismatch",
            "unsourced",
            "unused-suppression"
        ]
    );
}

#[test]
fn inconsistent_across_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("figures.toml"),
        "[figures.arrests]\nvalue = 145\ntolerance = \"5%\"\nabout = [\"arrests\"]\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.md"), "The unit made 140 arrests.\n").unwrap();
    std::fs::write(dir.path().join("b.md"), "The unit made 150 arrests.\n").unwrap();
    let o = run_in(
        dir.path(),
        &["check", "--format", "concise", "a.md", "b.md"],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "a warning does not fail by default"
    );
    insta::assert_snapshot!("check_inconsistent", stdout(&o));
    let o = run_in(
        dir.path(),
        &["check", "--fail-on", "warning", "a.md", "b.md"],
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn each_ledger_error_is_a_diagnostic_with_exit_2() {
    let mut all = String::new();
    for name in [
        "unknown-key",
        "missing-value",
        "missing-about",
        "empty-terms",
        "unknown-unit",
        "bad-value",
        "bad-tolerance",
        "twins",
        "syntax",
    ] {
        let ledger = format!("tests/fixtures/ledgers/{name}.toml");
        let o = run(&["check", "--ledger", &ledger, "examples/flood-release-en.md"]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert!(
            stdout(&o).is_empty() || !stdout(&o).contains("error"),
            "{name}"
        );
        all.push_str(&format!("=== {name}\n{}\n", stderr(&o)));
    }
    insta::assert_snapshot!("ledger_errors", all);
}

#[test]
fn exit_codes() {
    // 0: nothing at or above error; 1: findings; 2: usage and input errors.
    let unrelated = "tests/fixtures/ledgers/unrelated.toml";
    let o = run(&[
        "check",
        "--ledger",
        unrelated,
        "examples/flood-release-en.md",
    ]);
    assert_eq!(o.status.code(), Some(0), "unsourced warnings only");
    let o = run(&[
        "check",
        "--fail-on",
        "warning",
        "--ledger",
        unrelated,
        "examples/flood-release-en.md",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(run(&["check", "no/such/file.md"]).status.code(), Some(2));
    assert_eq!(
        run(&["check", "--locale", "xx", "examples/"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["check", "--format", "xml", "examples/"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["rules", "nope"]).status.code(), Some(2));
}

#[test]
fn rules_command_prints_each_rules_doc() {
    let o = run(&["rules"]);
    insta::assert_snapshot!("rules_list", stdout(&o));
    let o = run(&["rules", "mismatch"]);
    assert_eq!(o.status.code(), Some(0));
    let doc = std::fs::read_to_string("src/rules/mismatch.rs").unwrap();
    let first = doc.lines().nth(2).unwrap().trim_start_matches("//! ");
    assert!(stdout(&o).contains(first));
}

#[test]
fn fix_rewrites_only_the_wrong_figures_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("examples/figures.toml", dir.path().join("figures.toml")).unwrap();
    let original = "# Brouillon\r\n\r\nLes équipes ont mené environ 390 exercices.\r\nLe Royaume-Uni a versé une contribution de 12,6 millions d'euros au fonds commun.\r\n";
    let path = dir.path().join("d.md");
    std::fs::write(&path, original).unwrap();
    let o = run_in(dir.path(), &["check", "--diff", "d.md"]);
    insta::assert_snapshot!("fix_diff", stdout(&o).replace('\r', "␍"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        original,
        "--diff writes nothing"
    );
    let o = run_in(dir.path(), &["check", "--fix", "d.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        fixed,
        original
            .replace("environ 390", "environ 320")
            .replace("12,6 millions", "12,5 millions")
    );
    let o = run_in(dir.path(), &["check", "--fix", "d.md"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        fixed,
        "a second --fix changes nothing"
    );
}

#[test]
fn stdin_with_a_file_name() {
    let o = figcheck()
        .args([
            "check",
            "--ledger",
            "examples/figures.toml",
            "--stdin-filename",
            "draft.md",
            "--format",
            "concise",
            "-",
        ])
        .write_stdin("Les équipes ont mené environ 390 exercices.\n")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).starts_with("draft.md:1:22: error[mismatch]"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn bad_inputs_are_reported_and_the_other_files_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("examples/figures.toml", dir.path().join("figures.toml")).unwrap();
    std::fs::write(dir.path().join("bad.md"), b"Les \xff 390 exercices.\n").unwrap();
    std::fs::write(dir.path().join("image.md"), b"PNG\0\0\x01binary").unwrap();
    std::fs::write(dir.path().join("good.md"), "Environ 390 exercices.\n").unwrap();
    let o = run_in(dir.path(), &["check", "--format", "concise", "."]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stdout(&o).contains("good.md:1:1: error[mismatch]"),
        "{}",
        stdout(&o)
    );
    let err = stderr(&o);
    assert!(
        err.contains("bad.md is not valid UTF-8: invalid byte at offset 4"),
        "{err}"
    );
    assert!(
        err.contains("image.md looks like a binary file; skipped"),
        "{err}"
    );
}

#[test]
fn a_pack_a_config_adds_is_used_with_a_ledger_named_on_the_command_line() {
    // The ledger named by --ledger is read early with the packs named on the command line;
    // a config that adds a pack makes the run read it again with that pack, which reads
    // "rund 140 Festnahmen" as German ("rund" hedges it, "Festnahmen" names the figure).
    let pack = std::fs::read_to_string("tests/fixtures/packs/de.toml").unwrap();
    let files = [
        ("de.toml", pack.as_str()),
        ("figcheck.toml", "rules = [\"de.toml\"]\nlocale = \"de\"\n"),
        (
            "zahlen.toml",
            "[figures.festnahmen]\nvalue = 150\nabout = [\"Festnahmen\"]\n",
        ),
        (
            "bericht.md",
            "Die Einheit hat rund 140 Festnahmen gemeldet.\n",
        ),
    ];
    let o = check_in(
        &files,
        &["--ledger", "zahlen.toml", "--format", "json", "bericht.md"],
    );
    let found: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(found.len(), 1, "{}{}", stdout(&o), stderr(&o));
    assert_eq!(found[0]["text"], "rund 140");
    assert_eq!(found[0]["claim"]["qualifier"], "approx");
    assert_eq!(found[0]["figure"], "festnahmen");
}

#[test]
fn a_third_language_is_one_file() {
    let o = figcheck()
        .args(["extract", "--rules", "tests/fixtures/packs/de.toml", "--locale", "de", "--format", "json", "-"])
        .write_stdin("Die Einheit hat rund 140 Festnahmen und mehr als 60 % Erfolg, dazu 31,4 Millionen Euro und zwanzig Boote.\n")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let got: Vec<_> = json_lines(&o)
        .iter()
        .map(|c| {
            format!(
                "{} {} {} {}",
                c["text"], c["value"], c["unit"], c["qualifier"]
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            r#""rund 140" "140" "count" "approx""#,
            r#""mehr als 60 %" "60" "%" "above""#,
            r#""31,4 Millionen Euro" "31400000" "EUR" "exact""#,
            r#""zwanzig" "20" "count" "exact""#,
        ]
    );
}

#[test]
fn init_then_check_gives_no_finding_on_every_example() {
    let mut files: Vec<String> = ["examples", "tests/eval"]
        .iter()
        .flat_map(|d| {
            std::fs::read_dir(d)
                .unwrap()
                .filter_map(Result::ok)
                .map(|e| e.path())
        })
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
        .map(|p| p.to_str().unwrap().to_string())
        .collect();
    files.extend(seed().map(|p| p.to_str().unwrap().to_string()));
    files.sort();
    let dir = tempfile::tempdir().unwrap();
    for file in files {
        let o = run(&["init", &file]);
        assert_eq!(o.status.code(), Some(0), "{file}: {}", stderr(&o));
        let ledger = dir.path().join("skeleton.toml");
        std::fs::write(&ledger, stdout(&o)).unwrap();
        let o = run(&[
            "check",
            "--format",
            "concise",
            "--ledger",
            ledger.to_str().unwrap(),
            &file,
        ]);
        assert_eq!(stdout(&o), "", "{file}: init then check must be clean");
        assert_eq!(o.status.code(), Some(0), "{file}");
    }
    let o = run(&["init", "examples/communique-inondations.md"]);
    insta::assert_snapshot!("init_example", stdout(&o));
}

#[test]
fn baseline_reports_only_new_findings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("examples/figures.toml", dir.path().join("figures.toml")).unwrap();
    let draft = dir.path().join("draft.md");
    std::fs::write(&draft, "Les équipes ont mené environ 390 exercices.\n").unwrap();
    let fc = |args: &[&str]| run_in(dir.path(), args);
    let o = fc(&["check", "--write-baseline", "baseline.json", "."]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("wrote 1 findings"));
    let o = fc(&[
        "check",
        "--baseline",
        "baseline.json",
        "--format",
        "concise",
        ".",
    ]);
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), String::new()));
    // Lines move, the known finding stays known; a new one is reported.
    std::fs::write(
        &draft,
        "# Titre\n\nLes équipes ont mené environ 390 exercices.\n\nElles ont formé quelque 9 000 agents.\n",
    )
    .unwrap();
    let o = fc(&[
        "check",
        "--baseline",
        "baseline.json",
        "--format",
        "concise",
        ".",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("quelque 9 000"), "{out}");
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let o = run(&["check", "--format", "sarif", "examples/"]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    // Typed by serde-sarif, whose types are generated from the SARIF 2.1.0 schema.
    let log: serde_sarif::sarif::Sarif = serde_json::from_str(&text).expect("valid SARIF");
    assert_eq!(log.version.to_string().trim_matches('"'), "2.1.0");
    let run0 = &log.runs[0];
    let rules = run0.tool.driver.rules.as_ref().unwrap();
    assert!(rules.iter().any(|r| r.id == "mismatch" && r.help.is_some()));
    let results = run0.results.as_ref().unwrap();
    assert_eq!(results.len(), 1);
    let v: Value = serde_json::from_str(&text).unwrap();
    let result = &v["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "mismatch");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(3), Some(30))
    );
    assert!(region["byteOffset"].as_u64().is_some());
    assert_eq!(
        result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "320"
    );
}

#[test]
fn a_docs_repo_reports_exactly_its_one_wrong_figure_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("ledger")).unwrap();
    std::fs::create_dir_all(d.join("releases/drafts")).unwrap();
    std::fs::create_dir_all(d.join("build")).unwrap();
    std::fs::create_dir_all(d.join(".hidden")).unwrap();
    std::fs::copy("examples/figures.toml", d.join("ledger/figures.toml")).unwrap();
    std::fs::write(
        d.join("figcheck.toml"),
        "ledger = \"ledger/figures.toml\"\nexclude = [\"releases/drafts/**\"]\n[severity]\nunsourced = \"off\"\n",
    )
    .unwrap();
    std::fs::write(d.join(".gitignore"), "build/\n").unwrap();
    let wrong = "Les équipes mobiles ont mené environ 390 exercices.\n";
    std::fs::write(d.join("releases/a.md"), wrong).unwrap();
    std::fs::write(
        d.join("releases/b.md"),
        "Les équipes mobiles ont mené environ 320 exercices.\n",
    )
    .unwrap();
    std::fs::write(d.join("releases/drafts/c.md"), wrong).unwrap();
    std::fs::write(d.join("build/d.md"), wrong).unwrap();
    std::fs::write(d.join(".hidden/e.md"), wrong).unwrap();
    let fc = |args: &[&str]| figcheck().current_dir(d).args(args).output().unwrap();
    let concise = fc(&["check", "--format", "concise", "."]);
    assert_eq!(concise.status.code(), Some(1));
    assert_eq!(stdout(&concise).lines().count(), 1, "{}", stdout(&concise));
    assert!(
        stdout(&concise).starts_with("releases/a.md:1:30: error[mismatch]"),
        "{}",
        stdout(&concise)
    );
    assert_eq!(
        json_lines(&fc(&["check", "--format", "json", "."])).len(),
        1
    );
    let github = stdout(&fc(&["check", "--format", "github", "."]));
    assert_eq!(github.lines().count(), 1);
    assert!(
        github.starts_with("::error file=releases/a.md,line=1,col=30,"),
        "{github}"
    );
    let sarif: Value =
        serde_json::from_str(&stdout(&fc(&["check", "--format", "sarif", "."]))).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 1);
    let human = stdout(&fc(&["check", "."]));
    assert_eq!(human.matches("figcheck::mismatch").count(), 1);
    assert!(human.contains("1 error, 0 warnings in 2 files."), "{human}");
    // pre-commit names the excluded draft: --force-exclude keeps it out.
    let o = fc(&[
        "check",
        "--force-exclude",
        "releases/drafts/c.md",
        "ledger/figures.toml",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(
        fc(&["check", "releases/drafts/c.md"]).status.code(),
        Some(1)
    );
    // --file-list reads the paths from a file.
    std::fs::write(d.join("list.txt"), "releases/a.md\nreleases/b.md\n").unwrap();
    let o = fc(&["check", "--format", "concise", "--file-list", "list.txt"]);
    assert_eq!(stdout(&o).lines().count(), 1);
    // Output does not depend on the number of threads.
    assert_eq!(
        stdout(&fc(&["check", "-j1", "--format", "json", "."])),
        stdout(&fc(&["check", "-j2", "--format", "json", "."]))
    );
}

#[test]
fn plain_text_suppressions() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("examples/figures.toml", dir.path().join("figures.toml")).unwrap();
    std::fs::write(
        dir.path().join("d.txt"),
        "figcheck: ignore-next-line mismatch\nEnviron 390 exercices.\n\nfigcheck: disable-file unsourced\nQuelque 12 visites.\n\nfigcheck: ignore-next-line\nEnviron 317 exercices.\n",
    )
    .unwrap();
    let o = run_in(dir.path(), &["check", "--format", "concise", "d.txt"]);
    assert_eq!(
        stdout(&o),
        "d.txt:7:1: warning[unused-suppression] this suppression comment suppresses nothing (remove the comment)\n"
    );
}

#[test]
fn unit_mismatch_help_swaps_a_symbol_or_code_but_not_a_name() {
    let (_, found) = check_json(
        &[
            (
                "um.md",
                "Le budget atteint 31,4 M£.\n\nLe budget atteint GBP 31,4 millions.\n\nLe budget atteint 31,4 millions de livres.\n",
            ),
            (
                "figures.toml",
                "[figures.budget]\nvalue = 31_400_000\nunit = \"EUR\"\nabout = [\"budget\"]\n",
            ),
        ],
        &["um.md"],
    );
    let helps: Vec<String> = found.iter().map(|f| f["help"].to_string()).collect();
    assert_eq!(helps.len(), 3, "{helps:?}");
    assert!(
        helps[0].contains("write «\u{a0}31,4 M€\u{a0}»"),
        "{}",
        helps[0]
    );
    assert!(
        helps[1].contains("write «\u{a0}EUR 31,4 millions\u{a0}»"),
        "{}",
        helps[1]
    );
    assert!(helps[2].contains("check the unit"), "{}", helps[2]);
    // In English too, the plain symbol ("£", not the pack's "UK£").
    let o = concise_in(
        "um.md",
        "The grant of €54m was paid.\n",
        "[figures.grant]\nvalue = 54_000_000\nunit = \"GBP\"\nabout = [\"grant\"]\n",
    );
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("write “£54m”"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    // Beside two figures of the other currency, the one whose digits the claim states; where
    // the digits differ too, no currency to swap in.
    let o = concise_in(
        "um.md",
        "Investment in the fleet reached €640 million, of which £95m was spent on access.\n\n\
         The fleet budget is €64m.\n",
        "[figures.fleet]\nvalue = 640_000_000\nunit = \"GBP\"\nabout = [\"fleet\"]\n\n\
         [figures.access]\nvalue = 95_000_000\nunit = \"GBP\"\nabout = [\"fleet\"]\n\
         when = [\"access\"]\n",
    );
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "um.md:1:33: error[unit-mismatch] “€640 million” is in EUR, but `fleet` is in GBP (the ledger says 640,000,000 GBP: if its currency is right, write “£640 million”)\n\
         um.md:3:21: error[unit-mismatch] “€64m” is in EUR, but `fleet` is in GBP (the ledger says 640,000,000 GBP: check the unit and the number)\n"
    );
}

#[test]
fn percent_for_points_is_a_slip_of_the_unit_even_beside_another_percentage() {
    // "0.5 per cent" states the digits of the 0.5-point figure: a unit slip, not a wrong
    // statement of the 28 % fall that shares its term. Where no figure has its digits, it is
    // held against the nearest figure of its own unit, as before. The help writes the claim in
    // the figure's unit where the slip is % for points or points for % (the unit as the pack
    // writes it, agreeing with the number; not basis points, which are hundredths; the figure
    // itself with no zeros the ledger does not write: "28 per cent" for 0.7), and says
    // where the unit is written otherwise: after the number for "pounds", before it for "£"
    // (where no symbol of the figure's currency can be swapped in).
    let ledger = "[figures.fall]\nvalue = 28\nunit = \"%\"\nabout = [\"forecast\"]\n\n\
                  [figures.gap]\nvalue = 0.5\nunit = \"pp\"\nabout = [\"forecast\"]\n\n\
                  [figures.aid]\nvalue = 31_400_000\nunit = \"EUR\"\nabout = [\"aid\"]\n\n\
                  [figures.loan]\nvalue = 12\nunit = \"IRR\"\nabout = [\"loan\"]\n\n\
                  [figures.rate]\nvalue = 4.5\nunit = \"%\"\nabout = [\"rate\"]\n\n\
                  [figures.growth]\nvalue = 1\nunit = \"pp\"\nabout = [\"growth\"]\n";
    let o = concise_in(
        "pp.md",
        "Inflation was 0.5 per cent below the forecast.\n\n\
                 Inflation was 0.7 per cent below the forecast.\n\n\
                 The aid reached 31.4 million pounds.\n\n\
                 The loan is £12.\n\n\
                 The rate rose to 4.5 percentage points.\n\n\
                 The rate was cut by 45 bp.\n\n\
                 Growth slowed by 1%.\n",
        ledger,
    );
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "pp.md:1:15: error[unit-mismatch] “0.5 per cent” is in %, but `gap` is in pp (the ledger says 0.5 percentage points: if its unit is right, write “0.5 percentage points”)\n\
         pp.md:3:15: error[mismatch] “0.7 per cent” does not match `fall` (the ledger says 28%: write “28 per cent”)\n\
         pp.md:5:17: error[unit-mismatch] “31.4 million pounds” is in GBP, but `aid` is in EUR (the ledger says 31,400,000 EUR: check the unit after the number)\n\
         pp.md:7:13: error[unit-mismatch] “£12” is in GBP, but `loan` is in IRR (the ledger says 12 IRR: check the unit before the number)\n\
         pp.md:9:18: error[unit-mismatch] “4.5 percentage points” is in pp, but `rate` is in % (the ledger says 4.5%: if its unit is right, write “4.5%”)\n\
         pp.md:11:21: error[unit-mismatch] “45 bp” is in pp, but `rate` is in % (the ledger says 4.5%: check the unit and the number)\n\
         pp.md:13:18: error[unit-mismatch] “1%” is in %, but `growth` is in pp (the ledger says 1 percentage point: if its unit is right, write “1 percentage point”)\n"
    );
    // French writes the points as its pack says, the singular below two; and back, points
    // after a number with decimals are where the claim writes its unit (the help said "check
    // the unit written before it in the sentence").
    for (draft, ledger, expected) in [
        (
            "Le taux de chômage a reculé de 0,4 % en un an.\n",
            "[figures.chomage]\nvalue = 0.4\nunit = \"pp\"\nabout = [\"chômage\"]\n",
            "t.md:1:32: error[unit-mismatch] «\u{a0}0,4 %\u{a0}» is in %, but `chomage` is in pp (the ledger says 0,4\u{a0}point: if its unit is right, write «\u{a0}0,4\u{a0}point\u{a0}»)\n",
        ),
        (
            "Les émissions ont baissé de 4,2 points sur un an.\n",
            "[figures.emissions]\nvalue = 4.2\nunit = \"%\"\nabout = [\"émissions\"]\n",
            "t.md:1:29: error[unit-mismatch] «\u{a0}4,2 points\u{a0}» is in pp, but `emissions` is in % (the ledger says 4,2\u{a0}%: if its unit is right, write «\u{a0}4,2\u{a0}%\u{a0}»)\n",
        ),
    ] {
        let o = concise_in("t.md", draft, ledger);
        assert_eq!(String::from_utf8_lossy(&o.stdout), expected);
    }
}

#[test]
fn points_after_a_count_are_percentage_points_where_the_ledger_says_so() {
    // "3 points" may count index or plan points; a figure in pp about the sentence holds it as
    // percentage points, so the right value passes and a wrong one is a mismatch whose fix
    // writes the number and leaves the word.
    let ledger = "[figures.chomage]\nvalue = 3\nunit = \"pp\"\nabout = [\"chômage\"]\n";
    let text = "Le chômage a reculé de 3 points.\n\nLe chômage a reculé de 4 points.\n";
    let o = concise_in("c.md", text, ledger);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "c.md:3:24: error[mismatch] «\u{a0}4\u{a0}» does not match `chomage` (the ledger says \
         3\u{a0}points: write «\u{a0}3\u{a0}»)\n"
    );
}

#[test]
fn a_wrong_ratio_is_a_mismatch_with_no_fix() {
    let (o, found) = check_json(
        &[
            (
                "r.md",
                "One in three households now recycles. Three out of ten schools have solar panels.\n",
            ),
            (
                "figures.toml",
                "[figures.recycling]\nvalue = 0.25\nabout = [\"households\"]\n\n\
                 [figures.solar]\nvalue = 0.3\nabout = [\"schools\"]\n",
            ),
        ],
        &["r.md"],
    );
    assert_eq!(o.status.code(), Some(1));
    let f = one_mismatch_without_fix(
        &found,
        "One in three",
        "the ledger says 0.25: restate the ratio as 1 in 4",
    );
    assert_eq!(f["expected"], "0.25");
}

#[test]
fn a_wrong_share_in_words_is_restated_in_share_words() {
    let (o, found) = check_json(
        &[
            (
                "figures.toml",
                "[figures.homes]\nvalue = 0.75\nabout = [\"homes\", \"ménages\"]\n\n\
                 [figures.towns]\nvalue = 0.5\nabout = [\"towns\", \"communes\"]\n\n\
                 [figures.staff]\nvalue = 0.3\nabout = [\"staff\"]\n",
            ),
            (
                "en.md",
                "Two thirds of homes replied. Almost a third of towns signed. Half of the staff \
                 agreed.\n",
            ),
            (
                "fr.md",
                "Deux tiers des ménages ont répondu. Près du tiers des communes ont signé.\n",
            ),
        ],
        &["en.md", "fr.md"],
    );
    assert_eq!(o.status.code(), Some(1));
    let helps: Vec<_> = found.iter().map(|f| f["help"].as_str().unwrap()).collect();
    assert_eq!(
        helps,
        [
            "the ledger says 0.75: restate the share as “three quarters”",
            "the ledger says 0.5: restate the share as “half”",
            // Past fifths the pack has no share words: "3 in 10", not "three tenths".
            "the ledger says 0.3: restate the ratio as 3 in 10",
            "the ledger says 0,75: restate the share as «\u{a0}trois quarts\u{a0}»",
            "the ledger says 0,5: restate the share as «\u{a0}la moitié\u{a0}»",
        ]
    );
    assert!(found.iter().all(|f| f.get("fix").is_none()), "{found:?}");
}

#[test]
fn a_multiple_in_one_word_is_checked_and_restated_by_the_editor() {
    let (o, found) = check_json(
        &[
            (
                "figures.toml",
                "[figures.admissions]\nvalue = 2.5\nunit = \"x\"\nabout = [\"admissions\"]\n\n\
                 [figures.cost]\nvalue = 2\nunit = \"x\"\nabout = [\"cost\"]\n",
            ),
            (
                "d.md",
                "Admissions were twice as high as last year. The cost is twice the 2020 level.\n",
            ),
        ],
        &["d.md"],
    );
    assert_eq!(o.status.code(), Some(1));
    // "twice" against 2 agrees; against 2.5 no digits go in its place.
    one_mismatch_without_fix(
        &found,
        "twice",
        "the ledger says 2.5x: restate the multiple to match",
    );
}

#[test]
fn a_ratio_named_by_its_own_noun_is_drawn_with_one_label() {
    let o = check_in(
        &[
            (
                "figures.toml",
                "[figures.household]\nvalue = 0.25\nabout = [\"household\"]\n",
            ),
            (
                "r.md",
                "One household in three in Fife has a smart meter.\n",
            ),
        ],
        &["r.md"],
    );
    assert_eq!(o.status.code(), Some(1));
    // The linking word is inside the claim: no second label pointing at the claim's end.
    insta::assert_snapshot!(stdout(&o));
}

/// The one finding of `found`: a mismatch of `text` with `help` and no fix.
fn one_mismatch_without_fix<'f>(found: &'f [Value], text: &str, help: &str) -> &'f Value {
    assert_eq!(found.len(), 1, "{found:?}");
    let f = &found[0];
    assert_eq!(f["rule"], "mismatch");
    assert_eq!(f["text"], text);
    assert_eq!(f["help"], help);
    assert!(f.get("fix").is_none(), "{f:?}");
    f
}

#[test]
fn help_writes_a_percentage_as_the_language_does() {
    let (_, found) = check_json(
        &[
            (
                "figures.toml",
                "[figures.rate]\nvalue = 41\nunit = \"%\"\nabout = [\"recycling\", \"recyclage\"]\n",
            ),
            ("en.md", "The recycling rate rose to 14% in 2024.\n"),
            ("fr.md", "Le taux de recyclage atteint 14 % en 2024.\n"),
        ],
        &["en.md", "fr.md"],
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0]["help"], "the ledger says 41%: write “41%”");
    assert_eq!(
        found[1]["help"],
        "the ledger says 41\u{a0}%: write «\u{a0}41 %\u{a0}»"
    );
}

#[test]
fn a_share_is_checked_against_a_percentage() {
    // "One in three" and "33%" both state 33.4 %: no finding, and not inconsistent.
    let (_, found) = check_json(
        &[
            (
                "figures.toml",
                "[figures.households]\nvalue = 33.4\nunit = \"%\"\nabout = [\"households\"]\n\n\
                 [figures.schools]\nvalue = 25\nunit = \"%\"\nabout = [\"schools\"]\n",
            ),
            (
                "d.md",
                "One in three households now recycle.\n\n33% of households compost.\n\n\
                 Three out of ten schools joined.\n\nAbout a quarter of schools recycle, and \
                 nearly half of households.\n",
            ),
        ],
        &["d.md"],
    );
    // "nearly half" (0.5 within 5 %) cannot be 33.4 %; "About a quarter" can be 25 %.
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1]["text"], "nearly half");
    assert_eq!(found[1]["figure"], "households");
    assert_eq!(found[0]["rule"], "mismatch");
    assert_eq!(found[0]["text"], "Three out of ten");
    assert_eq!(
        found[0]["help"],
        "the ledger says 25%: restate the ratio as 1 in 4"
    );
}

#[test]
fn a_range_that_misses_the_figure_has_no_fix() {
    // "£80-90m" is one range claim (the currency and the scale are the range's); rewriting its
    // low end to 95 would make no range, so the help asks for a restatement.
    let (o, found) = check_json(
        &[
            (
                "figures.toml",
                "[figures.capex]\nvalue = 95_000_000\nunit = \"GBP\"\nabout = [\"capital expenditure\"]\n",
            ),
            ("a.md", "Capital expenditure of £80-90m is planned.\n"),
        ],
        &["a.md"],
    );
    assert_eq!(o.status.code(), Some(1));
    let f = one_mismatch_without_fix(
        &found,
        "£80-90m",
        "the ledger says 95,000,000 GBP: restate the range to include it",
    );
    assert_eq!(f["claim"]["qualifier"], "range");
}

#[test]
fn pence_are_checked_and_fixed_in_pence() {
    let (_, found) = check_json(
        &[
            (
                "figures.toml",
                "[figures.dividend]\nvalue = \"0.047\"\nunit = \"GBP\"\nabout = [\"dividend\"]\n",
            ),
            ("c.md", "A final dividend of 4.5p per share.\n"),
        ],
        &["c.md"],
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["claim"]["value"], "0.045");
    assert_eq!(found[0]["help"], "the ledger says 0.047 GBP: write “4.7p”");
    assert_eq!(found[0]["fix"]["replacement"], "4.7");
}

#[test]
fn init_writes_a_ratio_to_the_place_it_resolves() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("a.md");
    std::fs::write(
        &text,
        "Nearly two thirds of attempts were stopped. One in three households recycles.\n",
    )
    .unwrap();
    let (skeleton, ledger) = init_ledger(&text);
    assert!(skeleton.contains("value = \"0.67\""), "{skeleton}");
    assert!(skeleton.contains("value = \"0.33\""), "{skeleton}");
    assert_eq!(
        check_concise(&ledger, &text),
        "",
        "init then check must be clean"
    );
}

#[test]
fn init_tells_apart_a_change_and_a_level_of_one_sentence() {
    // Two figures of one sentence with the same noun: no other word tells them apart, so the
    // change takes its verb as `when` (the ledger loads, and check is clean); a wrong level or
    // change is then reported against its own figure.
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("a.md");
    std::fs::write(
        &text,
        "The deficit narrowed by £3.1bn to £14.6bn.\n\nLe taux de chômage a baissé de 0,4 point pour atteindre 7,3 %.\n",
    )
    .unwrap();
    let (skeleton, ledger) = init_ledger(&text);
    assert!(
        skeleton.contains("about = [\"deficit\"]\nwhen = [\"narrowed\"]"),
        "{skeleton}"
    );
    assert_eq!(
        check_concise(&ledger, &text),
        "",
        "init then check must be clean"
    );
    std::fs::write(
        &text,
        "The deficit narrowed by £3.1bn to £16.4bn.\n\nLe taux de chômage a baissé de 0,4 point pour atteindre 7,3 %.\n",
    )
    .unwrap();
    let found = check_concise(&ledger, &text);
    assert_eq!(found.lines().count(), 1, "{found}");
    assert!(
        found.contains("“£16.4bn” does not match `deficit` (the ledger says 14,600,000,000 GBP: write “£14.6bn”)"),
        "{found}"
    );
}

/// `figcheck init` of `text`, written to `figures.toml` beside it: the skeleton and its path.
fn init_ledger(text: &std::path::Path) -> (String, PathBuf) {
    let skeleton = stdout(&run(&["init", text.to_str().unwrap()]));
    let ledger = text.with_file_name("figures.toml");
    std::fs::write(&ledger, &skeleton).unwrap();
    (skeleton, ledger)
}

/// `figcheck check --format concise` of `text` against `ledger`: its standard output.
fn check_concise(ledger: &std::path::Path, text: &std::path::Path) -> String {
    stdout(&run(&[
        "check",
        "--format",
        "concise",
        "--ledger",
        ledger.to_str().unwrap(),
        text.to_str().unwrap(),
    ]))
}

#[test]
fn tables_are_checked_by_their_row_and_column_headers() {
    // A cell names nothing ("64,5 Md€"): its row's first cell and its column's header do.
    // init writes them as `about` and `when`; check then finds the one wrong cell. The
    // défense figure of 2026 is stated twice (prose and table): the prose's `when` ("atteint")
    // is not in the cell's headers, so init writes the cell its own figure.
    let dir = tempfile::tempdir().unwrap();
    let approved = "# Crédits par mission\n\nLe budget de la défense atteint 50,5 Md€.\n\n\
                    | Mission | Crédits 2025 | Crédits 2026 |\n|---|---|---|\n\
                    | Éducation | 63,7 Md€ | 64,5 Md€ |\n| Défense | 47,2 Md€ | 50,5 Md€ |\n";
    let text = dir.path().join("pjlf.md");
    std::fs::write(&text, approved).unwrap();
    let (skeleton, ledger) = init_ledger(&text);
    assert!(
        skeleton.contains("about = [\"éducation\"]\nwhen = [\"2026\"]"),
        "{skeleton}"
    );
    let check = |body: &str| {
        std::fs::write(&text, body).unwrap();
        check_concise(&ledger, &text)
    };
    assert_eq!(check(approved), "", "init then check must be clean");
    let found = check(&approved.replace("64,5 Md€", "65,4 Md€"));
    assert_eq!(found.lines().count(), 1, "{found}");
    assert!(
        found.contains(":7:26: error[mismatch]")
            && found.contains("65,4 Md€\u{a0}» does not match `education-2026`")
            && found.contains("write «\u{a0}64,5 Md€"),
        "{found}"
    );
}

#[test]
fn a_figure_one_cell_of_a_row_states_is_not_held_against_the_other_years_cell() {
    // The ledger's figure names the row but no year: the 2024 cell was told to write 3 200
    // (and `--fix` would have). It is unsourced; a wrong 2025 cell is still the mismatch.
    // Nor is another column's cell, in another unit, a slip of that figure's unit: the average
    // aid was told it "is in EUR, but `isolation` is in count". With the figure's digits it is.
    let unsourced = |at: &str, text: &str| {
        format!("t.md:3:{at}: warning[unsourced] no ledger figure matches «\u{a0}{text}\u{a0}» (add a figure to the ledger whose `about` names a word of this sentence)\n")
    };
    for (ledger, table, left, (from, to), wrong) in [
        (
            "[figures.aides]\nvalue = 3_200_000_000\nunit = \"EUR\"\nabout = [\"aides\"]\n",
            "| Indicateur | 2024 | 2025 |\n|---|---|---|\n| Aides versées (M€) | 2 870 | 3 200 |\n",
            unsourced("24", "2 870"),
            ("3 200", "3 400"),
            &["t.md:3:32: error[mismatch]", "t.md:3:24: error[mismatch]"][..],
        ),
        (
            "[figures.isolation]\nvalue = 9_870\nabout = [\"isolation\"]\n",
            "| Travaux | Dossiers | Aide moyenne |\n|---|---|---|\n| Isolation | 9 870 | 4 150 € |\n",
            unsourced("23", "4 150 €"),
            ("4 150", "9 870"),
            &["t.md:3:23: error[unit-mismatch]"][..],
        ),
    ] {
        let o = concise_in("t.md", table, ledger);
        assert_eq!(String::from_utf8_lossy(&o.stdout), left);
        let o = concise_in("t.md", &table.replace(from, to), ledger);
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(wrong.iter().all(|w| out.contains(w)), "{out}");
    }
}

#[test]
fn output_is_the_same_whatever_the_threads_across_the_window_and_streamed_files() {
    // More files than the threads may run ahead of settling (128), a figure stated differently
    // from file to file (`inconsistent` compares each file with those before it), and files
    // big enough to be checked window by window, which workers leave to the settling thread:
    // settling overlaps checking with two threads or more, and must still give the findings in
    // input order, each once.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("figures.toml"),
        "[figures.arrests]\nvalue = 145\ntolerance = \"5%\"\nabout = [\"arrests\"]\n\n[figures.rate]\nvalue = 41\nunit = \"%\"\nabout = [\"rate\"]\n",
    )
    .unwrap();
    for i in 0..200 {
        let text = match i % 4 {
            0 => "Police made 140 arrests.\n".to_string(),
            1 => "Police made 150 arrests.\n".to_string(),
            2 => format!("The rate reached {}%.\n", 21 + i % 20),
            _ => "Some 12 visits were made.\n".to_string(),
        };
        std::fs::write(dir.path().join(format!("r{i:03}.md")), text).unwrap();
    }
    let filler = "The committee will meet again in the autumn to review the scheme. ".repeat(6);
    let big = format!("The rate reached 14%. Police made 150 arrests in the year. {filler}\n\n")
        .repeat(9_500);
    assert!(big.len() > 4 << 20);
    std::fs::write(dir.path().join("r100big.md"), &big).unwrap();
    // A second one, fifty files on.
    std::fs::write(dir.path().join("r150big.md"), &big).unwrap();
    // Suppressions, one used and one not: their files are finished in input order too.
    std::fs::write(
        dir.path().join("r060s.md"),
        "<!-- figcheck-ignore-next-line -->\nSome 12 visits were made.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("r061s.md"),
        "<!-- figcheck-ignore-next-line -->\nThe scheme was reviewed.\n",
    )
    .unwrap();
    let run = |threads: &str, format: &str| {
        let o = run_in(dir.path(), &["check", threads, "--format", format, "."]);
        assert_eq!(
            o.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        stdout(&o)
    };
    let one = run("-j1", "json");
    let found: Vec<Value> = one
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Files in path order; each big file's 19,000 findings between r100.md and r101.md, and
    // r150.md and r151.md.
    let paths: Vec<&str> = found.iter().map(|f| f["path"].as_str().unwrap()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    assert_eq!(paths.iter().filter(|p| **p == "r100big.md").count(), 19_000);
    assert_eq!(paths.iter().filter(|p| **p == "r150big.md").count(), 19_000);
    let rules = |rule: &str| found.iter().filter(|f| f["rule"] == rule).count();
    // Every statement of the arrests after r000.md's "140" that disagrees with one before it:
    // the 50 files of "150", the 49 later files of "140" (after r001.md's "150") and the big
    // files' 2 × 9,500 "150"; 50 wrong rates and the big files' 2 × 9,500; 50 unsourced visits.
    assert_eq!(rules("inconsistent"), 50 + 49 + 19_000);
    assert_eq!(rules("mismatch"), 50 + 19_000);
    assert_eq!(rules("unsourced"), 50);
    assert_eq!(rules("unused-suppression"), 1);
    for threads in ["-j2", "-j3"] {
        assert!(run(threads, "json") == one, "{threads}");
    }
    // `extract` too, whose big files are also read by the printing thread.
    let extract = |threads: &str| {
        let o = run_in(dir.path(), &["extract", threads, "--format", "json", "."]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        o.stdout
    };
    let one = extract("-j1");
    let claims = one.split(|&b| b == b'\n').filter(|l| !l.is_empty()).count();
    // The big files' 2 × 19,000 claims and a claim or two in each small file.
    assert!(claims > 38_200, "{claims}");
    for threads in ["-j2", "-j3"] {
        assert!(extract(threads) == one, "{threads}");
    }
}

#[test]
fn findings_sent_as_counts_are_counted_and_fail_the_run() {
    // With two workers, a file whose report settling cannot change reaches the settling
    // thread as its findings' counts and rendered text: they still count and fail the run.
    let ledger = (
        "figures.toml",
        "[figures.arrests]\nvalue = 140\nabout = [\"arrests\"]\n",
    );
    let files = [
        ("a.md", "Police made 150 arrests.\n"),
        ("b.md", "Police made 160 arrests. There were 12 visits.\n"),
        ledger,
    ];
    for threads in ["-j1", "-j2"] {
        let o = check_in(&files, &[threads, "--format", "human", "a.md", "b.md"]);
        assert_eq!(o.status.code(), Some(1), "{threads}");
        let out = stdout(&o);
        assert!(
            out.trim_end().ends_with("2 errors, 1 warning in 2 files."),
            "{threads}: {out}"
        );
    }
}

#[test]
fn a_slipped_scale_word_is_pointed_out_not_rewritten() {
    let (_, found) = check_json(
        &[
            (
                "s.md",
                "The council will spend a further €12.5bn on maintenance.\n\nThe council will spend a further €0.5bn on maintenance.\n",
            ),
            (
                "figures.toml",
                "[figures.upkeep]\nvalue = 12_500_000\nunit = \"EUR\"\nabout = [\"maintenance\"]\n",
            ),
        ],
        &["s.md"],
    );
    assert_eq!(found.len(), 2, "{found:?}");
    // A thousand times off: the scale word slipped ("bn" for "m"); new digits would read
    // "€0.0125bn", so no fix.
    assert_eq!(
        found[0]["help"],
        "the ledger says 12,500,000 EUR: check the scale word"
    );
    assert!(found[0].get("fix").is_none(), "{:?}", found[0]);
    // Forty times off: the digits are rewritten, in full where the claim's own precision would
    // round the figure to nothing (it said "€0.0bn").
    assert_eq!(
        found[1]["help"],
        "the ledger says 12,500,000 EUR: write “€0.0125bn”"
    );
    assert_eq!(found[1]["fix"]["replacement"], "0.0125");
}

/// Checks `text` against `ledger` in JSON, then fixes it: the findings, their help texts and
/// the text as `--fix` left it (which must exit 0, every finding fixed or left as a help).
fn findings_then_fixed(ledger: &str, text: &str) -> (Vec<Value>, Vec<String>, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("figures.toml"), ledger).unwrap();
    std::fs::write(dir.path().join("d.md"), text).unwrap();
    let run = |args: &[&str]| run_in(dir.path(), args);
    let found = json_lines(&run(&["check", "--format", "json", "d.md"]));
    let helps = found
        .iter()
        .map(|f| f["help"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(run(&["check", "--fix", "d.md"]).status.code(), Some(0));
    let fixed = std::fs::read_to_string(dir.path().join("d.md")).unwrap();
    (found, helps, fixed)
}

#[test]
fn a_strict_bound_on_its_figure_itself_is_fixed_by_its_hedge() {
    let (found, helps, fixed) = findings_then_fixed(
        "[figures.homes]\nvalue = 40000\nabout = [\"homes\"]\n\n\
         [figures.late]\nvalue = 10\nunit = \"%\"\nabout = [\"late\"]\n\n\
         [figures.dossiers]\nvalue = 12000\nabout = [\"dossiers\"]\n\n\
         [figures.officers]\nvalue = 1950\nabout = [\"officers\"]\n",
        "We will protect more than 40,000 homes. Less than 10% of claims were late.\n\n\
         Moins de 12 000 dossiers restent en attente.\n\nMore than 2,000 officers came.\n",
    );
    assert_eq!(
        helps,
        [
            "the ledger says 40,000: write “at least 40,000”",
            "the ledger says 10%: write “At most 10%”",
            "the ledger says 12 000: write «\u{a0}Jusqu'à 12 000\u{a0}»",
            // Off the figure, the number moves.
            "the ledger says 1,950: write “More than 1,900”",
        ]
    );
    assert_eq!(found[0]["fix"]["replacement"], "at least");
    assert_eq!(
        fixed,
        "We will protect at least 40,000 homes. At most 10% of claims were late.\n\n\
         Jusqu'à 12 000 dossiers restent en attente.\n\nMore than 1,900 officers came.\n"
    );
}

#[test]
fn a_fix_makes_a_french_scale_word_agree_with_its_new_number() {
    let (found, helps, fixed) = findings_then_fixed(
        "[figures.budget]\nvalue = 2_500_000\nunit = \"EUR\"\nabout = [\"budget\"]\n\n\
         [figures.fonds]\nvalue = 1_200_000_000\nunit = \"EUR\"\nabout = [\"fonds\", \"fund\"]\n",
        "Le budget de la commune atteint 1,5 million d’euros.\n\nLe fonds dispose de 2,1 milliards d’euros pour la région.\n\nThe fund of the region holds €2.1 billion in the bank.\n",
    );
    assert_eq!(
        helps,
        [
            "the ledger says 2 500 000 EUR: write «\u{a0}2,5 millions d’euros\u{a0}»",
            "the ledger says 1 200 000 000 EUR: write «\u{a0}1,2 milliard d’euros\u{a0}»",
            // English scale words take no plural after a number: only the digits change.
            "the ledger says 1,200,000,000 EUR: write “€1.2 billion”",
        ]
    );
    // The fix spans the numeral and the scale word where the word changes.
    assert_eq!(found[0]["fix"]["replacement"], "2,5 millions");
    assert_eq!(found[2]["fix"]["replacement"], "1.2");
    assert_eq!(
        fixed,
        "Le budget de la commune atteint 2,5 millions d’euros.\n\nLe fonds dispose de 1,2 milliard d’euros pour la région.\n\nThe fund of the region holds €1.2 billion in the bank.\n"
    );
}

#[test]
fn a_fix_makes_a_word_of_points_agree_with_its_new_number() {
    let (_, helps, fixed) = findings_then_fixed(
        "[figures.taux]\nvalue = 4.1\nunit = \"pp\"\nabout = [\"taux\"]\n\n\
         [figures.rate]\nvalue = 2\nunit = \"pp\"\nabout = [\"rate\"]\n\n\
         [figures.part]\nvalue = 1.5\nunit = \"pp\"\nabout = [\"part\"]\n",
        "Le taux de participation progresse de 1,4 point sur un an.\n\n\
         La part des votes blancs recule de 3 points sur un an.\n\n\
         The rate of growth rose by 1 percentage point in the year.\n",
    );
    // It kept the claim's word: "write « 4,1 point »".
    assert_eq!(
        helps,
        [
            "the ledger says 4,1\u{a0}points: write «\u{a0}4,1 points\u{a0}»",
            "the ledger says 1,5\u{a0}point: write «\u{a0}1,5 point\u{a0}»",
            "the ledger says 2 percentage points: write “2 percentage points”",
        ]
    );
    assert_eq!(
        fixed,
        "Le taux de participation progresse de 4,1 points sur un an.\n\n\
         La part des votes blancs recule de 1,5 point sur un an.\n\n\
         The rate of growth rose by 2 percentage points in the year.\n"
    );
}

#[test]
fn a_table_header_states_the_unit_of_its_cells() {
    let table = "The results for the year are below.\n\n\
                 | Segment | Revenue (£m) | Passengers (m) | Fares (€m) |\n\
                 |---|---:|---:|---:|\n\
                 | Intercity | 1,240.5 | 58.2 | 31.4 |\n";
    let ledger =
        "[figures.revenue]\nvalue = 1_204_500_000\nunit = \"GBP\"\nabout = [\"revenue\"]\n\n\
                  [figures.passengers]\nvalue = 58_200\nabout = [\"passengers\"]\n\n\
                  [figures.fares]\nvalue = 31_400_000\nunit = \"GBP\"\nabout = [\"fares\"]\n";
    let o = concise_in("results.md", table, ledger);
    // Each message quotes the header whose unit the cell took: the number alone is right or
    // wrong only with it.
    assert_eq!(
        stdout(&o),
        "results.md:5:15: error[mismatch] “1,240.5” does not match `revenue` (the ledger says 1,204,500,000 GBP: write “1,204.5”)\n\
         results.md:5:25: error[mismatch] “58.2” does not match `passengers` (the ledger says 58,200: check the unit in the header “Passengers (m)”)\n\
         results.md:5:32: error[unit-mismatch] “31.4” is in EUR, but `fares` is in GBP (the ledger says 31,400,000 GBP: check the unit in the header “Fares (€m)”)\n",
        "{}",
        stderr(&o)
    );
    // The fix writes the digits under the header's scale, not the figure in full.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("results.md"), table).unwrap();
    std::fs::write(dir.path().join("figures.toml"), ledger).unwrap();
    run_in(dir.path(), &["check", "--fix", "results.md"]);
    let fixed = std::fs::read_to_string(dir.path().join("results.md")).unwrap();
    assert_eq!(fixed, table.replace("1,240.5", "1,204.5"));
}

#[test]
fn a_negative_claim_is_fixed_with_its_own_sign() {
    let (_, found) = check_json(
        &[
            (
                "neg.md",
                "La variation de la culture atteint −4,1 % en 2026.\n\n\
                 La variation du sport atteint moins 25 % en 2026.\n",
            ),
            (
                "figures.toml",
                "[figures.culture]\nvalue = -1.4\nunit = \"%\"\nabout = [\"culture\"]\n\n\
                 [figures.sport]\nvalue = 24\nunit = \"%\"\nabout = [\"sport\"]\n",
            ),
        ],
        &["neg.md"],
    );
    assert_eq!(found.len(), 2, "{found:?}");
    // The minus as written, once ("−-1,4" before), the sign and digits replaced together.
    assert_eq!(found[0]["fix"]["replacement"], "−1,4");
    assert_eq!(found[0]["fix"]["start"], found[0]["start"]);
    assert!(found[0]["help"]
        .as_str()
        .unwrap()
        .ends_with("write «\u{a0}−1,4 %\u{a0}»"));
    // A minus in words: no digits make it 24 %.
    assert!(found[1]["fix"].is_null(), "{}", found[1]);
    assert!(found[1]["help"]
        .as_str()
        .unwrap()
        .ends_with("check the sign"));
}

#[test]
fn entities_in_a_markdown_draft_are_read_and_fixed_in_place() {
    // A release exported from a CMS writes its no-break spaces and symbols as entities.
    let ledger = "[figures.taux]\nvalue = 41\nunit = \"%\"\nabout = [\"taux\"]\n\n\
                  [figures.agents]\nvalue = 2400\nabout = [\"agents\"]\n\n\
                  [figures.budget]\nvalue = 31400000\nunit = \"EUR\"\nabout = [\"budget\"]\n\n\
                  [figures.fonds]\nvalue = 1200000000\nunit = \"EUR\"\nabout = [\"fonds\"]\n";
    let text = "Le taux atteint 14&nbsp;%.\n\nNous avons formé 4&#8239;200 agents.\n\n\
                Le budget est de 31,4&nbsp;M&euro;.\n\nLe fonds est de 2,1&nbsp;milliards d'euros.\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("figures.toml"), ledger).unwrap();
    let path = dir.path().join("d.md");
    std::fs::write(&path, text).unwrap();
    let o = run_in(dir.path(), &["check", "--format", "concise", "d.md"]);
    assert_eq!(
        stdout(&o),
        "d.md:1:17: error[mismatch] «\u{a0}14&nbsp;%\u{a0}» does not match `taux` (the ledger \
         says 41\u{a0}%: write «\u{a0}41&nbsp;%\u{a0}»)\n\
         d.md:3:18: error[mismatch] «\u{a0}4&#8239;200\u{a0}» does not match `agents` (the \
         ledger says 2 400: write «\u{a0}2\u{202f}400\u{a0}»)\n\
         d.md:7:17: error[mismatch] «\u{a0}2,1&nbsp;milliards d'euros\u{a0}» does not match \
         `fonds` (the ledger says 1 200 000 000 EUR: write «\u{a0}1,2&nbsp;milliard \
         d'euros\u{a0}»)\n"
    );
    let o = run_in(dir.path(), &["check", "--fix", "d.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text.replace("14&nbsp;%", "41&nbsp;%")
            .replace("4&#8239;200", "2\u{202f}400")
            .replace("2,1&nbsp;milliards", "1,2&nbsp;milliard")
    );
}

#[test]
fn what_session_15_drafts_got_wrong_reads_right() {
    // Each line was wrong before: "write “3”" for a number in words, "write “$10m”" for a
    // figure below the claim's precision, a curly-quoted term that linked to nothing, a hedge
    // "c." glued to its number that was no claim, an amount compared with the one before it
    // that was a count of 1.2 million.
    let ledger = "[figures.years]\nvalue = 3\nabout = [\"scheme\"]\nwhen = [\"years\"]\n\n\
                  [figures.savings]\nvalue = 9000000\nunit = \"USD\"\nabout = [\"savings\"]\n\n\
                  [figures.payments]\nvalue = 58\nunit = \"%\"\nabout = [\"payment\"]\n\n\
                  [figures.headcount]\nvalue = 12400\nabout = [\"headcount\"]\n\n\
                  [figures.cout]\nvalue = 2100000\nunit = \"EUR\"\nabout = [\"coût\"]\n\
                  when = [\"2023\"]\n\n\
                  [figures.cout-atteint]\nvalue = 2400000\nunit = \"EUR\"\nabout = [\"coût\"]\n\
                  when = [\"atteint\"]\n";
    let draft = "The scheme will run for another four years.\n\n\
                 The programme delivers savings of $90m.\n\n\
                 The “payments” made automatically reached 85%.\n\n\
                 Headcount of c.14,200 in 2026.\n\n\
                 Le coût atteint 2,4 millions d’euros, contre 1,2 million en 2023.\n";
    let o = concise_in("d.md", draft, ledger);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        "d.md:1:33: error[mismatch] “four” does not match `years` (the ledger says 3: write \
         “three”)\n\
         d.md:3:35: error[mismatch] “$90m” does not match `savings` (the ledger says 9,000,000 \
         USD: write “$9m”)\n\
         d.md:5:43: error[mismatch] “85%” does not match `payments` (the ledger says 58%: write \
         “58%”)\n\
         d.md:7:14: error[mismatch] “c.14,200” does not match `headcount` (the ledger says \
         12,400: write “c.12,400”)\n\
         d.md:9:46: error[mismatch] «\u{a0}1,2 million\u{a0}» does not match `cout` (the ledger \
         says 2 100 000 EUR: write «\u{a0}2,1 millions\u{a0}»)\n"
    );
}

#[test]
fn what_session_16_drafts_got_wrong_reads_right() {
    // Each line but the last was wrong at session start: the dateline's "19" was held against
    // the employees (an error), as was the "£1" of "in every £1" against the pence; the second
    // service number and the base of a rate were unsourced warnings; "1.1%" against 11 was
    // told "11.0%", and "1,5 Md€" against 1,05 Md€ "1,1 Md€". A figure with decimals keeps
    // the claim's ("7,90 €").
    let ledger = "[figures.employees]\nvalue = 15200\nabout = [\"employees\"]\n\n\
                  [figures.crime]\nvalue = 0.8\nabout = [\"offences\"]\n\n\
                  [figures.pence]\nvalue = 0.08\nunit = \"GBP\"\nabout = [\"raised\"]\n\n\
                  [figures.rise]\nvalue = 11\nunit = \"%\"\nabout = [\"searches\"]\n\n\
                  [figures.poste]\nvalue = 1_050_000_000\nunit = \"EUR\"\nabout = [\"ferroviaire\"]\n\n\
                  [figures.prix]\nvalue = 7.9\nunit = \"EUR\"\nabout = [\"injection\"]\n";
    let draft = "SEATTLE, Nov. 19, 2026 — The company said it had 15,200 employees.\n\n\
                 Call 999 in an emergency, or 101 to report a crime that is not urgent.\n\n\
                 The rate is now 0.8 offences per 1,000 population.\n\n\
                 Running costs were 8p in every £1 raised.\n\n\
                 The number of searches rose 1.1% in the year.\n\n\
                 Le transport ferroviaire reste le premier poste : 1,5 Md€.\n\n\
                 Le coût moyen d'une injection en officine est de 9,70 €.\n";
    let o = concise_in("d.md", draft, ledger);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        "d.md:9:29: error[mismatch] “1.1%” does not match `rise` (the ledger says 11%: write \
         “11%”)\n\
         d.md:11:51: error[mismatch] «\u{a0}1,5 Md€\u{a0}» does not match `poste` (the ledger \
         says 1 050 000 000 EUR: write «\u{a0}1,05 Md€\u{a0}»)\n\
         d.md:13:50: error[mismatch] «\u{a0}9,70 €\u{a0}» does not match `prix` (the ledger \
         says 7,90 EUR: write «\u{a0}7,90 €\u{a0}»)\n"
    );
}

#[test]
fn what_session_17_drafts_got_wrong_reads_right() {
    // At session start: the multiples ("2.5 times as many", "deux fois plus", "multipliés par
    // 3") and the duration "en dix ans" were counts held against the number of applications
    // and files, told "write 12,000"; the two slips of "entre 2020 et 2025 … de 552 600 à
    // 887 900" took each other's figures; "moins de 10" against 10 was told "moins de 20".
    // Now the multiples and the duration are unsourced warnings, the multiple in `x` is held
    // against its own figure, and the rest read right.
    let ledger = "[figures.applications]\nvalue = 12000\nabout = [\"applications\"]\n\n\
                  [figures.dossiers]\nvalue = 12000\nabout = [\"dossiers\"]\n\n\
                  [figures.demand]\nvalue = 1.5\nunit = \"x\"\nabout = [\"demand\"]\n\n\
                  [figures.a2020]\nvalue = 525600\nabout = [\"apprentis\"]\nwhen = [\"2020\"]\n\n\
                  [figures.a2025]\nvalue = 878900\nabout = [\"apprentis\"]\nwhen = [\"2025\"]\n\n\
                  [figures.salaries]\nvalue = 10\nabout = [\"salariés\"]\n";
    let draft = "We handled 2.5 times as many applications as in 2024, and the team said that \
                 the rise was expected.\n\n\
                 Les services ont traité deux fois plus de dossiers, multipliés par 3 en dix ans.\n\n\
                 Demand on some routes is now 2.5 times the level of 2019.\n\n\
                 Entre 2020 et 2025, le nombre d'apprentis est passé de 552 600 à 887 900.\n\n\
                 Elles comptent moins de 10 salariés.\n";
    let o = strict_concise_in(draft, ledger);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&o));
}

/// Runs `init` on `approved`, checks that the approved text agrees with the ledger it wrote,
/// then checks `draft` against it: each finding's claim text and the figure it expected.
fn init_then_check(approved: &str, draft: &str) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("approved.md"), approved).unwrap();
    let o = run_in(dir.path(), &["init", "approved.md"]);
    std::fs::write(dir.path().join("figures.toml"), stdout(&o)).unwrap();
    let clean = run_in(dir.path(), &["check", "approved.md"]);
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
    std::fs::write(dir.path().join("d.md"), draft).unwrap();
    json_lines(&run_in(dir.path(), &["check", "--format", "json", "d.md"]))
        .iter()
        .map(|f| {
            let text = f["text"].as_str().unwrap().to_string();
            (text, f["expected"].as_str().unwrap().to_string())
        })
        .collect()
}

fn pair(text: &str, expected: &str) -> (String, String) {
    (text.to_string(), expected.to_string())
}

#[test]
fn a_ledger_from_init_sees_the_two_ends_of_a_change_swapped() {
    // `init` named the ends of "fell from 4.9% to 3.7% of planned trains" by the words after
    // both ("trains", "planned"), so the swapped draft agreed with both figures.
    let got = init_then_check(
        "Cancellations fell from 4.9% to 3.7% of planned trains.\n",
        "Cancellations fell from 3.7% to 4.9% of planned trains.\n",
    );
    assert_eq!(got, [pair("3.7%", "4.9"), pair("4.9%", "3.7")]);
}

#[test]
fn a_ledger_from_init_sees_a_former_value_swapped_with_its_level() {
    // `init` named each former value by a word of the level's side ("treatment", before both;
    // "assemble"; "dossiers") and 84% by "aged", after the 10%: each swapped pair agreed with
    // both figures.
    let approved = "The waiting list for planned treatment stood at 7.41 million cases at the end \
                    of September, down from 7.63 million in March.\n\n\
                    The average parcel now costs £38.50 to assemble, up from £31 in 2023.\n\n\
                    Les rénovations d'ampleur représentent 38 % des dossiers, contre 29 % un an \
                    plus tôt.\n\n\
                    Most people sleeping rough were men (84%), and 10% were aged 25 or under.\n";
    let swapped = approved
        .replace("7.41", "X")
        .replace("7.63", "7.41")
        .replace('X', "7.63")
        .replace("38.50", "X")
        .replace("£31", "£38.50")
        .replace("£X", "£31")
        .replace("38 %", "X")
        .replace("29 %", "38 %")
        .replace('X', "29 %")
        .replace("84%", "X")
        .replace("10%", "84%")
        .replace('X', "10%");
    let got = init_then_check(approved, &swapped);
    assert_eq!(
        got,
        [
            pair("7.63 million", "7410000"),
            pair("7.41 million", "7630000"),
            pair("£31", "38.5"),
            pair("£38.50", "31"),
            pair("29 %", "38"),
            pair("38 %", "29"),
            pair("10%", "84"),
            pair("84%", "10"),
        ]
    );
}

#[test]
fn what_session_20_drafts_got_wrong_reads_right() {
    // At session start: "Some 79.2%" (a slip of 72.9%) took the target's 78% ("some" reaches
    // it) and the target's own 78% was reported; a second amount in the slipped currency was
    // held against the first figure again; two 7s crossing figures of one value were both
    // reported; "les jeunes de 15 à 24 ans", "aged 16 to 24" (its 24) were counts; "Every £1
    // donated" was a claim; "80 km/h" was read "80 km".
    let ledger = "[figures.admitted]\nvalue = 72.9\nunit = \"%\"\nabout = [\"admitted\"]\n\n\
                  [figures.target]\nvalue = 78\nunit = \"%\"\nabout = [\"target\"]\n\n\
                  [figures.budget]\nvalue = 21_600_000_000\nunit = \"EUR\"\nabout = [\"budget\"]\nwhen = [\"2026\"]\n\n\
                  [figures.apprentissage]\nvalue = 4_300_000_000\nunit = \"EUR\"\nabout = [\"budget\"]\nwhen = [\"apprentissage\"]\n\n\
                  [figures.response]\nvalue = 7\nabout = [\"response\"]\nwhen = [\"minutes\"]\n\n\
                  [figures.national]\nvalue = 7\nabout = [\"national\"]\nwhen = [\"minutes\"]\n\n\
                  [figures.seconds]\nvalue = 52\nabout = [\"response\"]\nwhen = [\"seconds\"]\n\n\
                  [figures.jeunes]\nvalue = 17.9\nunit = \"%\"\nabout = [\"jeunes\"]\n\n\
                  [figures.young]\nvalue = 12\nunit = \"%\"\nabout = [\"work\"]\n\n\
                  [figures.food]\nvalue = 3\nunit = \"GBP\"\nabout = [\"food\"]\n\n\
                  [figures.route]\nvalue = 80\nunit = \"km/h\"\nabout = [\"limitée\"]\n";
    let draft = "Some 79.2% of patients were admitted on time; the interim target is 78%.\n\n\
                 Le budget s'élève à 21,6 milliards de dollars en 2026, dont 3,4 milliards pour \
                 l'apprentissage.\n\n\
                 The mean response time for the most serious calls was 7 minutes 52 seconds, \
                 against a national standard of 7 minutes.\n\n\
                 Chez les jeunes de 15 à 24 ans, le taux recule à 19,7 %.\n\n\
                 Among those aged 16 to 24, 21% were out of work.\n\n\
                 Every £1 donated buys £3 of food.\n\n\
                 Une route hors agglomération limitée à 90 km/h.\n";
    let o = strict_concise_in(draft, ledger);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn what_session_21_drafts_got_wrong_reads_right() {
    // At session start: "More than 1,200 volunteers" was held against the hours' 96,000 (its
    // `when` stood nearer than the volunteers' figure, which has none) once the hours slipped;
    // "£2.25m" against 6,800,000 was told "£6.80m"; "70%" (precise to 10) agreed with the
    // uptake's 71.3 and the slipped 73.1% was told to write the target's 75%.
    let ledger = "[figures.volunteers]\nvalue = 1201\nabout = [\"volunteers\"]\n\n\
                  [figures.hours]\nvalue = 96000\nabout = [\"volunteers\"]\nwhen = [\"hours\"]\n\n\
                  [figures.policing]\nvalue = 6_800_000\nunit = \"GBP\"\nabout = [\"policing\"]\n\n\
                  [figures.uptake]\nvalue = 71.3\nunit = \"%\"\nabout = [\"uptake\"]\n\n\
                  [figures.target]\nvalue = 75\nunit = \"%\"\nabout = [\"target\"]\n";
    let draft = "More than 1,200 volunteers gave some 69,000 hours.\n\n\
                 The commissioner gave £2.25m to neighbourhood policing.\n\n\
                 Uptake reached 73.1%, against a target of 70%.\n";
    let o = concise_in("d.md", draft, ledger);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        "d.md:1:33: error[mismatch] “some 69,000” does not match `hours` (the ledger says \
         96,000: write “some 96,000”)\n\
         d.md:3:23: error[mismatch] “£2.25m” does not match `policing` (the ledger says \
         6,800,000 GBP: write “£6.8m”)\n\
         d.md:5:16: error[mismatch] “73.1%” does not match `uptake` (the ledger says 71.3%: \
         write “71.3%”)\n\
         d.md:5:43: error[mismatch] “70%” does not match `target` (the ledger says 75%: write \
         “75%”)\n"
    );
}

#[test]
fn what_session_19_drafts_got_wrong_reads_right() {
    // At session start: "moins de 15 %" against 4 % and "up to 300,000" against 30,000 agreed
    // (a bound agreed with every figure beyond it), and "more than 2,000" against 1,950 was
    // told "more than 1,000"; "et la Région 18 millions" after an amount in euros was a count;
    // "a third were women" was no claim; "16 to 24-year-olds", "aged 65" and "les plus de 75
    // ans" were counts held against the sentence's figure; "the 111 service" was a count.
    let ledger = "[figures.partis]\nvalue = 4\nunit = \"%\"\nabout = [\"repartis\"]\n\n\
                  [figures.events]\nvalue = 30000\nabout = [\"events\"]\n\n\
                  [figures.officers]\nvalue = 1950\nabout = [\"officers\"]\n\n\
                  [figures.etat]\nvalue = 47_500_000\nunit = \"EUR\"\nabout = [\"État\"]\n\n\
                  [figures.region]\nvalue = 18_000_000\nunit = \"EUR\"\nabout = [\"Région\"]\n\n\
                  [figures.women]\nvalue = 0.33\nabout = [\"women\"]\n\n\
                  [figures.safe]\nvalue = 0.2\nabout = [\"safe\"]\n\n\
                  [figures.calls]\nvalue = 1_200_000\nabout = [\"calls\"]\n\n\
                  [figures.urgences]\nvalue = 21\nunit = \"%\"\nabout = [\"urgences\"]\n";
    let draft = "Moins de 15 % des patients sont repartis sans être vus.\n\n\
                 The study found up to 300,000 events.\n\n\
                 More than 2,000 officers were deployed.\n\n\
                 L'État y a consacré 47,5 millions de livres, et la Région 18 millions.\n\n\
                 A quarter were women.\n\n\
                 Just over a fifth of 16 to 24-year-olds and people aged 65 felt safe.\n\n\
                 The 111 service took 1.2 million calls.\n\n\
                 La part des plus de 75 ans aux urgences atteint 12 %.\n";
    let o = strict_concise_in(draft, ledger);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn what_session_18_drafts_got_wrong_reads_right() {
    // At session start: two claims that swapped their figures in one sentence (by year, by
    // subject) agreed with each other's and nothing was reported; "10 jours" against 5 agreed
    // (precise to 10); "dont 4,5 millions pour les marchés" after "à la promotion" was a
    // count; "a 24-hour strike" was held against the count of officers; "p<0.001" and "95% CI"
    // were claims; "1,4 point" against 4,1 was told "write 4,1 point"; "entre 4 et 8 %" agreed
    // with a range of 4 to 6 (held as its low end). Now each swapped claim
    // is held against its own figure, and the rest read right.
    let ledger = "[figures.gdp-2026]\nvalue = 1.1\nunit = \"%\"\nabout = [\"GDP\"]\nwhen = [\"2026\"]\n\n\
                  [figures.gdp-2027]\nvalue = 1.4\nunit = \"%\"\nabout = [\"GDP\"]\nwhen = [\"2027\"]\n\n\
                  [figures.visiteurs]\nvalue = 12\nunit = \"%\"\nabout = [\"visiteurs\"]\n\n\
                  [figures.neerlandais]\nvalue = 7\nunit = \"%\"\nabout = [\"néerlandais\"]\n\n\
                  [figures.delai]\nvalue = 5\nabout = [\"délai\"]\nwhen = [\"jours\"]\n\n\
                  [figures.promotion]\nvalue = 22_000_000\nunit = \"EUR\"\nabout = [\"promotion\"]\n\n\
                  [figures.marches]\nvalue = 4_500_000\nunit = \"EUR\"\nabout = [\"marchés\"]\n\n\
                  [figures.officers]\nvalue = 140\nabout = [\"officers\"]\n\n\
                  [figures.risk]\nvalue = 26\nunit = \"%\"\nabout = [\"risk\"]\n\n\
                  [figures.taux]\nvalue = 4.1\nunit = \"pp\"\nabout = [\"taux\"]\n\n\
                  [figures.croissance]\nvalue = 4\nhigh = 6\nunit = \"%\"\nabout = [\"croissance\"]\n";
    let draft = "The Committee expects GDP to grow by 1.4% in 2026 and by 1.1% in 2027.\n\n\
                 La hausse est portée par les visiteurs britanniques (+ 7 %) et néerlandais \
                 (+ 12 %).\n\n\
                 Les recours sont déposés dans un délai de 10 jours.\n\n\
                 La Région consacrera 22 millions d'euros à la promotion, dont 5,4 millions pour \
                 les marchés lointains.\n\n\
                 Some 140 officers joined a 24-hour strike over the plan, the union said.\n\n\
                 The pill cut the risk by 26% (hazard ratio 0.74; 95% CI 0.61 to 0.88; p<0.001).\n\n\
                 Le taux de participation progresse de 1,4 point sur un an.\n\n\
                 Le groupe vise une croissance comprise entre 4 et 8 % en 2026.\n";
    let o = strict_concise_in(draft, ledger);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn what_session_27_drafts_got_wrong_reads_right() {
    // At session start: "recule à 16,8 %, contre 17,9 %" held both against the youth figure (the
    // level after a verb of change counted as a change); "186 M€, dont 41 M€" held the part
    // against the campaign's cost too (and `--fix` would have written 168 M€ over both); a row's
    // label "Moins de 65 ans" was a bound, "25-49 ans" a range, each unsourced; and a table
    // cell's finding showed the cell alone, without the row it belongs to.
    let ledger = "[figures.jeunes]\nvalue = 18.6\nunit = \"%\"\nabout = [\"jeunes\"]\n\n\
                  [figures.cout]\nvalue = 168_000_000\nunit = \"EUR\"\nabout = [\"campagne\"]\n\n\
                  [figures.risque]\nvalue = 27.9\nunit = \"%\"\nabout = [\"à risque\"]\n";
    let draft = "Chez les jeunes, le taux recule à 16,8 %, contre 17,9 % un an plus tôt.\n\n\
                 La campagne a coûté 186 M€, dont 41 M€ de rémunération des vaccinateurs.\n\n\
                 | Public | Couverture |\n|---|---|\n| Moins de 65 ans à risque | 27,9 % |\n\
                 | 25-49 ans | 21,5 % |\n";
    let o = strict_concise_in(draft, ledger);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("session_27_concise", stdout(&o));
    let o = check_in(&[("d.md", draft), ("figures.toml", ledger)], &["d.md"]);
    insta::assert_snapshot!("session_27_human", stdout(&o));
}

#[test]
fn what_session_28_drafts_got_wrong_reads_right() {
    // At session start: the 3 of "du 3 au 21 novembre" was an unsourced count; "(38%)" after
    // "Almost four in ten" was told "38% is in %, but `deprived` is in %"; "(19 % un an plus
    // tôt)" was a second mismatch of the level (and `--fix` would have written 23 % over it);
    // the help of a wrong fare said "62,5 EUR"; and « 4,2 points » for 4,2 % was told to check
    // a unit "written before it in the sentence".
    let ledger = "[figures.deprived]\nvalue = 38\nunit = \"%\"\nabout = [\"deprived\"]\n\n\
                  [figures.part]\nvalue = 23\nunit = \"%\"\nabout = [\"renouvelables\"]\n\n\
                  [figures.abonnement]\nvalue = \"62.50\"\nunit = \"EUR\"\nabout = [\"abonnement\"]\n\n\
                  [figures.emissions]\nvalue = 4.2\nunit = \"%\"\nabout = [\"émissions\"]\n\n\
                  [figures.sondes]\nvalue = 5200\nabout = [\"voyageurs\"]\n\n\
                  [figures.schools]\nvalue = 91.4\nunit = \"%\"\nabout = [\"state schools\"]\n";
    let draft = "Enquête menée du 3 au 21 novembre auprès de 5 200 voyageurs.\n\n\
                 Almost four in ten (38%) come from deprived areas, and state schools supply \
                 91.4% of entrants.\n\n\
                 Les renouvelables couvrent 32 % de la consommation (19 % un an plus tôt).\n\n\
                 L'abonnement mensuel coûte 65,20 €.\n\n\
                 Les émissions ont baissé de 4,2 points sur un an.\n";
    let o = strict_concise_in(draft, ledger);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("session_28_concise", stdout(&o));
}

#[test]
fn what_session_29_drafts_got_wrong_reads_right() {
    // At session start: "(83%)" after "Over 8 in 10" was held against the free figure of
    // response times (write 34%) and their real 43% was unsourced; the share of « contre un
    // cinquième en 2010 » and "Nearly half said" were no claims at all (a slip in either
    // went unseen).
    let ledger = "[figures.towns]\nvalue = 83\nunit = \"%\"\nabout = [\"towns\"]\n\n\
                  [figures.response]\nvalue = 34\nunit = \"%\"\nabout = [\"response\"]\n\n\
                  [figures.dechets]\nvalue = 0.5\nunit = \"%\"\nabout = [\"déchets\"]\n\n\
                  [figures.dechets-2010]\nvalue = 0.25\nabout = [\"déchets\"]\nwhen = [\"2010\"]\n\n\
                  [figures.satisfied]\nvalue = 38\nunit = \"%\"\nabout = [\"satisfied\"]\n";
    let draft = "Over 8 in 10 coastal towns (83%) share a radio network, and response times \
                 fell by 43%.\n\n\
                 Seuls 0,5 % des déchets sont enfouis, contre un cinquième en 2010.\n\n\
                 In the survey, nearly half said they were satisfied with the service.\n";
    let o = strict_concise_in(draft, ledger);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("session_29_concise", stdout(&o));
}
