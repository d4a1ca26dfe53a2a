import { describe, expect, it } from 'vitest';
import { checkInSchema } from './check-in';

describe('checkInSchema', () => {
  it('needs only the mood, and reads empty optional fields as unanswered', () => {
    expect(checkInSchema.parse({ mood: '7', anxiety: '', energy: '', sleepHours: '', note: '' })).toEqual({ mood: 7, tags: [] });
  });

  it('gives a clear message for a missing or out-of-range mood', () => {
    for (const mood of [undefined, '', '0', '11', '5.5']) {
      const result = checkInSchema.safeParse({ mood });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('Choose your mood from 1 to 10.');
    }
  });

  it('trims and de-duplicates tags and bounds sleep and the note', () => {
    expect(checkInSchema.parse({ mood: 5, tags: [' walk ', 'walk', 'calm'], sleepHours: '6.5' })).toMatchObject({
      tags: ['walk', 'calm'],
      sleepHours: 6.5,
    });
    expect(checkInSchema.safeParse({ mood: 5, sleepHours: '25' }).success).toBe(false);
    expect(checkInSchema.safeParse({ mood: 5, note: 'x'.repeat(2001) }).success).toBe(false);
    expect(checkInSchema.safeParse({ mood: 5, tags: ['x'.repeat(41)] }).success).toBe(false);
  });
});
