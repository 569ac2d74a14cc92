// The Webex provider's conference side against the simulator: each ConferenceCommand becomes the one
// Conference Controls request that carries it out (leave: an attended transfer), and snapshot() reads
// the conference only when one can exist, so idle polling costs one request.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConferenceCommand } from '../../../../src/shared/contract';
import { type SimFixture, onWire, startLinesFixture, startSimFixture } from './sim-fixture';

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
    expect((await f.provider.snapshot()).conference).toBeNull();
    f.connectedCall();
    expect((await f.provider.snapshot()).conference).toBeNull();
    expect(conferenceReads(log)).toBe(0);
    expect(log.read().map((r) => r.path)).toEqual(['/telephony/config/people/me/endpoints', '/telephony/calls', '/telephony/calls']);
  });

  it('reads it with two calls, then once more after it ends, then stops', async () => {
    const a = f.connectedCall();
    const b = f.connectedCall({ number: '+15550102' });
    const log = f.mark();
    const before = await f.provider.snapshot();
    expect(before.conference).toBeNull();
    expect(before.calls.map((c) => c.actions.includes('merge'))).toEqual([true, true]);
    expect(conferenceReads(log)).toBe(1);

    await f.provider.executeConference({ type: 'merge', callIds: [a, b] });
    const { calls, conference } = await f.provider.snapshot();
    expect(conference).toMatchObject({
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
    expect((await f.provider.snapshot()).conference).toBeNull();
    expect(conferenceReads(mark)).toBe(1);
    await f.provider.snapshot();
    expect(conferenceReads(mark)).toBe(1);
  });

  it('reads a barge-in conference although I have only one call', async () => {
    f.sim.scenario.colleagueInCall({ colleague: { name: 'Sam Patel', number: '5005' }, remote: { number: '+15550190' } });
    const { callId } = await f.provider.execute({ type: 'bargeIn', target: '5005' });
    f.sim.scenario.answerOnDevice(callId as string);
    const { calls, conference } = await f.provider.snapshot();
    expect(calls).toHaveLength(1);
    expect(conference).toMatchObject({ type: 'bargeIn', participants: [{ callId, actions: [] }], actions: ['mute', 'hold', 'releaseConference'] });
    await f.provider.execute({ type: 'hangup', callId: callId as string });
    expect((await f.provider.snapshot()).conference).toBeNull();
    const log = f.mark();
    await f.provider.snapshot();
    expect(conferenceReads(log)).toBe(0);
  });

  it('offers Add to conference on my call that is not in it', async () => {
    await merged();
    const c = f.connectedCall({ number: '+15550103' });
    const { calls, conference } = await f.provider.snapshot();
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
    await expect(f.provider.executeConference({ type: 'merge' })).rejects.toMatchObject({ code: 'NOT_ALLOWED', message: 'Merge needs at least two answered calls.' });
    expect(log.read().filter((r) => r.method === 'POST')).toEqual([]);
  });

  it.each<[string, (ids: [string, string]) => ConferenceCommand, { method: string; path: string; body: unknown }]>([
    ['muteHost', () => ({ type: 'muteHost' }), { method: 'POST', path: '/telephony/conference/mute', body: undefined }],
    ['muteParticipant', ([a]) => ({ type: 'muteParticipant', callId: a }), { method: 'POST', path: '/telephony/conference/mute', body: { callId: 'A' } }],
    ['deafen', ([, b]) => ({ type: 'deafen', callId: b }), { method: 'POST', path: '/telephony/conference/deafen', body: { callId: 'B' } }],
    ['holdConference', () => ({ type: 'holdConference' }), { method: 'POST', path: '/telephony/conference/hold', body: undefined }],
    ['release', () => ({ type: 'release' }), { method: 'DELETE', path: '/telephony/conference', body: undefined }],
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
    await run({ type: 'muteHost' });
    await run({ type: 'muteParticipant', callId: a });
    await run({ type: 'deafen', callId: b });
    expect(f.sim.conference()).toMatchObject({ muted: true, participants: [{ muted: true, deafened: false }, { muted: false, deafened: true }] });
    expect(f.sim.scenario.mediaOf(a)).toEqual({ sends: false, receives: true });
    expect(f.sim.scenario.mediaOf(b)).toEqual({ sends: true, receives: false });
    await run({ type: 'unmuteHost' });
    await run({ type: 'unmuteParticipant', callId: a });
    await run({ type: 'undeafen', callId: b });
    expect(f.sim.conference()).toMatchObject({ muted: false, participants: [{ muted: false, deafened: false }, { muted: false, deafened: false }] });
    await run({ type: 'holdConference' });
    expect(f.sim.conference().state).toBe('held');
    await run({ type: 'resumeConference' });
    expect(f.sim.conference().state).toBe('connected');
    const c = f.connectedCall({ number: '+15550103' });
    await run({ type: 'addParticipant', callId: c });
    expect(f.sim.conference()).toMatchObject({ state: 'connected', participants: [{ callId: a }, { callId: b }, { callId: c }] });
    await run({ type: 'release' });
    expect(f.sim.listCalls()).toEqual([]);
  });

  it('sends the line: lineOwnerId in the body of start and add, in the query of hold, resume and release', async () => {
    const a = f.connectedCall();
    const b = f.connectedCall({ number: '+15550102' });
    const c = f.connectedCall({ number: '+15550103' });
    const provider = f.lineProvider('line-7');
    const log = f.mark();
    await provider.executeConference({ type: 'merge', callIds: [a, b] });
    await provider.executeConference({ type: 'holdConference' });
    await provider.executeConference({ type: 'resumeConference' });
    await provider.executeConference({ type: 'addParticipant', callId: c, line: 'line-8' });
    await provider.executeConference({ type: 'muteParticipant', callId: c });
    await provider.executeConference({ type: 'release' });
    expect(log.read().map((r) => [r.method, r.path, r.query, r.body])).toEqual([
      ['POST', '/telephony/conference', {}, { callIds: [a, b], lineOwnerId: 'line-7' }],
      ['POST', '/telephony/conference/hold', { lineOwnerId: 'line-7' }, undefined],
      ['POST', '/telephony/conference/resume', { lineOwnerId: 'line-7' }, undefined],
      ['POST', '/telephony/conference/addParticipant', {}, { callId: c, lineOwnerId: 'line-8' }],
      ['POST', '/telephony/conference/mute', {}, { callId: c }],
      ['DELETE', '/telephony/conference', { lineOwnerId: 'line-7' }, undefined],
    ]);
  });

  it('leave: an attended transfer of the two participants keeps them connected while I drop out', async () => {
    const [a, b] = await merged();
    const log = f.mark();
    await f.provider.executeConference({ type: 'leave' });
    expect(onWire(log.read())).toEqual([
      { method: 'GET', path: '/telephony/conference', body: undefined },
      { method: 'POST', path: '/telephony/calls/transfer', body: { callId1: a, callId2: b } },
    ]);
    expect(f.sim.listCalls()).toEqual([]);
    expect(f.sim.conference()).toEqual({});
  });

  it('leave refuses, sending no transfer, unless it is a three-way call', async () => {
    const [, , c] = [...(await merged()), f.connectedCall({ number: '+15550103' })];
    await f.provider.executeConference({ type: 'addParticipant', callId: c as string });
    const log = f.mark();
    await expect(f.provider.executeConference({ type: 'leave' })).rejects.toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringMatching(/only in a three-way call/) });
    await f.provider.executeConference({ type: 'release' });
    await expect(f.provider.executeConference({ type: 'leave' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(log.read().filter((r) => r.path === '/telephony/calls/transfer')).toEqual([]);
  });

  it('passes Webex’s refusal on', async () => {
    await merged();
    await expect(f.provider.executeConference({ type: 'resumeConference' })).rejects.toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringMatching(/Resume requires a held conference/) });
  });
});
