import { hash, verify } from '@node-rs/argon2';

// argon2id at OWASP's minimum: 19 MiB memory, 2 iterations, 1 lane (OWASP Password Storage
// Cheat Sheet). @node-rs/argon2 uses argon2id by default; the values are spelled out here so a
// library default can never weaken them.
const argon2Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Checked when an email is unknown, so that answer takes as long as a wrong password.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('tandem-decoy-password-for-timing');
  return decoyHash;
}
