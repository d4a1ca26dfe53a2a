import 'server-only';
import { notFound } from 'next/navigation';
import { TandemError } from '@/lib/errors';

/** A denied or missing client answers 404 (docs/design.md §7): the page learns nothing else. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof TandemError && error.status === 404) notFound();
    throw error;
  }
}
