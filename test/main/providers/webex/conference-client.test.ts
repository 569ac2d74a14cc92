// The Conference Controls client against the simulator over loopback: what each operation puts on the
// wire (method, path, query, body — lineOwnerId only where the API takes it) and what the simulator's
// conference looks like afterwards.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../../../src/main/simulator/webex';
import { type SimFixture, startSimFixture } from './sim-fixture';

let f: SimFixture;
beforeEach(async () => {
  f = await startSimFixture();
});
afterEach(async () => {
  await f.close();
});

function sent(requests: RecordedRequest[]) {
  return requests.map((r) => ({ method: r.method, path: r.path, query: r.query, body: r.body }));
}

async function merged(): Promise<[string, string]> {
  const a = f.connectedCall({ name: 'Ada Lovelace', number: '+15550101' });
  const b = f.connectedCall({ name: 'Bob Jones', number: '+15550102' });
  await f.client.startConference([a, b]);
  return [a, b];
}

describe('WebexClient conference controls', () => {
  it('reads the details, and Webex’s {} when there is no conference', async () => {
    const log = f.mark();
    expect(await f.client.conferenceDetails()).toEqual({});
    const [a, b] = await merged();
    expect(await f.client.conferenceDetails({ lineOwnerId: 'line-7' })).toEqual({
      state: 'connected',
      appearance: 1,
      created: expect.any(String),
      muted: false,
      participants: [
        { callId: a, muted: false, deafened: false },
        { callId: b, muted: false, deafened: false },
      ],
    });
    const reads = sent(log.read()).filter((r) => r.method === 'GET');
    expect(reads).toEqual([
      { method: 'GET', path: '/telephony/conference', query: {}, body: undefined },
      { method: 'GET', path: '/telephony/conference', query: { lineOwnerId: 'line-7' }, body: undefined },
    ]);
  });

  it('starts a conference with two or more calls, lineOwnerId in the body', async () => {
    const a = f.connectedCall();
    const b = f.connectedCall({ number: '+15550102' });
    const log = f.mark();
    await f.client.startConference([a, b], { lineOwnerId: 'line-7' });
    expect(sent(log.read())).toEqual([
      { method: 'POST', path: '/telephony/conference', query: {}, body: { callIds: [a, b], lineOwnerId: 'line-7' } },
    ]);
    expect(f.sim.conference().participants?.map((p) => p.callId)).toEqual([a, b]);
  });

  it('adds a participant, lineOwnerId in the body', async () => {
    await merged();
    const c = f.connectedCall({ number: '+15550103' });
    const log = f.mark();
    await f.client.addParticipant(c);
    await f.client.conferenceDetails();
    expect(sent(log.read())[0]).toEqual({ method: 'POST', path: '/telephony/conference/addParticipant', query: {}, body: { callId: c } });
    expect(f.sim.conference()).toMatchObject({ state: 'connected', participants: [{}, {}, { callId: c }] });
  });

  it('mutes and unmutes the host with no body at all', async () => {
    await merged();
    const log = f.mark();
    await f.client.muteConference(undefined);
    expect(f.sim.conference().muted).toBe(true);
    await f.client.unmuteConference(undefined);
    expect(f.sim.conference().muted).toBe(false);
    const requests = log.read();
    expect(sent(requests)).toEqual([
      { method: 'POST', path: '/telephony/conference/mute', query: {}, body: undefined },
      { method: 'POST', path: '/telephony/conference/unmute', query: {}, body: undefined },
    ]);
    expect(requests.every((r) => r.headers['content-length'] === undefined || r.headers['content-length'] === '0')).toBe(true);
  });

  it('mutes, unmutes, deafens and undeafens a participant by callId only', async () => {
    const [a, b] = await merged();
    const log = f.mark();
    await f.client.muteConference(a);
    await f.client.deafenParticipant(b);
    expect(f.sim.conference().participants).toEqual([
      { callId: a, muted: true, deafened: false },
      { callId: b, muted: false, deafened: true },
    ]);
    expect(f.sim.scenario.mediaOf(a)).toEqual({ sends: false, receives: true });
    expect(f.sim.scenario.mediaOf(b)).toEqual({ sends: true, receives: false });
    await f.client.unmuteConference(a);
    await f.client.undeafenParticipant(b);
    expect(f.sim.conference().participants).toEqual([
      { callId: a, muted: false, deafened: false },
      { callId: b, muted: false, deafened: false },
    ]);
    expect(sent(log.read())).toEqual([
      { method: 'POST', path: '/telephony/conference/mute', query: {}, body: { callId: a } },
      { method: 'POST', path: '/telephony/conference/deafen', query: {}, body: { callId: b } },
      { method: 'POST', path: '/telephony/conference/unmute', query: {}, body: { callId: a } },
      { method: 'POST', path: '/telephony/conference/undeafen', query: {}, body: { callId: b } },
    ]);
  });

  it('holds and resumes the host with no body, lineOwnerId in the query', async () => {
    await merged();
    const log = f.mark();
    await f.client.holdConference({ lineOwnerId: 'line-7' });
    expect(f.sim.conference().state).toBe('held');
    await f.client.resumeConference({ lineOwnerId: 'line-7' });
    expect(f.sim.conference().state).toBe('connected');
    expect(sent(log.read())).toEqual([
      { method: 'POST', path: '/telephony/conference/hold', query: { lineOwnerId: 'line-7' }, body: undefined },
      { method: 'POST', path: '/telephony/conference/resume', query: { lineOwnerId: 'line-7' }, body: undefined },
    ]);
  });

  it('releases with DELETE, lineOwnerId in the query: every call ends', async () => {
    await merged();
    const log = f.mark();
    await f.client.releaseConference({ lineOwnerId: 'line-7' });
    expect(sent(log.read())).toEqual([
      { method: 'DELETE', path: '/telephony/conference', query: { lineOwnerId: 'line-7' }, body: undefined },
    ]);
    expect(f.sim.conference()).toEqual({});
    expect(f.sim.listCalls()).toEqual([]);
  });

  it('turns Webex’s refusals into errors a person can read', async () => {
    const a = f.connectedCall();
    await expect(f.client.startConference([a])).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
      message: expect.stringMatching(/at least two calls/),
    });
    await expect(f.client.startConference([a, 'no-such-call'])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(f.client.holdConference()).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
      message: expect.stringMatching(/There is no conference/),
    });
    await expect(f.client.releaseConference()).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });
});
