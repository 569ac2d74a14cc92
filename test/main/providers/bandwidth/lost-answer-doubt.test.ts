/**
 * A bridge or member hold whose answer was lost leaves it in doubt, and each read asks Catapult about it
 * until one answers. When Catapult no longer has it (404), no later read can answer either: the
 * doubt must go, or every poll spends one more request of the paced queue on it for the rest of the
 * session. Real core, provider, client and gate against the simulator, on the hand clock.
 */
import { describe, expect, it } from 'vitest';
import { bridgeTwoAnsweredCalls, dialOneIntoConference, startBandwidthHandRig } from '../../../support/bandwidth-hand-rig';
import { closeAfterEach } from '../../../support/close-after-each';

const started = closeAfterEach();

const start = () => startBandwidthHandRig(started);

describe('Bandwidth: a doubt Catapult cannot settle', () => {
  it('is dropped when the bridge is not found, so later reads do not ask again', async () => {
    const rig = await start();
    const { hand, sim, core } = rig;
    expect(await bridgeTwoAnsweredCalls(rig)).toEqual({ answered: [true, true], merged: true });
    const bridgeId = core.conferences()[0]?.id ?? '';
    const bridgePath = `/users/${sim.userId}/bridges/${bridgeId}`;
    sim.faults.dropNext({ method: 'POST', path: bridgePath });
    sim.faults.failNext({ method: 'GET', path: bridgePath, status: 404, code: 'bridge-not-found', count: 10 });

    const held = await hand.settle(core.conferenceCommand({ type: 'holdConference', conferenceId: bridgeId }));
    expect(held.ok).toBe(false);
    const asked = (): number => sim.requests.filter((r) => r.method === 'GET' && r.path === bridgePath).length;
    const afterTheLoss = asked();
    expect(afterTheLoss).toBeGreaterThanOrEqual(1);

    for (let read = 0; read < 3; read += 1) await hand.settle(core.reconcile());

    expect(asked()).toBe(afterTheLoss);
  });

  it('is dropped when the member is not found: the participant goes, and later reads do not ask again', async () => {
    const rig = await start();
    const { hand, sim, core } = rig;
    const { conferenceId, ...done } = await dialOneIntoConference(rig);
    expect(done).toEqual({ started: true, dialled: true });
    const callId = core.conferences()[0]?.participants[0]?.callId ?? '';
    const memberPath = new RegExp(`/conferences/${conferenceId}/members/[^/]+$`);
    sim.faults.dropNext({ method: 'POST', path: memberPath });
    sim.faults.failNext({ method: 'GET', path: memberPath, status: 404, code: 'member-not-found', count: 10 });

    const held = await hand.settle(core.conferenceCommand({ type: 'holdParticipant', conferenceId, callId }));
    expect(held.ok).toBe(false);
    const asked = (): number => sim.requests.filter((r) => r.method === 'GET' && memberPath.test(r.path)).length;
    const afterTheLoss = asked();
    expect(afterTheLoss).toBeGreaterThanOrEqual(1);

    for (let read = 0; read < 3; read += 1) await hand.settle(core.reconcile());

    expect(asked()).toBe(afterTheLoss);
    expect(core.conferences()[0]?.participants.some((p) => p.callId === callId)).toBe(false);
  });
});
