/**
 * Bandwidth's real core, provider, client and rate gate against its simulator on the hand clock
 * (hand-clock.ts), without the Catapult rate limit, for tests of what the provider tells the user after
 * an answer was lost. The hand clock jumps to the next wait even with a request on the wire, so request
 * timeouts stay on real time. No vitest here.
 */
import { realTimers } from '../../src/main/foundation/timers';
import { createSwitchboardCore, type SwitchboardCore } from '../../src/main/core/switchboard-core';
import { BandwidthClient } from '../../src/main/providers/bandwidth/client';
import { BandwidthProvider } from '../../src/main/providers/bandwidth/provider';
import { RateGate } from '../../src/main/providers/bandwidth/rate-gate';
import { startBandwidthSimulator, type BandwidthSimulator } from '../../src/main/simulator/bandwidth';
import type { Closable } from './close-after-each';
import { HandClock } from './hand-clock';

export interface BandwidthHandRig {
  hand: HandClock;
  sim: BandwidthSimulator;
  core: SwitchboardCore;
}

/** Starts the rig; `started` registers what the test must close afterwards (close-after-each.ts). */
export async function startBandwidthHandRig(started: <T extends Closable>(thing: T) => T): Promise<BandwidthHandRig> {
  const hand = new HandClock();
  const sim = started(await startBandwidthSimulator({ timers: hand.waits, rateLimit: null, callRateLimit: null, farEndAnswerMs: 500 }));
  const gate = new RateGate({ timers: hand.waits, intervalMs: 0, callIntervalMs: 0 });
  const credentials = { userId: sim.userId, apiToken: sim.apiToken, apiSecret: sim.apiSecret };
  const client = new BandwidthClient({ baseUrl: sim.baseUrl, credentials, gate, timers: hand.waits, timeoutTimers: realTimers });
  const provider = new BandwidthProvider({ client, userId: sim.userId, number: sim.numbers[0] ?? '', now: () => hand.clock.now() });
  const core = started(createSwitchboardCore({ provider, timers: hand.clock }));
  await hand.settle(core.start());
  return { hand, sim, core };
}
