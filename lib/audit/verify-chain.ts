/** One audit event as the chain check sees it; `computed` is audit_event_hash(e) from the database. */
export type ChainLink = { id: string; seq: number; prevHash: string; hash: string; computed: string };

export type ChainBreak = {
  seq: number;
  eventId: string;
  reason: 'missing_event' | 'wrong_previous_hash' | 'altered_event';
};

export type ChainReport = { isIntact: true; checked: number } | { isIntact: false; checked: number; firstBreak: ChainBreak };

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Walks one clinic's audit chain in seq order and reports the first broken link: a gap in the
 * numbering (a deleted event), a previous-hash that does not match (a removed or reordered
 * event), or a hash that no longer matches the event's own fields (an edited event).
 */
export function verifyChain(links: readonly ChainLink[]): ChainReport {
  let previousHash = GENESIS_HASH;
  for (const [index, link] of links.entries()) {
    const expectedSeq = index + 1;
    const at = (reason: ChainBreak['reason']): ChainReport => ({
      isIntact: false,
      checked: index,
      firstBreak: { seq: link.seq, eventId: link.id, reason },
    });
    if (link.seq !== expectedSeq) return at('missing_event');
    if (link.prevHash !== previousHash) return at('wrong_previous_hash');
    if (link.hash !== link.computed) return at('altered_event');
    previousHash = link.hash;
  }
  return { isIntact: true, checked: links.length };
}
