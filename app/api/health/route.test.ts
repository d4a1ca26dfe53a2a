import { describe, expect, it, vi } from 'vitest';
import journal from '@/db/migrations/meta/_journal.json';

describe('GET /api/health', () => {
  it('answers ok with the database kind, the newest migration and the queue', async () => {
    const { GET } = await import('./route');
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: process.env.TANDEM_TEST_DATABASE === 'postgres' ? 'postgres' : 'embedded',
      migration: journal.entries.at(-1)?.tag,
      // Just migrated: the first minute is not yet overdue for a worker.
      queue: { state: 'ok', oldestDueSeconds: expect.any(Number) },
    });
  });

  it('answers 503 with a reason when the database cannot be reached', async () => {
    const { closeDatabase } = await import('@/db');
    await closeDatabase();
    vi.resetModules();
    // Port 9 (discard) has no PostgreSQL listening.
    process.env.DATABASE_URL = 'postgres://tandem@127.0.0.1:9/unreachable';
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { GET } = await import('./route');
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'error', database: 'postgres', reason: 'the database cannot be reached' });
    const { closeDatabase: closeUnreachable } = await import('@/db');
    await closeUnreachable();
  });
});
