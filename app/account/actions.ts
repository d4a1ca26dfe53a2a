'use server';

import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { endAllSessions } from '@/lib/dal/auth';

export async function signOutEverywhere() {
  const user = await requireUser();
  await endAllSessions(user);
  redirect('/sign-in?reason=signed-out');
}
