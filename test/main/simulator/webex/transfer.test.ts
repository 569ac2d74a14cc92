import { describe, expect, it } from 'vitest';
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
} from './sim-test-kit';
import { simPerTest } from './sim-per-test';

const live = simPerTest();

describe('attended transfer', () => {
  it('joins the two named calls and ends both of the user calls', async () => {
    const customer = await connectedIncomingCall(live.sim);
    const consult = await connectedOutgoingCall(live.sim, '1002');
    expect((await getCall(live.sim, customer)).state).toBe('held');
    const events = recordEvents(live.sim);
    const result = await command(live.sim, 'transfer', { callId1: customer, callId2: consult });
    expect(result.status).toBe(204);
    expect(result.body).toBeUndefined();
    expect(await listCalls(live.sim)).toEqual([]);
    expect(events.filter((e) => e.data.eventType === 'transferred').map((e) => e.data.callId)).toEqual([customer, consult]);
    expect(events.filter((e) => e.event === 'deleted').map((e) => e.data.callId)).toEqual([customer, consult]);
  });

  it('picks the calls itself when the user has exactly two', async () => {
    await connectedIncomingCall(live.sim);
    await connectedOutgoingCall(live.sim, '1002');
    expect((await command(live.sim, 'transfer', {})).status).toBe(204);
    expect(await listCalls(live.sim)).toEqual([]);
  });

  it('needs call ids when the user does not have exactly two calls', async () => {
    await connectedIncomingCall(live.sim);
    const result = await command(live.sim, 'transfer', {});
    expect(result.status).toBe(400);
    expect(descriptionOf(result)).toMatch(/callId1 and callId2 are required/);
    expect(await listCalls(live.sim)).toHaveLength(1);
  });

  it('may transfer to a consultation call that is still ringing the far end', async () => {
    await live.restart({ farEndAnswerMs: null });
    const customer = await connectedIncomingCall(live.sim);
    const { callId: consult } = (await command(live.sim, 'dial', { destination: '1002' })).body as { callId: string };
    await command(live.sim, 'answer', { callId: consult });
    expect((await command(live.sim, 'transfer', { callId1: customer, callId2: consult })).status).toBe(204);
  });

  it('refuses an unanswered incoming call', async () => {
    const answered = await connectedIncomingCall(live.sim);
    const ringing = live.sim.scenario.ringUser({ from: { number: '+14155550100' } });
    const result = await command(live.sim, 'transfer', { callId1: answered, callId2: ringing });
    expect(result.status).toBe(400);
    expect(errorCodeOf(result)).not.toBe(101002);
    expect(descriptionOf(result)).toMatch(/unanswered incoming call cannot be transferred/);
    expect(await listCalls(live.sim)).toHaveLength(2);
  });

  it('validates which ids go together', async () => {
    const a = await connectedIncomingCall(live.sim);
    expect(descriptionOf(await command(live.sim, 'transfer', { callId2: a }))).toMatch(/callId1 is required/);
    expect(descriptionOf(await command(live.sim, 'transfer', { destination: '1002' }))).toMatch(/callId1 is required/);
    expect(descriptionOf(await command(live.sim, 'transfer', { callId1: a }))).toMatch(/callId2 or destination is required/);
    expect(descriptionOf(await command(live.sim, 'transfer', { callId1: a, callId2: a }))).toMatch(/different/);
    expect(errorCodeOf(await command(live.sim, 'transfer', { callId1: a, callId2: 'gone' }))).toBe(101002);
  });
});

describe('mute transfer', () => {
  it('answers 201 and ends the user call once the destination answers', async () => {
    const customer = await connectedIncomingCall(live.sim);
    const disconnected = nextEvent(live.sim, eventFor(customer, 'disconnected'));
    const result = await command(live.sim, 'transfer', { callId1: customer, destination: '1003' });
    expect(result.status).toBe(201);
    const body = result.body as { callId: string; callSessionId: string };
    expect(body.callId).toEqual(expect.any(String));
    expect(body.callSessionId).toBe((await getCall(live.sim, customer)).callSessionId);
    // Until the destination answers, the user's call is untouched.
    expect((await getCall(live.sim, customer)).state).toBe('connected');
    await disconnected;
    expect(await listCalls(live.sim)).toEqual([]);
  });

  it('transfers nothing when the destination never answers', async () => {
    live.sim.scenario.setDestinationBehaviour('1003', 'noAnswer');
    const customer = await connectedIncomingCall(live.sim);
    expect((await command(live.sim, 'transfer', { callId1: customer, destination: '1003' })).status).toBe(201);
    // A later call that the far end answers proves the answer delay has passed.
    await connectedOutgoingCall(live.sim, '1002');
    expect((await getCall(live.sim, customer)).state).toBe('held');
    expect(await listCalls(live.sim)).toHaveLength(2);
  });

  it('completes when the scenario makes the destination answer', async () => {
    await live.restart({ farEndAnswerMs: null });
    const customer = await connectedIncomingCall(live.sim);
    const { callId: leg } = (await command(live.sim, 'transfer', { callId1: customer, destination: '1003' })).body as { callId: string };
    expect(await listCalls(live.sim)).toHaveLength(1);
    live.sim.scenario.remoteAnswers(leg);
    expect(await listCalls(live.sim)).toEqual([]);
  });

  it('refuses an unanswered incoming call', async () => {
    const ringing = live.sim.scenario.ringUser({ from: { number: '+14155550100' } });
    const result = await command(live.sim, 'transfer', { callId1: ringing, destination: '1003' });
    expect(result.status).toBe(400);
    expect(descriptionOf(result)).toMatch(/divert/);
  });
});
