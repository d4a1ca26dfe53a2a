import { describe, expect, it } from 'vitest';
import { respond, runConversation, startConversation } from './engine';
import { fenceHits } from './fence';
import { betterDayTags, suggestedReminderTime } from './activation';

const ctx = { betterDayTags: [], afterDip: false };
const kinds = (messages: string[], context = ctx) => runConversation(messages, context).map((t) => t.reply.kind);

describe('the companion engine', () => {
  it('says plainly that it is automated, not a person and not the therapist', () => {
    expect(startConversation(ctx).reply.text).toMatch(/automated program, not a person and not your therapist/);
  });

  it('walks a thought record through every step and saves it as a structured entry', () => {
    const turns = runConversation(
      [
        'thought record please',
        'Boss criticised my report',
        "I'm useless",
        'ashamed, 80',
        'nobody said anything',
        'I got good feedback last month',
        'one mistake does not make me useless',
        '40',
      ],
      ctx,
    );
    expect(turns.every((t) => t.reply.kind === 'thought_record')).toBe(true);
    expect(turns.at(-1)?.saved).toEqual({
      kind: 'thought_record',
      record: {
        situation: 'Boss criticised my report',
        thought: "I'm useless",
        feeling: 'ashamed',
        intensityBefore: 80,
        evidenceFor: 'nobody said anything',
        evidenceAgainst: 'I got good feedback last month',
        balancedThought: 'one mistake does not make me useless',
        intensityAfter: 40,
      },
    });
  });

  it('asks again for the intensity when none is given', () => {
    const turns = runConversation(['thought record please', 'a party', 'they laughed at me', 'embarrassed', '60'], ctx);
    expect(turns[3]?.reply.text).toMatch(/0 to 100/);
    expect(turns[4]?.state.draft).toMatchObject({ feeling: 'embarrassed', intensityBefore: 60 });
  });

  it('stops any flow at risk words, holds the crisis reply, and resumes only when the client chooses', () => {
    expect(
      kinds([
        'I need grounding',
        'chair, desk, lamp',
        "I've been saving up my pills",
        'ok',
        'whatever',
        "I'm safe now, can we keep talking",
        'just tired',
      ]),
    ).toEqual(['grounding', 'grounding', 'crisis', 'crisis', 'crisis', 'other', 'reflection']);
  });

  it('does not treat idioms as risk', () => {
    expect(kinds(['this commute is killing me', 'my phone died', 'I nearly died laughing'])).not.toContain('crisis');
  });

  it('declines diagnosis and medication questions, then returns to the step it was on', () => {
    const turns = runConversation(['thought record please', 'do I have depression?', 'should I stop my meds?'], ctx);
    expect(turns[1]?.reply.text).toMatch(/can't diagnose/);
    expect(turns[2]?.reply.text).toMatch(/can't help with questions about medication/);
    expect(turns[2]?.reply.text).toMatch(/the situation/);
    expect(turns[2]?.state).toMatchObject({ flow: 'thought_record', step: 1 });
  });

  it('reflects the feeling named and never argues with it; suggests an exercise after two reflections', () => {
    const turns = runConversation(['I am so anxious about tomorrow', 'my chest is tight', 'yes'], ctx);
    expect(turns.map((t) => t.reply.kind)).toEqual(['reflection', 'reflection', 'grounding']);
    for (const t of turns) expect(t.reply.text).not.toMatch(/\b(but you|shouldn't feel|don't feel)\b/i);
  });

  it('picks behavioural activation from the client’s own better-day tags, or says when there are none', () => {
    expect(
      runConversation(['I need something small to do'], { betterDayTags: ['walk', 'friends'], afterDip: false })[0]?.reply.text,
    ).toMatch(/walk, friends/);
    expect(runConversation(['I need something small to do'], ctx)[0]?.reply.text).toMatch(/don't show yet/);
  });

  it('offers a reminder for the small thing chosen, for one turn, and only explains it when asked', () => {
    const context = { betterDayTags: ['walk', 'friends'], afterDip: false };
    const turns = runConversation(
      ['I need something small to do', 'a walk by the river', 'around 5.30pm', 'yes please', 'thanks'],
      context,
    );
    expect(turns.map((t) => t.reply.kind)).toEqual(['activation', 'activation', 'activation', 'activation', 'reflection']);
    expect(turns[1]?.state.reminderOffer ?? null).toBeNull();
    expect(turns[2]?.reply.text).toMatch(/a reminder would help.*Nothing is sent unless you set it/);
    expect(turns[2]?.state.reminderOffer).toEqual({ activity: 'a walk by the river', suggestedTime: '17:30', turn: 3 });
    // "yes" keeps the same offer (same turn, so one reminder at most) and points at the form.
    expect(turns[3]?.state.reminderOffer).toEqual({ activity: 'a walk by the river', suggestedTime: '17:30', turn: 3 });
    expect(turns[3]?.reply.text).toMatch(/Remind me/);
    expect(turns[4]?.state.reminderOffer).toBeNull();
    for (const t of turns) expect(fenceHits(t.reply.text)).toEqual([]);
  });

  it('lets the offer go on "no", and drops it at once on risk language', () => {
    const no = runConversation(['I need something small to do', 'shower', 'after lunch', 'no thanks'], ctx);
    expect(no.at(-1)?.reply.text).toMatch(/no reminder/);
    expect(no.at(-1)?.state.reminderOffer).toBeNull();
    expect(no[2]?.state.reminderOffer).toEqual({ activity: 'shower', suggestedTime: null, turn: 3 });
    const risk = runConversation(['I need something small to do', 'shower', 'tonight', 'what is the point, I want to end it all'], ctx);
    expect(risk.at(-1)?.reply.kind).toBe('crisis');
    expect(risk.at(-1)?.state.reminderOffer ?? null).toBeNull();
  });

  it('reads a clear clock time from the client’s “when”, and nothing from a vague one', () => {
    expect(suggestedReminderTime('at 17:30')).toBe('17:30');
    expect(suggestedReminderTime('around 9 am')).toBe('09:00');
    expect(suggestedReminderTime('5.15pm, after work')).toBe('17:15');
    expect(suggestedReminderTime('12 pm')).toBe('12:00');
    expect(suggestedReminderTime('12am')).toBe('00:00');
    expect(suggestedReminderTime('at noon')).toBe('12:00');
    expect(suggestedReminderTime('7h45')).toBe('07:45');
    for (const vague of ['after lunch', 'at 5', 'tonight', 'in 20 minutes', '25:00']) expect(suggestedReminderTime(vague)).toBeNull();
  });

  it('is deterministic: the same messages give the same replies', () => {
    const a = runConversation(['rough day', 'so tired'], ctx).map((t) => t.reply.text);
    expect(runConversation(['rough day', 'so tired'], ctx).map((t) => t.reply.text)).toEqual(a);
  });

  it('passes its own output fence on every scripted line of a long conversation', () => {
    let state = startConversation(ctx).state;
    for (const m of ['I feel low', 'flat', 'yes', 'a walk', 'now', 'are you a bot?', 'bye']) {
      const t = respond(state, m, ctx);
      expect(fenceHits(t.reply.text)).toEqual([]);
      state = t.state;
    }
  });
});

describe('the output fence', () => {
  it.each([
    ['It sounds like you have depression.', 'diagnosis'],
    ['You might be showing signs of an anxiety disorder.', 'diagnosis'],
    ['Try taking an extra 50 mg of sertraline.', 'medication'],
    ['Melatonin would help you sleep.', 'medication'],
    ['I promise everything will be fine.', 'promise'],
    ['Maybe you want to die.', 'risk'],
  ])('flags "%s" as %s', (text, hit) => {
    expect(fenceHits(text)).toContain(hit);
  });

  it('lets a warm reflection through', () => {
    expect(fenceHits('That sounds exhausting. What has been draining you most?')).toEqual([]);
  });
});

describe('better-day tags', () => {
  const day = (d: number, mood: number, tags: string[]) => ({ localDate: `2026-10-${String(d).padStart(2, '0')}`, mood, tags });
  it('keeps tags that lean to better days and drops those logged whatever the mood', () => {
    const history = [
      day(1, 8, ['walk', 'work']),
      day(2, 8, ['walk', 'work']),
      day(3, 7, ['walk', 'work']),
      day(4, 3, ['work']),
      day(5, 3, ['work']),
      day(6, 2, ['work', 'walk']),
      day(7, 5, ['work']),
    ];
    expect(betterDayTags(history)).toEqual(['walk']);
  });
});
