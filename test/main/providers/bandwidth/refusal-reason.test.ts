/**
 * A 403 from Catapult whose code names its reason (a full conference, a bridge of more than two calls)
 * says that reason, not that the API credentials lack access: the user must not be sent to check their
 * token for a conference that is merely full.
 */
import { describe, expect, it } from 'vitest';
import { describeBandwidthError } from '../../../../src/main/providers/bandwidth/errors';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const refusal = (code: string): unknown => ({ category: 'forbidden', code, message: 'Catapult says no' });

describe('a 403 whose code names its reason', () => {
  it('a full conference is said as such, with no missing access', () => {
    const error = describeBandwidthError(403, refusal('conference-max-members'), new Headers(), NOW, {
      method: 'POST',
      path: '/users/u-1/conferences/conf-1/members',
    });
    expect(error.missingPermission).toBeUndefined();
    expect(error.message).toBe('Bandwidth refused: the conference is full [conference-max-members].');
  });

  it('a bridge of more than two calls is said as such, with no missing access', () => {
    const error = describeBandwidthError(403, refusal('bridge-callIds-overflow'), new Headers(), NOW, {
      method: 'POST',
      path: '/users/u-1/bridges',
    });
    expect(error.missingPermission).toBeUndefined();
    expect(error.message).toContain('a bridge joins at most two calls');
    expect(error.message).not.toContain('lack access');
  });

  it('a 403 with no known reason still names the access the credentials lack', () => {
    const error = describeBandwidthError(403, refusal('access-denied'), new Headers(), NOW, { method: 'GET', path: '/users/u-1/calls' });
    expect(error.missingPermission).toBe('access to calls');
  });
});
