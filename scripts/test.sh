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

echo "== Installing npm packages"
npm install --no-audit --no-fund

echo "== Type check"
node_modules/.bin/tsc --noEmit -p tsconfig.json

echo "== Lint and format"
node_modules/.bin/eslint --max-warnings 0 .
node_modules/.bin/prettier --check --log-level warn "**/*.{ts,tsx,mjs,mts,css}"

echo "== Unit and integration tests"
rm -f test-results/vitest.json test-results/e2e.json
node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json

echo "== End-to-end tests (production build, simulator, Chromium)"
node scripts/e2e.mjs

node scripts/test-summary.mjs
