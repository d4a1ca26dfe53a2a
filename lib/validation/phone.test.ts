import { describe, expect, it } from 'vitest';
import { phoneSchema } from './phone';

describe('phoneSchema', () => {
  it('takes numbers as people write them, trimmed', () => {
    for (const phone of ['+44 20 7946 0000', '020 7946 0000', '(212) 555-0100', '+351.912.345.678']) {
      expect(phoneSchema.parse(` ${phone} `)).toBe(phone);
    }
  });

  it('reads a blank field as no number', () => {
    expect(phoneSchema.parse('')).toBeNull();
    expect(phoneSchema.parse('   ')).toBeNull();
  });

  it('refuses what cannot be dialled, with a clear message', () => {
    for (const phone of ['call me', '12345', '+', 'ext. 12345678', `+${'1'.repeat(31)}`, '0800 CALL NOW']) {
      expect(phoneSchema.safeParse(phone).error?.issues[0]?.message).toBe('Enter a phone number with digits only, like +44 20 7946 0000.');
    }
  });
});
