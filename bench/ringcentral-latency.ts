/**
 * RingCentral's event path, over real loopback HTTP and WebSocket against the RingCentral simulator,
 * through the real provider (push channel) and core, printed beside the Webex figures:
 * - ring → the core's call list (the diff adding the alerting call) over push;
 * - REST requests a minute while idle (push needs none), and while polling with a call ringing when
 *   push is unavailable (paced under RingCentral's Light limit);
 * - from a dropped socket to a call that rang meanwhile showing in the call list (the subscription
 *   waits 1 s before its first reconnect, then the gateway replays what was missed).
 */
import { createSwitchboardCore } from '../src/main/core/switchboard-core';
import { staticTokenSource } from '../src/main/provider-api/token-source';
import { createRingCentralProvider } from '../src/main/providers/ringcentral';
import { startRingCentralSimulator, type RingCentralSimulator } from '../src/main/simulator/ringcentral';
import { summary } from './stats';

const TOKEN = 'rc-bench-token';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Core = ReturnType<typeof createSwitchboardCore>;

async function withLiveCore<T>(
  run: (sim: RingCentralSimulator, core: Core) => Promise<T>,
  options: { pushDenied?: boolean } = {},
): Promise<T> {
  const sim = await startRingCentralSimulator({ token: TOKEN, rateLimits: { Light: 10_000, Medium: 10_000, Heavy: 10_000, Auth: 10_000 } });
  if (options.pushDenied) sim.faults.denyWebSockets(true);
  const { provider } = createRingCentralProvider({ server: sim.baseUrl, tokens: staticTokenSource(TOKEN, 'RingCentral') });
  const core = createSwitchboardCore({ provider, providerName: 'RingCentral' });
  await core.start();
  for (let i = 0; i < 200 && core.status().health !== (options.pushDenied ? 'polling' : 'live'); i++) await sleep(10);
  try {
    return await run(sim, core);
  } finally {
    core.stop();
    await sim.close();
  }
}

/** Resolves with the time the core's diff adds the call ringing from `id` (set after ringing). */
function whenRinging(core: Core, name: string): Promise<number> {
  return new Promise<number>((resolve) => {
    const off = core.on('diff', (diff) => {
      if (diff.added.some((c) => c.state === 'alerting' && c.remote.name === name)) {
        off();
        resolve(performance.now());
      }
    });
  });
}

function whenGone(core: Core, id: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const off = core.on('diff', (diff) => {
      if (diff.removed.some((c) => c.id === id)) {
        off();
        resolve();
      }
    });
  });
}

async function ringToCallList(rounds: number): Promise<number[]> {
  return withLiveCore(async (sim, core) => {
    const samples: number[] = [];
    for (let i = 0; i < rounds; i++) {
      await sleep(Math.random() * 20);
      const name = `Caller ${i}`;
      const seen = whenRinging(core, name);
      const t0 = performance.now();
      const id = sim.scenario.ringUser({ from: { phoneNumber: `+1555010${String(i).padStart(4, '0')}`, name } });
      samples.push((await seen) - t0);
      const gone = whenGone(core, id);
      sim.scenario.remoteHangsUp(id);
      await gone;
    }
    return samples;
  });
}

async function restRequestsPerMinute(seconds: number, options: { pushDenied?: boolean; ringing?: boolean } = {}): Promise<number> {
  return withLiveCore(async (sim) => {
    if (options.ringing) sim.scenario.ringUser({ from: { phoneNumber: '+15550100999', name: 'Ringing caller' } });
    await sleep(500);
    const rest = () => sim.requests.filter((r) => r.path.startsWith('/restapi/v1.0/')).length;
    const before = rest();
    await sleep(seconds * 1000);
    return ((rest() - before) * 60) / seconds;
  }, options);
}

async function dropToMissedCall(rounds: number): Promise<number[]> {
  return withLiveCore(async (sim, core) => {
    const samples: number[] = [];
    for (let i = 0; i < rounds; i++) {
      // Let the previous round's reconnect and full read settle.
      await sleep(1_500);
      for (let w = 0; w < 500 && (core.status().health !== 'live' || sim.openSockets() === 0); w++) await sleep(10);
      const name = `Dropped ${i}`;
      const seen = whenRinging(core, name);
      const t0 = performance.now();
      sim.faults.dropSockets();
      const id = sim.scenario.ringUser({ from: { phoneNumber: '+15550100999', name } });
      samples.push((await seen) - t0);
      const gone = whenGone(core, id);
      sim.scenario.remoteHangsUp(id);
      await gone;
    }
    return samples;
  });
}

export async function runRingCentralBenchmarks(): Promise<void> {
  console.log('');
  console.log('RingCentral (live over the WebSocket subscription, loopback simulator):');
  console.log(`simulator ring → core call list, push:              ${summary(await ringToCallList(100))}`);
  console.log(`REST requests per minute to RingCentral, idle:      ${(await restRequestsPerMinute(20)).toFixed(0)}`);
  console.log(
    `… push unavailable (polling), a call ringing:       ${(await restRequestsPerMinute(60, { pushDenied: true, ringing: true })).toFixed(0)} (RingCentral's Light limit: 50)`,
  );
  console.log(`socket drop → call that rang meanwhile shown:       ${summary(await dropToMissedCall(5))}`);
}
