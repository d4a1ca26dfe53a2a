import { describe, expect, it } from 'vitest';
import { compilePattern, findMatches, type Token } from './pattern';

// Tokens as wink-nlp would give them, written by hand: "word" or "word/lemma"; "," is punctuation.
const tokens = (text: string): Token[] =>
  text.split(' ').map((part) => {
    const [normal, lemma] = part.split('/') as [string, string | undefined];
    return { normal, lemma: lemma ?? normal, isPunctuation: /^[,.;!?]$/.test(normal), isNegatedByWink: false, isVerb: false };
  });
const find = (pattern: string, text: string) => findMatches(compilePattern(pattern), tokens(text));

describe('the pattern language', () => {
  it('matches a word by its normal form or its lemma, among alternatives', () => {
    expect(find('want|wish to die', 'i wanted/want to die')).toEqual([{ start: 1, end: 4 }]);
    expect(find('want|wish to die', 'i wished/wish to live')).toEqual([]);
  });

  it('skips an optional word', () => {
    expect(find('take my own? life', 'take my life')).toEqual([{ start: 0, end: 3 }]);
    expect(find('take my own? life', 'take my own life')).toEqual([{ start: 0, end: 4 }]);
  });

  it('bridges a gap of up to 3 words with *, up to 7 with **, never across punctuation', () => {
    expect(find('want * die', 'want so very much to die')).toEqual([]);
    expect(find('want * die', 'want very much to die')).toEqual([{ start: 0, end: 5 }]);
    expect(find('want ** die', 'want so very much to die')).toEqual([{ start: 0, end: 6 }]);
    expect(find('want * die', 'want , to die')).toEqual([]);
  });

  it('refuses a next word with !', () => {
    expect(find('end it !with', 'end it with him')).toEqual([]);
    expect(find('end it !with', 'end it now')).toEqual([{ start: 0, end: 2 }]);
    expect(find('end it !with', 'end it')).toEqual([{ start: 0, end: 2 }]);
  });

  it('takes a number of 10 or more with #', () => {
    expect(find('took # pills', 'took 30 pills')).toEqual([{ start: 0, end: 3 }]);
    expect(find('took # pills', 'took 2 pills')).toEqual([]);
  });

  it('ends a clause with $', () => {
    expect(find('to cut $', 'want to cut')).toEqual([{ start: 1, end: 3 }]);
    expect(find('to cut $', 'want to cut , badly')).toEqual([{ start: 1, end: 3 }]);
    expect(find('to cut $', 'want to cut bread')).toEqual([]);
  });
});
