#!/usr/bin/env bash
# `npm test`: installs what the suite needs on a fresh machine, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# Debian packages: Chromium for the browser tests, PostgreSQL for the repository tests (which start
# their own throwaway server; the system service is not used).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== Installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Once per lock file: a clean clone installs exactly the lock (npm install when it is out of step with
# package.json); a second run with node_modules newer than the lock installs nothing.
if [ node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "== npm packages: installed"
else
  echo "== Installing npm packages"
  npm ci --no-audit --no-fund || npm install --no-audit --no-fund
fi

# tests/upstream-long.test.ts waits five minutes of real time on idle timers: it runs in a process of
# its own from here to the end, beside the other steps, and is waited for before the summary.
mkdir -p test-results
rm -f test-results/vitest.json test-results/vitest-long.json test-results/e2e.json
node_modules/.bin/vitest run tests/upstream-long.test.ts --reporter=json --outputFile.json=test-results/vitest-long.json \
  >test-results/vitest-long.log 2>&1 &
long=$!
trap 'kill "$long" 2>/dev/null || true' EXIT

echo "== Type check"
node_modules/.bin/tsc --noEmit -p tsconfig.json

echo "== Lint and format"
node_modules/.bin/eslint --max-warnings 0 .
node_modules/.bin/prettier --check --log-level warn "**/*.{ts,tsx,mjs,mts,css}"

echo "== Unit and integration tests"
node_modules/.bin/vitest run --exclude tests/upstream-long.test.ts --reporter=default --reporter=json --outputFile.json=test-results/vitest.json

echo "== End-to-end tests (production build, simulator, Chromium)"
node scripts/e2e.mjs

echo "== Minutes-long upstream calls (tests/upstream-long.test.ts, started after the install)"
long_status=0
wait "$long" || long_status=$?
cat test-results/vitest-long.log
[ "$long_status" -eq 0 ] || { echo "tests/upstream-long.test.ts failed ($long_status)"; exit "$long_status"; }

node scripts/test-summary.mjs
