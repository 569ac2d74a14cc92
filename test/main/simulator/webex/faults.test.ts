import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebexSimulator } from '../../../../src/main/simulator/webex';
import { api, command, connectedIncomingCall, getCall, listCalls, startSim } from './sim-test-kit';

let sim: WebexSimulator;
beforeEach(async () => {
  sim = await startSim();
});
afterEach(async () => {
  await sim.close();
});

describe('failNext', () => {
  it('answers 429 with Retry-After without applying the command, then behaves again', async () => {
    const callId = await connectedIncomingCall(sim);
    sim.faults.failNext({ path: '/telephony/calls/hold', status: 429, retryAfterSeconds: 3 });
    const limited = await command(sim, 'hold', { callId });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect((limited.body as { trackingId: string }).trackingId).toMatch(/^ROUTER_/);
    expect((await getCall(sim, callId)).state).toBe('connected');
    expect((await command(sim, 'hold', { callId })).status).toBe(204);
  });

  it('matches by method and path pattern, and counts', async () => {
    sim.faults.failNext({ method: 'GET', path: /^\/telephony\/calls/, status: 503, count: 2 });
    expect((await command(sim, 'dial', { destination: '1002' })).status).toBe(201);
    expect((await api(sim, 'GET', '/telephony/calls')).status).toBe(503);
    expect((await api(sim, 'GET', '/telephony/calls/history')).status).toBe(503);
    expect((await api(sim, 'GET', '/telephony/calls')).status).toBe(200);
  });

  it('is forgotten by clear()', async () => {
    sim.faults.failNext({ status: 500 });
    sim.faults.clear();
    expect((await api(sim, 'GET', '/telephony/calls')).status).toBe(200);
  });
});

describe('dropNext', () => {
  it('drops the connection without applying the command', async () => {
    const callId = await connectedIncomingCall(sim);
    sim.faults.dropNext({ path: '/telephony/calls/hold' });
    await expect(command(sim, 'hold', { callId })).rejects.toThrow();
    expect((await getCall(sim, callId)).state).toBe('connected');
    expect(sim.requests.find((r) => r.path === '/telephony/calls/hold')?.status).toBe(0);
  });

  it('drops the connection after applying the command when asked', async () => {
    const callId = await connectedIncomingCall(sim);
    sim.faults.dropNext({ path: '/telephony/calls/hold', afterApplying: true });
    await expect(command(sim, 'hold', { callId })).rejects.toThrow();
    expect((await getCall(sim, callId)).state).toBe('held');
  });
});

describe('hangNext', () => {
  it('never answers, keeps the socket open, and leaves the state untouched', async () => {
    const callId = await connectedIncomingCall(sim);
    sim.faults.hangNext({ path: '/telephony/calls/hold' });
    const aborted = command(sim, 'hold', { callId });
    // The server answers other requests meanwhile; the hung one stays pending.
    expect((await getCall(sim, callId)).state).toBe('connected');
    let settled = false;
    void aborted.then(
      () => (settled = true),
      () => (settled = true),
    );
    await api(sim, 'GET', '/telephony/calls');
    expect(settled).toBe(false);
    await sim.close();
    await expect(aborted).rejects.toThrow();
  });

  it('applies the command first when asked', async () => {
    const callId = await connectedIncomingCall(sim);
    sim.faults.hangNext({ path: '/telephony/calls/hold', afterApplying: true });
    const controller = new AbortController();
    const pending = fetch(`${sim.baseUrl}/telephony/calls/hold`, {
      method: 'POST',
      headers: { authorization: 'Bearer sim-access-token', 'content-type': 'application/json' },
      body: JSON.stringify({ callId }),
      signal: controller.signal,
    });
    const held = await waitForState(callId, 'held');
    expect(held).toBe(true);
    controller.abort();
    await expect(pending).rejects.toThrow();
  });
});

describe('latency', () => {
  it('delays answers, still applies commands, and can be turned off', async () => {
    const callId = await connectedIncomingCall(sim);
    sim.faults.latency(30);
    const order: string[] = [];
    const slow = command(sim, 'hold', { callId }).then((r) => {
      order.push('hold');
      return r;
    });
    // A timer longer than nothing but shorter than the latency resolves first.
    await new Promise((resolve) => setTimeout(resolve, 5));
    order.push('timer');
    expect((await slow).status).toBe(204);
    expect(order).toEqual(['timer', 'hold']);
    sim.faults.latency(0);
    expect((await listCalls(sim))[0]?.state).toBe('held');
  });
});

/** Polls the state through the in-process handle until it matches (the HTTP request is hung). */
async function waitForState(callId: string, state: string): Promise<boolean> {
  for (let i = 0; i < 200; i += 1) {
    if (sim.listCalls().find((c) => c.id === callId)?.state === state) return true;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return false;
}

describe('journal', () => {
  it('lists every applied command, also when its answer was lost, and no refused or failed one', async () => {
    const callId = await connectedIncomingCall(sim);
    const before = sim.journal.length;
    sim.faults.failNext({ path: '/telephony/calls/hold', status: 503 });
    expect((await command(sim, 'hold', { callId })).status).toBe(503);
    sim.faults.dropNext({ path: '/telephony/calls/hold', afterApplying: true });
    await expect(command(sim, 'hold', { callId })).rejects.toThrow();
    expect((await command(sim, 'hold', { callId })).status).toBe(400);
    await api(sim, 'GET', '/telephony/calls');
    expect(sim.journal.slice(before)).toEqual([
      { seq: before + 1, method: 'POST', path: '/telephony/calls/hold', body: { callId }, status: 204, answer: undefined },
    ]);
  });
});
