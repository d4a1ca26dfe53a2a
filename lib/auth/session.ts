import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { cookies } from 'next/headers';
import { connection } from 'next/server';
import { cache } from 'react';
import { checkSession } from '@/lib/dal/auth';
import type { Actor } from '@/lib/dal/context';
import { TandemError } from '@/lib/errors';
import { readSessionCookie, SESSION_LIFETIME_SECONDS } from './options';
import type { Role } from './roles';

export type CurrentUser = Actor & {
  name: string;
  timeZone: string;
  sessionId: string;
  idleMinutes: number | null;
  isInvitedToTwoFactor: boolean;
};

type SessionLookup =
  { status: 'signed-in'; user: CurrentUser } | { status: 'must-enrol'; user: CurrentUser } | { status: 'signed-out' | 'expired' | 'idle' };

/** Where staff go when their clinic requires two-factor and they have not set it up yet. */
export const ENROL_PATH = '/two-factor/setup';

/**
 * The signed-in person for this request, checked against the database every time: a session
 * ends when it is 12 hours old, when it was signed out (here or from the account page), after
 * the clinic's idle limit for staff, when the account is deactivated, or when the person signed
 * out everywhere (their session version moved on).
 */
export const lookupSession = cache(async (): Promise<SessionLookup> => {
  // Per request, never at build time: the build has no session, database or secrets.
  await connection();
  const session = await readSessionCookie(await cookies());
  if (!session) return { status: 'signed-out' };
  const ageSeconds = Date.now() / 1000 - session.authTime;
  if (ageSeconds > SESSION_LIFETIME_SECONDS || !session.sessionId) return { status: 'expired' };
  const check = await checkSession({
    actor: { userId: session.userId, clinicId: session.clinicId },
    sessionId: session.sessionId,
    sessionVersion: session.sessionVersion,
  });
  if (check.status === 'ended') return { status: check.reason === 'signed-out' ? 'expired' : check.reason };
  const { state } = check;
  const user: CurrentUser = {
    userId: session.userId,
    clinicId: session.clinicId,
    role: state.role,
    name: state.name,
    timeZone: state.timeZone,
    sessionId: session.sessionId,
    idleMinutes: state.idleMinutes,
    isInvitedToTwoFactor: state.isInvitedToTwoFactor,
  };
  return { status: state.mustEnrolTwoFactor ? 'must-enrol' : 'signed-in', user };
});

function signInAgain(status: 'signed-out' | 'expired' | 'idle'): never {
  redirect(status === 'signed-out' ? '/sign-in' : `/sign-in?reason=${status}`);
}

/** For pages: the signed-in person, or a redirect to the sign-in page saying why (or to enrolment). */
export async function requireUser(): Promise<CurrentUser> {
  const lookup = await lookupSession();
  if (lookup.status === 'signed-in') return lookup.user;
  if (lookup.status === 'must-enrol') redirect(ENROL_PATH);
  signInAgain(lookup.status);
}

/** For the enrolment page only: staff who still have to set up two-factor may be here. */
export async function requireUserForEnrolment(): Promise<CurrentUser> {
  const lookup = await lookupSession();
  if (lookup.status === 'signed-in' || lookup.status === 'must-enrol') return lookup.user;
  signInAgain(lookup.status);
}

/** For pages of one role's area (or several roles'). Anyone else gets 404, as if the page did not exist. */
export async function requireRole(role: Role | readonly Role[]): Promise<CurrentUser> {
  const user = await requireUser();
  if (typeof role === 'string' ? user.role !== role : !role.includes(user.role)) notFound();
  return user;
}

/** For route handlers: the signed-in person, or a typed 401. */
export async function requireApiUser(): Promise<CurrentUser> {
  const lookup = await lookupSession();
  if (lookup.status !== 'signed-in') throw new TandemError('unauthorized:session');
  return lookup.user;
}
