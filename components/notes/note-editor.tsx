'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { autosaveNote, insertBrief } from '@/app/(clinician)/clients/[clientId]/(record)/notes/actions';
import { secondaryButton } from '@/components/ui/button-styles';
import { NOTE_SECTION_MAX_CHARS } from '@/lib/validation/notes';
import { timeText } from '@/lib/dates';
import { deviceTimeZone } from '@/lib/dates/device';

type Draft = { sessionDate: string; sections: Record<string, string> };
type Kept = Draft & { basedOn: string };
type Status = 'idle' | 'saving' | 'saved' | 'offline' | 'stale' | 'signed';

const AUTOSAVE_MS = 1200;
const RETRY_MS = 10_000;

const subscribeStorage = (onChange: () => void) => {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
};

const noSubscription = () => () => {};

// The copy in this browser when the editor opened, read once: what another open tab of the same
// note writes later must not flow into this one.
const copiesAtOpen = new Map<string, string | null>();
function copyAtOpen(key: string): string | null {
  if (!copiesAtOpen.has(key)) copiesAtOpen.set(key, window.localStorage.getItem(key));
  return copiesAtOpen.get(key) ?? null;
}

function readKept(raw: string | null): Kept | null {
  if (!raw) return null;
  try {
    const kept = JSON.parse(raw) as Kept;
    return typeof kept.basedOn === 'string' && typeof kept.sections === 'object' ? kept : null;
  } catch {
    return null;
  }
}

/**
 * The draft of a session note. Every change is kept in this browser first, then autosaved to
 * Tandem (encrypted there). If saving fails, the words stay here: when the stored note has not
 * moved on, they are restored on the next visit; when it has (edited in another tab), they are
 * shown beside it to copy from, never silently merged or dropped.
 */
export function NoteEditor({
  clientId,
  noteId,
  sections,
  initial,
  updatedAt,
  onSaved,
}: {
  clientId: string;
  noteId: string;
  sections: readonly { key: string; label: string }[];
  initial: Draft;
  updatedAt: string;
  onSaved?: (isSaved: boolean) => void;
}) {
  const router = useRouter();
  const storageKey = `tandem.note-draft.${noteId}`;
  const unsavedKey = `${storageKey}.unsaved`;
  // The stored version this visit started from: a copy in this browser based on it is this
  // visit's own unsaved work; one based on another version is kept apart, to copy from.
  const [openedAt] = useState(updatedAt);
  const kept = readKept(
    useSyncExternalStore(
      noSubscription,
      () => copyAtOpen(storageKey),
      () => null,
    ),
  );
  const leftOver = readKept(
    useSyncExternalStore(
      subscribeStorage,
      () => window.localStorage.getItem(unsavedKey),
      () => null,
    ),
  );

  const [draft, setDraft] = useState<Draft | null>(null);
  const restorable = draft === null && kept?.basedOn === openedAt ? kept : null;
  const current =
    draft ?? (restorable ? { sessionDate: restorable.sessionDate, sections: { ...initial.sections, ...restorable.sections } } : initial);
  const [status, setStatus] = useState<Status>('saved');
  const shown: Status = restorable && status === 'saved' ? 'idle' : status;
  const [savedAt, setSavedAt] = useState(updatedAt);
  const [message, setMessage] = useState<string | null>(null);
  const latest = useRef(current);
  const basedOn = useRef(updatedAt);
  const inFlight = useRef(false);

  useEffect(() => {
    latest.current = current;
  });

  useEffect(() => () => void copiesAtOpen.delete(storageKey), [storageKey]);

  useEffect(() => {
    const found = readKept(window.localStorage.getItem(storageKey));
    if (!found || found.basedOn === openedAt) return;
    window.localStorage.setItem(unsavedKey, JSON.stringify(found));
    window.localStorage.removeItem(storageKey);
    window.dispatchEvent(new StorageEvent('storage', { key: unsavedKey }));
  }, [storageKey, unsavedKey, openedAt]);

  useEffect(() => onSaved?.(shown === 'saved'), [shown, onSaved]);

  const keep = useCallback(
    (next: Draft) => window.localStorage.setItem(storageKey, JSON.stringify({ ...next, basedOn: basedOn.current })),
    [storageKey],
  );

  const save = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    const snapshot = latest.current;
    setStatus('saving');
    try {
      const result = await autosaveNote(clientId, { noteId, ...snapshot, expectedUpdatedAt: basedOn.current });
      if (!result.ok) {
        setMessage(result.message);
        setStatus(result.isStale ? 'stale' : result.isSigned ? 'signed' : 'offline');
        return;
      }
      basedOn.current = result.updatedAt;
      // Words restored from this browser become the editor's own once Tandem holds them.
      setDraft((d) => d ?? snapshot);
      setSavedAt(result.updatedAt);
      setMessage(null);
      const isUnchanged = JSON.stringify(latest.current) === JSON.stringify(snapshot);
      // Once Tandem holds the words, this browser does not keep a copy.
      if (isUnchanged) window.localStorage.removeItem(storageKey);
      else keep(latest.current);
      setStatus(isUnchanged ? 'saved' : 'idle');
    } catch {
      setStatus('offline');
    } finally {
      inFlight.current = false;
    }
  }, [clientId, noteId, storageKey, keep]);

  const currentKey = JSON.stringify(current);
  useEffect(() => {
    if (shown !== 'idle' && shown !== 'offline') return;
    const timer = setTimeout(() => void save(), shown === 'offline' ? RETRY_MS : AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [currentKey, shown, save]);

  useEffect(() => {
    const retry = () => (status === 'offline' ? void save() : undefined);
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [status, save]);

  function change(next: Draft) {
    keep(next);
    setDraft(next);
    if (status !== 'stale' && status !== 'signed') setStatus('idle');
  }

  async function addBrief() {
    if (shown !== 'saved') return;
    setStatus('saving');
    const result = await insertBrief(clientId, noteId, basedOn.current).catch(() => null);
    if (!result || !result.ok) {
      setMessage(result?.message ?? 'The brief could not be inserted. Check your connection and try again.');
      setStatus(result?.isStale ? 'stale' : 'saved');
      return;
    }
    basedOn.current = result.updatedAt;
    const first = sections[0]?.key ?? '';
    const existing = latest.current.sections[first] ?? '';
    change({
      ...latest.current,
      sections: { ...latest.current.sections, [first]: existing ? `${result.text}\n\n${existing}` : result.text },
    });
    setMessage(null);
    router.refresh();
  }

  function discardLeftOver() {
    window.localStorage.removeItem(unsavedKey);
    window.dispatchEvent(new StorageEvent('storage', { key: unsavedKey }));
  }

  const statusText = {
    idle: 'Not saved yet…',
    saving: 'Saving…',
    saved: `Saved at ${timeText(new Date(savedAt), deviceTimeZone())}.`,
    offline: 'Not saved: Tandem cannot be reached. Your text is kept in this browser and will be saved when the connection is back.',
    stale: message ?? 'This note was changed elsewhere.',
    signed: message ?? 'This note is signed.',
  }[shown];

  return (
    <div className="flex flex-col gap-4">
      {leftOver && (
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
          <p className="font-medium">Text kept in this browser that was not saved</p>
          <p className="text-sm">
            The note was changed elsewhere after this was typed. Copy anything you need into the note below, then discard it.
          </p>
          {sections.map((s) =>
            leftOver.sections[s.key] ? (
              <div key={s.key} className="mt-2">
                <p className="text-sm font-medium">{s.label}</p>
                <p className="whitespace-pre-wrap rounded border border-amber-200 bg-white p-2 text-sm">{leftOver.sections[s.key]}</p>
              </div>
            ) : null,
          )}
          <button type="button" onClick={discardLeftOver} className={`${secondaryButton} mt-3`}>
            Discard the kept text
          </button>
        </div>
      )}
      <div className="flex flex-col gap-1 sm:max-w-xs">
        <label htmlFor="session-date" className="text-sm font-medium">
          Session date
        </label>
        <input
          id="session-date"
          type="date"
          value={current.sessionDate}
          onChange={(e) => change({ ...current, sessionDate: e.target.value })}
          className="rounded-md border border-stone-300 bg-white px-3 py-2 text-base"
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => void addBrief()}
          disabled={shown !== 'saved'}
          className={secondaryButton}
          aria-describedby="insert-brief-hint"
        >
          Insert the brief
        </button>
        <p id="insert-brief-hint" className="text-sm text-stone-600">
          Adds what happened since the last session to {sections[0]?.label ?? 'the first section'} as text you can edit, and keeps it with
          the note.
        </p>
      </div>
      {sections.map((s) => (
        <div key={s.key} className="flex flex-col gap-1">
          <label htmlFor={`section-${s.key}`} className="font-medium">
            {s.label}
          </label>
          <textarea
            id={`section-${s.key}`}
            value={current.sections[s.key] ?? ''}
            onChange={(e) => change({ ...current, sections: { ...current.sections, [s.key]: e.target.value } })}
            onBlur={() => (shown === 'idle' ? void save() : undefined)}
            rows={s.key === sections[0]?.key ? 10 : 5}
            maxLength={NOTE_SECTION_MAX_CHARS}
            aria-describedby="note-status"
            className="rounded-lg border border-stone-300 bg-white px-3 py-2 text-base leading-relaxed"
          />
        </div>
      ))}
      <p
        id="note-status"
        aria-live="polite"
        className={shown === 'offline' || shown === 'stale' || shown === 'signed' ? 'text-sm text-amber-900' : 'text-sm text-stone-600'}
      >
        {statusText}
      </p>
    </div>
  );
}
