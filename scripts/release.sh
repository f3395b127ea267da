#!/usr/bin/env bash
# Compiles the services into one folder that runs without TypeScript: JavaScript, the
# files read at run time, the package manifests and schema/ — no tests, no dev key.
# The Dockerfile runs it; then `npm ci --omit=dev` in that folder installs what runs.
set -euo pipefail
out=${1:?usage: scripts/release.sh <out-dir>}
cd "$(dirname "$0")/.."
rm -rf "$out"
npx tsc -p tsconfig.build.json --outDir "$out"
find packages/*/src subgraphs/*/src gateway/src -type f ! -name '*.ts' ! -name '*.json' -exec cp --parents {} "$out"/ \;
cp --parents package.json package-lock.json packages/*/package.json subgraphs/*/package.json gateway/package.json "$out"/
cp -r schema "$out"/schema
sed -i 's#"main": "src/index.ts"#"main": "src/index.js"#' "$out"/packages/*/package.json "$out"/subgraphs/*/package.json "$out"/gateway/package.json
