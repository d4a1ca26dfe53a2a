const words: Record<string, string> = {
  cancelled: 'Reminder cancelled. Nothing will be sent for it.',
  sent: 'That reminder was already due or had gone out, so it could not be cancelled.',
  missing: 'We could not find that reminder. Nothing was changed.',
};

/** What became of a cancel request, announced after the page reloads (from `?reminder=`). */
export function ReminderOutcome({ outcome }: { outcome: string | undefined }) {
  const text = outcome ? words[outcome] : undefined;
  if (!text) return null;
  return (
    <p role="status" className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
      {text}
    </p>
  );
}
