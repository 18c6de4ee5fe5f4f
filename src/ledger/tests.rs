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
    // A slip outside a figure is answered with the keys of its own table.
    let m = messages("[[figure]]\nvalue = 1\n");
    assert!(m[0].contains("[figures.<id>]"), "{m:?}");
    let m = messages("[ledger]\nnme = \"x\"\n");
    assert!(m[0].contains("did you mean `name`"), "{m:?}");
    let m = messages("[ledger]\nauthor = \"x\"\n");
    assert!(m[0].contains("name, locale, source, include"), "{m:?}");
    let m = messages("[figures.x]\nvalue = 1\nauthor = [\"y\"]\n");
    assert!(m[0].contains("a figure takes these keys: value"), "{m:?}");
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
    // Pence are written in pounds: "4.2p" reads as 0.042 GBP.
    let m = messages("[figures.x]\nvalue = 4.2\nunit = \"GBX\"\nabout = [\"y\"]\n");
    assert!(
        m[0].contains("value = \"0.042\" with unit = \"GBP\""),
        "{m:?}"
    );
    // Cents belong to no one currency: its code is asked for.
    let m = messages("[figures.x]\nvalue = 25\nunit = \"cents\"\nabout = [\"y\"]\n");
    assert!(
        m[0].contains("value = \"0.25\" with its currency's code"),
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
    let m = messages("[figures.x]\nvalue = 6\nhigh = 4\nabout = [\"y\"]\n");
    assert!(m[0].contains("`high` below its `value`"), "{m:?}");
    let m = messages("[figures.x]\nvalue = 4\nhigh = \"six\"\nabout = [\"y\"]\n");
    assert!(m[0].contains("`high` figcheck cannot read"), "{m:?}");
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

/// A ledger big enough to be cached, with every kind of field.
fn big_ledger(first_value: &str) -> String {
    let mut t = String::from("[ledger]\nname = \"big\"\nsource = \"release\"\n");
    t.push_str(&format!(
        "[figures.first]\nvalue = \"{first_value}\"\nunit = \"EUR\"\nabout = [\"budget\"]\nwhen = [\"programme\"]\ntolerance = \"2%\"\nsource = \"own\"\n\
         [figures.range]\nvalue = 4\nhigh = \"6.5\"\nunit = \"%\"\nabout = [\"croissance\"]\n"
    ));
    for i in 0..2000 {
        t.push_str(&format!(
            "[figures.f{i}]\nvalue = {i}\nunit = \"%\"\nabout = [\"rate P{i}\"]\ntolerance = \"0.5\"\n"
        ));
    }
    assert!(t.len() >= cache::MIN_BYTES);
    t
}

fn load_cached(dir: &Path, text: &str) -> Result<Ledger, Vec<LedgerError>> {
    let path = dir.join("figures.toml");
    std::fs::write(&path, text).unwrap();
    let packs = Packs::builtin().unwrap();
    Ledger::load_cached(&[path], &packs, Some(&dir.join("cache")))
}

fn cache_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir.join("cache"))
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default()
}

#[test]
fn a_cached_ledger_reads_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let text = big_ledger("31.4");
    let parsed = load(&text).unwrap();
    let first = load_cached(dir.path(), &text).unwrap();
    assert_eq!(cache_files(dir.path()).len(), 1);
    let second = load_cached(dir.path(), &text).unwrap();
    assert_eq!(parsed.figures, first.figures);
    assert_eq!(first.figures, second.figures);
    assert_eq!(second.name.as_deref(), Some("big"));
    assert_eq!(second.figures[2].source.as_deref(), Some("release"));
    assert_eq!(
        second.figures[0].tolerance,
        Some(Tolerance::Relative("0.02".parse().unwrap()))
    );
    assert_eq!(second.figures[1].high, Some("6.5".parse().unwrap()));
}

#[test]
fn an_edited_ledger_is_never_read_stale() {
    let dir = tempfile::tempdir().unwrap();
    load_cached(dir.path(), &big_ledger("31.4")).unwrap();
    let edited = load_cached(dir.path(), &big_ledger("31.5")).unwrap();
    assert_eq!(edited.figures[0].value, "31.5".parse::<Decimal>().unwrap());
    assert_eq!(cache_files(dir.path()).len(), 2);
}

#[test]
fn a_broken_cache_file_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let text = big_ledger("31.4");
    load_cached(dir.path(), &text).unwrap();
    for f in cache_files(dir.path()) {
        std::fs::write(f, "{ not json").unwrap();
    }
    assert_eq!(
        load_cached(dir.path(), &text).unwrap().figures,
        load(&text).unwrap().figures
    );
}

#[test]
fn a_ledger_with_errors_is_not_cached() {
    let dir = tempfile::tempdir().unwrap();
    let text = big_ledger("31.4").replace("about = [\"rate P7\"]", "abut = [\"rate P7\"]");
    for _ in 0..2 {
        let errors = load_cached(dir.path(), &text).unwrap_err();
        assert!(
            errors[0].message.contains("not a valid ledger"),
            "{}",
            errors[0].message
        );
    }
    assert!(cache_files(dir.path()).is_empty());
    // Twins are found across the cached content too.
    let twins = big_ledger("31.4").replace("about = [\"rate P8\"]", "about = [\"rate P7\"]");
    for _ in 0..2 {
        let errors = load_cached(dir.path(), &twins).unwrap_err();
        assert!(
            errors[0].message.contains("cannot be told apart"),
            "{}",
            errors[0].message
        );
    }
}

#[test]
fn the_second_load_reads_the_cache_not_the_toml() {
    let dir = tempfile::tempdir().unwrap();
    let text = big_ledger("31.4");
    load_cached(dir.path(), &text).unwrap();
    // Tamper with what the cache holds: a load that still says 31.4 never read it.
    for f in cache_files(dir.path()) {
        let json = std::fs::read_to_string(&f).unwrap();
        assert!(json.contains("\"value\":\"31.4\""));
        std::fs::write(
            &f,
            json.replacen("\"value\":\"31.4\"", "\"value\":\"99.9\"", 1),
        )
        .unwrap();
    }
    let second = load_cached(dir.path(), &text).unwrap();
    assert_eq!(second.figures[0].value, "99.9".parse::<Decimal>().unwrap());
}

#[test]
fn builds_of_two_cache_formats_keep_a_file_each() {
    // One name for every format made two builds sharing a cache directory (a pre-commit
    // hook's and a newer one) rewrite each other's file at every run.
    let dir = tempfile::tempdir().unwrap();
    let text = big_ledger("31.4");
    load_cached(dir.path(), &text).unwrap();
    let [ours] = cache_files(dir.path()).try_into().unwrap();
    let name = ours.file_name().unwrap().to_str().unwrap().to_string();
    let theirs = dir
        .path()
        .join("cache")
        .join(name.replacen("ledger-v", "ledger-v9", 1));
    std::fs::write(&theirs, "another format").unwrap();
    // Tamper with ours: the next load reads it, and leaves theirs alone.
    let json = std::fs::read_to_string(&ours).unwrap();
    std::fs::write(&ours, json.replacen("\"31.4\"", "\"99.9\"", 1)).unwrap();
    let again = load_cached(dir.path(), &text).unwrap();
    assert_eq!(again.figures[0].value, "99.9".parse::<Decimal>().unwrap());
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "another format");
}

#[test]
fn twins_are_figures_of_one_unit_with_the_same_terms_in_any_order_and_case() {
    let figure = |id: &str, unit: &str, about: &str, when: &str| {
        format!(
            "[figures.{id}]\nvalue = 1\nunit = \"{unit}\"\nabout = [{about}]\nwhen = [{when}]\n"
        )
    };
    let twins = figure("a", "%", r#""taux", "Écoles""#, r#""2024""#)
        + &figure("b", "%", r#""ecoles", "TAUX""#, r#""2024""#);
    let m = messages(&twins);
    assert!(m[0].contains("`a` and `b` cannot be told apart"), "{m:?}");
    // Another unit, a term moved from `about` to `when`, one more term, or the same term
    // twice: figures text can tell apart.
    for other in [
        figure("b", "count", r#""taux", "écoles""#, r#""2024""#),
        figure("b", "%", r#""taux""#, r#""écoles", "2024""#),
        figure("b", "%", r#""taux", "écoles""#, r#""2024", "2025""#),
        figure("b", "%", r#""taux", "taux", "écoles""#, r#""2024""#),
    ] {
        let text = figure("a", "%", r#""taux", "écoles""#, r#""2024""#) + &other;
        assert_eq!(load(&text).unwrap().figures.len(), 2, "{other}");
    }
}
