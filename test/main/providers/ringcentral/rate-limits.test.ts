/**
 * RingCentral rate limits as a user notices them: after a 429 nothing more is sent until the wait is
 * over (Retry-After, or 30 s without it), then the refused request goes through once; a command that
 * timed out is never sent again. Time is the hand-driven clock (for the timeout too, in its own test).
 */
import { afterEach, expect, test } from 'vitest';
import { ProviderError } from '../../../../src/main/provider-api/provider-error';
import { type RcFixture, startRcFixture } from './rc-fixture';
import { eventually } from '../../../support/eventually';

let f: RcFixture | undefined;

/** A few turns of the event loop: enough for a settled promise's callbacks, far less than any real timeout. */
async function turns(n = 20): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
afterEach(async () => {
  await f?.close();
  f = undefined;
});

test('a command refused with 429 waits the Retry-After on the clock, then is sent once more', async () => {
  f = await startRcFixture();
  const fx = f;
  const { sid, pid } = fx.connected();
  fx.sim.faults.rateLimit({ path: '/hold' }, 12);
  const wire = fx.mark();
  const hold = fx.client.hold(sid, pid);
  await eventually(() => expect(fx.timers.size).toBeGreaterThan(0));
  expect(wire.read()).toHaveLength(1);
  fx.timers.advance(11_999);
  expect(wire.read()).toHaveLength(1);
  fx.timers.advance(1);
  expect((await hold).status.code).toBe('Hold');
  expect(wire.read().map((r) => r.path.endsWith('/hold'))).toEqual([true, true]);
});

test('without Retry-After the client waits 30 s, and other requests of the same group wait too', async () => {
  f = await startRcFixture();
  const fx = f;
  const { sid, pid } = fx.connected();
  fx.sim.faults.rateLimit({ path: '/hold' }, null);
  const wire = fx.mark();
  const hold = fx.client.hold(sid, pid);
  await eventually(() => expect(fx.timers.size).toBeGreaterThan(0));
  // A read in the same (Light) group is held back as well: RingCentral restarts the penalty on any request.
  const read = fx.client.party(sid, pid);
  await eventually(() => expect(fx.timers.size).toBe(2));
  fx.timers.advance(29_000);
  expect(wire.read()).toHaveLength(1);
  fx.timers.advance(1_000);
  await hold;
  await read;
  expect(wire.read()).toHaveLength(3);
});

test('a Heavy-group 429 does not hold back Light requests', async () => {
  f = await startRcFixture();
  const fx = f;
  fx.sim.faults.rateLimit({ path: '/call-out' }, 60);
  const callOut = fx.client.callOut('800002', { phoneNumber: '+16502223366' });
  await eventually(() => expect(fx.timers.size).toBeGreaterThan(0));
  await expect(fx.client.me()).resolves.toMatchObject({ id: '400200' });
  fx.timers.advance(60_000);
  await expect(callOut).resolves.toMatchObject({ origin: { type: 'CallOut' } });
});

test('the simulator’s own limit: a call-out over the Heavy limit is refused, and the client sends it again only after the penalty', async () => {
  f = await startRcFixture({ sim: { rateLimits: { Heavy: 2 } } });
  const fx = f;
  await fx.client.callOut('800002', { phoneNumber: '+1650000001' });
  await fx.client.callOut('800002', { phoneNumber: '+1650000002' });
  const wire = fx.mark();
  const third = fx.client.callOut('800002', { phoneNumber: '+1650000003' });
  await eventually(() => expect(fx.timers.size).toBeGreaterThan(0));
  fx.timers.advance(60_000);
  await expect(third).resolves.toBeDefined();
  expect(wire.read()).toHaveLength(2);
});

test('a wait longer than the client accepts fails at once with RATE_LIMITED instead of waiting', async () => {
  f = await startRcFixture({ client: { maxRateWaitMs: 5_000 } });
  const fx = f;
  const { sid, pid } = fx.connected();
  fx.sim.faults.rateLimit({ path: '/hold' }, 60);
  const error = await fx.client.hold(sid, pid).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ProviderError);
  expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 60 });
});

test('a hung command times out at exactly its timeout on the clock, as TIMEOUT, and is never sent again', async () => {
  f = await startRcFixture({ client: { commandTimeoutMs: 5_000 }, handTimeouts: true });
  const fx = f;
  const { sid, pid } = fx.connected();
  fx.sim.faults.slow({ path: '/hold' }, 60_000);
  const arrived = fx.sim.nextRequest({ path: '/hold' });
  let settled = false;
  const hold = fx.client.hold(sid, pid).then(
    (value) => value,
    (error: unknown) => error,
  );
  void hold.finally(() => (settled = true));
  await arrived;
  fx.timers.advance(4_999);
  await turns();
  expect(settled).toBe(false);
  fx.timers.advance(1);
  // At once, on the clock: not after 5 s of real time.
  await turns();
  expect(settled).toBe(true);
  expect(await hold).toMatchObject({ code: 'TIMEOUT' });
  // The slow answer finally comes; still exactly one hold reached RingCentral, and it was applied.
  fx.timers.advance(60_000);
  expect(fx.sim.requests.filter((r) => r.path.endsWith('/hold'))).toHaveLength(1);
  expect(fx.sim.session(sid)?.parties.find((p) => p.id === pid)?.status.code).toBe('Hold');
});
