/**
 * The simulated call flows of docs/wire/ringcentral-and-bandwidth.md §A3 as a scenario drives them:
 * call-out Setup → Proceeding → Answered, inbound Proceeding → VoiceMail or Disconnected (Cancelled,
 * missed), each change of the user's party counted in its own sequence.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { type SimKit, TEL, startSimKit } from './sim-kit';

let k: SimKit;
beforeEach(async () => {
  k = await startSimKit();
});
afterEach(async () => k.sim.close());

function mine(sid: string) {
  return k.sim.session(sid)?.parties.find((p) => p.extensionId === k.sim.me.extensionId);
}

test('a call-out: the user’s device first (Setup), then the destination rings (Proceeding), then it answers', async () => {
  const answer = await k.call('POST', `${TEL}/call-out`, { from: { deviceId: '800002' }, to: { phoneNumber: '+16502223366' } });
  expect(answer.status).toBe(201);
  const sid = answer.body.session.id as string;
  expect(answer.body.session.parties[0]).toMatchObject({
    direction: 'Outbound',
    status: { code: 'Setup' },
    to: { phoneNumber: '+16502223366' },
  });
  expect(answer.body.session.parties[0].sequence).toBeUndefined();
  k.sim.scenario.proceeds(sid);
  expect(mine(sid)?.status.code).toBe('Proceeding');
  k.sim.scenario.remoteAnswers(sid);
  expect(mine(sid)).toMatchObject({ status: { code: 'Answered' }, sequence: 3 });
  expect(() => k.sim.scenario.remoteAnswers(sid)).toThrow(/not ringing out/);
});

test('an unanswered inbound call goes to voicemail; a cancelled one is missed and the session disappears', async () => {
  const first = k.sim.scenario.ringUser({ from: { phoneNumber: '+15550100' }, setup: true });
  expect(mine(first)?.status.code).toBe('Setup');
  k.sim.scenario.toVoicemail(first);
  expect(mine(first)).toMatchObject({ status: { code: 'VoiceMail', reason: 'Voicemail' }, missedCall: true });
  const second = k.sim.scenario.ringUser({ from: { phoneNumber: '+15550100' } });
  k.sim.scenario.remoteHangsUp(second);
  expect(k.sim.session(second)).toBeUndefined();
  expect((await k.call('GET', `${TEL}/sessions/${second}`)).status).toBe(404);
});

test('a picked-up parked call: the parked party is Gone (Pickup) pointing at the new one, which is Answered', async () => {
  const sid = k.sim.scenario.ringUser({ from: { phoneNumber: '+15550100' } });
  k.sim.scenario.answerOnDevice(sid);
  const pid = k.myParty(sid);
  expect((await k.call('POST', `${TEL}/sessions/${sid}/parties/${pid}/park`)).body.park).toEqual({ id: '*801' });
  const picked = await k.call('POST', `${TEL}/sessions/${sid}/parties/${pid}/pickup`, { deviceId: '800003' });
  expect(picked.status).toBe(201);
  const parked = k.sim.session(sid)?.parties.find((p) => p.id === pid);
  expect(parked?.status).toMatchObject({ code: 'Gone', reason: 'Pickup', peerId: { partyId: picked.body.id, telephonySessionId: sid } });
  // The orbit is free again.
  const other = k.sim.scenario.ringUser({ from: { phoneNumber: '+15550101' } });
  k.sim.scenario.answerOnDevice(other);
  expect((await k.call('POST', `${TEL}/sessions/${other}/parties/${k.myParty(other)}/park`)).body.park).toEqual({ id: '*801' });
});

test('scenario reset forgets every call', () => {
  k.sim.scenario.ringUser({ from: { phoneNumber: '+15550100' } });
  k.sim.scenario.reset();
  expect(k.sim.sessions()).toEqual([]);
});
