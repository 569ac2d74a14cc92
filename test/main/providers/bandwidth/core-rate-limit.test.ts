/**
 * The whole chain as the app runs it — the core polling at the pace the registry gives Bandwidth, the
 * provider, its client and RateGate — against the simulator enforcing Catapult's limits (1 request a
 * second, 429 with X-RateLimit-Reset), all on one manual clock: a burst of clicks while a call rings
 * and polling goes on never draws a 429, and a 429 is honoured to the millisecond.
 */
import { describe, expect, it } from 'vitest';
import { createSwitchboardCore, type SwitchboardCore } from '../../../../src/main/core/switchboard-core';
import { createBandwidthBackend } from '../../../../src/main/providers/bandwidth/assemble';
import { providerEntry } from '../../../../src/main/runtime/provider-registry';
import { type BandwidthSimulator, startBandwidthSimulator } from '../../../../src/main/simulator/bandwidth/index';
import type { Result } from '../../../../src/shared/result';
import { HandTimers } from '../../../support/hand-timers';
import { closeAfterEach } from '../../../support/close-after-each';

const CALLER = '+14045550123';
const started = closeAfterEach();

function bandwidthPace() {
  const entry = providerEntry('bandwidth');
  if (!entry.ok) throw new Error(entry.error.message);
  return entry.value.pollIntervals;
}

async function startChain(clock: HandTimers): Promise<{ sim: BandwidthSimulator; core: SwitchboardCore }> {
  const sim = started(await startBandwidthSimulator({ timers: clock, rateLimit: { capacity: 1, intervalMs: 1000 } }));
  const backend = createBandwidthBackend({
    credentials: { userId: sim.userId, apiToken: sim.apiToken, apiSecret: sim.apiSecret },
    number: sim.numbers[0] ?? '',
    baseUrl: sim.baseUrl,
    timers: clock,
  });
  const core = started(createSwitchboardCore({ provider: backend.provider, intervals: bandwidthPace(), timers: clock }));
  return { sim, core };
}

/** Lets loopback I/O run (real sockets) without moving the clock. */
async function io(turns = 40): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Moves the clock in small steps for `ms`, letting I/O run between them. */
async function run(clock: HandTimers, ms: number, stepMs = 50): Promise<void> {
  for (let t = 0; t < ms; t += stepMs) {
    clock.advance(stepMs);
    await io();
  }
}

function gaps(times: number[]): number[] {
  return times.slice(1).map((t, i) => t - (times[i] ?? 0));
}

describe('Bandwidth through the core, within Catapult’s rate limit', () => {
  it('a ringing call and a burst of 15 clicks while polling goes on: no 429, every click applied, ≥ 1 s between requests', async () => {
    const clock = new HandTimers();
    const chain = await startChain(clock);
    const started = chain.core.start();
    await run(clock, 2_000);
    await started;
    const id = chain.sim.scenario.ringIn({ from: CALLER });
    await run(clock, 3_000);
    expect(chain.core.calls()).toEqual([expect.objectContaining({ id, state: 'alerting' })]);

    const answer = chain.core.command({ type: 'answer', callId: id });
    await run(clock, 3_000);
    expect((await answer).ok).toBe(true);
    const results: Result<unknown>[] = [];
    const clicks = Array.from({ length: 15 }, (_, i) =>
      chain.core.command({ type: 'dtmf', callId: id, digits: String(i % 10) }).then((r) => results.push(r)),
    );
    await run(clock, 30_000);
    await Promise.all(clicks);

    expect(results.every((r) => r.ok)).toBe(true);
    expect(chain.sim.dtmfLog()).toHaveLength(15);
    expect(chain.sim.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(Math.min(...gaps(chain.sim.requests.map((r) => r.at)))).toBeGreaterThanOrEqual(1000);
    // Polling went on meanwhile (the call list stayed fresh).
    expect(chain.sim.requests.filter((r) => r.method === 'GET').length).toBeGreaterThan(5);
  });

  it('after a 429 nothing is sent before X-RateLimit-Reset, and the call list is read again then', async () => {
    const clock = new HandTimers();
    const chain = await startChain(clock);
    const started = chain.core.start();
    await run(clock, 2_000);
    await started;
    chain.sim.faults.failNext({ method: 'GET', path: /\/calls$/, status: 429, resetInMs: 7_000 });
    await run(clock, 4_000);
    const refused = chain.sim.requests.find((r) => r.status === 429);
    expect(refused).toBeDefined();
    const id = chain.sim.scenario.ringIn({ from: CALLER });
    await run(clock, 10_000);
    const after = chain.sim.requests.filter((r) => r.at > (refused?.at ?? 0));
    expect(after.length).toBeGreaterThan(0);
    expect(Math.min(...after.map((r) => r.at))).toBeGreaterThanOrEqual((refused?.at ?? 0) + 7_000);
    expect(chain.core.calls()).toEqual([expect.objectContaining({ id, state: 'alerting' })]);
  });

  it('polls at a pace that suits one request a second: every 3 s idle, every 1.5 s while a call rings', async () => {
    const clock = new HandTimers();
    const chain = await startChain(clock);
    const started = chain.core.start();
    await run(clock, 2_000);
    await started;
    const idleFrom = clock.now();
    await run(clock, 60_000, 100);
    const idle = chain.sim.requests.filter((r) => r.at >= idleFrom).length;
    chain.sim.scenario.ringIn({ from: CALLER });
    await run(clock, 1_600, 100);
    const ringFrom = clock.now();
    await run(clock, 30_000, 100);
    const ringing = chain.sim.requests.filter((r) => r.at >= ringFrom).length * 2;
    expect(idle).toBeGreaterThanOrEqual(19);
    expect(idle).toBeLessThanOrEqual(21);
    expect(ringing).toBeGreaterThanOrEqual(38);
    expect(ringing).toBeLessThanOrEqual(42);
  });
});
