#!/usr/bin/env bash
# `npm test`: type-check, lint, unit and integration tests on a fresh PGlite per file, the same
# integration suite on PostgreSQL when DATABASE_URL is set, then end-to-end tests in Chromium
# against a production build on a fresh embedded database.
set -euo pipefail

step() { printf '\n== %s\n' "$1"; }

step 'Type-check'
npx tsc --noEmit

step 'Lint'
npx eslint --max-warnings 0 .

step 'Unit tests'
npx vitest run --project unit

step 'Integration tests on embedded PGlite'
env -u DATABASE_URL npx vitest run --project integration

if [ -n "${DATABASE_URL:-}" ]; then
  step 'Integration tests on PostgreSQL'
  TANDEM_TEST_DATABASE=postgres npx vitest run --project integration
else
  echo 'DATABASE_URL is not set: skipping the PostgreSQL run of the integration tests.'
fi

step 'Production build'
npx next build

step 'End-to-end tests'
npx playwright test
