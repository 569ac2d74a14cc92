import { describe, expect, it } from 'vitest';
import { redactForLog, redactForReport } from '../../../src/main/runtime/log-redaction';

const TOKEN = 'ZDI3MGEyYzQtNzU3Ni00YjZiLTk0NzAtZWVjNDU1YjYwZTkwNjE4MWY1NzQtNDk0_PF84_1eb65fdf';

describe('log redaction', () => {
  it.each([
    [`Authorization: Bearer ${TOKEN}`, 'Authorization: Bearer [redacted]'],
    [
      `grant_type=refresh_token&refresh_token=${TOKEN}&client_secret=abc123`,
      'grant_type=refresh_token&refresh_token=[redacted]&client_secret=[redacted]',
    ],
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

describe('log redaction: short tokens and forged lines', () => {
  it.each([
    ['refused aB3dE5fG7hJ9kL1mN3pQ', 'refused [redacted]'],
    ['api key 0123456789abcdef0123456789abcdef rejected', 'api key [redacted] rejected'],
    ['x-api-key: s3cr3t-v4lue', 'x-api-key: [redacted]'],
    ['Authorization: Basic dXNlcjpwYXNzd29yZA==', 'Authorization: Basic [redacted]'],
  ])('never logs the token in %s', (input, expected) => {
    expect(redactForLog(input)).toBe(expected);
  });

  it('keeps ids and tracking ids that are not secrets', () => {
    const line = 'Hold failed for call 3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b (tracking ID ROUTER_6543AB12-ABCD-EF01-BCDE-F0A1B2C3D4E5)';
    expect(redactForLog(line)).toBe(line);
  });

  it('a line break in a message cannot start a forged log line', () => {
    const forged = 'Caller name: Alice\n[info]  Signed in as admin\r\nend';
    const written = redactForLog(forged);
    expect(written).not.toMatch(/[\r\n\u2028\u2029]/);
    expect(written).toBe('Caller name: Alice\\n[info]  Signed in as admin\\r\\nend');
    expect(redactForLog('a\u2028b\u202Ec\u0007d')).toBe('a bc d');
  });
});

describe('report redaction', () => {
  it.each([
    ['mail alice.smith@example.com', 'mail a•••@example.com'],
    ['to sip:+15550100303@pbx.example.com;user=phone', 'to sip:+•••@pbx.example.com;user=phone'],
    ['to sips:bob@10.0.0.1', 'to sips:b•••@10.0.0.1'],
    ['call +1 555 010 0101 ended', 'call …0101 ended'],
    ['Bearer abcDEF123ghiJKL456 refused', 'Bearer [redacted] refused'],
  ])('%s', (input, expected) => {
    expect(redactForReport(input)).toBe(expected);
  });

  it('removes secrets it is told of, however ordinary they look', () => {
    expect(redactForReport('retry with plainsecretword now', ['plainsecretword'])).toBe('retry with [redacted] now');
    expect(redactForReport('retry with plainsecretword now')).toBe('retry with plainsecretword now');
  });
});
