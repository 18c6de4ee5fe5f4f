#!/usr/bin/env bash
# Whole-process benchmark of figcheck against ripgrep on a generated corpus.
#
#   bench/run.sh [FILES] [FILE_SIZE]     (default 25000 files of 4000 bytes: ~100 MB)
#
# Needs python3, hyperfine and rg (Debian: apt-get install hyperfine ripgrep). Prints one table
# of medians and ratios measured in the same run, and peak memory (/usr/bin/time -v).
# The plain release build is timed, and beside it the profile-guided build of bench/pgo.sh
# (rows marked "PGO"); PGO=0 leaves the latter out.
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=${1:-25000}
SIZE=${2:-4000}
OUT=${BENCH_DIR:-target/bench-corpus}
cargo build --release --quiet
BIN=$PWD/target/release/figcheck
PGO_ROWS=()
if [ "${PGO:-1}" != 0 ]; then
  PBIN=$(bash bench/pgo.sh | tail -1)
  PGO_ROWS=(
    -n "extract -j1 PGO" "$PBIN extract -j1 --format json docs"
    -n "check 10000 figures -j1 PGO" "$PBIN check -j1 --ledger figures-10000.toml --format json docs"
    -n "check 10000 figures -j2 PGO" "$PBIN check -j2 --ledger figures-10000.toml --format json docs"
    -n "check one big file -j1 PGO" "$PBIN check -j1 --ledger figures-10.toml --max-file-size 1000000000 --format json single/docs/big.md"
  )
fi
if [ ! -f "$OUT/.done-$FILES-$SIZE" ]; then
  rm -rf "$OUT"
  python3 bench/gen_corpus.py "$OUT" --files "$FILES" --file-size "$SIZE" --figures 10 10000
  python3 bench/gen_corpus.py "$OUT/single" --files "$FILES" --file-size "$SIZE" --single --figures 10
  touch "$OUT/.done-$FILES-$SIZE"
fi
cd "$OUT"
# The compiled-ledger cache stays in the corpus folder (warm after hyperfine's warm-up run).
export FIGCHECK_CACHE_DIR=$PWD/cache
MB=$(du -sm --apparent-size docs | cut -f1)
# The same number regex for ripgrep, with ASCII classes and explicit separators.
RE='[0-9]+(?:[ ,.\xa0][0-9]{3})*(?:[.,][0-9]+)?'
JSON=$(mktemp)
hyperfine -i --warmup 1 --runs "${RUNS:-5}" --export-json "$JSON" --style basic -N \
  -n "rg -j1" "rg -j1 --count-matches --no-unicode -e '$RE' docs" \
  -n "extract -j1" "$BIN extract -j1 --format json docs" \
  -n "check 10 figures -j1" "$BIN check -j1 --ledger figures-10.toml --format json docs" \
  -n "check 10000 figures -j1" "$BIN check -j1 --ledger figures-10000.toml --format json docs" \
  -n "check 10000 figures -j2" "$BIN check -j2 --ledger figures-10000.toml --format json docs" \
  -n "check one big file -j1" "$BIN check -j1 --ledger figures-10.toml --max-file-size 1000000000 --format json single/docs/big.md" \
  -n "start-up 10 figures" "$BIN check --ledger figures-10.toml --format json docs/00001.md" \
  -n "start-up 10000 figures" "$BIN check --ledger figures-10000.toml --format json docs/00001.md" \
  -n "start-up 10000 figures, --no-cache" "$BIN check --no-cache --ledger figures-10000.toml --format json docs/00001.md" \
  "${PGO_ROWS[@]}" \
  >/dev/null 2>&1 || true
python3 - "$JSON" "$MB" <<'PY'
import json, sys
runs = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
mb = float(sys.argv[2])
rg = runs["rg -j1"]
print(f"corpus: {mb:.0f} MB")
print(f"{'command':<36} {'median s':>9} {'MB/s':>8} {'× rg -j1':>9}")
for name, t in runs.items():
    rate = "" if name.startswith("start-up") else f"{mb / t:8.1f}"
    print(f"{name:<36} {t:9.3f} {rate:>8} {t / rg:9.2f}")
e = runs["extract -j1"]
print(f"check 10000 / check 10 figures (-j1): {runs['check 10000 figures -j1'] / runs['check 10 figures -j1']:.2f}")
print(f"check 10 figures / extract (-j1):     {runs['check 10 figures -j1'] / e:.2f}")
print(f"-j1 / -j2 (10000 figures):             {runs['check 10000 figures -j1'] / runs['check 10000 figures -j2']:.2f}")
if "extract -j1 PGO" in runs:
    print(f"PGO / plain, extract -j1:              {runs['extract -j1 PGO'] / e:.2f}")
    print(f"PGO / plain, check 10000 figures -j1:  {runs['check 10000 figures -j1 PGO'] / runs['check 10000 figures -j1']:.2f}")
    print(f"-j1 / -j2 (10000 figures, PGO):        {runs['check 10000 figures -j1 PGO'] / runs['check 10000 figures -j2 PGO']:.2f}")
PY
rm -f "$JSON"
# Peak memory; figcheck exits 1 when it reports findings, so the status is not checked.
TIMES=$(mktemp)
for cmd in "check -j1 --ledger figures-10000.toml --format json docs" \
           "check -j1 --ledger figures-10.toml --max-file-size 1000000000 --format json single/docs/big.md" \
           "extract -j1 --max-file-size 1000000000 --format json single/docs/big.md"; do
  /usr/bin/time -v -o "$TIMES" $BIN $cmd >/dev/null 2>&1 || true
  kb=$(awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}' "$TIMES")
  echo "peak memory: $((kb / 1024)) MB  ($cmd)"
done
rm -f "$TIMES"
echo "the one big file: $(( $(stat -c %s single/docs/big.md) / 1048576 )) MB"
