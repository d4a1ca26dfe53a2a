import { NextResponse, type NextRequest } from 'next/server';
import { env, publicOrigin } from '@/lib/env';
import {
  contentSecurityPolicy,
  isOwnCallbackUrl,
  isReadableActionReply,
  refuseAction,
  refuseApiBody,
  type Refusal,
} from '@/lib/http/guards';

const isHttps = publicOrigin.startsWith('https://');
const isDev = env.NODE_ENV === 'development';

function refuse({ status, message }: Refusal): NextResponse {
  return new NextResponse(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

function lengthOf(request: NextRequest): number | null {
  const value = request.headers.get('content-length');
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

/**
 * Whether Next can decode an action's body. With the Next-Action header (every form on Tandem's
 * pages) the body is React's encoding of the arguments; without it, a form posted before the
 * page's JavaScript ran names its action in `$ACTION_…` fields, whose bound data must be there.
 */
async function isReadableActionBody(request: NextRequest, hasHeader: boolean): Promise<boolean> {
  const type = request.headers.get('content-type')?.toLowerCase() ?? '';
  if (hasHeader && type.startsWith('text/plain')) return isReadableActionReply(await request.clone().text(), new Set());
  if (!type.startsWith('multipart/form-data') && !type.startsWith('application/x-www-form-urlencoded')) return !hasHeader;
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  if (!form) return false;
  const keys = [...form.keys()];
  if (hasHeader) {
    const root = form.get('0');
    return isReadableActionReply(typeof root === 'string' ? root : null, new Set(keys));
  }
  return keys
    .filter((k) => k.startsWith('$ACTION_REF_'))
    .every((ref) => keys.some((k) => k.startsWith(`$ACTION_${ref.slice('$ACTION_REF_'.length)}:`)));
}

async function refusal(request: NextRequest): Promise<Refusal | null> {
  const { pathname, searchParams } = request.nextUrl;
  // A POST to a page is a server action, with or without the Next-Action header.
  if (request.method === 'POST' && !pathname.startsWith('/api/')) {
    const hasHeader = request.headers.has('next-action');
    const refused = refuseAction({
      origin: request.headers.get('origin'),
      // The host Next itself compares the Origin with (it refuses a mismatch with a 500).
      allowedHosts: [
        request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() ?? request.headers.get('host') ?? new URL(publicOrigin).host,
      ],
      contentType: request.headers.get('content-type'),
      contentLength: lengthOf(request),
    });
    if (refused) return refused;
    if (!(await isReadableActionBody(request, hasHeader))) return { status: 400, message: 'Tandem could not read that form.' };
  }
  if (pathname.startsWith('/api/')) {
    const refused = refuseApiBody(lengthOf(request));
    if (refused) return refused;
  }
  if (pathname.startsWith('/api/auth/')) {
    const callbackUrl = searchParams.get('callbackUrl');
    if (callbackUrl !== null && !isOwnCallbackUrl(callbackUrl, publicOrigin)) {
      return { status: 400, message: 'That sign-in link is not valid. Open Tandem’s sign-in page and try again.' };
    }
  }
  return null;
}

/**
 * Every request but static files: refuses client input that would otherwise end in a 500, then
 * sets a fresh nonce-based Content-Security-Policy (Next reads the nonce from the request's
 * header and puts it on its scripts), HSTS on https, and no caching anywhere: every page and
 * route may hold clinical data.
 */
export async function proxy(request: NextRequest) {
  const refused = await refusal(request);
  if (refused) return refuse(refused);

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, { isDev, isHttps });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  response.headers.set('cache-control', 'no-store');
  if (isHttps) response.headers.set('strict-transport-security', 'max-age=63072000; includeSubDomains');
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
