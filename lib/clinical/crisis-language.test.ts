import { describe, expect, it } from 'vitest';
import { CRISIS_PHRASES, screenForCrisisLanguage } from './crisis-language';

const hits = (text: string) => screenForCrisisLanguage(text).isHit;

describe('crisis-language screening', () => {
  it('finds every listed phrase in a sentence', () => {
    for (const phrase of CRISIS_PHRASES) expect(hits(`Today I thought: ${phrase}.`), phrase).toBe(true);
  });

  it.each([
    'I want to die',
    'Honestly I just want to end it all',
    'Sometimes I think everyone would be better off without me',
    'I’m thinking about suicide again',
    'I DON’T WANT TO LIVE like this',
    'I cut myself last night',
    "I can't go on",
    'There is no reason to live',
    'I want to kill myself',
  ])('flags "%s"', (text) => {
    expect(hits(text)).toBe(true);
  });

  it.each([
    'I would never kill myself',
    "I'm not suicidal, just tired",
    "I don't want to die, I want things to change",
    'I did not hurt myself this week',
    "I won't harm myself, I promised",
    'Went for a walk and cooked dinner.',
    'My cat is killing it at being lazy',
    'The film was about a skilled surgeon',
  ])('does not flag "%s"', (text) => {
    expect(hits(text)).toBe(false);
  });

  it('does not let a negation reach across a clause break', () => {
    expect(hits("I'm not okay, I want to die")).toBe(true);
    expect(hits('Not today. Suicide is on my mind')).toBe(true);
    expect(hits("I'm not sure but I want to die")).toBe(true);
  });

  it('only looks three words back for a negation', () => {
    expect(hits('I am not sure whether I want to die')).toBe(true);
  });

  it('still flags a second phrase when the first is negated', () => {
    expect(screenForCrisisLanguage("I won't kill myself. But I keep hurting myself").phrases).toEqual(['hurting myself']);
  });

  it('matches whole words only', () => {
    expect(hits('The overdosed plant')).toBe(false);
    expect(hits('Remember to hurt myselfish habits')).toBe(false);
  });

  it('says nothing of an empty entry', () => {
    expect(screenForCrisisLanguage('   ')).toEqual({ isHit: false, phrases: [] });
  });
});
