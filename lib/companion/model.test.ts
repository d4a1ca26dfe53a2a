import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_TIMEOUT_MS, phraseReflection } from './model';

// A local fake of an OpenAI-compatible endpoint: it answers whatever the test sets, records what
// it was sent, and can hang to exercise the timeout.
let answer: { status: number; content?: string; hang?: boolean } = { status: 200, content: '' };
const received: unknown[] = [];
let server: Server;
let url = '';

const body = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
  });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    received.push({ path: req.url, body: JSON.parse(await body(req)) });
    if (answer.hang) return;
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: answer.content } }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const scripted = { kind: 'reflection' as const, text: 'That sounds exhausting. What has been draining you?' };
const config = () => ({ url, model: 'test-model' });

describe('the optional model', () => {
  it('phrases a reflection, sending only the fixed prompt, the latest message and the scripted reply', async () => {
    received.length = 0;
    answer = { status: 200, content: 'It sounds like you are worn out. What has taken most of your energy?' };
    const result = await phraseReflection(config(), 'so tired of work', scripted);
    expect(result).toEqual({ source: 'model', reply: { kind: 'reflection', text: answer.content } });
    const sent = received[0] as { path: string; body: { model: string; messages: { role: string; content: string }[] } };
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.body.model).toBe('test-model');
    expect(sent.body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(sent.body.messages[1]?.content).toBe(`Client said: so tired of work\nScripted reply: ${scripted.text}`);
  });

  it.each([
    ['diagnosis', 'It sounds like you have depression. What else?'],
    ['medication', 'Maybe try taking a sleeping pill tonight.'],
    ['risk', 'Do you want to die?'],
    ['promise', 'I promise everything will be fine.'],
  ])('falls back to the scripted reply when the model says something the fence stops (%s)', async (_, content) => {
    answer = { status: 200, content };
    expect(await phraseReflection(config(), 'so tired', scripted)).toEqual({ source: 'script', reply: scripted, fallback: 'fence' });
  });

  it('falls back on an error status and on an empty answer', async () => {
    answer = { status: 500, content: 'x' };
    expect((await phraseReflection(config(), 'so tired', scripted)).fallback).toBe('error');
    answer = { status: 200, content: '   ' };
    expect((await phraseReflection(config(), 'so tired', scripted)).fallback).toBe('empty');
  });

  it(`falls back after ${MODEL_TIMEOUT_MS} ms without an answer`, async () => {
    answer = { status: 200, hang: true };
    expect(await phraseReflection(config(), 'so tired', scripted)).toEqual({ source: 'script', reply: scripted, fallback: 'timeout' });
  }, 10_000);

  it('is never asked to phrase anything but a reflection (a crisis reply is never sent)', async () => {
    received.length = 0;
    const crisis = { kind: 'crisis' as const, text: 'Crisis reply' };
    expect(await phraseReflection(config(), 'I want to die', crisis)).toEqual({ source: 'script', reply: crisis });
    expect(received).toEqual([]);
  });
});
