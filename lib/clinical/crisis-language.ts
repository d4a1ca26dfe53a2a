// Screening of journal text for words about suicide or self-harm, run when an entry is saved.
//
// A hit raises the same urgent alert as PHQ-9 item 9 (DESIGN §5): the therapist learns that it
// happened, never the words. It is a screen, not an assessment, and it is tuned to miss as little
// as possible: a false alarm costs a therapist a minute, a missed one can cost far more.
//
// How a phrase is found:
// - Text is lower-cased, curly apostrophes straightened, and split into words and clause breaks
//   (. , ; : ! ? and line breaks, plus "but"), so "I'm not ok, I want to die" still hits.
// - A phrase is negated only when a negator ("not", "never", "don't", "won't"…) is among the
//   three words before it in the same clause: "I would never kill myself", "I'm not suicidal".
// - Phrases whose meaning is itself negative ("don't want to live", "no reason to live",
//   "can't go on") list the negation inside the phrase, so they are never cancelled by it.
// - A negated phrase is not a hit, but any other phrase in the text still is.
//
// Reviewed list: phrases drawn from the plain-language risk wording of the Columbia Suicide
// Severity Rating Scale screener and the PHQ-9 item 9 stem, plus common spellings and contractions.
// Review changes to this list with a clinician; add a test for every phrase.

export const CRISIS_PHRASES: readonly string[] = [
  // Suicide
  'suicide',
  'suicidal',
  'kill myself',
  'killing myself',
  'killed myself',
  'kms',
  'end my life',
  'ending my life',
  'end it all',
  'take my own life',
  'taking my own life',
  'take my life',
  // Wanting to be dead
  'want to die',
  'wanna die',
  'wish i was dead',
  'wish i were dead',
  'better off dead',
  'better off without me',
  "don't want to live",
  'do not want to live',
  "don't want to be alive",
  'do not want to be alive',
  "don't want to wake up",
  'do not want to wake up',
  'no reason to live',
  'nothing to live for',
  "can't go on",
  'cannot go on',
  "can't do this anymore",
  // Self-harm
  'hurt myself',
  'hurting myself',
  'harm myself',
  'harming myself',
  'self harm',
  'self-harm',
  'selfharm',
  'cut myself',
  'cutting myself',
  'overdose',
];

const NEGATORS = new Set([
  'not',
  'never',
  'no',
  "don't",
  'dont',
  "didn't",
  'didnt',
  "won't",
  'wont',
  "wouldn't",
  'wouldnt',
  "isn't",
  "wasn't",
  "aren't",
  "ain't",
  'nor',
]);

const NEGATION_WINDOW = 3;
const CLAUSE_BREAK = '|';

function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[.,;:!?()\n\r\u2014\u2013"]+/g, ` ${CLAUSE_BREAK} `)
    .replace(/\bbut\b/g, ` ${CLAUSE_BREAK} `)
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

const PHRASE_TOKENS = CRISIS_PHRASES.map((p) => ({ phrase: p, tokens: p.split(' ') }));

function isNegated(tokens: string[], start: number): boolean {
  for (let i = start - 1; i >= Math.max(0, start - NEGATION_WINDOW); i--) {
    const token = tokens[i] as string;
    if (token === CLAUSE_BREAK) return false;
    if (NEGATORS.has(token)) return true;
  }
  return false;
}

export type CrisisScreen = { isHit: boolean; phrases: string[] };

/** Screens text for crisis language. Pure; the matched phrases are for tests, never stored. */
export function screenForCrisisLanguage(text: string): CrisisScreen {
  const tokens = tokenize(text);
  const found = new Set<string>();
  for (let start = 0; start < tokens.length; start++) {
    for (const { phrase, tokens: want } of PHRASE_TOKENS) {
      if (want.every((w, k) => tokens[start + k] === w) && !isNegated(tokens, start)) found.add(phrase);
    }
  }
  return { isHit: found.size > 0, phrases: [...found] };
}
