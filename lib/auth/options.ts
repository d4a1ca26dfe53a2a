import 'server-only';
import type { NextAuthOptions, Session } from 'next-auth';
import { decode, type JWT } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import { checkSession, endSession, SESSION_LIFETIME_SECONDS, signIn } from '@/lib/dal/auth';
import { publicOrigin } from '@/lib/env';
import { getSecrets } from '@/lib/secrets';
import { signInSchema } from '@/lib/validation/auth';
import { deviceOf, sourceOf } from './request-source';
import { signInErrors } from './sign-in-errors';
import { roles, type Role } from './roles';

export { SESSION_LIFETIME_SECONDS };

declare module 'next-auth' {
  interface User {
    clinicId: string;
    role: Role;
    sessionVersion: number;
    sessionId: string;
  }
  interface Session {
    userId: string;
    clinicId: string;
    role: Role;
    sessionVersion: number;
    sessionId: string;
    authTime: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    userId?: string;
    clinicId?: string;
    role?: Role;
    sessionVersion?: number;
    sessionId?: string;
    authTime?: number;
  }
}

/** next-auth's own rule, made explicit so pages read the cookie it sets: `__Secure-` names over HTTPS. */
const useSecureCookies = publicOrigin.startsWith('https://');
const SESSION_COOKIE = `${useSecureCookies ? '__Secure-' : ''}next-auth.session-token`;

type Claims = Pick<Session, 'userId' | 'clinicId' | 'role' | 'sessionVersion' | 'sessionId' | 'authTime'>;

/** What a token says about its session, when it names a person, a clinic and a known role. */
function claimsOf(token: JWT): Claims | null {
  if (!token.userId || !token.clinicId || !token.role || !roles.includes(token.role)) return null;
  return {
    userId: token.userId,
    clinicId: token.clinicId,
    role: token.role,
    sessionVersion: token.sessionVersion ?? 0,
    sessionId: token.sessionId ?? '',
    authTime: token.authTime ?? 0,
  };
}

/**
 * Tokens this process has decoded, by their exact text, until they expire: decoding derives its key
 * on Node's thread pool every time (2.3 ms median per page on the bench clinic, a one-off probe),
 * and a person's token is the same on every page until they sign in again. Only tokens that decoded
 * are kept (an altered token is another text), the oldest go first, and the session's row is still
 * checked on every request, so signing out or idling ends a session exactly as before.
 */
const decodedTokens = new Map<string, { claims: Claims; expiresAtMs: number }>();
const MAX_DECODED_TOKENS = 1_000;

/**
 * The session cookie's claims for a page, decoded as next-auth decodes it (an encrypted JWT with a
 * key derived from the secret; an expired, altered or foreign token is refused), or null. Pages
 * read the cookie here rather than through getServerSession, which for each page also made a CSRF
 * token and encrypted a renewed token into a cookie a page cannot set: 3.2 ms (median) of the
 * client page's 8 ms before its first statement (a one-off probe on the bench clinic). Tandem's
 * token is a few hundred bytes, so next-auth never splits it across cookies.
 */
export async function readSessionCookie(cookies: { get(name: string): { value: string } | undefined }): Promise<Claims | null> {
  const token = cookies.get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const known = decodedTokens.get(token);
  if (known && known.expiresAtMs > Date.now()) return known.claims;
  decodedTokens.delete(token);
  const payload = await decode({ token, secret: getSecrets().authSecret }).catch(() => null);
  const claims = payload && claimsOf(payload);
  if (!claims || typeof payload.exp !== 'number') return null;
  if (decodedTokens.size >= MAX_DECODED_TOKENS) decodedTokens.delete(decodedTokens.keys().next().value as string);
  decodedTokens.set(token, { claims, expiresAtMs: payload.exp * 1000 });
  return claims;
}

/**
 * `isRouteHandler`: the options for /api/auth/*, where next-auth answers /api/auth/session by
 * itself. There, every token is checked against its session row, so a signed-out or idle
 * session's cookie gets an empty answer. Pages check the same row in lib/auth/session.ts.
 */
export function authOptions({ isRouteHandler = false }: { isRouteHandler?: boolean } = {}): NextAuthOptions {
  return {
    secret: getSecrets().authSecret,
    useSecureCookies,
    // The JWT lives exactly as long as a session may (12 hours, absolute: see checkSession).
    session: { strategy: 'jwt', maxAge: SESSION_LIFETIME_SECONDS },
    jwt: { maxAge: SESSION_LIFETIME_SECONDS },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { type: 'email' }, password: { type: 'password' }, code: { type: 'text' } },
        async authorize(credentials, request) {
          const input = signInSchema.safeParse(credentials);
          if (!input.success) throw new Error(signInErrors.refused);
          const header = (name: string) => {
            const value = request.headers?.[name];
            return Array.isArray(value) ? value.join(',') : (value as string | undefined);
          };
          const outcome = await signIn({ ...input.data, source: sourceOf(header), device: deviceOf(header('user-agent')) });
          switch (outcome.status) {
            case 'signed-in':
              return {
                id: outcome.user.userId,
                name: outcome.user.name,
                clinicId: outcome.user.clinicId,
                role: outcome.user.role,
                sessionVersion: outcome.user.sessionVersion,
                sessionId: outcome.sessionId,
              };
            case 'throttled':
              throw new Error(`${signInErrors.throttledPrefix}${outcome.retryAfterSeconds}`);
            case 'code-required':
              throw new Error(signInErrors.codeRequired);
            case 'wrong-code':
              throw new Error(signInErrors.wrongCode);
            case 'refused':
              throw new Error(signInErrors.refused);
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.userId = user.id;
          token.clinicId = user.clinicId;
          token.role = user.role;
          token.sessionVersion = user.sessionVersion;
          token.sessionId = user.sessionId;
          token.authTime = Math.floor(Date.now() / 1000);
          return token;
        }
        if (isRouteHandler) {
          const check =
            token.userId && token.clinicId && token.sessionId
              ? await checkSession({
                  actor: { userId: token.userId, clinicId: token.clinicId },
                  sessionId: token.sessionId,
                  sessionVersion: token.sessionVersion ?? 0,
                })
              : null;
          // Throwing here makes next-auth answer with no session and clear the cookie.
          if (check?.status !== 'active') throw new Error('This session has ended.');
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, ...claimsOf(token) };
      },
    },
    events: {
      // Sign-out ends the session on the server, not only the cookie in this browser.
      async signOut({ token }) {
        if (token?.userId && token.clinicId && token.role && token.sessionId) {
          await endSession({ actor: { userId: token.userId, clinicId: token.clinicId, role: token.role }, sessionId: token.sessionId });
        }
      },
    },
    logger: {
      error(code, metadata) {
        // An ended session answering /api/auth/session is expected, not an error worth a stack trace.
        if (code === 'JWT_SESSION_ERROR') return;
        console.error('[next-auth]', code, metadata);
      },
      warn(code) {
        console.warn('[next-auth]', code);
      },
      debug() {},
    },
  };
}
