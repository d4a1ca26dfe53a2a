import 'server-only';
import { getServerSession } from 'next-auth';
import { notFound, redirect } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { getSessionState } from '@/lib/dal/auth';
import type { Actor } from '@/lib/dal/context';
import { TandemError } from '@/lib/errors';
import { authOptions, SESSION_LIFETIME_SECONDS } from './options';
import type { Role } from './roles';

export type CurrentUser = Actor & { name: string; timeZone: string };

type SessionLookup = { status: 'signed-in'; user: CurrentUser } | { status: 'signed-out' | 'expired' };

/**
 * The signed-in person for this request, checked against the database every time: a session
 * ends when it is 12 hours old, when the account is deactivated, or when the person signed out
 * everywhere (their session version moved on).
 */
export const lookupSession = cache(async (): Promise<SessionLookup> => {
  // Per request, never at build time: the build has no session, database or secrets.
  await connection();
  const session = await getServerSession(authOptions());
  if (!session?.userId) return { status: 'signed-out' };
  const ageSeconds = Date.now() / 1000 - session.authTime;
  if (ageSeconds > SESSION_LIFETIME_SECONDS) return { status: 'expired' };
  const state = await getSessionState({ userId: session.userId, clinicId: session.clinicId });
  if (!state || state.sessionVersion !== session.sessionVersion) return { status: 'expired' };
  return {
    status: 'signed-in',
    user: { userId: session.userId, clinicId: session.clinicId, role: state.role, name: state.name, timeZone: state.timeZone },
  };
});

/** For pages: the signed-in person, or a redirect to the sign-in page saying why. */
export async function requireUser(): Promise<CurrentUser> {
  const lookup = await lookupSession();
  if (lookup.status === 'signed-in') return lookup.user;
  redirect(lookup.status === 'expired' ? '/sign-in?reason=expired' : '/sign-in');
}

/** For pages of one role's area. Anyone else gets 404, as if the page did not exist. */
export async function requireRole(role: Role): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role !== role) notFound();
  return user;
}

/** For route handlers: the signed-in person, or a typed 401. */
export async function requireApiUser(): Promise<CurrentUser> {
  const lookup = await lookupSession();
  if (lookup.status !== 'signed-in') throw new TandemError('unauthorized:session');
  return lookup.user;
}
