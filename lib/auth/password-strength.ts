import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { Role } from './roles';

// Issue 14: at least 12 characters for staff, 10 for clients; at most 128 (NIST SP 800-63B
// 5.1.1.2 allows long passphrases and forbids composition rules). Beyond length, a password must
// not be guessable from zxcvbn-ts's common-passwords and common-words lists: zxcvbn score 3
// ("safely unguessable: moderate protection from offline slow-hash scenario", about 10^8 guesses).
export const MIN_PASSWORD_LENGTH: Record<Role, number> = { admin: 12, therapist: 12, client: 10 };
export const MAX_PASSWORD_LENGTH = 128;
const MIN_SCORE = 3;

let checker: ZxcvbnFactory | undefined;
function getChecker(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return checker;
}

const warnings: Record<string, string> = {
  topTen: 'This is one of the most used passwords.',
  topHundred: 'This is one of the most used passwords.',
  common: 'This is a commonly used password.',
  similarToCommon: 'This is too close to a commonly used password.',
  wordByItself: 'A single word is easy to guess.',
  namesByThemselves: 'A name on its own is easy to guess.',
  commonNames: 'Common names are easy to guess.',
  userInputs: 'It should not contain your name or email.',
  straightRow: 'A row of keys on the keyboard is easy to guess.',
  keyPattern: 'A keyboard pattern is easy to guess.',
  simpleRepeat: 'Repeated characters like "aaa" are easy to guess.',
  extendedRepeat: 'Repeated patterns like "abcabc" are easy to guess.',
  sequences: 'Sequences like "abc" or "1234" are easy to guess.',
  recentYears: 'Recent years are easy to guess.',
  dates: 'Dates are easy to guess.',
};

/**
 * Why a new password is refused, in plain words, or null when it is acceptable. `personal` holds
 * the person's name and email, which must not make up the password.
 */
export function passwordProblem(password: string, role: Role, personal: readonly string[] = []): string | null {
  const min = MIN_PASSWORD_LENGTH[role];
  if (password.length < min) return `Use at least ${min} characters. A few unrelated words make a good password.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const result = getChecker().check(
    password,
    personal.flatMap((p) => [p, ...p.split(/[@.\s]+/)]).filter((p) => p.length >= 3),
  );
  // The person's own name or email making up half the password is guessable by anyone who knows them.
  const personalLength = result.sequence
    .filter((part) => 'dictionaryName' in part && part.dictionaryName === 'userInputs')
    .reduce((sum, part) => sum + part.token.length, 0);
  if (personalLength * 2 >= password.length) return `${warnings.userInputs} Choose a longer one: a few unrelated words work well.`;
  if (result.score >= MIN_SCORE) return null;
  const why = (result.feedback.warning && warnings[result.feedback.warning]) || 'This password would be easy to guess.';
  return `${why} Choose a longer one: a few unrelated words work well.`;
}
