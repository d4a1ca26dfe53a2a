// How Tandem reads a person's words, for the risk screen and the companion alike: spelling and
// text-speak normalised (spelling.ts), then wink-nlp splits sentences and tokens and gives each
// word its lemma ("overdosing" → "overdose"), its part of speech and whether it sits in a
// negation's scope. One reader, so the companion understands words exactly as the screen does.

import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Token } from './pattern';
import { normalizeSpelling } from './spelling';

const nlp = winkNLP(model, ['sbd', 'negation', 'pos']);
const its = nlp.its;

/** The text's sentences, each a list of tokens. */
export function readSentences(text: string): Token[][] {
  const doc = nlp.readDoc(normalizeSpelling(text));
  const tokens = doc.tokens();
  const normals = tokens.out(its.normal);
  // wink-nlp's own types declare its.lemma with a third argument that out() supplies itself.
  const lemmas = tokens.out(its.lemma as unknown as typeof its.normal);
  const types = tokens.out(its.type);
  const negated = tokens.out(its.negationFlag);
  const tags = tokens.out(its.pos);
  const all: Token[] = normals.map((normal, i) => ({
    normal,
    lemma: lemmas[i] ?? normal,
    isPunctuation: types[i] === 'punctuation',
    isNegatedByWink: negated[i] === true,
    isVerb: tags[i] === 'VERB',
  }));
  return (doc.sentences().out(its.span) as unknown as Array<[number, number]>).map(([first, last]) => all.slice(first, last + 1));
}

/** The text's tokens, sentence breaks dropped. */
export const readTokens = (text: string): Token[] => readSentences(text).flat();
