#!/usr/bin/env bash
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
node -r ts-node/register/transpile-only tools/bench.ts
