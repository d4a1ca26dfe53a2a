// The zone this browser or process runs in. Apart from the rest of lib/dates, which brings
// date-fns with it, so a form that only needs the device's zone ships none of it to the browser.

export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
