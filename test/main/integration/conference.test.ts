/**
 * Conference controls end to end in Node: core (store, dispatchers, poller) → Webex provider → HTTP over
 * loopback → the Webex simulator. What a user would see (the conference and its participants) and what
 * the far ends would hear (the simulator's media), through merge, mute, deafen, hold, resume, release,
 * leave, and a command whose answer is lost.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSwitchboardCore, type SwitchboardCore } from '../../../src/main/core/switchboard-core';
import { staticTokenSource } from '../../../src/main/provider-api/token-source';
import { createWebexProvider } from '../../../src/main/providers/webex';
import { startWebexSimulator, type WebexSimulator } from '../../../src/main/simulator/webex';
import type { Conference } from '../../../src/shared/domain';
import { eventually } from '../../support/eventually';

let sim: WebexSimulator;
let core: SwitchboardCore;

async function start(): Promise<void> {
  sim = await startWebexSimulator({ farEndAnswerMs: 30, parkRecallMs: 60_000 });
  const provider = createWebexProvider({ baseUrl: sim.baseUrl, tokens: staticTokenSource(sim.token, 'Webex'), commandTimeoutMs: 1_000 });
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

/** Two incoming calls I answered on my desk phone (the first went on hold when I took the second). */
async function twoCalls(): Promise<[string, string]> {
  const ada = sim.scenario.ringUser({ from: { name: 'Ada Lovelace', number: '+15550101', callType: 'external' } });
  sim.scenario.answerOnDevice(ada);
  const bob = sim.scenario.ringUser({ from: { name: 'Bob Jones', number: '+15550102', callType: 'external' } });
  sim.scenario.answerOnDevice(bob);
  await eventually(() =>
    expect(
      core
        .calls()
        .filter((c) => c.actions.includes('merge'))
        .map((c) => c.id)
        .sort(),
    ).toEqual([ada, bob].sort()),
  );
  return [ada, bob];
}

/** The Webex provider names the conference on my own line after the line. */
const LINE = 'webex-line:primary';

function conferenceNow(): Conference {
  const [conference, ...more] = core.conferences();
  if (more.length > 0) throw new Error('more than one conference');
  if (!conference) throw new Error('no conference');
  return conference;
}

function requests(method: string, path: string): number {
  return sim.requests.filter((r) => r.method === method && r.path === path).length;
}

describe('conference controls end to end (core + Webex provider + simulator)', () => {
  it('merge → mute one, deafen the other → hold → resume → release: exactly that happens on the far ends', async () => {
    await start();
    const [ada, bob] = await twoCalls();

    expect(await core.conferenceCommand({ type: 'merge' })).toEqual({ ok: true, value: null });
    await eventually(() => expect(core.conferences()[0]?.participants).toHaveLength(2));
    expect(conferenceNow()).toMatchObject({
      id: 'webex-line:primary',
      state: 'connected',
      muted: false,
      participants: [
        { callId: ada, muted: false, deafened: false, party: { name: 'Ada Lovelace', number: '+15550101' }, actions: ['mute', 'deafen'] },
        { callId: bob, muted: false, deafened: false, party: { name: 'Bob Jones', number: '+15550102' }, actions: ['mute', 'deafen'] },
      ],
      actions: ['mute', 'hold', 'leaveConference', 'releaseConference'],
    });
    await eventually(() => expect(core.calls().every((c) => c.pending === undefined && c.state === 'connected')).toBe(true));

    expect(await core.conferenceCommand({ type: 'muteParticipant', conferenceId: LINE, callId: ada })).toEqual({ ok: true, value: null });
    expect(await core.conferenceCommand({ type: 'deafen', conferenceId: LINE, callId: bob })).toEqual({ ok: true, value: null });
    await eventually(() =>
      expect(conferenceNow().participants.map((p) => [p.muted, p.deafened, p.pending])).toEqual([
        [true, false, undefined],
        [false, true, undefined],
      ]),
    );
    expect(sim.conference().participants).toEqual([
      { callId: ada, muted: true, deafened: false },
      { callId: bob, muted: false, deafened: true },
    ]);
    expect(sim.scenario.mediaOf(ada)).toEqual({ sends: false, receives: true });
    expect(sim.scenario.mediaOf(bob)).toEqual({ sends: true, receives: false });
    expect(conferenceNow().participants.map((p) => p.actions)).toEqual([
      ['unmute', 'deafen'],
      ['mute', 'undeafen'],
    ]);

    expect(await core.conferenceCommand({ type: 'holdConference', conferenceId: LINE })).toEqual({ ok: true, value: null });
    await eventually(() =>
      expect(conferenceNow()).toMatchObject({ state: 'held', actions: ['resume', 'leaveConference', 'releaseConference'] }),
    );
    expect(sim.scenario.hostMedia()).toEqual({ sends: false, receives: false });
    expect(await core.conferenceCommand({ type: 'resumeConference', conferenceId: LINE })).toEqual({ ok: true, value: null });
    await eventually(() => expect(conferenceNow().state).toBe('connected'));
    expect(sim.scenario.hostMedia()).toEqual({ sends: true, receives: true });

    expect(await core.conferenceCommand({ type: 'release', conferenceId: LINE })).toEqual({ ok: true, value: null });
    await eventually(() => expect(core.conferences()).toEqual([]));
    await eventually(() => expect(core.calls()).toEqual([]));
    expect(sim.listCalls()).toEqual([]);
    expect(sim.conference()).toEqual({});
    // Every command went out once.
    for (const path of [
      '/telephony/conference/mute',
      '/telephony/conference/deafen',
      '/telephony/conference/hold',
      '/telephony/conference/resume',
    ]) {
      expect(requests('POST', path), path).toBe(1);
    }
    expect(requests('POST', '/telephony/conference')).toBe(1);
    expect(requests('DELETE', '/telephony/conference')).toBe(1);
  });

  it('adds a third call, then leaving is refused; leaving a three-way call keeps the other two connected', async () => {
    await start();
    const [ada, bob] = await twoCalls();
    await core.conferenceCommand({ type: 'merge', callIds: [ada, bob] });
    await eventually(() => expect(core.conferences()[0]?.actions).toContain('leaveConference'));

    const carol = sim.scenario.ringUser({ from: { name: 'Carol White', number: '+15550103' } });
    sim.scenario.answerOnDevice(carol);
    await eventually(() => expect(core.calls().find((c) => c.id === carol)?.actions).toContain('addToConference'));
    expect(conferenceNow().state).toBe('held');
    expect(await core.conferenceCommand({ type: 'addParticipant', conferenceId: LINE, callId: carol })).toEqual({ ok: true, value: null });
    await eventually(() =>
      expect(conferenceNow().participants.map((p) => p.party?.name)).toEqual(['Ada Lovelace', 'Bob Jones', 'Carol White']),
    );
    expect(conferenceNow().state).toBe('connected');
    expect(await core.conferenceCommand({ type: 'leave', conferenceId: LINE })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });

    // Carol hangs up: a three-way call again, which I can leave.
    sim.scenario.remoteHangsUp(carol);
    await eventually(() => expect(core.conferences()[0]?.actions).toContain('leaveConference'));
    expect(await core.conferenceCommand({ type: 'leave', conferenceId: LINE })).toEqual({ ok: true, value: null });
    await eventually(() => expect(core.calls()).toEqual([]));
    expect(core.conferences()).toEqual([]);
    expect(sim.requests.filter((r) => r.path === '/telephony/calls/transfer').map((r) => r.body)).toEqual([{ callId1: ada, callId2: bob }]);
  });

  it('a hold whose answer is lost is not resent: the core re-reads and says the conference is on hold', async () => {
    await start();
    const [ada, bob] = await twoCalls();
    await core.conferenceCommand({ type: 'merge', callIds: [ada, bob] });
    await eventually(() => expect(core.conferences()[0]?.actions).toContain('hold'));
    sim.faults.dropNext({ path: '/telephony/conference/hold', afterApplying: true });
    const result = await core.conferenceCommand({ type: 'holdConference', conferenceId: LINE });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.message).toMatch(/— the conference is on hold\.$/);
    expect(result.ok ? true : result.error.retryable).toBe(false);
    expect(requests('POST', '/telephony/conference/hold')).toBe(1);
    expect(conferenceNow().state).toBe('held');
  });

  it('idle polling reads only the call list', async () => {
    await start();
    const before = sim.requests.length;
    await core.reconcile();
    await core.reconcile();
    expect(sim.requests.slice(before).map((r) => r.path)).toEqual(['/telephony/calls', '/telephony/calls']);
  });
});
