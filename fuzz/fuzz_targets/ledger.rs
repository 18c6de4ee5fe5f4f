//! Any text as a ledger: loading returns figures or diagnostics, never panics.
#![no_main]
use figcheck::ledger::Ledger;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = Ledger::parse("f.toml", text, common::packs());
});
