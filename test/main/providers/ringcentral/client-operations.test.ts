/**
 * Every RingCentral operation the client offers reaches the simulator as RingCentral documents it
 * (method, path, body) and its answer is read back.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DESK_PHONE, type RcFixture, startRcFixture } from './rc-fixture';

const T = '/restapi/v1.0/account/~/telephony';
let f: RcFixture;

beforeEach(async () => {
  f = await startRcFixture();
});
afterEach(async () => f.close());

describe('account reads', () => {
  test('the current extension, its devices and its presence with active calls', async () => {
    const me = await f.client.me();
    expect(me).toMatchObject({ id: '400200', extensionNumber: '101', account: { id: '400100' } });
    const devices = await f.client.devices();
    expect(devices.map((d) => [d.id, d.type, d.status])).toEqual([
      ['800001', 'WebRTC', 'Online'],
      ['800002', 'HardPhone', 'Online'],
      ['800003', 'SoftPhone', 'Online'],
    ]);
    const { sid, pid } = f.ringing();
    const wire = f.mark();
    const presence = await f.client.presence();
    expect(presence.activeCalls).toEqual([expect.objectContaining({ telephonySessionId: sid, partyId: pid, telephonyStatus: 'Ringing' })]);
    expect(wire.read()[0]).toMatchObject({ method: 'GET', path: '/restapi/v1.0/account/~/extension/~/presence' });
    expect(f.sim.requests.at(-1)?.query).toEqual({ detailedTelephonyState: 'true' });
  });

  test('a WebSocket token and the URI to open', async () => {
    const token = await f.client.wsToken();
    expect(token.uri).toBe(`${f.sim.baseUrl.replace('http', 'ws')}/ws`);
    expect(token.ws_access_token).toMatch(/^ws-/);
  });
});

describe('sessions', () => {
  test('call-out from the desk phone to a number, then the far end answers and the call is dropped', async () => {
    const wire = f.mark();
    const session = await f.client.callOut(DESK_PHONE, { phoneNumber: '+16502223366' });
    expect(wire.read()).toEqual([
      { method: 'POST', path: `${T}/call-out`, body: { from: { deviceId: DESK_PHONE }, to: { phoneNumber: '+16502223366' } } },
    ]);
    expect(session.origin?.type).toBe('CallOut');
    expect(session.parties[0]).toMatchObject({ direction: 'Outbound', status: { code: 'Setup' }, from: { deviceId: DESK_PHONE } });
    f.sim.scenario.remoteAnswers(session.id);
    const read = await f.client.session(session.id);
    expect(read.parties.map((p) => p.status.code)).toEqual(['Answered', 'Answered']);
    await f.client.dropSession(session.id);
    expect(f.sim.session(session.id)).toBeUndefined();
  });

  test('call-out to an extension number', async () => {
    const wire = f.mark();
    await f.client.callOut(DESK_PHONE, { extensionNumber: '103' });
    expect(wire.read()[0]?.body).toEqual({ from: { deviceId: DESK_PHONE }, to: { extensionNumber: '103' } });
  });

  test('a conference session, and bringing an answered call into it', async () => {
    const conference = await f.client.conference();
    expect(conference.origin?.type).toBe('Conference');
    expect(conference.voiceCallToken).toBeDefined();
    const { sid, pid } = f.connected();
    const wire = f.mark();
    const joined = await f.client.bringIn(conference.id, { sessionId: sid, partyId: pid });
    expect(wire.read()).toEqual([
      { method: 'POST', path: `${T}/sessions/${conference.id}/parties/bring-in`, body: { sessionId: sid, partyId: pid } },
    ]);
    expect(joined.status.code).toBe('Answered');
    expect(f.sim.session(sid)?.parties.find((p) => p.id === pid)?.status.code).toBe('Gone');
  });

  test('supervising a session and a party in Listen mode', async () => {
    const { sid, pid } = f.connected();
    const body = { mode: 'Listen' as const, supervisorDeviceId: DESK_PHONE, agentExtensionId: '400300', autoAnswer: true };
    const wire = f.mark();
    await f.client.superviseSession(sid, body);
    await f.client.superviseParty(sid, pid, {
      mode: 'Listen',
      supervisorDeviceId: DESK_PHONE,
      agentExtensionNumber: '103',
      mediaSDP: 'sendOnly',
    });
    expect(wire.read().map((r) => [r.method, r.path])).toEqual([
      ['POST', `${T}/sessions/${sid}/supervise`],
      ['POST', `${T}/sessions/${sid}/parties/${pid}/supervise`],
    ]);
  });
});

describe('parties', () => {
  test('read, mute and unmute (sent in the {party:{…}} form)', async () => {
    const { sid, pid } = f.connected();
    expect((await f.client.party(sid, pid)).status.code).toBe('Answered');
    const wire = f.mark();
    expect((await f.client.updateParty(sid, pid, { muted: true })).muted).toBe(true);
    expect((await f.client.updateParty(sid, pid, { muted: false })).muted).toBe(false);
    expect(wire.read()).toEqual([
      { method: 'PATCH', path: `${T}/sessions/${sid}/parties/${pid}`, body: { party: { muted: true } } },
      { method: 'PATCH', path: `${T}/sessions/${sid}/parties/${pid}`, body: { party: { muted: false } } },
    ]);
  });

  test('hold and unhold', async () => {
    const { sid, pid } = f.connected();
    expect((await f.client.hold(sid, pid)).status.code).toBe('Hold');
    expect((await f.client.unhold(sid, pid)).status.code).toBe('Answered');
    expect((await f.client.hold(sid, pid, 'RC')).status.code).toBe('Hold');
    expect(f.sim.requests.at(-1)?.body).toEqual({ proto: 'RC' });
  });

  test('answer on a device', async () => {
    const { sid, pid } = f.ringing();
    const wire = f.mark();
    expect((await f.client.answer(sid, pid, DESK_PHONE)).status.code).toBe('Answered');
    expect(wire.read()).toEqual([{ method: 'POST', path: `${T}/sessions/${sid}/parties/${pid}/answer`, body: { deviceId: DESK_PHONE } }]);
  });

  test('reject a ringing call', async () => {
    const { sid, pid } = f.ringing();
    await f.client.reject(sid, pid);
    expect(f.sim.session(sid)?.parties.find((p) => p.id === pid)?.status).toEqual({ code: 'Disconnected', reason: 'Rejected' });
  });

  test('ignore a ringing call-queue call', async () => {
    const { sid, pid } = f.ringing({ queue: true });
    const wire = f.mark();
    await f.client.ignore(sid, pid, DESK_PHONE);
    expect(wire.read()).toEqual([{ method: 'POST', path: `${T}/sessions/${sid}/parties/${pid}/ignore`, body: { deviceId: DESK_PHONE } }]);
  });

  test.each([[{ phoneNumber: '+16505550111' }], [{ voicemail: '400200' }], [{ extensionNumber: '103' }], [{ extensionId: '400300' }]])(
    'forward a ringing call to %o',
    async (target) => {
      const { sid, pid } = f.ringing();
      const wire = f.mark();
      const party = await f.client.forward(sid, pid, target);
      expect(wire.read()).toEqual([{ method: 'POST', path: `${T}/sessions/${sid}/parties/${pid}/forward`, body: target }]);
      expect(party.status.code).toBe('voicemail' in target ? 'VoiceMail' : 'Gone');
    },
  );

  test.each([[{ phoneNumber: '+16505550111' }], [{ extensionNumber: '103' }], [{ voicemail: '400300' }], [{ parkOrbit: '*805' }]])(
    'transfer an answered call to %o',
    async (target) => {
      const { sid, pid } = f.connected();
      const wire = f.mark();
      const party = await f.client.transfer(sid, pid, target);
      expect(wire.read()).toEqual([{ method: 'POST', path: `${T}/sessions/${sid}/parties/${pid}/transfer`, body: target }]);
      expect(party.status.code).toBe('parkOrbit' in target ? 'Parked' : 'Gone');
    },
  );

  test('reply with text, and with a pattern that has a time and unit', async () => {
    const { sid, pid } = f.ringing();
    const wire = f.mark();
    await f.client.reply(sid, pid, { replyWithText: 'In a meeting' });
    await f.client.reply(sid, pid, { replyWithPattern: { pattern: 'WillCallYouBack', time: 5, timeUnit: 'Minute' } });
    expect(wire.read().map((r) => r.body)).toEqual([
      { replyWithText: 'In a meeting' },
      { replyWithPattern: { pattern: 'WillCallYouBack', time: 5, timeUnit: 'Minute' } },
    ]);
  });

  test('flip to another device', async () => {
    const { sid, pid } = f.connected();
    const wire = f.mark();
    await f.client.flip(sid, pid, '*2');
    expect(wire.read()).toEqual([{ method: 'POST', path: `${T}/sessions/${sid}/parties/${pid}/flip`, body: { callFlipId: '*2' } }]);
  });

  test('park returns the orbit; pickup takes the parked call onto a device; the parked party can be deleted', async () => {
    const { sid, pid } = f.connected();
    const parked = await f.client.park(sid, pid);
    expect(parked.park?.id).toBe('*801');
    expect(parked.status.code).toBe('Parked');
    const picked = await f.client.pickup(sid, pid, DESK_PHONE);
    expect(picked.status.code).toBe('Answered');
    expect(f.sim.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `${T}/sessions/${sid}/parties/${pid}/pickup`,
      body: { deviceId: DESK_PHONE },
    });
    const second = f.connected();
    await f.client.park(second.sid, second.pid);
    await f.client.deleteParty(second.sid, second.pid);
    expect(f.sim.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `${T}/sessions/${second.sid}/parties/${second.pid}` });
  });

  test('bridge two of my answered calls', async () => {
    const first = f.connected();
    const second = f.connected();
    const wire = f.mark();
    const bridged = await f.client.bridge(first.sid, first.pid, { telephonySessionId: second.sid, partyId: second.pid });
    expect(wire.read()).toEqual([
      {
        method: 'POST',
        path: `${T}/sessions/${first.sid}/parties/${first.pid}/bridge`,
        body: { telephonySessionId: second.sid, partyId: second.pid },
      },
    ]);
    expect(bridged.status.code).toBe('Answered');
  });

  test('start, pause and resume a recording', async () => {
    const { sid, pid } = f.connected();
    const started = await f.client.startRecording(sid, pid);
    expect(started.active).toBe(true);
    expect((await f.client.setRecording(sid, pid, started.id, false)).active).toBe(false);
    expect((await f.client.setRecording(sid, pid, started.id, true)).active).toBe(true);
    expect(f.sim.requests.slice(-2).map((r) => [r.method, r.path, r.body])).toEqual([
      ['PATCH', `${T}/sessions/${sid}/parties/${pid}/recordings/${started.id}`, { active: false }],
      ['PATCH', `${T}/sessions/${sid}/parties/${pid}/recordings/${started.id}`, { active: true }],
    ]);
  });
});
