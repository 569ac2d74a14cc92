import { describe, expect, it } from 'vitest';
import type { WireConference, WireConferenceEvent } from '../../../../src/main/simulator/webex/wire';
import { CALL_NOT_FOUND_CODE } from '../../../../src/main/simulator/webex/wire';
import { INVALID_REQUEST_CODE, STATE_FORBIDS_CODE } from '../../../../src/main/simulator/webex';
import { api, command, connectedIncomingCall, connectedOutgoingCall, descriptionOf, errorCodeOf, getCall, listCalls } from './sim-test-kit';
import { simPerTest } from './sim-per-test';

const live = simPerTest();

async function conference() {
  const result = await api(live.sim, 'GET', '/telephony/conference');
  expect(result.status).toBe(200);
  return result.body as WireConference;
}

function conferenceEvents(): WireConferenceEvent[] {
  const events: WireConferenceEvent[] = [];
  live.sim.onConferenceEvent((event) => events.push(event));
  return events;
}

/** Two answered calls merged into a conference (the first was held when the second was answered). */
async function mergedPair(): Promise<[string, string]> {
  const a = await connectedIncomingCall(live.sim, { name: 'Ada Lovelace', number: '+14155550101' });
  const b = await connectedIncomingCall(live.sim, { name: 'Bob Jones', number: '+14155550102' });
  expect((await api(live.sim, 'POST', '/telephony/conference', { callIds: [a, b] })).status).toBe(204);
  return [a, b];
}

describe('conference controls: starting', () => {
  it('answers {} when there is no conference', async () => {
    expect(await conference()).toEqual({});
    expect(live.sim.conference()).toEqual({});
  });

  it('merges answered calls: held ones are resumed, the conference is connected with both participants', async () => {
    const a = await connectedIncomingCall(live.sim, { number: '+14155550101' });
    const b = await connectedOutgoingCall(live.sim, '1002');
    expect((await getCall(live.sim, a)).state).toBe('held');
    const events = conferenceEvents();
    expect((await api(live.sim, 'POST', '/telephony/conference', { callIds: [a, b] })).status).toBe(204);
    expect((await getCall(live.sim, a)).state).toBe('connected');
    expect(await conference()).toEqual({
      state: 'connected',
      appearance: 1,
      created: expect.any(String),
      muted: false,
      participants: [
        { callId: a, muted: false, deafened: false },
        { callId: b, muted: false, deafened: false },
      ],
    });
    expect(events.map((e) => [e.resource, e.event, e.data.eventType])).toEqual([['telephony_conference', 'created', 'created']]);
    expect(events[0]?.data.participants).toHaveLength(2);
  });

  it('puts my other connected call on hold when I go into the conference', async () => {
    const a = await connectedIncomingCall(live.sim, { number: '+14155550101' });
    const b = await connectedIncomingCall(live.sim, { number: '+14155550102' });
    const c = await connectedIncomingCall(live.sim, { number: '+14155550103' });
    await api(live.sim, 'POST', '/telephony/conference', { callIds: [a, b] });
    expect((await getCall(live.sim, c)).state).toBe('held');
    expect(live.sim.scenario.mediaOf(c)).toEqual({ sends: false, receives: false });
  });

  it('accepts lineOwnerId in the body of start and add, and in the query of GET, hold, resume and DELETE', async () => {
    const a = await connectedIncomingCall(live.sim, { number: '+14155550101' });
    const b = await connectedIncomingCall(live.sim, { number: '+14155550102' });
    const c = await connectedIncomingCall(live.sim, { number: '+14155550103' });
    expect((await api(live.sim, 'POST', '/telephony/conference', { callIds: [a, b], lineOwnerId: 'line-1' })).status).toBe(204);
    expect((await api(live.sim, 'POST', '/telephony/conference/hold?lineOwnerId=line-1')).status).toBe(204);
    expect((await api(live.sim, 'POST', '/telephony/conference/resume?lineOwnerId=line-1')).status).toBe(204);
    expect((await api(live.sim, 'POST', '/telephony/conference/addParticipant', { callId: c, lineOwnerId: 'line-1' })).status).toBe(204);
    expect((await api(live.sim, 'GET', '/telephony/conference?lineOwnerId=line-1')).status).toBe(200);
    expect(errorCodeOf(await api(live.sim, 'GET', '/telephony/conference?lineOwnerId='))).toBe(INVALID_REQUEST_CODE);
    expect((await api(live.sim, 'DELETE', '/telephony/conference?lineOwnerId=line-1')).status).toBe(204);
  });
});

describe('conference controls: refusals', () => {
  it('refuses fewer than two calls, a repeated call, and a malformed list', async () => {
    const a = await connectedIncomingCall(live.sim, { number: '+14155550101' });
    for (const body of [{ callIds: [a] }, { callIds: [] }, {}, { callIds: [a, a] }, { callIds: 'abc' }, { callIds: [a, 7] }]) {
      const result = await api(live.sim, 'POST', '/telephony/conference', body);
      expect(result.status).toBe(400);
      expect(errorCodeOf(result)).toBe(INVALID_REQUEST_CODE);
    }
    expect(descriptionOf(await api(live.sim, 'POST', '/telephony/conference', { callIds: [a] }))).toMatch(/at least two/);
    expect(await conference()).toEqual({});
  });

  it('refuses an unknown call with Webex’s call-not-found answer', async () => {
    const a = await connectedIncomingCall(live.sim, { number: '+14155550101' });
    const result = await api(live.sim, 'POST', '/telephony/conference', { callIds: [a, 'no-such-call'] });
    expect(result.status).toBe(400);
    expect(errorCodeOf(result)).toBe(CALL_NOT_FOUND_CODE);
    const b = await connectedIncomingCall(live.sim, { number: '+14155550102' });
    expect((await api(live.sim, 'POST', '/telephony/conference', { callIds: [a, b] })).status).toBe(204);
    expect(errorCodeOf(await api(live.sim, 'POST', '/telephony/conference/addParticipant', { callId: 'no-such-call' }))).toBe(
      CALL_NOT_FOUND_CODE,
    );
    expect(errorCodeOf(await api(live.sim, 'POST', '/telephony/conference/mute', { callId: 'no-such-call' }))).toBe(CALL_NOT_FOUND_CODE);
    expect(errorCodeOf(await api(live.sim, 'POST', '/telephony/conference/deafen', { callId: 'no-such-call' }))).toBe(CALL_NOT_FOUND_CODE);
  });

  it('refuses unanswered calls, a second conference, and every command without a conference', async () => {
    const a = await connectedIncomingCall(live.sim, { number: '+14155550101' });
    const ringing = live.sim.scenario.ringUser({ from: { number: '+14155550102' } });
    const refused = await api(live.sim, 'POST', '/telephony/conference', { callIds: [a, ringing] });
    expect(errorCodeOf(refused)).toBe(STATE_FORBIDS_CODE);
    expect(descriptionOf(refused)).toMatch(/answered/);
    for (const [method, path, body] of [
      ['POST', '/telephony/conference/mute', undefined],
      ['POST', '/telephony/conference/unmute', {}],
      ['POST', '/telephony/conference/hold', undefined],
      ['POST', '/telephony/conference/resume', undefined],
      ['POST', '/telephony/conference/addParticipant', { callId: a }],
      ['DELETE', '/telephony/conference', undefined],
    ] as const) {
      const result = await api(live.sim, method, path, body);
      expect(result.status, path).toBe(400);
      expect(errorCodeOf(result), path).toBe(STATE_FORBIDS_CODE);
    }
  });

  it('refuses what the conference state forbids', async () => {
    const [a, b] = await mergedPair();
    const c = await connectedIncomingCall(live.sim, { number: '+14155550103' });
    // Answering c held the conference.
    expect((await conference()).state).toBe('held');
    const forbidden = async (method: string, path: string, body?: unknown) => {
      const result = await api(live.sim, method, path, body);
      expect(result.status, path).toBe(400);
      expect(errorCodeOf(result), path).toBe(STATE_FORBIDS_CODE);
      return descriptionOf(result);
    };
    expect(await forbidden('POST', '/telephony/conference/hold')).toMatch(/connected conference/);
    expect(await forbidden('POST', '/telephony/conference/mute')).toMatch(/host requires a connected conference/);
    expect(await forbidden('POST', '/telephony/conference', { callIds: [a, c] })).toMatch(/already in progress/);
    expect(await forbidden('POST', '/telephony/conference/addParticipant', { callId: b })).toMatch(/already in the conference/);
    expect(await forbidden('POST', '/telephony/conference/deafen', { callId: c })).toMatch(/not in the conference/);
    expect((await api(live.sim, 'POST', '/telephony/conference/resume')).status).toBe(204);
    expect(await forbidden('POST', '/telephony/conference/resume')).toMatch(/held conference/);
    expect(errorCodeOf(await api(live.sim, 'POST', '/telephony/conference/deafen', {}))).toBe(INVALID_REQUEST_CODE);
  });
});

describe('conference controls: participants, media, hold', () => {
  it('mutes and deafens participants, which changes what they send and hear', async () => {
    const [a, b] = await mergedPair();
    expect(live.sim.scenario.mediaOf(a)).toEqual({ sends: true, receives: true });
    expect(live.sim.scenario.mediaOf(b)).toEqual({ sends: true, receives: true });
    const events = conferenceEvents();

    expect((await api(live.sim, 'POST', '/telephony/conference/mute', { callId: a })).status).toBe(204);
    expect((await api(live.sim, 'POST', '/telephony/conference/deafen', { callId: b })).status).toBe(204);
    expect(await conference()).toMatchObject({
      muted: false,
      participants: [
        { callId: a, muted: true, deafened: false },
        { callId: b, muted: false, deafened: true },
      ],
    });
    expect(live.sim.scenario.mediaOf(a)).toEqual({ sends: false, receives: true });
    expect(live.sim.scenario.mediaOf(b)).toEqual({ sends: true, receives: false });
    expect(live.sim.scenario.hostMedia()).toEqual({ sends: true, receives: true });
    expect(events.map((e) => e.data.eventType)).toEqual(['updated', 'updated']);
    expect(events[1]?.data.participants).toEqual([
      { callId: a, muted: true, deafened: false },
      { callId: b, muted: false, deafened: true },
    ]);

    await api(live.sim, 'POST', '/telephony/conference/unmute', { callId: a });
    await api(live.sim, 'POST', '/telephony/conference/undeafen', { callId: b });
    expect((await conference()).participants).toEqual([
      { callId: a, muted: false, deafened: false },
      { callId: b, muted: false, deafened: false },
    ]);
    expect(live.sim.scenario.mediaOf(a)).toEqual({ sends: true, receives: true });
    expect(live.sim.scenario.mediaOf(b)).toEqual({ sends: true, receives: true });
  });

  it('mutes the host with no body at all, and unmutes with an empty one', async () => {
    await mergedPair();
    const muted = await fetch(`${live.sim.baseUrl}/telephony/conference/mute`, {
      method: 'POST',
      headers: { authorization: `Bearer ${live.sim.token}` },
    });
    expect(muted.status).toBe(204);
    expect((await conference()).muted).toBe(true);
    expect(live.sim.scenario.hostMedia()).toEqual({ sends: false, receives: true });
    expect((await api(live.sim, 'POST', '/telephony/conference/unmute', {})).status).toBe(204);
    expect((await conference()).muted).toBe(false);
    expect(live.sim.scenario.hostMedia()).toEqual({ sends: true, receives: true });
  });

  it('a participant who is muted and deafened is out of the mix; the others still talk', async () => {
    const [a, b] = await mergedPair();
    const c = await connectedIncomingCall(live.sim, { number: '+14155550103' });
    await api(live.sim, 'POST', '/telephony/conference/addParticipant', { callId: c });
    await api(live.sim, 'POST', '/telephony/conference/mute', { callId: c });
    await api(live.sim, 'POST', '/telephony/conference/deafen', { callId: c });
    expect(live.sim.scenario.mediaOf(c)).toEqual({ sends: false, receives: false });
    expect(live.sim.scenario.mediaOf(a)).toEqual({ sends: true, receives: true });
    expect(live.sim.scenario.mediaOf(b)).toEqual({ sends: true, receives: true });
  });

  it('holding the conference takes me out while the participants keep talking; resume brings me back', async () => {
    const [a, b] = await mergedPair();
    expect((await api(live.sim, 'POST', '/telephony/conference/hold')).status).toBe(204);
    expect((await conference()).state).toBe('held');
    expect(live.sim.scenario.hostMedia()).toEqual({ sends: false, receives: false });
    expect(live.sim.scenario.mediaOf(a)).toEqual({ sends: true, receives: true });
    // The participants' calls stay connected: only I am on hold.
    expect((await getCall(live.sim, a)).state).toBe('connected');
    expect((await getCall(live.sim, b)).state).toBe('connected');
    expect((await api(live.sim, 'POST', '/telephony/conference/resume')).status).toBe(204);
    expect((await conference()).state).toBe('connected');
    expect(live.sim.scenario.hostMedia()).toEqual({ sends: true, receives: true });
  });

  it('answering another call holds the conference; adding that call brings me back in', async () => {
    await mergedPair();
    const events = conferenceEvents();
    const c = await connectedIncomingCall(live.sim, { number: '+14155550103' });
    expect((await conference()).state).toBe('held');
    expect(live.sim.scenario.mediaOf(c)).toEqual({ sends: true, receives: true });
    expect((await api(live.sim, 'POST', '/telephony/conference/addParticipant', { callId: c })).status).toBe(204);
    expect(await conference()).toMatchObject({ state: 'connected', participants: [{}, {}, { callId: c }] });
    expect(events.map((e) => `${e.data.eventType}:${e.data.state}`)).toEqual(['updated:held', 'updated:connected']);
  });

  it('a remote party who holds their call is out of the mix whatever the flags say', async () => {
    const [a, b] = await mergedPair();
    live.sim.scenario.remoteHolds(a);
    expect(live.sim.scenario.mediaOf(a)).toEqual({ sends: false, receives: false });
    expect(live.sim.scenario.mediaOf(b)).toEqual({ sends: true, receives: true });
  });

  it('reports media for plain calls too: my mute silences me, hold silences both', async () => {
    const a = await connectedIncomingCall(live.sim, { number: '+14155550101' });
    expect(live.sim.scenario.mediaOf(a)).toEqual({ sends: true, receives: true });
    await command(live.sim, 'mute', { callId: a });
    expect(live.sim.scenario.mediaOf(a)).toEqual({ sends: true, receives: false });
    expect(live.sim.scenario.hostMedia()).toEqual({ sends: false, receives: true });
    await command(live.sim, 'unmute', { callId: a });
    await command(live.sim, 'hold', { callId: a });
    expect(live.sim.scenario.mediaOf(a)).toEqual({ sends: false, receives: false });
    expect(live.sim.scenario.hostMedia()).toEqual({ sends: false, receives: false });
    expect(() => live.sim.scenario.mediaOf('no-such-call')).toThrow(/Call not found/);
  });
});

describe('conference controls: leaving and ending', () => {
  it('a participant who hangs up leaves; the conference goes on with the others', async () => {
    const [a, b] = await mergedPair();
    const c = await connectedIncomingCall(live.sim, { number: '+14155550103' });
    await api(live.sim, 'POST', '/telephony/conference/addParticipant', { callId: c });
    const events = conferenceEvents();
    live.sim.scenario.remoteHangsUp(b);
    expect((await conference()).participants?.map((p) => p.callId)).toEqual([a, c]);
    expect(events.map((e) => e.data.eventType)).toEqual(['updated']);
  });

  it('ends when fewer than two participants remain, leaving the other call as a plain call', async () => {
    const [a, b] = await mergedPair();
    const events = conferenceEvents();
    live.sim.scenario.remoteHangsUp(a);
    expect(await conference()).toEqual({});
    expect((await listCalls(live.sim)).map((c) => [c.id, c.state])).toEqual([[b, 'connected']]);
    expect(events.map((e) => [e.event, e.data.eventType, e.data.state])).toEqual([['deleted', 'disconnected', 'disconnected']]);
  });

  it('a held conference that ends leaves its last call on hold, since I am on another call', async () => {
    const [a, b] = await mergedPair();
    const c = await connectedIncomingCall(live.sim, { number: '+14155550103' });
    live.sim.scenario.remoteHangsUp(a);
    expect(await conference()).toEqual({});
    expect((await getCall(live.sim, b)).state).toBe('held');
    expect((await getCall(live.sim, c)).state).toBe('connected');
  });

  it('release ends me and every participant', async () => {
    const [a, b] = await mergedPair();
    const c = await connectedIncomingCall(live.sim, { number: '+14155550103' });
    await api(live.sim, 'POST', '/telephony/conference/addParticipant', { callId: c });
    const events = conferenceEvents();
    expect((await api(live.sim, 'DELETE', '/telephony/conference')).status).toBe(204);
    expect(await conference()).toEqual({});
    expect(await listCalls(live.sim)).toEqual([]);
    expect(events.map((e) => [e.event, e.data.eventType, e.data.state])).toEqual([['deleted', 'disconnected', 'disconnected']]);
    expect(live.sim.scenario.hostMedia()).toEqual({ sends: false, receives: false });
    for (const id of [a, b, c]) expect((await api(live.sim, 'GET', `/telephony/calls/${id}`)).status).toBe(400);
  });

  it('a three-way call can be left with an attended transfer of the two participants, who stay connected', async () => {
    const [a, b] = await mergedPair();
    const events = conferenceEvents();
    expect((await command(live.sim, 'transfer', { callId1: a, callId2: b })).status).toBe(204);
    expect(await listCalls(live.sim)).toEqual([]);
    expect(await conference()).toEqual({});
    expect(events.at(-1)?.data.eventType).toBe('disconnected');
  });

  it('reset forgets the conference', async () => {
    await mergedPair();
    live.sim.scenario.reset();
    expect(await conference()).toEqual({});
  });
});

describe('non-standard conferences', () => {
  it('a barge-in becomes a bargeIn conference of my one call, with only my own controls', async () => {
    live.sim.scenario.colleagueInCall({ colleague: { name: 'Sam Patel', number: '1003' }, remote: { number: '+14155550198' } });
    const barge = await command(live.sim, 'bargeIn', { target: '1003' });
    const { callId } = barge.body as { callId: string };
    expect(await conference()).toEqual({});
    const events = conferenceEvents();
    await command(live.sim, 'answer', { callId });
    expect(await conference()).toMatchObject({
      state: 'connected',
      type: 'bargeIn',
      participants: [{ callId, muted: false, deafened: false }],
    });
    expect(events.map((e) => [e.data.eventType, e.data.type])).toEqual([['created', 'bargeIn']]);

    expect(descriptionOf(await api(live.sim, 'POST', '/telephony/conference/mute', { callId }))).toMatch(
      /bargeIn conference does not allow/,
    );
    expect(errorCodeOf(await api(live.sim, 'POST', '/telephony/conference/deafen', { callId }))).toBe(STATE_FORBIDS_CODE);
    expect((await api(live.sim, 'POST', '/telephony/conference/mute')).status).toBe(204);
    expect((await conference()).muted).toBe(true);
    expect((await api(live.sim, 'DELETE', '/telephony/conference')).status).toBe(204);
    expect(await listCalls(live.sim)).toEqual([]);
  });

  it('a bargeIn conference ends with its call', async () => {
    live.sim.scenario.colleagueInCall({ colleague: { name: 'Sam Patel', number: '1003' }, remote: { number: '+14155550198' } });
    const { callId } = (await command(live.sim, 'bargeIn', { target: '1003' })).body as { callId: string };
    await command(live.sim, 'answer', { callId });
    await command(live.sim, 'hangup', { callId });
    expect(await conference()).toEqual({});
  });
});

describe('the scenario over HTTP', () => {
  it('/_sim/state shows the conference and what everyone hears', async () => {
    const [a, b] = await mergedPair();
    await api(live.sim, 'POST', '/telephony/conference/deafen', { callId: b });
    const state = (await (await fetch(live.sim.baseUrl.replace(/\/v1$/, '/_sim/state'))).json()) as {
      conference: { participants: unknown[] };
      media: { host: unknown; calls: unknown[] };
    };
    expect(state.conference.participants).toHaveLength(2);
    expect(state.media).toEqual({
      host: { sends: true, receives: true },
      calls: [
        { callId: a, sends: true, receives: true },
        { callId: b, sends: true, receives: false },
      ],
    });
  });
});
