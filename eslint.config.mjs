import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const dbImports = ['@/db', '@/db/*', '../db', '../db/*', '../../db', '../../db/*'];
// Zod must run jitless under the content security policy: lib/validation/zod.ts sets that once
// and is the only module that imports 'zod' itself.
const zodImport = { name: 'zod', message: "Import { z } from '@/lib/validation/zod', which makes zod jitless first." };
// Tandem's pages are per person and per request: components/ui/link.tsx is next/link without prefetching.
const linkImport = { name: 'next/link', message: "Import { Link } from '@/components/ui/link', which does not prefetch." };
const dbPatterns = [{ group: dbImports, message: 'Only lib/dal may import db/: go through a DAL function.' }];

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', '.data/**', 'node_modules/**', 'playwright-report/**', 'test-results/**', 'next-env.d.ts'],
  },
  {
    rules: {
      // lib/dal is the only way to the database: it authorizes every call (STYLE.md).
      'no-restricted-imports': ['error', { paths: [zodImport, linkImport], patterns: dbPatterns }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/dal/**', 'db/**', 'lib/testing/**', 'scripts/**', 'instrumentation.ts', '**/*.test.ts', 'e2e/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [zodImport] }] },
  },
  {
    files: ['lib/validation/zod.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['components/ui/link.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [zodImport], patterns: dbPatterns }] },
  },
];

export default config;
