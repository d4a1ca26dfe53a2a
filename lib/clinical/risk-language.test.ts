import { describe, expect, it } from 'vitest';
import type { RiskCategory } from './risk-categories';
import { RISK_CATEGORY_ORDER, screenRiskLanguage } from './risk-language';

const screen = (text: string) => screenRiskLanguage(text);
const hits = (text: string) => screen(text).isHit;

// Each family: several phrasings, in present and past tense, misspelled, in slang, without
// apostrophes. Written for these tests, apart from the corpus the figures are measured on.
const FAMILIES: Record<RiskCategory, string[]> = {
  wish_to_die: [
    'I just want to die',
    'I wanted to die all weekend',
    'wish i was dead honestly',
    'i hope i dont wake up tomorrow',
    'Went to sleep praying I would never wake up',
    'I dont want to live anymore',
    "I don't want to be alive",
    'Id rather be dead',
    'wanna die',
    'I wish I could stop existing',
    "I'm hoping a bus hits me",
    "I'd be better off dead",
    'I want it all to stop',
    'I just want to go to sleep for good',
    "I can't see myself being here next year",
    "I don't plan on being around for Christmas",
    'i wnat to die',
    'I want to sleep forever',
    'sleeping forever would be nice',
  ],
  suicidal_thoughts: [
    'I have been thinking about suicide',
    'Feeling suicidal tonight',
    'felt sucidal at work',
    'I want to kill myself',
    'kms',
    'gonna unalive myself',
    "I'm gonna end it",
    'I just want to end it all',
    'thought about ending my life yesterday',
    "I won't be around much longer",
    'I keep thinking about not being here',
    'I could take my own life',
  ],
  burden: [
    "They'd be better off without me",
    'theyd be better off without me',
    'my family would be better off if i was gone',
    'I am such a burden',
    'feel like a burdon',
    'No one would miss me',
    'Nobody would notice if I disappeared',
    'the world would be a better place without me',
  ],
  hopelessness: [
    'There is no reason to live',
    'theres no point living',
    'I have nothing to live for',
    "I can't go on",
    'i cant do this anymore',
    "What's the point of living",
    'life is not worth living',
    "I'm tired of living",
    "I can't keep going like this",
    "I'm not worth saving",
  ],
  plan_or_preparation: [
    'I looked up lethal doses online',
    'I have been saving up my pills',
    'stockpiled my meds this month',
    'looked up how high the bridge is',
    'I bought a rope',
    'wrote letters to my kids',
    'I gave my guitar away, I will not need it',
    'I have been giving my stuff away',
    'wrote a goodbye note',
    'I know which bridge',
    'I thought about jumping off the roof of the car park',
    "I'm ending it tonight",
  ],
  self_harm: [
    'I cut again last night',
    'I cut myself after dinner',
    'been cutting again',
    'burned myself on purpose',
    'I burnt my arm on purpose',
    'I scratch my arms until they bleed',
    'I hit myself again',
    'self harmed last night',
    'relapsed on sh',
    'I keep hurting myself',
    'The urge to cut is so strong',
  ],
  overdose: [
    'I overdosed in March',
    'od last night',
    "i od'd",
    'I keep thinking about overdosing',
    'I want to take an overdose',
    'overdosed on my sleeping pills',
    'I took the whole box of paracetamol',
    'swallowed all my tablets',
    'took 40 pills',
  ],
};

describe.each(RISK_CATEGORY_ORDER)('%s', (category) => {
  it.each(FAMILIES[category])('finds "%s"', (text) => {
    expect(screen(text).categories).toContain(category);
  });
});

describe('negation', () => {
  it.each([
    'I would never hurt myself',
    "I'm not suicidal",
    'not suicidal, just tired',
    'I did not cut myself this week',
    "I won't kill myself, I promised my sister",
    "I don't have any plans to end my life",
    'There is no way I would ever take my own life',
    'Suicide has never crossed my mind',
    'Nothing like self harm, only stress',
    'Thankfully no urges to cut',
    'i dont wanna die, i want things to change',
  ])('is not a hit: "%s"', (text) => {
    expect(hits(text)).toBe(false);
  });

  // "I don't want to die" affirms life: not a hit. "I don't want to live" is the wish itself.
  it('tells not wanting to die from not wanting to live', () => {
    expect(hits("I don't want to die")).toBe(false);
    expect(screen("I don't want to live").category).toBe('wish_to_die');
  });

  it('keeps negations that are part of the phrase', () => {
    expect(hits("I can't go on")).toBe(true);
    expect(hits("I'm not going to be around much longer")).toBe(true);
    expect(hits('I would not mind if I died')).toBe(true);
  });

  it('does not let a negation reach across a clause, or a doubt count as one', () => {
    expect(hits("I'm not okay, I want to die")).toBe(true);
    expect(hits('Not today. Suicide is on my mind')).toBe(true);
    expect(hits("I'm not sure but I want to die")).toBe(true);
    expect(hits('I am not sure whether I want to die')).toBe(true);
    expect(hits("I don't know how much longer I can keep going")).toBe(true);
    expect(hits('I never liked Mondays and I want to die')).toBe(true);
  });

  it('still finds a second phrase when the first is negated', () => {
    expect(screen("I won't kill myself. But I keep hurting myself").categories).toEqual(['self_harm']);
  });
});

describe('idioms and other senses', () => {
  it.each([
    'this homework is killing me',
    "I'm dying to see it",
    'I could sleep forever after that hike',
    'We had a lethal amount of cake at the party',
    'I cut myself shaving',
    'my phone died',
    'My feet are killing me',
    'I nearly died laughing',
    'I killed it at work today',
    'We cut the budget',
    'I got my hair cut',
    'I overdosed on chocolate',
    'I took two paracetamol for a headache',
    'I am saving up for a holiday',
    'I said goodbye at the station',
    'I want to end things with him',
    'My plan for the weekend is to rest',
    "I'm dying my hair blue",
    'Went for a walk and cooked dinner.',
  ])('is not a hit: "%s"', (text) => {
    expect(hits(text)).toBe(false);
  });
});

// Reported speech about someone else is usually not the client's risk: not a hit. The therapist
// still reads the journal when it is shared. The client's own words in the same text still hit.
describe("other people's words", () => {
  it.each([
    'My friend said she wanted to die',
    'my brother tried to kill himself last year',
    'My colleague overdosed and is in hospital',
    'My cousin self harms',
    'My mum says she is a burden',
    'We watched a film about suicide prevention',
  ])('is not a hit: "%s"', (text) => {
    expect(hits(text)).toBe(false);
  });

  it('still finds the client’s own words next to someone else’s', () => {
    expect(hits('My friend said she wanted to die, and I want to die too')).toBe(true);
    expect(hits('They would be better off without me')).toBe(true);
  });
});

// Past risk the client says is over is not an alert now; the screen raises alerts for now. Said
// to be back, or without saying it is over, it is a hit.
describe('resolved past', () => {
  it.each([
    "Years ago I used to self-harm, now I'm doing well",
    'When I was a teenager I cut myself, but not for ten years',
    "I used to be suicidal but I'm not anymore",
    'It has been three years since I last hurt myself',
  ])('is not a hit: "%s"', (text) => {
    expect(hits(text)).toBe(false);
  });

  it.each([
    'I used to cut and I started cutting again',
    'I used to love painting, now I want to die',
    'I tried to kill myself last year and the thoughts are back',
    'I cut myself last week',
  ])('is a hit: "%s"', (text) => {
    expect(hits(text)).toBe(true);
  });
});

describe('the result', () => {
  it('names the most serious category first and lists all found', () => {
    expect(screen('Everyone would be better off without me. I have saved up my pills. I want to die')).toEqual({
      isHit: true,
      category: 'plan_or_preparation',
      categories: ['plan_or_preparation', 'wish_to_die', 'burden'],
    });
  });

  it('says nothing of empty text', () => {
    expect(screen('   ')).toEqual({ isHit: false, category: null, categories: [] });
    expect(screen('')).toEqual({ isHit: false, category: null, categories: [] });
  });

  it('reads curly apostrophes and capitals', () => {
    expect(screen('I DON’T WANT TO LIVE like this').category).toBe('wish_to_die');
  });

  it('finds one sentence in a journal entry of 20,000 characters, and nothing in the rest', () => {
    const calm = 'Walked the dog by the canal and cooked dinner with my sister, then read for an hour. ';
    const filler = calm.repeat(Math.floor(10_000 / calm.length));
    const entry = `${filler}Honestly I have been saving my pills in a drawer. ${filler}`.slice(0, 20_000);
    expect(entry.length).toBeGreaterThan(19_000);
    expect(screen(entry).categories).toEqual(['plan_or_preparation']);
    expect(hits(filler + filler)).toBe(false);
  });
});
