#!/usr/bin/env bash
# The whole test suite: type-check and lint (side by side, one core each), then jest, which runs
# Terraform with the real hashicorp/aws provider (src/evidence/terraform.ts says where it comes from).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
# The local binaries, not npx: npx spends most of a second finding them each time.
bin=node_modules/.bin
echo "== tsc --noEmit, eslint"
# Incremental and cached (in node_modules/.cache): a repeat run rechecks only what changed.
tsc_log=$(mktemp)
"$bin/tsc" --noEmit --incremental --tsBuildInfoFile node_modules/.cache/tsc.tsbuildinfo > "$tsc_log" 2>&1 & tsc_pid=$!
lint_status=0; "$bin/eslint" --cache --cache-location node_modules/.cache/eslint/ . || lint_status=$?
tsc_status=0; wait "$tsc_pid" || tsc_status=$?
cat "$tsc_log"; rm -f "$tsc_log"
if [ "$tsc_status" != 0 ] || [ "$lint_status" != 0 ]; then echo "tsc exit $tsc_status, eslint exit $lint_status"; exit 1; fi
echo "== jest"; "$bin/jest" "$@"
