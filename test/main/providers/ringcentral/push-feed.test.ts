/**
 * RingCentral live through the core: the real provider with its push channel against the simulator, the
 * real core (feed supervisor, call store), all on one hand-driven clock. Idle means no REST request at
 * all; a ringing call reaches the call list over the WebSocket; a dropped socket recovers with its
 * missed events; a socket that cannot come back (or an app without the WebSocket permission) makes the
 * core poll and say so, and push comes back when it can. Commands: 429 honoured, a timed-out command
 * not resent and the true state shown.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { SwitchboardCore } from '../../../../src/main/core/switchboard-core';
import type { RingCentralSimulator } from '../../../../src/main/simulator/ringcentral';
import { WebSocket } from 'ws';
import type { SocketLike } from '../../../../src/main/providers/ringcentral/subscription';
import { HandTimers } from '../../../support/hand-timers';
import { startRcCore } from './rc-fixture';
import { eventually } from '../../../support/eventually';

let sim: RingCentralSimulator;
let core: SwitchboardCore;
let timers: HandTimers;

/**
 * These tests step the clock while requests are on the wire: each request's timeout stays on real time
 * unless a test is about the timeout itself (`commandTimeoutMs`: then on the hand clock).
 */
async function start(options: { commandTimeoutMs?: number } = {}): Promise<void> {
  timers = new HandTimers();
  const handTimeouts = options.commandTimeoutMs !== undefined;
  ({ sim, core } = await startRcCore(timers, {
    handTimeouts,
    provider: { ...(handTimeouts ? { commandTimeoutMs: options.commandTimeoutMs } : {}), push: { fallbackAfterMs: 5_000, openSocket } },
  }));
  await eventually(() => expect(core.status().health).toBe('live'));
}

afterEach(async () => {
  core.stop();
  await sim.close();
});

const restRequests = () => sim.requests.filter((r) => r.path.startsWith('/restapi/v1.0/')).length;
const heartbeats = () => sim.sentFrames.filter(([meta]) => meta.type === 'Heartbeat').length;
const caller = (name: string) => ({ from: { phoneNumber: '+15550100101', name } });

/** The client's sockets, counting the Heartbeats it sends (so a test can wait for each echo). */
let heartbeatsSent = 0;
function openSocket(url: string): SocketLike {
  const socket = new WebSocket(url);
  const send = socket.send.bind(socket);
  socket.send = ((data: string) => {
    if (data.includes('"Heartbeat"')) heartbeatsSent += 1;
    send(data);
  }) as typeof socket.send;
  return socket as unknown as SocketLike;
}

/** Lets a minute pass while idle, second by second, waiting for each heartbeat's echo as a real network would. */
async function idleMinute(): Promise<void> {
  for (let s = 0; s < 60; s++) {
    timers.advance(1_000);
    if (heartbeatsSent > heartbeats()) await eventually(() => expect(heartbeats()).toBe(heartbeatsSent));
  }
}

/** Moves the clock in small steps until `check` passes (network answers arrive between the steps). */
async function until(check: () => void, stepMs = 200): Promise<void> {
  await eventually(() => {
    timers.advance(stepMs);
    check();
  });
}

describe('live over the WebSocket', () => {
  test('idle for a minute: health live, no REST request; a ringing call reaches the call list with no read', async () => {
    await start();
    const before = restRequests();
    await idleMinute();
    expect(restRequests() - before).toBe(0);
    expect(core.status().health).toBe('live');

    const sid = sim.scenario.ringUser(caller('Ada Lovelace'));
    await eventually(() =>
      expect(core.calls().find((c) => c.id === sid)).toMatchObject({ state: 'alerting', remote: { name: 'Ada Lovelace' } }),
    );
    expect(restRequests() - before).toBe(0);
    sim.scenario.remoteHangsUp(sid);
    await eventually(() => expect(core.calls()).toEqual([]));
  });

  test('a call that rings while the socket is down arrives when it recovers (replayed), still live', async () => {
    await start();
    const replays = () => sim.requests.filter((r) => r.path === '/restapi/oauth/wstoken').length;
    const before = replays();
    sim.faults.dropSockets();
    const sid = sim.scenario.ringUser(caller('Grace Hall'));
    await until(() => expect(core.calls().map((c) => c.id)).toContain(sid));
    expect(replays()).toBe(before + 1);
    expect(core.status().health).toBe('live');
  });

  test('recovery refused after a drop: a fresh subscription and a full read still bring the call that rang meanwhile', async () => {
    await start();
    const presenceReads = () => sim.requests.filter((r) => r.path.endsWith('/presence')).length;
    const before = presenceReads();
    sim.faults.refuseNextRecovery();
    sim.faults.dropSockets();
    const sid = sim.scenario.ringUser(caller('Grace Hall'));
    await until(() => expect(core.calls().map((c) => c.id)).toContain(sid));
    expect(presenceReads()).toBeGreaterThan(before);
    await eventually(() => expect(core.status().health).toBe('live'));
    // Live again on the fresh subscription: the next change arrives without a read.
    const reads = presenceReads();
    sim.scenario.remoteHangsUp(sid);
    await eventually(() => expect(core.calls()).toEqual([]));
    expect(presenceReads()).toBe(reads);
  });

  test('a socket that cannot come back: the core polls and says so, a ringing call still shows; then push again', async () => {
    await start();
    sim.faults.denyWebSockets(true);
    sim.faults.dropSockets();
    await until(() =>
      expect(core.status()).toMatchObject({
        health: 'polling',
        detail: expect.stringContaining('Live updates from RingCentral are unavailable'),
      }),
    );

    const sid = sim.scenario.ringUser(caller('Dan Brown'));
    await until(() => expect(core.calls().map((c) => c.id)).toContain(sid));

    sim.faults.denyWebSockets(false);
    await until(() => expect(core.status().health).toBe('live'), 1_000);
    sim.scenario.remoteHangsUp(sid);
    await eventually(() => expect(core.calls()).toEqual([]));
  });

  test('an app without the WebSocketsSubscriptions permission polls from the start and says so', async () => {
    timers = new HandTimers();
    ({ sim, core } = await startRcCore(timers, { prepare: (s) => s.faults.denyWebSockets(true) }));
    await eventually(() => expect(core.status()).toMatchObject({ health: 'polling', detail: expect.stringContaining('RingCentral') }));
    const sid = sim.scenario.ringUser(caller('Erin Green'));
    await until(() => expect(core.calls().map((c) => c.id)).toContain(sid));
  });
});

describe('polling within the rate limits', () => {
  test('two minutes of polling with a call ringing never runs into a 429, and Answer still goes through', async () => {
    timers = new HandTimers();
    const statuses: number[] = [];
    const presenceAt: number[] = [];
    // Timeouts on real time (startRcCore): a quarter second of clock per 2 ms of real time, so a loopback
    // answer may span seconds of clock.
    ({ sim, core } = await startRcCore(timers, {
      prepare: (s) => s.faults.denyWebSockets(true),
      provider: {
        onExchange: ({ path, status }) => {
          if (status !== undefined) statuses.push(status);
          if (path.endsWith('/presence')) presenceAt.push(timers.now());
        },
      },
    }));
    const sid = sim.scenario.ringUser(caller('Ada Lovelace'));
    await until(() => expect(core.calls().map((c) => c.id)).toContain(sid));
    const start = timers.now();
    const reads = () => sim.requests.filter((r) => r.method === 'GET').length;
    const readsBefore = reads();
    // The core polls as fast as a ringing call asks (every second) for two minutes of clock; the
    // loopback answers arrive between the steps.
    while (timers.now() - start < 120_000) {
      timers.advance(250);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(statuses).not.toContain(429);
    // At most 40 paced reads a minute after a burst of 5 (RingCentral allows 50): the rest stays for commands.
    expect(reads() - readsBefore).toBeLessThanOrEqual(5 + 2 * 40);
    // Spread evenly: the ringing call is never left unread for long (and it was read, many times).
    expect(presenceAt.length).toBeGreaterThanOrEqual(10);
    const gaps = presenceAt.slice(1).map((t, i) => t - (presenceAt[i] ?? t));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(4_000);
    expect(core.calls().find((c) => c.id === sid)?.state).toBe('alerting');
    expect((await core.command({ type: 'answer', callId: sid })).ok).toBe(true);
    expect(statuses).not.toContain(429);
  });
});

describe('commands through the core', () => {
  test('answer reaches RingCentral with the chosen device and the call shows connected', async () => {
    await start();
    const sid = sim.scenario.ringUser(caller('Ada Lovelace'));
    await eventually(() => expect(core.calls().map((c) => c.id)).toContain(sid));
    expect((await core.command({ type: 'answer', callId: sid })).ok).toBe(true);
    expect(sim.requests.find((r) => r.path.endsWith('/answer'))?.body).toEqual({ deviceId: '800002' });
    await eventually(() => expect(core.calls().find((c) => c.id === sid)?.state).toBe('connected'));
  });

  test('429 on a command: the wait is honoured on the clock, then it is sent once more and succeeds', async () => {
    await start();
    const sid = sim.scenario.ringUser(caller('Ada Lovelace'));
    sim.scenario.answerOnDevice(sid);
    await eventually(() => expect(core.calls().find((c) => c.id === sid)?.state).toBe('connected'));
    sim.faults.rateLimit({ path: '/hold' }, 20);
    const holds = () => sim.requests.filter((r) => r.path.endsWith('/hold')).length;
    const result = core.command({ type: 'hold', callId: sid });
    await eventually(() => expect(holds()).toBe(1));
    const refusedAt = timers.now();
    // Step the clock until the command goes out again: never before the 20 s RingCentral asked for (the
    // client may take the 429 in a moment after the simulator sent it, so the wait can only be longer).
    await until(() => expect(holds()).toBe(2), 1_000);
    expect(timers.now() - refusedAt).toBeGreaterThanOrEqual(20_000);
    expect((await result).ok).toBe(true);
    expect(holds()).toBe(2);
    await eventually(() => expect(core.calls().find((c) => c.id === sid)?.state).toBe('held'));
  });

  test('a command that timed out is not resent, and the call shows what is true now', async () => {
    await start({ commandTimeoutMs: 50 });
    const sid = sim.scenario.ringUser(caller('Ada Lovelace'));
    sim.scenario.answerOnDevice(sid);
    await eventually(() => expect(core.calls().find((c) => c.id === sid)?.state).toBe('connected'));
    // Applied at once, answered only after 10 s of simulator time: the client gives up after 50 ms (on
    // the same clock).
    sim.faults.slow({ path: '/hold' }, 10_000);
    const arrived = sim.nextRequest({ path: '/hold' });
    const result = core.command({ type: 'hold', callId: sid });
    await arrived;
    timers.advance(50);
    expect(await result).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    expect(sim.requests.filter((r) => r.path.endsWith('/hold'))).toHaveLength(1);
    await eventually(() => expect(core.calls().find((c) => c.id === sid)).toMatchObject({ state: 'held' }));
    expect(sim.requests.filter((r) => r.path.endsWith('/hold'))).toHaveLength(1);
  });

  test('merge through the core: the conference arrives over push with both participants; mute and remove follow live', async () => {
    await start();
    const a = sim.scenario.ringUser(caller('Ada Lovelace'));
    sim.scenario.answerOnDevice(a);
    const b = sim.scenario.ringUser(caller('Grace Hall'));
    sim.scenario.answerOnDevice(b);
    await eventually(() => expect(core.calls().filter((c) => c.actions.includes('merge'))).toHaveLength(2));
    expect(await core.conferenceCommand({ type: 'merge' })).toEqual({ ok: true, value: null });
    await eventually(() => expect(core.conferences()[0]?.participants.map((p) => p.party?.name)).toEqual(['Ada Lovelace', 'Grace Hall']));
    await eventually(() => expect(core.calls()).toEqual([]));
    const conference = core.conferences()[0]!;
    const first = conference.participants[0]!.callId;
    expect(await core.conferenceCommand({ type: 'muteParticipant', conferenceId: conference.id, callId: first })).toEqual({
      ok: true,
      value: null,
    });
    await eventually(() =>
      expect(core.conferences()[0]?.participants[0]).toMatchObject({ muted: true, actions: ['unmute', 'removeParticipant'] }),
    );
    expect(await core.conferenceCommand({ type: 'removeParticipant', conferenceId: conference.id, callId: first })).toEqual({
      ok: true,
      value: null,
    });
    await eventually(() => expect(core.conferences()[0]?.participants.map((p) => p.party?.name)).toEqual(['Grace Hall']));
    expect(await core.conferenceCommand({ type: 'release', conferenceId: conference.id })).toEqual({ ok: true, value: null });
    await eventually(() => expect(core.conferences()).toEqual([]));
  });
});
