/**
 * The whole call-control path for real: the boundary parse (runtime/command-invocation.ts, where IPC and
 * the preview hand a command in) → core (store, dispatcher, poller) → Webex provider → HTTP over
 * loopback → the Webex simulator, including faults. What a user would see: the call list, the result of
 * a command, and the call's true state after a failure.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSwitchboardCore, type SwitchboardCore } from '../../../src/main/core/switchboard-core';
import type { CommandHandlers } from '../../../src/main/runtime/bridge-handlers';
import { invokeCommand } from '../../../src/main/runtime/command-invocation';
import { staticTokenSource } from '../../../src/main/provider-api/token-source';
import { createWebexProvider } from '../../../src/main/providers/webex';
import { startWebexSimulator, type WebexSimulator } from '../../../src/main/simulator/webex';
import type { CommandOutcome } from '../../../src/shared/contract';
import type { Call } from '../../../src/shared/domain';
import type { Result } from '../../../src/shared/result';
import { eventually } from '../../support/eventually';

let sim: WebexSimulator;
let core: SwitchboardCore;

async function start(options: { commandTimeoutMs?: number } = {}): Promise<void> {
  sim = await startWebexSimulator({ farEndAnswerMs: 30, parkRecallMs: 60_000 });
  const provider = createWebexProvider({
    baseUrl: sim.baseUrl,
    tokens: staticTokenSource(sim.token, 'Webex'),
    commandTimeoutMs: options.commandTimeoutMs ?? 2_000,
  });
  core = createSwitchboardCore({
    provider,
    intervals: { fastMs: 40, normalMs: 80, idleMs: 150, maxBackoffMs: 300 },
    pendingTimeoutMs: 2_000,
  });
  await core.start();
}

afterEach(async () => {
  core?.stop();
  await sim?.close();
});

/** A command as a window sends it: parsed and normalised at the boundary, then carried by the core. */
function send(raw: unknown): Promise<Result<CommandOutcome>> {
  const handlers = { 'call:command': (command) => core.command(command) } as Pick<CommandHandlers, 'call:command'> as CommandHandlers;
  return invokeCommand(handlers, 'call:command', raw, 'panel') as Promise<Result<CommandOutcome>>;
}

function only(): Call {
  const calls = core.calls();
  expect(calls).toHaveLength(1);
  return calls[0]!;
}

function posts(path: string): number {
  return sim.requests.filter((r) => r.method === 'POST' && r.path === path).length;
}

async function connectedCall(): Promise<Call> {
  const id = sim.scenario.ringUser({ from: { name: 'Ada Lovelace', number: '+15550100', callType: 'external' } });
  sim.scenario.answerOnDevice(id);
  await eventually(() => expect(core.calls().find((c) => c.id === id)?.state).toBe('connected'));
  return only();
}

describe('call control end to end (core + Webex provider + simulator)', () => {
  it('a ringing call appears with what it allows, is answered, and the answer is confirmed by the next read', async () => {
    await start();
    const id = sim.scenario.ringUser({
      from: { name: 'Carol White', number: '+15550103', callType: 'external' },
      redirections: [{ reason: 'busy', by: { name: 'Bob Jones', number: '2002' } }],
    });
    await eventually(() => expect(core.calls()).toHaveLength(1));
    const ringing = only();
    expect(ringing).toMatchObject({
      id,
      direction: 'incoming',
      state: 'alerting',
      remote: { name: 'Carol White', number: '+15550103' },
      redirections: [{ reason: 'busy', by: { name: 'Bob Jones', number: '2002' } }],
    });
    expect(ringing.actions).toEqual(expect.arrayContaining(['answer', 'decline', 'toVoicemail']));
    expect(ringing.actions).not.toContain('transfer');
    expect(ringing.actions).not.toContain('hold');

    const answered = await core.command({ type: 'answer', callId: id });
    expect(answered).toEqual({ ok: true, value: {} });
    await eventually(() => expect(only()).toMatchObject({ state: 'connected', muteCapable: true }));
    expect(only().pending).toBeUndefined();
    expect(only().actions).toEqual(expect.arrayContaining(['hold', 'transfer', 'park', 'dtmf', 'mute', 'hangup']));
  });

  it('a dial rings my devices, then connects once I answer and the far end picks up', async () => {
    await start();
    const dialled = await send({ type: 'dial', destination: '+1 (555) 010-2030' });
    expect(dialled.ok).toBe(true);
    const callId = dialled.ok ? dialled.value.callId : undefined;
    expect(sim.requests.find((r) => r.path === '/telephony/calls/dial')?.body).toEqual({ destination: '+15550102030' });
    await eventually(() => expect(only()).toMatchObject({ id: callId, direction: 'clickToDial', state: 'alerting' }));
    expect((await send({ type: 'answer', callId })).ok).toBe(true);
    await eventually(() => expect(only()).toMatchObject({ direction: 'outgoing', state: 'connected' }));
  });

  it('a hold that times out after Webex applied it is not resent, and the call shows as really on hold', async () => {
    await start({ commandTimeoutMs: 300 });
    const call = await connectedCall();
    sim.faults.hangNext({ path: '/telephony/calls/hold', afterApplying: true });

    const result = await core.command({ type: 'hold', callId: call.id });

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('TIMEOUT');
      expect(result.error.message).toMatch(/did not answer in time — the call is now on hold\./);
    }
    expect(posts('/telephony/calls/hold')).toBe(1);
    expect(only()).toMatchObject({ state: 'held' });
    expect(only().pending).toBeUndefined();
  });

  it('a hold whose connection drops before Webex applied it is not resent, and the call is still connected', async () => {
    await start();
    const call = await connectedCall();
    sim.faults.dropNext({ path: '/telephony/calls/hold' });

    const result = await core.command({ type: 'hold', callId: call.id });

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('NETWORK');
      expect(result.error.message).toMatch(/— the call is still connected\.$/);
    }
    expect(posts('/telephony/calls/hold')).toBe(1);
    expect(only().state).toBe('connected');
  });

  it('a 500 on a command is not resent and the store re-reads the truth', async () => {
    await start();
    const call = await connectedCall();
    sim.faults.failNext({ path: '/telephony/calls/park', status: 500 });
    const result = await core.command({ type: 'park', callId: call.id });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('UNAVAILABLE');
    expect(posts('/telephony/calls/park')).toBe(1);
    expect(only().state).toBe('connected');
  });

  it('a 429 with Retry-After is honoured: the command is sent again after the wait and succeeds', async () => {
    await start();
    const call = await connectedCall();
    sim.faults.failNext({ path: '/telephony/calls/hold', status: 429, retryAfterSeconds: 1 });
    const sentAt = Date.now();

    const result = await core.command({ type: 'hold', callId: call.id });

    expect(result).toEqual({ ok: true, value: {} });
    const holds = sim.requests.filter((r) => r.path === '/telephony/calls/hold');
    expect(holds.map((r) => r.status)).toEqual([429, 204]);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(950);
    await eventually(() => expect(only().state).toBe('held'));
  });

  it('a command on a call that ended meanwhile says so and the call disappears', async () => {
    await start();
    const call = await connectedCall();
    sim.scenario.remoteHangsUp(call.id);
    const result = await core.command({ type: 'hold', callId: call.id });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('NOT_FOUND');
      expect(result.error.message).toMatch(/call not found.*tracking ID ROUTER_/i);
    }
    expect(core.calls()).toEqual([]);
  });

  it('bad input never reaches Webex', async () => {
    await start();
    const call = await connectedCall();
    const before = sim.requests.filter((r) => r.method === 'POST').length;
    const results = await Promise.all([
      send({ type: 'dial', destination: 'call me maybe' }),
      send({ type: 'dtmf', callId: call.id, digits: '12E' }),
      send({ type: 'hold', callId: 'no-such-call' }),
      send({ type: 'answer', callId: call.id }),
      send({ type: 'teleport', callId: call.id }),
      send('hold'),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'BAD_INPUT',
      'BAD_INPUT',
      'NOT_FOUND',
      'NOT_ALLOWED',
      'BAD_INPUT',
      'BAD_INPUT',
    ]);
    expect(sim.requests.filter((r) => r.method === 'POST').length).toBe(before);
    expect(only().state).toBe('connected');
  });

  it('an expired token turns the status to signed out and polling stops', async () => {
    await start();
    expect(core.status().health).not.toBe('signedOut');
    sim.faults.expireToken();
    await eventually(() => expect(core.status().health).toBe('signedOut'));
    const reads = sim.requests.length;
    await new Promise((r) => setTimeout(r, 400));
    expect(sim.requests.length).toBe(reads);
  });

  it('polls fast while a call rings and slowly when idle', async () => {
    await start();
    const count = () => sim.requests.filter((r) => r.path === '/telephony/calls').length;
    let before = count();
    await new Promise((r) => setTimeout(r, 600));
    const idle = count() - before;
    sim.scenario.ringUser({ from: { number: '+15550109' } });
    await eventually(() => expect(core.calls()).toHaveLength(1));
    before = count();
    await new Promise((r) => setTimeout(r, 600));
    const ringing = count() - before;
    expect(ringing).toBeGreaterThan(idle * 2);
  });

  it('sign-out forgets calls and history and stops reading; signing in again brings them back', async () => {
    await start();
    await connectedCall();
    const history: number[] = [];
    core.on('history', (h) => history.push(h.length));
    core.signOut('Signed out.');
    expect(core.calls()).toEqual([]);
    expect(core.status()).toMatchObject({ health: 'signedOut', detail: 'Signed out.' });
    expect(core.status().account).toBeUndefined();
    const reads = sim.requests.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(sim.requests.length).toBe(reads);

    expect(await core.signIn()).toEqual({ ok: true, value: null });
    expect(core.calls()).toHaveLength(1);
    expect(core.status().health).not.toBe('signedOut');
    await eventually(() => expect(core.status().account).toBeDefined());
  });
});
