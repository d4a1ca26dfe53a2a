export const roles = ['client', 'therapist', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Where each role lands after signing in. */
export const homeFor: Record<Role, string> = {
  client: '/check-in',
  therapist: '/caseload',
  admin: '/clinic',
};
