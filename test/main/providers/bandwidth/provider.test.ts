import { afterEach, describe, expect, it } from 'vitest';
import { BandwidthProvider, toCatapultDestination } from '../../../../src/main/providers/bandwidth/provider';
import { type Rig, startRig } from './client-kit';

const CALLER = '+14045550123';
let rig: Rig;
let provider: BandwidthProvider;

async function start(options: Parameters<typeof startRig>[0] = {}): Promise<void> {
  rig = await startRig(options);
  provider = new BandwidthProvider({ client: rig.client, userId: rig.sim.userId, number: rig.sim.numbers[0] ?? '' });
}

afterEach(async () => {
  await rig?.sim.close();
});

describe('BandwidthProvider', () => {
  it('a snapshot is one list request showing the number’s calls that have not ended', async () => {
    await start();
    const ringing = rig.sim.scenario.ringIn({ from: CALLER });
    const ended = rig.sim.scenario.ringIn({ from: '+14045550999' });
    rig.sim.scenario.farEndHangsUp(ended);
    rig.sim.scenario.ringIn({ from: CALLER, to: '+19195550777' });
    const before = rig.sim.requests.length;
    const { calls, conferences } = await provider.snapshot();
    expect(rig.sim.requests.length - before).toBe(1);
    expect(conferences).toEqual([]);
    expect(calls).toEqual([
      expect.objectContaining({
        id: ringing,
        direction: 'incoming',
        state: 'alerting',
        actions: ['answer', 'decline'],
        remote: { number: CALLER, privacy: false },
      }),
    ]);
  });

  it('answers, sends digits, records, transfers and hangs up through commands', async () => {
    await start();
    const id = rig.sim.scenario.ringIn({ from: CALLER });
    await provider.execute({ type: 'answer', callId: id });
    expect((await provider.snapshot()).calls[0]).toMatchObject({
      state: 'connected',
      actions: expect.arrayContaining(['transfer', 'dtmf', 'startRecording']),
    });
    await provider.execute({ type: 'dtmf', callId: id, digits: '12#' });
    expect(rig.sim.dtmfLog()).toEqual([{ callId: id, dtmfOut: '12#' }]);
    await provider.execute({ type: 'startRecording', callId: id });
    expect((await provider.snapshot()).calls[0]).toMatchObject({
      recording: 'started',
      actions: expect.arrayContaining(['stopRecording']),
    });
    await provider.execute({ type: 'stopRecording', callId: id });
    rig.sim.scenario.setFarEnd('+14045550777', 'ring');
    const outcome = await provider.execute({ type: 'transfer', callId: id, destination: '+1 (404) 555-0777' });
    expect(outcome.callId).toMatch(/^c-/);
    // The transfer leg is from the caller's number, so it is not one of this number's calls.
    expect((await provider.snapshot()).calls).toEqual([
      expect.objectContaining({ id, state: 'connected', pending: 'transfer', actions: ['hangup'] }),
    ]);
    await provider.execute({ type: 'hangup', callId: id });
    expect((await provider.snapshot()).calls).toEqual([]);
  });

  it('dials from the number: connecting, then connected when the far end answers', async () => {
    await start({ sim: { farEndAnswerMs: 1000 } });
    const { callId } = await provider.execute({ type: 'dial', destination: '+1 404-555-0123' });
    expect(rig.sim.calls()[0]).toMatchObject({ id: callId, from: rig.sim.numbers[0], to: '+14045550123' });
    expect((await provider.snapshot()).calls[0]).toMatchObject({
      id: callId,
      direction: 'outgoing',
      state: 'connecting',
      actions: ['hangup'],
    });
    rig.clock.advance(1000);
    expect((await provider.snapshot()).calls[0]).toMatchObject({ state: 'connected' });
  });

  it('declines a ringing call', async () => {
    await start();
    const id = rig.sim.scenario.ringIn({ from: CALLER });
    await provider.execute({ type: 'decline', callId: id });
    expect(rig.sim.calls()[0]?.state).toBe('rejected');
  });

  it('refuses what Catapult cannot do, in plain words, without sending anything', async () => {
    await start();
    const id = rig.sim.scenario.ringIn({ from: CALLER });
    await expect(provider.execute({ type: 'hold', callId: id })).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
      message: expect.stringContaining('Bandwidth calls cannot be put on hold'),
    });
    await expect(provider.executeConference({ type: 'muteHost', conferenceId: 'conf-1' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(rig.sim.requests).toHaveLength(0);
  });

  it('history lists missed, received and placed calls of the number', async () => {
    await start();
    const missed = rig.sim.scenario.ringIn({ from: '+14045550001' });
    rig.sim.scenario.farEndHangsUp(missed);
    const received = rig.sim.scenario.ringIn({ from: '+14045550002' });
    await provider.execute({ type: 'answer', callId: received });
    rig.sim.scenario.farEndHangsUp(received);
    const { callId: placed } = await provider.execute({ type: 'dial', destination: '+14045550003' });
    await provider.execute({ type: 'hangup', callId: placed ?? '' });
    expect((await provider.history()).map((e) => [e.type, e.number])).toEqual([
      ['placed', '+14045550003'],
      ['received', '+14045550002'],
      ['missed', '+14045550001'],
    ]);
    expect((await provider.history('missed')).map((e) => e.number)).toEqual(['+14045550001']);
  });

  it('account and answer endpoints need no request', async () => {
    await start();
    expect(await provider.account()).toEqual({
      provider: 'bandwidth',
      personId: rig.sim.userId,
      displayName: `Bandwidth ${rig.sim.numbers[0]}`,
      primaryNumber: rig.sim.numbers[0],
    });
    expect(await provider.answerEndpoints()).toEqual([]);
    expect(rig.sim.requests).toHaveLength(0);
  });
});

describe('createBandwidthBackend', () => {
  it('assembles gate, client and provider for an account and number', async () => {
    rig = await startRig();
    const { createBandwidthBackend } = await import('../../../../src/main/providers/bandwidth/index');
    const backend = createBandwidthBackend({
      baseUrl: rig.sim.baseUrl,
      credentials: { userId: rig.sim.userId, apiToken: rig.sim.apiToken, apiSecret: rig.sim.apiSecret },
      number: rig.sim.numbers[0] ?? '',
      timers: rig.clock,
      gate: { intervalMs: 0, callIntervalMs: 0 },
    });
    const id = rig.sim.scenario.ringIn({ from: CALLER });
    expect((await backend.provider.snapshot()).calls.map((c) => c.id)).toEqual([id]);
    expect(backend.gate.activity).toBe('idle');
  });
});

describe('toCatapultDestination', () => {
  it('strips punctuation from numbers and adds sip: to addresses', () => {
    expect(toCatapultDestination(' +1 (404) 555-0123 ')).toBe('+14045550123');
    expect(toCatapultDestination('tel:+14045550123')).toBe('+14045550123');
    expect(toCatapultDestination('desk@example.com')).toBe('sip:desk@example.com');
    expect(toCatapultDestination('sips:desk@example.com')).toBe('sip:desk@example.com');
  });
});
