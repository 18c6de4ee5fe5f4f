#!/usr/bin/env python3
"""Times bench/run.sh's commands in rotation, for a noisy machine.

    python3 bench/rotate.py [--runs 7] [--pgo target/pgo/figcheck] [--base OTHER_BINARY]

hyperfine runs one command's runs back to back, so a burst of load from a neighbour lands on
one command and skews its ratios; here each round runs every command once, and the table gives
each command's fastest run (the one least disturbed) and its median. With --base, a second
binary (say, the commit before a change) is timed in the same rounds. Run bench/run.sh once
first: it builds the corpus in target/bench-corpus.
"""
import argparse
import os
import statistics
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RE = r"[0-9]+(?:[ ,.\xa0][0-9]{3})*(?:[.,][0-9]+)?"


def commands(tag, binary, with_check10):
    """bench/run.sh's figcheck commands for `binary`, each name ending in `tag`."""
    out = {f"extract -j1 {tag}": [binary, "extract", "-j1", "--format", "json", "docs"]}
    check = [binary, "check", "--format", "json"]
    if with_check10:
        out[f"check 10 figures -j1 {tag}"] = check + ["-j1", "--ledger", "figures-10.toml", "docs"]
    out[f"check 10000 figures -j1 {tag}"] = check + ["-j1", "--ledger", "figures-10000.toml", "docs"]
    out[f"check 10000 figures -j2 {tag}"] = check + ["-j2", "--ledger", "figures-10000.toml", "docs"]
    out[f"check one big file -j1 {tag}"] = check + [
        "-j1", "--ledger", "figures-10.toml", "--max-file-size", "1000000000", "single/docs/big.md"]
    return {name.strip(): cmd for name, cmd in out.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--pgo", help="a profile-guided build to time beside the plain one")
    ap.add_argument("--base", help="another figcheck binary to time in the same rounds")
    args = ap.parse_args()
    corpus = os.path.join(ROOT, "target", "bench-corpus")
    os.chdir(corpus)
    os.environ["FIGCHECK_CACHE_DIR"] = os.path.join(corpus, "cache")
    mb = int(subprocess.run(["du", "-sm", "--apparent-size", "docs"], capture_output=True,
                            text=True).stdout.split()[0])
    cmds = {"rg -j1": ["rg", "-j1", "--count-matches", "--no-unicode", "-e", RE, "docs"]}
    cmds.update(commands("", os.path.join(ROOT, "target", "release", "figcheck"), True))
    if args.pgo:
        cmds.update(commands("PGO", os.path.abspath(os.path.join(ROOT, args.pgo)), False))
    if args.base:
        cmds.update(commands("base", os.path.abspath(args.base), True))
    times = {k: [] for k in cmds}
    for _ in range(args.runs):
        for name, cmd in cmds.items():
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
    fastest = {k: min(v) for k, v in times.items()}
    rg = fastest["rg -j1"]
    print(f"corpus: {mb} MB, {args.runs} rounds")
    print(f"{'command':<38} {'fastest':>8} {'median':>8} {'MB/s':>7} {'× rg':>6}")
    for name, t in fastest.items():
        print(f"{name:<38} {t:8.3f} {statistics.median(times[name]):8.3f} {mb / t:7.1f} {t / rg:6.2f}")
    for tag in ["", "base"]:
        name = lambda n: f"{n} {tag}".strip()
        j1 = fastest.get(name("check 10000 figures -j1"))
        if j1:
            print(f"{tag or 'this build'}: 10000 / 10 figures "
                  f"{j1 / fastest[name('check 10 figures -j1')]:.2f}, "
                  f"-j1 / -j2 {j1 / fastest[name('check 10000 figures -j2')]:.2f}")


if __name__ == "__main__":
    main()
