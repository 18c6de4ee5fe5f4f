#!/usr/bin/env bash
# Runs the real pre-commit (from PyPI) against this repository's .pre-commit-hooks.yaml: a
# temporary git repository with a ledger and a draft holding one wrong figure must have its
# commit refused, and accepted once `figcheck check --fix` has corrected the figure.
#
#   tests/integration/pre-commit.sh        (needs git, python3 -m venv, cargo; builds figcheck)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pre-commit
export PATH="$work/venv/bin:$PATH"
export PRE_COMMIT_HOME="$work/cache"

# This repository, as a git repo pre-commit can clone (its HEAD, uncommitted changes included).
src="$work/figcheck"
git clone --quiet "$here" "$src"
(cd "$here" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) | tar -C "$src" -xf -
(cd "$src" && git add -A && git -c user.email=t@t -c user.name=t commit --quiet -m snapshot --allow-empty)
rev=$(git -C "$src" rev-parse HEAD)

repo="$work/docs"
mkdir -p "$repo"
cd "$repo"
git init --quiet
git config user.email ci@example.org
git config user.name ci
cp "$here/examples/figures.toml" figures.toml
printf 'Les équipes mobiles ont mené environ 390 exercices.\n' > draft.md
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $src
    rev: $rev
    hooks:
      - id: figcheck
YAML
pre-commit install --install-hooks >/dev/null
git add .
if git commit --quiet -m "draft with a wrong figure"; then
  echo "FAIL: the commit with a wrong figure was accepted"; exit 1
fi
echo "ok: the commit with a wrong figure was refused"
(cd "$here" && cargo build --release --quiet)
"$here/target/release/figcheck" check --fix draft.md >/dev/null 2>&1 || true
grep -q "environ 320 exercices" draft.md || { echo "FAIL: --fix did not correct the draft"; exit 1; }
git add draft.md
git commit --quiet -m "draft, fixed"
echo "ok: the commit passed after --fix"
# try-repo too, as pre-commit's docs suggest for trying a hook.
printf 'Environ 390 exercices.\n' > other.md
if pre-commit try-repo "$src" figcheck --files other.md >/dev/null 2>&1; then
  echo "FAIL: try-repo accepted a wrong figure"; exit 1
fi
echo "ok: try-repo refused a wrong figure"
