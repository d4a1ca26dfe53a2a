import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { PageHeader } from '@/components/ui/page-header';
import { requireRole } from '@/lib/auth/session';
import { PlannedReminders } from '@/components/companion/planned-reminders';
import { ReminderOutcome } from '@/components/companion/reminder-outcome';
import { RecentReminders } from '@/components/outreach/recent-reminders';
import { getMyPhone } from '@/lib/dal/account';
import { listPlannedReminders } from '@/lib/dal/companion-reminders';
import { getReminderSettings, listMyReminders } from '@/lib/dal/outreach';
import { listPauses } from '@/lib/dal/pauses';
import { dayText, localDateIn } from '@/lib/dates';
import { endPause } from './actions';
import { cancelCompanionReminder } from './reminder-actions';
import { TrackerImport } from './tracker-import';
import { DeleteAccountForm } from './delete-account-form';
import { PauseForm } from './pause-form';
import { PhoneForm } from './phone-form';
import { PushOptIn } from './push-opt-in';
import { ReminderForm } from './reminder-form';
import { TimeZoneForm } from './time-zone-form';

export const metadata: Metadata = { title: 'Settings' };

const sectionClass = 'rounded-lg border border-stone-200 bg-white p-4 flex flex-col gap-3';

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ reminder?: string }> }) {
  const user = await requireRole('client');
  const { reminder } = await searchParams;
  const today = localDateIn(user.timeZone);
  const [pauses, phone, reminders, sent, planned] = await Promise.all([
    listPauses({ actor: user }),
    getMyPhone({ actor: user }),
    getReminderSettings({ actor: user }),
    listMyReminders({ actor: user, limit: 10 }),
    listPlannedReminders({ actor: user }),
  ]);
  const current = pauses.filter((p) => p.cancelledAt === null && p.endsOn >= today);
  const timeZones = Intl.supportedValuesOf('timeZone');
  if (!timeZones.includes(user.timeZone)) timeZones.unshift(user.timeZone);

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title="Settings">
        <p>Your time zone, reminders, how to reach you, breaks, your data and your account.</p>
      </PageHeader>

      <section aria-labelledby="time-zone-heading" className={sectionClass}>
        <h2 id="time-zone-heading" className="text-lg font-medium">
          Where you are
        </h2>
        <p className="text-stone-700">
          Your time zone decides which day a check-in belongs to. Change it when you move or travel for a while.
        </p>
        <TimeZoneForm timeZones={timeZones} current={user.timeZone} />
      </section>

      <section aria-labelledby="reminders-heading" className={sectionClass}>
        <h2 id="reminders-heading" className="text-lg font-medium">
          Reminders
        </h2>
        <p className="text-stone-700">
          Gentle reminders at the times you choose, on your own clock ({user.timeZone.replaceAll('_', ' ')}). Nothing is sent on a day you
          have already checked in, or while you are on a break.
        </p>
        <ReminderForm settings={reminders} />
        <h3 className="font-medium">Notifications on this device</h3>
        <PushOptIn vapidPublicKey={reminders.vapidPublicKey} devices={reminders.pushDevices} />
        <h3 id="planned-heading" className="font-medium">
          Planned with the companion
        </h3>
        <p className="text-stone-700">
          One-off reminders you asked the companion for. Each is sent once and says only that it is a small thing you planned.
        </p>
        <ReminderOutcome outcome={reminder} />
        <PlannedReminders planned={planned} from="settings" cancel={cancelCompanionReminder} />
        <h3 className="font-medium">Recently sent</h3>
        <RecentReminders reminders={sent} timeZone={user.timeZone} />
      </section>

      <section aria-labelledby="contact-heading" className={sectionClass}>
        <h2 id="contact-heading" className="text-lg font-medium">
          How your therapist can reach you
        </h2>
        <PhoneForm current={phone} />
      </section>

      <section aria-labelledby="pause-heading" className={sectionClass}>
        <h2 id="pause-heading" className="text-lg font-medium">
          Taking a break
        </h2>
        <p className="text-stone-700">
          Going away? While you are on a break, Tandem sends no reminders and your therapist is not told you have stopped checking in.
        </p>
        {current.length > 0 && (
          <ul className="flex flex-col gap-2">
            {current.map((p) => (
              <li key={p.id} className="flex flex-col gap-2 rounded-md bg-brand-50 p-3 sm:flex-row sm:items-center sm:justify-between">
                <span>
                  {p.startsOn > today
                    ? `Away from ${dayText(p.startsOn, { weekday: 'long' })} until ${dayText(p.endsOn, { weekday: 'long' })}.`
                    : `You are away until ${dayText(p.endsOn, { weekday: 'long' })}.`}
                </span>
                <form action={endPause}>
                  <input type="hidden" name="pauseId" value={p.id} />
                  <button
                    type="submit"
                    className="min-h-11 rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100"
                  >
                    I&apos;m back: end the break
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <PauseForm today={today} />
      </section>

      <section aria-labelledby="export-heading" className={sectionClass}>
        <h2 id="export-heading" className="text-lg font-medium">
          Download your data
        </h2>
        <p className="text-stone-700">
          Everything you have logged: check-ins, questionnaire answers, journal entries, breaks, your tags and your sharing history. The
          file holds your journal in plain text, so keep it somewhere safe.
        </p>
        <div className="flex flex-wrap gap-2">
          <a
            href="/api/me/export?format=json"
            download
            className="min-h-11 rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100"
          >
            Download as JSON
          </a>
          <a
            href="/api/me/export?format=csv"
            download
            className="min-h-11 rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100"
          >
            Download as CSV (zip)
          </a>
        </div>
        <p className="text-stone-700">
          For a doctor or clinic record system: your mood and questionnaire answers in FHIR, the format health records use. It holds no
          journal or notes.
        </p>
        <div className="flex flex-wrap gap-2">
          <a
            href="/api/me/export?format=fhir"
            download
            className="min-h-11 rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100"
          >
            Download for a health record (FHIR)
          </a>
          <Link href="/summary" className="min-h-11 rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100">
            A summary to take to your doctor
          </Link>
        </div>
      </section>

      <section aria-labelledby="import-heading" className={sectionClass}>
        <h2 id="import-heading" className="text-lg font-medium">
          Bring your history from another app
        </h2>
        <TrackerImport />
      </section>

      <section aria-labelledby="privacy-heading" className={sectionClass}>
        <h2 id="privacy-heading" className="text-lg font-medium">
          Privacy
        </h2>
        <ul className="flex flex-col gap-1">
          <li>
            <Link href="/sharing" className="font-medium text-brand-700 underline underline-offset-4">
              Choose what you share
            </Link>
          </li>
          <li>
            <Link href="/access-log" className="font-medium text-brand-700 underline underline-offset-4">
              See who has looked at your data
            </Link>
          </li>
        </ul>
      </section>

      <section aria-labelledby="delete-heading" className={`${sectionClass} border-red-200`}>
        <h2 id="delete-heading" className="text-lg font-medium">
          Delete my account
        </h2>
        <p className="text-stone-700">
          This deletes your check-ins, questionnaire answers, journal, breaks and sharing choices, and signs you out. It cannot be undone:
          download your data first if you want to keep it.
        </p>
        <p className="text-stone-700">
          Session notes your therapist has signed stay with your clinic, because they are its clinical record. The clinic&apos;s log also
          keeps a note that your account was deleted.
        </p>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
