/**
 * Every Bandwidth provider operation on the wire against the Catapult simulator (on a manual clock):
 * speech, audio and stopping it, gathers with their digits, transfers with a whisper, Answer passing
 * the caller to "my phone", click-to-call, conferences and bridges, recordings with transcriptions,
 * the call timeline, history ids, the auto-answer notice, and bad input refused before anything is sent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BandwidthProvider, MY_PHONE_LEG_TAG } from '../../../../src/main/providers/bandwidth/provider';
import { type Rig, settle, startRig } from './client-kit';

const CALLER = '+14045550123';
const MY_PHONE = '+14045550999';
let rig: Rig;
let provider: BandwidthProvider;
let notices: string[];

async function start(options: { myPhone?: string } = {}): Promise<void> {
  rig = await startRig({ sim: { farEndAnswerMs: 1000 } });
  notices = [];
  provider = new BandwidthProvider({
    client: rig.client,
    userId: rig.sim.userId,
    number: rig.sim.numbers[0] ?? '',
    now: () => rig.clock.now(),
    myPhone: () => options.myPhone ?? '',
    onNotice: (message) => notices.push(message),
  });
}

/** Time passes on the simulator's clock (a far end answers, audio ends, a gather times out). */
async function wait(ms: number): Promise<void> {
  rig.clock.advance(ms);
  await settle(rig.gate);
}

function bodiesTo(pattern: RegExp): unknown[] {
  return rig.sim.requests.filter((r) => r.method === 'POST' && pattern.test(r.path)).map((r) => r.body);
}

async function answered(): Promise<string> {
  const id = rig.sim.scenario.ringIn({ from: CALLER });
  await provider.execute({ type: 'answer', callId: id });
  return id;
}

afterEach(async () => {
  await rig?.sim.close();
});

describe('Bandwidth provider: speech, audio, digits', () => {
  it('speaks a sentence with its voice, shows the call playing until the speech ends, and stops a file on request', async () => {
    await start();
    const id = await answered();
    await provider.execute({
      type: 'speak',
      callId: id,
      sentence: 'Your order has shipped.',
      gender: 'male',
      locale: 'en_US',
      voice: 'Paul',
    });
    expect(bodiesTo(/\/calls\/c-[^/]+\/audio$/)).toEqual([
      { sentence: 'Your order has shipped.', gender: 'male', locale: 'en_US', voice: 'Paul' },
    ]);
    let call = (await provider.snapshot()).calls[0];
    expect(call).toMatchObject({ playing: true, actions: expect.arrayContaining(['stopAudio']) });

    await wait(3_000);
    call = (await provider.snapshot()).calls[0];
    expect(call?.playing).toBeUndefined();
    expect(call?.actions).not.toContain('stopAudio');

    await provider.execute({ type: 'playAudio', callId: id, url: 'https://example.com/hold.mp3', loop: true });
    expect(rig.sim.scenario.audioOn(`call:${id}`)).toMatchObject({ fileUrl: 'https://example.com/hold.mp3', loopEnabled: true });
    await provider.execute({ type: 'stopAudio', callId: id });
    expect(rig.sim.scenario.audioOn(`call:${id}`)).toBeUndefined();
    expect(bodiesTo(/\/audio$/).at(-1)).toEqual({ sentence: '' });
    expect((await provider.snapshot()).calls[0]?.playing).toBeUndefined();
  });

  it('collects digits after a prompt and shows them on the call when the gather ends', async () => {
    await start();
    const id = await answered();
    const outcome = await provider.execute({
      type: 'gather',
      callId: id,
      prompt: 'Enter your account number, then hash.',
      maxDigits: 6,
      terminatingDigits: '#',
      timeoutSeconds: 5,
    });
    expect(outcome.gatherId).toMatch(/^g-/);
    expect(bodiesTo(/\/gather$/)).toEqual([
      { maxDigits: 6, terminatingDigits: '#', interDigitTimeout: 5, prompt: { sentence: 'Enter your account number, then hash.' } },
    ]);
    expect((await provider.snapshot()).calls[0]).toMatchObject({ gather: { id: outcome.gatherId, state: 'collecting' } });
    expect((await provider.snapshot()).calls[0]?.actions).not.toContain('gather');

    rig.sim.scenario.pressDigits(id, '4711#');
    await wait(2_000);
    const call = (await provider.snapshot()).calls[0];
    expect(call?.gather).toEqual({ id: outcome.gatherId, state: 'completed', digits: '4711' });
    expect(call?.actions).toContain('gather');
  });

  it('sends DTMF, records on and off, and reads no gather or events while nothing is under way', async () => {
    await start();
    const id = await answered();
    await provider.execute({ type: 'dtmf', callId: id, digits: '1W2,3#' });
    await provider.execute({ type: 'startRecording', callId: id });
    await provider.execute({ type: 'stopRecording', callId: id });
    expect(rig.sim.dtmfLog()).toEqual([{ callId: id, dtmfOut: '1W2,3#' }]);
    expect(bodiesTo(new RegExp(`/calls/${id}$`)).slice(1)).toEqual([{ recordingEnabled: true }, { recordingEnabled: false }]);
    const before = rig.sim.requests.length;
    await provider.snapshot();
    expect(rig.sim.requests.length - before).toBe(1);
  });

  it('refuses bad input with a clear message before anything is sent', async () => {
    await start();
    const id = await answered();
    const before = rig.sim.requests.length;
    await expect(provider.execute({ type: 'dtmf', callId: id, digits: '12x' })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('“x” cannot be sent as a tone'),
    });
    await expect(provider.execute({ type: 'speak', callId: id, sentence: 'a'.repeat(1001) })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('at most 1000 characters'),
    });
    await expect(provider.execute({ type: 'dial', destination: '5550123' })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('international form'),
    });
    await expect(provider.execute({ type: 'transfer', callId: id, destination: 'reception' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(rig.sim.requests.length).toBe(before);
  });
});

describe('Bandwidth provider: answering, transferring, dialling', () => {
  it('transfers with a whisper to whoever answers', async () => {
    await start();
    const id = await answered();
    rig.sim.scenario.setFarEnd('+14045550777', 'ring');
    await provider.execute({ type: 'transfer', callId: id, destination: '+14045550777', whisper: 'A customer about invoice 12.' });
    expect(bodiesTo(new RegExp(`/calls/${id}$`)).at(-1)).toEqual({
      state: 'transferring',
      transferTo: '+14045550777',
      whisperAudio: { sentence: 'A customer about invoice 12.' },
    });
    // While the leg rings, Catapult takes only a hang-up of this call.
    expect((await provider.snapshot()).calls[0]).toMatchObject({ id, state: 'connected', actions: ['hangup'] });
  });

  it('with my phone set, Answer passes the caller to my phone with a whisper naming them, and keeps the call in view', async () => {
    await start({ myPhone: MY_PHONE });
    rig.sim.scenario.setFarEnd(MY_PHONE, 'ring');
    const id = rig.sim.scenario.ringIn({ from: CALLER });
    const outcome = await provider.execute({ type: 'answer', callId: id });
    const leg = outcome.callId as string;
    expect(bodiesTo(new RegExp(`/calls/${id}$`))).toEqual([
      { state: 'active' },
      {
        state: 'transferring',
        transferTo: MY_PHONE,
        transferCallerId: CALLER,
        whisperAudio: { sentence: 'Call from plus 1 4 0 4 5 5 5 0 1 2 3.' },
      },
    ]);
    rig.sim.scenario.farEndAnswers(leg);
    const { calls } = await provider.snapshot();
    expect(calls).toEqual([
      expect.objectContaining({ id: leg, direction: 'incoming', state: 'connected', remote: { number: CALLER, privacy: false } }),
    ]);
    expect(rig.sim.scenario.callEvents(leg).map((e) => e.name)).toContain('speak');
  });

  it('Decline rejects the ringing call', async () => {
    await start({ myPhone: MY_PHONE });
    const id = rig.sim.scenario.ringIn({ from: CALLER });
    await provider.execute({ type: 'decline', callId: id });
    expect(rig.sim.calls().find((c) => c.id === id)?.state).toBe('rejected');
  });

  it('dials from the Bandwidth number; with my phone set it rings my phone first and bridges the callee in once I pick up', async () => {
    await start({ myPhone: MY_PHONE });
    const { callId } = await provider.execute({ type: 'dial', destination: '+1 404 555 0456' });
    expect(bodiesTo(/\/calls$/)).toEqual([{ from: rig.sim.numbers[0], to: MY_PHONE, tag: MY_PHONE_LEG_TAG }]);
    expect((await provider.snapshot()).calls).toEqual([
      expect.objectContaining({ id: callId, state: 'connecting', remote: { number: '+14045550456', privacy: false } }),
    ]);

    await wait(1_000); // my phone answers
    await provider.snapshot(); // sees it: calls the callee
    expect(bodiesTo(/\/calls$/).at(-1)).toEqual({ from: rig.sim.numbers[0], to: '+14045550456' });
    await wait(1_000); // the callee answers
    await provider.snapshot(); // bridges the two
    const bridge = bodiesTo(/\/bridges$/)[0] as { callIds: string[] };
    expect(bridge.callIds[0]).toBe(callId);

    const { calls, conferences } = await provider.snapshot();
    expect(calls).toEqual([
      expect.objectContaining({ id: callId, state: 'connected', remote: { number: '+14045550456', privacy: false } }),
    ]);
    // The app's own bridge is plumbing, not a bridge the user made.
    expect(conferences).toEqual([]);
    expect(calls[0]?.actions).not.toContain('merge');

    await provider.execute({ type: 'hangup', callId: callId as string });
    expect(rig.sim.calls().every((c) => c.state === 'completed')).toBe(true);
  });

  it('says once, and how to fix it, when calls arrive already answered (auto-answer on)', async () => {
    await start();
    // A call already up when the app starts is not judged: it may have been answered anywhere.
    rig.sim.scenario.ringIn({ from: '+14045550100', autoAnswer: true });
    await provider.snapshot();
    expect(notices).toEqual([]);
    rig.sim.scenario.ringIn({ from: CALLER, autoAnswer: true });
    await provider.snapshot();
    rig.sim.scenario.ringIn({ from: '+14045550124', autoAnswer: true });
    const told = await provider.snapshot();
    expect(notices).toEqual([expect.stringContaining('Turn it off (autoAnswer=false')]);
    // The status line keeps saying it (the core shows a snapshot's advisory) until a call rings here again.
    expect(told.advisory).toContain('Turn it off (autoAnswer=false');
    rig.sim.scenario.ringIn({ from: '+14045550125' });
    expect((await provider.snapshot()).advisory).toBeUndefined();
  });
});

describe('Bandwidth provider: conferences and bridges', () => {
  it('starts conferences, dials members in, mutes, holds, speaks to all or one, removes and ends', async () => {
    await start();
    await provider.executeConference({ type: 'startConference' });
    await provider.executeConference({ type: 'startConference' });
    let { conferences } = await provider.snapshot();
    expect(conferences).toHaveLength(2);
    const [first, second] = conferences.map((c) => c.id) as [string, string];
    expect(conferences[0]?.actions).toEqual(['addToConference', 'releaseConference']);

    await provider.executeConference({ type: 'dialIntoConference', conferenceId: first, destination: '+14045550201' });
    await provider.executeConference({ type: 'dialIntoConference', conferenceId: first, destination: '+14045550202' });
    expect(bodiesTo(/\/calls$/)).toEqual([
      { from: rig.sim.numbers[0], to: '+14045550201', conferenceId: first },
      { from: rig.sim.numbers[0], to: '+14045550202', conferenceId: first },
    ]);
    await wait(1_000);
    ({ conferences } = await provider.snapshot());
    const conference = conferences.find((c) => c.id === first);
    expect(conference?.participants.map((p) => p.party?.number)).toEqual(['+14045550202', '+14045550201']);
    const [a, b] = conference?.participants.map((p) => p.callId) as [string, string];

    await provider.executeConference({ type: 'muteParticipant', conferenceId: first, callId: a });
    await provider.executeConference({ type: 'holdParticipant', conferenceId: first, callId: b });
    await provider.executeConference({ type: 'speakToConference', conferenceId: first, sentence: 'Welcome, both.' });
    await provider.executeConference({ type: 'playToConference', conferenceId: first, callId: b, url: 'https://example.com/hold.wav' });
    expect(bodiesTo(/\/members\/member-[^/]+$/)).toEqual([{ mute: true }, { hold: true }]);
    expect(bodiesTo(new RegExp(`/conferences/${first}/audio$`))).toEqual([{ sentence: 'Welcome, both.' }]);
    expect(bodiesTo(/\/members\/[^/]+\/audio$/)).toEqual([{ fileUrl: 'https://example.com/hold.wav' }]);
    ({ conferences } = await provider.snapshot());
    expect(conferences.find((c) => c.id === first)?.participants).toEqual([
      expect.objectContaining({
        callId: a,
        muted: true,
        held: false,
        actions: ['unmute', 'hold', 'removeParticipant', 'speak', 'playAudio'],
      }),
      expect.objectContaining({
        callId: b,
        muted: false,
        held: true,
        actions: ['mute', 'resume', 'removeParticipant', 'speak', 'playAudio'],
      }),
    ]);

    await provider.executeConference({ type: 'removeParticipant', conferenceId: first, callId: b });
    ({ conferences } = await provider.snapshot());
    expect(conferences.find((c) => c.id === first)?.participants.map((p) => p.callId)).toEqual([a]);

    await provider.executeConference({ type: 'release', conferenceId: first });
    ({ conferences } = await provider.snapshot());
    expect(conferences.map((c) => c.id)).toEqual([second]);
    expect(rig.sim.calls().every((c) => c.state === 'completed')).toBe(true);
    await expect(provider.executeConference({ type: 'release', conferenceId: first })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('bridges two answered calls, holds the bridge (bridgeAudio false), resumes it and empties it on release', async () => {
    await start();
    const one = await answered();
    const two = rig.sim.scenario.ringIn({ from: '+14045550125' });
    await provider.execute({ type: 'answer', callId: two });
    expect((await provider.snapshot()).calls.every((c) => c.actions.includes('merge'))).toBe(true);

    await provider.executeConference({ type: 'bridge', callIds: [one, two] });
    let { calls, conferences } = await provider.snapshot();
    expect(conferences).toEqual([
      expect.objectContaining({ type: 'bridge', state: 'connected', actions: ['hold', 'speak', 'playAudio', 'releaseConference'] }),
    ]);
    expect(conferences[0]?.participants.map((p) => p.callId).sort()).toEqual([one, two].sort());
    expect(calls.some((c) => c.actions.includes('merge'))).toBe(false);
    const id = conferences[0]?.id as string;

    await provider.executeConference({ type: 'holdConference', conferenceId: id });
    ({ conferences } = await provider.snapshot());
    expect(conferences[0]).toMatchObject({ state: 'held', actions: ['resume', 'speak', 'playAudio', 'releaseConference'] });
    await provider.executeConference({ type: 'resumeConference', conferenceId: id });
    await provider.executeConference({ type: 'release', conferenceId: id });
    expect(bodiesTo(/\/bridges\/brg-[^/]+$/)).toEqual([{ bridgeAudio: false }, { bridgeAudio: true }, { callIds: [] }]);
    ({ calls, conferences } = await provider.snapshot());
    expect(conferences).toEqual([]);
    expect(calls.every((c) => c.actions.includes('merge'))).toBe(true);
  });
});

describe('Bandwidth provider: recordings, timeline, history', () => {
  it('lists a call’s recordings, asks for a transcription and shows its text once complete', async () => {
    await start();
    const id = await answered();
    await provider.execute({ type: 'startRecording', callId: id });
    await wait(2_000);
    await provider.execute({ type: 'stopRecording', callId: id });
    await wait(1_000);
    const [recording] = await provider.recordings(id);
    expect(recording).toMatchObject({ callId: id, state: 'complete', mediaUrl: expect.stringContaining('/media/') });
    await provider.requestTranscription(recording?.id as string);
    expect((await provider.recordings(id))[0]?.transcription).toMatchObject({ state: 'pending' });
    await wait(6_000);
    expect((await provider.recordings(id))[0]?.transcription).toMatchObject({ state: 'completed', text: expect.any(String) });
  });

  it('shows a call’s events as its timeline, and history entries carry the call id', async () => {
    await start();
    const id = await answered();
    await provider.execute({ type: 'hangup', callId: id });
    const timeline = await provider.timeline(id);
    expect(timeline.map((e) => e.name)).toEqual(['create', 'answer', 'hangup']);
    expect(timeline[2]).toMatchObject({ detail: 'NORMAL_CLEARING', time: expect.any(String) });
    expect(await provider.history()).toEqual([expect.objectContaining({ type: 'received', callId: id, number: CALLER })]);
  });
});
