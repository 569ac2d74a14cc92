import { describe, expect, it } from 'vitest';
import { startWebexSimulator } from '../../../../src/main/simulator/webex';
import { api, command, connectedIncomingCall, listCalls, startSim } from './sim-test-kit';
import { eventually } from '../../../support/eventually';

function activeTimeouts(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
}

describe('simulator lifecycle', () => {
  it('listens on loopback with a /v1 base URL and defaults that a demo can use', async () => {
    const sim = await startWebexSimulator();
    try {
      expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      expect((await api(sim, 'GET', '/telephony/calls')).body).toEqual({ items: [] });
    } finally {
      await sim.close();
    }
  });

  it('closes with hung requests, pending latency and pending timers, leaving no timer behind', async () => {
    const before = activeTimeouts();
    const sim = await startSim({ parkRecallMs: 60_000, farEndAnswerMs: 60_000 });
    const callId = await connectedIncomingCall(sim);
    await command(sim, 'park', { callId });
    const { callId: dialled } = (await command(sim, 'dial', { destination: '1002' })).body as { callId: string };
    await command(sim, 'answer', { callId: dialled });
    sim.faults.hangNext({});
    // Settle handlers are attached at once: the rejections come while close() is still running.
    const hung = api(sim, 'GET', '/telephony/calls').then(
      () => 'answered',
      () => 'cut off',
    );
    sim.faults.latency(60_000);
    const delayed = api(sim, 'GET', '/people/me').then(
      () => 'answered',
      () => 'cut off',
    );
    // Let both requests reach the server before closing.
    await eventually(() => expect(sim.requests.filter((r) => r.status === 0).length).toBe(2));

    await sim.close();
    expect(await hung).toBe('cut off');
    expect(await delayed).toBe('cut off');
    expect(activeTimeouts()).toBeLessThanOrEqual(before);
    await sim.close();
  });

  it('reset() leaves no calls, parked calls, history, DTMF or faults, and keeps listening', async () => {
    const sim = await startSim({ parkRecallMs: 60_000 });
    try {
      const events: string[] = [];
      const parked = await connectedIncomingCall(sim);
      await command(sim, 'park', { callId: parked });
      const callId = await connectedIncomingCall(sim);
      await command(sim, 'transmitDtmf', { callId, dtmf: '1' });
      sim.scenario.ringColleague({ colleague: { number: '1003' }, from: { number: '+1' } });
      sim.scenario.setRecordingMode('never');
      sim.faults.failNext({ status: 500 });
      sim.onEvent((e) => events.push(`${e.data.eventType}:${e.data.callId === callId}`));

      sim.scenario.reset();
      expect(events).toEqual(['disconnected:true']);
      expect(sim.listCalls()).toEqual([]);
      expect(sim.scenario.parked()).toEqual([]);
      expect(sim.history()).toEqual([]);
      expect(sim.dtmfLog()).toEqual([]);
      expect(await listCalls(sim)).toEqual([]);
      expect((await command(sim, 'pickup', {})).status).toBe(400);
      const fresh = await connectedIncomingCall(sim);
      expect((await command(sim, 'startRecording', { callId: fresh })).status).toBe(204);
    } finally {
      await sim.close();
    }
  });

  it('listCalls() is exactly what GET /telephony/calls answers', async () => {
    const sim = await startSim();
    try {
      await connectedIncomingCall(sim);
      sim.scenario.ringUser({
        from: { number: '+14155550100', privacyEnabled: true },
        redirections: [{ reason: 'busy', by: { number: '1002' } }],
      });
      expect((await api(sim, 'GET', '/telephony/calls')).body).toEqual({ items: sim.listCalls() });
    } finally {
      await sim.close();
    }
  });
});

describe('options for the demo account', () => {
  it('exposes the initial token and can skip request recording', async () => {
    const sim = await startWebexSimulator({ token: 'demo-token', recordRequests: false });
    try {
      expect(sim.token).toBe('demo-token');
      expect((await api(sim, 'GET', '/telephony/calls', undefined, sim.token)).status).toBe(200);
      expect((await api(sim, 'POST', '/telephony/calls/dial', { destination: '1002' }, sim.token)).status).toBe(201);
      expect(sim.requests).toEqual([]);
      expect(sim.journal).toEqual([]);
    } finally {
      await sim.close();
    }
  });
});
