import { z } from '@/lib/validation/zod';

// A number a person can dial: digits with the usual separators, an optional leading +, 6 to 30
// characters. The database checks the same pattern (migration 0005, users_phone_format).
const PHONE_PATTERN = /^\+?[0-9(][0-9 ()./-]{5,29}$/;

/** An optional phone number: blank means none. */
export const phoneSchema = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v))
  .refine((v) => v === null || PHONE_PATTERN.test(v), 'Enter a phone number with digits only, like +44 20 7946 0000.');

export const contactSchema = z.object({ phone: phoneSchema });
