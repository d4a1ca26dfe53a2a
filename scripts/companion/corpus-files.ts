import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCorpus, type CorpusConversation } from '@/lib/companion/corpus';

export type Half = 'development' | 'held-out';

export function readHalf(half: Half): CorpusConversation[] {
  return parseCorpus(readFileSync(fileURLToPath(new URL(`../../lib/companion/corpus/${half}.txt`, import.meta.url)), 'utf8'));
}
