import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from '@/lib/validation/zod';

/**
 * A signed checkpoint of one clinic's audit chain: "at `signedAt`, event `headSeq` was the newest
 * and its hash was `headHash`". The HMAC key lives only in the server's environment, so someone
 * with write access to the database can neither forge a checkpoint nor move one to fit a
 * rewritten chain.
 */
export type Checkpoint = { clinicId: string; headSeq: number; headHash: string; signedAt: string; keyId: string; mac: string };

/** The file an admin downloads and keeps outside the database, and uploads again to compare. */
export const checkpointFileSchema = z.object({
  format: z.literal('tandem-audit-checkpoints/1'),
  checkpoints: z
    .array(
      z.object({
        clinicId: z.uuid(),
        headSeq: z.number().int().positive(),
        headHash: z.string().regex(/^[0-9a-f]{64}$/),
        signedAt: z.iso.datetime(),
        keyId: z.string().regex(/^[0-9a-f]{16}$/),
        mac: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .max(100_000),
});
export type CheckpointFile = z.infer<typeof checkpointFileSchema>;

/** Names a key without revealing it, so verification knows which key signed a checkpoint. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('tandem-audit-key-id').update(key).digest('hex').slice(0, 16);
}

function macOf(key: Buffer, c: Omit<Checkpoint, 'keyId' | 'mac'>): string {
  return createHmac('sha256', key)
    .update(['tandem-audit-checkpoint/1', c.clinicId, String(c.headSeq), c.headHash, c.signedAt].join('|'))
    .digest('hex');
}

export function signCheckpoint(key: Buffer, head: Omit<Checkpoint, 'keyId' | 'mac'>): Checkpoint {
  return { ...head, keyId: keyIdOf(key), mac: macOf(key, head) };
}

/** Whether one of the keys signed this checkpoint as it stands. */
export function isGenuine(keys: readonly Buffer[], c: Checkpoint): boolean {
  const key = keys.find((k) => keyIdOf(k) === c.keyId);
  if (!key) return false;
  const expected = Buffer.from(macOf(key, c), 'hex');
  const given = Buffer.from(c.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export type CheckpointProblem = {
  reason: 'forged_checkpoint' | 'events_removed' | 'chain_rewritten';
  seq: number;
  signedAt: string;
};

export type CheckpointReport = { checked: number; latest: { seq: number; signedAt: string } | null; problem: CheckpointProblem | null };

/**
 * Compares a clinic's chain (its hashes by seq, already walked link by link) with checkpoints. A
 * checkpoint beyond the newest event means events were deleted from the end; one whose event
 * now has another hash means the chain was rewritten and re-hashed. Checkpoints are checked in
 * seq order; the first problem is reported.
 */
export function compareWithCheckpoints(
  hashBySeq: ReadonlyMap<number, string>,
  headSeq: number,
  checkpoints: readonly Checkpoint[],
  keys: readonly Buffer[],
): CheckpointReport {
  const ordered = [...checkpoints].sort((a, b) => a.headSeq - b.headSeq || a.signedAt.localeCompare(b.signedAt));
  for (const c of ordered) {
    const at = (reason: CheckpointProblem['reason']): CheckpointReport => ({
      checked: ordered.length,
      latest: null,
      problem: { reason, seq: c.headSeq, signedAt: c.signedAt },
    });
    if (!isGenuine(keys, c)) return at('forged_checkpoint');
    if (c.headSeq > headSeq) return at('events_removed');
    if (hashBySeq.get(c.headSeq) !== c.headHash) return at('chain_rewritten');
  }
  const last = ordered.at(-1);
  return { checked: ordered.length, latest: last ? { seq: last.headSeq, signedAt: last.signedAt } : null, problem: null };
}
