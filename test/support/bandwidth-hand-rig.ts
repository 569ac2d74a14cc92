/**
 * Bandwidth's real core, provider, client and rate gate against its simulator on the hand clock
 * (hand-clock.ts), without the Catapult rate limit, for tests of what the provider tells the user after
 * an answer was lost. The hand clock jumps to the next wait even with a request on the wire, so request
 * timeouts stay on real time. Also the two ways those tests bring about a conference to hold: a bridge of two
 * answered calls, and a conference with one member dialled in. No vitest here.
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

/**
 * Two calls ring in and are answered, then merged into a bridge; the list is read afresh after each
 * step. Says whether each answer and the merge succeeded, for the test to assert.
 */
export async function bridgeTwoAnsweredCalls({ hand, sim, core }: BandwidthHandRig): Promise<{ answered: boolean[]; merged: boolean }> {
  const calls: string[] = [];
  const answered: boolean[] = [];
  for (const from of ['+14045550001', '+14045550002']) {
    const id = sim.scenario.ringIn({ from });
    calls.push(id);
    await hand.settle(core.reconcile());
    answered.push((await hand.settle(core.command({ type: 'answer', callId: id }))).ok);
  }
  await hand.settle(core.reconcile());
  const merged = (await hand.settle(core.conferenceCommand({ type: 'merge', callIds: calls }))).ok;
  await hand.settle(core.reconcile());
  return { answered, merged };
}

/**
 * The user starts a conference and dials a number into it; the far end answers (on the simulator's
 * clock) and the list is read afresh. Says whether both commands succeeded, and the conference's id.
 */
export async function dialOneIntoConference({
  hand,
  core,
}: BandwidthHandRig): Promise<{ started: boolean; dialled: boolean; conferenceId: string }> {
  const started = (await hand.settle(core.conferenceCommand({ type: 'startConference' }))).ok;
  await hand.settle(core.reconcile());
  const conferenceId = core.conferences()[0]?.id ?? '';
  const dialled = (await hand.settle(core.conferenceCommand({ type: 'dialIntoConference', conferenceId, destination: '+14045550003' }))).ok;
  hand.clock.advance(1_000);
  await hand.settle(core.reconcile());
  return { started, dialled, conferenceId };
}
