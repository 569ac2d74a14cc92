/**
 * A Retrieve RingCentral refused for a reason that leaves the call in its orbit (a device it would not
 * take, a rate limit) keeps the call parked: Retrieve pressed again takes it back. Only "not found" (the
 * call has gone from the orbit) forgets it.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { RingCentralProvider } from '../../../../src/main/providers/ringcentral/provider';
import { type RcFixture, startRcFixture } from './rc-fixture';

let f: RcFixture;
let provider: RingCentralProvider;
beforeEach(async () => {
  f = await startRcFixture();
  provider = new RingCentralProvider(f.client, { now: () => f.timers.now() });
});
afterEach(async () => f.close());

async function parkedCall(): Promise<string> {
  const call = f.connected();
  await provider.execute({ type: 'park', callId: call.sid });
  return call.sid;
}

describe('a Retrieve RingCentral refused', () => {
  test('refused as a bad request (400): the call stays parked and Retrieve again takes it back', async () => {
    const sid = await parkedCall();
    f.sim.faults.serverError({ method: 'POST', path: '/pickup' }, 400);
    await expect(provider.execute({ type: 'retrieve' })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    expect(await provider.execute({ type: 'retrieve' })).toEqual({ callId: sid });
  });

  test('refused for a rate limit too long to wait out: the call stays parked and Retrieve again takes it back', async () => {
    const sid = await parkedCall();
    f.sim.faults.rateLimit({ method: 'POST', path: '/pickup' }, 600);
    await expect(provider.execute({ type: 'retrieve' })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    f.timers.advance(600_000);
    expect(await provider.execute({ type: 'retrieve' })).toEqual({ callId: sid });
  });

  test('refused as not found: the call has left the orbit and is forgotten', async () => {
    await parkedCall();
    f.sim.faults.serverError({ method: 'POST', path: '/pickup' }, 404);
    await expect(provider.execute({ type: 'retrieve' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(provider.execute({ type: 'retrieve' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No call parked from Switchboard is waiting.',
    });
  });
});
