import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebexSimulator } from '../../../../src/main/simulator/webex';
import { api, command, descriptionOf, getCall, listCalls, startSim } from './sim-test-kit';

let sim: WebexSimulator;
beforeEach(async () => {
  sim = await startSim({ farEndAnswerMs: null });
});
afterEach(async () => {
  await sim.close();
});

async function simPost(path: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(sim.baseUrl.replace(/\/v1$/, `/_sim${path}`), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

async function simState(): Promise<{
  calls: { id: string; state: string }[];
  history: unknown[];
  dtmf: unknown[];
  parked: unknown[];
  colleagueCalls: unknown[];
}> {
  const response = await fetch(sim.baseUrl.replace(/\/v1$/, '/_sim/state'));
  return (await response.json()) as never;
}

describe('the scenario over HTTP (/_sim)', () => {
  it('refuses a web page on another site (a cross-origin POST rings nobody); pages on this machine may', async () => {
    const evil = await simPost('/ring', { from: { number: '+14155550199' } }, { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect((await simPost('/ring', { from: { number: '+14155550199' } }, { origin: 'null' })).status).toBe(403);
    expect(await listCalls(sim)).toEqual([]);
    const port = new URL(sim.baseUrl).port;
    expect((await simPost('/ring', { from: { number: '+14155550199' } }, { origin: `http://127.0.0.1:${port}` })).status).toBe(200);
    expect(await listCalls(sim)).toHaveLength(1);
  });

  it('rings the user with redirections and drives the call without a token', async () => {
    const ring = await simPost('/ring', {
      from: { name: 'Casey Caller', number: '+14155550199' },
      redirections: [{ reason: 'busy', by: { number: '1002' } }],
    });
    expect(ring.status).toBe(200);
    const { callId } = ring.body as { callId: string };
    expect((await getCall(sim, callId)).redirections?.[0]?.reason).toBe('busy');
    expect((await simPost('/answer-on-device', { callId })).status).toBe(204);
    expect((await simPost('/remote-hold', { callId })).status).toBe(204);
    expect((await getCall(sim, callId)).state).toBe('remoteHeld');
    expect((await simPost('/remote-resume', { callId })).status).toBe(204);
    expect((await simPost('/remote-hangup', { callId })).status).toBe(204);
    expect(await listCalls(sim)).toEqual([]);
    expect(sim.requests.every((r) => !r.path.includes('_sim'))).toBe(true);
  });

  it('answers an outgoing call as the far end and takes a ringing call elsewhere', async () => {
    const { callId } = (await command(sim, 'dial', { destination: '1002' })).body as { callId: string };
    await command(sim, 'answer', { callId });
    expect((await simPost('/remote-answer', { callId })).status).toBe(204);
    expect((await getCall(sim, callId)).state).toBe('connected');
    const ringing = ((await simPost('/ring', { from: { number: '+1' } })).body as { callId: string }).callId;
    expect((await simPost('/answered-elsewhere', { callId: ringing })).status).toBe(204);
    expect((await simState()).calls.map((c) => c.id)).toEqual([callId]);
  });

  it('creates colleague calls for pickup and barge-in', async () => {
    const ringing = await simPost('/ring-colleague', {
      colleague: { name: 'Sam Patel', number: '1003' },
      from: { number: '+14155550199' },
    });
    const inCall = await simPost('/colleague-in-call', {
      colleague: { name: 'Jordan Lee', number: '1002' },
      remote: { number: '+14155550198' },
    });
    expect(ringing.status).toBe(200);
    expect(inCall.status).toBe(200);
    expect((await simState()).colleagueCalls).toHaveLength(2);
    expect((await command(sim, 'pickup', { target: '1003' })).status).toBe(201);
    expect((await command(sim, 'bargeIn', { target: '1002' })).status).toBe(201);
  });

  it('injects faults', async () => {
    expect((await simPost('/faults', { kind: 'failNext', status: 429, retryAfterSeconds: 2, path: '/telephony/calls' })).status).toBe(204);
    const limited = await api(sim, 'GET', '/telephony/calls');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    await simPost('/faults', { kind: 'failNext', status: 500, pathPattern: '^/people' });
    expect((await api(sim, 'GET', '/people/me')).status).toBe(500);
    await simPost('/faults', { kind: 'dropNext', method: 'GET' });
    await expect(api(sim, 'GET', '/telephony/calls')).rejects.toThrow();
    await simPost('/faults', { kind: 'expireToken' });
    expect((await api(sim, 'GET', '/telephony/calls')).status).toBe(401);
    await simPost('/faults', { kind: 'clear' });
    expect((await api(sim, 'GET', '/telephony/calls')).status).toBe(200);
    await simPost('/faults', { kind: 'latency', ms: 1 });
    expect((await api(sim, 'GET', '/telephony/calls')).status).toBe(200);
    expect((await simPost('/faults', { kind: 'explode' })).status).toBe(400);
  });

  it('reports the whole state and resets it', async () => {
    const { callId } = (await simPost('/ring', { from: { number: '+14155550199' } })).body as { callId: string };
    await command(sim, 'answer', { callId });
    await command(sim, 'transmitDtmf', { callId, dtmf: '42' });
    await command(sim, 'park', { callId });
    await simPost('/ring', { from: { number: '+14155550198' } });
    await simPost('/faults', { kind: 'failNext', status: 503 });
    const state = await simState();
    expect(state.calls).toHaveLength(1);
    expect(state.history).toHaveLength(1);
    expect(state.dtmf).toEqual([{ callId, dtmf: '42' }]);
    expect(state.parked).toHaveLength(1);

    expect((await simPost('/reset')).status).toBe(204);
    expect(await simState()).toEqual({
      calls: [],
      history: [],
      dtmf: [],
      parked: [],
      colleagueCalls: [],
      conference: {},
      media: { host: { sends: false, receives: false }, calls: [] },
    });
    expect((await api(sim, 'GET', '/telephony/calls')).status).toBe(200);
  });

  it('sets the recording mode, a destination behaviour and mute capability', async () => {
    expect((await simPost('/recording-mode', { mode: 'always' })).status).toBe(204);
    const { callId } = (await simPost('/ring', { from: { number: '+14155550199' } })).body as { callId: string };
    await command(sim, 'answer', { callId });
    expect((await getCall(sim, callId)).recordingState).toBe('started');
    expect((await simPost('/mute-capable', { callId, capable: false })).status).toBe(204);
    expect((await getCall(sim, callId)).muteCapable).toBe(false);
    expect((await simPost('/destination-behaviour', { number: '1003', behaviour: 'noAnswer' })).status).toBe(204);
    expect((await simPost('/recording-mode', { mode: 'sometimes' })).status).toBe(400);
  });

  it('issues and revokes tokens', async () => {
    expect((await simPost('/accept-token', { token: 'oauth-1' })).status).toBe(204);
    expect((await api(sim, 'GET', '/people/me', undefined, 'oauth-1')).status).toBe(200);
    await simPost('/revoke-token', { token: 'oauth-1' });
    expect((await api(sim, 'GET', '/people/me', undefined, 'oauth-1')).status).toBe(401);
  });

  it('answers clear errors for bad scenario requests', async () => {
    const missing = await simPost('/remote-answer', {});
    expect(missing.status).toBe(400);
    expect(descriptionOf({ ...missing, headers: new Headers() })).toMatch(/callId/);
    const unknown = await simPost('/remote-hangup', { callId: 'nope' });
    expect(unknown.status).toBe(400);
    expect(descriptionOf({ ...unknown, headers: new Headers() })).toBe('Call not found');
    expect((await simPost('/ring', { from: 'someone' })).status).toBe(400);
    expect((await simPost('/teleport')).status).toBe(404);
  });
});
