// A small pattern language over the words of one sentence, so the rules read like the phrases
// they find. A pattern is slots separated by spaces:
//   want|wish      one word of these; a word matches a token's normal form or its lemma
//                  (wink-nlp), so "want" finds "wanted" and "wants", "better" finds "better"
//   myself?        an optional word
//   *   **         a gap of up to 3 or up to 7 words, never across punctuation
//   !with|for      the next word is none of these (or the sentence ends there); consumes nothing
//   #              a number of 10 or more ("took 30 tablets")
//   $              the end of the clause: punctuation or the end of the sentence

export type Token = { normal: string; lemma: string; isPunctuation: boolean; isNegatedByWink: boolean; isVerb: boolean };

type Slot =
  | { kind: 'word'; words: ReadonlySet<string>; isOptional: boolean }
  | { kind: 'gap'; max: number }
  | { kind: 'not'; words: ReadonlySet<string> }
  | { kind: 'number' }
  | { kind: 'end' };

export type Pattern = { source: string; slots: Slot[] };

const SHORT_GAP = 3;
const LONG_GAP = 7;
const LARGE_NUMBER = 10;

export function compilePattern(source: string): Pattern {
  const slots = source.split(' ').map((part): Slot => {
    if (part === '*') return { kind: 'gap', max: SHORT_GAP };
    if (part === '**') return { kind: 'gap', max: LONG_GAP };
    if (part === '#') return { kind: 'number' };
    if (part === '$') return { kind: 'end' };
    if (part.startsWith('!')) return { kind: 'not', words: new Set(part.slice(1).split('|')) };
    const isOptional = part.endsWith('?');
    return { kind: 'word', words: new Set((isOptional ? part.slice(0, -1) : part).split('|')), isOptional };
  });
  return { source, slots };
}

const isWord = (token: Token | undefined, words: ReadonlySet<string>) =>
  token !== undefined && !token.isPunctuation && (words.has(token.normal) || words.has(token.lemma));

/** The index just past a match of slots[s..] starting at tokens[t], or -1. */
function matchFrom(slots: Slot[], s: number, tokens: Token[], t: number): number {
  if (s === slots.length) return t;
  const slot = slots[s] as Slot;
  switch (slot.kind) {
    case 'word':
      if (isWord(tokens[t], slot.words)) {
        const end = matchFrom(slots, s + 1, tokens, t + 1);
        if (end >= 0) return end;
      }
      return slot.isOptional ? matchFrom(slots, s + 1, tokens, t) : -1;
    case 'gap':
      for (let skip = 0; skip <= slot.max; skip++) {
        if (skip > 0 && (tokens[t + skip - 1] === undefined || tokens[t + skip - 1]!.isPunctuation)) return -1;
        const end = matchFrom(slots, s + 1, tokens, t + skip);
        if (end >= 0) return end;
      }
      return -1;
    case 'not':
      return isWord(tokens[t], slot.words) ? -1 : matchFrom(slots, s + 1, tokens, t);
    case 'number': {
      const token = tokens[t];
      return token && Number(token.normal) >= LARGE_NUMBER ? matchFrom(slots, s + 1, tokens, t + 1) : -1;
    }
    case 'end':
      return tokens[t] === undefined || tokens[t]!.isPunctuation ? matchFrom(slots, s + 1, tokens, t) : -1;
  }
}

/** Every [start, end) where the pattern matches in the sentence: one match for each start. */
export function findMatches(pattern: Pattern, tokens: Token[]): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  for (let start = 0; start < tokens.length; start++) {
    const end = matchFrom(pattern.slots, 0, tokens, start);
    if (end > start) found.push({ start, end });
  }
  return found;
}
