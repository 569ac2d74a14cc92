/**
 * Benchmarks of the event path, all over real loopback HTTP against the Webex simulator:
 * - how long from a change in the simulator (a call starts ringing) to the core's diff showing it,
 *   at the default polling intervals and at a fast override;
 * - how many requests a minute Switchboard sends to Webex while idle and while a call rings.
 */
import { DEFAULT_POLL_INTERVALS, type PollIntervals } from '../src/main/core/feed-intervals';
import { createSwitchboardCore } from '../src/main/core/switchboard-core';
import { staticTokenSource } from '../src/main/provider-api/token-source';
import { createWebexProvider } from '../src/main/providers/webex';
import { startWebexSimulator, type WebexSimulator } from '../src/main/simulator/webex';
import { summary } from './stats';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withCore<T>(
  intervals: Partial<PollIntervals>,
  run: (sim: WebexSimulator, core: ReturnType<typeof createSwitchboardCore>) => Promise<T>,
): Promise<T> {
  const sim = await startWebexSimulator({ farEndAnswerMs: null });
  const provider = createWebexProvider({ baseUrl: sim.baseUrl, tokens: staticTokenSource(sim.token, 'Webex') });
  const core = createSwitchboardCore({ provider, intervals });
  await core.start();
  try {
    return await run(sim, core);
  } finally {
    core.stop();
    await sim.close();
  }
}

/** Ring, wait for the diff that adds the call, hang up, wait for it to go; repeat at random phases. */
async function ringToDiff(intervals: Partial<PollIntervals>, rounds: number): Promise<number[]> {
  return withCore(intervals, async (sim, core) => {
    const samples: number[] = [];
    for (let i = 0; i < rounds; i++) {
      // A random phase against the poll timer, as real calls arrive.
      await sleep(Math.random() * (intervals.idleMs ?? DEFAULT_POLL_INTERVALS.idleMs));
      const seen = new Promise<number>((resolve) => {
        const off = core.on('diff', (diff) => {
          if (diff.added.some((c) => c.state === 'alerting')) {
            off();
            resolve(performance.now());
          }
        });
      });
      const t0 = performance.now();
      const id = sim.scenario.ringUser({ from: { name: `Caller ${i}`, number: `+1555010${String(i).padStart(4, '0')}` } });
      samples.push((await seen) - t0);
      const gone = new Promise<void>((resolve) => {
        const off = core.on('diff', (diff) => {
          if (diff.removed.some((c) => c.id === id)) {
            off();
            resolve();
          }
        });
      });
      sim.scenario.remoteHangsUp(id);
      await gone;
    }
    return samples;
  });
}

async function requestsPerMinute(seconds: number, ringing: boolean): Promise<number> {
  return withCore({}, async (sim) => {
    if (ringing) sim.scenario.ringUser({ from: { name: 'Ringing caller', number: '+15550100999' } });
    await sleep(500); // settle into the steady state
    const before = sim.requests.length;
    await sleep(seconds * 1000);
    return ((sim.requests.length - before) * 60) / seconds;
  });
}

export async function runEventBenchmarks(): Promise<void> {
  const d = DEFAULT_POLL_INTERVALS;
  console.log(`Default intervals: fast ${d.fastMs} ms (ringing/pending), normal ${d.normalMs} ms (in a call), idle ${d.idleMs} ms`);
  console.log(`simulator ring → core diff, default polling:        ${summary(await ringToDiff({}, 30))}`);
  const fast = { fastMs: 250, normalMs: 250, idleMs: 250 };
  console.log(`simulator ring → core diff, fast polling (250 ms):  ${summary(await ringToDiff(fast, 60))}`);
  console.log(`requests per minute to Webex, idle:                 ${(await requestsPerMinute(20, false)).toFixed(0)}`);
  console.log(`requests per minute to Webex, while a call rings:   ${(await requestsPerMinute(10, true)).toFixed(0)}`);
}
