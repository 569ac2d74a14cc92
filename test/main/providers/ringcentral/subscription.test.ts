/**
 * Live call events over the simulated RingCentral WebSocket gateway: the subscription handshake, events
 * applied once and in order per party, heartbeats after silence, recovery with wsc (missed events
 * replayed once), failed recovery (fresh subscription + "need full read"), and the gateway's idle
 * timeout. Time is the hand-driven clock; only socket I/O is real.
 */
import { afterEach, describe, expect, test } from 'vitest';
import {
  type SubscriptionEvents,
  type TelephonySubscription,
  createTelephonySubscription,
} from '../../../../src/main/providers/ringcentral/subscription';
import type { RingCentralSimulatorOptions } from '../../../../src/main/simulator/ringcentral';
import { type RcFixture, startRcFixture } from './rc-fixture';
import { eventually } from '../../../support/eventually';

type Seen = { [K in keyof SubscriptionEvents]: { type: K; payload: SubscriptionEvents[K] } }[keyof SubscriptionEvents];

let f: RcFixture | undefined;
let subscription: TelephonySubscription | undefined;
afterEach(async () => {
  subscription?.stop();
  subscription = undefined;
  await f?.close();
  f = undefined;
});

async function live(options: { sim?: RingCentralSimulatorOptions; heartbeatAfterMs?: number } = {}) {
  f = await startRcFixture({ sim: options.sim });
  const fx = f;
  const seen: Seen[] = [];
  const sub = createTelephonySubscription({
    wsToken: (signal) => fx.client.wsToken({ signal }),
    timers: fx.timers,
    heartbeatAfterMs: options.heartbeatAfterMs,
  });
  subscription = sub;
  for (const type of ['sessionChanged', 'connected', 'disconnected', 'reconnected', 'needFullRead', 'failed'] as const) {
    sub.on(type, (payload) => seen.push({ type, payload } as Seen));
  }
  sub.start();
  await eventually(() => expect(seen.map((s) => s.type)).toContain('connected'));
  const changes = () =>
    seen.flatMap((s) => (s.type === 'sessionChanged' ? s.payload.parties.map((p) => `${s.payload.sequence}:${p.status.code}`) : []));
  const types = () => seen.map((s) => s.type);
  return { fx, sub, seen, changes, types };
}

describe('handshake and events', () => {
  test('ConnectionDetails first, then one subscription to the user’s telephony sessions; nothing sent before it', async () => {
    const { fx } = await live();
    expect(fx.sim.sentFrames[0]?.[0]).toMatchObject({ type: 'ConnectionDetails' });
    const reply = fx.sim.sentFrames[1];
    expect(reply?.[0]).toMatchObject({ type: 'ClientRequest', status: 200 });
    expect(reply?.[1]).toMatchObject({ eventFilters: ['/restapi/v1.0/account/~/extension/~/telephony/sessions'], status: 'Active' });
  });

  test('a ringing call, answered on the desk phone, then ended: each state arrives once, in order', async () => {
    const { fx, changes } = await live();
    const sid = fx.sim.scenario.ringUser({ from: { phoneNumber: '+15550100', name: 'Ada' } });
    fx.sim.scenario.answerOnDevice(sid);
    fx.sim.scenario.remoteHangsUp(sid);
    await eventually(() => expect(changes()).toEqual(['1:Proceeding', '2:Answered', '3:Disconnected']));
  });
});

describe('heartbeats', () => {
  test('after 30 s of silence a Heartbeat goes out and the gateway’s echo keeps the connection', async () => {
    const { fx, sub } = await live();
    const before = fx.sim.sentFrames.length;
    fx.timers.advance(30_000);
    await eventually(() => expect(fx.sim.sentFrames.slice(before).map((fr) => fr[0].type)).toEqual(['Heartbeat']));
    fx.timers.advance(10_000);
    expect(sub.live).toBe(true);
    expect(fx.sim.openSockets()).toBe(1);
  });

  test('an unanswered Heartbeat counts the socket as dead and the client reconnects, recovering with wsc', async () => {
    const { fx, sub, seen } = await live();
    // Both steps run before any socket I/O can happen, so the gateway's echo cannot arrive in between.
    fx.timers.advance(30_000);
    expect(sub.live).toBe(true);
    fx.timers.advance(10_000);
    expect(sub.live).toBe(false);
    fx.timers.advance(0);
    await eventually(() => expect(seen.map((s) => s.type)).toContain('reconnected'));
    expect(seen.find((s) => s.type === 'reconnected')?.payload).toMatchObject({ recovered: true });
    const wsTokens = fx.sim.requests.filter((r) => r.path === '/restapi/oauth/wstoken');
    expect(wsTokens).toHaveLength(2);
  });
});

describe('recovery', () => {
  test('after a dropped socket the client reconnects with wsc and the missed events are replayed and applied once', async () => {
    const { fx, seen, changes } = await live();
    const sid = fx.sim.scenario.ringUser({ from: { phoneNumber: '+15550100' } });
    await eventually(() => expect(changes()).toEqual(['1:Proceeding']));
    fx.sim.faults.dropSockets();
    await eventually(() => expect(subscription?.live).toBe(false));
    fx.sim.scenario.answerOnDevice(sid);
    fx.sim.scenario.remoteHangsUp(sid);
    fx.timers.advance(1_000);
    await eventually(() => expect(changes()).toEqual(['1:Proceeding', '2:Answered', '3:Disconnected']));
    expect(seen.find((s) => s.type === 'reconnected')?.payload).toMatchObject({ recovered: true });
    expect(seen.find((s) => s.type === 'disconnected')?.payload).toEqual({ retryInMs: 1_000 });
    expect(seen.some((s) => s.type === 'needFullRead')).toBe(false);
  });

  test('when the gateway refuses recovery the client subscribes again and asks for a full read', async () => {
    const { fx, seen, types } = await live();
    fx.sim.faults.refuseNextRecovery();
    fx.sim.faults.dropSockets();
    await eventually(() => expect(subscription?.live).toBe(false));
    fx.timers.advance(1_000);
    await eventually(() => expect(types()).toContain('needFullRead'));
    expect(seen.find((s) => s.type === 'reconnected')?.payload).toMatchObject({ recovered: false });
    expect(seen.find((s) => s.type === 'needFullRead')?.payload).toEqual({ reason: 'recoveryFailed' });
    expect(subscription?.live).toBe(true);
    // Subscribed afresh on the same socket: a new subscription reply after the failed ConnectionDetails.
    const lastDetails = fx.sim.sentFrames.map((fr) => fr[0].type).lastIndexOf('ConnectionDetails');
    expect(fx.sim.sentFrames[lastDetails]?.[1]).toMatchObject({ recoveryState: 'Failed' });
    expect(fx.sim.sentFrames[lastDetails + 1]?.[0]).toMatchObject({ type: 'ClientRequest', status: 200 });
  });

  test('a reconnect after the recovery window does not try wsc: fresh subscription and a full read', async () => {
    const { fx, seen, types } = await live({ sim: { recoveryTimeoutSec: 1 } });
    fx.sim.faults.dropSockets();
    await eventually(() => expect(subscription?.live).toBe(false));
    // The wstoken endpoint is refused once (the network is down), so the next attempt comes after the 1 s window.
    fx.sim.faults.serverError({ path: '/wstoken' }, 503);
    fx.timers.advance(1_000);
    await eventually(() => expect(types()).toContain('failed'));
    expect(seen.find((s) => s.type === 'failed')?.payload).toMatchObject({ retryInMs: 2_000, error: { code: 'UNAVAILABLE' } });
    fx.timers.advance(2_000);
    await eventually(() => expect(types()).toContain('needFullRead'));
    expect(seen.find((s) => s.type === 'needFullRead')?.payload).toEqual({ reason: 'recoveryExpired' });
    expect(fx.sim.requests.filter((r) => r.path === '/restapi/oauth/wstoken')).toHaveLength(3);
    expect(fx.sim.requests.length).toBeGreaterThan(0);
  });
});

describe('gateway timeouts', () => {
  test('an idle timeout (WSG-902) ends the connection and the client comes straight back, recovering', async () => {
    const { fx, seen, types, sub } = await live({ sim: { idleTimeoutSec: 60 }, heartbeatAfterMs: 600_000 });
    fx.timers.advance(60_000);
    await eventually(() => expect(sub.live).toBe(false));
    fx.timers.advance(0);
    await eventually(() => expect(types()).toContain('reconnected'));
    expect(fx.sim.sentFrames.some((fr) => fr[0].type === 'Error' && (fr[1] as { errorCode?: string }).errorCode === 'WSG-902')).toBe(true);
    expect(seen.find((s) => s.type === 'reconnected')?.payload).toMatchObject({ recovered: true });
  });

  test('an absolute timeout (WSG-903) does the same', async () => {
    const { fx, types, sub } = await live({ sim: { absoluteTimeoutSec: 90 }, heartbeatAfterMs: 600_000 });
    fx.timers.advance(90_000);
    await eventually(() => expect(sub.live).toBe(false));
    fx.timers.advance(0);
    await eventually(() => expect(types()).toContain('reconnected'));
    expect(fx.sim.sentFrames.some((fr) => (fr[1] as { errorCode?: string } | undefined)?.errorCode === 'WSG-903')).toBe(true);
  });
});

test('a signed-out user (wstoken refused with 401) stops the subscription with a failure and no retry', async () => {
  f = await startRcFixture();
  const fx = f;
  fx.sim.faults.expireTokens();
  const failures: SubscriptionEvents['failed'][] = [];
  subscription = createTelephonySubscription({ wsToken: (signal) => fx.client.wsToken({ signal }), timers: fx.timers });
  subscription.on('failed', (payload) => failures.push(payload));
  subscription.start();
  await eventually(() => expect(failures).toHaveLength(1));
  expect(failures[0]?.error.code).toBe('AUTH');
  expect(failures[0]?.retryInMs).toBeUndefined();
  expect(fx.timers.size).toBe(0);
});

test('a socket the gateway refuses (bad ws token) is reported as failed and tried again after the backoff', async () => {
  f = await startRcFixture();
  const fx = f;
  let first = true;
  const failures: SubscriptionEvents['failed'][] = [];
  subscription = createTelephonySubscription({
    wsToken: async (signal) => {
      const token = await fx.client.wsToken({ signal });
      if (!first) return token;
      first = false;
      return { ...token, ws_access_token: 'not-a-token' };
    },
    timers: fx.timers,
  });
  subscription.on('failed', (payload) => failures.push(payload));
  const connected = new Promise((resolve) => subscription?.on('connected', resolve));
  subscription.start();
  await eventually(() => expect(failures).toHaveLength(1));
  expect(failures[0]).toMatchObject({ error: { code: 'NETWORK' }, retryInMs: 1_000 });
  fx.timers.advance(1_000);
  await connected;
  expect(subscription.live).toBe(true);
});

test('stop and start again begins afresh: a new connected event, no recovery of the old session', async () => {
  const { fx, sub, types } = await live();
  sub.stop();
  await eventually(() => expect(fx.sim.openSockets()).toBe(0));
  sub.start();
  await eventually(() => expect(types().filter((t) => t === 'connected')).toHaveLength(2));
  expect(types()).not.toContain('reconnected');
  const details = fx.sim.sentFrames.filter((fr) => fr[0].type === 'ConnectionDetails');
  expect(details.at(-1)?.[1]).not.toHaveProperty('recoveryState');
});
