import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebexSimulator } from '../../../../src/main/simulator/webex';
import {
  command,
  connectedIncomingCall,
  connectedOutgoingCall,
  descriptionOf,
  errorCodeOf,
  eventFor,
  getCall,
  listCalls,
  nextEvent,
  recordEvents,
  startSim,
} from './sim-test-kit';

let sim: WebexSimulator;
beforeEach(async () => {
  sim = await startSim();
});
afterEach(async () => {
  await sim.close();
});

describe('attended transfer', () => {
  it('joins the two named calls and ends both of the user calls', async () => {
    const customer = await connectedIncomingCall(sim);
    const consult = await connectedOutgoingCall(sim, '1002');
    expect((await getCall(sim, customer)).state).toBe('held');
    const events = recordEvents(sim);
    const result = await command(sim, 'transfer', { callId1: customer, callId2: consult });
    expect(result.status).toBe(204);
    expect(result.body).toBeUndefined();
    expect(await listCalls(sim)).toEqual([]);
    expect(events.filter((e) => e.data.eventType === 'transferred').map((e) => e.data.callId)).toEqual([customer, consult]);
    expect(events.filter((e) => e.event === 'deleted').map((e) => e.data.callId)).toEqual([customer, consult]);
  });

  it('picks the calls itself when the user has exactly two', async () => {
    await connectedIncomingCall(sim);
    await connectedOutgoingCall(sim, '1002');
    expect((await command(sim, 'transfer', {})).status).toBe(204);
    expect(await listCalls(sim)).toEqual([]);
  });

  it('needs call ids when the user does not have exactly two calls', async () => {
    await connectedIncomingCall(sim);
    const result = await command(sim, 'transfer', {});
    expect(result.status).toBe(400);
    expect(descriptionOf(result)).toMatch(/callId1 and callId2 are required/);
    expect(await listCalls(sim)).toHaveLength(1);
  });

  it('may transfer to a consultation call that is still ringing the far end', async () => {
    await sim.close();
    sim = await startSim({ farEndAnswerMs: null });
    const customer = await connectedIncomingCall(sim);
    const { callId: consult } = (await command(sim, 'dial', { destination: '1002' })).body as { callId: string };
    await command(sim, 'answer', { callId: consult });
    expect((await command(sim, 'transfer', { callId1: customer, callId2: consult })).status).toBe(204);
  });

  it('refuses an unanswered incoming call', async () => {
    const answered = await connectedIncomingCall(sim);
    const ringing = sim.scenario.ringUser({ from: { number: '+14155550100' } });
    const result = await command(sim, 'transfer', { callId1: answered, callId2: ringing });
    expect(result.status).toBe(400);
    expect(errorCodeOf(result)).not.toBe(101002);
    expect(descriptionOf(result)).toMatch(/unanswered incoming call cannot be transferred/);
    expect(await listCalls(sim)).toHaveLength(2);
  });

  it('validates which ids go together', async () => {
    const a = await connectedIncomingCall(sim);
    expect(descriptionOf(await command(sim, 'transfer', { callId2: a }))).toMatch(/callId1 is required/);
    expect(descriptionOf(await command(sim, 'transfer', { destination: '1002' }))).toMatch(/callId1 is required/);
    expect(descriptionOf(await command(sim, 'transfer', { callId1: a }))).toMatch(/callId2 or destination is required/);
    expect(descriptionOf(await command(sim, 'transfer', { callId1: a, callId2: a }))).toMatch(/different/);
    expect(errorCodeOf(await command(sim, 'transfer', { callId1: a, callId2: 'gone' }))).toBe(101002);
  });
});

describe('mute transfer', () => {
  it('answers 201 and ends the user call once the destination answers', async () => {
    const customer = await connectedIncomingCall(sim);
    const disconnected = nextEvent(sim, eventFor(customer, 'disconnected'));
    const result = await command(sim, 'transfer', { callId1: customer, destination: '1003' });
    expect(result.status).toBe(201);
    const body = result.body as { callId: string; callSessionId: string };
    expect(body.callId).toEqual(expect.any(String));
    expect(body.callSessionId).toBe((await getCall(sim, customer)).callSessionId);
    // Until the destination answers, the user's call is untouched.
    expect((await getCall(sim, customer)).state).toBe('connected');
    await disconnected;
    expect(await listCalls(sim)).toEqual([]);
  });

  it('transfers nothing when the destination never answers', async () => {
    sim.scenario.setDestinationBehaviour('1003', 'noAnswer');
    const customer = await connectedIncomingCall(sim);
    expect((await command(sim, 'transfer', { callId1: customer, destination: '1003' })).status).toBe(201);
    // A later call that the far end answers proves the answer delay has passed.
    await connectedOutgoingCall(sim, '1002');
    expect((await getCall(sim, customer)).state).toBe('held');
    expect(await listCalls(sim)).toHaveLength(2);
  });

  it('completes when the scenario makes the destination answer', async () => {
    await sim.close();
    sim = await startSim({ farEndAnswerMs: null });
    const customer = await connectedIncomingCall(sim);
    const { callId: leg } = (await command(sim, 'transfer', { callId1: customer, destination: '1003' })).body as { callId: string };
    expect(await listCalls(sim)).toHaveLength(1);
    sim.scenario.remoteAnswers(leg);
    expect(await listCalls(sim)).toEqual([]);
  });

  it('refuses an unanswered incoming call', async () => {
    const ringing = sim.scenario.ringUser({ from: { number: '+14155550100' } });
    const result = await command(sim, 'transfer', { callId1: ringing, destination: '1003' });
    expect(result.status).toBe(400);
    expect(descriptionOf(result)).toMatch(/divert/);
  });
});
