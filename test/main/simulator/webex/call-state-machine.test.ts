import { describe, expect, it } from 'vitest';
import { REDIRECT_REASONS } from '../../../../src/main/simulator/webex/wire';
import {
  api,
  command,
  connectedIncomingCall,
  connectedOutgoingCall,
  descriptionOf,
  errorCodeOf,
  eventFor,
  getCall,
  listCalls,
  nextEvent,
} from './sim-test-kit';
import { simPerTest } from './sim-per-test';

const live = simPerTest();

describe('an outgoing call (dial)', () => {
  it('alerts the user devices, then connects once the user answers and the far end picks up', async () => {
    const dial = await command(live.sim, 'dial', { destination: '+14155550123' });
    expect(dial.status).toBe(201);
    const { callId, callSessionId } = dial.body as { callId: string; callSessionId: string };
    expect(Buffer.from(callId, 'base64url').toString()).toMatch(/^ciscospark:\/\/us\/CALL\/callhalf-\d+:0$/);
    expect(Buffer.from(callSessionId, 'base64url').toString()).toMatch(/^[0-9a-f-]{36}$/);

    const alerting = await getCall(live.sim, callId);
    expect(alerting).toMatchObject({ personality: 'clickToDial', state: 'alerting', muteCapable: false, appearance: 1 });
    expect(alerting.remoteParty.number).toBe('+14155550123');
    expect(alerting.answered).toBeUndefined();

    const answered = nextEvent(live.sim, eventFor(callId, 'answered'));
    expect((await command(live.sim, 'answer', { callId })).status).toBe(204);
    const connecting = await getCall(live.sim, callId);
    expect(connecting).toMatchObject({ personality: 'originator', state: 'connecting', muteCapable: true });

    await answered;
    const connected = await getCall(live.sim, callId);
    expect(connected).toMatchObject({ personality: 'originator', state: 'connected', muteCapable: true, muted: false });
    expect(Date.parse(connected.answered ?? '')).not.toBeNaN();
  });

  it('stays connecting when the far end does not answer, until the scenario makes it answer', async () => {
    await live.restart({ farEndAnswerMs: null });
    const { callId } = (await command(live.sim, 'dial', { destination: '1002' })).body as { callId: string };
    await command(live.sim, 'answer', { callId });
    expect((await getCall(live.sim, callId)).state).toBe('connecting');
    live.sim.scenario.remoteAnswers(callId);
    expect((await getCall(live.sim, callId)).state).toBe('connected');
  });

  it('never connects a destination set to noAnswer', async () => {
    live.sim.scenario.setDestinationBehaviour('+14155550777', 'noAnswer');
    const { callId } = (await command(live.sim, 'dial', { destination: '+1 (415) 555-0777' })).body as { callId: string };
    await command(live.sim, 'answer', { callId });
    // Another call answered after the far-end delay proves the delay has passed.
    await connectedOutgoingCall(live.sim, '1003');
    expect((await getCall(live.sim, callId)).state).toBe('connecting');
  });

  it('names a dialled colleague from the directory and classifies external numbers', async () => {
    const colleague = (await command(live.sim, 'dial', { destination: '1002' })).body as { callId: string };
    const external = (await command(live.sim, 'dial', { destination: '+442071234567' })).body as { callId: string };
    expect((await getCall(live.sim, colleague.callId)).remoteParty).toMatchObject({
      name: 'Jordan Lee',
      number: '1002',
      callType: 'location',
    });
    expect((await getCall(live.sim, external.callId)).remoteParty).toMatchObject({ number: '+442071234567', callType: 'external' });
  });

  it('cancels the click-to-dial when the user hangs up before answering', async () => {
    const { callId } = (await command(live.sim, 'dial', { destination: '1002' })).body as { callId: string };
    expect((await command(live.sim, 'hangup', { callId })).status).toBe(204);
    expect(await listCalls(live.sim)).toEqual([]);
  });

  it('alerts only the endpoint a dial names, and is answered there', async () => {
    const endpoints = (await api(live.sim, 'GET', '/telephony/config/people/me/settings/availablePreferredAnswerEndpoints')).body as {
      endpoints: { id: string }[];
    };
    const [deskPhone, app] = endpoints.endpoints.map((e) => e.id);
    const { callId } = (await command(live.sim, 'dial', { destination: '1002', endpointId: app })).body as { callId: string };
    const elsewhere = await command(live.sim, 'answer', { callId, endpointId: deskPhone });
    expect(elsewhere.status).toBe(400);
    expect(descriptionOf(elsewhere)).toMatch(/not alerting/);
    const answered = nextEvent(live.sim, eventFor(callId, 'originated'));
    live.sim.scenario.answerOnDevice(callId);
    expect((await answered).data).toMatchObject({ endpointId: app, endpointType: 'APPLICATION' });
  });

  it('requires a destination and a known endpoint', async () => {
    expect((await command(live.sim, 'dial', {})).status).toBe(400);
    const unknownEndpoint = await command(live.sim, 'dial', { destination: '1002', endpointId: 'not-an-endpoint' });
    expect(unknownEndpoint.status).toBe(400);
    expect(descriptionOf(unknownEndpoint)).toMatch(/endpoint/);
  });
});

describe('an incoming call', () => {
  it('rings as an alerting terminator that cannot be muted, and connects when answered', async () => {
    const callId = live.sim.scenario.ringUser({ from: { name: 'Casey Caller', number: '+14155550199', callType: 'external' } });
    const ringing = await getCall(live.sim, callId);
    expect(ringing).toMatchObject({ personality: 'terminator', state: 'alerting', muteCapable: false, appearance: 1 });
    expect(ringing.remoteParty).toMatchObject({
      name: 'Casey Caller',
      number: '+14155550199',
      callType: 'external',
      privacyEnabled: false,
    });

    expect((await command(live.sim, 'answer', { callId })).status).toBe(204);
    const connected = await getCall(live.sim, callId);
    expect(connected).toMatchObject({ state: 'connected', muteCapable: true });
    expect(connected.answered).toBeDefined();
  });

  it.each(REDIRECT_REASONS)('lists a %s redirection while alerting, and drops it once answered', async (reason) => {
    const callId = live.sim.scenario.ringUser({
      from: { number: '+14155550199' },
      redirections: [
        { reason, by: { name: 'Jordan Lee', number: '1002' } },
        { reason: 'unconditional', by: { name: 'Sales', number: '1500' } },
      ],
    });
    const ringing = await getCall(live.sim, callId);
    expect(ringing.redirections).toEqual([
      { reason, redirectingParty: { name: 'Jordan Lee', number: '1002', privacyEnabled: false } },
      { reason: 'unconditional', redirectingParty: { name: 'Sales', number: '1500', privacyEnabled: false } },
    ]);
    await command(live.sim, 'answer', { callId });
    expect((await getCall(live.sim, callId)).redirections).toBeUndefined();
  });

  it('hides a private caller and shows a park recall', async () => {
    const privateCall = live.sim.scenario.ringUser({ from: { name: 'Secret', number: '+14155550100', privacyEnabled: true } });
    expect((await getCall(live.sim, privateCall)).remoteParty).toEqual({ privacyEnabled: true });
    const recall = live.sim.scenario.ringUser({ from: { number: '+14155550101' }, recall: { party: { name: 'Park 1', number: '1801' } } });
    expect((await getCall(live.sim, recall)).recall).toEqual({
      type: 'park',
      party: { name: 'Park 1', number: '1801', privacyEnabled: false },
    });
  });

  it('is answered on the desk phone by the scenario exactly as by the API', async () => {
    const callId = live.sim.scenario.ringUser({ from: { number: '+14155550199' } });
    live.sim.scenario.answerOnDevice(callId);
    expect((await getCall(live.sim, callId)).state).toBe('connected');
  });

  it('answers on a listed endpoint and refuses an unknown one', async () => {
    const endpoints = (await api(live.sim, 'GET', '/telephony/config/people/me/settings/availablePreferredAnswerEndpoints')).body as {
      endpoints: { id: string }[];
    };
    const callId = live.sim.scenario.ringUser({ from: { number: '+14155550199' } });
    expect((await command(live.sim, 'answer', { callId, endpointId: 'bogus' })).status).toBe(400);
    expect((await command(live.sim, 'answer', { callId, endpointId: endpoints.endpoints[1]?.id })).status).toBe(204);
  });

  it('cannot be answered twice', async () => {
    const callId = await connectedIncomingCall(live.sim);
    const again = await command(live.sim, 'answer', { callId });
    expect(again.status).toBe(400);
    expect(errorCodeOf(again)).not.toBe(101002);
  });

  it('is rejected (busy by default, or any listed action) only while it rings unanswered', async () => {
    const first = live.sim.scenario.ringUser({ from: { number: '+14155550199' } });
    expect((await command(live.sim, 'reject', { callId: first })).status).toBe(204);
    const second = live.sim.scenario.ringUser({ from: { number: '+14155550198' } });
    expect((await command(live.sim, 'reject', { callId: second, action: 'sideways' })).status).toBe(400);
    expect((await command(live.sim, 'reject', { callId: second, action: 'temporarilyUnavailable' })).status).toBe(204);
    const answered = await connectedIncomingCall(live.sim);
    const refused = await command(live.sim, 'reject', { callId: answered });
    expect(refused.status).toBe(400);
    expect(descriptionOf(refused)).toMatch(/unanswered incoming/);
  });

  it('ends as a reject when hung up while ringing', async () => {
    const callId = live.sim.scenario.ringUser({ from: { number: '+14155550199' } });
    expect((await command(live.sim, 'hangup', { callId })).status).toBe(204);
    expect(await listCalls(live.sim)).toEqual([]);
    expect(live.sim.history()[0]).toMatchObject({ type: 'missed', number: '+14155550199' });
  });

  it('disappears with completedElsewhere when another agent takes it', async () => {
    const callId = live.sim.scenario.ringUser({
      from: { number: '+14155550199' },
      redirections: [{ reason: 'callQueue', by: { name: 'Support', number: '1600' } }],
    });
    const disconnected = nextEvent(live.sim, eventFor(callId, 'disconnected'));
    live.sim.scenario.answeredElsewhere(callId);
    const event = await disconnected;
    expect(event.data.completedElsewhere).toBe(true);
    expect(event.data.appearance).toBeUndefined();
    expect(await listCalls(live.sim)).toEqual([]);
    expect(live.sim.history()).toEqual([]);
  });

  it('ends when the caller hangs up', async () => {
    const callId = await connectedIncomingCall(live.sim);
    live.sim.scenario.remoteHangsUp(callId);
    expect(await listCalls(live.sim)).toEqual([]);
    expect((await api(live.sim, 'GET', `/telephony/calls/${callId}`)).status).toBe(400);
  });

  it('can be diverted while ringing or answered, to a number or to voicemail', async () => {
    const ringing = live.sim.scenario.ringUser({ from: { number: '+14155550199' } });
    expect((await command(live.sim, 'divert', { callId: ringing })).status).toBe(400);
    expect((await command(live.sim, 'divert', { callId: ringing, destination: '1002' })).status).toBe(204);
    const answered = await connectedIncomingCall(live.sim);
    expect((await command(live.sim, 'divert', { callId: answered, toVoicemail: true })).status).toBe(204);
    expect(await listCalls(live.sim)).toEqual([]);
  });
});

describe('hold, resume and remote hold', () => {
  it('holds a connected call and resumes a held one', async () => {
    const callId = await connectedIncomingCall(live.sim);
    expect((await command(live.sim, 'resume', { callId })).status).toBe(400);
    expect((await command(live.sim, 'hold', { callId })).status).toBe(204);
    expect((await getCall(live.sim, callId)).state).toBe('held');
    const again = await command(live.sim, 'hold', { callId });
    expect(again.status).toBe(400);
    expect(descriptionOf(again)).toBe('Hold requires a connected call');
    expect((await command(live.sim, 'resume', { callId })).status).toBe(204);
    expect((await getCall(live.sim, callId)).state).toBe('connected');
  });

  it('shows remoteHeld while the other side holds, and connected again when it resumes', async () => {
    const callId = await connectedOutgoingCall(live.sim, '1002');
    live.sim.scenario.remoteHolds(callId);
    expect((await getCall(live.sim, callId)).state).toBe('remoteHeld');
    expect((await command(live.sim, 'hold', { callId })).status).toBe(400);
    live.sim.scenario.remoteResumes(callId);
    expect((await getCall(live.sim, callId)).state).toBe('connected');
  });

  it('holds the call in progress when the user answers another, and numbers appearances', async () => {
    const first = await connectedIncomingCall(live.sim, { number: '+14155550101' });
    const second = live.sim.scenario.ringUser({ from: { number: '+14155550102' } });
    expect((await getCall(live.sim, second)).appearance).toBe(2);
    await command(live.sim, 'answer', { callId: second });
    expect((await getCall(live.sim, first)).state).toBe('held');
    expect((await getCall(live.sim, second)).state).toBe('connected');
    await command(live.sim, 'hangup', { callId: first });
    const third = live.sim.scenario.ringUser({ from: { number: '+14155550103' } });
    expect((await getCall(live.sim, third)).appearance).toBe(1);
  });

  it('refuses a scenario remote hold on a call that is not connected', async () => {
    const callId = live.sim.scenario.ringUser({ from: { number: '+14155550199' } });
    expect(() => live.sim.scenario.remoteHolds(callId)).toThrow(/connected/);
    expect(() => live.sim.scenario.remoteAnswers('nope')).toThrow(/Call not found/);
  });
});
