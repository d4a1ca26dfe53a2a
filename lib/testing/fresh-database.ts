import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import pg from 'pg';

// Gives every integration test file a fresh, migrated database before the app's modules load:
// an in-memory PGlite by default, or, with TANDEM_TEST_DATABASE=postgres, a new database on the
// server in DATABASE_URL that is dropped when the file is done. Mail goes to a fresh outbox folder
// of its own, removed after.
const onPostgres = process.env.TANDEM_TEST_DATABASE === 'postgres';
let dropDatabase: (() => Promise<void>) | undefined;

if (onPostgres) {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('TANDEM_TEST_DATABASE=postgres needs DATABASE_URL');
  const name = `tandem_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  // With DATABASE_URL set, Tandem requires its secrets from the environment (lib/secrets.ts).
  process.env.NEXTAUTH_SECRET ||= randomBytes(32).toString('base64url');
  process.env.TANDEM_ENCRYPTION_KEY ||= randomBytes(32).toString('base64');
  process.env.TANDEM_AUDIT_KEY ||= randomBytes(32).toString('base64');
  // Web Push keys too (on the embedded database they are generated like the other secrets).
  if (!process.env.VAPID_PUBLIC_KEY || !process.env.VAPID_PRIVATE_KEY) {
    const { default: webpush } = await import('web-push');
    const keys = webpush.generateVAPIDKeys();
    process.env.VAPID_PUBLIC_KEY = keys.publicKey;
    process.env.VAPID_PRIVATE_KEY = keys.privateKey;
  }
  dropDatabase = async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  };
} else {
  delete process.env.DATABASE_URL;
  process.env.TANDEM_DATA_DIR = 'memory://';
}

const outbox = await mkdtemp(path.join(tmpdir(), 'tandem-outbox-'));
process.env.TANDEM_OUTBOX_DIR = outbox;

const { closeDatabase, getDatabase } = await import('@/db');
const { migrateDatabase } = await import('@/db/migrate');
await migrateDatabase(getDatabase());

afterAll(async () => {
  await closeDatabase();
  await dropDatabase?.();
  await rm(outbox, { recursive: true, force: true });
});
