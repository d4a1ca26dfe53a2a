import { describe, expect, it } from 'vitest';
import {
  ACTION_BODY_LIMIT,
  API_BODY_LIMIT,
  contentSecurityPolicy,
  isOwnCallbackUrl,
  isReadableActionReply,
  refuseAction,
  refuseApiBody,
} from './guards';

const action = {
  origin: 'http://localhost:3000',
  allowedHosts: ['localhost:3000'],
  contentType: 'multipart/form-data; boundary=x',
  contentLength: 100,
};

describe('the content security policy', () => {
  it('allows scripts by nonce only, and no framing, plugins or foreign bases', () => {
    const csp = contentSecurityPolicy('abc', { isDev: false, isHttps: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('upgrade-insecure-requests');
    for (const d of ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"]) expect(csp).toContain(d);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('adds eval for React in development and upgrades requests on https', () => {
    expect(contentSecurityPolicy('n', { isDev: true, isHttps: true })).toMatch(/'unsafe-eval'.*upgrade-insecure-requests/);
  });
});

describe('server action requests', () => {
  it('pass from Tandem’s own pages, with or without an Origin header', () => {
    expect(refuseAction(action)).toBeNull();
    expect(refuseAction({ ...action, origin: null })).toBeNull();
    expect(refuseAction({ ...action, contentType: 'text/plain;charset=UTF-8' })).toBeNull();
  });

  it('are refused from another origin, or an Origin that is not a URL', () => {
    expect(refuseAction({ ...action, origin: 'https://evil.example' })).toMatchObject({ status: 403 });
    expect(refuseAction({ ...action, origin: 'null' })).toMatchObject({ status: 403 });
  });

  it('are refused over the size limit with 413 and a message', () => {
    expect(refuseAction({ ...action, contentLength: ACTION_BODY_LIMIT })).toBeNull();
    expect(refuseAction({ ...action, contentLength: ACTION_BODY_LIMIT + 1 })).toMatchObject({
      status: 413,
      message: expect.stringContaining('1 MB'),
    });
  });

  it('are refused with a body type Tandem cannot read', () => {
    expect(refuseAction({ ...action, contentType: 'application/json' })).toMatchObject({ status: 400 });
    expect(refuseAction({ ...action, contentType: null })).toMatchObject({ status: 400 });
  });

  it('read arguments only when they are a JSON list whose references name parts of the body', () => {
    const none = new Set<string>();
    expect(isReadableActionReply('[]', none)).toBe(true);
    expect(isReadableActionReply('["$K1"]', none)).toBe(true);
    expect(isReadableActionReply('[{"a":"$$1"}]', none)).toBe(true);
    expect(isReadableActionReply('["$1"]', new Set(['0', '1']))).toBe(true);
    expect(isReadableActionReply('["$@a"]', new Set(['0', '10']))).toBe(true);
    expect(isReadableActionReply('["$1"]', none)).toBe(false);
    expect(isReadableActionReply('[{"x":["$Q2"]}]', new Set(['1']))).toBe(false);
    expect(isReadableActionReply('["$nabc"]', none)).toBe(false);
    expect(isReadableActionReply('["$k!V>p5P*"]', none)).toBe(false);
    expect(isReadableActionReply('["$undefined", "$n12", "$D2026-01-01T00:00:00.000Z"]', none)).toBe(true);
    expect(isReadableActionReply(null, none)).toBe(false);
    expect(isReadableActionReply('{', none)).toBe(false);
    expect(isReadableActionReply('{"a":1}', none)).toBe(false);
  });
});

describe('route handler bodies', () => {
  it('are refused over the limit with 413', () => {
    expect(refuseApiBody(API_BODY_LIMIT)).toBeNull();
    expect(refuseApiBody(null)).toBeNull();
    expect(refuseApiBody(API_BODY_LIMIT + 1)).toMatchObject({ status: 413 });
  });
});

describe('next-auth callback URLs', () => {
  const origin = 'https://tandem.example';
  it('are Tandem’s own paths and URLs', () => {
    expect(isOwnCallbackUrl('/check-in', origin)).toBe(true);
    expect(isOwnCallbackUrl('https://tandem.example/caseload?x=1', origin)).toBe(true);
  });

  it('are not another site, a protocol-relative path, or broken encoding', () => {
    expect(isOwnCallbackUrl('https://evil.example/', origin)).toBe(false);
    expect(isOwnCallbackUrl('//evil.example/', origin)).toBe(false);
    expect(isOwnCallbackUrl('/\\evil.example', origin)).toBe(false);
    expect(isOwnCallbackUrl('/%E0%A4%A', origin)).toBe(false);
    expect(isOwnCallbackUrl('http://[::1', origin)).toBe(false);
    expect(isOwnCallbackUrl('xB}/X', origin)).toBe(false);
    expect(isOwnCallbackUrl('@6', origin)).toBe(false);
  });
});
