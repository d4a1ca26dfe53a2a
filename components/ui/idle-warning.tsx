'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { keepSessionAlive } from '@/app/account/actions';
import { primaryButton } from './button-styles';

// How long before the end the warning shows (or half the limit, for very short limits).
const WARNING_SECONDS = 120;

/**
 * Staff sessions end after the clinic's idle limit (checked on the server on every request).
 * This shows a warning shortly before, with a way to stay, and then goes to the sign-in page.
 * Navigating or submitting a form counts as activity, as it does on the server.
 */
export function IdleWarning({ idleMinutes }: { idleMinutes: number }) {
  const pathname = usePathname();
  const router = useRouter();
  const limitMs = idleMinutes * 60_000;
  const warnAfterMs = Math.max(limitMs - WARNING_SECONDS * 1000, limitMs / 2);
  const lastActive = useRef(0);
  const [idleMs, setIdleMs] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const markActive = useCallback(() => {
    lastActive.current = Date.now();
    setIdleMs(0);
  }, []);

  useEffect(() => {
    lastActive.current = Date.now();
  }, [pathname]);
  useEffect(() => {
    document.addEventListener('submit', markActive, true);
    const timer = window.setInterval(() => setIdleMs(Date.now() - lastActive.current), 5_000);
    return () => {
      document.removeEventListener('submit', markActive, true);
      window.clearInterval(timer);
    };
  }, [markActive]);

  const isWarning = idleMs >= warnAfterMs && idleMs < limitMs;
  useEffect(() => {
    if (idleMs >= limitMs) router.replace('/sign-in?reason=idle');
  }, [idleMs, limitMs, router]);
  useEffect(() => {
    if (isWarning) button.current?.focus();
  }, [isWarning]);

  if (!isWarning) return null;
  const minutesLeft = Math.max(1, Math.ceil((limitMs - idleMs) / 60_000));
  return (
    <div
      role="alertdialog"
      aria-labelledby="idle-title"
      aria-describedby="idle-text"
      className="fixed inset-x-0 bottom-0 z-50 border-t border-amber-300 bg-amber-50 p-4 shadow-lg print:hidden"
    >
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-3">
        <div className="flex-1">
          <p id="idle-title" className="font-semibold">
            Still there?
          </p>
          <p id="idle-text" className="text-stone-800">
            For your clients’ privacy you will be signed out in about {minutesLeft} minute{minutesLeft === 1 ? '' : 's'} without activity.
          </p>
        </div>
        <button
          ref={button}
          type="button"
          className={primaryButton}
          onClick={() => {
            void keepSessionAlive().then(markActive);
          }}
        >
          Stay signed in
        </button>
      </div>
    </div>
  );
}
