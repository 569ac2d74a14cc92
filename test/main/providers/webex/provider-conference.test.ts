// The Webex provider's conference side against the simulator: each ConferenceCommand becomes the one
// Conference Controls request that carries it out (leave: an attended transfer), and snapshot() reads
// the conference only when one can exist, so idle polling costs one request.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConferenceCommand } from '../../../../src/shared/contract';
import { type SimFixture, onWire, startLinesFixture, startSimFixture } from './sim-fixture';

/** The conference on my own line, as the provider names it. */
const PRIMARY = 'webex-line:primary';

let f: SimFixture;
beforeEach(async () => {
  f = await startSimFixture();
});
afterEach(async () => {
  await f.close();
});

function conferenceReads(from: { read(): { method: string; path: string }[] }): number {
  return from.read().filter((r) => r.method === 'GET' && r.path === '/telephony/conference').length;
}

async function merged(): Promise<[string, string]> {
  const a = f.connectedCall({ name: 'Ada Lovelace', number: '+15550101' });
  const b = f.connectedCall({ name: 'Bob Jones', number: '+15550102' });
  await f.provider.executeConference({ type: 'merge', callIds: [a, b] });
  return [a, b];
}

describe('snapshot with a conference', () => {
  it('does not read the conference while I have fewer than two calls', async () => {
    const log = f.mark();
    expect((await f.provider.snapshot()).conferences).toEqual([]);
    f.connectedCall();
    expect((await f.provider.snapshot()).conferences).toEqual([]);
    expect(conferenceReads(log)).toBe(0);
    expect(log.read().map((r) => r.path)).toEqual(['/telephony/config/people/me/endpoints', '/telephony/calls', '/telephony/calls']);
  });

  it('reads it with two calls, then once more after it ends, then stops', async () => {
    const a = f.connectedCall();
    const b = f.connectedCall({ number: '+15550102' });
    const log = f.mark();
    const before = await f.provider.snapshot();
    expect(before.conferences).toEqual([]);
    expect(before.calls.map((c) => c.actions.includes('merge'))).toEqual([true, true]);
    expect(conferenceReads(log)).toBe(1);

    await f.provider.executeConference({ type: 'merge', callIds: [a, b] });
    const {
      calls,
      conferences: [conference],
    } = await f.provider.snapshot();
    expect(conference).toMatchObject({
      id: PRIMARY,
      state: 'connected',
      muted: false,
      participants: [
        { callId: a, muted: false, deafened: false, party: { name: 'Ada Lovelace', number: '+15550100' }, actions: ['mute', 'deafen'] },
        { callId: b, muted: false, deafened: false, party: { number: '+15550102' }, actions: ['mute', 'deafen'] },
      ],
      actions: ['mute', 'hold', 'leaveConference', 'releaseConference'],
    });
    expect(calls.every((c) => !c.actions.includes('merge'))).toBe(true);

    // One party hangs up: the conference ends, one call remains; one more read sees it gone.
    f.sim.scenario.remoteHangsUp(a);
    const mark = f.mark();
    expect((await f.provider.snapshot()).conferences).toEqual([]);
    expect(conferenceReads(mark)).toBe(1);
    await f.provider.snapshot();
    expect(conferenceReads(mark)).toBe(1);
  });

  it('reads a barge-in conference although I have only one call', async () => {
    f.sim.scenario.colleagueInCall({ colleague: { name: 'Sam Patel', number: '5005' }, remote: { number: '+15550190' } });
    const { callId } = await f.provider.execute({ type: 'bargeIn', target: '5005' });
    f.sim.scenario.answerOnDevice(callId as string);
    const {
      calls,
      conferences: [conference],
    } = await f.provider.snapshot();
    expect(calls).toHaveLength(1);
    expect(conference).toMatchObject({
      type: 'bargeIn',
      participants: [{ callId, actions: [] }],
      actions: ['mute', 'hold', 'releaseConference'],
    });
    await f.provider.execute({ type: 'hangup', callId: callId as string });
    expect((await f.provider.snapshot()).conferences).toEqual([]);
    const log = f.mark();
    await f.provider.snapshot();
    expect(conferenceReads(log)).toBe(0);
  });

  it('offers Add to conference on my call that is not in it', async () => {
    await merged();
    const c = f.connectedCall({ number: '+15550103' });
    const {
      calls,
      conferences: [conference],
    } = await f.provider.snapshot();
    expect(calls.find((x) => x.id === c)?.actions).toContain('addToConference');
    expect(conference?.state).toBe('held');
    expect(conference?.actions).toEqual(['resume', 'addToConference', 'leaveConference', 'releaseConference']);
  });

  it('reads the conference of the line it watches', async () => {
    await f.close();
    f = await startLinesFixture('line-7');
    const provider = f.lineProvider('line-7');
    f.connectedCall(undefined, 'line-7');
    f.connectedCall({ number: '+15550102' }, 'line-7');
    const log = f.mark();
    await provider.snapshot();
    expect(log.read().map((r) => [r.path, r.query])).toEqual([
      ['/telephony/calls', { lineOwnerId: 'line-7' }],
      ['/telephony/conference', { lineOwnerId: 'line-7' }],
    ]);
  });

  it('names each conference after its line', async () => {
    f.connectedCall();
    f.connectedCall({ number: '+15550102' });
    const [a, b] = f.sim.listCalls().map((c) => c.id);
    await f.provider.executeConference({ type: 'merge', callIds: [a as string, b as string] });
    expect((await f.provider.snapshot()).conferences.map((c) => c.id)).toEqual([PRIMARY]);
  });

  it('names a conference on a secondary line after that line', async () => {
    await f.close();
    f = await startLinesFixture('line-7');
    const a = f.connectedCall(undefined, 'line-7');
    const b = f.connectedCall({ number: '+15550102' }, 'line-7');
    await f.lineProvider('line-7').executeConference({ type: 'merge', callIds: [a, b] });
    expect((await f.provider.snapshot()).conferences.map((c) => c.id)).toEqual(['webex-line:line-7']);
  });
});

describe('executeConference', () => {
  it('merge: names the calls, or takes all my answered calls', async () => {
    const a = f.connectedCall();
    const b = f.connectedCall({ number: '+15550102' });
    const ringing = f.sim.scenario.ringUser({ from: { number: '+15550103' } });
    const log = f.mark();
    await f.provider.executeConference({ type: 'merge' });
    expect(onWire(log.read())).toEqual([
      { method: 'GET', path: '/telephony/calls', body: undefined },
      { method: 'POST', path: '/telephony/conference', body: { callIds: [a, b] } },
    ]);
    expect(f.sim.conference().participants?.map((p) => p.callId)).toEqual([a, b]);
    expect(f.sim.listCalls().find((c) => c.id === ringing)?.state).toBe('alerting');
  });

  it('merge without ids refuses, sending nothing, when fewer than two calls are answered', async () => {
    f.connectedCall();
    const log = f.mark();
    await expect(f.provider.executeConference({ type: 'merge' })).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
      message: 'Merge needs at least two answered calls.',
    });
    expect(log.read().filter((r) => r.method === 'POST')).toEqual([]);
  });

  it.each<[string, (ids: [string, string]) => ConferenceCommand, { method: string; path: string; body: unknown }]>([
    [
      'muteHost',
      () => ({ type: 'muteHost', conferenceId: PRIMARY }),
      { method: 'POST', path: '/telephony/conference/mute', body: undefined },
    ],
    [
      'muteParticipant',
      ([a]) => ({ type: 'muteParticipant', conferenceId: PRIMARY, callId: a }),
      { method: 'POST', path: '/telephony/conference/mute', body: { callId: 'A' } },
    ],
    [
      'deafen',
      ([, b]) => ({ type: 'deafen', conferenceId: PRIMARY, callId: b }),
      { method: 'POST', path: '/telephony/conference/deafen', body: { callId: 'B' } },
    ],
    [
      'holdConference',
      () => ({ type: 'holdConference', conferenceId: PRIMARY }),
      { method: 'POST', path: '/telephony/conference/hold', body: undefined },
    ],
    ['release', () => ({ type: 'release', conferenceId: PRIMARY }), { method: 'DELETE', path: '/telephony/conference', body: undefined }],
  ])('%s sends exactly one request', async (_name, build, expected) => {
    const ids = await merged();
    const log = f.mark();
    await f.provider.executeConference(build(ids));
    const body = expected.body as { callId?: string } | undefined;
    const resolved = body?.callId ? { callId: body.callId === 'A' ? ids[0] : ids[1] } : body;
    expect(onWire(log.read())).toEqual([{ ...expected, body: resolved }]);
  });

  it('carries every operation through to the simulated conference', async () => {
    const [a, b] = await merged();
    const run = (command: ConferenceCommand) => f.provider.executeConference(command);
    await run({ type: 'muteHost', conferenceId: PRIMARY });
    await run({ type: 'muteParticipant', conferenceId: PRIMARY, callId: a });
    await run({ type: 'deafen', conferenceId: PRIMARY, callId: b });
    expect(f.sim.conference()).toMatchObject({
      muted: true,
      participants: [
        { muted: true, deafened: false },
        { muted: false, deafened: true },
      ],
    });
    expect(f.sim.scenario.mediaOf(a)).toEqual({ sends: false, receives: true });
    expect(f.sim.scenario.mediaOf(b)).toEqual({ sends: true, receives: false });
    await run({ type: 'unmuteHost', conferenceId: PRIMARY });
    await run({ type: 'unmuteParticipant', conferenceId: PRIMARY, callId: a });
    await run({ type: 'undeafen', conferenceId: PRIMARY, callId: b });
    expect(f.sim.conference()).toMatchObject({
      muted: false,
      participants: [
        { muted: false, deafened: false },
        { muted: false, deafened: false },
      ],
    });
    await run({ type: 'holdConference', conferenceId: PRIMARY });
    expect(f.sim.conference().state).toBe('held');
    await run({ type: 'resumeConference', conferenceId: PRIMARY });
    expect(f.sim.conference().state).toBe('connected');
    const c = f.connectedCall({ number: '+15550103' });
    await run({ type: 'addParticipant', conferenceId: PRIMARY, callId: c });
    expect(f.sim.conference()).toMatchObject({ state: 'connected', participants: [{ callId: a }, { callId: b }, { callId: c }] });
    await run({ type: 'release', conferenceId: PRIMARY });
    expect(f.sim.listCalls()).toEqual([]);
  });

  it('sends the conference’s line: lineOwnerId in the body of start and add, in the query of hold, resume and release', async () => {
    const a = f.connectedCall();
    const b = f.connectedCall({ number: '+15550102' });
    const c = f.connectedCall({ number: '+15550103' });
    const provider = f.lineProvider('line-7');
    const log = f.mark();
    await provider.executeConference({ type: 'merge', callIds: [a, b] });
    await provider.executeConference({ type: 'holdConference', conferenceId: 'webex-line:line-7' });
    await provider.executeConference({ type: 'resumeConference', conferenceId: 'webex-line:line-7' });
    await provider.executeConference({ type: 'addParticipant', conferenceId: 'webex-line:line-7', callId: c });
    await provider.executeConference({ type: 'muteParticipant', conferenceId: 'webex-line:line-7', callId: c });
    await provider.executeConference({ type: 'release', conferenceId: 'webex-line:line-7' });
    expect(log.read().map((r) => [r.method, r.path, r.query, r.body])).toEqual([
      ['POST', '/telephony/conference', {}, { callIds: [a, b], lineOwnerId: 'line-7' }],
      ['POST', '/telephony/conference/hold', { lineOwnerId: 'line-7' }, undefined],
      ['POST', '/telephony/conference/resume', { lineOwnerId: 'line-7' }, undefined],
      ['POST', '/telephony/conference/addParticipant', {}, { callId: c, lineOwnerId: 'line-7' }],
      ['POST', '/telephony/conference/mute', {}, { callId: c }],
      ['DELETE', '/telephony/conference', { lineOwnerId: 'line-7' }, undefined],
    ]);
  });

  it('leave: an attended transfer of the two participants keeps them connected while I drop out', async () => {
    const [a, b] = await merged();
    const log = f.mark();
    await f.provider.executeConference({ type: 'leave', conferenceId: PRIMARY });
    expect(onWire(log.read())).toEqual([
      { method: 'GET', path: '/telephony/conference', body: undefined },
      { method: 'POST', path: '/telephony/calls/transfer', body: { callId1: a, callId2: b } },
    ]);
    expect(f.sim.listCalls()).toEqual([]);
    expect(f.sim.conference()).toEqual({});
  });

  it('leave refuses, sending no transfer, unless it is a three-way call', async () => {
    const [, , c] = [...(await merged()), f.connectedCall({ number: '+15550103' })];
    await f.provider.executeConference({ type: 'addParticipant', conferenceId: PRIMARY, callId: c as string });
    const log = f.mark();
    await expect(f.provider.executeConference({ type: 'leave', conferenceId: PRIMARY })).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
      message: expect.stringMatching(/only in a three-way call/),
    });
    await f.provider.executeConference({ type: 'release', conferenceId: PRIMARY });
    await expect(f.provider.executeConference({ type: 'leave', conferenceId: PRIMARY })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(log.read().filter((r) => r.path === '/telephony/calls/transfer')).toEqual([]);
  });

  it('refuses a conference id it never gave, sending nothing', async () => {
    const [a] = await merged();
    const log = f.mark();
    for (const conferenceId of ['conf-1', 'webex-line:', 'webex-line:line-7']) {
      await expect(f.provider.executeConference({ type: 'holdConference', conferenceId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(f.provider.executeConference({ type: 'muteParticipant', conferenceId, callId: a })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    // A line provider knows only its own line's conference.
    await expect(f.lineProvider('line-7').executeConference({ type: 'release', conferenceId: PRIMARY })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(log.read()).toEqual([]);
    expect(f.sim.conference().state).toBe('connected');
  });

  it('passes Webex’s refusal on', async () => {
    await merged();
    await expect(f.provider.executeConference({ type: 'resumeConference', conferenceId: PRIMARY })).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
      message: expect.stringMatching(/Resume requires a held conference/),
    });
  });
});
