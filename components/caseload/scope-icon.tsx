import type { ScopeKey } from './caseload-view';

// Simple 20×20 line drawings: a calendar tick (check-ins), a clipboard (questionnaires), a book (journal).
const paths: Record<ScopeKey, string> = {
  checkins: 'M4 5h12v11H4z M4 8h12 M7 3v3 M13 3v3 M7.5 12l2 2 3.5-3.5',
  measures: 'M6 4h8v13H6z M8 3h4v2H8z M8 9h4 M8 12h4 M8 15h2',
  journal: 'M5 3h9a1 1 0 0 1 1 1v13H6a1 1 0 0 1-1-1z M5 15a1 1 0 0 1 1-1h9 M8 6h4',
};

/** One scope as an icon whose text alternative says whether it is shared. */
export function ScopeIcon({ scope, label, isShared }: { scope: ScopeKey; label: string; isShared: boolean }) {
  return (
    <span
      className={`inline-flex h-7 w-7 items-center justify-center rounded-md border ${
        isShared ? 'border-brand-100 bg-brand-50 text-brand-800' : 'border-stone-200 bg-stone-50 text-stone-400'
      }`}
      title={label}
    >
      <svg
        role="img"
        aria-label={label}
        viewBox="0 0 20 20"
        width="18"
        height="18"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d={paths[scope]} />
        {!isShared && <path d="M3 17L17 3" />}
      </svg>
    </span>
  );
}
