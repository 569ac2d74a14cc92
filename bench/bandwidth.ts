/**
 * Bandwidth figures, on fake time: the core polling at the pace the registry gives Bandwidth, the
 * provider, its client and RateGate, against the Catapult simulator enforcing Catapult's limits (1
 * request a second, 429 with X-RateLimit-Reset), all on one manual clock — real loopback HTTP, but
 * no real waiting. Prints ring → core call list p50/p95, requests per minute idle and while a call
 * rings, and the 429s drawn in a 10-minute simulated busy hour (goal 0).
 */
import { DEFAULT_POLL_INTERVALS, type PollIntervals } from '../src/main/core/feed-intervals';
import { createSwitchboardCore, type SwitchboardCore } from '../src/main/core/switchboard-core';
import { createBandwidthBackend } from '../src/main/providers/bandwidth/assemble';
import { providerEntry } from '../src/main/runtime/provider-registry';
import { type BandwidthSimulator, startBandwidthSimulator } from '../src/main/simulator/bandwidth/index';
import type { CallCommand } from '../src/shared/contract';
import { HandTimers } from '../test/support/hand-timers';
import { summary } from './stats';

function bandwidthPace(): PollIntervals {
  const entry = providerEntry('bandwidth');
  if (!entry.ok) throw new Error(entry.error.message);
  return { ...DEFAULT_POLL_INTERVALS, ...entry.value.pollIntervals };
}

interface Chain {
  clock: HandTimers;
  sim: BandwidthSimulator;
  core: SwitchboardCore;
}

async function withChain<T>(run: (chain: Chain) => Promise<T>): Promise<T> {
  const clock = new HandTimers();
  const sim = await startBandwidthSimulator({ timers: clock, rateLimit: { capacity: 1, intervalMs: 1000 }, farEndAnswerMs: 3000 });
  const backend = createBandwidthBackend({
    credentials: { userId: sim.userId, apiToken: sim.apiToken, apiSecret: sim.apiSecret },
    number: sim.numbers[0] ?? '',
    baseUrl: sim.baseUrl,
    timers: clock,
  });
  const core = createSwitchboardCore({ provider: backend.provider, intervals: bandwidthPace(), timers: clock });
  const chain = { clock, sim, core };
  const started = core.start();
  await advance(chain, 2_000);
  await started;
  try {
    return await run(chain);
  } finally {
    core.stop();
    await sim.close();
  }
}

async function io(turns = 30): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Fake time moves in 50 ms steps; loopback I/O runs between steps. */
async function advance({ clock }: Chain, ms: number, stepMs = 50): Promise<void> {
  for (let t = 0; t < ms; t += stepMs) {
    clock.advance(stepMs);
    await io();
  }
}

async function ringToCallList(rounds: number): Promise<number[]> {
  return withChain(async (chain) => {
    const samples: number[] = [];
    for (let i = 0; i < rounds; i++) {
      // A random phase against the poll timer, as real calls arrive.
      await advance(chain, Math.round((Math.random() * bandwidthPace().idleMs) / 50) * 50);
      const t0 = chain.clock.now();
      const id = chain.sim.scenario.ringIn({ from: `+1404555${String(1000 + i)}` });
      while (!chain.core.calls().some((c) => c.id === id)) await advance(chain, 50);
      samples.push(chain.clock.now() - t0);
      chain.sim.scenario.farEndHangsUp(id);
      while (chain.core.calls().some((c) => c.id === id)) await advance(chain, 50);
    }
    return samples;
  });
}

async function requestsPerMinute(minutes: number, ringing: boolean): Promise<number> {
  return withChain(async (chain) => {
    if (ringing) chain.sim.scenario.ringIn({ from: '+14045550999' });
    await advance(chain, 2_000);
    const from = chain.clock.now();
    await advance(chain, minutes * 60_000, 100);
    return chain.sim.requests.filter((r) => r.at >= from).length / minutes;
  });
}

/**
 * Ten simulated minutes of a busy desk: a call every 20–40 s, each answered, then a burst of clicks
 * (keypad tones, record on and off, speak, collect digits), the caller keying digits, and a hang-up.
 */
async function busyHour(): Promise<{ requests: number; refused429: number; clicks: number; failed: number }> {
  return withChain(async (chain) => {
    const { sim, core, clock } = chain;
    const end = clock.now() + 10 * 60_000;
    let clicks = 0;
    let failed = 0;
    const click = (command: CallCommand): void => {
      clicks += 1;
      void core.command(command).then((r) => {
        if (!r.ok) {
          failed += 1;
          if (process.env.BENCH_DEBUG) console.log(command.type, r.error.message);
        }
      });
    };
    const from = clock.now();
    let n = 0;
    while (clock.now() < end) {
      const id = sim.scenario.ringIn({ from: `+1404555${String(2000 + n++)}` });
      while (!core.calls().some((c) => c.id === id && c.actions.includes('answer')) && clock.now() < end) await advance(chain, 50);
      click({ type: 'answer', callId: id });
      while (!core.calls().some((c) => c.id === id && c.state === 'connected') && clock.now() < end) await advance(chain, 50);
      for (const digits of ['1', '2', '3', '4']) click({ type: 'dtmf', callId: id, digits });
      click({ type: 'startRecording', callId: id });
      click({ type: 'speak', callId: id, sentence: 'One moment please.' });
      await advance(chain, 6_000);
      click({ type: 'gather', callId: id, maxDigits: 4 });
      // As a person does: Stop recording once the card offers it.
      while (!core.calls().some((c) => c.id === id && c.actions.includes('stopRecording')) && clock.now() < end) await advance(chain, 50);
      click({ type: 'stopRecording', callId: id });
      await advance(chain, 6_000);
      sim.scenario.pressDigits(id, '4711');
      await advance(chain, 4_000 + Math.random() * 10_000);
      if (core.calls().some((c) => c.id === id && c.actions.includes('hangup'))) click({ type: 'hangup', callId: id });
      await advance(chain, 3_000 + Math.random() * 10_000);
    }
    await advance(chain, 15_000);
    const window = sim.requests.filter((r) => r.at >= from);
    return { requests: window.length, refused429: window.filter((r) => r.status === 429).length, clicks, failed };
  });
}

export async function runBandwidthBenchmarks(): Promise<void> {
  const pace = bandwidthPace();
  console.log('');
  console.log(
    `Bandwidth (Catapult simulator at 1 request/s, fake time; intervals: fast ${pace.fastMs} ms, normal ${pace.normalMs} ms, idle ${pace.idleMs} ms):`,
  );
  console.log(`  simulator ring → core call list, default pace:     ${summary(await ringToCallList(50))}`);
  console.log(`  requests per minute to Bandwidth, idle:            ${(await requestsPerMinute(10, false)).toFixed(0)}`);
  console.log(`  requests per minute to Bandwidth, while ringing:   ${(await requestsPerMinute(1, true)).toFixed(0)}`);
  const busy = await busyHour();
  console.log(
    `  busy hour (10 simulated minutes): ${busy.requests} requests, ${busy.clicks} clicks (${busy.failed} refused), 429s: ${busy.refused429}`,
  );
}
