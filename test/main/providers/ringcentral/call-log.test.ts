/**
 * RingCentral history from its call log, the real provider against the simulator over loopback: calls
 * that ended show as missed (rang out unanswered, went to voicemail, rejected), received or placed,
 * newest first, with who it was; the read is the documented one (Voice, Simple view, a week back, one
 * page of 100); one odd record never hides the others; and the call log's Heavy rate group is respected
 * (a 429 there holds back only call-log reads, and nothing reaches RingCentral until its wait is over).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { RingCentralProvider } from '../../../../src/main/providers/ringcentral/provider';
import type { FetchFn } from '../../../../src/main/provider-api/http-client';
import { type RcFixture, startRcFixture } from './rc-fixture';
import { eventually } from '../../../support/eventually';

const CALL_LOG = '/restapi/v1.0/account/~/extension/~/call-log';
let f: RcFixture;
let provider: RingCentralProvider;

async function start(fetch?: FetchFn): Promise<void> {
  f = await startRcFixture(fetch ? { client: { fetch } } : {});
  provider = new RingCentralProvider(f.client, { now: () => f.timers.now() });
}
afterEach(async () => f.close());

const ring = (name: string, phoneNumber: string) => f.sim.scenario.ringUser({ from: { phoneNumber, name } });

describe('the call log as history', () => {
  test('ended calls show as missed, received or placed, newest first; Missed filters', async () => {
    await start();
    const gaveUp = ring('Ada Lovelace', '+15550100101');
    f.timers.advance(20_000);
    f.sim.scenario.remoteHangsUp(gaveUp);

    const voicemail = ring('Bob Jones', '+15550100102');
    f.timers.advance(1_000);
    f.sim.scenario.toVoicemail(voicemail);

    const taken = ring('Carol White', '+15550100103');
    f.sim.scenario.answerOnDevice(taken);
    f.timers.advance(1_000);
    f.sim.scenario.remoteHangsUp(taken);

    const stillRinging = ring('Dan Brown', '+15550100104');
    expect(stillRinging).toBeTruthy();

    expect(await provider.history()).toEqual([
      { type: 'received', name: 'Carol White', number: '+15550100103', privacy: false, time: expect.any(String) },
      { type: 'missed', name: 'Bob Jones', number: '+15550100102', privacy: false, time: expect.any(String) },
      { type: 'missed', name: 'Ada Lovelace', number: '+15550100101', privacy: false, time: expect.any(String) },
    ]);
    expect((await provider.history('missed')).map((e) => e.name)).toEqual(['Bob Jones', 'Ada Lovelace']);
    expect(await provider.history('placed')).toEqual([]);
  });

  test('a call the user declined is missed; a call placed from here is placed, named by its destination', async () => {
    await start();
    const declined = ring('Erin Green', '+15550100105');
    await provider.snapshot();
    await provider.execute({ type: 'decline', callId: declined });

    const { callId } = await provider.execute({ type: 'dial', destination: '+16502223366' });
    f.sim.scenario.remoteHangsUp(callId ?? '');

    expect(await provider.history()).toEqual([
      { type: 'placed', number: '+16502223366', privacy: false, time: expect.any(String) },
      { type: 'missed', name: 'Erin Green', number: '+15550100105', privacy: false, time: expect.any(String) },
    ]);
  });

  test('the read is the documented one: voice calls, Simple view, one page of 100 since a week ago', async () => {
    await start();
    const wire = f.mark();
    await provider.history();
    const [read] = f.sim.requests.filter((r) => r.path === CALL_LOG);
    expect(wire.read()).toEqual([{ method: 'GET', path: CALL_LOG, body: undefined }]);
    expect(read?.query).toEqual({
      type: 'Voice',
      view: 'Simple',
      perPage: '100',
      page: '1',
      dateFrom: new Date(f.timers.now() - 7 * 24 * 3600_000).toISOString(),
    });
  });

  test('one odd record never hides the others; a call still under way and a withheld number are told apart', async () => {
    // The simulator answers; this fetch adds what a real call log may hold around its records.
    const oddOnes = [
      { id: 'no-start', direction: 'Inbound', result: 'Missed', from: { phoneNumber: '+15550100999' } },
      {
        id: 'under-way',
        startTime: '2026-01-05T08:59:00Z',
        direction: 'Inbound',
        result: 'ResultInProgress',
        from: { phoneNumber: '+1555' },
      },
      { id: 'withheld', startTime: '2026-01-05T08:58:00Z', direction: 'Inbound', result: 'Missed', from: { name: 'Anonymous' } },
      {
        id: 'new-result',
        startTime: '2026-01-05T08:57:00Z',
        direction: 'Inbound',
        result: 'Some Future Result',
        from: { extensionNumber: '105' },
      },
      'not even an object',
    ];
    await start(async (input, init) => {
      const response = await fetch(input, init);
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (!url.pathname.endsWith('/call-log') || response.status !== 200) return response;
      const body = (await response.json()) as { records: unknown[] };
      return new Response(JSON.stringify({ ...body, records: [...body.records, ...oddOnes] }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    });
    const gaveUp = ring('Ada Lovelace', '+15550100101');
    f.sim.scenario.remoteHangsUp(gaveUp);

    expect(await provider.history()).toEqual([
      { type: 'missed', name: 'Ada Lovelace', number: '+15550100101', privacy: false, time: expect.any(String) },
      { type: 'missed', name: 'Anonymous', privacy: true, time: '2026-01-05T08:58:00Z' },
      { type: 'received', number: '105', privacy: false, time: '2026-01-05T08:57:00Z' },
    ]);
  });

  test('Heavy rate group: a 429 on the call log holds back only the call log, which is read again after the wait', async () => {
    await start();
    const gaveUp = ring('Ada Lovelace', '+15550100101');
    f.sim.scenario.remoteHangsUp(gaveUp);
    f.sim.faults.rateLimit({ method: 'GET', path: '/call-log' }, 60);
    const callLogReads = () => f.sim.requests.filter((r) => r.path === CALL_LOG).length;

    const history = provider.history();
    await eventually(() => expect(callLogReads()).toBe(1));
    // Light reads go on during the Heavy penalty.
    expect((await provider.snapshot()).calls).toEqual([]);
    f.timers.advance(30_000);
    expect(callLogReads()).toBe(1);
    f.timers.advance(30_000);
    expect((await history).map((e) => e.name)).toEqual(['Ada Lovelace']);
    expect(callLogReads()).toBe(2);
  });
});
