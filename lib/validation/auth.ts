import { z } from '@/lib/validation/zod';

// NIST SP 800-63B: a generous maximum, no composition rules. The minimum here is the clients'
// (10); staff need 12, and every new password is checked against common and breached passwords:
// lib/auth/password-strength.ts, applied where the role is known.
export const passwordSchema = z
  .string()
  .min(10, 'Use at least 10 characters. A few unrelated words make a good password.')
  .max(128, 'Use at most 128 characters.');

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('Enter an email address like name@example.com.')),
  // Length is not checked at sign-in: any wrong password gets the same answer.
  password: z.string().min(1, 'Enter your password.').max(1024),
  // A six-digit code from an authenticator app, or a backup code; only asked for once the password is right.
  code: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().trim().max(20).optional()),
});

export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(1024),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords do not match.' });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const codeSchema = z.object({ code: z.string().trim().min(1, 'Enter the code from your app.').max(20, 'That code is too long.') });

export const disableTwoFactorSchema = z.object({
  password: z.string().min(1, 'Enter your password.').max(1024),
  code: z.string().trim().min(1, 'Enter a code from your app or a backup code.').max(20, 'That code is too long.'),
});
