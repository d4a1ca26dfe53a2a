import { describe, expect, it } from 'vitest';
import { typedValues } from './form-state';

describe('form state helpers', () => {
  it('return what was typed, leaving out secrets and React’s own fields', () => {
    const form = new FormData();
    form.set('name', 'Ada');
    form.set('password', 'secret');
    form.set('$ACTION_ID_1', '');
    expect(typedValues(form, ['password'])).toEqual({ name: 'Ada' });
  });
});
