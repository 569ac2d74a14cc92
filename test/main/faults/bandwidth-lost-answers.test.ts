/**
 * Found by the Bandwidth fault run (test/support/bandwidth-fault-run.ts): a hold whose answer is lost
 * after Catapult applied it. The provider kept what it last knew of a bridge's or member's hold (it
 * only learns it from its own commands), so the panel said "the conference is connected" while the
 * far ends heard nothing. Now the re-read after an unknown outcome asks Catapult, and the user is told
 * what really happened. Real core, provider, client and gate against the simulator, on the hand clock.
 */
import { describe, expect, it } from 'vitest';
import { bridgeTwoAnsweredCalls, dialOneIntoConference, startBandwidthHandRig } from '../../support/bandwidth-hand-rig';
import { closeAfterEach } from '../../support/close-after-each';

const started = closeAfterEach();

const start = () => startBandwidthHandRig(started);

describe('Bandwidth: a hold whose answer was lost', () => {
  it('of a bridge: the bridge shows held, as Catapult has it, and the message says so', async () => {
    const rig = await start();
    const { hand, sim, core } = rig;
    expect(await bridgeTwoAnsweredCalls(rig)).toEqual({ answered: [true, true], merged: true });
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
    const rig = await start();
    const { hand, sim, core } = rig;
    const { conferenceId, ...done } = await dialOneIntoConference(rig);
    expect(done).toEqual({ started: true, dialled: true });
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
