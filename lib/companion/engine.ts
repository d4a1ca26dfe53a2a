// The companion (docs/design.md §10): a state machine of scripted flows. Pure and synchronous: the same
// state, message and context always give the same reply, with no database, model or network, so
// `npm run companion:replay` and `npm run eval:companion` run it exactly as the app does.
//
// Every message goes through the risk-language screen first, the same screen as the journal and
// check-in notes. A hit stops whatever flow was running and answers with the crisis reply; the
// companion then stays with the crisis resources until the client says they want to carry on.

import { screenRiskLanguage, type RiskScreen } from '@/lib/clinical/risk-language';
import { suggestedReminderTime } from './activation';
import { understand, type Feeling, type Intent } from './understand';
import * as W from './wording';

export const REPLY_KINDS = ['reflection', 'grounding', 'breathing', 'thought_record', 'activation', 'crisis', 'other'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];
export type Reply = { kind: ReplyKind; text: string };

export const FLOWS = ['open', 'grounding', 'body_scan', 'thought_record', 'activation', 'session_note', 'crisis'] as const;
export type Flow = (typeof FLOWS)[number];
type Exercise = Exclude<Flow, 'open' | 'crisis'> | 'breathing';

export type ThoughtRecord = {
  situation: string;
  thought: string;
  feeling: string;
  intensityBefore: number | null;
  evidenceFor: string;
  evidenceAgainst: string;
  balancedThought: string;
  intensityAfter: number | null;
};

export type CompanionState = {
  turn: number;
  flow: Flow;
  step: number;
  /** Reflections in a row since the last exercise or suggestion. */
  reflections: number;
  suggested: Exercise | null;
  /** The feeling the client last named, so a suggestion still fits when a message names none. */
  lastFeeling: Feeling | null;
  draft: Partial<ThoughtRecord> & { activity?: string };
  /**
   * After a behavioural-activation step: the thing the client chose, offered a one-off reminder
   * for the next turn (the page shows the reminder form while it stands). Absent in states stored
   * before the reminder existed.
   */
  reminderOffer?: ReminderOffer | null;
};

export type ReminderOffer = { activity: string; suggestedTime: string | null; turn: number };

export type CompanionContext = {
  /** Tags that go with the client's better days (lib/companion/activation.ts), most telling first. */
  betterDayTags: readonly string[];
  /** Opened from the message after a check-in below the client's usual. */
  afterDip: boolean;
};

export type Saved = { kind: 'thought_record'; record: ThoughtRecord } | { kind: 'session_note'; text: string };

export type Turn = { reply: Reply; state: CompanionState; risk: RiskScreen; saved: Saved | null };

export const MESSAGE_MAX_CHARS = 2000;

const initialState = (): CompanionState => ({
  turn: 0,
  flow: 'open',
  step: 0,
  reflections: 0,
  suggested: null,
  lastFeeling: null,
  draft: {},
});

/** The companion's first words: who it is (plainly automated) and an open question. */
export function startConversation(context: CompanionContext, seed = ''): { state: CompanionState; reply: Reply } {
  const question = W.pick(context.afterDip ? W.OPENING_AFTER_DIP : W.OPENING, seed);
  return { state: initialState(), reply: { kind: 'other', text: `${W.INTRO} ${question}` } };
}

// Which exercise fits the feeling named, offered gently after a couple of reflections.
const SUGGESTION_FOR: Record<Feeling | 'unnamed', Exercise> = {
  anxious: 'grounding',
  overwhelmed: 'breathing',
  angry: 'thought_record',
  ashamed: 'thought_record',
  hurt: 'thought_record',
  low: 'activation',
  empty: 'activation',
  tired: 'activation',
  lonely: 'session_note',
  better: 'session_note',
  unnamed: 'thought_record',
};
const REFLECTIONS_BEFORE_SUGGESTING = 2;

const EXERCISE_INTENTS: Partial<Record<Intent, Exercise>> = {
  grounding: 'grounding',
  breathing: 'breathing',
  body_scan: 'body_scan',
  thought_record: 'thought_record',
  activation: 'activation',
  session_note: 'session_note',
};

const clip = (text: string) => text.trim().replace(/\s+/g, ' ');
// "anxious, 80" is kept as the feeling "anxious" and the intensity 80.
const feelingWords = (text: string) =>
  text
    .replace(/\b\d{1,3}\s*%?(?:\s*\/\s*100)?/g, '')
    .replace(/[\s,;:.()-]+$/, '')
    .trim() || text;
const percent = (n: number | null) => (n !== null && n >= 0 && n <= 100 ? n : null);

function startExercise(
  exercise: Exercise,
  base: CompanionState,
  context: CompanionContext,
  seed: string,
): Turn['reply'] & { state: CompanionState } {
  const state: CompanionState = { ...base, flow: 'open', step: 0, reflections: 0, suggested: null, draft: {} };
  switch (exercise) {
    case 'breathing':
      return { kind: 'breathing', text: W.pick(W.BREATHING, seed), state };
    case 'grounding':
      return { kind: 'grounding', text: W.GROUNDING_STEPS[0]!, state: { ...state, flow: 'grounding', step: 1 } };
    case 'body_scan':
      return { kind: 'grounding', text: W.BODY_SCAN_STEPS[0]!, state: { ...state, flow: 'body_scan', step: 1 } };
    case 'thought_record':
      return { kind: 'thought_record', text: W.THOUGHT_RECORD.start, state: { ...state, flow: 'thought_record', step: 1 } };
    case 'activation': {
      const tags = context.betterDayTags.slice(0, 3);
      const text = tags.length > 0 ? W.ACTIVATION.fromHistory(tags) : W.ACTIVATION.noHistory;
      return { kind: 'activation', text, state: { ...state, flow: 'activation', step: 1 } };
    }
    case 'session_note':
      return { kind: 'other', text: W.SESSION_NOTE.start, state: { ...state, flow: 'session_note', step: 1 } };
  }
}

/** The step of a flow the client is answering, as a prompt to repeat after an aside. */
function currentPrompt(state: CompanionState): string | null {
  const tr = W.THOUGHT_RECORD;
  switch (state.flow) {
    case 'grounding':
      return W.GROUNDING_STEPS[state.step - 1] ?? null;
    case 'body_scan':
      return W.BODY_SCAN_STEPS[state.step - 1] ?? null;
    case 'thought_record':
      return [tr.start, tr.thought, tr.feeling, tr.evidenceFor, tr.evidenceAgainst, tr.balanced, tr.after][state.step - 1] ?? null;
    case 'session_note':
      return W.SESSION_NOTE.start;
    default:
      return null;
  }
}

function continueFlow(
  state: CompanionState,
  message: string,
  number: number | null,
): { reply: Reply; state: CompanionState; saved: Saved | null } {
  const text = clip(message);
  const done = (reply: Reply, saved: Saved | null = null) => ({
    reply,
    state: { ...state, flow: 'open' as const, step: 0, draft: {} },
    saved,
  });
  const next = (reply: Reply, draft = state.draft) => ({ reply, state: { ...state, step: state.step + 1, draft }, saved: null });
  const d = state.draft;
  const tr = W.THOUGHT_RECORD;
  switch (state.flow) {
    case 'grounding':
    case 'body_scan': {
      const steps = state.flow === 'grounding' ? W.GROUNDING_STEPS : W.BODY_SCAN_STEPS;
      const line = steps[state.step]!;
      return state.step + 1 >= steps.length ? done({ kind: 'grounding', text: line }) : next({ kind: 'grounding', text: line });
    }
    case 'thought_record':
      switch (state.step) {
        case 1:
          return next({ kind: 'thought_record', text: tr.thought }, { ...d, situation: text });
        case 2:
          return next({ kind: 'thought_record', text: tr.feeling }, { ...d, thought: text });
        case 3:
          if (percent(number) === null && d.feeling === undefined) {
            return {
              reply: { kind: 'thought_record', text: tr.intensityAgain },
              state: { ...state, draft: { ...d, feeling: feelingWords(text) } },
              saved: null,
            };
          }
          return next(
            { kind: 'thought_record', text: tr.evidenceFor },
            { ...d, feeling: d.feeling ?? feelingWords(text), intensityBefore: percent(number) },
          );
        case 4:
          return next({ kind: 'thought_record', text: tr.evidenceAgainst }, { ...d, evidenceFor: text });
        case 5:
          return next({ kind: 'thought_record', text: tr.balanced }, { ...d, evidenceAgainst: text });
        case 6:
          return next({ kind: 'thought_record', text: tr.after }, { ...d, balancedThought: text });
        default: {
          const record: ThoughtRecord = {
            situation: d.situation ?? '',
            thought: d.thought ?? '',
            feeling: d.feeling ?? '',
            intensityBefore: d.intensityBefore ?? null,
            evidenceFor: d.evidenceFor ?? '',
            evidenceAgainst: d.evidenceAgainst ?? '',
            balancedThought: d.balancedThought ?? '',
            intensityAfter: percent(number),
          };
          return done({ kind: 'thought_record', text: tr.saved }, { kind: 'thought_record', record });
        }
      }
    case 'activation': {
      if (state.step === 1) return next({ kind: 'activation', text: W.ACTIVATION.when(text) }, { activity: text });
      const activity = d.activity ?? 'that';
      const finished = done({ kind: 'activation', text: W.ACTIVATION.done(activity, text) });
      return {
        ...finished,
        state: { ...finished.state, reminderOffer: { activity, suggestedTime: suggestedReminderTime(text), turn: state.turn } },
      };
    }
    case 'session_note':
      return done({ kind: 'other', text: W.SESSION_NOTE.saved }, { kind: 'session_note', text });
    default:
      return done({ kind: 'other', text: W.MENU });
  }
}

function reflect(state: CompanionState, feeling: Feeling | null, seed: string): { reply: Reply; state: CompanionState } {
  const lines = W.REFLECTIONS[feeling ?? 'unnamed'];
  const reflections = state.reflections + 1;
  const named = feeling ?? state.lastFeeling;
  const base = `${W.pick(lines.name, `${seed}:name`)} ${W.pick(lines.ask, `${seed}:ask`)}`;
  if (reflections < REFLECTIONS_BEFORE_SUGGESTING)
    return { reply: { kind: 'reflection', text: base }, state: { ...state, reflections, lastFeeling: named } };
  const suggested = SUGGESTION_FOR[named ?? 'unnamed'];
  const offer = suggested === 'body_scan' ? W.SUGGEST.grounding : W.SUGGEST[suggested];
  return {
    reply: { kind: 'reflection', text: `${W.pick(lines.name, `${seed}:name`)} ${offer}` },
    state: { ...state, reflections: 0, suggested, lastFeeling: named },
  };
}

/**
 * The companion's answer to one client message. Order matters: the risk screen first, always;
 * then the crisis hold; then questions the companion must decline (diagnosis, medication);
 * then the running flow; then a new exercise asked for or accepted; else reflective listening.
 */
export function respond(previous: CompanionState, message: string, context: CompanionContext): Turn {
  // A reminder offer stands for one turn: asked about, it is explained again; otherwise it lapses.
  const offer = previous.reminderOffer ?? null;
  const state: CompanionState = { ...previous, turn: previous.turn + 1, reminderOffer: null };
  const seed = `${state.turn}:${message}`;
  const risk = screenRiskLanguage(message);
  if (risk.isHit) {
    return {
      reply: { kind: 'crisis', text: W.pick(W.CRISIS, seed) },
      state: { ...initialState(), turn: state.turn, flow: 'crisis' },
      risk,
      saved: null,
    };
  }
  const heard = understand(message);
  const turn = (reply: Reply, next: CompanionState, saved: Saved | null = null): Turn => ({ reply, state: next, risk, saved });

  if (state.flow === 'crisis') {
    if (heard.intent === 'continue')
      return turn({ kind: 'other', text: `${W.CRISIS_RESUME} ${W.MENU}` }, { ...state, flow: 'open', step: 0 });
    return turn({ kind: 'crisis', text: W.pick(W.CRISIS_HOLD, seed) }, state);
  }

  if (offer && heard.intent === 'yes')
    return turn({ kind: 'activation', text: W.ACTIVATION.reminderHow }, { ...state, reminderOffer: offer });
  if (offer && heard.intent === 'no') return turn({ kind: 'other', text: `${W.ACTIVATION.noReminder} ${W.MENU}` }, state);

  const aside =
    heard.intent === 'ask_diagnosis'
      ? W.FENCE.diagnosis
      : heard.intent === 'ask_medication'
        ? W.FENCE.medication
        : heard.intent === 'ask_human'
          ? W.FENCE.human
          : null;
  if (aside) {
    const prompt = currentPrompt(state);
    return turn({ kind: 'other', text: prompt ? `${aside} ${prompt}` : aside }, state);
  }
  if (heard.intent === 'stop')
    return turn(
      { kind: 'other', text: W.pick(W.GOODBYE, seed) },
      { ...state, flow: 'open', step: 0, reflections: 0, suggested: null, draft: {} },
    );

  const asked = heard.intent ? EXERCISE_INTENTS[heard.intent] : undefined;
  const isSwitching = asked !== undefined && asked !== state.flow && heard.isRequest;
  if (state.flow !== 'open' && !isSwitching) {
    const next = continueFlow(state, message, heard.number);
    return turn(next.reply, next.state, next.saved);
  }
  if (asked) {
    const { state: next, ...reply } = startExercise(asked, state, context, seed);
    return turn(reply, next);
  }
  if (state.suggested && heard.intent === 'yes') {
    const { state: next, ...reply } = startExercise(state.suggested, state, context, seed);
    return turn(reply, next);
  }
  if (heard.intent === 'ask_advice')
    return turn({ kind: 'other', text: W.FENCE.advice }, { ...state, reflections: 0, suggested: 'thought_record' });
  if (state.suggested && heard.intent === 'no')
    return turn({ kind: 'other', text: `That's fine. ${W.MENU}` }, { ...state, suggested: null, reflections: 0 });
  const reflection = reflect({ ...state, suggested: null }, heard.feeling, seed);
  return turn(reflection.reply, reflection.state);
}

/** Runs a whole conversation, one client message after another (replay, evaluation, tests). */
export function runConversation(messages: readonly string[], context: CompanionContext): Turn[] {
  let state = startConversation(context).state;
  return messages.map((message) => {
    const result = respond(state, message, context);
    state = result.state;
    return result;
  });
}
