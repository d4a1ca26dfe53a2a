import webpush from 'web-push';
import type { VapidKeys } from '@/lib/secret-sources';

export type PushTarget = { endpoint: string; p256dh: string; auth: string };
/** `tag`: the notification's id, so a device shows a resent copy in place of the first, not beside it. */
export type PushPayload = { title: string; body: string; url: string; tag: string };
/** accepted: the push service took it; gone: the subscription no longer exists (404/410); failed: anything else. */
export type PushOutcome = { result: 'accepted' } | { result: 'gone'; status: number } | { result: 'failed'; reason: string };

// A reminder older than a day is no use: the push service may drop it after that.
const TIME_TO_LIVE_SECONDS = 24 * 60 * 60;
// The VAPID token is signed once per push service and reused for an hour (it is valid for 12),
// rather than signed again for every message of a busy minute.
const TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;
const TOKEN_REUSE_MS = 60 * 60 * 1000;
const tokens = new Map<string, { authorization: string; until: number }>();

function vapidAuthorization(endpoint: string, vapid: VapidKeys): string {
  const audience = new URL(endpoint).origin;
  const cached = tokens.get(audience);
  if (cached && cached.until > Date.now()) return cached.authorization;
  const expiration = Math.floor(Date.now() / 1000) + TOKEN_LIFETIME_SECONDS;
  const { Authorization } = webpush.getVapidHeaders(audience, vapid.subject, vapid.publicKey, vapid.privateKey, 'aes128gcm', expiration);
  tokens.set(audience, { authorization: Authorization, until: Date.now() + TOKEN_REUSE_MS });
  return Authorization;
}

/**
 * Sends one Web Push message. web-push encrypts the payload and signs the VAPID header; the
 * request itself goes out with fetch, so it works against any push service, https or the local
 * http one the tests use. `topic` lets a push service replace an undelivered copy of the same
 * notification instead of showing it twice when a retry resends it.
 */
export async function sendPush(target: PushTarget, payload: PushPayload, vapid: VapidKeys, topic: string): Promise<PushOutcome> {
  let details;
  try {
    details = webpush.generateRequestDetails(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      JSON.stringify(payload),
      {
        headers: { Authorization: vapidAuthorization(target.endpoint, vapid) },
        TTL: TIME_TO_LIVE_SECONDS,
        topic,
      },
    );
  } catch (error) {
    return { result: 'failed', reason: `could not prepare the message (${(error as Error).message.slice(0, 80)})` };
  }
  try {
    const response = await fetch(details.endpoint, {
      method: details.method,
      headers: details.headers as Record<string, string>,
      body: details.body ? new Uint8Array(details.body) : undefined,
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    if (response.status >= 200 && response.status < 300) return { result: 'accepted' };
    if (response.status === 404 || response.status === 410) return { result: 'gone', status: response.status };
    return { result: 'failed', reason: `push service answered ${response.status}` };
  } catch (error) {
    return { result: 'failed', reason: `push service unreachable (${(error as Error).name})` };
  }
}
