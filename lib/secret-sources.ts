import { randomBytes } from 'node:crypto';
import webpush from 'web-push';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, databaseKind, env } from '@/lib/env';

// Where Tandem's secrets come from, without the server-only marker, so the demo seed (a plain
// script outside Next) can encrypt the session notes it writes. Request code uses lib/secrets.

/** Web Push keys; null when push is not set up (PostgreSQL without VAPID_* in the environment). */
export type VapidKeys = { publicKey: string; privateKey: string; subject: string };
export type Secrets = { authSecret: string; encryptionKey: Buffer; vapid: VapidKeys | null };

let cached: Secrets | undefined;

/** One set per process: generated secrets must stay the same for everything that uses them. */
export function loadSecrets(): Secrets {
  cached ??= resolveSecrets();
  return cached;
}

/**
 * Secrets come from the environment. On the embedded demo database (no DATABASE_URL), missing
 * ones are generated once into the data folder, so a fresh clone runs with nothing configured.
 */
function resolveSecrets(): Secrets {
  const fromEnv = {
    authSecret: env.NEXTAUTH_SECRET,
    encryptionKey: env.TANDEM_ENCRYPTION_KEY ? Buffer.from(env.TANDEM_ENCRYPTION_KEY, 'base64') : undefined,
  };
  const vapidFromEnv = env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY ? { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject: env.VAPID_SUBJECT } : null;
  if (fromEnv.authSecret && fromEnv.encryptionKey && (vapidFromEnv || databaseKind === 'postgres')) {
    return { authSecret: fromEnv.authSecret, encryptionKey: fromEnv.encryptionKey, vapid: vapidFromEnv };
  }
  if (databaseKind === 'postgres') {
    throw new Error(
      'With DATABASE_URL set, NEXTAUTH_SECRET and TANDEM_ENCRYPTION_KEY must be set too (see README, Configuration).',
    );
  }
  const generated = dataDir ? readOrCreateDevSecrets(dataDir) : createDevSecrets();
  return {
    authSecret: fromEnv.authSecret ?? generated.authSecret,
    encryptionKey: fromEnv.encryptionKey ?? Buffer.from(generated.encryptionKey, 'base64'),
    vapid: vapidFromEnv ?? { publicKey: generated.vapidPublicKey, privateKey: generated.vapidPrivateKey, subject: env.VAPID_SUBJECT },
  };
}

type DevSecrets = { authSecret: string; encryptionKey: string; vapidPublicKey: string; vapidPrivateKey: string };

function createDevSecrets(): DevSecrets {
  const vapid = webpush.generateVAPIDKeys();
  return { authSecret: randomBytes(32).toString('base64url'), encryptionKey: randomBytes(32).toString('base64'), vapidPublicKey: vapid.publicKey, vapidPrivateKey: vapid.privateKey };
}

function readOrCreateDevSecrets(dir: string): DevSecrets {
  const file = path.join(dir, 'dev-secrets.json');
  fs.mkdirSync(dir, { recursive: true });
  try {
    fs.writeFileSync(file, JSON.stringify(createDevSecrets()), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DevSecrets> & Pick<DevSecrets, 'authSecret' | 'encryptionKey'>;
  if (stored.vapidPublicKey && stored.vapidPrivateKey) return stored as DevSecrets;
  // A data folder from before Web Push: add the keys, keep the rest.
  const vapid = webpush.generateVAPIDKeys();
  const completed = { ...stored, vapidPublicKey: vapid.publicKey, vapidPrivateKey: vapid.privateKey };
  fs.writeFileSync(file, JSON.stringify(completed), { mode: 0o600 });
  return completed;
}
