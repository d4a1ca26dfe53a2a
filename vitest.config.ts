import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@/': root,
      // The DAL marks itself server-only for Next's bundler; in tests it runs in plain Node.
      'server-only': fileURLToPath(new URL('./lib/testing/server-only-noop.ts', import.meta.url)),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'components/**/*.test.tsx', 'db/owner-lock.test.ts'],
          exclude: ['lib/dal/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['lib/dal/**/*.test.ts', 'db/**/*.test.ts', 'app/**/*.test.ts'],
          exclude: ['db/owner-lock.test.ts'],
          setupFiles: ['lib/testing/fresh-database.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
