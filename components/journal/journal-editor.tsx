'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { saveJournal } from '@/app/(client)/journal/actions';
import { CrisisResources } from '@/components/support/crisis-resources';
import type { CrisisInfo } from '@/lib/dal/alerts';
import { JOURNAL_MAX_CHARS } from '@/lib/validation/journal';

type Draft = { entryId?: string; text: string };
type Status = 'idle' | 'saving' | 'saved' | 'offline';

const AUTOSAVE_MS = 1200;
const RETRY_MS = 10_000;

const subscribeStorage = (onChange: () => void) => {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
};

function readDraft(raw: string | null): Draft | null {
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Draft;
    return typeof d.text === 'string' ? d : null;
  } catch {
    return null;
  }
}

/**
 * The journal editor. Every keystroke is written to this browser first, then autosaved to
 * Tandem (encrypted there); if the network drops, the draft stays here and is retried, so
 * nothing typed is lost. An unsaved draft left from an earlier visit is restored; once saved,
 * it is removed from the browser.
 */
export function JournalEditor({ storageKey, crisis }: { storageKey: string; crisis: CrisisInfo }) {
  const router = useRouter();
  const stored = useSyncExternalStore(
    subscribeStorage,
    () => window.localStorage.getItem(storageKey),
    () => null,
  );
  const [draft, setDraft] = useState<Draft | null>(null);
  const current = draft ?? readDraft(stored) ?? { text: '' };
  const [status, setStatus] = useState<Status>('idle');
  // 'alerted': the entry was saved and the therapist told; 'unsaved': crisis words, but the save failed.
  const [helpState, setHelpState] = useState<'none' | 'unsaved' | 'alerted'>('none');
  const latest = useRef(current);
  const inFlight = useRef(false);

  useEffect(() => {
    latest.current = current;
  });

  const save = useCallback(async () => {
    const snapshot = latest.current;
    if (inFlight.current || snapshot.text.trim().length === 0) return;
    inFlight.current = true;
    setStatus('saving');
    try {
      const result = await saveJournal({ entryId: snapshot.entryId, text: snapshot.text });
      if (!result.ok) {
        if (result.hasCrisisLanguage) setHelpState((c) => (c === 'alerted' ? c : 'unsaved'));
        throw new Error(result.message);
      }
      if (result.hasCrisisLanguage) setHelpState('alerted');
      const saved = { entryId: result.entryId, text: snapshot.text };
      const isUnchanged = latest.current.text === snapshot.text;
      setDraft((d) => ({ ...(d ?? saved), entryId: result.entryId }));
      latest.current = { ...latest.current, entryId: result.entryId };
      // Once Tandem holds the words, the device does not: a shared phone keeps no journal text.
      if (isUnchanged) window.localStorage.removeItem(storageKey);
      else window.localStorage.setItem(storageKey, JSON.stringify(latest.current));
      setStatus(isUnchanged ? 'saved' : 'idle');
      // A new entry joins the list of earlier entries below.
      if (!snapshot.entryId) router.refresh();
    } catch {
      setStatus('offline');
    } finally {
      inFlight.current = false;
    }
  }, [storageKey, router]);

  useEffect(() => {
    if (status === 'saved' || current.text.trim().length === 0) return;
    const timer = setTimeout(() => void save(), status === 'offline' ? RETRY_MS : AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [current.text, status, save]);

  useEffect(() => {
    const retry = () => void save();
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [save]);

  function change(text: string) {
    const next = { entryId: current.entryId, text };
    window.localStorage.setItem(storageKey, JSON.stringify(next));
    setDraft(next);
    if (status === 'saved') setStatus('idle');
  }

  function startNew() {
    window.localStorage.removeItem(storageKey);
    setDraft({ text: '' });
    setStatus('idle');
    setHelpState('none');
  }

  const statusText = {
    idle: current.text.trim() ? 'Not saved yet…' : 'Start typing: it saves as you go.',
    saving: 'Saving…',
    saved: 'Saved.',
    offline: 'Not connected. Your words are kept on this device and will be saved when the connection is back.',
  }[status];

  return (
    <div className="flex flex-col gap-3">
      {helpState !== 'none' && <CrisisResources crisis={crisis} hasAlerted={helpState === 'alerted'} />}
      <label htmlFor="journal-text" className="font-medium">
        {current.entryId ? 'Your entry' : 'New entry'}
      </label>
      <textarea
        id="journal-text"
        value={current.text}
        onChange={(e) => change(e.target.value)}
        onBlur={() => void save()}
        rows={10}
        maxLength={JOURNAL_MAX_CHARS}
        aria-describedby="journal-status"
        className="rounded-lg border border-stone-300 bg-white px-3 py-2 text-base leading-relaxed"
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id="journal-status" aria-live="polite" className={status === 'offline' ? 'text-sm text-amber-900' : 'text-sm text-stone-600'}>
          {statusText}
        </p>
        {current.entryId && status === 'saved' && (
          <button
            type="button"
            onClick={startNew}
            className="min-h-11 rounded-lg border border-stone-300 bg-white px-4 font-medium hover:bg-stone-100"
          >
            Start a new entry
          </button>
        )}
      </div>
    </div>
  );
}
