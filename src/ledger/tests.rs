use super::*;

fn load(text: &str) -> Result<Ledger, Vec<LedgerError>> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("figures.toml");
    std::fs::write(&path, text).unwrap();
    Ledger::load(&[path], &Packs::builtin().unwrap())
}

fn messages(text: &str) -> Vec<String> {
    load(text)
        .unwrap_err()
        .into_iter()
        .map(|e| format!("{} | {}", e.message, e.help.unwrap_or_default()))
        .collect()
}

#[test]
fn reads_figures_in_ledger_order() {
    let l = load(
        r#"
[ledger]
source = "release"
[figures.b]
value = 58.3
unit = "%"
about = ["taux"]
[figures.a]
value = "31.4"
unit = "EUR"
about = ["euros"]
source = "budget"
"#,
    )
    .unwrap();
    let ids: Vec<_> = l.figures.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["b", "a"]);
    assert_eq!(l.figures[0].value.to_string(), "58.3");
    assert_eq!(l.figures[0].source.as_deref(), Some("release"));
    assert_eq!(l.figures[1].source.as_deref(), Some("budget"));
    assert_eq!(l.figures[1].unit.as_str(), "EUR");
}

#[test]
fn each_kind_of_error_is_reported() {
    let m = messages("[figures.x]\nvalue = 1\nabut = [\"y\"]\n");
    assert!(m[0].contains("did you mean `about`"), "{m:?}");
    let m = messages("[figures.x]\nabout = [\"y\"]\n");
    assert!(m[0].contains("has no `value`"), "{m:?}");
    let m = messages("[figures.x]\nvalue = 1\n");
    assert!(m[0].contains("no `about`"), "{m:?}");
    let m = messages("[figures.x]\nvalue = 1\nabout = []\n");
    assert!(m[0].contains("empty `about`"), "{m:?}");
    let m = messages("[figures.x]\nvalue = 1\nunit = \"EUT\"\nabout = [\"y\"]\n");
    assert!(
        m[0].contains("unknown unit") && m[0].contains("EUR"),
        "{m:?}"
    );
    let m = messages("[figures.x]\nvalue = \"3,x\"\nabout = [\"y\"]\n");
    assert!(m[0].contains("cannot read"), "{m:?}");
    let m = messages("[figures.x]\nvalue = 1\ntolerance = \"-2%\"\nabout = [\"y\"]\n");
    assert!(m[0].contains("bad tolerance"), "{m:?}");
    let m = messages(
        "[figures.x]\nvalue = 1\nabout = [\"y\"]\n[figures.z]\nvalue = 2\nabout = [\"Y\"]\n",
    );
    assert!(m[0].contains("cannot be told apart"), "{m:?}");
    let m = messages("[figures.x\nvalue = 1\n");
    assert!(m[0].contains("not a valid ledger"), "{m:?}");
    let m = messages("[figures.x]\nvalue = 1e400\nabout = [\"y\"]\n");
    assert!(!m.is_empty());
}

#[test]
fn tolerances() {
    assert_eq!(
        parse_tolerance(&toml::Value::String("2%".into())).unwrap(),
        Tolerance::Relative("0.02".parse().unwrap())
    );
    assert_eq!(
        parse_tolerance(&toml::Value::String("0.5".into())).unwrap(),
        Tolerance::Absolute("0.5".parse().unwrap())
    );
}

#[test]
fn includes_and_unique_ids_across_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.toml"),
        "[ledger]\ninclude = [\"more.toml\"]\n[figures.a]\nvalue = 1\nabout = [\"x\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("more.toml"),
        "[figures.a]\nvalue = 2\nabout = [\"y\"]\n",
    )
    .unwrap();
    let err =
        Ledger::load(&[dir.path().join("main.toml")], &Packs::builtin().unwrap()).unwrap_err();
    assert!(err[0].message.contains("defined twice"));
    std::fs::write(
        dir.path().join("more.toml"),
        "[figures.b]\nvalue = 2\nabout = [\"y\"]\n",
    )
    .unwrap();
    let l = Ledger::load(&[dir.path().join("main.toml")], &Packs::builtin().unwrap()).unwrap();
    assert_eq!(l.figures.len(), 2);
}
