import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webexErrorSchema } from '../../../../src/main/providers/webex/wire';
import type { WebexSimulator } from '../../../../src/main/simulator/webex';
import { api, command, connectedIncomingCall, descriptionOf, errorCodeOf, listCalls, startSim } from './sim-test-kit';

let sim: WebexSimulator;
beforeEach(async () => {
  sim = await startSim();
});
afterEach(async () => {
  await sim.close();
});

function expectWebexError(body: unknown): void {
  const parsed = webexErrorSchema.parse(body);
  expect(parsed.message).toEqual(expect.any(String));
  expect(parsed.errors?.[0]?.description).toEqual(expect.any(String));
  expect(parsed.trackingId).toMatch(/^ROUTER_[0-9a-f-]{36}$/);
}

describe('Webex error answers', () => {
  it('answers 400 with 101002 "Call not found" for an unknown call, on reads and commands', async () => {
    const reads = [
      await api(sim, 'GET', '/telephony/calls/Y2lzY29zcGFyazovL3VzL0NBTEwvbm9uZQ'),
      await api(sim, 'GET', '/telephony/calls/%E0%A4%A'),
    ];
    for (const result of [...reads, await command(sim, 'hold', { callId: 'nope' })]) {
      expect(result.status).toBe(400);
      expectWebexError(result.body);
      expect(errorCodeOf(result)).toBe(101002);
      expect(descriptionOf(result)).toBe('Call not found');
    }
  });

  it('answers 400 with a different code and a clear description when the state forbids the command', async () => {
    const callId = sim.scenario.ringUser({ from: { number: '+14155550100' } });
    const result = await command(sim, 'hold', { callId });
    expect(result.status).toBe(400);
    expectWebexError(result.body);
    expect(errorCodeOf(result)).toBe(101003);
    expect(descriptionOf(result)).toBe('Hold requires a connected call');
    expect(result.headers.get('trackingid')).toBe((result.body as { trackingId: string }).trackingId);
  });

  it('answers 400 for a missing field, a malformed body or a body that is not an object', async () => {
    const missing = await command(sim, 'hold', {});
    expect(missing.status).toBe(400);
    expect(descriptionOf(missing)).toBe('callId is required');
    const malformed = await command(sim, 'hold', '{"callId":');
    expect(malformed.status).toBe(400);
    expectWebexError(malformed.body);
    expect((await command(sim, 'hold', '[1,2]')).status).toBe(400);
    expect(sim.requests.at(-2)?.body).toBe('{"callId":');
  });

  it('answers 404 for an unknown route', async () => {
    const result = await api(sim, 'POST', '/telephony/calls/teleport', { callId: 'x' });
    expect(result.status).toBe(404);
    expectWebexError(result.body);
    expect((await api(sim, 'GET', '/nothing/here')).status).toBe(404);
    expect((await api(sim, 'DELETE', '/telephony/calls')).status).toBe(404);
  });
});

describe('bearer tokens', () => {
  it('refuses a missing or unknown token with 401', async () => {
    for (const token of [null, 'wrong-token']) {
      const result = await api(sim, 'GET', '/telephony/calls', undefined, token);
      expect(result.status).toBe(401);
      expectWebexError(result.body);
    }
  });

  it('refuses every current token once expired, accepts a newly issued one, and clear() restores', async () => {
    sim.acceptToken('second-token');
    sim.faults.expireToken();
    expect((await api(sim, 'GET', '/telephony/calls')).status).toBe(401);
    expect((await api(sim, 'GET', '/telephony/calls', undefined, 'second-token')).status).toBe(401);
    sim.acceptToken('refreshed-token');
    expect((await api(sim, 'GET', '/telephony/calls', undefined, 'refreshed-token')).status).toBe(200);
    sim.faults.clear();
    expect((await api(sim, 'GET', '/telephony/calls')).status).toBe(200);
  });

  it('refuses a revoked token for good', async () => {
    sim.acceptToken('issued');
    expect((await api(sim, 'GET', '/people/me', undefined, 'issued')).status).toBe(200);
    sim.revokeToken('issued');
    sim.faults.clear();
    expect((await api(sim, 'GET', '/people/me', undefined, 'issued')).status).toBe(401);
  });

  it('does not apply a command sent with a bad token', async () => {
    const callId = await connectedIncomingCall(sim);
    expect((await api(sim, 'POST', '/telephony/calls/hold', { callId }, 'bad')).status).toBe(401);
    expect((await listCalls(sim))[0]?.state).toBe('connected');
  });

  it('accepts a custom initial token', async () => {
    await sim.close();
    sim = await startSim({ token: 'custom' });
    expect((await api(sim, 'GET', '/telephony/calls', undefined, 'custom')).status).toBe(200);
    expect((await api(sim, 'GET', '/telephony/calls')).status).toBe(401);
  });
});

describe('request recording', () => {
  it('records every API request in order with method, path, query, body, headers and status', async () => {
    await sim.close();
    sim = await startSim({ secondaryLines: [{ id: 'abc' }] });
    await api(sim, 'GET', '/telephony/calls?lineOwnerId=abc');
    await command(sim, 'hold', { callId: 'nope' });
    await fetch(sim.baseUrl.replace(/\/v1$/, '/_sim/state'));
    expect(sim.requests).toHaveLength(2);
    expect(sim.requests[0]).toMatchObject({
      method: 'GET',
      path: '/telephony/calls',
      query: { lineOwnerId: 'abc' },
      status: 200,
      body: undefined,
    });
    expect(sim.requests[0]?.headers.authorization).toBe('Bearer sim-access-token');
    expect(sim.requests[1]).toMatchObject({ method: 'POST', path: '/telephony/calls/hold', body: { callId: 'nope' }, status: 400 });
  });
});
