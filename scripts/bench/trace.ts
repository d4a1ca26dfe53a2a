import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

// `npm run bench -- --trace` loads this into the production server (`node --import`): for every
// page request it appends one JSON line to TANDEM_TRACE_FILE with how many statements the request
// sent to PostgreSQL and where its time went — before its first statement (routing, the proxy,
// the session cookie), waiting on statements, and after its last one (rendering and sending).
// Statements are counted by wrapping node-postgres's `Client.query`; the embedded database does
// not go through it, so the trace is for PostgreSQL runs. It adds a little time to each request:
// the bench's headline figures come from runs without it.

export type RequestTrace = {
  path: string;
  statements: number;
  beforeFirstStatementMs: number;
  /** Time from the first statement's start to the last one's end. */
  statementsSpanMs: number;
  /** Of the span, the time with at least one statement outstanding: the rest is JavaScript between them. */
  waitingMs: number;
  afterLastStatementMs: number;
  /** Each statement's text (whitespace folded, cut at 120 characters) and its time to answer. */
  timed: { sql: string; ms: number }[];
  totalMs: number;
};

type Open = {
  path: string;
  start: number;
  first: number | null;
  last: number;
  statements: number;
  /** Statements sent and not yet answered, and since when at least one has been. */
  outstanding: number;
  waitingSince: number;
  waiting: number;
  timed: { sql: string; ms: number }[];
};

function statementText(args: unknown[]): string {
  const [first] = args;
  const text = typeof first === 'string' ? first : ((first as { text?: unknown } | undefined)?.text ?? '');
  return String(text).replace(/\s+/g, ' ').trim().slice(0, 120);
}

const file = process.env.TANDEM_TRACE_FILE;
if (!file) throw new Error('scripts/bench/trace.ts needs TANDEM_TRACE_FILE');
const current = new AsyncLocalStorage<Open>();

const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function traced(this: pg.Client, ...args: unknown[]) {
  const request = current.getStore();
  const started = performance.now();
  const result = query.apply(this, args);
  if (request && result instanceof Promise) {
    request.statements += 1;
    request.first ??= started;
    if (request.outstanding === 0) request.waitingSince = started;
    request.outstanding += 1;
    const settled = () => {
      const now = performance.now();
      request.last = Math.max(request.last, now);
      request.outstanding -= 1;
      if (request.outstanding === 0) request.waiting += now - request.waitingSince;
      request.timed.push({ sql: statementText(args), ms: now - started });
    };
    void result.then(settled, settled);
  }
  return result;
} as typeof pg.Client.prototype.query;

const emit = http.Server.prototype.emit as (this: http.Server, event: string, ...args: unknown[]) => boolean;
http.Server.prototype.emit = function tracedEmit(this: http.Server, event: string, ...args: unknown[]) {
  const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
  if (event !== 'request' || req.url?.startsWith('/_next/') || req.url?.startsWith('/api/')) return emit.call(this, event, ...args);
  const open: Open = {
    path: req.url ?? '',
    start: performance.now(),
    first: null,
    last: 0,
    statements: 0,
    outstanding: 0,
    waitingSince: 0,
    waiting: 0,
    timed: [],
  };
  res.on('finish', () => {
    const end = performance.now();
    const first = open.first ?? end;
    const last = open.first === null ? end : open.last;
    const trace: RequestTrace = {
      path: open.path,
      statements: open.statements,
      beforeFirstStatementMs: first - open.start,
      statementsSpanMs: last - first,
      waitingMs: open.waiting,
      timed: open.timed,
      afterLastStatementMs: end - last,
      totalMs: end - open.start,
    };
    appendFileSync(file, `${JSON.stringify(trace)}\n`);
  });
  return current.run(open, () => emit.call(this, event, ...args));
} as typeof http.Server.prototype.emit;
