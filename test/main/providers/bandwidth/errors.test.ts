import { describe, expect, it } from 'vitest';
import { describeBandwidthError } from '../../../../src/main/providers/bandwidth/errors';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const none = new Headers();
const body = (code: string, message = 'Catapult says no', category = 'bad-request'): unknown => ({
  category,
  code,
  message,
  details: [{ name: 'requestMethod', value: 'POST' }],
});

describe('describeBandwidthError', () => {
  it('maps Catapult codes to error kinds with a readable sentence and the code kept', () => {
    expect(describeBandwidthError(404, body('call-not-found', 'The call c-1 could not be found', 'not-found'), none, NOW)).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Bandwidth refused: The call c-1 could not be found [call-not-found].',
    });
    expect(describeBandwidthError(403, body('call-id-not-found'), none, NOW).code).toBe('NOT_FOUND');
    expect(describeBandwidthError(400, body('call-invalid-state'), none, NOW)).toMatchObject({
      code: 'NOT_ALLOWED',
      message: expect.stringContaining('not in a state that allows this'),
    });
    expect(describeBandwidthError(409, body('call-update-conflict'), none, NOW)).toMatchObject({ code: 'NOT_ALLOWED', retryable: true });
    expect(describeBandwidthError(400, body('validation-error', 'dtmfOut is invalid'), none, NOW)).toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('dtmfOut is invalid'),
    });
    expect(describeBandwidthError(403, body('conference-max-members'), none, NOW)).toMatchObject({
      code: 'PROVIDER',
      message: expect.stringContaining('conference is full'),
    });
    // Catapult's own error list files call-invalid-state under 403: still a state refusal.
    expect(describeBandwidthError(403, body('call-invalid-state'), none, NOW).code).toBe('NOT_ALLOWED');
    expect(describeBandwidthError(403, body('invalid-call-to-number'), none, NOW).code).toBe('BAD_INPUT');
    expect(describeBandwidthError(503, body('call-unavailable', 'The call is being initialized'), none, NOW)).toMatchObject({
      code: 'UNAVAILABLE',
      retryable: true,
    });
  });

  it('a 429 says how long to wait, from X-RateLimit-Reset in epoch ms', () => {
    const headers = new Headers({ 'x-ratelimit-reset': String(NOW + 2500) });
    expect(describeBandwidthError(429, body('rate-limit-reached', 'slow', 'limit'), headers, NOW)).toMatchObject({
      code: 'RATE_LIMITED',
      retryable: true,
      retryAfter: 3,
      message: 'Bandwidth asked Switchboard to slow down: try again in 3 s.',
    });
  });

  it('reads an X-RateLimit-Reset in epoch seconds too', () => {
    const headers = new Headers({ 'x-ratelimit-reset': String(Math.floor(NOW / 1000) + 4) });
    expect(describeBandwidthError(429, body('too-many-requests', 'slow', 'limit'), headers, NOW).retryAfter).toBe(4);
  });

  it('a 403 call-rate-limit is a rate limit, not a permission problem', () => {
    expect(describeBandwidthError(403, body('call-rate-limit', 'too fast', 'limit'), none, NOW)).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('one a second'),
    });
  });

  it('401 is AUTH; 5xx is UNAVAILABLE; text and HTML bodies are handled', () => {
    expect(describeBandwidthError(401, body('unauthorized'), none, NOW)).toMatchObject({
      code: 'AUTH',
      message: expect.stringContaining('API token and secret'),
    });
    expect(describeBandwidthError(502, '<html><body>Bad gateway</body></html>', none, NOW)).toMatchObject({
      code: 'UNAVAILABLE',
      message: 'Bandwidth is not available right now (HTTP 502).',
    });
    expect(describeBandwidthError(418, 'I am a teapot', none, NOW)).toMatchObject({
      code: 'PROVIDER',
      message: 'Bandwidth refused the request (HTTP 418: I am a teapot).',
    });
    expect(describeBandwidthError(400, JSON.stringify(body('call-invalid-state')), none, NOW).code).toBe('NOT_ALLOWED');
    expect(describeBandwidthError(400, { code: null, message: null, category: null }, none, NOW)).toMatchObject({ code: 'NOT_ALLOWED' });
  });
});
