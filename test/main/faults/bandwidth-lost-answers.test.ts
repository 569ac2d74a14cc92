/**
 * Found by the Bandwidth fault run (test/support/bandwidth-fault-run.ts): a hold whose answer is lost
 * after Catapult applied it. The provider kept what it last knew of a bridge's or member's hold (it
 * only learns it from its own commands), so the panel said "the conference is connected" while the
 * far ends heard nothing. Now the re-read after an unknown outcome asks Catapult, and the user is told
 * what really happened. Real core, provider, client and gate against the simulator, on the hand clock.
 */
import { describe, expect, it } from 'vitest';
import { realTimers } from '../../../src/main/foundation/timers';
import { createSwitchboardCore, type SwitchboardCore } from '../../../src/main/core/switchboard-core';
import { BandwidthClient } from '../../../src/main/providers/bandwidth/client';
import { BandwidthProvider } from '../../../src/main/providers/bandwidth/provider';
import { RateGate } from '../../../src/main/providers/bandwidth/rate-gate';
import { startBandwidthSimulator, type BandwidthSimulator } from '../../../src/main/simulator/bandwidth';
import { HandClock } from '../../support/hand-clock';
import { closeAfterEach } from '../../support/close-after-each';

const started = closeAfterEach();

async function start(): Promise<{ hand: HandClock; sim: BandwidthSimulator; core: SwitchboardCore }> {
  const hand = new HandClock();
  const sim = started(await startBandwidthSimulator({ timers: hand.waits, rateLimit: null, callRateLimit: null, farEndAnswerMs: 500 }));
  const gate = new RateGate({ timers: hand.waits, intervalMs: 0, callIntervalMs: 0 });
  const credentials = { userId: sim.userId, apiToken: sim.apiToken, apiSecret: sim.apiSecret };
  // The hand clock jumps to the next wait even with a request on the wire: timeouts stay on real time.
  const client = new BandwidthClient({ baseUrl: sim.baseUrl, credentials, gate, timers: hand.waits, timeoutTimers: realTimers });
  const provider = new BandwidthProvider({ client, userId: sim.userId, number: sim.numbers[0] ?? '', now: () => hand.clock.now() });
  const core = started(createSwitchboardCore({ provider, timers: hand.clock }));
  await hand.settle(core.start());
  return { hand, sim, core };
}

describe('Bandwidth: a hold whose answer was lost', () => {
  it('of a bridge: the bridge shows held, as Catapult has it, and the message says so', async () => {
    const { hand, sim, core } = await start();
    const calls: string[] = [];
    for (const from of ['+14045550001', '+14045550002']) {
      const id = sim.scenario.ringIn({ from });
      calls.push(id);
      await hand.settle(core.reconcile());
      expect((await hand.settle(core.command({ type: 'answer', callId: id }))).ok).toBe(true);
    }
    await hand.settle(core.reconcile());
    expect((await hand.settle(core.conferenceCommand({ type: 'merge', callIds: calls }))).ok).toBe(true);
    await hand.settle(core.reconcile());
    const bridge = core.conferences()[0];
    expect(bridge).toMatchObject({ type: 'bridge', state: 'connected' });
    const bridgeId = bridge?.id ?? '';
    sim.faults.dropNext({ method: 'POST', path: `/users/${sim.userId}/bridges/${bridgeId}`, afterApplying: true });

    const held = await hand.settle(core.conferenceCommand({ type: 'holdConference', conferenceId: bridgeId }));

    expect(sim.bridge(bridgeId)?.bridgeAudio).toBe(false);
    expect(held.ok).toBe(false);
    if (!held.ok) {
      expect(held.error.code).toBe('NETWORK');
      expect(held.error.message).toMatch(/the conference is on hold\.$/);
      expect(held.error.retryable).toBe(false);
    }
    expect(core.conferences()[0]).toMatchObject({ id: bridgeId, state: 'held', actions: expect.arrayContaining(['resume']) });
    expect(sim.journal.filter((e) => e.path === `/users/${sim.userId}/bridges/${bridgeId}`)).toHaveLength(1);
  });

  it('of a conference member: the member shows held, as Catapult has it', async () => {
    const { hand, sim, core } = await start();
    expect((await hand.settle(core.conferenceCommand({ type: 'startConference' }))).ok).toBe(true);
    await hand.settle(core.reconcile());
    const conferenceId = core.conferences()[0]?.id ?? '';
    expect((await hand.settle(core.conferenceCommand({ type: 'dialIntoConference', conferenceId, destination: '+14045550003' }))).ok).toBe(
      true,
    );
    hand.clock.advance(1_000);
    await hand.settle(core.reconcile());
    const member = core.conferences()[0]?.participants[0];
    expect(member).toMatchObject({ held: false });
    const callId = member?.callId ?? '';
    sim.faults.dropNext({ method: 'POST', path: new RegExp(`/conferences/${conferenceId}/members/[^/]+$`), afterApplying: true });

    const held = await hand.settle(core.conferenceCommand({ type: 'holdParticipant', conferenceId, callId }));

    expect(held.ok).toBe(false);
    if (!held.ok) expect(held.error.code).toBe('NETWORK');
    expect(core.conferences()[0]?.participants[0]).toMatchObject({ callId, held: true, actions: expect.arrayContaining(['resume']) });
  });
});
