import path from 'node:path';
import { z } from '@/lib/validation/zod';

// The only reader of process.env. An empty variable counts as unset.
const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  // A streaming replica for the dashboards' reads (caseload, clinic overview); with DATABASE_URL only.
  DATABASE_READ_URL: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_READ_URL must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  TANDEM_DATA_DIR: z.preprocess(blankAsUnset, z.string().default('.data')),
  PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(1).max(65535).default(3000)),
  NEXTAUTH_SECRET: z.preprocess(blankAsUnset, z.string().min(32, 'NEXTAUTH_SECRET must be at least 32 characters').optional()),
  TANDEM_ENCRYPTION_KEY: z.preprocess(
    blankAsUnset,
    z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'TANDEM_ENCRYPTION_KEY must be 32 bytes, base64-encoded')
      .optional(),
  ),
  // The audit log's checkpoint key (HMAC-SHA-256), never stored in the database; earlier keys,
  // comma-separated, still verify the checkpoints they signed (SECURITY.md, key rotation).
  TANDEM_AUDIT_KEY: z.preprocess(
    blankAsUnset,
    z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'TANDEM_AUDIT_KEY must be 32 bytes, base64-encoded')
      .optional(),
  ),
  TANDEM_AUDIT_KEYS_PREVIOUS: z.preprocess(
    blankAsUnset,
    z
      .string()
      .refine(
        (v) => v.split(',').every((k) => Buffer.from(k.trim(), 'base64').length === 32),
        'TANDEM_AUDIT_KEYS_PREVIOUS must be comma-separated keys of 32 bytes, base64-encoded',
      )
      .optional(),
  ),
  // Tandem's public address: invitation links and HSTS come from it, never from request headers.
  NEXTAUTH_URL: z.preprocess(blankAsUnset, z.url({ protocol: /^https?$/ }).optional()),
  // Outgoing mail (invitations). Without SMTP_HOST nothing is sent: the admin passes the link on.
  SMTP_HOST: z.preprocess(blankAsUnset, z.string().optional()),
  SMTP_PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(1).max(65535).default(587)),
  SMTP_SECURE: z.preprocess(blankAsUnset, z.enum(['true', 'false']).default('false')),
  SMTP_USER: z.preprocess(blankAsUnset, z.string().optional()),
  SMTP_PASSWORD: z.preprocess(blankAsUnset, z.string().optional()),
  SMTP_FROM: z.preprocess(blankAsUnset, z.string().default('Tandem <no-reply@tandem.invalid>')),
  // Where mail goes while SMTP_HOST is unset: default `<data folder>/outbox`; none with an in-memory database.
  TANDEM_OUTBOX_DIR: z.preprocess(blankAsUnset, z.string().optional()),
  // An OpenAI-compatible chat endpoint the clinic hosts (e.g. a local Ollama or vLLM), which may
  // phrase the companion's reflective replies where a clinic allows it. Unset: scripted replies only.
  COMPANION_LLM_URL: z.preprocess(blankAsUnset, z.url({ protocol: /^https?$/ }).optional()),
  COMPANION_LLM_MODEL: z.preprocess(blankAsUnset, z.string().max(200).default('llama3.2')),
  // Outreach (issue 11). Web Push keys (VAPID, base64url): generated into the data folder on the
  // embedded database; on PostgreSQL, without them push is off and reminders go by email or in-app.
  VAPID_PUBLIC_KEY: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{80,100}$/, 'VAPID_PUBLIC_KEY must be a base64url P-256 public key')
      .optional(),
  ),
  VAPID_PRIVATE_KEY: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{40,50}$/, 'VAPID_PRIVATE_KEY must be a base64url P-256 private key')
      .optional(),
  ),
  VAPID_SUBJECT: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^(mailto:|https:\/\/)/, 'VAPID_SUBJECT must be a mailto: or https:// address')
      .default('mailto:no-reply@tandem.invalid'),
  ),
  // Background work in this process: on by default on the embedded database (the server is the
  // only process that may open it), off on PostgreSQL where `npm run worker` runs it.
  TANDEM_INLINE_WORKER: z.preprocess(blankAsUnset, z.enum(['on', 'off']).optional()),
});

function parseEnv() {
  const parsed = envSchema
    .refine((e) => !e.DATABASE_READ_URL || e.DATABASE_URL, {
      message: 'DATABASE_READ_URL needs DATABASE_URL (the primary) too',
      path: ['DATABASE_READ_URL'],
    })
    .safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Tandem's configuration is invalid:\n${problems}`);
  }
  return parsed.data;
}

export const env = parseEnv();

// `memory://` gives a throwaway in-memory database (used by the integration tests).
export const isInMemory = !env.DATABASE_URL && env.TANDEM_DATA_DIR === 'memory://';
export const databaseKind: 'embedded' | 'postgres' = env.DATABASE_URL ? 'postgres' : 'embedded';
export const dataDir = isInMemory ? null : path.resolve(env.TANDEM_DATA_DIR);

/**
 * Tandem's public origin, from NEXTAUTH_URL only (else this machine's port): links sent to people
 * are never built from a request's Host or X-Forwarded-Host header, which a client chooses.
 */
export const publicOrigin = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : `http://localhost:${env.PORT}`;
