import { afterEach, describe, expect, it } from 'vitest';
import { type Rig, startRig } from './client-kit';

const CALLER = '+14045550123';
let rig: Rig;

afterEach(async () => {
  await rig?.sim.close();
});

function lastRequest(): { method: string; path: string; body: unknown; headers: Record<string, string>; query: Record<string, string> } {
  const r = rig.sim.requests.at(-1);
  if (!r) throw new Error('no request');
  return r;
}

async function answeredInbound(): Promise<string> {
  const id = rig.sim.scenario.ringIn({ from: CALLER });
  await rig.client.answer(id);
  return id;
}

describe('BandwidthClient calls on the wire', () => {
  it('creates a call with Basic auth and takes its id from Location', async () => {
    rig = await startRig();
    const id = await rig.client.createCall({ from: rig.sim.numbers[0] ?? '', to: CALLER, tag: 'crm-42' });
    expect(id).toMatch(/^c-/);
    const sent = lastRequest();
    expect(sent).toMatchObject({
      method: 'POST',
      path: `/users/${rig.sim.userId}/calls`,
      body: { from: rig.sim.numbers[0], to: CALLER, tag: 'crm-42' },
    });
    expect(sent.headers.authorization).toBe(`Basic ${Buffer.from(`${rig.sim.apiToken}:${rig.sim.apiSecret}`).toString('base64')}`);
    const call = await rig.client.getCall(id);
    expect(call).toMatchObject({ id, direction: 'out', state: 'started', to: CALLER });
    // The simulator sends nulls for unset fields: they read as absent.
    expect(call.callbackUrl).toBeUndefined();
    expect(call.tag).toBe('crm-42');
  });

  it('follows Link rel="next" across pages and keeps the filters', async () => {
    rig = await startRig();
    for (let i = 0; i < 5; i++) await rig.client.createCall({ from: rig.sim.numbers[0] ?? '', to: CALLER });
    rig.sim.scenario.ringIn({ from: CALLER });
    const calls = await rig.client.listCalls({ to: CALLER, size: 2 });
    expect(calls).toHaveLength(5);
    const reads = rig.sim.requests.filter((r) => r.method === 'GET');
    expect(reads.map((r) => r.query.page ?? '0')).toEqual(['0', '1', '2']);
    expect(reads.every((r) => r.query.to === CALLER && r.query.size === '2')).toBe(true);
    expect(await rig.client.listCalls({ to: CALLER, size: 2 }, { maxPages: 1 })).toHaveLength(2);
  });

  it('answers, rejects and hangs up with the state Catapult expects', async () => {
    rig = await startRig();
    const a = await answeredInbound();
    expect(lastRequest().body).toEqual({ state: 'active' });
    await rig.client.hangUp(a);
    expect(lastRequest().body).toEqual({ state: 'completed' });
    const b = rig.sim.scenario.ringIn({ from: CALLER });
    await rig.client.reject(b);
    expect(lastRequest().body).toEqual({ state: 'rejected' });
    expect((await rig.client.getCall(b)).state).toBe('rejected');
  });

  it('transfers with caller id and whisper, returning the new leg', async () => {
    rig = await startRig();
    const id = await answeredInbound();
    rig.sim.scenario.setFarEnd('+14045550777', 'ring');
    const leg = await rig.client.transfer(id, { to: '+14045550777', callerId: CALLER, whisper: { sentence: 'Caller from the web site' } });
    expect(lastRequest().body).toEqual({
      state: 'transferring',
      transferTo: '+14045550777',
      transferCallerId: CALLER,
      whisperAudio: { sentence: 'Caller from the web site' },
    });
    expect(leg).toMatch(/^c-/);
    expect((await rig.client.getCall(id)).state).toBe('transferring');
  });

  it('turns recording on and off, lists recordings, and requests a transcription', async () => {
    rig = await startRig({ sim: { transcriptionMs: 1000 } });
    const id = await answeredInbound();
    await rig.client.setRecording(id, true);
    expect(lastRequest().body).toEqual({ recordingEnabled: true });
    await rig.client.setRecording(id, false);
    rig.clock.advance(500);
    const [recording] = await rig.client.callRecordings(id);
    expect(recording?.state).toBe('complete');
    expect((await rig.client.recordings()).map((r) => r.id)).toEqual([recording?.id]);
    expect((await rig.client.recording(recording?.id ?? '')).media).toMatch(/\/media\//);
    const tid = await rig.client.requestTranscription(recording?.id ?? '');
    expect((await rig.client.transcription(recording?.id ?? '', tid)).state).toBe('transcribing');
    rig.clock.advance(1000);
    const [done] = await rig.client.transcriptions(recording?.id ?? '');
    expect(done).toMatchObject({ id: tid, state: 'completed', text: expect.any(String) });
    expect(await rig.client.callTranscriptions(id)).toHaveLength(1);
  });

  it('plays a sentence with voice options, a file, and stops audio', async () => {
    rig = await startRig();
    const id = await answeredInbound();
    await rig.client.playAudio(id, { sentence: 'Please hold', gender: 'female', locale: 'en_US', voice: 'Kate', loopEnabled: true });
    expect(lastRequest()).toMatchObject({
      path: expect.stringMatching(/\/audio$/),
      body: { sentence: 'Please hold', voice: 'Kate', loopEnabled: true },
    });
    expect(rig.sim.scenario.audioOn(`call:${id}`)).toMatchObject({ sentence: 'Please hold' });
    await rig.client.stopAudio(id);
    expect(rig.sim.scenario.audioOn(`call:${id}`)).toBeUndefined();
    await rig.client.playAudio(id, { fileUrl: 'https://example.com/hold.mp3' });
    expect(rig.sim.scenario.audioOn(`call:${id}`)).toMatchObject({ fileUrl: 'https://example.com/hold.mp3' });
  });

  it('sends DTMF and reads the call events', async () => {
    rig = await startRig();
    const id = await answeredInbound();
    await rig.client.sendDtmf(id, '1W2w3,#*');
    expect(rig.sim.dtmfLog()).toEqual([{ callId: id, dtmfOut: '1W2w3,#*' }]);
    const events = await rig.client.callEvents(id);
    expect(events.map((e) => e.name)).toEqual(['create', 'answer', 'dtmf']);
    expect((await rig.client.callEvent(id, events[0]?.id ?? '')).name).toBe('create');
  });

  it('gathers digits: create (id from Location), read, and complete on request', async () => {
    rig = await startRig();
    const id = await answeredInbound();
    const gather = await rig.client.createGather(id, {
      maxDigits: 4,
      terminatingDigits: '#',
      interDigitTimeout: 5,
      prompt: { sentence: 'Enter your PIN' },
    });
    expect(await rig.client.getGather(id, gather)).toMatchObject({ state: 'started', digits: undefined });
    rig.sim.scenario.pressDigits(id, '12#');
    expect(await rig.client.getGather(id, gather)).toMatchObject({ state: 'completed', reason: 'terminating-digit', digits: '12' });
    const second = await rig.client.createGather(id, {});
    await rig.client.stopGather(id, second);
    expect(lastRequest().body).toEqual({ state: 'completed' });
    expect((await rig.client.getGather(id, second)).state).toBe('completed');
  });
});

describe('BandwidthClient conferences and bridges on the wire', () => {
  it('creates a conference, adds, mutes, holds and removes a member, plays audio, ends it', async () => {
    rig = await startRig();
    const from = rig.sim.numbers[0] ?? '';
    const conf = await rig.client.createConference({ from });
    const leg = await rig.client.createCall({ from, to: CALLER, conferenceId: conf });
    const member = await rig.client.addMember(conf, { callId: leg, joinTone: true });
    expect(member).toMatch(/^member-/);
    await rig.client.updateMember(conf, member, { mute: true, hold: true });
    expect(await rig.client.member(conf, member)).toMatchObject({ mute: true, hold: true, state: 'active' });
    await rig.client.updateConference(conf, { mute: true });
    expect(await rig.client.getConference(conf)).toMatchObject({ state: 'active', mute: true, activeMembers: 1 });
    await rig.client.playAudioToConference(conf, { sentence: 'Welcome' });
    await rig.client.playAudioToMember(conf, member, { sentence: 'Just you' });
    expect(rig.sim.audioLog().map((e) => e.target)).toEqual([`conference:${conf}`, `member:${member}`]);
    await rig.client.removeMember(conf, member);
    expect((await rig.client.members(conf))[0]?.state).toBe('completed');
    await rig.client.endConference(conf);
    expect((await rig.client.getConference(conf)).state).toBe('completed');
  });

  it('creates a bridge, changes its calls and bridgeAudio, and plays audio into it', async () => {
    rig = await startRig({ sim: { farEndAnswerMs: 0 } });
    const from = rig.sim.numbers[0] ?? '';
    const a = await rig.client.createCall({ from, to: CALLER });
    const b = await rig.client.createCall({ from, to: '+14045550124' });
    rig.clock.advance(0);
    const bridge = await rig.client.createBridge({ callIds: [a, b], bridgeAudio: true });
    expect(await rig.client.getBridge(bridge)).toMatchObject({ state: 'active', callIds: [a, b], bridgeAudio: true });
    await rig.client.updateBridge(bridge, { bridgeAudio: false });
    expect((await rig.client.getBridge(bridge)).state).toBe('hold');
    await rig.client.playAudioToBridge(bridge, { sentence: 'Connecting you' });
    expect(rig.sim.scenario.audioOn(`bridge:${bridge}`)).toMatchObject({ sentence: 'Connecting you' });
    expect(await rig.client.listCalls({ bridgeId: bridge })).toHaveLength(2);
    await rig.client.updateBridge(bridge, { callIds: [] });
    expect((await rig.client.getBridge(bridge)).callIds).toEqual([]);
  });
});

describe('BandwidthClient refusals', () => {
  it('turns Catapult errors into ProviderErrors in plain words', async () => {
    rig = await startRig();
    await expect(rig.client.getCall('c-missing')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('call-not-found'),
    });
    const id = rig.sim.scenario.ringIn({ from: CALLER });
    await expect(rig.client.playAudio(id, { sentence: 'too early' })).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
      message: expect.stringContaining('only on an answered call'),
    });
    await rig.client.reject(id);
    await expect(rig.client.answer(id)).rejects.toMatchObject({ code: 'NOT_ALLOWED', status: 400 });
  });

  it('reports wrong credentials as AUTH', async () => {
    rig = await startRig();
    const { BandwidthClient } = await import('../../../../src/main/providers/bandwidth/client');
    const wrong = new BandwidthClient({
      baseUrl: rig.sim.baseUrl,
      credentials: { userId: rig.sim.userId, apiToken: 'x', apiSecret: 'y' },
      gate: rig.gate,
      timers: rig.clock,
    });
    await expect(wrong.listCalls()).rejects.toMatchObject({ code: 'AUTH', message: expect.stringContaining('API token and secret') });
  });

  it('reports a 5xx on a command as UNAVAILABLE without resending it', async () => {
    rig = await startRig();
    rig.sim.faults.failNext({ status: 500, method: 'POST' });
    await expect(rig.client.createCall({ from: rig.sim.numbers[0] ?? '', to: CALLER })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(rig.sim.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(rig.sim.calls()).toHaveLength(0);
  });

  it('reports a reset connection on a command as NETWORK (outcome unknown)', async () => {
    rig = await startRig();
    rig.sim.faults.dropNext({ method: 'POST', afterApplying: true });
    await expect(rig.client.createCall({ from: rig.sim.numbers[0] ?? '', to: CALLER })).rejects.toMatchObject({ code: 'NETWORK' });
    expect(rig.sim.calls()).toHaveLength(1);
  });
});
