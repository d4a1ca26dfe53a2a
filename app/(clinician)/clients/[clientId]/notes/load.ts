import 'server-only';
import { notFound } from 'next/navigation';
import { TandemError } from '@/lib/errors';

/** A denied or missing read answers 404, never 403: nobody learns what exists elsewhere. */
export async function loadOrNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof TandemError && error.status === 404) notFound();
    throw error;
  }
}
