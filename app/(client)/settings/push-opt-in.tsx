'use client';

import { useState, useTransition } from 'react';
import { turnOffPush, turnOnPush } from './reminder-actions';

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4)).replaceAll('-', '+').replaceAll('_', '/');
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Turns Web Push on for this device: the service worker, the browser's permission, the subscription. */
export function PushOptIn({ vapidPublicKey, devices }: { vapidPublicKey: string | null; devices: number }) {
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [isPending, startTransition] = useTransition();

  if (!vapidPublicKey) {
    return (
      <p className="text-stone-700">
        Notifications on your devices are not set up on this Tandem server. Reminders come by email (if you allow it) or as a note when you
        next open Tandem.
      </p>
    );
  }

  const turnOn = () =>
    startTransition(async () => {
      setMessage(null);
      if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
        setMessage({
          text: 'This browser cannot show notifications. Reminders will come by email (if you allow it) or when you next open Tandem.',
          isError: true,
        });
        return;
      }
      try {
        const permission = await Notification.requestPermission();
        if (permission !== 'granted') {
          setMessage({
            text: 'Notifications are blocked for Tandem in this browser. You can allow them in the browser’s site settings.',
            isError: true,
          });
          return;
        }
        const registration = await navigator.serviceWorker.register('/sw.js');
        await navigator.serviceWorker.ready;
        const subscription =
          (await registration.pushManager.getSubscription()) ??
          (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(vapidPublicKey) }));
        const result = await turnOnPush(subscription.toJSON());
        setMessage(result.ok ? { text: 'Notifications are on for this device.', isError: false } : { text: result.message, isError: true });
      } catch {
        setMessage({
          text: 'Notifications could not be turned on in this browser. Please try again, or use email reminders.',
          isError: true,
        });
      }
    });

  const turnOff = () =>
    startTransition(async () => {
      const registration = 'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration() : undefined;
      await (await registration?.pushManager.getSubscription())?.unsubscribe();
      await turnOffPush();
      setMessage({
        text: 'Notifications are off. Reminders will come by email (if you allow it) or when you next open Tandem.',
        isError: false,
      });
    });

  return (
    <div className="flex flex-col gap-2">
      <p className="text-stone-700">
        {devices > 0
          ? `Notifications are on for ${devices === 1 ? 'one device' : `${devices} devices`}.`
          : 'Notifications are off on your devices.'}
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={turnOn}
          disabled={isPending}
          className="min-h-11 rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100 disabled:opacity-60"
        >
          {isPending ? 'Working…' : 'Turn on notifications on this device'}
        </button>
        {devices > 0 && (
          <button
            type="button"
            onClick={turnOff}
            disabled={isPending}
            className="min-h-11 rounded-md border border-stone-400 bg-white px-4 py-2 font-medium hover:bg-stone-100 disabled:opacity-60"
          >
            Turn off notifications
          </button>
        )}
      </div>
      {message && (
        <p
          role={message.isError ? 'alert' : 'status'}
          className={message.isError ? 'text-sm font-medium text-red-800' : 'text-sm text-stone-700'}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
