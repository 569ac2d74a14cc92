/**
 * The Bandwidth History tab shows the user's real calls: Switchboard's own legs to "my phone" are left
 * out (by their tag, even after my phone changes in settings), and when a page of Catapult's newest
 * calls holds few of the user's calls the next page is read — up to three, each a request in the paced
 * queue. Against the Catapult simulator on a hand clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BandwidthProvider, MY_PHONE_LEG_TAG } from '../../../../src/main/providers/bandwidth/provider';
import { type Rig, drive, settle, startRig } from './client-kit';

const MY_PHONE = '+14045550999';
const CALLEE = '+14045550456';
const OTHER_NUMBER = '+19195550777';
let rig: Rig;
let myPhone: string;

afterEach(async () => {
  await rig?.sim.close();
});

async function start(options: { pageSize?: number; historyPages?: number; intervalMs?: number } = {}): Promise<BandwidthProvider> {
  rig = await startRig({ sim: { farEndAnswerMs: 1000 }, gate: { intervalMs: options.intervalMs ?? 0 } });
  myPhone = '';
  return new BandwidthProvider({
    client: rig.client,
    userId: rig.sim.userId,
    number: rig.sim.numbers[0] ?? '',
    now: () => rig.clock.now(),
    myPhone: () => myPhone,
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    ...(options.historyPages === undefined ? {} : { historyPages: options.historyPages }),
  });
}

/** A call to my number that rang out unanswered, a second after the one before (so newest-first is clear). */
function missedCall(from: string, to?: string): string {
  rig.clock.advance(1_000);
  const id = rig.sim.scenario.ringIn({ from, ...(to ? { to } : {}) });
  rig.sim.scenario.farEndHangsUp(id);
  return id;
}

function listRequests() {
  return rig.sim.requests.filter((r) => r.method === 'GET' && /\/calls$/.test(r.path));
}

describe('Bandwidth history', () => {
  it('leaves out the leg that rang my phone for a click-to-call, even once my phone has changed in settings', async () => {
    const provider = await start();
    myPhone = MY_PHONE;
    const { callId } = await provider.execute({ type: 'dial', destination: CALLEE });
    expect(rig.sim.calls().find((c) => c.id === callId)?.tag).toBe(MY_PHONE_LEG_TAG);
    rig.clock.advance(1_000); // my phone answers
    await settle(rig.gate);
    await provider.snapshot(); // calls the callee
    await provider.execute({ type: 'hangup', callId: callId ?? '' });
    rig.clock.advance(1_000);
    await settle(rig.gate);
    await provider.snapshot();
    myPhone = '';
    expect((await provider.history()).map((e) => [e.type, e.number])).toEqual([['placed', CALLEE]]);
  });

  it('reads the next page when the newest holds few of my calls (other numbers’ calls), and no further than needed', async () => {
    const provider = await start({ pageSize: 10 });
    const mine = [missedCall('+14045550001'), missedCall('+14045550002'), missedCall('+14045550003')];
    for (let i = 0; i < 12; i++) missedCall(`+1404555020${i % 10}`, OTHER_NUMBER);
    const before = listRequests().length;
    const history = await provider.history();
    expect(history.map((e) => e.callId)).toEqual([...mine].reverse());
    // Page 1 held none of mine, page 2 two of them: the last page ends the list (no third request needed).
    expect(
      listRequests()
        .slice(before)
        .map((r) => r.query.page ?? '0'),
    ).toEqual(['0', '1']);
  });

  it('reads one page when it holds enough of my calls', async () => {
    const provider = await start({ pageSize: 4 });
    for (let i = 0; i < 6; i++) missedCall(`+1404555000${i}`);
    const before = listRequests().length;
    expect(await provider.history()).toHaveLength(4);
    expect(listRequests().length - before).toBe(1);
  });

  it('stops at three pages, and for a kind asked for reads on while that kind is scarce', async () => {
    const provider = await start({ pageSize: 4 });
    const missed = missedCall('+14045550001');
    for (let i = 0; i < 20; i++) missedCall(`+1404555020${i % 10}`, OTHER_NUMBER);
    const before = listRequests().length;
    expect(await provider.history('missed')).toEqual([]);
    expect(listRequests().length - before).toBe(3);
    // With more pages allowed, the missed call further back is found.
    const patient = new BandwidthProvider({
      client: rig.client,
      userId: rig.sim.userId,
      number: rig.sim.numbers[0] ?? '',
      pageSize: 4,
      historyPages: 6,
    });
    expect((await patient.history('missed')).map((e) => e.callId)).toEqual([missed]);
  });

  it('sends each further page through the paced queue: one request per 1.1 s', async () => {
    const provider = await start({ pageSize: 4, intervalMs: 1_100 });
    for (let i = 0; i < 20; i++) missedCall(`+1404555020${i % 10}`, OTHER_NUMBER);
    const before = listRequests().length;
    let done = false;
    void provider.history().then(() => {
      done = true;
    });
    await drive(rig, () => done);
    const times = listRequests()
      .slice(before)
      .map((r) => r.at);
    expect(times).toHaveLength(3);
    expect(times.slice(1).map((t, i) => t - (times[i] ?? 0))).toEqual([1_100, 1_100]);
  });
});
