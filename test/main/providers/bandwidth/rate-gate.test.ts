import { afterEach, describe, expect, it } from 'vitest';
import { type Rig, drive, startRig } from './client-kit';

const CALLER = '+14045550123';
let rig: Rig;

afterEach(async () => {
  await rig?.sim.close();
});

/** Tracks a promise's outcome without awaiting it. */
function track<T>(promise: Promise<T>): { done: () => boolean; result: () => { ok: boolean; value?: T; error?: unknown } } {
  let outcome: { ok: boolean; value?: T; error?: unknown } | undefined;
  promise.then(
    (value) => (outcome = { ok: true, value }),
    (error: unknown) => (outcome = { ok: false, error }),
  );
  return { done: () => outcome !== undefined, result: () => outcome ?? { ok: false, error: new Error('not settled') } };
}

function gaps(times: number[]): number[] {
  return times.slice(1).map((t, i) => t - (times[i] ?? 0));
}

describe('RateGate against Catapult’s limits', () => {
  it('a burst of 20 clicks goes out one per second: no 429, every click applied', async () => {
    rig = await startRig({ sim: { rateLimit: { capacity: 1, intervalMs: 1000 } }, gate: { intervalMs: 1000 } });
    const id = rig.sim.scenario.ringIn({ from: CALLER });
    const answered = track(rig.client.answer(id));
    await drive(rig, answered.done);
    const clicks = Array.from({ length: 20 }, (_, i) => track(rig.client.sendDtmf(id, String(i % 10))));
    await drive(rig, () => clicks.every((c) => c.done()));
    expect(clicks.every((c) => c.result().ok)).toBe(true);
    expect(rig.sim.requests.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    expect(Math.min(...gaps(rig.sim.requests.map((r) => r.at)))).toBeGreaterThanOrEqual(1000);
    expect(rig.sim.dtmfLog()).toHaveLength(20);
  });

  it('with its defaults (the production setting) a burst of clicks and dials meets both limits', async () => {
    rig = await startRig({
      sim: { rateLimit: { capacity: 1, intervalMs: 1000 }, callRateLimit: { count: 10, windowMs: 10_000 } },
      gate: { intervalMs: undefined, callIntervalMs: undefined },
    });
    const from = rig.sim.numbers[0] ?? '';
    const clicks = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0 ? track(rig.client.createCall({ from, to: CALLER })) : track(rig.client.listCalls()),
    );
    await drive(rig, () => clicks.every((c) => c.done()));
    expect(clicks.every((c) => c.result().ok)).toBe(true);
    expect(rig.sim.requests.filter((r) => r.status === 429 || r.status === 403)).toEqual([]);
    expect(rig.sim.calls()).toHaveLength(10);
  });

  it('identical reads waiting in the queue are sent once', async () => {
    rig = await startRig({ sim: { rateLimit: { capacity: 1, intervalMs: 1000 } }, gate: { intervalMs: 1000 } });
    const id = rig.sim.scenario.ringIn({ from: CALLER });
    const first = track(rig.client.answer(id));
    const reads = Array.from({ length: 6 }, () => track(rig.client.listCalls({ to: rig.sim.numbers[0] })));
    await drive(rig, () => first.done() && reads.every((r) => r.done()));
    expect(rig.sim.requests.filter((r) => r.method === 'GET')).toHaveLength(1);
    expect(reads.map((r) => (r.result().value as unknown[]).length)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('after a 429 nothing is sent before X-RateLimit-Reset, and the refused request is replayed then', async () => {
    rig = await startRig({ gate: { intervalMs: 1000 } });
    const start = rig.clock.now();
    rig.sim.faults.failNext({ status: 429, method: 'GET', resetInMs: 7000 });
    const read = track(rig.client.listCalls());
    const command = track(rig.client.createCall({ from: rig.sim.numbers[0] ?? '', to: CALLER }));
    await drive(rig, () => read.done() && command.done());
    expect(read.result().ok).toBe(true);
    expect(command.result().ok).toBe(true);
    const [refused, ...rest] = rig.sim.requests;
    expect(refused).toMatchObject({ status: 429, at: start });
    expect(rest.map((r) => r.status)).toEqual([200, 201]);
    expect(Math.min(...rest.map((r) => r.at))).toBeGreaterThanOrEqual(start + 7000);
  });

  it('a server stricter than the gate: every request after a 429 waits for its reset, and all clicks land', async () => {
    rig = await startRig({ sim: { rateLimit: { capacity: 1, intervalMs: 3000 } }, gate: { intervalMs: 1000 } });
    const id = rig.sim.scenario.ringIn({ from: CALLER });
    const answered = track(rig.client.answer(id));
    await drive(rig, answered.done);
    const clicks = Array.from({ length: 5 }, () => track(rig.client.sendDtmf(id, '5')));
    await drive(rig, () => clicks.every((c) => c.done()));
    expect(clicks.every((c) => c.result().ok)).toBe(true);
    const requests = rig.sim.requests;
    // The server is stricter than the gate, so it does refuse; the reset a 429 announces is 3 s after the
    // last accepted request, and the next request never comes earlier.
    expect(requests.some((r) => r.status === 429)).toBe(true);
    requests.forEach((r, i) => {
      if (r.status !== 429) return;
      const accepted = requests
        .slice(0, i)
        .filter((q) => q.status === 200)
        .at(-1);
      expect(accepted).toBeDefined();
      const next = requests[i + 1];
      if (next) expect(next.at).toBeGreaterThanOrEqual((accepted?.at ?? 0) + 3000);
    });
    expect(requests.filter((r) => r.status === 429).length).toBeLessThanOrEqual(requests.filter((r) => r.status === 200).length);
    expect(rig.sim.dtmfLog()).toHaveLength(5);
  });

  it('call creations are paced, and a 403 call-rate-limit pauses them before the refused call is placed again', async () => {
    rig = await startRig({
      sim: { callRateLimit: { count: 1, windowMs: 10_000 } },
      gate: { intervalMs: 1000, callIntervalMs: 1000, callBackoffMs: 10_000 },
    });
    const from = rig.sim.numbers[0] ?? '';
    const start = rig.clock.now();
    const dials = ['+14045550001', '+14045550002', '+14045550003'].map((to) => track(rig.client.createCall({ from, to })));
    await drive(rig, () => dials.every((d) => d.done()));
    expect(dials.every((d) => d.result().ok)).toBe(true);
    const posts = rig.sim.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.status)).toEqual([201, 403, 201, 403, 201]);
    expect(posts.map((r) => r.at - start)).toEqual([0, 1000, 11_000, 12_000, 22_000]);
    expect(
      rig.sim
        .calls()
        .map((c) => c.to)
        .sort(),
    ).toEqual(['+14045550001', '+14045550002', '+14045550003']);
  });

  it('gives up after its replays with a RATE_LIMITED error in plain words', async () => {
    rig = await startRig({ gate: { intervalMs: 1000, maxReplays: 2 } });
    rig.sim.faults.failNext({ status: 429, count: 3, resetInMs: 2000 });
    const read = track(rig.client.listCalls());
    await drive(rig, read.done);
    expect(read.result().error).toMatchObject({ code: 'RATE_LIMITED', retryable: true, message: expect.stringContaining('slow down') });
    expect(rig.sim.requests).toHaveLength(3);
  });

  it('a click cancelled while it waits in the queue is never sent', async () => {
    rig = await startRig({ gate: { intervalMs: 1000 } });
    const id = rig.sim.scenario.ringIn({ from: CALLER });
    const cancel = new AbortController();
    const first = track(rig.client.answer(id));
    const second = track(rig.client.sendDtmf(id, '1', cancel.signal));
    cancel.abort();
    await drive(rig, () => first.done() && second.done());
    expect(second.result().error).toMatchObject({ code: 'NETWORK', message: 'The request was cancelled.' });
    expect(rig.sim.requests.map((r) => r.path)).toEqual([`/users/${rig.sim.userId}/calls/${id}`]);
  });

  it('refuses at once when too many operations are already waiting', async () => {
    rig = await startRig({ gate: { intervalMs: 1000, maxQueue: 2 } });
    const id = rig.sim.scenario.ringIn({ from: CALLER });
    const waiting = [track(rig.client.getCall(id)), track(rig.client.sendDtmf(id, '1'))];
    await expect(rig.client.hangUp(id)).rejects.toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('Too many') });
    await drive(rig, () => waiting.every((w) => w.done()));
  });
});
