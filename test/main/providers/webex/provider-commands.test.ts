/**
 * Every CallCommand through the Webex provider against the simulator over loopback: what reached the
 * wire (method, path, body incl. lineOwnerId) and what became of the user's calls.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallCommand } from '../../../../src/shared/contract';
import { ProviderError } from '../../../../src/main/provider-api/provider-error';
import { type SimFixture, onWire, startLinesFixture, startSimFixture, wireCall } from './sim-fixture';
import { rejection } from '../../../support/rejection';

let f: SimFixture;

beforeEach(async () => {
  f = await startSimFixture();
});

afterEach(async () => {
  await f.close();
});

/** An endpoint id the simulated user really has (the simulator refuses made-up ones). */
async function someEndpointId(): Promise<string> {
  const endpoints = await f.provider.answerEndpoints();
  return (endpoints.find((e) => e.type === 'APPLICATION') ?? endpoints[0])?.id as string;
}

function failure(promise: Promise<unknown>): Promise<ProviderError> {
  return rejection(promise, ProviderError);
}

describe('placing calls', () => {
  it('dials a number, returns the new call, which rings the user first', async () => {
    const log = f.mark();
    const outcome = await f.provider.execute({ type: 'dial', destination: '+15550102030' });
    expect(onWire(log.read())).toEqual([{ method: 'POST', path: '/telephony/calls/dial', body: { destination: '+15550102030' } }]);
    expect(log.read()[0]?.status).toBe(201);
    expect(outcome.callId).toEqual(expect.any(String));
    const call = wireCall(f.sim, outcome.callId as string);
    expect(call?.personality).toBe('clickToDial');
    expect(call?.state).toBe('alerting');
  });

  it('dial from an endpoint: answering places the call, the far end answering connects it', async () => {
    const endpointId = await someEndpointId();
    const { callId } = await f.provider.execute({ type: 'dial', destination: 'bob@example.com', endpointId });
    expect(f.sim.requests.at(-1)?.body).toEqual({ destination: 'bob@example.com', endpointId });
    await f.provider.execute({ type: 'answer', callId: callId as string });
    expect(wireCall(f.sim, callId as string)).toMatchObject({ personality: 'originator', state: 'connecting' });
    f.sim.scenario.remoteAnswers(callId as string);
    expect(wireCall(f.sim, callId as string)?.state).toBe('connected');
  });
});

describe('a ringing call', () => {
  it('answers it', async () => {
    const id = f.sim.scenario.ringUser({ from: { name: 'Ada', number: '+15550100' } });
    const endpointId = await someEndpointId();
    const log = f.mark();
    expect(await f.provider.execute({ type: 'answer', callId: id, endpointId })).toEqual({});
    expect(onWire(log.read())).toEqual([{ method: 'POST', path: '/telephony/calls/answer', body: { callId: id, endpointId } }]);
    expect(wireCall(f.sim, id)).toMatchObject({ state: 'connected', muteCapable: true });
  });

  it.each([undefined, 'busy', 'temporarilyUnavailable', 'ignore'] as const)('declines it (reason %s)', async (reason) => {
    const id = f.sim.scenario.ringUser({ from: { number: '+15550100' } });
    const log = f.mark();
    await f.provider.execute({ type: 'decline', callId: id, ...(reason ? { reason } : {}) });
    expect(onWire(log.read())).toEqual([
      { method: 'POST', path: '/telephony/calls/reject', body: reason ? { callId: id, action: reason } : { callId: id } },
    ]);
    expect(wireCall(f.sim, id)).toBeUndefined();
  });

  it('diverts it to another number', async () => {
    const id = f.sim.scenario.ringUser({ from: { number: '+15550100' } });
    const log = f.mark();
    await f.provider.execute({ type: 'divert', callId: id, destination: '2002' });
    expect(onWire(log.read())).toEqual([{ method: 'POST', path: '/telephony/calls/divert', body: { callId: id, destination: '2002' } }]);
    expect(wireCall(f.sim, id)).toBeUndefined();
  });

  it('sends it to my voicemail, or to a colleague voicemail', async () => {
    const mine = f.sim.scenario.ringUser({ from: { number: '+15550100' } });
    const theirs = f.sim.scenario.ringUser({ from: { number: '+15550101' } });
    const log = f.mark();
    await f.provider.execute({ type: 'toVoicemail', callId: mine });
    await f.provider.execute({ type: 'toVoicemail', callId: theirs, destination: '2002' });
    expect(onWire(log.read())).toEqual([
      { method: 'POST', path: '/telephony/calls/divert', body: { callId: mine, toVoicemail: true } },
      { method: 'POST', path: '/telephony/calls/divert', body: { callId: theirs, toVoicemail: true, destination: '2002' } },
    ]);
    expect(f.sim.listCalls()).toEqual([]);
  });

  it('hangs up a call the user placed before it connects', async () => {
    const { callId } = await f.provider.execute({ type: 'dial', destination: '2002' });
    await f.provider.execute({ type: 'answer', callId: callId as string });
    const log = f.mark();
    await f.provider.execute({ type: 'hangup', callId: callId as string });
    expect(onWire(log.read())).toEqual([{ method: 'POST', path: '/telephony/calls/hangup', body: { callId } }]);
    expect(wireCall(f.sim, callId as string)).toBeUndefined();
  });
});

describe('a connected call', () => {
  it('holds and resumes it', async () => {
    const id = f.connectedCall();
    const log = f.mark();
    await f.provider.execute({ type: 'hold', callId: id });
    expect(wireCall(f.sim, id)?.state).toBe('held');
    await f.provider.execute({ type: 'resume', callId: id });
    expect(wireCall(f.sim, id)?.state).toBe('connected');
    expect(onWire(log.read())).toEqual([
      { method: 'POST', path: '/telephony/calls/hold', body: { callId: id } },
      { method: 'POST', path: '/telephony/calls/resume', body: { callId: id } },
    ]);
  });

  it('hangs it up', async () => {
    const id = f.connectedCall();
    await f.provider.execute({ type: 'hangup', callId: id });
    expect(f.sim.requests.at(-1)).toMatchObject({ method: 'POST', path: '/telephony/calls/hangup', body: { callId: id } });
    expect(wireCall(f.sim, id)).toBeUndefined();
  });

  it('blind-transfers it with Webex divert', async () => {
    const id = f.connectedCall();
    const log = f.mark();
    await f.provider.execute({ type: 'transfer', callId: id, destination: '+442079460000' });
    expect(onWire(log.read())).toEqual([
      { method: 'POST', path: '/telephony/calls/divert', body: { callId: id, destination: '+442079460000' } },
    ]);
    expect(wireCall(f.sim, id)).toBeUndefined();
  });

  it('attended-transfers two calls', async () => {
    const first = f.connectedCall();
    await f.provider.execute({ type: 'hold', callId: first });
    const second = f.connectedCall({ name: 'Bob', number: '+15550199' });
    const log = f.mark();
    expect(await f.provider.execute({ type: 'attendedTransfer', callId: first, otherCallId: second })).toEqual({});
    expect(onWire(log.read())).toEqual([{ method: 'POST', path: '/telephony/calls/transfer', body: { callId1: first, callId2: second } }]);
    expect(log.read()[0]?.status).toBe(204);
    expect(f.sim.listCalls()).toEqual([]);
  });

  it('attended-transfers with one call named: the other is my only other answered call', async () => {
    const first = f.connectedCall();
    await f.provider.execute({ type: 'hold', callId: first });
    const second = f.connectedCall({ name: 'Bob', number: '+15550199' });
    f.sim.scenario.ringUser({ from: { number: '+15550177' } }); // ringing: not a transfer partner
    const log = f.mark();
    await f.provider.execute({ type: 'attendedTransfer', callId: second });
    expect(onWire(log.read()).at(-1)).toEqual({
      method: 'POST',
      path: '/telephony/calls/transfer',
      body: { callId1: second, callId2: first },
    });
  });

  it('attended-transfers without ids when the user has exactly two calls (Webex picks them)', async () => {
    const first = f.connectedCall();
    await f.provider.execute({ type: 'hold', callId: first });
    f.connectedCall({ name: 'Bob', number: '+15550199' });
    const log = f.mark();
    await f.provider.execute({ type: 'attendedTransfer' });
    expect(onWire(log.read())).toEqual([{ method: 'POST', path: '/telephony/calls/transfer', body: {} }]);
    expect(f.sim.listCalls()).toEqual([]);
  });

  it('refuses an attended transfer with no other call, before sending a transfer', async () => {
    const only = f.connectedCall();
    const log = f.mark();
    const error = await failure(f.provider.execute({ type: 'attendedTransfer', callId: only }));
    expect(error.code).toBe('NOT_ALLOWED');
    expect(log.read().filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('mute-transfers it: the call moves once the destination answers', async () => {
    const id = f.connectedCall();
    const log = f.mark();
    const outcome = await f.provider.execute({ type: 'muteTransfer', callId: id, destination: '2002' });
    expect(onWire(log.read())).toEqual([{ method: 'POST', path: '/telephony/calls/transfer', body: { callId1: id, destination: '2002' } }]);
    expect(log.read()[0]?.status).toBe(201);
    expect(outcome.callId).toEqual(expect.any(String));
    expect(wireCall(f.sim, id)?.state).toBe('connected');
    f.sim.scenario.remoteAnswers(outcome.callId as string);
    expect(wireCall(f.sim, id)).toBeUndefined();
  });

  it('parks it, and retrieves it from where it was parked', async () => {
    const id = f.connectedCall();
    const log = f.mark();
    const { parkedAt } = await f.provider.execute({ type: 'park', callId: id, destination: '2002' });
    expect(onWire(log.read())).toEqual([{ method: 'POST', path: '/telephony/calls/park', body: { callId: id, destination: '2002' } }]);
    expect(parkedAt?.number).toEqual(expect.any(String));
    expect(parkedAt?.privacy).toBe(false);
    expect(wireCall(f.sim, id)).toBeUndefined();
    expect(f.sim.scenario.parked()).toHaveLength(1);

    const retrieved = await f.provider.execute({ type: 'retrieve', destination: parkedAt?.number as string });
    expect(f.sim.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/telephony/calls/retrieve',
      body: { destination: parkedAt?.number },
    });
    expect(retrieved.callId).toEqual(expect.any(String));
    expect(wireCall(f.sim, retrieved.callId as string)).toBeDefined();
    expect(f.sim.scenario.parked()).toHaveLength(0);
  });

  it('group-parks it and retrieves what is parked against me without a destination', async () => {
    const id = f.connectedCall();
    await f.provider.execute({ type: 'park', callId: id, groupPark: true });
    expect(f.sim.requests.at(-1)?.body).toEqual({ callId: id, isGroupPark: true });
    const selfParked = f.connectedCall({ name: 'Bob', number: '+15550199' });
    await f.provider.execute({ type: 'park', callId: selfParked });
    expect(f.sim.requests.at(-1)?.body).toEqual({ callId: selfParked });
    const { callId } = await f.provider.execute({ type: 'retrieve' });
    expect(f.sim.requests.at(-1)).toMatchObject({ path: '/telephony/calls/retrieve', body: {} });
    expect(callId).toEqual(expect.any(String));
  });

  it('sends DTMF tones', async () => {
    const id = f.connectedCall();
    const log = f.mark();
    await f.provider.execute({ type: 'dtmf', callId: id, digits: '1,23#*AB' });
    expect(onWire(log.read())).toEqual([{ method: 'POST', path: '/telephony/calls/transmitDtmf', body: { callId: id, dtmf: '1,23#*AB' } }]);
    expect(f.sim.dtmfLog()).toEqual([{ callId: id, dtmf: '1,23#*AB' }]);
  });

  it('mutes and unmutes it', async () => {
    const id = f.connectedCall();
    await f.provider.execute({ type: 'mute', callId: id });
    expect(f.sim.requests.at(-1)).toMatchObject({ path: '/telephony/calls/mute', body: { callId: id } });
    expect(wireCall(f.sim, id)?.muted).toBe(true);
    await f.provider.execute({ type: 'unmute', callId: id });
    expect(f.sim.requests.at(-1)).toMatchObject({ path: '/telephony/calls/unmute', body: { callId: id } });
    expect(wireCall(f.sim, id)?.muted).toBe(false);
  });

  it('starts, pauses, resumes and stops recording', async () => {
    f.sim.scenario.setRecordingMode('onDemand');
    const id = f.connectedCall();
    const steps: [CallCommand['type'], string][] = [
      ['startRecording', 'started'],
      ['pauseRecording', 'paused'],
      ['resumeRecording', 'started'],
      ['stopRecording', 'stopped'],
    ];
    for (const [type, state] of steps) {
      const log = f.mark();
      await f.provider.execute({ type, callId: id } as CallCommand);
      expect(onWire(log.read())).toEqual([{ method: 'POST', path: `/telephony/calls/${type}`, body: { callId: id } }]);
      expect(wireCall(f.sim, id)?.recordingState).toBe(state);
    }
  });

  it('pushes an assistant call to its executive', async () => {
    const id = f.sim.scenario.ringUser({ from: { number: '+15550100' }, executive: { name: 'Exec', number: '3003' } });
    f.sim.scenario.answerOnDevice(id);
    const log = f.mark();
    await f.provider.execute({ type: 'push', callId: id });
    expect(onWire(log.read())).toEqual([{ method: 'POST', path: '/telephony/calls/push', body: { callId: id } }]);
    expect(log.read()[0]?.status).toBe(204);
    expect(wireCall(f.sim, id)).toBeUndefined();
  });

  it('reports push on a call with no executive as not allowed', async () => {
    const error = await failure(f.provider.execute({ type: 'push', callId: f.connectedCall() }));
    expect(error.code).toBe('NOT_ALLOWED');
    expect(error.message).toMatch(/^Webex refused: Push requires a call that is associated with an executive \(tracking ID ROUTER_/);
  });
});

describe('calls of colleagues', () => {
  it('picks up a colleague ringing call', async () => {
    f.sim.scenario.ringColleague({ colleague: { name: 'Carol', number: '4004' }, from: { number: '+15550100' } });
    const endpointId = await someEndpointId();
    const log = f.mark();
    const { callId } = await f.provider.execute({ type: 'pickup', target: '4004', endpointId });
    expect(onWire(log.read())).toEqual([{ method: 'POST', path: '/telephony/calls/pickup', body: { target: '4004', endpointId } }]);
    expect(callId).toEqual(expect.any(String));
    expect(wireCall(f.sim, callId as string)).toBeDefined();
  });

  it('picks up from the pickup group without a target', async () => {
    f.sim.scenario.ringColleague({ colleague: { name: 'Carol', number: '4004' }, from: { number: '+15550100' } });
    const { callId } = await f.provider.execute({ type: 'pickup' });
    expect(f.sim.requests.at(-1)).toMatchObject({ path: '/telephony/calls/pickup', body: {} });
    expect(callId).toEqual(expect.any(String));
  });

  it('barges in on a colleague call', async () => {
    f.sim.scenario.colleagueInCall({ colleague: { name: 'Dan', number: '5005' }, remote: { number: '+15550100' } });
    const log = f.mark();
    const { callId } = await f.provider.execute({ type: 'bargeIn', target: '5005' });
    expect(onWire(log.read())).toEqual([{ method: 'POST', path: '/telephony/calls/bargeIn', body: { target: '5005' } }]);
    expect(callId).toEqual(expect.any(String));
  });
});

describe('lines', () => {
  beforeEach(async () => {
    await f.close();
    f = await startLinesFixture('line-owner-2', 'line-owner-3', 'line-owner-4', 'line-owner-5');
  });

  it('puts the command line in the body as lineOwnerId', async () => {
    const id = f.connectedCall(undefined, 'line-owner-2');
    await f.provider.execute({ type: 'hold', callId: id, line: 'line-owner-2' });
    expect(f.sim.requests.at(-1)?.body).toEqual({ callId: id, lineOwnerId: 'line-owner-2' });
  });

  const everyCommand: CallCommand[] = [
    { type: 'dial', destination: '2002' },
    { type: 'answer', callId: 'c1' },
    { type: 'decline', callId: 'c1' },
    { type: 'hangup', callId: 'c1' },
    { type: 'hold', callId: 'c1' },
    { type: 'resume', callId: 'c1' },
    { type: 'divert', callId: 'c1', destination: '2002' },
    { type: 'toVoicemail', callId: 'c1' },
    { type: 'transfer', callId: 'c1', destination: '2002' },
    { type: 'attendedTransfer', callId: 'c1', otherCallId: 'c2' },
    { type: 'muteTransfer', callId: 'c1', destination: '2002' },
    { type: 'park', callId: 'c1' },
    { type: 'retrieve' },
    { type: 'pickup' },
    { type: 'bargeIn', target: '2002' },
    { type: 'push', callId: 'c1' },
    { type: 'dtmf', callId: 'c1', digits: '1' },
    { type: 'mute', callId: 'c1' },
    { type: 'unmute', callId: 'c1' },
    { type: 'startRecording', callId: 'c1' },
    { type: 'stopRecording', callId: 'c1' },
    { type: 'pauseRecording', callId: 'c1' },
    { type: 'resumeRecording', callId: 'c1' },
  ];

  it.each(everyCommand.map((c) => [c.type, c] as const))(
    'sends the line of a %s command as lineOwnerId, refused or not',
    async (_type, command) => {
      const log = f.mark();
      await f.provider.execute({ ...command, line: 'line-owner-5' } as CallCommand).catch(() => undefined);
      const sent = log.read();
      expect(sent).toHaveLength(1);
      expect(sent[0]?.method).toBe('POST');
      expect(sent[0]?.body).toMatchObject({ lineOwnerId: 'line-owner-5' });
    },
  );

  it('uses the provider default line for commands and as a query parameter for reads', async () => {
    const provider = f.lineProvider('line-owner-3');
    await provider.execute({ type: 'dial', destination: '2002' });
    expect(f.sim.requests.at(-1)?.body).toEqual({ destination: '2002', lineOwnerId: 'line-owner-3' });
    const snapshot = await provider.snapshot();
    expect(f.sim.requests.at(-1)).toMatchObject({ method: 'GET', path: '/telephony/calls', query: { lineOwnerId: 'line-owner-3' } });
    expect(snapshot.calls.every((c) => c.line === 'line-owner-3')).toBe(true);
  });

  it('lets a command name a line other than the default one', async () => {
    const provider = f.lineProvider('line-owner-3');
    await provider.execute({ type: 'dtmf', callId: f.connectedCall(undefined, 'line-owner-4'), digits: '1', line: 'line-owner-4' });
    expect(f.sim.requests.at(-1)?.body).toMatchObject({ lineOwnerId: 'line-owner-4' });
  });
});

describe('refusals', () => {
  it('reports an unknown call as not found, with the tracking ID', async () => {
    const error = await failure(f.provider.execute({ type: 'hold', callId: 'no-such-call' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/^Webex refused: call not found \(tracking ID ROUTER_[\w-]+\)$/);
    expect(error.trackingId).toMatch(/^ROUTER_/);
  });

  it('reports an ended call as not found', async () => {
    const id = f.connectedCall();
    f.sim.scenario.remoteHangsUp(id);
    expect((await failure(f.provider.execute({ type: 'resume', callId: id }))).code).toBe('NOT_FOUND');
  });

  it('reports a command the call state forbids in Webex own words', async () => {
    const id = f.sim.scenario.ringUser({ from: { number: '+15550100' } });
    const error = await failure(f.provider.execute({ type: 'hold', callId: id }));
    expect(error.code).toBe('NOT_ALLOWED');
    expect(error.message).toMatch(/^Webex refused: .+ \(tracking ID ROUTER_[\w-]+\)$/);
    expect(wireCall(f.sim, id)?.state).toBe('alerting');
  });

  it('reports a 403 as missing permission', async () => {
    f.sim.faults.failNext({ path: '/telephony/calls/hold', status: 403 });
    const error = await failure(f.provider.execute({ type: 'hold', callId: f.connectedCall() }));
    expect(error.code).toBe('PROVIDER');
    expect(error.message).toMatch(/Webex Calling user/);
  });

  it('does not resend a command Webex answered with 503: it may have been applied', async () => {
    const id = f.connectedCall();
    f.sim.faults.failNext({ path: '/telephony/calls/hold', status: 503 });
    const log = f.mark();
    const error = await failure(f.provider.execute({ type: 'hold', callId: id }));
    expect(error).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
    expect(log.read()).toHaveLength(1);
  });

  it('reports an expired token as signed out', async () => {
    f.sim.faults.expireToken();
    expect((await failure(f.provider.snapshot())).code).toBe('AUTH');
  });
});
