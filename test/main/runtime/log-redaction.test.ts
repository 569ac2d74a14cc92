import { describe, expect, it } from 'vitest';
import { redactForLog } from '../../../src/main/runtime/log-redaction';

const TOKEN = 'ZDI3MGEyYzQtNzU3Ni00YjZiLTk0NzAtZWVjNDU1YjYwZTkwNjE4MWY1NzQtNDk0_PF84_1eb65fdf';

describe('log redaction', () => {
  it.each([
    [`Authorization: Bearer ${TOKEN}`, 'Authorization: Bearer [redacted]'],
    [`grant_type=refresh_token&refresh_token=${TOKEN}&client_secret=abc123`, 'grant_type=refresh_token&refresh_token=[redacted]&client_secret=[redacted]'],
    [`{"access_token":"${TOKEN}","expires_in":1209599}`, '{"access_token":"[redacted]","expires_in":1209599}'],
    [`redirect /oauth/callback?code=XYZ123&state=s1`, 'redirect /oauth/callback?code=[redacted]&state=s1'],
    [`token rejected: ${TOKEN}`, 'token rejected: [redacted]'],
    ['Dial +1 (555) 010-2030 failed', 'Dial …2030 failed'],
    ['Call from +15550102030 answered', 'Call from …2030 answered'],
  ])('%s', (input, expected) => {
    expect(redactForLog(input)).toBe(expected);
  });

  it('keeps short numbers and ordinary words', () => {
    expect(redactForLog('Parked at 5021; Hold failed (HTTP 400)')).toBe('Parked at 5021; Hold failed (HTTP 400)');
  });
});
