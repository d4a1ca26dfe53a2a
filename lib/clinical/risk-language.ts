// The risk-language screen: free text a client writes (journal, check-in notes, any future
// conversation) is screened for words about suicide, self-harm and overdose, the way people
// write them. A hit raises the same urgent alert as PHQ-9 item 9 (docs/design.md §5): the therapist learns
// the category, never the words. It is a screen for a clinician, not a diagnosis, tuned to miss
// little: a false alarm costs a therapist a minute, a missed one can cost far more.
//
// How a sentence is read:
// 1. ./risk-language/spelling.ts rewrites slang, misspellings and bare contractions.
// 2. ./risk-language/read.ts: wink-nlp splits sentences and tokens, gives each word its lemma ("overdosing" → "overdose")
//    and marks the words in a negation's scope.
// 3. The patterns of ./risk-language/rules.ts are looked for in each sentence.
// 4. A pattern found is set aside when it is
//    - negated: wink marks it as in a negation's scope and the negator is at most four words
//      before it in the same clause ("I would never hurt myself", "not suicidal"); or it is
//      followed by "has never" / "is not" ("suicide has never crossed my mind"). Patterns whose
//      meaning is itself negative ("don't want to live", "not going to be around") carry the
//      negation inside them, so it does not cancel them;
//    - about someone else: no first-person word in the phrase and the nearest person before it is
//      someone else ("my friend said she wanted to die"). Reported speech about another person is
//      usually not the client's risk; the therapist reads the journal if it is shared;
//    - resolved past: its clause places it in the past and says so ("years ago I used to
//      self-harm, now I'm doing well"), unless it also says it is back ("again", "relapsed").
//      A history of self-harm matters clinically, but this screen raises an alert for now.
// Idioms ("this homework is killing me", "my phone died") are not hits because no pattern names
// them: "kill" and "die" are only found with "myself", or after "want to", "wish", "hope".

import type { RiskCategory } from './risk-categories';
import { compilePattern, findMatches, type Pattern, type Token } from './risk-language/pattern';
import { readSentences } from './risk-language/read';
import { RULES } from './risk-language/rules';

export type RiskScreen = { isHit: boolean; category: RiskCategory | null; categories: RiskCategory[] };

/**
 * Most serious first; `category` is the first found. A plan or preparation is the strongest
 * marker of imminent risk on the C-SSRS, then active suicidal thoughts, then acts (overdose,
 * self-harm), then the passive wish to be dead, perceived burdensomeness and hopelessness.
 */
export const RISK_CATEGORY_ORDER: readonly RiskCategory[] = [
  'plan_or_preparation',
  'suicidal_thoughts',
  'overdose',
  'self_harm',
  'wish_to_die',
  'burden',
  'hopelessness',
];

const RULE_PATTERNS = RISK_CATEGORY_ORDER.map((category) => ({ category, patterns: RULES[category].map(compilePattern) }));

const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nor', 'neither', 'nothing', 'none']);
// wink-nlp does not mark the scope of these; they negate what follows closely all the same.
const NEGATORS_WINK_MISSES = new Set(['nothing', 'none', 'neither', 'nor']);
const NEGATION_REACH = 5;
// "I don't know how much longer I can keep going", "not sure whether I want to die": a doubt,
// not a denial of what follows.
const UNCERTAIN = new Set(['know', 'sure', 'certain']);
const CLAUSE_BREAKS = new Set(['but', 'and', 'so', 'because', 'though', 'although', 'yet', 'whether']);
const NEGATED_AFTER = compilePattern('be|have|do|will|would not|never');

const FIRST_PERSON = new Set(['i', "i'm", 'me', 'myself', 'my', 'mine']);
const SUBJECT_FIRST_PERSON = new Set(['i', "i'm", 'me', 'myself']);
const SOMEONE_ELSE = new Set([
  ...['he', 'she', 'they', 'him', 'her', 'them', 'himself', 'herself', 'themselves', 'you', 'yourself'],
  ...['friend', 'friends', 'brother', 'sister', 'mum', 'mom', 'mother', 'dad', 'father', 'parent', 'parents'],
  ...['son', 'daughter', 'husband', 'wife', 'boyfriend', 'girlfriend', 'cousin', 'aunt', 'uncle'],
  ...['grandad', 'grandpa', 'grandma', 'granny', 'colleague', 'neighbour', 'neighbor', 'roommate', 'flatmate'],
  ...['nurse', 'doctor', 'therapist', 'counsellor', 'psychiatrist', 'teacher', 'patient', 'client'],
  ...['man', 'woman', 'girl', 'boy', 'people', 'character', 'hero', 'soldier'],
]);

const RESOLVED = [
  ...['used to', 'years|months ago', 'when i was', 'as a teenager|teen|kid|child', 'back in school|uni|college|then'],
  ...['in my teens|twenties|thirties', 'no longer', 'behind me', 'past that|it', 'in a much? better place'],
  ...['clean from|for', 'year|years|month|months clean', 'since i last', 'years|months since', 'be over', 'not anymore $'],
].map(compilePattern);
const RELAPSED = ['again', 'relapse|relapsed|relapsing', 'be back', 'came|come|coming back'].map(compilePattern);

const matchesAny = (patterns: Pattern[], tokens: Token[]) => patterns.some((p) => findMatches(p, tokens).length > 0);

function isNegated(tokens: Token[], start: number, end: number): boolean {
  for (let i = start - 1; i >= Math.max(0, start - NEGATION_REACH); i--) {
    const token = tokens[i] as Token;
    if (token.isPunctuation || CLAUSE_BREAKS.has(token.normal)) break;
    const isNegator = NEGATORS.has(token.normal) && !UNCERTAIN.has(tokens[i + 1]!.normal);
    if (isNegator && (tokens[start]!.isNegatedByWink || NEGATORS_WINK_MISSES.has(token.normal))) return true;
  }
  return findMatches(NEGATED_AFTER, tokens.slice(end, end + 2)).some((m) => m.start === 0);
}

const isThirdPersonVerb = (token: Token) =>
  token.isVerb && token.normal !== token.lemma && (token.normal === `${token.lemma}s` || token.normal === `${token.lemma}es`);

function isAboutSomeoneElse(tokens: Token[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (FIRST_PERSON.has(tokens[i]!.normal)) return false;
  // A verb in the third person singular ("she wants to die", "a character overdoses") has another subject.
  for (let i = start; i < end; i++) if (isThirdPersonVerb(tokens[i]!)) return true;
  for (let i = start - 1; i >= 0; i--) {
    const word = tokens[i]!.normal;
    if (SUBJECT_FIRST_PERSON.has(word)) return false;
    if (SOMEONE_ELSE.has(word)) return true;
  }
  return false;
}

/** Resolved past: said of this clause ("I used to love painting, now I want to die" is not), and not back again in the sentence. */
function isResolved(sentence: Token[], start: number, end: number): boolean {
  let first = start;
  while (first > 0 && !sentence[first - 1]!.isPunctuation) first--;
  let last = end;
  while (last < sentence.length && !sentence[last]!.isPunctuation) last++;
  return matchesAny(RESOLVED, sentence.slice(first, last)) && !matchesAny(RELAPSED, sentence);
}

/** Screens free text for risk language. Pure and synchronous; nothing of the text is kept. */
export function screenRiskLanguage(text: string): RiskScreen {
  const found = new Set<RiskCategory>();
  if (text.trim().length > 0) {
    for (const sentence of readSentences(text)) {
      for (const { category, patterns } of RULE_PATTERNS) {
        if (found.has(category)) continue;
        const isFound = patterns.some((pattern) =>
          findMatches(pattern, sentence).some(({ start, end }) => {
            if (isNegated(sentence, start, end) || isAboutSomeoneElse(sentence, start, end)) return false;
            return !isResolved(sentence, start, end);
          }),
        );
        if (isFound) found.add(category);
      }
    }
  }
  const categories = RISK_CATEGORY_ORDER.filter((c) => found.has(c));
  return { isHit: categories.length > 0, category: categories[0] ?? null, categories };
}
