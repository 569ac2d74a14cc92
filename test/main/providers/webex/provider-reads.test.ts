/**
 * The Webex provider's reads against the simulator: the call list as domain calls with their actions,
 * call details, history, the account and the answer endpoints, and the requests they send.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SimFixture, SIM_TOKEN, sortedPaths, startLinesFixture, startSimFixture } from './sim-fixture';
import { eventually } from '../../../support/eventually';

let f: SimFixture;

beforeEach(async () => {
  f = await startSimFixture({
    parkRecallMs: 50,
    me: { id: 'me-1', displayName: 'Grace Hopper', email: 'grace@example.com', number: '+15550123', extension: '123' },
  });
});

afterEach(async () => {
  await f.close();
});

describe('snapshot', () => {
  it('reads an empty call list (my secondary lines once, then only the calls)', async () => {
    const first = f.mark();
    expect(await f.provider.snapshot()).toEqual({ calls: [], conferences: [] });
    expect(first.read()).toMatchObject([
      { method: 'GET', path: '/telephony/config/people/me/endpoints', status: 200 },
      { method: 'GET', path: '/telephony/calls', query: {}, status: 200 },
    ]);
    const log = f.mark();
    expect(await f.provider.snapshot()).toEqual({ calls: [], conferences: [] });
    expect(log.read()).toMatchObject([{ method: 'GET', path: '/telephony/calls', query: {}, status: 200 }]);
    expect(log.read()[0]?.headers.authorization).toBe(`Bearer ${SIM_TOKEN}`);
  });

  it('shows a forwarded incoming call ringing, with who forwarded it and what can be done', async () => {
    const id = f.sim.scenario.ringUser({
      from: { name: 'Ada Lovelace', number: '+15550100', callType: 'external' },
      redirections: [{ reason: 'busy', by: { name: 'Bob', number: '2002', callType: 'location' } }],
    });
    const { calls } = await f.provider.snapshot();
    expect(calls).toEqual([
      expect.objectContaining({
        id,
        provider: 'webex',
        direction: 'incoming',
        state: 'alerting',
        remote: expect.objectContaining({ name: 'Ada Lovelace', number: '+15550100', privacy: false, callType: 'external' }),
        redirections: [{ reason: 'busy', by: expect.objectContaining({ name: 'Bob', number: '2002' }) }],
        muted: false,
        muteCapable: false,
        actions: ['answer', 'decline', 'divert', 'toVoicemail'],
      }),
    ]);
    expect(calls[0]?.sessionId).toEqual(expect.any(String));
    expect(Number.isNaN(Date.parse(calls[0]?.createdAt ?? ''))).toBe(false);
  });

  it('hides a private caller', async () => {
    f.sim.scenario.ringUser({ from: { name: 'Hidden', number: '+15550100', privacyEnabled: true } });
    const [call] = (await f.provider.snapshot()).calls;
    expect(call?.remote.privacy).toBe(true);
    expect(call?.remote.number).toBeUndefined();
    expect(call?.remote.name).toBeUndefined();
  });

  it('offers attended transfer once the user has two answered calls', async () => {
    const first = f.connectedCall();
    await f.provider.execute({ type: 'hold', callId: first });
    const second = f.connectedCall({ name: 'Bob', number: '+15550199' });
    const { calls } = await f.provider.snapshot();
    const byId = new Map(calls.map((c) => [c.id, c]));
    expect(byId.get(first)?.state).toBe('held');
    expect(byId.get(first)?.actions).toEqual(['resume', 'hangup', 'transfer', 'attendedTransfer', 'toVoicemail', 'merge']);
    expect(byId.get(second)?.state).toBe('connected');
    expect(byId.get(second)?.actions).toContain('attendedTransfer');
    expect(byId.get(second)?.answeredAt).toEqual(expect.any(String));
  });

  it('shows recording controls that follow the recording state', async () => {
    f.sim.scenario.setRecordingMode('onDemand');
    const id = f.connectedCall();
    await f.provider.execute({ type: 'startRecording', callId: id });
    const [call] = (await f.provider.snapshot()).calls;
    expect(call?.recording).toBe('started');
    expect(call?.actions).toEqual(expect.arrayContaining(['pauseRecording', 'stopRecording']));
    expect(call?.actions).not.toContain('startRecording');
  });

  it('shows a park recall ringing the parker', async () => {
    const id = f.connectedCall();
    const { parkedAt } = await f.provider.execute({ type: 'park', callId: id, destination: '2002' });
    await eventually(async () => {
      const { calls } = await f.provider.snapshot();
      expect(calls).toEqual([
        expect.objectContaining({
          direction: 'incoming',
          state: 'alerting',
          recall: { type: 'park', party: expect.objectContaining({ number: parkedAt?.number }) },
        }),
      ]);
    });
  });

  it('shows a remote hold, and the call ends when the far end hangs up', async () => {
    const id = f.connectedCall();
    f.sim.scenario.remoteHolds(id);
    expect((await f.provider.snapshot()).calls[0]).toMatchObject({ state: 'remoteHeld', actions: ['hangup', 'mute'] });
    f.sim.scenario.remoteHangsUp(id);
    expect((await f.provider.snapshot()).calls).toEqual([]);
  });
});

describe('client reads', () => {
  it('reads one call by id, with lineOwnerId as a query parameter', async () => {
    await f.close();
    f = await startLinesFixture('line-owner-2');
    const id = f.sim.scenario.ringUser({ from: { number: '+15550100' }, line: 'line-owner-2' });
    const log = f.mark();
    const call = await f.client.callDetails(id, { lineOwnerId: 'line-owner-2' });
    expect(call).toMatchObject({ id, personality: 'terminator', state: 'alerting' });
    expect(log.read()).toMatchObject([{ method: 'GET', path: `/telephony/calls/${id}`, query: { lineOwnerId: 'line-owner-2' } }]);
  });

  it('reads call details of an unknown call as not found with a tracking ID', async () => {
    await expect(f.client.callDetails('unknown')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/call not found \(tracking ID ROUTER_/),
    });
  });

  it('lists calls with lineOwnerId as a query parameter', async () => {
    await f.close();
    f = await startLinesFixture('line-owner-2');
    const log = f.mark();
    await f.client.listCalls({ lineOwnerId: 'line-owner-2' });
    expect(log.read()).toMatchObject([{ method: 'GET', path: '/telephony/calls', query: { lineOwnerId: 'line-owner-2' } }]);
  });
});

describe('history', () => {
  it('lists placed, missed and received calls, and one type when asked', async () => {
    const missed = f.sim.scenario.ringUser({ from: { name: 'Ada', number: '+15550100' } });
    f.sim.scenario.remoteHangsUp(missed);
    const received = f.connectedCall({ name: 'Bob', number: '+15550199' });
    f.sim.scenario.remoteHangsUp(received);
    const { callId } = await f.provider.execute({ type: 'dial', destination: '2002' });
    await f.provider.execute({ type: 'answer', callId: callId as string });
    await f.provider.execute({ type: 'hangup', callId: callId as string });

    const log = f.mark();
    const all = await f.provider.history();
    expect(log.read()).toMatchObject([{ method: 'GET', path: '/telephony/calls/history', query: {} }]);
    expect(new Set(all.map((h) => h.type))).toEqual(new Set(['placed', 'missed', 'received']));
    expect(all.find((h) => h.type === 'missed')).toMatchObject({ name: 'Ada', number: '+15550100', privacy: false });

    const onlyMissed = await f.provider.history('missed');
    expect(f.sim.requests.at(-1)).toMatchObject({ path: '/telephony/calls/history', query: { type: 'missed' } });
    expect(onlyMissed.map((h) => h.type)).toEqual(['missed']);
  });
});

describe('account and endpoints', () => {
  it('reads the signed-in person from /people/me', async () => {
    const log = f.mark();
    expect(await f.provider.account()).toMatchObject({
      provider: 'webex',
      personId: 'me-1',
      displayName: 'Grace Hopper',
      email: 'grace@example.com',
      primaryNumber: '+15550123',
      extension: '123',
    });
    expect(
      log
        .read()
        .map((r) => [r.method, r.path, r.query])
        .sort(),
    ).toEqual([
      ['GET', '/people/me', { callingData: 'true' }],
      ['GET', '/telephony/config/people/me/endpoints', {}],
    ]);
  });

  it('lists the answer endpoints and marks the preferred one', async () => {
    const log = f.mark();
    const endpoints = await f.provider.answerEndpoints();
    expect(sortedPaths(log.read())).toEqual([
      '/telephony/config/people/me/settings/availablePreferredAnswerEndpoints',
      '/telephony/config/people/me/settings/preferredAnswerEndpoint',
    ]);
    expect(endpoints.length).toBeGreaterThan(0);
    for (const endpoint of endpoints)
      expect(endpoint).toEqual({
        id: expect.any(String),
        name: expect.any(String),
        type: expect.any(String),
        preferred: expect.any(Boolean),
      });
    expect(endpoints.filter((e) => e.preferred).length).toBeLessThanOrEqual(1);
  });
});
