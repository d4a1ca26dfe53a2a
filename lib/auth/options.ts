import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { checkSession, endSession, SESSION_LIFETIME_SECONDS, signIn } from '@/lib/dal/auth';
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

/**
 * `isRouteHandler`: the options for /api/auth/*, where next-auth answers /api/auth/session by
 * itself. There, every token is checked against its session row, so a signed-out or idle
 * session's cookie gets an empty answer. Pages check the same row in lib/auth/session.ts.
 */
export function authOptions({ isRouteHandler = false }: { isRouteHandler?: boolean } = {}): NextAuthOptions {
  return {
    secret: getSecrets().authSecret,
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
        if (token.userId && token.clinicId && token.role && roles.includes(token.role)) {
          session.userId = token.userId;
          session.clinicId = token.clinicId;
          session.role = token.role;
          session.sessionVersion = token.sessionVersion ?? 0;
          session.sessionId = token.sessionId ?? '';
          session.authTime = token.authTime ?? 0;
        }
        return session;
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
