/** A Bandwidth client wired to the Catapult simulator on one manual clock, for client and gate tests. */
import { BandwidthClient } from '../../../../src/main/providers/bandwidth/client';
import { RateGate, type RateGateOptions } from '../../../../src/main/providers/bandwidth/rate-gate';
import {
  type BandwidthSimulator,
  type BandwidthSimulatorOptions,
  startBandwidthSimulator,
} from '../../../../src/main/simulator/bandwidth/index';
import { HandTimers } from '../../../support/hand-timers';

export interface Rig {
  sim: BandwidthSimulator;
  clock: HandTimers;
  gate: RateGate;
  client: BandwidthClient;
}

/** Without limits unless asked: the client tests are about the wire, not about pacing. */
export async function startRig(options: { sim?: BandwidthSimulatorOptions; gate?: Partial<RateGateOptions> } = {}): Promise<Rig> {
  const clock = new HandTimers();
  const sim = await startBandwidthSimulator({ timers: clock, rateLimit: null, callRateLimit: null, ...options.sim });
  const gate = new RateGate({ timers: clock, intervalMs: 0, callIntervalMs: 0, ...options.gate });
  const client = new BandwidthClient({
    baseUrl: sim.baseUrl,
    credentials: { userId: sim.userId, apiToken: sim.apiToken, apiSecret: sim.apiSecret },
    gate,
    timers: clock,
  });
  return { sim, clock, gate, client };
}

/** Lets real loopback I/O run until the gate sends nothing (idle, or waiting on the manual clock). */
export async function settle(gate: RateGate): Promise<void> {
  const sending = (): boolean => gate.activity === 'sending';
  for (let i = 0; i < 10_000; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!sending()) {
      // One more turn: a finished job may be about to start the next one.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (!sending()) return;
    }
  }
  throw new Error('the gate never settled');
}

/** Runs the clock timer by timer, letting I/O settle in between, until `done()` or no timer is left. */
export async function drive(rig: Rig, done: () => boolean): Promise<void> {
  for (let step = 0; step < 1000; step++) {
    await settle(rig.gate);
    if (done()) return;
    if (!rig.clock.advanceToNext()) {
      await settle(rig.gate);
      if (done()) return;
      throw new Error('nothing left to wait for, and not done');
    }
  }
  throw new Error('drive: too many steps');
}
