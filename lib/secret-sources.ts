import { randomBytes } from 'node:crypto';
import webpush from 'web-push';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, databaseKind, env } from '@/lib/env';

// Where Tandem's secrets come from, without the server-only marker, so the demo seed (a plain
// script outside Next) can encrypt the session notes it writes. Request code uses lib/secrets.

/** Web Push keys; null when push is not set up (PostgreSQL without VAPID_* in the environment). */
export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

export type Secrets = {
  authSecret: string;
  encryptionKey: Buffer;
  /** Signs the audit log's checkpoints; `previousAuditKeys` still verify older ones. */
  auditKey: Buffer;
  previousAuditKeys: Buffer[];
  vapid: VapidKeys | null;
};

let cached: Secrets | undefined;

/** One set per process: generated secrets must stay the same for everything that uses them. */
export function loadSecrets(): Secrets {
  cached ??= resolveSecrets();
  return cached;
}

/**
 * Secrets come from the environment. On the embedded demo database (no DATABASE_URL), missing
 * ones are generated once into the data folder, so a fresh clone runs with nothing configured.
 * On PostgreSQL the Web Push keys are optional: without them push is off.
 */
function resolveSecrets(): Secrets {
  const base64 = (v: string | undefined) => (v ? Buffer.from(v, 'base64') : undefined);
  const fromEnv = {
    authSecret: env.NEXTAUTH_SECRET,
    encryptionKey: base64(env.TANDEM_ENCRYPTION_KEY),
    auditKey: base64(env.TANDEM_AUDIT_KEY),
  };
  const previousAuditKeys = (env.TANDEM_AUDIT_KEYS_PREVIOUS ?? '')
    .split(',')
    .filter((k) => k.trim() !== '')
    .map((k) => Buffer.from(k.trim(), 'base64'));
  const vapidFromEnv =
    env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY
      ? { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject: env.VAPID_SUBJECT }
      : null;
  if (fromEnv.authSecret && fromEnv.encryptionKey && fromEnv.auditKey && (vapidFromEnv || databaseKind === 'postgres')) {
    return {
      authSecret: fromEnv.authSecret,
      encryptionKey: fromEnv.encryptionKey,
      auditKey: fromEnv.auditKey,
      previousAuditKeys,
      vapid: vapidFromEnv,
    };
  }
  if (databaseKind === 'postgres') {
    throw new Error(
      'With DATABASE_URL set, NEXTAUTH_SECRET, TANDEM_ENCRYPTION_KEY and TANDEM_AUDIT_KEY must be set too (see README, Configuration).',
    );
  }
  const generated = dataDir ? readOrCreateDevSecrets(dataDir) : createDevSecrets();
  return {
    authSecret: fromEnv.authSecret ?? generated.authSecret,
    encryptionKey: fromEnv.encryptionKey ?? Buffer.from(generated.encryptionKey, 'base64'),
    auditKey: fromEnv.auditKey ?? Buffer.from(generated.auditKey, 'base64'),
    previousAuditKeys,
    vapid: vapidFromEnv ?? { publicKey: generated.vapidPublicKey, privateKey: generated.vapidPrivateKey, subject: env.VAPID_SUBJECT },
  };
}

type DevSecrets = { authSecret: string; encryptionKey: string; auditKey: string; vapidPublicKey: string; vapidPrivateKey: string };

function createDevSecrets(): DevSecrets {
  const vapid = webpush.generateVAPIDKeys();
  return {
    authSecret: randomBytes(32).toString('base64url'),
    encryptionKey: randomBytes(32).toString('base64'),
    auditKey: randomBytes(32).toString('base64'),
    vapidPublicKey: vapid.publicKey,
    vapidPrivateKey: vapid.privateKey,
  };
}

function readOrCreateDevSecrets(dir: string): DevSecrets {
  const file = path.join(dir, 'dev-secrets.json');
  fs.mkdirSync(dir, { recursive: true });
  try {
    fs.writeFileSync(file, JSON.stringify(createDevSecrets()), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DevSecrets>;
  if (stored.authSecret && stored.encryptionKey && stored.auditKey && stored.vapidPublicKey && stored.vapidPrivateKey)
    return stored as DevSecrets;
  // A data folder from before the audit key or Web Push: add the missing secrets, keep the others.
  const completed = { ...createDevSecrets(), ...stored };
  fs.writeFileSync(file, JSON.stringify(completed), { mode: 0o600 });
  return completed;
}
