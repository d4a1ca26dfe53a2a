import 'server-only';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { dataDir, env } from '@/lib/env';

/**
 * `messageId`: set when the same message may be sent again (a worker that died before recording
 * the send); many mail systems keep only one copy of a Message-ID they have seen.
 */
export type Mail = { to: string; subject: string; text: string; messageId?: string };
/** smtp: sent; outbox: written to the local outbox folder (embedded demo and development); none: not sent. */
export type MailChannel = 'smtp' | 'outbox' | 'none';

export const outboxDir = env.TANDEM_OUTBOX_DIR ? path.resolve(env.TANDEM_OUTBOX_DIR) : dataDir ? path.join(dataDir, 'outbox') : null;

/**
 * Sends through SMTP when SMTP_HOST is set. Otherwise nothing leaves the machine: the message is
 * written to the outbox folder (`<data folder>/outbox/` or TANDEM_OUTBOX_DIR, where the tests read
 * it), and the caller shows the link to the admin to pass on.
 */
export async function sendMail(mail: Mail): Promise<MailChannel> {
  if (env.SMTP_HOST) {
    const transport = nodemailer.createTransport({
      host: env.SMTP_HOST,
      port: env.SMTP_PORT,
      secure: env.SMTP_SECURE === 'true',
      auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } : undefined,
    });
    await transport.sendMail({ from: env.SMTP_FROM, ...mail });
    return 'smtp';
  }
  if (!outboxDir) return 'none';
  await fs.mkdir(outboxDir, { recursive: true, mode: 0o700 });
  const file = path.join(outboxDir, `${new Date().toISOString().replaceAll(':', '-')}-${randomUUID()}.json`);
  await fs.writeFile(file, JSON.stringify({ ...mail, sentAt: new Date().toISOString() }, null, 2), { mode: 0o600 });
  return 'outbox';
}
