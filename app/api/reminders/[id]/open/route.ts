import { redirect } from 'next/navigation';
import { z } from '@/lib/validation/zod';
import { requireRole } from '@/lib/auth/session';
import { openReminder } from '@/lib/dal/outreach';
import { TandemError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** A reminder's link (push click, email, in-app banner): records that it was opened, then goes where it leads. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('client');
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return new Response('Not found', { status: 404 });
  let target: string;
  try {
    target = await openReminder({ actor: user, notificationId: id.data });
  } catch (error) {
    if (error instanceof TandemError && error.status === 404) return new Response('Not found', { status: 404 });
    throw error;
  }
  redirect(target);
}
