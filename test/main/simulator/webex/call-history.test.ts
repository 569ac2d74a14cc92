import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyListSchema } from '../../../../src/main/providers/webex/wire';
import type { WebexSimulator } from '../../../../src/main/simulator/webex';
import { api, command, connectedIncomingCall, startSim } from './sim-test-kit';

let sim: WebexSimulator;
beforeEach(async () => {
  sim = await startSim();
});
afterEach(async () => {
  await sim.close();
});

async function history(type?: string) {
  const result = await api(sim, 'GET', `/telephony/calls/history${type ? `?type=${type}` : ''}`);
  expect(result.status).toBe(200);
  return historyListSchema.parse(result.body).items;
}

describe('call history', () => {
  it('records placed calls when dialled, received when answered and missed when unanswered', async () => {
    await command(sim, 'dial', { destination: '1002' });
    await connectedIncomingCall(sim, { name: 'Casey Caller', number: '+14155550199' });
    const missed = sim.scenario.ringUser({ from: { name: 'Missy', number: '+14155550111' } });
    sim.scenario.remoteHangsUp(missed);
    const hidden = sim.scenario.ringUser({ from: { number: '+14155550112', privacyEnabled: true } });
    expect((await command(sim, 'reject', { callId: hidden })).status).toBe(204);

    expect(await history('placed')).toEqual([
      expect.objectContaining({ type: 'placed', name: 'Jordan Lee', number: '1002', privacyEnabled: false }),
    ]);
    expect(await history('received')).toEqual([
      expect.objectContaining({ type: 'received', name: 'Casey Caller', number: '+14155550199' }),
    ]);
    expect(await history('missed')).toEqual([
      { type: 'missed', privacyEnabled: true, time: expect.any(String) },
      expect.objectContaining({ type: 'missed', name: 'Missy' }),
    ]);
    const all = await history();
    expect(all).toHaveLength(4);
    expect(all.map((r) => r.time)).toEqual([...all.map((r) => r.time)].sort().reverse());
  });

  it('keeps at most 20 records per type, newest first', async () => {
    for (let i = 0; i < 23; i += 1) await command(sim, 'dial', { destination: `+1415555${String(1000 + i)}` });
    for (let i = 0; i < 3; i += 1) sim.scenario.remoteHangsUp(sim.scenario.ringUser({ from: { number: `+1650555000${i}` } }));
    const placed = await history('placed');
    expect(placed).toHaveLength(20);
    expect(placed[0]?.number).toBe('+14155551022');
    expect(placed[19]?.number).toBe('+14155551003');
    expect(await history('missed')).toHaveLength(3);
    expect(await history()).toHaveLength(23);
    expect(sim.history()).toHaveLength(23);
  });

  it('refuses an unknown type', async () => {
    expect((await api(sim, 'GET', '/telephony/calls/history?type=deleted')).status).toBe(400);
  });
});
