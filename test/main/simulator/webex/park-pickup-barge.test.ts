import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebexSimulator } from '../../../../src/main/simulator/webex';
import { api, command, connectedIncomingCall, descriptionOf, getCall, listCalls, nextEvent, startSim } from './sim-test-kit';

let sim: WebexSimulator;
afterEach(async () => {
  await sim.close();
});

const caller = { name: 'Casey Caller', number: '+14155550199' };

describe('park and retrieve', () => {
  beforeEach(async () => {
    sim = await startSim({ parkRecallMs: 60_000 });
  });

  it('parks a connected call against the user and retrieves it through a new alerting call', async () => {
    const callId = await connectedIncomingCall(sim, caller);
    const park = await command(sim, 'park', { callId });
    expect(park.status).toBe(200);
    const { parkedAgainst } = park.body as { parkedAgainst: { name?: string; number?: string } };
    expect(parkedAgainst).toMatchObject({ name: 'Alex Morgan', number: '+14085550100' });
    expect(await listCalls(sim)).toEqual([]);
    expect(sim.scenario.parked()).toEqual([{ parkedAgainst: expect.objectContaining({ number: '+14085550100' }), remote: caller }]);

    const retrieve = await command(sim, 'retrieve', {});
    expect(retrieve.status).toBe(201);
    const { callId: retrieved } = retrieve.body as { callId: string };
    expect(await getCall(sim, retrieved)).toMatchObject({ personality: 'clickToDial', state: 'alerting' });
    expect(sim.scenario.parked()).toEqual([]);

    await command(sim, 'answer', { callId: retrieved });
    const call = await getCall(sim, retrieved);
    expect(call).toMatchObject({ personality: 'originator', state: 'connected' });
    expect(call.remoteParty).toMatchObject(caller);
  });

  it('parks against a destination and retrieves with the parkedAgainst number', async () => {
    const callId = await connectedIncomingCall(sim, caller);
    const park = await command(sim, 'park', { callId, destination: '1002' });
    const { parkedAgainst } = park.body as { parkedAgainst: { number: string; name?: string } };
    expect(parkedAgainst).toMatchObject({ number: '1002', name: 'Jordan Lee' });
    expect((await command(sim, 'retrieve', {})).status).toBe(400);
    expect((await command(sim, 'retrieve', { destination: parkedAgainst.number })).status).toBe(201);
  });

  it('group-parks against a free member of the park group, whatever the destination', async () => {
    const first = await connectedIncomingCall(sim, caller);
    const second = await connectedIncomingCall(sim, { number: '+14155550198' });
    await command(sim, 'resume', { callId: first });
    const a = (await command(sim, 'park', { callId: first, isGroupPark: true, destination: '1002' })).body as {
      parkedAgainst: { number: string };
    };
    await command(sim, 'resume', { callId: second });
    const b = (await command(sim, 'park', { callId: second, isGroupPark: true })).body as { parkedAgainst: { number: string } };
    expect([a.parkedAgainst.number, b.parkedAgainst.number]).toEqual(['1801', '1802']);
  });

  it('refuses to park a call that is not connected, or twice against the same target', async () => {
    const held = await connectedIncomingCall(sim, caller);
    await command(sim, 'hold', { callId: held });
    const refused = await command(sim, 'park', { callId: held });
    expect(refused.status).toBe(400);
    expect(descriptionOf(refused)).toBe('Park requires a connected call');
    await command(sim, 'resume', { callId: held });
    expect((await command(sim, 'park', { callId: held })).status).toBe(200);
    const another = await connectedIncomingCall(sim, { number: '+14155550198' });
    expect(descriptionOf(await command(sim, 'park', { callId: another }))).toMatch(/already parked/);
  });

  it('puts the call back in park when the user never answers the retrieving call', async () => {
    const callId = await connectedIncomingCall(sim, caller);
    await command(sim, 'park', { callId });
    const { callId: retrieved } = (await command(sim, 'retrieve', {})).body as { callId: string };
    await command(sim, 'hangup', { callId: retrieved });
    expect(sim.scenario.parked()).toHaveLength(1);
  });

  it('answers 400 when nothing is parked there', async () => {
    const result = await command(sim, 'retrieve', { destination: '1803' });
    expect(result.status).toBe(400);
    expect(descriptionOf(result)).toMatch(/No call is parked against 1803/);
  });
});

describe('park recall', () => {
  it('rings the parker back with a park recall when nobody retrieves the call', async () => {
    sim = await startSim({ parkRecallMs: 50 });
    const callId = await connectedIncomingCall(sim, caller);
    const recalled = nextEvent(sim, (e) => e.data.eventType === 'received');
    const park = (await command(sim, 'park', { callId, destination: '1002' })).body as { parkedAgainst: unknown };
    const event = await recalled;
    expect(event.data).toMatchObject({ personality: 'terminator', state: 'alerting', recall: { type: 'park', party: park.parkedAgainst } });
    expect(event.data.remoteParty).toMatchObject(caller);
    expect(sim.scenario.parked()).toEqual([]);
  });
});

describe('pickup', () => {
  beforeEach(async () => {
    sim = await startSim();
  });

  it('picks up the call ringing a named colleague', async () => {
    sim.scenario.ringColleague({ colleague: { name: 'Sam Patel', number: '1003' }, from: caller });
    const pickup = await command(sim, 'pickup', { target: '1003' });
    expect(pickup.status).toBe(201);
    const { callId } = pickup.body as { callId: string };
    expect((await getCall(sim, callId)).state).toBe('alerting');
    await command(sim, 'answer', { callId });
    const call = await getCall(sim, callId);
    expect(call).toMatchObject({ state: 'connected', remoteParty: expect.objectContaining(caller) });
    const state = (await (await fetch(sim.baseUrl.replace(/\/v1$/, '/_sim/state'))).json()) as { colleagueCalls: unknown[] };
    expect(state.colleagueCalls).toEqual([]);
  });

  it('picks up any ringing call in the group without a target', async () => {
    sim.scenario.ringColleague({ colleague: { name: 'Sam Patel', number: '1003' }, from: caller });
    expect((await command(sim, 'pickup', {})).status).toBe(201);
  });

  it('answers 400 when nothing rings', async () => {
    sim.scenario.colleagueInCall({ colleague: { name: 'Sam Patel', number: '1003' }, remote: caller });
    expect((await command(sim, 'pickup', {})).status).toBe(400);
    expect((await command(sim, 'pickup', { target: '1002' })).status).toBe(400);
  });

  it('ends the pickup call when the caller gave up before the user answered', async () => {
    const colleagueCall = sim.scenario.ringColleague({ colleague: { name: 'Sam Patel', number: '1003' }, from: caller });
    const { callId } = (await command(sim, 'pickup', {})).body as { callId: string };
    sim.scenario.remoteHangsUp(colleagueCall);
    await command(sim, 'answer', { callId });
    expect(await listCalls(sim)).toEqual([]);
  });
});

describe('barge-in', () => {
  beforeEach(async () => {
    sim = await startSim();
  });

  it('joins a colleague answered call through either path spelling', async () => {
    sim.scenario.colleagueInCall({ colleague: { name: 'Sam Patel', number: '1003' }, remote: caller });
    const barge = await command(sim, 'bargeIn', { target: '1003' });
    expect(barge.status).toBe(201);
    const { callId } = barge.body as { callId: string };
    await command(sim, 'answer', { callId });
    expect(await getCall(sim, callId)).toMatchObject({ state: 'connected', remoteParty: expect.objectContaining({ name: 'Sam Patel' }) });
    expect((await command(sim, 'barge-in', { target: 'Sam Patel' })).status).toBe(201);
  });

  it('needs a target who is on a call', async () => {
    expect((await command(sim, 'bargeIn', {})).status).toBe(400);
    sim.scenario.ringColleague({ colleague: { name: 'Sam Patel', number: '1003' }, from: caller });
    expect(descriptionOf(await command(sim, 'bargeIn', { target: '1003' }))).toMatch(/not on an answered call/);
  });
});

describe('pull and push', () => {
  beforeEach(async () => {
    sim = await startSim();
  });

  it('pulls the connected call to another device through a temporary call', async () => {
    const callId = await connectedIncomingCall(sim, caller);
    const endpoints = (await api(sim, 'GET', '/telephony/config/people/me/settings/availablePreferredAnswerEndpoints')).body as {
      endpoints: { id: string }[];
    };
    const app = endpoints.endpoints[1]?.id ?? '';
    const pull = await command(sim, 'pull', { endpointId: app });
    expect(pull.status).toBe(201);
    const { callId: temporary } = pull.body as { callId: string };
    const moved = nextEvent(sim, (e) => e.data.callId === callId && e.data.eventType === 'updated');
    await command(sim, 'answer', { callId: temporary, endpointId: app });
    expect((await moved).data).toMatchObject({ endpointId: app, state: 'connected' });
    expect((await listCalls(sim)).map((c) => c.id)).toEqual([callId]);
  });

  it('refuses to pull when there is no connected call', async () => {
    expect((await command(sim, 'pull', {})).status).toBe(400);
  });

  it('pushes only a call associated with an executive', async () => {
    const plain = await connectedIncomingCall(sim, caller);
    const refused = await command(sim, 'push', { callId: plain });
    expect(refused.status).toBe(400);
    expect(descriptionOf(refused)).toMatch(/executive/);
    const assisted = sim.scenario.ringUser({ from: caller, executive: { name: 'Pat Boss', number: '1100' } });
    await command(sim, 'answer', { callId: assisted });
    expect((await command(sim, 'push', { callId: assisted })).status).toBe(204);
    expect((await listCalls(sim)).map((c) => c.id)).toEqual([plain]);
  });
});
