import './zod-jitless';
import { z } from 'zod';

// NIST SP 800-63B: at least 8 characters, a generous maximum, no composition rules.
export const passwordSchema = z
  .string()
  .min(8, 'Use at least 8 characters.')
  .max(128, 'Use at most 128 characters.');

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('Enter an email address like name@example.com.')),
  // Length is not checked at sign-in: any wrong password gets the same answer.
  password: z.string().min(1, 'Enter your password.').max(1024),
});

export type SignInInput = z.infer<typeof signInSchema>;
