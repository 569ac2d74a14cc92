import { describe, expect, it } from 'vitest';
import { normalizeDestination, normalizeDtmf } from '../../src/shared/dial-string';

describe('normalizeDestination', () => {
  it.each([
    ['+1 (555) 010-2030', '+15550102030'],
    ['555.010.2030', '5550102030'],
    ['  1234 ', '1234'],
    ['*73', '*73'],
    ['tel:+1-555-010-2030', '+15550102030'],
    ['tel:+15550102030;ext=22', '+15550102030'],
    ['callto:+44 20 7946 0958', '+442079460958'],
    ['callto://+4420', '+4420'],
    ['webextel:5021', '5021'],
    ['sip:alice@example.com', 'alice@example.com'],
    ['SIP:bob@corp.example.org?subject=hi', 'bob@corp.example.org'],
    ['alice@example.com', 'alice@example.com'],
    ['tel:%2B15550102030', '+15550102030'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDestination(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['', '   ', 'hello', '555-CALL-NOW', '+', 'tel:', 'alice@', '12 34; DROP', '1'.repeat(200), 'tel:%E0%A4%A'])(
    'refuses %j with a clear message',
    (input) => {
      const result = normalizeDestination(input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('BAD_INPUT');
        expect(result.error.message.length).toBeGreaterThan(10);
      }
    },
  );
});

describe('normalizeDtmf', () => {
  it.each([
    ['1234', '1234'],
    ['1,234#', '1,234#'],
    ['*9ABCD', '*9ABCD'],
    ['abcd', 'ABCD'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDtmf(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['E', '"E"'],
    ['12x', '"X"'],
    ['1 2', '" "'],
    ['', 'Enter the digits'],
  ])('refuses %j and names the bad digit', (input, named) => {
    const result = normalizeDtmf(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('BAD_INPUT');
      expect(result.error.message).toContain(named);
    }
  });
});
