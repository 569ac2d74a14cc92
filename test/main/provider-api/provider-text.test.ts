/**
 * What provider text looks like once it may leave main (provider-api/provider-error.ts): credentials
 * gone, prose and ids untouched, one bounded line, tracking ids short and plain.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_PROVIDER_TEXT,
  ProviderError,
  safeAppError,
  safeProviderText,
  safeTrackingId,
} from '../../../src/main/provider-api/provider-error';

describe('provider text for the windows', () => {
  it.each([
    ['Webex refused: Bearer abcdefgh12345678 is not valid', 'Webex refused: Bearer [redacted] is not valid'],
    ['bad header authorization=Basic dXNlcjpwYXNz', 'bad header authorization=Basic [redacted]'],
    ['{"access_token":"zzzzzzzz","client_secret":"s"}', '{"access_token":"[redacted]","client_secret":"[redacted]"}'],
    ['rejected Qm9iOnNlY3JldFBhc3N3b3JkMTIz', 'rejected [redacted]'],
    ['key 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 revoked', 'key [redacted] revoked'],
  ])('redacts the credential in %s', (input, expected) => {
    expect(safeProviderText(input)).toBe(expected);
  });

  it.each([
    'Webex refused the access token: sign in again.',
    'Basic plan required for this feature',
    'Webex refused: call not found (tracking ID ROUTER_6543AB12-0000-1111-2222-333344445555)',
    'Call 3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b cannot be held: wrong password entered twice',
  ])('keeps prose and ids: %s', (text) => {
    expect(safeProviderText(text)).toBe(text);
  });

  it('removes the token the request carried, whatever it looks like', () => {
    expect(safeProviderText('credential simpletoken99 unknown', ['simpletoken99'])).toBe('credential [redacted] unknown');
  });

  it('is one line without reordering characters, and bounded', () => {
    const text = safeProviderText(`Hold\u202Edlo\u2066h\r\nforged line\u0000 ${'x'.repeat(1_000)}`);
    expect(text).toMatch(/^Holddloh forged line x+…$/);
    expect(Array.from(text)).toHaveLength(MAX_PROVIDER_TEXT);
  });

  it('keeps a tracking id only when it is short, plain and no secret', () => {
    expect(safeTrackingId('ROUTER_6543AB12-0000-1111-2222-333344445555')).toBe('ROUTER_6543AB12-0000-1111-2222-333344445555');
    expect(safeTrackingId('a'.repeat(129))).toBeUndefined();
    expect(safeTrackingId('id <b>x</b>')).toBeUndefined();
    expect(safeTrackingId('aB3dE5fG7hJ9kL1mN3pQ5rS')).toBeUndefined();
    expect(safeTrackingId('simpletoken99', ['simpletoken99'])).toBeUndefined();
  });

  it('an error concealed with the sent token no longer holds it anywhere', () => {
    const error = new ProviderError({ code: 'PROVIDER', message: 'echo simpletoken99', trackingId: 'simpletoken99' }).conceal([
      'simpletoken99',
    ]);
    expect(error.message).toBe('echo [redacted]');
    expect(error.toAppError()).toEqual({ code: 'PROVIDER', message: 'echo [redacted]', retryable: false });
  });

  it('an error any handler made is made safe exactly as a provider error is', () => {
    const fields = { code: 'AUTH', message: 'refused Bearer aB3dE5fG7hJ9kL1mN3pQ5rS\u202E\r\nnext', trackingId: 'a b<script>' } as const;
    const made = safeAppError({ ...fields, retryable: true });
    expect(made).toEqual({ code: 'AUTH', message: 'refused Bearer [redacted] next', retryable: true });
    expect(made).not.toHaveProperty('trackingId');
    expect(new ProviderError({ ...fields, retryable: true }).toAppError()).toEqual(made);
    expect(safeAppError({ ...fields, trackingId: 'ROUTER_1', retryable: false }).trackingId).toBe('ROUTER_1');
  });
});
