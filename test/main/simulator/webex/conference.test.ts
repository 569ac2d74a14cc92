import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conferenceDetailsSchema } from '../../../../src/main/providers/webex/wire';
import type { WebexSimulator } from '../../../../src/main/simulator/webex';
import { api, connectedIncomingCall, connectedOutgoingCall, descriptionOf, getCall, listCalls, startSim } from './sim-test-kit';

let sim: WebexSimulator;
beforeEach(async () => {
  sim = await startSim();
});
afterEach(async () => {
  await sim.close();
});

async function conference() {
  const result = await api(sim, 'GET', '/telephony/conference');
  expect(result.status).toBe(200);
  return conferenceDetailsSchema.parse(result.body);
}

describe('conference controls', () => {
  it('answers {} when there is no conference', async () => {
    expect(await conference()).toEqual({});
  });

  it('merges answered calls, mutes, deafens, holds, resumes and releases', async () => {
    const a = await connectedIncomingCall(sim, { number: '+14155550101' });
    const b = await connectedOutgoingCall(sim, '1002');
    expect((await api(sim, 'POST', '/telephony/conference', { callIds: [a, b] })).status).toBe(204);
    expect((await getCall(sim, a)).state).toBe('connected');
    expect(await conference()).toMatchObject({ state: 'connected', muted: false, participants: [{ callId: a, muted: false, deafened: false }, { callId: b }] });

    await api(sim, 'POST', '/telephony/conference/mute', {});
    await api(sim, 'POST', '/telephony/conference/mute', { callId: a });
    await api(sim, 'POST', '/telephony/conference/deafen', { callId: b });
    expect(await conference()).toMatchObject({ muted: true, participants: [{ muted: true }, { deafened: true }] });
    await api(sim, 'POST', '/telephony/conference/unmute', { callId: a });
    await api(sim, 'POST', '/telephony/conference/undeafen', { callId: b });
    expect(await conference()).toMatchObject({ participants: [{ muted: false }, { deafened: false }] });

    expect((await api(sim, 'POST', '/telephony/conference/hold')).status).toBe(204);
    expect((await conference()).state).toBe('held');
    expect((await api(sim, 'POST', '/telephony/conference/hold')).status).toBe(400);
    expect((await api(sim, 'POST', '/telephony/conference/resume')).status).toBe(204);

    const c = await connectedIncomingCall(sim, { number: '+14155550103' });
    expect((await conference()).state).toBe('held');
    expect((await api(sim, 'POST', '/telephony/conference/addParticipant', { callId: c })).status).toBe(204);
    expect((await conference()).participants).toHaveLength(3);

    expect((await api(sim, 'DELETE', '/telephony/conference')).status).toBe(204);
    expect(await conference()).toEqual({});
    expect(await listCalls(sim)).toEqual([]);
  });

  it('ends when fewer than two participants remain, leaving the other call', async () => {
    const a = await connectedIncomingCall(sim, { number: '+14155550101' });
    const b = await connectedIncomingCall(sim, { number: '+14155550102' });
    await api(sim, 'POST', '/telephony/conference', { callIds: [a, b] });
    sim.scenario.remoteHangsUp(a);
    expect(await conference()).toEqual({});
    expect((await listCalls(sim)).map((c) => c.id)).toEqual([b]);
  });

  it('refuses too few calls, unanswered calls and commands without a conference', async () => {
    const a = await connectedIncomingCall(sim, { number: '+14155550101' });
    const ringing = sim.scenario.ringUser({ from: { number: '+14155550102' } });
    expect(descriptionOf(await api(sim, 'POST', '/telephony/conference', { callIds: [a] }))).toMatch(/at least two/);
    expect(descriptionOf(await api(sim, 'POST', '/telephony/conference', { callIds: [a, ringing] }))).toMatch(/answered/);
    expect((await api(sim, 'POST', '/telephony/conference/mute', {})).status).toBe(400);
    expect((await api(sim, 'DELETE', '/telephony/conference')).status).toBe(400);
  });
});
