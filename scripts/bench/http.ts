import { performance } from 'node:perf_hooks';

// Signs in through next-auth's credentials flow, as a browser would, and times whole page responses.

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0] as string);
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = cookiesOf(response).find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`signing in as ${email} failed (HTTP ${response.status})`);
  return [...jar, session].join('; ');
}

/** Milliseconds from request to the last byte of the page, after warm-up requests. */
export async function timePage(url: string, cookie: string, { warmup, runs }: { warmup: number; runs: number }): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < warmup + runs; i += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
    const body = await response.text();
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`${url} answered HTTP ${response.status}: ${body.slice(0, 200)}`);
    if (i >= warmup) durations.push(elapsed);
  }
  return durations;
}
