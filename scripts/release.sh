#!/usr/bin/env bash
# Compiles the services into one folder that runs without TypeScript: JavaScript, the
# files read at run time, the package manifests and schema/ — no tests, no dev key, and
# neither the development package (packages/dev, @qn/dev: embedded PostgreSQL, the
# generated data's generator, development tokens) nor the subgraphs' generated data.
# The Dockerfile runs it; then `npm ci --omit=dev` in that folder installs what runs.
set -euo pipefail
out=${1:?usage: scripts/release.sh <out-dir>}
cd "$(dirname "$0")/.."
rm -rf "$out"
# Every package but packages/dev.
packages=()
for dir in packages/*/; do [ "$dir" = packages/dev/ ] || packages+=("${dir%/}"); done
npx tsc -p tsconfig.build.json --outDir "$out"
# Nothing the services run may require the development package (tsc leaves @qn/dev, reached through node_modules,
# out of the output) or generated data (which tsc compiles when it is imported, though tsconfig.build.json leaves it out).
leaked=$({ find "$out" -path "$out/packages/dev" -o -name '*sample-data.js'; grep -rlE 'require\("(@qn/dev|[^"]*sample-data)"\)' "$out" || true; } | head -n 5)
if [ -n "$leaked" ]; then echo "release: production code imports development code (@qn/dev, generated data): $leaked" >&2; exit 1; fi
find "${packages[@]/%//src}" subgraphs/*/src gateway/src -type f ! -name '*.ts' ! -name '*.json' -exec cp --parents {} "$out"/ \;
cp --parents package.json package-lock.json "${packages[@]/%//package.json}" subgraphs/*/package.json gateway/package.json "$out"/
cp -r schema "$out"/schema
sed -i 's#"main": "src/index.ts"#"main": "src/index.js"#' "$out"/packages/*/package.json "$out"/subgraphs/*/package.json "$out"/gateway/package.json
