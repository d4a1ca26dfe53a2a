import { Link } from '@/components/ui/link';
import type { CurrentUser } from '@/lib/auth/session';
import { getOutreachNotices } from '@/lib/dal/outreach';

/** The in-app channel: a gentle note on the client's next visit, and word when push stopped working. */
export async function ReminderBanner({ user }: { user: CurrentUser }) {
  const notices = await getOutreachNotices({ actor: user, timeZone: user.timeZone });
  if (!notices.reminderId && !notices.planId && !notices.pushLostAt) return null;
  return (
    <div className="mb-4 flex flex-col gap-2">
      {notices.reminderId && (
        <p role="status" className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md bg-brand-50 p-3">
          <span>How are you doing today?</span>
          <Link href={`/api/reminders/${notices.reminderId}/open`} className="font-medium text-brand-800 underline underline-offset-4">
            Check in when you are ready
          </Link>
        </p>
      )}
      {notices.planId && (
        <p role="status" className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md bg-brand-50 p-3">
          <span>A small thing you planned with Tandem’s companion.</span>
          <Link href={`/api/reminders/${notices.planId}/open`} className="font-medium text-brand-800 underline underline-offset-4">
            See your plan
          </Link>
        </p>
      )}
      {notices.pushLostAt && (
        <p role="status" className="rounded-md bg-amber-50 p-3 text-amber-900">
          Notifications stopped reaching one of your devices.{' '}
          <Link href="/settings#reminders-heading" className="font-medium underline underline-offset-4">
            Turn them on again in Settings
          </Link>{' '}
          if you still want them.
        </p>
      )}
    </div>
  );
}
