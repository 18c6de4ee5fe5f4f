#!/usr/bin/env bash
# Profile-guided build of figcheck: writes target/pgo/figcheck.
#
#   bench/pgo.sh
#
# figcheck's scanner is branchy code (a word either starts a claim or not, a number either has a
# unit after it or not); a profile of a real run tells the compiler which way those branches go
# and which functions are hot, which a plain `cargo build --release` can only guess. The script
# builds an instrumented binary, runs it over a training corpus, merges the profile with
# llvm-profdata (rustup's llvm-tools component, added when missing) and builds again with it.
#
# The training corpus is generated with another seed than bench/run.sh's corpus (2,000 files,
# 8 MB, and one 8 MB file for the windowed reading of huge files), and the runs cover extract and
# check, JSON and concise output, one and two threads, and the bundled examples.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/target/pgo
HOST=$(rustc -vV | sed -n 's/^host: //p')
PROFDATA=$(rustc --print sysroot)/lib/rustlib/$HOST/bin/llvm-profdata
if [ ! -x "$PROFDATA" ]; then
  rustup component add llvm-tools >/dev/null
fi

rm -rf "$WORK/profiles"
mkdir -p "$WORK/profiles"
RUSTFLAGS="-Cprofile-generate=$WORK/profiles" \
  cargo build --release --quiet --target-dir "$WORK/instrumented"
BIN=$WORK/instrumented/release/figcheck

TRAIN=$WORK/train
if [ ! -f "$TRAIN/.done" ]; then
  rm -rf "$TRAIN"
  python3 bench/gen_corpus.py "$TRAIN" --files 2000 --seed 7 --figures 10 10000 >/dev/null
  python3 bench/gen_corpus.py "$TRAIN/single" --files 2000 --seed 8 --single --figures 10 >/dev/null
  touch "$TRAIN/.done"
fi
# figcheck exits 1 when it reports findings: the training runs' status is not checked.
(
  cd "$TRAIN"
  export FIGCHECK_CACHE_DIR=$TRAIN/cache
  "$BIN" extract -j1 --format json docs >/dev/null || true
  "$BIN" check -j1 --ledger figures-10000.toml --format json docs >/dev/null || true
  "$BIN" check -j2 --ledger figures-10.toml --format concise docs >/dev/null || true
  "$BIN" check -j1 --ledger figures-10.toml --max-file-size 1000000000 --format json \
    single/docs/big.md >/dev/null || true
  "$BIN" extract "$ROOT/examples" >/dev/null || true
  "$BIN" check "$ROOT/examples" >/dev/null 2>&1 || true
)
"$PROFDATA" merge -o "$WORK/merged.profdata" "$WORK/profiles"

RUSTFLAGS="-Cprofile-use=$WORK/merged.profdata" \
  cargo build --release --quiet --target-dir "$WORK/optimized"
cp "$WORK/optimized/release/figcheck" "$WORK/figcheck"
echo "$WORK/figcheck"
