/**
 * The RingCentral Provider over the simulator: a full read lists the user's live calls, each command
 * becomes the one Call Control request that carries it out, commands RingCentral cannot do are refused
 * before anything is sent, and a live event maps to the same Call as a read.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CallCommand } from '../../../../src/shared/contract';
import { RingCentralProvider } from '../../../../src/main/providers/ringcentral/provider';
import { createTelephonySubscription } from '../../../../src/main/providers/ringcentral/subscription';
import type { WireSessionEvent } from '../../../../src/main/providers/ringcentral/wire';
import { DESK_PHONE, type RcFixture, startRcFixture } from './rc-fixture';
import { eventually } from '../../../support/eventually';

const T = '/restapi/v1.0/account/~/telephony';
let f: RcFixture;
let provider: RingCentralProvider;
beforeEach(async () => {
  f = await startRcFixture();
  provider = new RingCentralProvider(f.client, { now: () => f.timers.now() });
});
afterEach(async () => f.close());

describe('reads', () => {
  test('snapshot: presence, then each active session; ended calls are not listed', async () => {
    const ringing = f.ringing();
    const connected = f.connected();
    const ended = f.connected();
    f.sim.scenario.remoteHangsUp(ended.sid);
    const snapshot = await provider.snapshot();
    expect(snapshot.conferences).toEqual([]);
    expect(snapshot.calls.map((c) => [c.id, c.state])).toEqual([
      [ringing.sid, 'alerting'],
      [connected.sid, 'connected'],
    ]);
  });

  test('account and answer endpoints', async () => {
    expect(await provider.account()).toEqual({
      provider: 'ringcentral',
      personId: '400200',
      displayName: 'Sam Simulator',
      email: 'sim.user@example.com',
      extension: '101',
    });
    expect((await provider.answerEndpoints()).map((e) => e.id)).toEqual(['800002', '800003']);
  });
});

describe('commands on the wire', () => {
  async function sent(command: CallCommand) {
    const wire = f.mark();
    const outcome = await provider.execute(command);
    // Only what changes state: reads of the user, devices and the session are the provider's business.
    return { outcome, requests: wire.read().filter((r) => r.method !== 'GET') };
  }

  test('dial calls out from the default desk phone; a short number is an extension', async () => {
    const { outcome, requests } = await sent({ type: 'dial', destination: '+1 (650) 222-3366' });
    expect(requests).toEqual([
      { method: 'POST', path: `${T}/call-out`, body: { from: { deviceId: DESK_PHONE }, to: { phoneNumber: '+16502223366' } } },
    ]);
    expect(outcome.callId).toMatch(/^s-/);
    const ext = await sent({ type: 'dial', destination: '103', endpointId: '800003' });
    expect(ext.requests[0]?.body).toEqual({ from: { deviceId: '800003' }, to: { extensionNumber: '103' } });
  });

  test('answer, decline, divert and voicemail on a ringing call', async () => {
    let call = f.ringing();
    await provider.snapshot();
    expect((await sent({ type: 'answer', callId: call.sid })).requests).toEqual([
      { method: 'POST', path: `${T}/sessions/${call.sid}/parties/${call.pid}/answer`, body: { deviceId: DESK_PHONE } },
    ]);
    call = f.ringing();
    expect((await sent({ type: 'decline', callId: call.sid })).requests.map((r) => r.path)).toEqual([
      `${T}/sessions/${call.sid}/parties/${call.pid}/reject`,
    ]);
    call = f.ringing({ queue: true });
    expect((await sent({ type: 'decline', callId: call.sid, reason: 'ignore' })).requests.map((r) => r.path)).toEqual([
      `${T}/sessions/${call.sid}/parties/${call.pid}/ignore`,
    ]);
    call = f.ringing();
    expect((await sent({ type: 'divert', callId: call.sid, destination: '+16505550111' })).requests.at(-1)).toMatchObject({
      path: `${T}/sessions/${call.sid}/parties/${call.pid}/forward`,
      body: { phoneNumber: '+16505550111' },
    });
    call = f.ringing();
    expect((await sent({ type: 'toVoicemail', callId: call.sid })).requests.at(-1)).toMatchObject({
      path: `${T}/sessions/${call.sid}/parties/${call.pid}/forward`,
      body: { voicemail: '400200' },
    });
  });

  test('hold, resume, mute, unmute, recording, transfer, voicemail, park and hang up on an answered call', async () => {
    const call = f.connected();
    const p = `${T}/sessions/${call.sid}/parties/${call.pid}`;
    expect((await sent({ type: 'hold', callId: call.sid })).requests).toEqual([{ method: 'POST', path: `${p}/hold`, body: {} }]);
    expect((await sent({ type: 'resume', callId: call.sid })).requests.map((r) => r.path)).toEqual([`${p}/unhold`]);
    expect((await sent({ type: 'mute', callId: call.sid })).requests).toEqual([
      { method: 'PATCH', path: p, body: { party: { muted: true } } },
    ]);
    expect((await sent({ type: 'unmute', callId: call.sid })).requests[0]?.body).toEqual({ party: { muted: false } });
    expect((await sent({ type: 'startRecording', callId: call.sid })).requests.map((r) => r.path)).toEqual([`${p}/recordings`]);
    const paused = await sent({ type: 'pauseRecording', callId: call.sid });
    expect(paused.requests.at(-1)).toMatchObject({ method: 'PATCH', body: { active: false } });
    expect((await sent({ type: 'resumeRecording', callId: call.sid })).requests.at(-1)).toMatchObject({
      method: 'PATCH',
      body: { active: true },
    });
    const second = f.connected();
    await provider.snapshot();
    expect((await sent({ type: 'transfer', callId: second.sid, destination: '103' })).requests.at(-1)).toMatchObject({
      path: `${T}/sessions/${second.sid}/parties/${second.pid}/transfer`,
      body: { extensionNumber: '103' },
    });
    const third = f.connected();
    expect((await sent({ type: 'toVoicemail', callId: third.sid, destination: '400300' })).requests.at(-1)).toMatchObject({
      path: `${T}/sessions/${third.sid}/parties/${third.pid}/transfer`,
      body: { voicemail: '400300' },
    });
    const fourth = f.connected();
    expect((await sent({ type: 'park', callId: fourth.sid })).outcome).toEqual({ parkedAt: { number: '*801', privacy: false } });
    const fifth = f.connected();
    expect((await sent({ type: 'park', callId: fifth.sid, destination: '*850' })).requests.at(-1)).toMatchObject({
      path: `${T}/sessions/${fifth.sid}/parties/${fifth.pid}/transfer`,
      body: { parkOrbit: '*850' },
    });
    expect((await sent({ type: 'hangup', callId: call.sid })).requests).toEqual([
      { method: 'DELETE', path: `${T}/sessions/${call.sid}`, body: undefined },
    ]);
  });

  test.each<CallCommand>([
    { type: 'dtmf', callId: 's-1', digits: '1' },
    { type: 'push', callId: 's-1' },
    { type: 'bargeIn', target: '103' },
    { type: 'attendedTransfer' },
    { type: 'muteTransfer', callId: 's-1', destination: '103' },
    { type: 'stopRecording', callId: 's-1' },
    { type: 'pickup', target: '103' },
  ])('$type is refused as not possible, with nothing sent', async (command) => {
    const wire = f.mark();
    await expect(provider.execute(command)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    expect(wire.read()).toEqual([]);
  });

  test('an address is not a RingCentral destination', async () => {
    const wire = f.mark();
    await expect(provider.execute({ type: 'dial', destination: 'ada@example.com' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(wire.read()).toEqual([]);
  });
});

test('live events map to the same Call as a read, and an ended call comes out disconnected', async () => {
  const sub = createTelephonySubscription({ wsToken: (signal) => f.client.wsToken({ signal }), timers: f.timers });
  const events: WireSessionEvent[] = [];
  sub.on('sessionChanged', (e) => events.push(e));
  const connected = new Promise((resolve) => sub.on('connected', resolve));
  sub.start();
  await connected;
  try {
    const call = f.ringing();
    await eventually(() => expect(events).toHaveLength(1));
    const fromEvent = await provider.callFromEvent(events[0] as WireSessionEvent);
    const fromRead = (await provider.snapshot()).calls[0];
    expect(fromEvent?.call).toEqual(fromRead);
    f.sim.scenario.remoteHangsUp(call.sid);
    await eventually(() => expect(events).toHaveLength(2));
    expect(await provider.callFromEvent(events[1] as WireSessionEvent)).toMatchObject({
      endReason: 'missed',
      call: { state: 'disconnected' },
    });
  } finally {
    sub.stop();
  }
});

// A Retrieve RingCentral refused for a reason that leaves the call in its orbit (a device it would not
// take, a rate limit) keeps the call parked; only "not found" (gone from the orbit) forgets it.
async function parkedCall(): Promise<string> {
  const call = f.connected();
  await provider.execute({ type: 'park', callId: call.sid });
  return call.sid;
}

describe('a Retrieve RingCentral refused', () => {
  test('refused as a bad request (400): the call stays parked and Retrieve again takes it back', async () => {
    const sid = await parkedCall();
    f.sim.faults.serverError({ method: 'POST', path: '/pickup' }, 400);
    await expect(provider.execute({ type: 'retrieve' })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    expect(await provider.execute({ type: 'retrieve' })).toEqual({ callId: sid });
  });

  test('refused for a rate limit too long to wait out: the call stays parked and Retrieve again takes it back', async () => {
    const sid = await parkedCall();
    f.sim.faults.rateLimit({ method: 'POST', path: '/pickup' }, 600);
    await expect(provider.execute({ type: 'retrieve' })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    f.timers.advance(600_000);
    expect(await provider.execute({ type: 'retrieve' })).toEqual({ callId: sid });
  });

  test('refused as not found: the call has left the orbit and is forgotten', async () => {
    await parkedCall();
    f.sim.faults.serverError({ method: 'POST', path: '/pickup' }, 404);
    await expect(provider.execute({ type: 'retrieve' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(provider.execute({ type: 'retrieve' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No call parked from Switchboard is waiting.',
    });
  });
});
