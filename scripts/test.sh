#!/usr/bin/env bash
# The whole test suite: type-check, lint, then jest (which runs Terraform where it can).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
echo "== tsc --noEmit"; npx tsc --noEmit
echo "== eslint"; npx eslint .
echo "== jest"; npx jest "$@"
