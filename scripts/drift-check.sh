#!/usr/bin/env bash
# The drift check: regenerate with `npm run synth`, then fail if any file the generator owns (its
# manifest, .generated-files, and every file it lists) differs from the committed one or is new.
# CI (.github/workflows/pull-request.yml) and the pre-commit hook (.pre-commit-config.yaml) both run
# this script, so they agree.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent synth > /dev/null
mapfile -t owned < <(grep -v '^#' .generated-files)
changed=$(git status --porcelain --untracked-files=all -- .generated-files "${owned[@]}")
if [ -n "$changed" ]; then
  echo "Generated files differ from what npm run synth writes (never edit them; change src/ and run npm run synth, then commit both):" >&2
  echo "$changed" >&2
  git --no-pager diff --stat -- .generated-files "${owned[@]}" >&2
  # The changes themselves (the first 200 lines): what the generator now writes is reviewed, not just committed.
  git --no-pager diff -- .generated-files "${owned[@]}" | head -n 200 >&2 || true
  exit 1
fi
echo "The generated files are what npm run synth writes."
