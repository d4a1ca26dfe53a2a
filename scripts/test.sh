#!/usr/bin/env bash
# `npm test`: type-check, lint, unit and integration tests on a fresh PGlite per file, the same
# integration suite on PostgreSQL when DATABASE_URL is set (through PgBouncer when
# TANDEM_PGBOUNCER_URL is, as in CI), then end-to-end tests in Chromium against a production build
# on a fresh embedded database.
set -euo pipefail

step() { printf '\n== %s\n' "$1"; }

step 'Type-check'
npx tsc --noEmit

step 'Lint and format'
npx eslint --max-warnings 0 .
npx prettier --check .

step 'Unit tests'
npx vitest run --project unit

step 'Integration tests on embedded PGlite'
env -u DATABASE_URL npx vitest run --project integration

if [ -n "${TANDEM_PGBOUNCER_URL:-}" ]; then
  # set_config(..., true) ends with each transaction, so pooled connections carry nothing over.
  step 'Integration tests on PostgreSQL through PgBouncer (transaction mode)'
  TANDEM_TEST_DATABASE=postgres DATABASE_URL="$TANDEM_PGBOUNCER_URL" npx vitest run --project integration
elif [ -n "${DATABASE_URL:-}" ]; then
  step 'Integration tests on PostgreSQL'
  TANDEM_TEST_DATABASE=postgres npx vitest run --project integration
else
  echo 'DATABASE_URL is not set: skipping the PostgreSQL run of the integration tests.'
fi

step 'Browser for the end-to-end tests'
# A system Chromium or Chrome when there is one (playwright.config.ts reads PLAYWRIGHT_CHROMIUM_PATH),
# else Playwright's own Chromium, downloaded once where downloads are allowed.
if [ -z "${PLAYWRIGHT_CHROMIUM_PATH:-}" ]; then
  for candidate in chromium chromium-browser google-chrome google-chrome-stable \
    '/Applications/Chromium.app/Contents/MacOS/Chromium' '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'; do
    found="$(command -v "$candidate" 2>/dev/null || true)"
    if [ -n "$found" ]; then export PLAYWRIGHT_CHROMIUM_PATH="$found"; break; fi
  done
fi
if [ -n "${PLAYWRIGHT_CHROMIUM_PATH:-}" ]; then
  echo "Using ${PLAYWRIGHT_CHROMIUM_PATH}"
elif node -e "process.exit(require('node:fs').existsSync(require('playwright-core').chromium.executablePath()) ? 0 : 1)"; then
  echo "Using Playwright's Chromium"
elif npx playwright install chromium >.playwright-install.log 2>&1; then
  echo "Installed Playwright's Chromium"
else
  echo "No Chromium found and Playwright could not download one: install Chromium or Google Chrome (Debian: apt-get install chromium; macOS: brew install --cask chromium) or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium binary, then run npm test again (details: .playwright-install.log)." >&2
  exit 1
fi

step 'Production build'
npx next build

step 'End-to-end tests'
npx playwright test
