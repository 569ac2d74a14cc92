/**
 * The simulator's call log on the wire (docs/wire/ringcentral-and-bandwidth.md §A6), with no client
 * code: every ended call of the user's is one record with RingCentral's result, newest first; the
 * documented filters and paging; another extension's log is not the user's; and it counts against
 * the Heavy rate group.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type SimKit, TEL, startSimKit } from './sim-kit';

const LOG = '/restapi/v1.0/account/~/extension/~/call-log';
let kit: SimKit;
beforeEach(async () => {
  kit = await startSimKit();
});
afterEach(async () => kit.sim.close());

const ring = (phoneNumber: string) => kit.sim.scenario.ringUser({ from: { phoneNumber, name: `Caller ${phoneNumber.slice(-2)}` } });

describe('records of ended calls', () => {
  test('missed, voicemail, rejected and answered inbound calls, and an unanswered call-out, each with its result', async () => {
    kit.sim.scenario.remoteHangsUp(ring('+15550100001'));
    kit.timers.advance(1_000);
    kit.sim.scenario.toVoicemail(ring('+15550100002'));
    kit.timers.advance(1_000);
    const rejected = ring('+15550100003');
    expect((await kit.call('POST', `${TEL}/sessions/${rejected}/parties/${kit.myParty(rejected)}/reject`)).status).toBe(204);
    kit.timers.advance(1_000);
    const answered = ring('+15550100004');
    kit.sim.scenario.answerOnDevice(answered);
    kit.timers.advance(42_000);
    kit.sim.scenario.remoteHangsUp(answered);
    const out = await kit.call('POST', `${TEL}/call-out`, { from: { deviceId: '800002' }, to: { phoneNumber: '+16502223366' } });
    kit.sim.scenario.remoteHangsUp(out.body.session.id);
    ring('+15550100005'); // still ringing: not in the log

    const { status, body } = await kit.call('GET', LOG);
    expect(status).toBe(200);
    expect(body.records.map((r: { result: string; direction: string }) => [r.direction, r.result])).toEqual([
      ['Outbound', 'No Answer'],
      ['Inbound', 'Accepted'],
      ['Inbound', 'Rejected'],
      ['Inbound', 'Voicemail'],
      ['Inbound', 'Missed'],
    ]);
    expect(body.records[1]).toMatchObject({
      type: 'Voice',
      action: 'Phone Call',
      duration: 42,
      telephonySessionId: answered,
      from: { phoneNumber: '+15550100004', name: 'Caller 04' },
    });
    expect(body.paging).toMatchObject({ page: 1, perPage: 100, totalElements: 5, totalPages: 1 });
  });

  test('calls from before the simulator started are logged like ended ones, in their place by start time', async () => {
    kit.sim.scenario.remoteHangsUp(ring('+15550100001'));
    const now = kit.timers.now();
    kit.sim.scenario.pastCall({
      direction: 'Outbound',
      answered: false,
      remote: { extensionNumber: '102', name: 'Bob' },
      startedAt: now - 3_600_000,
      durationSec: 0,
    });
    kit.sim.scenario.pastCall({
      direction: 'Inbound',
      answered: true,
      remote: { phoneNumber: '+15550100009' },
      startedAt: now - 60_000,
      durationSec: 30,
    });
    const { body } = await kit.call('GET', LOG);
    expect(body.records.map((r: { result: string; direction: string }) => [r.direction, r.result])).toEqual([
      ['Inbound', 'Missed'],
      ['Inbound', 'Accepted'],
      ['Outbound', 'No Answer'],
    ]);
    expect(body.records[1]).toMatchObject({
      duration: 30,
      from: { phoneNumber: '+15550100009' },
      to: { phoneNumber: kit.sim.me.phoneNumber },
    });
    expect(body.records[2]).toMatchObject({
      startTime: new Date(now - 3_600_000).toISOString(),
      to: { extensionNumber: '102', name: 'Bob' },
    });
    expect(new Set(body.records.map((r: { id: string }) => r.id)).size).toBe(3);
  });

  test('filters and pages as documented: direction, dateFrom, perPage and page; perPage over 1000 is refused', async () => {
    for (let i = 0; i < 5; i++) {
      kit.sim.scenario.remoteHangsUp(ring(`+155501000${i}0`));
      kit.timers.advance(60_000);
    }
    const since = new Date(kit.timers.now() - 3 * 60_000 - 1).toISOString();
    const recent = await kit.call('GET', `${LOG}?dateFrom=${encodeURIComponent(since)}`);
    expect(recent.body.records.map((r: { from: { phoneNumber: string } }) => r.from.phoneNumber)).toEqual([
      '+15550100040',
      '+15550100030',
      '+15550100020',
    ]);
    const second = await kit.call('GET', `${LOG}?perPage=2&page=2`);
    expect(second.body.records.map((r: { from: { phoneNumber: string } }) => r.from.phoneNumber)).toEqual(['+15550100020', '+15550100010']);
    expect(second.body.paging).toMatchObject({ page: 2, perPage: 2, totalElements: 5, totalPages: 3 });
    expect((await kit.call('GET', `${LOG}?direction=Outbound`)).body.records).toEqual([]);
    expect((await kit.call('GET', `${LOG}?perPage=1001`)).status).toBe(400);
  });

  test("another extension's log is not the user's; the call log is in the Heavy group", async () => {
    expect((await kit.call('GET', '/restapi/v1.0/account/~/extension/999/call-log')).status).toBe(404);
    const { headers } = await kit.call('GET', LOG);
    expect(headers.get('x-rate-limit-group')).toBe('heavy');
    expect(headers.get('x-rate-limit-limit')).toBe('10');
  });
});
