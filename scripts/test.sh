#!/usr/bin/env bash
# `npm test`: installs what the suite needs on a fresh machine, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if [ ! -x /usr/bin/chromium ]; then
  echo "== Installing Debian's Chromium for the browser tests"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

echo "== Installing npm packages"
npm install --no-audit --no-fund

echo "== Type check"
node_modules/.bin/tsc --noEmit -p tsconfig.json

echo "== Unit and integration tests"
rm -f test-results/vitest.json test-results/e2e.json
node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json

echo "== End-to-end tests (production build, simulator, Chromium)"
node scripts/e2e.mjs

node scripts/test-summary.mjs
