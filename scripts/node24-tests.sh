#!/usr/bin/env bash
# The core's and the CLI's unit tests, and one `lab train --epochs 1`, on the Node that the pinned Electron
# ships (package.json "electronNode"), next to node_modules' Node 20.
#
# Node comes from the npm registry as a package (node-<os>-<arch>@<version>: bin/node + include/ headers);
# better-sqlite3 is built for its ABI with node-gyp --nodedir into the cache, and a --require preload
# (scripts/lib/better-sqlite3-redirect.cjs) loads that build instead of node_modules' one. node_modules is
# never written: vitest runs with --configLoader runner --no-cache (else it writes .vite-temp / results.json).
# Reruns reuse the cache: Node, node-gyp and the addon are keyed by their versions and the ABI.
#
# usage: bash scripts/node24-tests.sh          (npm run test:node24; a step of npm test)
# env:   LOSS_LAB_NODE_CACHE  cache root (default: node_modules/.cache/loss-lab/electron-node in the project: a test
#        runs the CLI as `nobody`, who cannot reach root's ~/.cache, so the Node binary must sit where the project is)
#        LOSS_LAB_NODE_WORKERS vitest --maxWorkers (default 2)
#        LOSS_LAB_NODE_TESTS  test paths (default: test/unit/main/core test/unit/main/hosts/cli)
set -euo pipefail
PROJECT=$(cd "$(dirname "$0")/.." && pwd)
cd "$PROJECT"

read -r ELECTRON_MAJOR NODE_VERSION < <(node -p "const p = require('./package.json').electronNode; p.electron + ' ' + p.node")
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) PLATFORM=linux-x64 ;;
  Linux-aarch64) PLATFORM=linux-arm64 ;;
  Darwin-arm64) PLATFORM=darwin-arm64 ;;
  Darwin-x86_64) PLATFORM=darwin-x64 ;;
  *) echo "node24-tests: no node-<os>-<arch> package for $(uname -s)-$(uname -m); run the Node $NODE_VERSION tests on Linux or macOS" >&2; exit 2 ;;
esac
NODE_GYP_VERSION=11.5.0
ROOT=${LOSS_LAB_NODE_CACHE:-$PROJECT/node_modules/.cache/loss-lab/electron-node}
CACHE=$ROOT/node-$NODE_VERSION-$PLATFORM
NODE_DIR=$CACHE/node
NODE=$NODE_DIR/bin/node
WORKERS=${LOSS_LAB_NODE_WORKERS:-2}
read -r -a TESTS <<< "${LOSS_LAB_NODE_TESTS:-test/unit/main/core test/unit/main/hosts/cli}"
LABEL="Node $NODE_VERSION (Electron $ELECTRON_MAJOR's Node)"
mkdir -p "$CACHE"
[ -f node_modules/better-sqlite3/binding.gyp ] || { echo "node24-tests: node_modules/better-sqlite3 is missing: run npm ci first" >&2; exit 2; }

started=$(date +%s)
step() { printf '\n=== at %d s: %s\n' $(( $(date +%s) - started )) "$1"; }
registry_help() {
  echo "node24-tests: could not get $1 from the npm registry ($(npm config get registry)). Connect to the registry" \
    "(or set npm's registry/proxy config) and rerun; or copy a cache made elsewhere into $ROOT." >&2
  exit 1
}

# 1. Node itself: the registry's node-<os>-<arch> package holds bin/node and include/node (headers for node-gyp).
step "$LABEL from the npm registry"
if [ ! -x "$NODE" ]; then
  tmp=$(mktemp -d "$CACHE/pack.XXXX")
  (cd "$tmp" && npm pack --silent "node-$PLATFORM@$NODE_VERSION" >/dev/null 2>"$tmp/npm.log") || { cat "$tmp/npm.log" >&2; registry_help "node-$PLATFORM@$NODE_VERSION"; }
  tar xzf "$tmp"/node-*.tgz -C "$tmp" && rm -rf "$NODE_DIR" && mv "$tmp/package" "$NODE_DIR" && rm -rf "$tmp"
fi
[ "$("$NODE" --version)" = "v$NODE_VERSION" ] || { echo "node24-tests: $NODE is $("$NODE" --version), not v$NODE_VERSION" >&2; exit 1; }
ABI=$("$NODE" -p process.versions.modules)
echo "$NODE: $("$NODE" --version), ABI $ABI"

# 2. better-sqlite3 for that ABI, from the project's copy of the package (same version, same SQLite).
BSQ_VERSION=$(node -p "require('./node_modules/better-sqlite3/package.json').version")
ADDON=$CACHE/better_sqlite3-$BSQ_VERSION-abi$ABI.node
step "better-sqlite3 $BSQ_VERSION for ABI $ABI"
# An addon that does not load on this Node (e.g. built against another Node's headers) is built again.
loads() { "$NODE" -e "process.dlopen({ exports: {} }, process.argv[1])" "$1" 2>/dev/null; }
if [ -f "$ADDON" ] && ! loads "$ADDON"; then echo "$ADDON does not load on $LABEL: building it again"; rm -f "$ADDON"; fi
if [ ! -f "$ADDON" ]; then
  GYP=$ROOT/node-gyp-$NODE_GYP_VERSION/node_modules/node-gyp/bin/node-gyp.js
  [ -f "$GYP" ] || npm install --silent --no-audit --no-fund --no-save --prefix "$ROOT/node-gyp-$NODE_GYP_VERSION" "node-gyp@$NODE_GYP_VERSION" || registry_help "node-gyp@$NODE_GYP_VERSION"
  src=$CACHE/build/better-sqlite3-$BSQ_VERSION
  rm -rf "$src" && mkdir -p "$src"
  (cd node_modules/better-sqlite3 && tar cf - --exclude=./build .) | tar xf - -C "$src"
  # Node first on PATH: gyp's actions run `node`. Headers from --nodedir: nothing is downloaded.
  # Without npm's nodedir: under `npm test` npm exports its config (npm_config_nodedir=/usr where npm is set to
  # build against the system Node's headers), and node-gyp takes that over --nodedir: an ABI-115 addon.
  (cd "$src" && env -u npm_config_nodedir -u NPM_CONFIG_NODEDIR PATH="$NODE_DIR/bin:$PATH" "$NODE" "$GYP" rebuild --release --nodedir="$NODE_DIR" -j "$(nproc 2>/dev/null || echo 2)" >"$CACHE/build/better-sqlite3.log" 2>&1) \
    || { tail -30 "$CACHE/build/better-sqlite3.log" >&2; echo "node24-tests: building better-sqlite3 failed (needs make, g++, python3); log: $CACHE/build/better-sqlite3.log" >&2; exit 1; }
  loads "$src/build/Release/better_sqlite3.node" || { echo "node24-tests: the better-sqlite3 just built does not load on $LABEL; log: $CACHE/build/better-sqlite3.log" >&2; exit 1; }
  cp "$src/build/Release/better_sqlite3.node" "$ADDON.tmp" && mv "$ADDON.tmp" "$ADDON" && rm -rf "$src"
fi
echo "$ADDON"
export BETTER_SQLITE3_NODE=$ADDON
export NODE_OPTIONS="--require $PROJECT/scripts/lib/better-sqlite3-redirect.cjs${NODE_OPTIONS:+ $NODE_OPTIONS}"
"$NODE" -e "const D = require('better-sqlite3'); console.log('better-sqlite3 loads on', process.version, '(SQLite ' + new D(':memory:').prepare('select sqlite_version() v').get().v + ')')"

# 3. The tests, with vitest's JSON report for the summary line.
step "vitest run ${TESTS[*]} on $LABEL (maxWorkers $WORKERS)"
REPORT=$(mktemp /tmp/loss-lab-node-tests.XXXX.json)
status=0
"$NODE" node_modules/vitest/vitest.mjs run "${TESTS[@]}" --configLoader runner --no-cache --maxWorkers="$WORKERS" \
  --reporter=default --reporter=json --outputFile.json="$REPORT" || status=1
# testResults: one entry per test file (numTotalTestSuites counts describe blocks too).
summary=$("$NODE" -p "const r = require('$REPORT'); const f = r.testResults; [f.filter((t) => t.status === 'passed').length, f.length, r.numPassedTests, r.numTotalTests, r.numFailedTests].join(' ')" 2>/dev/null || echo "0 0 0 0 0")
read -r FILES_OK FILES TESTS_OK TESTS_ALL TESTS_FAILED <<< "$summary"
rm -f "$REPORT"

# 4. One CLI training in a fresh data dir; its last line is the evaluation, with the backend and why.
step "lab train --preset example-1 --epochs 1 on $LABEL"
DATA=$(mktemp -d /tmp/loss-lab-node-train.XXXX)
train="failed"
if line=$("$NODE" --import tsx src/main/hosts/cli/main.ts train --preset example-1 --epochs 1 --json --data-dir "$DATA" | tail -1); then
  train=$("$NODE" -p "const e = JSON.parse(process.argv[1]); e.status + ' on ' + e.backend + ', test accuracy ' + (100 * e.testAccuracy).toFixed(2) + '% (' + e.backendReason + ')'" "$line") || train="failed: $line"
  rm -rf "$DATA"
fi
case $train in completed*) ;; *) status=1 ;; esac

step "done"
if [ "$status" = 0 ]; then
  echo "$LABEL: $FILES test files, $TESTS_OK tests passed; lab train --epochs 1 $train"
else
  echo "$LABEL: FAILED: $FILES_OK of $FILES test files, $TESTS_OK of $TESTS_ALL tests passed ($TESTS_FAILED failed); lab train --epochs 1 $train" >&2
fi
exit "$status"
