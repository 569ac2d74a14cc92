import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { codeChallengeS256, createCodeVerifier, createPkcePair, createState } from '../../../src/main/auth/pkce';

describe('PKCE', () => {
  it('makes verifiers of 43 to 128 unreserved characters, different every time', () => {
    const shortest = createCodeVerifier();
    const longest = createCodeVerifier(96);
    expect(shortest).toMatch(/^[A-Za-z0-9\-_]{43}$/);
    expect(longest).toMatch(/^[A-Za-z0-9\-_]{128}$/);
    expect(createCodeVerifier()).not.toBe(shortest);
    expect(() => createCodeVerifier(31)).toThrow(/43 to 128/);
    expect(() => createCodeVerifier(97)).toThrow(/43 to 128/);
  });

  it('derives the S256 challenge as base64url(sha256(verifier)) without padding', () => {
    // RFC 7636 appendix B example.
    expect(codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    const pair = createPkcePair();
    expect(pair.method).toBe('S256');
    expect(pair.challenge).toBe(createHash('sha256').update(pair.verifier).digest('base64url'));
    expect(pair.challenge).not.toContain('=');
  });

  it('makes unguessable states', () => {
    const states = new Set(Array.from({ length: 50 }, () => createState()));
    expect(states.size).toBe(50);
    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9\-_]{43}$/);
  });
});
