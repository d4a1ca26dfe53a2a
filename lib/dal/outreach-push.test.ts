import { createRequire } from 'node:module';
import net from 'node:net';
import type { Server } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDatabase, queryRows } from '@/db';
import { instantOf } from '@/lib/dates';
import { createClinicWithClient, grant } from '@/lib/testing/factories';
import { daysAgo } from '@/lib/testing/factories-workspace';
import { sendCompanionMessage, startCompanionConversation } from './companion';
import { planActivationReminder } from './companion-reminders';
import {
  getOutreachNotices,
  getReminderHealth,
  getReminderSettings,
  listMyReminders,
  openReminder,
  savePushSubscription,
  saveReminderSettings,
} from './outreach';
import { runMinute } from '@/lib/testing/outreach';

// Web Push end to end against a local push service (web-push-testing, started here): the
// message is encrypted and signed as for a real browser's push service, which decrypts it.

const require = createRequire(import.meta.url);
const WebPushTestingServer = require('web-push-testing/src/server.js') as new (
  model: unknown,
  port: number,
) => { startServer(): void; _server: Server };
const PushApiModel = require('web-push-testing/src/PushApiModel.js') as { PushApiModel?: new () => unknown } & (new () => unknown);

let base = '';
let service: { _server: Server } | undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const post = async <T>(path: string, body: unknown): Promise<T> => {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return (text.startsWith('{') ? JSON.parse(text) : text) as T;
};

beforeAll(async () => {
  const port = await freePort();
  const Model = PushApiModel.PushApiModel ?? PushApiModel;
  const instance = new WebPushTestingServer(new Model(), port);
  instance.startServer();
  service = instance;
  base = `http://localhost:${port}`;
  await new Promise((resolve) => (instance._server.listening ? resolve(null) : instance._server.once('listening', resolve)));
});

afterAll(async () => {
  await new Promise((resolve) => service?._server.close(resolve));
});

const LISBON = 'Europe/Lisbon';
const reminderOn = {
  checkinEnabled: true,
  firstTime: '20:00',
  secondTime: '',
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  quietStart: '',
  quietEnd: '',
  measureEnabled: false,
  nudgesEnabled: false,
  emailAllowed: false,
};

describe('reminders by Web Push', () => {
  it('delivers through the push service, and when it answers 410 forgets the device, tells the client and the therapist', async () => {
    const { client, therapist } = await createClinicWithClient();
    await grant(client, therapist, 'checkins');
    await saveReminderSettings({ actor: client, input: reminderOn });
    const { vapidPublicKey } = await getReminderSettings({ actor: client });
    expect(vapidPublicKey).toBeTruthy();
    const { data } = await post<{ data: { endpoint: string; keys: { p256dh: string; auth: string }; clientHash: string } }>('/subscribe', {
      userVisibleOnly: 'true',
      applicationServerKey: vapidPublicKey,
    });
    await savePushSubscription({ actor: client, subscription: { endpoint: data.endpoint, keys: data.keys } });

    await runMinute({ at: instantOf(daysAgo(8), '20:00', LISBON) });
    const delivered = await post<{ data: { messages: string[] } }>('/get-notifications', { clientHash: data.clientHash });
    expect(delivered.data.messages).toHaveLength(1);
    const message = JSON.parse(delivered.data.messages[0] ?? '{}') as { title: string; body: string; url: string };
    expect(message.url).toMatch(/\/api\/reminders\/[0-9a-f-]{36}\/open$/);
    expect(`${message.title} ${message.body}`).not.toMatch(/miss/i);
    expect(await getReminderHealth({ actor: therapist, clientId: client.userId })).toMatchObject({ state: 'delivered', channel: 'push' });

    await post(`/expire-subscription/${data.clientHash}`, {});
    await runMinute({ at: instantOf(daysAgo(7), '20:00', LISBON) });
    const rows = await queryRows<{ channel: string; status: string; push_error: string | null }>(
      getDatabase(),
      sql`select channel, status, push_error from notifications where client_id = ${client.userId} order by due_at`,
    );
    expect(rows).toEqual([
      { channel: 'push', status: 'accepted', push_error: null },
      { channel: 'in_app', status: 'accepted', push_error: 'subscription gone (410)' },
    ]);
    expect((await getReminderSettings({ actor: client })).pushDevices).toBe(0);
    expect((await getOutreachNotices({ actor: client, timeZone: LISBON })).pushLostAt).toBeInstanceOf(Date);
    expect(await getReminderHealth({ actor: therapist, clientId: client.userId })).toMatchObject({
      state: 'push_failing',
      fallback: 'in_app',
    });
  });

  it('delivers a reminder planned with the companion by push, saying only that there is a plan, never what it is', async () => {
    const { client } = await createClinicWithClient();
    const { vapidPublicKey } = await getReminderSettings({ actor: client });
    const { data } = await post<{ data: { endpoint: string; keys: { p256dh: string; auth: string }; clientHash: string } }>('/subscribe', {
      userVisibleOnly: 'true',
      applicationServerKey: vapidPublicKey,
    });
    await savePushSubscription({ actor: client, subscription: { endpoint: data.endpoint, keys: data.keys } });
    const conversationId = await startCompanionConversation({ actor: client, afterDip: false });
    for (const text of ['I need something small to do', 'call my sister Ruth', 'at 18:00'])
      await sendCompanionMessage({ actor: client, input: { conversationId, text } });
    const planned = await planActivationReminder({
      actor: client,
      input: { conversationId, day: 'today', time: '18:00' },
      now: new Date('2026-11-25T09:00:00Z'),
    });

    await runMinute({ at: planned.dueAt });
    await runMinute({ at: planned.dueAt });
    const delivered = await post<{ data: { messages: string[] } }>('/get-notifications', { clientHash: data.clientHash });
    expect(delivered.data.messages).toHaveLength(1);
    const message = JSON.parse(delivered.data.messages[0] ?? '{}') as { title: string; body: string; url: string };
    expect(message.body).toMatch(/A small thing you planned with Tandem’s companion/);
    expect(JSON.stringify(message)).not.toMatch(/sister|Ruth|call/i);
    expect(message.url).toMatch(/\/api\/reminders\/[0-9a-f-]{36}\/open$/);
    const [opened] = await listMyReminders({ actor: client });
    expect(opened).toMatchObject({ kind: 'activation', channel: 'push', status: 'accepted' });
    expect(await openReminder({ actor: client, notificationId: opened!.id })).toBe('/companion');
  });
});
