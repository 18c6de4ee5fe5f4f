//! Collects the module doc comment (`//!`) of each lint rule in `src/rules/` so that
//! `figcheck rules ID` prints exactly the rule's own documentation.

use std::fmt::Write;
use std::fs;

fn main() {
    println!("cargo:rerun-if-changed=src/rules");
    let mut entries: Vec<_> = fs::read_dir("src/rules")
        .expect("src/rules exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .filter(|p| p.file_stem().is_some_and(|s| s != "mod"))
        .collect();
    entries.sort();
    let mut out = String::from("/// The `//!` documentation of each rule file, by file name.\npub fn rule_doc(stem: &str) -> &'static str {\n    match stem {\n");
    for path in entries {
        let text = fs::read_to_string(&path).expect("rule file is readable");
        let doc: Vec<&str> = text
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| {
                l.strip_prefix("//! ")
                    .unwrap_or(l.strip_prefix("//!").unwrap_or(l))
            })
            .collect();
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let _ = writeln!(out, "        {:?} => {:?},", stem, doc.join("\n"));
    }
    out.push_str("        _ => \"\",\n    }\n}\n");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set"))
        .join("rule_docs.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
