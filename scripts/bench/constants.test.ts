import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { benchSecrets, DEFAULT_CLIENTS, parseClientCount, therapistCount } from './constants';

describe('the bench clinic size (--clients)', () => {
  it('defaults to 2,000 clients with 40 therapists', () => {
    expect(parseClientCount(undefined)).toBe(DEFAULT_CLIENTS);
    expect(therapistCount(DEFAULT_CLIENTS)).toBe(40);
  });

  it('takes a whole number and gives one therapist per 50 clients', () => {
    expect(parseClientCount('10000')).toBe(10_000);
    expect(therapistCount(10_000)).toBe(200);
  });

  it('refuses what is not a whole number of clients, or too few for the measured caseload', () => {
    for (const bad of ['ten', '2000.5', '-1', '299', '1e9']) expect(parseClientCount(bad)).toMatch(/^--clients takes a whole number/);
  });
});

describe('the bench secrets', () => {
  it('are all Tandem needs to start on PostgreSQL', () => {
    // Loaded in a process of its own: the configuration is read once, at import.
    const loaded = spawnSync(
      process.execPath,
      ['--import', 'tsx', '-e', "import('./lib/secret-sources.ts').then((m) => { m.loadSecrets(); console.log('loaded'); })"],
      {
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'production',
          ...benchSecrets(),
          DATABASE_URL: 'postgres://bench@127.0.0.1:5432/unused',
          TANDEM_DATA_DIR: '',
        },
        encoding: 'utf8',
      },
    );
    expect(loaded.stderr).toBe('');
    expect(loaded.stdout.trim()).toBe('loaded');
  });
});
