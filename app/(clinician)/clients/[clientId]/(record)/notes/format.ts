/** A session date (a calendar day) in words, e.g. "Thu 20 Nov 2026". */
export const sessionDateText = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A moment in the reader's own time zone, e.g. "20 Nov 2026, 14:02". */
export const momentText = (at: Date, timeZone: string) =>
  at.toLocaleString('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
