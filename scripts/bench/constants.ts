import { randomBytes } from 'node:crypto';

// The size of the benchmark's clinic (issues 5 and 17): 2,000 clients by default, one therapist
// per 50 clients, one year. `npm run bench -- --clients N` passes N to the seed as BENCH_CLIENTS.
export const BENCH_PASSWORD = 'bench-tandem-pass';
export const DEFAULT_CLIENTS = 2_000;
export const MEASURED_CASELOAD = 150;
export const DAYS = 365;

/** The number of clients asked for, or a sentence saying what is wrong with it. */
export function parseClientCount(value: string | undefined): number | string {
  if (value === undefined || value === '') return DEFAULT_CLIENTS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2 * MEASURED_CASELOAD || n > 100_000) {
    return `--clients takes a whole number of clients from ${2 * MEASURED_CASELOAD} to 100000 (got "${value}").`;
  }
  return n;
}

/** One therapist per 50 clients (40 at 2,000): therapist 1 holds the measured caseload, the rest share the others. */
export function therapistCount(clients: number): number {
  return Math.round(clients / 50);
}

/**
 * Fresh secrets for the bench's seed and servers, one set per run: on PostgreSQL Tandem refuses to
 * start without all three (lib/secret-sources.ts).
 */
export function benchSecrets() {
  return {
    NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
    TANDEM_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    TANDEM_AUDIT_KEY: randomBytes(32).toString('base64'),
  };
}
