import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { publicOrigin } from '@/lib/env';
import { outboxDir } from '@/lib/mail/send-mail';
import { addAlert, createClinicWithClient, createPerson, emailOf } from '@/lib/testing/factories';
import { runMinute } from '@/lib/testing/outreach';

// Escalations that arrive (issue 11, docs/design.md §9), read where the mail lands: the outbox
// folder Tandem writes to while no SMTP server is set up (this file's own, lib/testing/fresh-database).

type OutboxMail = { to: string; subject: string; text: string; messageId?: string };

async function outboxFor(address: string): Promise<OutboxMail[]> {
  if (!outboxDir) throw new Error('the tests run with an outbox folder');
  const files = await readdir(outboxDir).catch(() => []);
  const mails = await Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(outboxDir!, f), 'utf8')) as OutboxMail));
  return mails.filter((m) => m.to === address);
}

const escalationAudits = (clientId: string) =>
  queryRows<{ action: string; n: number }>(
    getDatabase(),
    sql`select action, count(*)::int as n from audit_events where subject_client_id = ${clientId} and action like 'alerts.%' group by action order by action`,
  );

describe('escalation emails', () => {
  it('email the assigned therapist once, at once, about a new urgent alert, and say nothing about the client', async () => {
    const { client, therapist, admin } = await createClinicWithClient('Harbour Clinic');
    const [clientEmail, therapistEmail, adminEmail] = await Promise.all([
      emailOf(client.userId),
      emailOf(therapist.userId),
      emailOf(admin.userId),
    ]);
    const [person] = await queryRows<{ name: string }>(getDatabase(), sql`select name from users where id = ${client.userId}`);
    const clientName = person!.name;
    await addAlert(client, therapist, 0);

    await runMinute({ at: new Date() });
    await runMinute({ at: new Date() });

    const mails = await outboxFor(therapistEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('A client of yours needs attention today');
    expect(mails[0]!.text).toContain('sign in to Tandem');
    // The notification's own Message-ID, the same if a crashed worker's send is made again.
    const [notification] = await queryRows<{ id: string }>(
      getDatabase(),
      sql`select id from notifications where recipient_id = ${therapist.userId} and kind = 'alert_new'`,
    );
    expect(mails[0]!.messageId).toBe(`<${notification!.id}@${new URL(publicOrigin).hostname}>`);
    // Content-free: no name, address, questionnaire or answer of the client's.
    for (const words of [clientName, clientEmail, client.userId, 'PHQ', 'item 9', 'self-harm', 'suicid', 'answer']) {
      expect(`${mails[0]!.subject}\n${mails[0]!.text}`.toLowerCase()).not.toContain(words.toLowerCase());
    }
    // The admin hears only once the alert is overdue.
    expect(await outboxFor(adminEmail)).toEqual([]);
    expect(await escalationAudits(client.userId)).toEqual([{ action: 'alerts.notify', n: 1 }]);
  });

  it('past the clinic’s escalation time, email the therapist again and every admin once each, audited', async () => {
    const { client, therapist, admin, clinicId } = await createClinicWithClient();
    const secondAdmin = await createPerson(clinicId, 'admin');
    const [clientEmail, therapistEmail, firstAdminEmail, secondAdminEmail] = await Promise.all(
      [client, therapist, admin, secondAdmin].map((p) => emailOf(p.userId)),
    );
    if (!clientEmail || !therapistEmail || !firstAdminEmail || !secondAdminEmail) throw new Error('people not created');
    await addAlert(client, therapist, 0);
    await runMinute({ at: new Date() });
    expect(await outboxFor(therapistEmail)).toHaveLength(1);

    // The clinic's escalation time (24 hours by default) passes with nobody acknowledging it.
    const overdue = new Date(Date.now() + 24 * 60 * 60 * 1000 + 60_000);
    await runMinute({ at: overdue });
    await runMinute({ at: new Date(overdue.getTime() + 60_000) });

    const therapistMails = await outboxFor(therapistEmail);
    expect(therapistMails.map((m) => m.subject)).toEqual(
      expect.arrayContaining(['A client of yours needs attention today', 'A client alert is still waiting for someone']),
    );
    expect(therapistMails).toHaveLength(2);
    for (const address of [firstAdminEmail, secondAdminEmail]) {
      const mails = await outboxFor(address);
      expect(mails.map((m) => m.subject)).toEqual(['A client alert is still waiting for someone']);
      expect(mails[0]!.text).not.toContain(clientEmail);
    }
    expect(await outboxFor(clientEmail)).toEqual([]);
    expect(await escalationAudits(client.userId)).toEqual([
      { action: 'alerts.escalate', n: 3 },
      { action: 'alerts.notify', n: 1 },
    ]);
  });
});
