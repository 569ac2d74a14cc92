import { afterEach, describe, expect, it } from 'vitest';
import { type BandwidthSimulator, startBandwidthSimulator } from '../../../../src/main/simulator/bandwidth/index';
import { HandTimers } from '../../../support/hand-timers';
import { call, lastSegment } from './sim-kit';

let sim: BandwidthSimulator;
let clock: HandTimers;
const CALLER = '+14045550123';

async function start(options: Parameters<typeof startBandwidthSimulator>[0] = {}): Promise<BandwidthSimulator> {
  clock = new HandTimers();
  sim = await startBandwidthSimulator({ timers: clock, rateLimit: null, callRateLimit: null, ...options });
  return sim;
}

async function place(to = '+14045550199'): Promise<string> {
  const created = await call(sim, 'POST', '/calls', { from: sim.numbers[0], to });
  expect(created.status).toBe(201);
  return lastSegment(created.headers.get('location'));
}

async function state(id: string): Promise<string> {
  return ((await call(sim, 'GET', `/calls/${id}`)).body as { state: string }).state;
}

afterEach(async () => {
  await sim?.close();
});

describe('Catapult simulator: wire conventions', () => {
  it('refuses wrong credentials and other users with a Catapult error body', async () => {
    await start();
    const bad = await call(sim, 'GET', '/calls', undefined, 'nobody:wrong');
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ category: 'authorization', code: 'unauthorized' });
    const other = await call(sim, 'GET', `${sim.baseUrl}/users/u-other/calls`);
    expect(other.status).toBe(401);
    expect(other.body).toMatchObject({ code: 'user-access-denied', message: expect.any(String) });
  });

  it('creates a call with 201, a Location and no body, and the call carries nulls for unset fields', async () => {
    await start();
    const created = await call(sim, 'POST', '/calls', { from: sim.numbers[0], to: CALLER, callTimeout: null, tag: null, sipHeaders: null });
    expect(created.status).toBe(201);
    expect(created.text).toBe('');
    expect(created.headers.get('location')).toMatch(new RegExp(`/v1/users/${sim.userId}/calls/c-`));
    const got = await call(sim, 'GET', `/calls/${lastSegment(created.headers.get('location'))}`);
    expect(got.body).toMatchObject({ direction: 'out', state: 'started', from: sim.numbers[0], to: CALLER, callbackUrl: null, tag: null });
  });

  it('pages the call list newest first with Link first/next/previous, keeping the filters', async () => {
    await start();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await place());
    const first = await call(sim, 'GET', '/calls?size=2&to=%2B14045550199');
    expect((first.body as { id: string }[]).map((c) => c.id)).toEqual([ids[4], ids[3]]);
    const link = first.headers.get('link') ?? '';
    expect(link).toContain('rel="first"');
    expect(link).not.toContain('rel="previous"');
    const next = /<([^>]+)>; rel="next"/.exec(link)?.[1] ?? '';
    expect(new URL(next).searchParams.get('to')).toBe('+14045550199');
    const second = await call(sim, 'GET', next);
    expect((second.body as { id: string }[]).map((c) => c.id)).toEqual([ids[2], ids[1]]);
    expect(second.headers.get('link')).toContain('rel="previous"');
    const last = await call(sim, 'GET', '/calls?size=2&page=2');
    expect((last.body as unknown[]).length).toBe(1);
    expect(last.headers.get('link')).not.toContain('rel="next"');
  });

  it('filters by state', async () => {
    await start();
    const ringing = sim.scenario.ringIn({ from: CALLER });
    await place();
    const list = await call(sim, 'GET', '/calls?state=started&to=' + encodeURIComponent(sim.numbers[0] ?? ''));
    expect((list.body as { id: string }[]).map((c) => c.id)).toEqual([ringing]);
  });
});

describe('Catapult simulator: call states', () => {
  it('an inbound call rings (started), is answered (active), then hung up (completed)', async () => {
    await start();
    const id = sim.scenario.ringIn({ from: CALLER });
    expect(await state(id)).toBe('started');
    expect((await call(sim, 'POST', `/calls/${id}`, { state: 'active' })).status).toBe(200);
    expect(await state(id)).toBe('active');
    expect((await call(sim, 'POST', `/calls/${id}`, { state: 'active', recordingEnabled: null })).status).toBe(200);
    await call(sim, 'POST', `/calls/${id}`, { state: 'completed' });
    const ended = (await call(sim, 'GET', `/calls/${id}`)).body as { state: string; endTime: string; activeTime: string };
    expect(ended.state).toBe('completed');
    expect(ended.endTime).toBeDefined();
    const events = (await call(sim, 'GET', `/calls/${id}/events`)).body as { name: string; data?: string }[];
    expect(events.map((e) => e.name)).toEqual(['create', 'answer', 'hangup']);
    expect(events[2]?.data).toBe('NORMAL_CLEARING');
  });

  it('a rejected inbound call is rejected; a bad transition is 400 call-invalid-state', async () => {
    await start();
    const id = sim.scenario.ringIn({ from: CALLER });
    await call(sim, 'POST', `/calls/${id}`, { state: 'rejected' });
    expect(await state(id)).toBe('rejected');
    const again = await call(sim, 'POST', `/calls/${id}`, { state: 'active' });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: 'call-invalid-state' });
  });

  it('an outbound call is answered by the far end after the configured delay, or on the scenario', async () => {
    await start({ farEndAnswerMs: 2000 });
    const auto = await place();
    clock.advance(1999);
    expect(await state(auto)).toBe('started');
    clock.advance(1);
    expect(await state(auto)).toBe('active');
    sim.scenario.setFarEnd('+14045550111', 'ring');
    const manual = await place('+14045550111');
    clock.advance(10_000);
    expect(await state(manual)).toBe('started');
    sim.scenario.farEndAnswers(manual);
    expect(await state(manual)).toBe('active');
    sim.scenario.farEndHangsUp(manual);
    expect(await state(manual)).toBe('completed');
  });

  it('a transfer rings a new leg (201 + Location); the original is transferring, then completed when the leg answers, the whisper playing to it', async () => {
    await start();
    const id = sim.scenario.ringIn({ from: CALLER });
    await call(sim, 'POST', `/calls/${id}`, { state: 'active' });
    sim.scenario.setFarEnd('+14045550777', 'ring');
    const moved = await call(sim, 'POST', `/calls/${id}`, {
      state: 'transferring',
      transferTo: '+14045550777',
      transferCallerId: CALLER,
      whisperAudio: { sentence: 'A caller from the web site' },
    });
    expect(moved.status).toBe(201);
    const leg = lastSegment(moved.headers.get('location'));
    expect(await state(id)).toBe('transferring');
    expect(((await call(sim, 'GET', `/calls/${leg}`)).body as { from: string }).from).toBe(CALLER);
    sim.scenario.farEndAnswers(leg);
    expect(await state(id)).toBe('completed');
    expect(await state(leg)).toBe('active');
    expect(sim.scenario.audioOn(`call:${leg}`)).toMatchObject({ sentence: 'A caller from the web site' });
  });

  it('a transfer whose leg is busy gives the call back (active)', async () => {
    await start();
    const id = sim.scenario.ringIn({ from: CALLER });
    await call(sim, 'POST', `/calls/${id}`, { state: 'active' });
    sim.scenario.setFarEnd('+14045550888', 'busy');
    await call(sim, 'POST', `/calls/${id}`, { state: 'transferring', transferTo: '+14045550888' });
    clock.advance(500);
    expect(await state(id)).toBe('active');
  });

  it('plays and stops audio with speak events, and refuses audio on a ringing call', async () => {
    await start();
    const id = sim.scenario.ringIn({ from: CALLER });
    const early = await call(sim, 'POST', `/calls/${id}/audio`, { sentence: 'hello' });
    expect(early.status).toBe(403);
    expect(early.body).toMatchObject({ code: 'call-audio-invalid-state' });
    await call(sim, 'POST', `/calls/${id}`, { state: 'active' });
    await call(sim, 'POST', `/calls/${id}/audio`, {
      sentence: 'Please hold',
      gender: 'male',
      locale: 'en_US',
      voice: 'Paul',
      loopEnabled: true,
    });
    expect(sim.scenario.audioOn(`call:${id}`)).toMatchObject({ sentence: 'Please hold', voice: 'Paul', loopEnabled: true });
    await call(sim, 'POST', `/calls/${id}/audio`, { fileUrl: '', sentence: null });
    expect(sim.scenario.audioOn(`call:${id}`)).toBeUndefined();
    const names = sim.scenario
      .callEvents(id)
      .filter((e) => e.name === 'speak')
      .map((e) => e.data);
    expect(names).toEqual(['started', 'done']);
    const tooLong = await call(sim, 'POST', `/calls/${id}/audio`, { sentence: 'x'.repeat(1001) });
    expect(tooLong.body).toMatchObject({ code: 'validation-error' });
  });

  it('sends DTMF matching [A-D0-9#*,wW] up to 92 characters, refusing others', async () => {
    await start();
    const id = sim.scenario.ringIn({ from: CALLER });
    await call(sim, 'POST', `/calls/${id}`, { state: 'active' });
    expect((await call(sim, 'POST', `/calls/${id}/dtmf`, { dtmfOut: '1WWW,59#' })).status).toBe(200);
    expect(sim.dtmfLog()).toEqual([{ callId: id, dtmfOut: '1WWW,59#' }]);
    expect((await call(sim, 'POST', `/calls/${id}/dtmf`, { dtmfOut: '12x' })).status).toBe(400);
    expect((await call(sim, 'POST', `/calls/${id}/dtmf`, { dtmfOut: '1'.repeat(93) })).status).toBe(400);
  });
});

describe('Catapult simulator: gathers, recordings, transcriptions', () => {
  async function activeCall(): Promise<string> {
    const id = sim.scenario.ringIn({ from: CALLER });
    await call(sim, 'POST', `/calls/${id}`, { state: 'active' });
    return id;
  }

  async function gather(id: string, body: object): Promise<string> {
    const created = await call(sim, 'POST', `/calls/${id}/gather`, body);
    expect(created.status).toBe(201);
    return lastSegment(created.headers.get('location'));
  }

  it('ends a gather on maxDigits, on the terminating digit, and after the inter-digit timeout', async () => {
    await start();
    const id = await activeCall();
    const byCount = await gather(id, { maxDigits: 3 });
    sim.scenario.pressDigits(id, '1234');
    expect((await call(sim, 'GET', `/calls/${id}/gather/${byCount}`)).body).toMatchObject({
      state: 'completed',
      reason: 'max-digits',
      digits: '123',
    });

    const byKey = await gather(id, { maxDigits: 10, terminatingDigits: '#' });
    const running = await call(sim, 'GET', `/calls/${id}/gather/${byKey}`);
    expect(running.body).toMatchObject({ state: 'started', digits: null, reason: null });
    sim.scenario.pressDigits(id, '42#');
    expect((await call(sim, 'GET', `/calls/${id}/gather/${byKey}`)).body).toMatchObject({ reason: 'terminating-digit', digits: '42' });

    const byTime = await gather(id, { maxDigits: 10, interDigitTimeout: 3 });
    sim.scenario.pressDigits(id, '7');
    clock.advance(2999);
    expect(((await call(sim, 'GET', `/calls/${id}/gather/${byTime}`)).body as { state: string }).state).toBe('started');
    clock.advance(1);
    expect((await call(sim, 'GET', `/calls/${id}/gather/${byTime}`)).body).toMatchObject({ reason: 'inter-digit-timeout', digits: '7' });
  });

  it('a gather ends hung-up when the call ends', async () => {
    await start();
    const id = await activeCall();
    const g = await gather(id, { maxDigits: 5 });
    sim.scenario.pressDigits(id, '9');
    sim.scenario.farEndHangsUp(id);
    expect((await call(sim, 'GET', `/calls/${id}/gather/${g}`)).body).toMatchObject({ state: 'completed', reason: 'hung-up', digits: '9' });
  });

  it('refuses a second running gather (409) and completes one on request', async () => {
    await start();
    const id = await activeCall();
    const g = await gather(id, {});
    expect((await call(sim, 'POST', `/calls/${id}/gather`, {})).body).toMatchObject({ code: 'call-duplicate-gather-error' });
    await call(sim, 'POST', `/calls/${id}/gather/${g}`, { state: 'completed' });
    expect(((await call(sim, 'GET', `/calls/${id}/gather/${g}`)).body as { state: string }).state).toBe('completed');
  });

  it('records while recordingEnabled, completes the recording, and transcribes it after a delay', async () => {
    await start({ transcriptionMs: 4000 });
    const id = await activeCall();
    await call(sim, 'POST', `/calls/${id}`, { recordingEnabled: true });
    const recording = ((await call(sim, 'GET', `/calls/${id}/recordings`)).body as { id: string; state: string; media: null }[])[0];
    expect(recording).toMatchObject({ state: 'recording', media: null });
    await call(sim, 'POST', `/calls/${id}`, { recordingEnabled: false });
    clock.advance(500);
    const done = (await call(sim, 'GET', `/recordings/${recording?.id}`)).body as { state: string; media: string };
    expect(done.state).toBe('complete');
    const t = await call(sim, 'POST', `/recordings/${recording?.id}/transcriptions`, {});
    expect(t.status).toBe(201);
    const tid = lastSegment(t.headers.get('location'));
    expect((await call(sim, 'GET', `/recordings/${recording?.id}/transcriptions/${tid}`)).body).toMatchObject({
      state: 'transcribing',
      text: null,
    });
    clock.advance(4000);
    expect((await call(sim, 'GET', `/recordings/${recording?.id}/transcriptions/${tid}`)).body).toMatchObject({
      state: 'completed',
      text: expect.stringContaining('transcript'),
    });
  });
});

describe('Catapult simulator: conferences and bridges', () => {
  it('adds members created for the conference, mutes and removes them, and ends the conference', async () => {
    await start();
    const conf = lastSegment((await call(sim, 'POST', '/conferences', { from: sim.numbers[0] })).headers.get('location'));
    expect((await call(sim, 'GET', `/conferences/${conf}`)).body).toMatchObject({ state: 'created', activeMembers: 0 });
    const leg = lastSegment(
      (await call(sim, 'POST', '/calls', { from: sim.numbers[0], to: CALLER, conferenceId: conf })).headers.get('location'),
    );
    const stranger = lastSegment((await call(sim, 'POST', '/calls', { from: sim.numbers[0], to: CALLER })).headers.get('location'));
    expect((await call(sim, 'POST', `/conferences/${conf}/members`, { callId: stranger })).body).toMatchObject({
      code: 'conference-error',
    });
    const member = lastSegment(
      (await call(sim, 'POST', `/conferences/${conf}/members`, { callId: leg, joinTone: true })).headers.get('location'),
    );
    await call(sim, 'POST', `/conferences/${conf}/members/${member}`, { mute: true, hold: true });
    expect((await call(sim, 'GET', `/conferences/${conf}/members/${member}`)).body).toMatchObject({
      state: 'active',
      mute: true,
      hold: true,
      joinTone: true,
    });
    expect((await call(sim, 'POST', `/conferences/${conf}/audio`, { sentence: 'Welcome' })).status).toBe(200);
    expect((await call(sim, 'POST', `/conferences/${conf}/members/${member}/audio`, { fileUrl: 'https://example.com/a.mp3' })).status).toBe(
      200,
    );
    await call(sim, 'POST', `/conferences/${conf}/members/${member}`, { state: 'completed' });
    expect((await call(sim, 'GET', `/conferences/${conf}/members`)).body).toMatchObject([{ state: 'completed' }]);
    expect(await state(leg)).toBe('completed');
    await call(sim, 'POST', `/conferences/${conf}`, { state: 'completed' });
    expect((await call(sim, 'GET', `/conferences/${conf}`)).body).toMatchObject({ state: 'completed' });
  });

  it('bridges two active calls, holds them apart with bridgeAudio=false, and refuses a third call', async () => {
    await start({ farEndAnswerMs: 0 });
    const a = await place();
    const b = await place();
    clock.advance(0);
    const created = await call(sim, 'POST', '/bridges', { callIds: [a, b], bridgeAudio: true });
    const bridge = lastSegment(created.headers.get('location'));
    expect((await call(sim, 'GET', `/bridges/${bridge}`)).body).toMatchObject({ state: 'active', callIds: [a, b] });
    await call(sim, 'POST', `/bridges/${bridge}`, { bridgeAudio: false });
    expect(((await call(sim, 'GET', `/bridges/${bridge}`)).body as { state: string }).state).toBe('hold');
    const c = await place();
    clock.advance(0);
    expect((await call(sim, 'POST', `/bridges/${bridge}`, { callIds: [a, b, c] })).body).toMatchObject({ code: 'bridge-callIds-overflow' });
    expect((await call(sim, 'GET', `/calls?bridgeId=${bridge}`)).body).toHaveLength(2);
    await call(sim, 'POST', `/bridges/${bridge}`, { callIds: [] });
    expect((await call(sim, 'GET', `/bridges/${bridge}`)).body).toMatchObject({ state: 'created', callIds: [] });
  });
});

describe('Catapult simulator: limits and faults', () => {
  it('answers 429 rate-limit-reached with X-RateLimit-Reset in epoch ms beyond one request per second', async () => {
    await start({ rateLimit: { capacity: 1, intervalMs: 1000 } });
    expect((await call(sim, 'GET', '/calls')).status).toBe(200);
    const refused = await call(sim, 'GET', '/calls');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ category: 'limit', code: 'rate-limit-reached' });
    expect(Number(refused.headers.get('x-ratelimit-reset'))).toBe(clock.now() + 1000);
    clock.advance(1000);
    expect((await call(sim, 'GET', '/calls')).status).toBe(200);
  });

  it('answers 403 call-rate-limit to a burst of call creations', async () => {
    await start({ callRateLimit: { count: 2, windowMs: 10_000 } });
    await place();
    await place();
    const refused = await call(sim, 'POST', '/calls', { from: sim.numbers[0], to: CALLER });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ category: 'limit', code: 'call-rate-limit' });
    expect(sim.calls()).toHaveLength(2);
  });

  it('holds every answer for the injected latency, on the simulator clock', async () => {
    await start();
    sim.faults.latency(3000);
    let answered = false;
    const pending = call(sim, 'GET', '/calls').then((a) => {
      answered = true;
      return a;
    });
    for (let i = 0; i < 50 && sim.requests.length === 0; i++) await new Promise<void>((resolve) => setImmediate(resolve));
    clock.advance(2999);
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    clock.advance(1);
    expect((await pending).status).toBe(200);
  });

  it('injects a failure without applying the request, and resets a connection', async () => {
    await start();
    sim.faults.failNext({ status: 503, method: 'POST' });
    const failed = await call(sim, 'POST', '/calls', { from: sim.numbers[0], to: CALLER });
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ category: 'unavailable' });
    expect(sim.calls()).toHaveLength(0);
    sim.faults.dropNext();
    await expect(call(sim, 'GET', '/calls')).rejects.toThrow();
  });
});

describe('Catapult simulator: what it applied, for fault runs', () => {
  it('journals every applied update, also when the answer is lost, and never a refused one', async () => {
    await start();
    const id = sim.scenario.ringIn({ from: CALLER });
    const path = `/users/${sim.userId}/calls/${id}`;
    sim.faults.failNext({ method: 'POST', path, status: 500 });
    expect((await call(sim, 'POST', `/calls/${id}`, { state: 'active' })).status).toBe(500);
    expect(sim.journal).toEqual([]);
    sim.faults.dropNext({ method: 'POST', path, afterApplying: true });
    await expect(call(sim, 'POST', `/calls/${id}`, { state: 'active' })).rejects.toThrow();
    expect(sim.journal).toEqual([{ seq: 1, method: 'POST', path, body: { state: 'active' }, status: 200, at: clock.now() }]);
    await call(sim, 'GET', `/calls/${id}`);
    expect(sim.journal).toHaveLength(1);
  });

  it('hangs a request until close (after applying it when asked)', async () => {
    await start();
    const id = sim.scenario.ringIn({ from: CALLER });
    sim.faults.hangNext({ method: 'POST', afterApplying: true });
    let settled = false;
    const hung = call(sim, 'POST', `/calls/${id}`, { state: 'active' }).finally(() => (settled = true));
    await expect.poll(() => sim.journal.length).toBe(1);
    expect((await call(sim, 'GET', `/calls/${id}`)).body).toMatchObject({ state: 'active' });
    expect(settled).toBe(false);
    await sim.close();
    await expect(hung).rejects.toThrow();
  });

  it('can refuse with 429 and no X-RateLimit-Reset', async () => {
    await start();
    sim.faults.failNext({ status: 429, resetInMs: null });
    const refused = await call(sim, 'GET', '/calls');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-ratelimit-reset')).toBeNull();
  });
});

describe('Catapult simulator: a long-running demo', () => {
  it('keeps no requests and no journal with recordRequests false, so memory stays flat', async () => {
    await start({ recordRequests: false });
    const id = sim.scenario.ringIn({ from: CALLER });
    expect((await call(sim, 'POST', `/calls/${id}`, { state: 'active' })).status).toBe(200);
    expect((await call(sim, 'GET', '/calls')).status).toBe(200);
    expect(sim.requests).toEqual([]);
    expect(sim.journal).toEqual([]);
  });
});
