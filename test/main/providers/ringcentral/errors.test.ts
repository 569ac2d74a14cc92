/**
 * RingCentral refusals in both error body shapes become ProviderErrors decided on errorCode and status,
 * with RingCentral's own words and the request id a support person asks for.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { describeRingCentralError } from '../../../../src/main/providers/ringcentral/errors';
import { type RcFixture, startRcFixture } from './rc-fixture';
import { refusal } from '../../../support/provider-refusal';

describe('against the simulator', () => {
  let f: RcFixture;
  beforeEach(async () => {
    f = await startRcFixture();
  });
  afterEach(async () => f.close());

  test.each(['modern', 'legacy'] as const)(
    '%s error bodies: a wrong-state command is NOT_ALLOWED with the words and request id',
    async (shape) => {
      f.sim.setErrorShape(shape);
      const { sid, pid } = f.ringing();
      const error = await refusal(() => f.client.hold(sid, pid));
      expect(error.code).toBe('NOT_ALLOWED');
      expect(error.status).toBe(409);
      expect(error.message).toContain('Only an answered call can be held');
      expect(error.trackingId).toMatch(/^[0-9a-f-]{36}$/);
      expect(error.message).toContain(error.trackingId);
    },
  );

  test.each(['modern', 'legacy'] as const)('%s error bodies: a call that no longer exists is NOT_FOUND', async (shape) => {
    f.sim.setErrorShape(shape);
    const error = await refusal(() => f.client.session('s-gone'));
    expect(error.code).toBe('NOT_FOUND');
  });

  test('an invalid parameter (400 CMN-101) names RingCentral’s reason', async () => {
    const { sid, pid } = f.ringing();
    const error = await refusal(() => f.client.answer(sid, pid, 'no-such-device'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('Device [no-such-device] not found');
  });

  test('an expired access token (401 OAU-128) means signed out', async () => {
    f.sim.faults.expireTokens();
    const error = await refusal(() => f.client.me());
    expect(error.code).toBe('AUTH');
  });

  test('a 5xx on a command is UNAVAILABLE and is not sent again', async () => {
    const { sid, pid } = f.connected();
    f.sim.faults.serverError({ path: '/hold' }, 503);
    const wire = f.mark();
    const error = await refusal(() => f.client.hold(sid, pid));
    expect(error.code).toBe('UNAVAILABLE');
    expect(wire.read()).toHaveLength(1);
  });
});

describe('describeRingCentralError', () => {
  const headers = (init: Record<string, string> = {}) => new Headers(init);

  test('matches on errorCode, not wording: CMN-102 at 400 is NOT_FOUND', () => {
    const error = describeRingCentralError(400, { errors: [{ errorCode: 'CMN-102', message: 'Whatever words' }] }, headers());
    expect(error.code).toBe('NOT_FOUND');
  });

  test('the legacy shape: top-level InsufficientPermissions with CMN-401 inside is a permission refusal', () => {
    const error = describeRingCentralError(
      403,
      {
        errorCode: 'InsufficientPermissions',
        message: 'In order to call this API endpoint, application needs to have [CallControl] permission',
        errors: [
          {
            errorCode: 'CMN-401',
            message: 'In order to call this API endpoint, application needs to have [CallControl] permission',
            permissionName: 'CallControl',
          },
        ],
      },
      headers({ 'X-Request-ID': 'req-42' }),
    );
    expect(error.code).toBe('PROVIDER');
    expect(error.trackingId).toBe('req-42');
    expect(error.message).toContain('CallControl');
  });

  test('a rate refusal without Retry-After asks for at least 30 s', () => {
    const error = describeRingCentralError(429, { errors: [{ errorCode: 'CMN-301', message: 'Request rate exceeded' }] }, headers());
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 30, retryable: true });
  });

  test('an OAuth refusal (invalid refresh token) means signed out; a body that is not JSON still gives a sentence', () => {
    expect(
      describeRingCentralError(
        400,
        { error: 'invalid_grant', error_description: 'Token is revoked', errors: [{ errorCode: 'OAU-210' }] },
        headers(),
      ).code,
    ).toBe('AUTH');
    const html = describeRingCentralError(502, '<html>Bad gateway</html>', headers({ RCRequestId: 'abc' }));
    expect(html).toMatchObject({ code: 'UNAVAILABLE', trackingId: 'abc' });
    expect(html.message).toBe('RingCentral is not available right now (HTTP 502) (request ID abc)');
  });
});
