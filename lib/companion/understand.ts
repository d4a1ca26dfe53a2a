// What the companion recognises in a client's message: what they ask for (an intent) and the
// feeling they name. Words are read with wink-nlp (lemmas and negation scope), and the phrases are
// written in the risk screen's small pattern language (lib/clinical/risk-language/pattern.ts), so
// "I'm panicking" finds "panic" and "I'm not angry" names no anger. Risk is not decided here: the
// engine runs the risk-language screen first, on every message.

import { compilePattern, findMatches, type Pattern, type Token } from '@/lib/clinical/risk-language/pattern';
import { readTokens } from '@/lib/clinical/risk-language/read';

export type Intent =
  | 'grounding'
  | 'breathing'
  | 'body_scan'
  | 'thought_record'
  | 'activation'
  | 'session_note'
  | 'ask_diagnosis'
  | 'ask_medication'
  | 'ask_human'
  | 'ask_advice'
  | 'continue'
  | 'stop'
  | 'yes'
  | 'no';

export type Feeling = 'anxious' | 'low' | 'angry' | 'lonely' | 'overwhelmed' | 'tired' | 'ashamed' | 'hurt' | 'empty' | 'better';

// Most specific first: the first intent found is the one taken.
const INTENT_PHRASES: ReadonlyArray<[Intent, string[]]> = [
  [
    'ask_medication',
    [
      'medication|medicine|meds|antidepressant|antidepressants|sertraline|fluoxetine|citalopram|prozac|zoloft|xanax|diazepam|dose|dosage|prescription',
      'should i take * pill|pills|tablet|tablets',
      'come off * pill|pills|tablet|tablets',
    ],
  ],
  [
    'ask_diagnosis',
    [
      'diagnose|diagnosis|disorder',
      'be|have i * depression|depressed|bipolar|adhd|ocd|ptsd|autistic',
      'what be wrong with me',
      'do i have *',
      'be this * depression|anxiety|bipolar|ocd|ptsd|burnout',
    ],
  ],
  [
    'ask_human',
    [
      'be you * real|human|person|bot|robot|ai|machine|program',
      'be this * real|human|person|bot|robot|ai',
      'be i talk|talking * real|human|person|bot|robot|someone|somebody',
      'who be you',
    ],
  ],
  [
    'session_note',
    [
      'next|my session',
      'bring * up * therapist|session',
      'tell|show my therapist',
      'note for * therapist|session',
      'talk about * with my therapist',
      'remember to * therapist',
    ],
  ],
  ['thought_record', ['thought record', 'untangle|challenge|unpick|examine|check * thought|thoughts', 'write * down', 'thought diary']],
  ['grounding', ['ground|grounding|5-4-3-2-1|54321', 'five things', 'bring me back', 'feel present', 'in the present']],
  ['breathing', ['breathe|breathing|breath', 'calm down', 'calm me down', 'panic attack']],
  ['body_scan', ['body scan', 'scan my body', 'relax my body', 'tense|tension * body|muscles|shoulders']],
  [
    'activation',
    [
      'something * do',
      'small step|thing',
      'get moving',
      'get going',
      'motivation|motivated',
      'get out of bed',
      'plan * day',
      'what could i do',
    ],
  ],
  ['ask_advice', ['what should i do', 'tell me what to do', 'what would you do', 'any advice', 'give me advice']],
  [
    'continue',
    ['keep talking', 'carry on', 'continue', 'be safe', 'feel safe', 'be okay now|now', 'be ok now', 'go on', 'talk about something else'],
  ],
  [
    'stop',
    ['bye|goodbye', '^stop|quit|enough', '^that be all', 'leave it there', '^i be done', 'done for now|today', '^not now $', '^go now'],
  ],
  ['no', ['^no|nope|nah', '^not really']],
  ['yes', ['^yes|yeah|yep|sure|ok|okay|alright|please', '^let * do|go', '^sound good']],
];

const FEELING_WORDS: ReadonlyArray<[Feeling, string[]]> = [
  [
    'anxious',
    [
      'anxious|anxiety|worried|worry|worrying|nervous|panic|panicky|panicking|scared|afraid|frightened|terrified|uneasy|dread|dreading|tense|jittery|spiral|spiralling|spiraling',
      'on edge',
    ],
  ],
  ['angry', ['angry|anger|furious|fuming|annoyed|irritated|irritable|mad|rage|livid|pissed|resentful|snapped|frustrated|frustrating']],
  [
    'lonely',
    ['lonely|loneliness|alone|isolated|invisible', 'left out', 'nobody to talk|call|text', 'no one to talk|call|text', 'no friends'],
  ],
  [
    'overwhelmed',
    [
      'overwhelmed|overwhelming|stressed|stress|swamped|pressure|drowning|buried',
      'too much',
      'behind on',
      'can not|cannot cope',
      'burnt|burned out',
    ],
  ],
  ['tired', ['tired|exhausted|drained|knackered|shattered|sleepy', 'worn out', 'no energy', 'can not|cannot sleep']],
  ['ashamed', ['ashamed|shame|guilty|guilt|embarrassed|stupid|failure|useless|pathetic|idiot']],
  ['hurt', ['hurt|rejected|betrayed|dumped|ignored|abandoned|heartbroken', 'let me? down']],
  ['empty', ['numb|empty|flat|hollow|meh', 'nothing matter']],
  [
    'low',
    [
      'sad|sadness|down|low|miserable|depressed|unhappy|crying|cry|cried|tearful|upset|gloomy|rubbish|awful|terrible|horrible|shit|crap|grim',
      'bad|rough|hard|shit|awful day|week',
    ],
  ],
  ['better', ['better|good|great|calm|calmer|relieved|fine|happy|okay|ok|alright|lighter']],
];

const compile = (phrases: string[]) =>
  phrases.map((p) => {
    const isStart = p.startsWith('^');
    return { isStart, pattern: compilePattern(isStart ? p.slice(1) : p) };
  });

const INTENTS = INTENT_PHRASES.map(([intent, phrases]) => ({ intent, patterns: compile(phrases) }));
const FEELINGS = FEELING_WORDS.map(([feeling, phrases]) => ({ feeling, patterns: compile(phrases) }));

// "I can't stop worrying": wink marks "worrying" as negated, but the worry is there all the same.
const UNNEGATING = new Set(['stop', 'help']);
const isNegated = (tokens: Token[], at: number) => tokens[at]!.isNegatedByWink && !UNNEGATING.has(tokens[at - 1]?.lemma ?? '');

const found = (patterns: Array<{ isStart: boolean; pattern: Pattern }>, tokens: Token[], allowNegated: boolean) =>
  patterns.some(({ isStart, pattern }) =>
    findMatches(pattern, tokens).some(({ start }) => (isStart ? start === 0 : true) && (allowNegated || !isNegated(tokens, start))),
  );

// Words that make a message a request ("can we do the breathing instead"), not an answer that
// happens to name an exercise ("the fridge, cars, my breathing").
const REQUEST_WORDS = new Set(['can', 'could', 'let', 'want', 'need', 'try', 'do', 'instead', 'help', 'switch', 'rather', 'please', 'how']);

export type Understanding = { intent: Intent | null; feeling: Feeling | null; isRequest: boolean; number: number | null };

/** The intent and the feeling named in one message; null when none is recognised. */
export function understand(text: string): Understanding {
  const tokens = readTokens(text.toLowerCase());
  const intent = INTENTS.find(({ intent: i, patterns }) => found(patterns, tokens, i === 'no' || i === 'stop'))?.intent ?? null;
  // "not good" is not "better": a negated feeling word names no feeling, except that a negated
  // "good/okay" reads as low.
  let feeling: Feeling | null = null;
  for (const { feeling: f, patterns } of FEELINGS) {
    if (found(patterns, tokens, false)) {
      feeling = f;
      break;
    }
    if (f === 'better' && found(patterns, tokens, true)) feeling = 'low';
  }
  const numberToken = tokens.find((t) => /^\d{1,3}%?$/.test(t.normal));
  const number = numberToken ? Number(numberToken.normal.replace('%', '')) : null;
  return { intent, feeling, isRequest: tokens.some((t) => REQUEST_WORDS.has(t.lemma) || REQUEST_WORDS.has(t.normal)), number };
}
