// How people type, rewritten to the words the rules are written in, before wink-nlp reads the
// text: slang and abbreviations for suicide and overdose, common misspellings, and contractions
// written without their apostrophe ("dont", "theyd"), which the tokenizer would otherwise read as
// unknown words. Whole words only, case-insensitive. ./spelling.test.ts rewrites every entry.
export const SPELLINGS: Readonly<Record<string, string>> = {
  // Slang and abbreviations
  kms: 'kill myself',
  kys: 'kill yourself',
  unalive: 'kill',
  unalives: 'kills',
  unaliving: 'killing',
  unalived: 'killed',
  'off myself': 'kill myself',
  'offing myself': 'killing myself',
  od: 'overdose',
  ods: 'overdoses',
  "od'd": 'overdosed',
  "od'ed": 'overdosed',
  oded: 'overdosed',
  "od'ing": 'overdosing',
  oding: 'overdosing',
  sh: 'self harm',
  'self-harm': 'self harm',
  selfharm: 'self harm',
  'self-harmed': 'self harmed',
  selfharmed: 'self harmed',
  'self-harming': 'self harming',
  selfharming: 'self harming',
  wanna: 'want to',
  wana: 'want to',
  gonna: 'going to',
  gotta: 'got to',
  kinda: 'kind of',
  rn: 'right now',
  // Misspellings
  sucidal: 'suicidal',
  suicidial: 'suicidal',
  suicidle: 'suicidal',
  sucicidal: 'suicidal',
  suisidal: 'suicidal',
  sucide: 'suicide',
  suicde: 'suicide',
  suiside: 'suicide',
  sucicide: 'suicide',
  ovrdose: 'overdose',
  ovrdosed: 'overdosed',
  ovrdosing: 'overdosing',
  overdoseing: 'overdosing',
  overdossed: 'overdosed',
  burdon: 'burden',
  burdan: 'burden',
  cutt: 'cut',
  wnat: 'want',
  wnt: 'want',
  cuting: 'cutting',
  'my self': 'myself',
  // Contractions without an apostrophe
  im: "i'm",
  ive: 'i have',
  id: 'i would',
  theyd: 'they would',
  youd: 'you would',
  itd: 'it would',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  cant: 'can not',
  cannot: 'can not',
  wont: 'will not',
  wouldnt: 'would not',
  couldnt: 'could not',
  shouldnt: 'should not',
  isnt: 'is not',
  wasnt: 'was not',
  arent: 'are not',
  werent: 'were not',
  havent: 'have not',
  hasnt: 'has not',
  hadnt: 'had not',
  aint: 'am not',
  whats: 'what is',
  theres: 'there is',
  thats: 'that is',
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first, so "off myself" is rewritten before a shorter key could take part of it.
const KEYS = Object.keys(SPELLINGS).sort((a, b) => b.length - a.length);
const PATTERN = new RegExp(`(?<![\\w'])(?:${KEYS.map(escape).join('|')})(?![\\w'])`, 'g');

/** Lower-cases, straightens curly apostrophes and rewrites slang, misspellings and bare contractions. */
export function normalizeSpelling(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(PATTERN, (word) => SPELLINGS[word] ?? word);
}
