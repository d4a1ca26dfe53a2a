import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptText, DecryptionError, encryptText } from './aes-gcm';

const key = randomBytes(32);
const text = 'Rough day. Talked to Alex — it helped a bit. 🌧️';

describe('AES-256-GCM text encryption', () => {
  it('round-trips text, including non-ASCII and the empty string', () => {
    expect(decryptText(encryptText(text, key, 'journal:a'), key, 'journal:a')).toBe(text);
    expect(decryptText(encryptText('', key, 'journal:a'), key, 'journal:a')).toBe('');
  });

  it('never stores the words, and encrypts the same text differently each time', () => {
    const a = encryptText(text, key, 'journal:a');
    const b = encryptText(text, key, 'journal:a');
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64').toString('utf8')).not.toContain('Talked');
    expect(a).not.toContain('Talked');
  });

  it('detects any changed byte', () => {
    const stored = Buffer.from(encryptText(text, key, 'journal:a'), 'base64');
    for (const position of [0, 12, 28, stored.length - 1]) {
      const tampered = Buffer.from(stored);
      tampered[position] = (tampered[position] ?? 0) ^ 0x01;
      expect(() => decryptText(tampered.toString('base64'), key, 'journal:a')).toThrow(DecryptionError);
    }
  });

  it('refuses a wrong key, another context, and truncated input', () => {
    const stored = encryptText(text, key, 'journal:a');
    expect(() => decryptText(stored, randomBytes(32), 'journal:a')).toThrow(DecryptionError);
    expect(() => decryptText(stored, key, 'journal:b')).toThrow(DecryptionError);
    expect(() => decryptText(stored.slice(0, 20), key, 'journal:a')).toThrow(DecryptionError);
  });

  it('needs a 32-byte key', () => {
    expect(() => encryptText(text, randomBytes(16), 'journal:a')).toThrow(RangeError);
  });
});
