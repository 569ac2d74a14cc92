/**
 * The RingCentral simulator's command journal and its connection-reset fault, on the raw wire: every
 * state-changing request is journaled with whether it was carried out; a reset before applying leaves
 * the call as it was, a reset after applying changes it, and neither answers.
 */
import { afterEach, expect, test } from 'vitest';
import { type SimKit, TEL, startSimKit } from './sim-kit';

let k: SimKit;
afterEach(async () => k.sim.close());

function connected(): { sid: string; pid: string } {
  const sid = k.sim.scenario.ringUser({ from: { phoneNumber: '+15550100' } });
  k.sim.scenario.answerOnDevice(sid);
  return { sid, pid: k.myParty(sid) };
}

test('the journal names each command, its answer and whether it was carried out; reads are not journaled', async () => {
  k = await startSimKit();
  const { sid, pid } = connected();
  await k.call('GET', `${TEL}/sessions/${sid}`);
  expect((await k.call('POST', `${TEL}/sessions/${sid}/parties/${pid}/hold`, {})).status).toBe(200);
  expect((await k.call('POST', `${TEL}/sessions/${sid}/parties/${pid}/hold`, {})).status).toBe(409);
  k.sim.faults.serverError({ path: '/unhold' }, 503);
  expect((await k.call('POST', `${TEL}/sessions/${sid}/parties/${pid}/unhold`)).status).toBe(503);
  expect((await k.call('DELETE', `${TEL}/sessions/${sid}`)).status).toBe(204);
  expect(k.sim.journal.map((e) => [e.operation, e.sessionId, e.status, e.applied])).toEqual([
    ['hold', sid, 200, true],
    ['hold', sid, 409, false],
    ['unhold', sid, 503, false],
    ['drop', sid, 204, true],
  ]);
  expect(k.sim.journal[0]?.partyId).toBe(pid);
});

test('a reset before applying cuts the connection and leaves the call as it was', async () => {
  k = await startSimKit();
  const { sid, pid } = connected();
  k.sim.faults.reset({ path: `/parties/${pid}/hold` }, false);
  await expect(k.call('POST', `${TEL}/sessions/${sid}/parties/${pid}/hold`, {})).rejects.toThrow();
  expect(k.sim.session(sid)?.parties.find((p) => p.id === pid)?.status.code).toBe('Answered');
  expect(k.sim.journal).toEqual([expect.objectContaining({ operation: 'hold', status: undefined, applied: false })]);
});

test('a reset after applying cuts the connection once the call has changed', async () => {
  k = await startSimKit();
  const { sid, pid } = connected();
  k.sim.faults.reset({ path: `/parties/${pid}/hold` }, true);
  await expect(k.call('POST', `${TEL}/sessions/${sid}/parties/${pid}/hold`, {})).rejects.toThrow();
  expect(k.sim.session(sid)?.parties.find((p) => p.id === pid)?.status.code).toBe('Hold');
  expect(k.sim.journal).toEqual([expect.objectContaining({ operation: 'hold', status: undefined, applied: true })]);
});

test('a simulator that records nothing (the demo) keeps neither requests nor a journal, so a long demo stays flat', async () => {
  k = await startSimKit({ recordRequests: false });
  const { sid, pid } = connected();
  await k.call('GET', `${TEL}/sessions/${sid}`);
  expect((await k.call('POST', `${TEL}/sessions/${sid}/parties/${pid}/hold`, {})).status).toBe(200);
  expect(k.sim.session(sid)?.parties.find((p) => p.id === pid)?.status.code).toBe('Hold');
  expect(k.sim.requests).toEqual([]);
  expect(k.sim.journal).toEqual([]);
});

test('a fault aimed at the second matching request lets the first through and hits the second', async () => {
  k = await startSimKit();
  const first = connected();
  const second = connected();
  k.sim.faults.serverError({ method: 'POST', path: '/hold', nth: 2 }, 503);
  expect((await k.call('POST', `${TEL}/sessions/${first.sid}/parties/${first.pid}/hold`, {})).status).toBe(200);
  expect((await k.call('POST', `${TEL}/sessions/${second.sid}/parties/${second.pid}/hold`, {})).status).toBe(503);
  expect((await k.call('POST', `${TEL}/sessions/${second.sid}/parties/${second.pid}/hold`, {})).status).toBe(200);
  expect(k.sim.journal.map((e) => [e.sessionId, e.status, e.applied])).toEqual([
    [first.sid, 200, true],
    [second.sid, 503, false],
    [second.sid, 200, true],
  ]);
});
