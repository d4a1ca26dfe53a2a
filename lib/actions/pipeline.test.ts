import { notFound, redirect } from 'next/navigation';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '@/lib/auth/session';
import { TandemError } from '@/lib/errors';
import { z } from '@/lib/validation/zod';
import { callAction, fieldErrorsOf, formAction, formCommand, type PublicError } from './pipeline';

const signedIn = vi.hoisted(() => ({ user: null as CurrentUser | null }));

// The session is read from cookies and the database; here it is whoever the test says signed in.
vi.mock('@/lib/auth/session', async () => {
  const { notFound: missing, redirect: away } = await import('next/navigation');
  const requireUser = async () => signedIn.user ?? away('/sign-in');
  return {
    requireUser,
    requireUserForEnrolment: requireUser,
    requireRole: async (role: string | readonly string[]) => {
      const user = await requireUser();
      if (typeof role === 'string' ? user.role !== role : !role.includes(user.role)) missing();
      return user;
    },
  };
});

const therapist: CurrentUser = {
  userId: '00000000-0000-4000-8000-000000000001',
  clinicId: '00000000-0000-4000-8000-000000000002',
  role: 'therapist',
  name: 'Sam Rivera',
  timeZone: 'Europe/London',
  sessionId: 'session',
  idleMinutes: null,
  isInvitedToTwoFactor: false,
};

const noteSchema = z.object({
  title: z.string().trim().min(3, 'Give the note a title.'),
  minutes: z.coerce.number().int('Whole minutes.').min(1, 'At least a minute.'),
});

function formWith(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

const nextSignal = (error: unknown) => (error as { digest?: string }).digest ?? '';

beforeEach(() => {
  signedIn.user = therapist;
});

describe('fieldErrorsOf', () => {
  it('keeps the first error of each field', () => {
    const result = z
      .object({ a: z.string().min(3, 'too short').regex(/x/, 'no x'), b: z.number('a number') })
      .safeParse({ a: 'y', b: 'z' });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error)).toEqual({ a: 'too short', b: 'a number' });
  });

  it('files a refusal of the whole input under form', () => {
    const result = z
      .object({ a: z.string() })
      .refine(() => false, 'Not like this.')
      .safeParse({ a: '' });
    if (!result.success) expect(fieldErrorsOf(result.error)).toEqual({ form: 'Not like this.' });
  });
});

describe('formAction', () => {
  it('reads anything that is not a form as an empty one, and refuses it field by field', async () => {
    const run = vi.fn();
    const state = await formAction('not a form', { caller: 'therapist', schema: noteSchema, run });
    expect(run).not.toHaveBeenCalled();
    expect(state.status).toBe('error');
    expect(state.values).toEqual({});
    expect(state.fieldErrors).toEqual({ title: expect.any(String), minutes: expect.any(String) });
  });

  it('answers a caller of another role with 404 and runs nothing', async () => {
    const run = vi.fn();
    const sent = formAction(formWith({ title: 'Session 4', minutes: '50' }), { caller: 'client', schema: noteSchema, run });
    await expect(sent).rejects.toSatisfy((error) => nextSignal(error).includes('404'));
    await expect(formAction(formWith({}), { caller: ['admin', 'client'], schema: noteSchema, run })).rejects.toThrow();
    expect(run).not.toHaveBeenCalled();
  });

  it('sends someone signed out to sign in', async () => {
    signedIn.user = null;
    const sent = formAction(formWith({}), { caller: 'signed-in', schema: noteSchema, run: vi.fn() });
    await expect(sent).rejects.toSatisfy((error) => nextSignal(error).includes('/sign-in'));
  });

  it('returns the schema’s field messages with everything typed, secrets left out', async () => {
    const run = vi.fn();
    const form = formWith({ title: 'ok', minutes: '2.5', password: 'hunter2', $ACTION_ID_1: '' });
    const state = await formAction(form, { caller: 'therapist', schema: noteSchema, secret: ['password'], run });
    expect(run).not.toHaveBeenCalled();
    expect(state).toEqual({
      status: 'error',
      message: 'Please correct the fields marked below.',
      fieldErrors: { title: 'Give the note a title.', minutes: 'Whole minutes.' },
      values: { title: 'ok', minutes: '2.5' },
    });
  });

  it('lets the action word the refusal from its field messages', async () => {
    const form = formWith({ title: 'ok', minutes: '5' });
    const state = await formAction(form, { caller: 'therapist', schema: noteSchema, invalid: (errors) => errors.title, run: vi.fn() });
    expect(state.message).toBe('Give the note a title.');
  });

  it('passes only the parsed value and the actor on', async () => {
    const run = vi.fn(async () => ({ status: 'success' as const, message: 'Saved.' }));
    const state = await formAction(formWith({ title: '  Session 4 ', minutes: '50', extra: 'x' }), {
      caller: ['therapist', 'admin'],
      schema: noteSchema,
      run,
    });
    expect(state).toEqual({ status: 'success', message: 'Saved.' });
    expect(run).toHaveBeenCalledWith({ title: 'Session 4', minutes: 50 }, expect.objectContaining({ actor: therapist }));
  });

  it('turns a typed error into its public message and keeps what was typed', async () => {
    const state = await formAction(formWith({ title: 'Session 4', minutes: '50' }), {
      caller: 'therapist',
      schema: noteSchema,
      run: async () => {
        throw new TandemError('conflict:note_signed');
      },
    });
    expect(state).toEqual({
      status: 'error',
      message: 'This note is signed and can no longer be changed. Add an addendum instead.',
      values: { title: 'Session 4', minutes: '50' },
    });
  });

  it('never shows an unexpected error, and keeps what was typed', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const state = await formAction(formWith({ title: 'Session 4', minutes: '50' }), {
      caller: 'therapist',
      schema: noteSchema,
      run: async () => {
        throw new Error('relation "notes" does not exist');
      },
    });
    expect(state.message).toBe('Something went wrong on our side. Your information was not changed.');
    expect(state.values).toEqual({ title: 'Session 4', minutes: '50' });
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('lets the action give an error code a field of its own', async () => {
    const state = await formAction(formWith({ title: 'Session 4', minutes: '50' }), {
      caller: 'therapist',
      schema: noteSchema,
      onError: ({ code, message }, input) =>
        code === 'conflict:note_stale' ? { fieldErrors: { title: `${input.title}: ${message}` } } : undefined,
      run: async () => {
        throw new TandemError('conflict:note_stale');
      },
    });
    expect(state.fieldErrors?.title).toMatch(/^Session 4: This note was changed elsewhere/);
    expect(state.values).toEqual({ title: 'Session 4', minutes: '50' });
  });

  it('adds what the action reads from the typed text to every failure, refused or thrown', async () => {
    const spec = {
      caller: 'therapist' as const,
      schema: noteSchema,
      onFailure: (typed: Record<string, string>) => ({ message: `typed ${typed.title}` }),
    };
    const refused = await formAction(formWith({ title: 'Session 4', minutes: 'none' }), {
      ...spec,
      run: async () => ({ status: 'success' }),
    });
    expect(refused).toMatchObject({ status: 'error', message: 'typed Session 4', fieldErrors: { minutes: expect.any(String) } });
    const thrown = await formAction(formWith({ title: 'Session 5', minutes: '50' }), {
      ...spec,
      run: async () => {
        throw new TandemError('conflict:note_signed');
      },
    });
    expect(thrown).toMatchObject({ status: 'error', message: 'typed Session 5' });
    const saved = await formAction(formWith({ title: 'Session 6', minutes: '50' }), {
      ...spec,
      run: async () => ({ status: 'success' as const }),
    });
    expect(saved).toEqual({ status: 'success' });
  });

  it('lets redirect() and notFound() pass through untouched', async () => {
    const form = formWith({ title: 'Session 4', minutes: '50' });
    const away = formAction(form, { caller: 'therapist', schema: noteSchema, run: async () => redirect('/caseload') });
    await expect(away).rejects.toSatisfy((error) => nextSignal(error).includes('/caseload'));
    const missing = formAction(form, { caller: 'therapist', schema: noteSchema, run: async () => notFound() });
    await expect(missing).rejects.toSatisfy((error) => nextSignal(error).includes('404'));
  });
});

describe('callAction', () => {
  type Result = { ok: true; minutes: number } | { ok: false; message: string; title?: string };
  const failed = ({ message }: PublicError, input?: { title: string }): Result => ({ ok: false, message, title: input?.title });
  const run = vi.fn(async ({ minutes }: { minutes: number }): Promise<Result> => ({ ok: true, minutes }));

  it('answers a caller of another role with 404 and runs nothing', async () => {
    run.mockClear();
    await expect(callAction({ title: 'Session 4', minutes: 50 }, { caller: 'admin', schema: noteSchema, failed, run })).rejects.toSatisfy(
      (error) => nextSignal(error).includes('404'),
    );
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses a value the schema refuses with the schema’s first message, or the action’s own', async () => {
    expect(await callAction({ title: 'ok', minutes: 5 }, { caller: 'therapist', schema: noteSchema, failed, run })).toEqual({
      ok: false,
      message: 'Give the note a title.',
    });
    expect(
      await callAction('not an object', { caller: 'therapist', schema: noteSchema, invalid: 'Reload the page.', failed, run }),
    ).toEqual({
      ok: false,
      message: 'Reload the page.',
    });
  });

  it('runs with the parsed value and answers a thrown error in the action’s own shape', async () => {
    expect(await callAction({ title: 'Session 4', minutes: '50' }, { caller: 'therapist', schema: noteSchema, failed, run })).toEqual({
      ok: true,
      minutes: 50,
    });
    const thrown = await callAction(
      { title: 'Session 4', minutes: 50 },
      {
        caller: 'therapist',
        schema: noteSchema,
        failed,
        run: async (): Promise<Result> => {
          throw new TandemError('conflict:note_signed');
        },
      },
    );
    expect(thrown).toEqual({ ok: false, message: expect.stringMatching(/^This note is signed/), title: 'Session 4' });
  });

  it('lets redirect() pass through untouched', async () => {
    const away = callAction(
      { title: 'Session 4', minutes: 50 },
      { caller: 'therapist', schema: noteSchema, failed, run: async (): Promise<Result> => redirect('/caseload') },
    );
    await expect(away).rejects.toSatisfy((error) => nextSignal(error).includes('/caseload'));
  });
});

describe('formCommand', () => {
  it('does what the action says of a refused form, and runs nothing', async () => {
    const refused = vi.fn(async () => {});
    const run = vi.fn(async () => {});
    await formCommand(formWith({ title: 'ok' }), { caller: 'therapist', schema: noteSchema, refused, run });
    expect(refused).toHaveBeenCalledOnce();
    expect(run).not.toHaveBeenCalled();
  });

  it('runs with the parsed value and the actor, and lets errors reach the page', async () => {
    const run = vi.fn(async () => {});
    await formCommand(formWith({ title: 'Session 4', minutes: '50' }), { caller: 'therapist', schema: noteSchema, refused: vi.fn(), run });
    expect(run).toHaveBeenCalledWith({ title: 'Session 4', minutes: 50 }, { actor: therapist });
    const failing = formCommand(formWith({ title: 'Session 4', minutes: '50' }), {
      caller: 'therapist',
      schema: noteSchema,
      refused: vi.fn(),
      run: async () => {
        throw new TandemError('not_found:check_in');
      },
    });
    await expect(failing).rejects.toThrow(TandemError);
  });

  it('answers a caller of another role with 404', async () => {
    const run = vi.fn(async () => {});
    const sent = formCommand(formWith({ title: 'Session 4', minutes: '50' }), {
      caller: 'client',
      schema: noteSchema,
      refused: vi.fn(),
      run,
    });
    await expect(sent).rejects.toSatisfy((error) => nextSignal(error).includes('404'));
    expect(run).not.toHaveBeenCalled();
  });
});
