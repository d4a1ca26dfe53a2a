import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// AES-256-GCM (NIST SP 800-38D): a fresh 96-bit IV per message and a 128-bit tag, so any change
// to the stored bytes fails to decrypt instead of yielding altered text. The stored form is
// base64(iv ‖ tag ‖ ciphertext). `context` is bound as additional data: a ciphertext copied onto
// another row or another client does not decrypt there.
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export class DecryptionError extends Error {
  constructor() {
    super('The stored text could not be decrypted: it was changed or the key is wrong.');
    this.name = 'DecryptionError';
  }
}

function checkKey(key: Buffer) {
  if (key.length !== KEY_BYTES) throw new RangeError('AES-256-GCM needs a 32-byte key');
}

export function encryptText(plaintext: string, key: Buffer, context: string): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function decryptText(stored: string, key: Buffer, context: string): string {
  checkKey(key);
  const bytes = Buffer.from(stored, 'base64');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new DecryptionError();
  const iv = bytes.subarray(0, IV_BYTES);
  const tag = bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const body = bytes.subarray(IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    throw new DecryptionError();
  }
}
