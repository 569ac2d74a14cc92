import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { wireCallSchema } from '../../../../src/main/providers/webex/wire';
import type { WebexSimulator } from '../../../../src/main/simulator/webex';
import { api, command, connectedIncomingCall, eventFor, nextEvent, recordEvents, startSim } from './sim-test-kit';

let sim: WebexSimulator;
beforeEach(async () => {
  sim = await startSim();
});
afterEach(async () => {
  await sim.close();
});

describe('telephony_calls events', () => {
  it('follow an incoming call from received to answered to disconnected', async () => {
    const events = recordEvents(sim);
    const callId = sim.scenario.ringUser({
      from: { name: 'Casey Caller', number: '+14155550199' },
      redirections: [{ reason: 'callQueue', by: { name: 'Support', number: '1600' } }],
    });
    await command(sim, 'answer', { callId });
    await command(sim, 'hold', { callId });
    await command(sim, 'resume', { callId });
    await command(sim, 'mute', { callId });
    await command(sim, 'unmute', { callId });
    await command(sim, 'hangup', { callId });

    expect(events.map((e) => [e.event, e.data.eventType, e.data.state])).toEqual([
      ['created', 'received', 'alerting'],
      ['updated', 'updated', 'alerting'],
      ['updated', 'answered', 'connected'],
      ['updated', 'held', 'held'],
      ['updated', 'resumed', 'connected'],
      ['updated', 'muted', 'connected'],
      ['updated', 'unmuted', 'connected'],
      ['deleted', 'disconnected', 'disconnected'],
    ]);
    const [received, endpointChosen, answered] = events;
    expect(received).toMatchObject({ resource: 'telephony_calls', actorId: expect.any(String) });
    expect(received?.data).toMatchObject({
      callId,
      personality: 'terminator',
      muteCapable: false,
      completedElsewhere: false,
      redirections: [{ reason: 'callQueue' }],
    });
    expect(received?.data).not.toHaveProperty('id');
    expect(endpointChosen?.data).toMatchObject({ endpointId: expect.any(String), endpointType: 'CALLING_DEVICE' });
    expect(answered?.data).toMatchObject({ muteCapable: true, answered: expect.any(String) });
    expect(answered?.data.redirections).toBeUndefined();
    const disconnected = events.at(-1)?.data;
    expect(disconnected?.disconnected).toEqual(expect.any(String));
    expect(disconnected?.appearance).toBeUndefined();
    for (const event of events) {
      expect(wireCallSchema.safeParse(event.data).success).toBe(true);
      expect(Date.parse(event.data.eventTimestamp)).not.toBeNaN();
    }
  });

  it('follow a dial through originating, originated and answered', async () => {
    const events = recordEvents(sim);
    const { callId } = (await command(sim, 'dial', { destination: '1002' })).body as { callId: string };
    const answered = nextEvent(sim, eventFor(callId, 'answered'));
    await command(sim, 'answer', { callId });
    await answered;
    expect(events.map((e) => [e.event, e.data.eventType, e.data.personality, e.data.state])).toEqual([
      ['created', 'originating', 'clickToDial', 'alerting'],
      ['updated', 'updated', 'clickToDial', 'alerting'],
      ['updated', 'originated', 'originator', 'connecting'],
      ['updated', 'answered', 'originator', 'connected'],
    ]);
  });

  it('mark a divert as forwarded, a transfer as transferred and a retrieve as retrieved', async () => {
    const events = recordEvents(sim);
    const diverted = sim.scenario.ringUser({ from: { number: '+14155550101' } });
    await command(sim, 'divert', { callId: diverted, toVoicemail: true });
    const parked = await connectedIncomingCall(sim, { number: '+14155550102' });
    await command(sim, 'park', { callId: parked });
    const { callId: retrieved } = (await command(sim, 'retrieve', {})).body as { callId: string };
    await command(sim, 'answer', { callId: retrieved });
    const other = await connectedIncomingCall(sim, { number: '+14155550103' });
    await command(sim, 'transfer', { callId1: retrieved, callId2: other });
    const types = events.map((e) => `${e.data.eventType}`);
    expect(types).toContain('forwarded');
    expect(types).toContain('retrieved');
    expect(types.filter((t) => t === 'transferred')).toHaveLength(2);
    expect(events.filter((e) => e.data.eventType === 'remoteHeld')).toEqual([]);
  });

  it('stop after unsubscribing, and a throwing listener does not break the simulator', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    sim.onEvent(() => {
      throw new Error('listener bug');
    });
    const seen: string[] = [];
    const unsubscribe = sim.onEvent((e) => seen.push(e.data.eventType));
    sim.scenario.ringUser({ from: { number: '+14155550101' } });
    unsubscribe();
    sim.scenario.ringUser({ from: { number: '+14155550102' } });
    expect(seen).toEqual(['received']);
    expect(sim.listCalls()).toHaveLength(2);
    expect(quiet).toHaveBeenCalled();
    quiet.mockRestore();
    expect((await api(sim, 'GET', '/telephony/calls')).status).toBe(200);
  });

  it('report remote hold and recording changes', async () => {
    const callId = await connectedIncomingCall(sim);
    const events = recordEvents(sim);
    sim.scenario.remoteHolds(callId);
    sim.scenario.remoteResumes(callId);
    await command(sim, 'startRecording', { callId });
    expect(events.map((e) => [e.data.eventType, e.data.state, e.data.recordingState])).toEqual([
      ['remoteHeld', 'remoteHeld', undefined],
      ['resumed', 'connected', undefined],
      ['updated', 'connected', 'started'],
    ]);
  });
});
