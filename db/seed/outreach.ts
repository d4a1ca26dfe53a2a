import { eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../index';
import * as schema from '../schema';
import { addDays, instantOf } from '../../lib/dates';

// Demo outreach (issue 11): a few clients with reminders at their own local times in different
// zones, and some delivery history, including one client whose push notifications are failing
// (so the therapist's "push failing since …, emailing instead" shows). History stops before
// today, so no demo page opens with a reminder banner other tests would have to step around.

type DemoReminder = {
  email: string;
  times: string[];
  weekdays?: number[];
  quiet?: [string, string];
  measure?: boolean;
  nudges?: boolean;
  email_?: boolean;
  push?: boolean;
  history?: { daysAgo: number; channel: 'push' | 'email' | 'in_app'; pushError?: string; opened?: boolean }[];
};

const PUSH_500 = 'push service answered 500';

const DEMO_REMINDERS: DemoReminder[] = [
  {
    email: 'ana@demo.tandem.test',
    times: ['20:00'],
    nudges: true,
    email_: true,
    quiet: ['22:30', '07:30'],
    history: [
      { daysAgo: 4, channel: 'in_app', opened: true },
      { daysAgo: 3, channel: 'in_app' },
      { daysAgo: 2, channel: 'email', opened: true },
      { daysAgo: 1, channel: 'email' },
    ],
  },
  {
    email: 'kai@demo.tandem.test',
    times: ['08:30', '21:00'],
    weekdays: [1, 2, 3, 4, 5],
    email_: true,
    push: true,
    history: [
      { daysAgo: 5, channel: 'push', opened: true },
      { daysAgo: 3, channel: 'email', pushError: PUSH_500 },
      { daysAgo: 2, channel: 'email', pushError: PUSH_500 },
      { daysAgo: 1, channel: 'email', pushError: PUSH_500 },
    ],
  },
  { email: 'noor@demo.tandem.test', times: ['07:45'], measure: true, history: [{ daysAgo: 1, channel: 'in_app', opened: true }] },
  { email: 'client@harbour.tandem.test', times: ['19:00'], measure: true, nudges: true },
];

/** Adds the demo reminders and their history; `today` is the demo clinic's date. */
export async function seedOutreach(tx: Transaction, today: string): Promise<void> {
  const people = await tx
    .select({ id: schema.users.id, email: schema.users.email, timeZone: schema.users.timeZone, clinicId: schema.memberships.clinicId })
    .from(schema.users)
    .innerJoin(schema.memberships, eq(schema.memberships.userId, schema.users.id))
    .where(
      inArray(
        schema.users.email,
        DEMO_REMINDERS.map((r) => r.email),
      ),
    );
  for (const reminder of DEMO_REMINDERS) {
    const person = people.find((p) => p.email === reminder.email);
    if (!person) continue;
    const base = { clinicId: person.clinicId, clientId: person.id };
    await tx.insert(schema.reminderSettings).values({
      ...base,
      checkinEnabled: true,
      checkinTimes: reminder.times,
      weekdays: reminder.weekdays ?? [1, 2, 3, 4, 5, 6, 7],
      quietStart: reminder.quiet?.[0] ?? null,
      quietEnd: reminder.quiet?.[1] ?? null,
      measureEnabled: reminder.measure ?? false,
      nudgesEnabled: reminder.nudges ?? false,
      emailAllowed: reminder.email_ ?? false,
    });
    if (reminder.push) {
      // A device whose push service has been failing: the demo worker's sends fail the same way.
      await tx.insert(schema.pushSubscriptions).values({
        ...base,
        endpoint: `https://push.invalid/demo/${person.id}`,
        p256dh: 'BDemoKeyNotForRealUseDemoKeyNotForRealUseDemoKeyNotForRealUseDemoKeyNotForRealUse1',
        auth: 'demoauthsecret00',
      });
    }
    const time = reminder.times[0] ?? '20:00';
    const rows = (reminder.history ?? []).map((h) => {
      const day = addDays(today, -h.daysAgo);
      const dueAt = instantOf(day, time, person.timeZone);
      return {
        ...base,
        recipientId: person.id,
        kind: 'checkin' as const,
        dedupeKey: `checkin:${person.id}:${day}:${time}`,
        dueAt,
        localTime: time,
        timeZone: person.timeZone,
        status: 'accepted' as const,
        channel: h.channel,
        pushError: h.pushError ?? null,
        attempts: 1,
        claimedAt: dueAt,
        acceptedAt: new Date(dueAt.getTime() + 2_000),
        openedAt: h.opened ? new Date(dueAt.getTime() + 25 * 60_000) : null,
      };
    });
    if (rows.length > 0) await tx.insert(schema.notifications).values(rows);
  }
}
