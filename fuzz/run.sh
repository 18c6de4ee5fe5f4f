#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 600) with cargo fuzz (libFuzzer).
#   fuzz/run.sh [SECONDS]
# cargo-fuzz needs nightly features; on a stable toolchain RUSTC_BOOTSTRAP=1 enables them.
# Crashes land in fuzz/artifacts/TARGET/; copy each into tests/fuzz-regressions/ (a test replays them).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-600}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=${RUSTC_BOOTSTRAP:-1}
mkdir -p fuzz/corpus
for target in extract markdown ledger fixer; do
  mkdir -p "fuzz/corpus/$target"
  # Seed each corpus with the project's own texts and ledgers.
  case $target in
    ledger) cp examples/figures.toml tests/eval/figures.toml tests/fixtures/ledgers/*.toml "fuzz/corpus/$target/" 2>/dev/null || true ;;
    *) cp examples/*.md tests/eval/*.md tests/eval/*.txt "fuzz/corpus/$target/" 2>/dev/null || true ;;
  esac
  echo "== $target ($SECONDS_EACH s)"
  cargo fuzz run "$target" "fuzz/corpus/$target" -- -max_total_time="$SECONDS_EACH" -max_len=4096 -print_final_stats=1 2>&1 \
    | grep -E "stat::number_of_executed_units|ERROR|SUMMARY|panicked|Done" || true
done
