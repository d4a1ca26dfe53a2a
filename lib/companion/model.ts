// The optional language model, strictly fenced (docs/design.md §10). It may only rephrase a reflective
// reply the scripted companion has already chosen. It is never called for a message the risk
// screen flagged (the engine has answered with the crisis reply by then, and only reflections
// reach here), and what it returns is screened by the output fence: any hit, an error, a malformed
// answer or no answer within 3 seconds, and the client gets the scripted reply instead.
//
// Exactly what is sent, in one POST to `${url}/chat/completions` (OpenAI-compatible): the model
// name, temperature 0.3, a cap of 120 tokens, the fixed SYSTEM_PROMPT below, and one user message
// holding the client's latest message and the scripted reply. No name, id, history, check-in or
// anything else about the client.

import { fenceHits } from './fence';
import type { Reply } from './engine';

export const MODEL_TIMEOUT_MS = 3000;
const MAX_REPLY_CHARS = 400;

export const SYSTEM_PROMPT =
  'You rephrase one reply of an automated, CBT-informed listening companion. Keep its meaning: name the feeling back warmly and ask one open question. ' +
  'At most two short sentences. Never diagnose, never mention medication, never give advice, never promise anything, never argue with a feeling, never claim to be human. ' +
  'Answer with the rephrased reply only.';

export type ModelConfig = { url: string; model: string };
export type Phrasing = { reply: Reply; source: 'model' | 'script'; fallback?: 'timeout' | 'error' | 'fence' | 'empty' };

/** The request body sent to the endpoint: the whole of what leaves Tandem. */
export function modelRequest(config: ModelConfig, clientMessage: string, scripted: Reply) {
  return {
    model: config.model,
    temperature: 0.3,
    max_tokens: 120,
    messages: [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: `Client said: ${clientMessage}\nScripted reply: ${scripted.text}` },
    ],
  };
}

/** A reflective reply phrased by the model, or the scripted one on any doubt. */
export async function phraseReflection(config: ModelConfig, clientMessage: string, scripted: Reply): Promise<Phrasing> {
  if (scripted.kind !== 'reflection') return { reply: scripted, source: 'script' };
  const fallback = (why: NonNullable<Phrasing['fallback']>): Phrasing => ({ reply: scripted, source: 'script', fallback: why });
  let content: unknown;
  try {
    const response = await fetch(new URL('chat/completions', config.url.endsWith('/') ? config.url : `${config.url}/`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(modelRequest(config, clientMessage, scripted)),
      signal: AbortSignal.timeout(MODEL_TIMEOUT_MS),
      redirect: 'error',
    });
    if (!response.ok) return fallback('error');
    const body = (await response.json()) as { choices?: Array<{ message?: { content?: unknown } }> };
    content = body.choices?.[0]?.message?.content;
  } catch (error) {
    return fallback(error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'error');
  }
  if (typeof content !== 'string') return fallback('empty');
  const text = content.trim().replace(/\s+/g, ' ');
  if (text.length === 0 || text.length > MAX_REPLY_CHARS) return fallback('empty');
  if (fenceHits(text).length > 0) return fallback('fence');
  return { reply: { kind: 'reflection', text }, source: 'model' };
}
