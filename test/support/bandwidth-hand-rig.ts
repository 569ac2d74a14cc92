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
import type { Result } from '../../src/shared/result';
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
 * step. Returns the Results of the answers and of the merge, for the test to assert.
 */
export async function bridgeTwoAnsweredCalls({
  hand,
  sim,
  core,
}: BandwidthHandRig): Promise<{ answers: Result<unknown>[]; merge: Result<unknown> }> {
  const calls: string[] = [];
  const answers: Result<unknown>[] = [];
  for (const from of ['+14045550001', '+14045550002']) {
    const id = sim.scenario.ringIn({ from });
    calls.push(id);
    await hand.settle(core.reconcile());
    answers.push(await hand.settle(core.command({ type: 'answer', callId: id })));
  }
  await hand.settle(core.reconcile());
  const merge = await hand.settle(core.conferenceCommand({ type: 'merge', callIds: calls }));
  await hand.settle(core.reconcile());
  return { answers, merge };
}

/**
 * The user starts a conference and dials a number into it; the far end answers (on the simulator's
 * clock) and the list is read afresh. Returns the Results of both commands and the conference's id.
 */
export async function dialOneIntoConference({
  hand,
  core,
}: BandwidthHandRig): Promise<{ started: Result<unknown>; dialled: Result<unknown>; conferenceId: string }> {
  const started = await hand.settle(core.conferenceCommand({ type: 'startConference' }));
  await hand.settle(core.reconcile());
  const conferenceId = core.conferences()[0]?.id ?? '';
  const dialled = await hand.settle(core.conferenceCommand({ type: 'dialIntoConference', conferenceId, destination: '+14045550003' }));
  hand.clock.advance(1_000);
  await hand.settle(core.reconcile());
  return { started, dialled, conferenceId };
}
