import { describe, expect, it } from 'vitest';
import { z } from '@/lib/validation/zod';
import { fieldErrorsOf, typedValues } from './form-state';

describe('form state helpers', () => {
  it('keep the first error of each field', () => {
    const result = z
      .object({ a: z.string().min(3, 'too short').regex(/x/, 'no x'), b: z.number('a number') })
      .safeParse({ a: 'y', b: 'z' });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error)).toEqual({ a: 'too short', b: 'a number' });
  });

  it('return what was typed, leaving out secrets and React’s own fields', () => {
    const form = new FormData();
    form.set('name', 'Ada');
    form.set('password', 'secret');
    form.set('$ACTION_ID_1', '');
    expect(typedValues(form, ['password'])).toEqual({ name: 'Ada' });
  });
});
