import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/options';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: RouteContext) {
  return NextAuth(request, { params: await context.params }, authOptions({ isRouteHandler: true }));
}

export { handler as GET, handler as POST };
