import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { verifyCredentials } from '@/lib/dal/auth';
import { getSecrets } from '@/lib/secrets';
import { signInSchema } from '@/lib/validation/auth';
import { roles, type Role } from './roles';

// Sessions end 12 hours after sign-in whatever the activity (checked in lib/auth/session.ts);
// next-auth's own lifetime (30 days, sliding) is cut to the same 12 hours.
export const SESSION_LIFETIME_SECONDS = 12 * 60 * 60;

declare module 'next-auth' {
  interface User {
    clinicId: string;
    role: Role;
    sessionVersion: number;
  }
  interface Session {
    userId: string;
    clinicId: string;
    role: Role;
    sessionVersion: number;
    authTime: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    userId?: string;
    clinicId?: string;
    role?: Role;
    sessionVersion?: number;
    authTime?: number;
  }
}

export function authOptions(): NextAuthOptions {
  return {
    secret: getSecrets().authSecret,
    session: { strategy: 'jwt', maxAge: SESSION_LIFETIME_SECONDS },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials) {
          const input = signInSchema.safeParse(credentials);
          if (!input.success) return null;
          const user = await verifyCredentials(input.data);
          if (!user) return null;
          return {
            id: user.userId,
            name: user.name,
            clinicId: user.clinicId,
            role: user.role,
            sessionVersion: user.sessionVersion,
          };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.userId = user.id;
          token.clinicId = user.clinicId;
          token.role = user.role;
          token.sessionVersion = user.sessionVersion;
          token.authTime = Math.floor(Date.now() / 1000);
        }
        return token;
      },
      session({ session, token }) {
        if (token.userId && token.clinicId && token.role && roles.includes(token.role)) {
          session.userId = token.userId;
          session.clinicId = token.clinicId;
          session.role = token.role;
          session.sessionVersion = token.sessionVersion ?? 0;
          session.authTime = token.authTime ?? 0;
        }
        return session;
      },
    },
  };
}
