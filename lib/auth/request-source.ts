type HeaderReader = (name: string) => string | null | undefined;

/**
 * The address a request came from, for throttling and the failed-sign-in record. The last entry
 * of X-Forwarded-For is the one added by the nearest proxy, the only one a client cannot choose
 * when Tandem runs behind a reverse proxy that appends it (README: deployment). Without such a
 * proxy Next.js keeps whatever the client sent, so per-address limits can be dodged; the
 * per-account limits still hold.
 */
export function sourceOf(header: HeaderReader): string {
  const forwarded = header('x-forwarded-for')
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const source = forwarded?.at(-1) ?? header('x-real-ip')?.trim();
  return (source || 'unknown').slice(0, 100);
}

const browsers: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/Chrom(e|ium)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const systems: [RegExp, string][] = [
  [/iPhone|iPad/, 'iOS'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** "Firefox on Windows": enough for a person to recognise their own device in the session list. */
export function deviceOf(userAgent: string | null | undefined): string {
  if (!userAgent) return 'Unknown device';
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1] ?? 'A browser';
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  return system ? `${browser} on ${system}` : browser;
}
