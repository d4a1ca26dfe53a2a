// What the proxy (proxy.ts) checks before a request reaches a page, a server action or a route
// handler: the response headers every page gets, and the client input that Next would otherwise
// answer with a 500 (an oversized or malformed action body, a cross-origin action, a callback
// URL that is not Tandem's own). Pure functions of the request's parts, unit-tested.

/** Server actions: Next's own limit (next.config.js `serverActions.bodySizeLimit`) is the same. */
export const ACTION_BODY_LIMIT = 1024 * 1024;
/** Route handlers: a tracker import is the largest body (ten years of daily entries is about 0.5 MB). */
export const API_BODY_LIMIT = 8 * 1024 * 1024;

export function contentSecurityPolicy(nonce: string, { isDev, isHttps }: { isDev: boolean; isHttps: boolean }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts that Next's nonced scripts load are trusted too; nothing else runs.
    // React needs eval only in development, for its error overlays.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // style="…" attributes (progress bars, the mood bars, the breathing circle) carry no script;
    // style elements still need the nonce.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export type Refusal = { status: 400 | 403 | 413; message: string };

const MB = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/**
 * Whether a server action may run: from a page of Tandem's own origin (a form posted from another
 * site is refused), with a body Tandem can read, under the size limit.
 */
export function refuseAction(input: {
  origin: string | null;
  allowedHosts: readonly string[];
  contentType: string | null;
  contentLength: number | null;
}): Refusal | null {
  if (input.origin !== null) {
    let host: string | null;
    try {
      host = new URL(input.origin).host;
    } catch {
      host = null;
    }
    if (!host || !input.allowedHosts.includes(host)) {
      return { status: 403, message: 'Tandem accepts forms only from its own pages. Open Tandem and try again there.' };
    }
  }
  if (input.contentLength !== null && input.contentLength > ACTION_BODY_LIMIT) {
    return { status: 413, message: `That is more than Tandem accepts in one form (${MB(ACTION_BODY_LIMIT)}). Shorten it and try again.` };
  }
  const type = (input.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!['multipart/form-data', 'application/x-www-form-urlencoded', 'text/plain'].includes(type)) {
    return { status: 400, message: 'Tandem could not read that form.' };
  }
  return null;
}

/**
 * Whether a server action's arguments, as React encodes them (the root field "0" of a multipart
 * body, or the whole text/plain body), can be decoded: a JSON list whose references to other
 * parts ("$1", "$@2", "$Q3", … with hexadecimal ids) name parts the body holds. React waits for a
 * missing part until the body ends and then fails the request with a 500.
 */
export function isReadableActionReply(root: string | null, partNames: ReadonlySet<string>): boolean {
  if (root === null) return false;
  let args: unknown;
  try {
    args = JSON.parse(root);
  } catch {
    return false;
  }
  if (!Array.isArray(args)) return false;
  const pending: unknown[] = [args];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string' && value.startsWith('$') && !isDecodableReference(value, partNames)) return false;
    if (value && typeof value === 'object') pending.push(...Object.values(value));
  }
  return true;
}

const SPECIAL_VALUES = new Set(['$undefined', '$NaN', '$Infinity', '$-Infinity', '$-0']);

/** A "$…" string of React's reply encoding that decodes without waiting on a part the body lacks. */
function isDecodableReference(value: string, partNames: ReadonlySet<string>): boolean {
  if (value.startsWith('$$') || SPECIAL_VALUES.has(value)) return true;
  if (/^\$n-?\d+$/.test(value) || /^\$[DS]/.test(value) || /^\$K[0-9a-f]+$/.test(value)) return true;
  const reference = /^\$[@QWBiTFlAOoUSsLGgMmVvbX]?([0-9a-f]+)$/.exec(value);
  return reference !== null && partNames.has(String(Number.parseInt(reference[1]!, 16)));
}

export function refuseApiBody(contentLength: number | null): Refusal | null {
  if (contentLength !== null && contentLength > API_BODY_LIMIT) {
    return { status: 413, message: `That file is larger than Tandem accepts (${MB(API_BODY_LIMIT)}). Split it and try again.` };
  }
  return null;
}

/**
 * next-auth's callbackUrl: only a path on Tandem itself or a URL of its own origin. Anything else
 * (another site, a string that is not a URL, broken percent-encoding) is refused before next-auth
 * reads it.
 */
export function isOwnCallbackUrl(value: string, origin: string): boolean {
  try {
    const url = new URL(value, origin);
    decodeURIComponent(url.pathname);
    const isPath = value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\');
    return url.origin === origin && (isPath || value.startsWith(`${origin}/`) || value === origin);
  } catch {
    return false;
  }
}
