/**
 * RingCentral sessions as the user sees them: state from the user's own party, the other side as
 * caller/callee, redirections for queue and forwarded calls, end reasons, and exactly the actions
 * RingCentral allows in each state. Sessions come from the simulator through the client.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { actionsFor } from '../../../../src/main/providers/ringcentral/actions';
import { chooseDevice, toAnswerEndpoints } from '../../../../src/main/providers/ringcentral/devices';
import { endReasonOf, toCall } from '../../../../src/main/providers/ringcentral/mapping';
import type { WireDevice, WireParty } from '../../../../src/main/providers/ringcentral/wire';
import { DESK_PHONE, type RcFixture, startRcFixture } from './rc-fixture';

const ME = { extensionId: '400200' };
let f: RcFixture;
beforeEach(async () => {
  f = await startRcFixture();
});
afterEach(async () => f.close());

async function callOf(sid: string) {
  const mapped = toCall(await f.client.session(sid), ME, { now: '2026-01-05T09:00:00.000Z' });
  if (!mapped) throw new Error('no call');
  return mapped;
}

describe('states and parties', () => {
  test('an inbound call rings (alerting) with the caller as remote, then is connected, held, resumed', async () => {
    const { sid, pid } = f.ringing();
    const ringing = await callOf(sid);
    expect(ringing.partyId).toBe(pid);
    expect(ringing.call).toMatchObject({
      id: sid,
      provider: 'ringcentral',
      direction: 'incoming',
      state: 'alerting',
      remote: { name: 'Ada Lovelace', number: '+15550100', callType: 'external' },
      redirections: [],
    });
    expect(ringing.call.actions).toEqual(['answer', 'decline', 'divert', 'toVoicemail', 'reply']);
    f.sim.scenario.answerOnDevice(sid);
    expect((await callOf(sid)).call).toMatchObject({ state: 'connected', muteCapable: true, answeredAt: '2026-01-05T09:00:00.000Z' });
    await f.client.hold(sid, pid);
    expect((await callOf(sid)).call.state).toBe('held');
    await f.client.unhold(sid, pid);
    f.sim.scenario.remoteHolds(sid);
    expect((await callOf(sid)).call.state).toBe('remoteHeld');
  });

  test('a call-out is connecting with the callee as remote until the far end answers', async () => {
    const session = await f.client.callOut(DESK_PHONE, { phoneNumber: '+16502223366' });
    const mapped = toCall(session, ME);
    expect(mapped?.call).toMatchObject({
      direction: 'clickToDial',
      state: 'connecting',
      remote: { number: '+16502223366' },
      actions: ['hangup'],
    });
    f.sim.scenario.remoteAnswers(session.id);
    expect((await callOf(session.id)).call.state).toBe('connected');
  });

  test('a session in which the user has no party is not a call of theirs', () => {
    expect(
      toCall({ id: 's-x', parties: [{ id: 'p-1', extensionId: '999', status: { code: 'Answered' }, recordings: [] }] }, ME),
    ).toBeUndefined();
  });

  test('an unknown status code keeps the call visible instead of failing', () => {
    const mapped = toCall(
      { id: 's-x', parties: [{ id: 'p-1', extensionId: '400200', direction: 'Inbound', status: { code: 'unknown' }, recordings: [] }] },
      ME,
    );
    expect(mapped?.call.state).toBe('alerting');
  });
});

describe('redirections while ringing', () => {
  test('a call-queue call names the queue and offers Ignore', async () => {
    const { sid } = f.ringing({ queue: true });
    const { call } = await callOf(sid);
    expect(call.redirections).toEqual([
      { reason: 'callQueue', by: { name: 'Support', number: '+16505550199', privacy: false, callType: 'external' } },
    ]);
    expect(call.actions).toContain('ignore');
  });

  test('a call forwarded by a colleague names the colleague', async () => {
    const sid = f.sim.scenario.ringUser({
      from: { phoneNumber: '+15550100' },
      forwardedBy: { name: 'Grace Hopper', extensionId: '400300', extensionNumber: '103' },
    });
    const { call } = await callOf(sid);
    expect(call.redirections).toEqual([
      { reason: 'unconditional', by: { name: 'Grace Hopper', number: '103', privacy: false, callType: 'organization' } },
    ]);
    f.sim.scenario.answerOnDevice(sid);
    expect((await callOf(sid)).call.redirections).toEqual([]);
  });
});

describe('ended calls', () => {
  const ended = (code: string, reason?: string, missedCall?: boolean): WireParty => ({
    id: 'p',
    status: { code: code as 'Gone', ...(reason ? { reason } : {}) },
    recordings: [],
    ...(missedCall ? { missedCall } : {}),
  });

  test.each([
    ['Parked', undefined, 'parked'],
    ['VoiceMail', 'Voicemail', 'voicemail'],
    ['Gone', 'BlindTransfer', 'transferred'],
    ['Gone', 'Pickup', 'pickedUp'],
    ['Gone', 'CallFlip', 'flipped'],
    ['Gone', 'CallRedirected', 'forwarded'],
    ['Disconnected', 'Rejected', 'rejected'],
    ['Disconnected', 'Cancelled', 'missed'],
    ['Disconnected', 'CallDropped', 'dropped'],
    ['Disconnected', undefined, 'completed'],
  ])('%s (%s) is disconnected: %s', (code, reason, expected) => {
    expect(endReasonOf(ended(code, reason))).toBe(expected);
  });

  test('a parked call is disconnected for the user and offers nothing', async () => {
    const { sid, pid } = f.connected();
    await f.client.park(sid, pid);
    const mapped = await callOf(sid);
    expect(mapped).toMatchObject({
      endReason: 'parked',
      call: { state: 'disconnected', actions: [], endedAt: '2026-01-05T09:00:00.000Z' },
    });
  });
});

describe('actions per state', () => {
  test('answered: hang up, hold, mute, transfer, voicemail, park (own incoming), flip, start recording; then pause/resume', async () => {
    const { sid, pid } = f.connected();
    expect((await callOf(sid)).call.actions).toEqual([
      'hangup',
      'hold',
      'mute',
      'transfer',
      'toVoicemail',
      'park',
      'flip',
      'startRecording',
    ]);
    const recording = await f.client.startRecording(sid, pid);
    await f.client.updateParty(sid, pid, { muted: true });
    expect((await callOf(sid)).call).toMatchObject({ recording: 'started', muted: true });
    expect((await callOf(sid)).call.actions).toEqual([
      'hangup',
      'hold',
      'unmute',
      'transfer',
      'toVoicemail',
      'park',
      'flip',
      'pauseRecording',
    ]);
    await f.client.setRecording(sid, pid, recording.id, false);
    expect((await callOf(sid)).call.actions.at(-1)).toBe('resumeRecording');
  });

  test('on hold: hang up, resume, mute, transfer, voicemail, park', async () => {
    const { sid, pid } = f.connected();
    await f.client.hold(sid, pid);
    expect((await callOf(sid)).call.actions).toEqual(['hangup', 'resume', 'mute', 'transfer', 'toVoicemail', 'park']);
  });

  test('a conference session is never offered recording', () => {
    const party: WireParty = { id: 'p', direction: 'Outbound', status: { code: 'Answered' }, recordings: [] };
    expect(actionsFor(party, { type: 'Conference' })).not.toContain('startRecording');
  });
});

describe('devices', () => {
  const device = (id: string, type: WireDevice['type'], status: WireDevice['status'] = 'Online'): WireDevice => ({
    id,
    type,
    status,
    name: `${type} ${id}`,
  });

  test('the default is the first online desk phone or softphone; a usable preferred one wins', async () => {
    const devices = await f.client.devices();
    expect(chooseDevice(devices).id).toBe(DESK_PHONE);
    expect(chooseDevice(devices, '800003').id).toBe('800003');
    expect(chooseDevice(devices, '800001').id).toBe(DESK_PHONE);
    expect(toAnswerEndpoints(devices).map((e) => [e.id, e.preferred])).toEqual([
      ['800002', true],
      ['800003', false],
    ]);
  });

  test('no usable device is a clear refusal', () => {
    expect(() => chooseDevice([device('1', 'WebRTC'), device('2', 'HardPhone', 'Offline')])).toThrow(
      /No RingCentral desk phone or softphone is online/,
    );
    expect(() => chooseDevice([device('1', 'WebRTC')])).toThrow(/has no desk phone or softphone/);
  });
});
