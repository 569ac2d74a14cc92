/**
 * The Webex provider across my lines: it finds my secondary lines, shows the calls on every line with
 * `line` set, answers and dials on a line, reads each line's own answer endpoints, and still shows my
 * own calls when Webex will not list my lines.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staticTokenSource } from '../../../../src/main/provider-api/token-source';
import { ProviderError } from '../../../../src/main/provider-api/provider-error';
import { createWebexProvider } from '../../../../src/main/providers/webex';
import type { WebexClient } from '../../../../src/main/providers/webex/client';
import { WebexProvider } from '../../../../src/main/providers/webex/provider';
import { type SimFixture, SIM_TOKEN, sortedPaths, startSimFixture } from './sim-fixture';

const LINE = 'front-desk-line';
let f: SimFixture;

beforeEach(async () => {
  f = await startSimFixture({ me: { number: '+15550123', extension: '123' }, secondaryLines: [{ id: LINE }] });
});
afterEach(async () => {
  await f.close();
});

describe('lines', () => {
  it('lists my own line first, then the secondary line, on the account and from lines()', async () => {
    const expected = [
      { id: '', label: 'My line', number: '+15550123', extension: '123', primary: true },
      { id: LINE, label: 'Virtual line', primary: false },
    ];
    expect((await f.provider.account()).lines).toEqual(expected);
    expect(await f.provider.lines()).toEqual(expected);
  });

  it('gives no lines on an account with only its own line', async () => {
    const single = await startSimFixture();
    try {
      expect((await single.provider.account()).lines).toBeUndefined();
      expect(await single.provider.lines()).toEqual([expect.objectContaining({ id: '', primary: true })]);
    } finally {
      await single.close();
    }
  });
});

describe('calls on every line', () => {
  it('shows the calls of my line and of the secondary line, the latter with its line', async () => {
    const mine = f.connectedCall();
    const onLine = f.sim.scenario.ringUser({ from: { number: '+15550101' }, line: LINE });
    const { calls } = await f.provider.snapshot();
    expect(calls.map((c) => [c.id, c.line])).toEqual([
      [mine, undefined],
      [onLine, LINE],
    ]);
  });

  it('answers a call on the secondary line through that line', async () => {
    const onLine = f.sim.scenario.ringUser({ from: { number: '+15550101' }, line: LINE });
    const call = (await f.provider.snapshot()).calls.find((c) => c.id === onLine);
    await f.provider.execute({ type: 'answer', callId: onLine, ...(call?.line ? { line: call.line } : {}) });
    expect(f.sim.requests.at(-1)).toMatchObject({
      path: '/telephony/calls/answer',
      body: { callId: onLine, lineOwnerId: LINE },
      status: 204,
    });
    expect((await f.provider.snapshot()).calls.find((c) => c.id === onLine)?.state).toBe('connected');
  });

  it('dials on the line the command names', async () => {
    const { callId } = await f.provider.execute({ type: 'dial', destination: '2002', line: LINE });
    expect((await f.provider.snapshot()).calls).toEqual([expect.objectContaining({ id: callId, line: LINE })]);
  });

  it('picks up, barges in and retrieves on the line the command names: the new call is on that line', async () => {
    f.sim.scenario.ringColleague({ colleague: { name: 'Carol', number: '4004' }, from: { number: '+15550100' } });
    const picked = await f.provider.execute({ type: 'pickup', target: '4004', line: LINE });
    expect(f.sim.requests.at(-1)).toMatchObject({
      path: '/telephony/calls/pickup',
      body: { target: '4004', lineOwnerId: LINE },
      status: 201,
    });
    f.sim.scenario.colleagueInCall({ colleague: { name: 'Dan', number: '5005' }, remote: { number: '+15550101' } });
    const barged = await f.provider.execute({ type: 'bargeIn', target: '5005', line: LINE });
    const parkedCall = f.connectedCall();
    const { parkedAt } = await f.provider.execute({ type: 'park', callId: parkedCall, destination: '2002' });
    const retrieved = await f.provider.execute({ type: 'retrieve', destination: parkedAt?.number as string, line: LINE });
    const { calls } = await f.provider.snapshot();
    expect(calls.map((c) => [c.id, c.line])).toEqual([
      [picked.callId, LINE],
      [barged.callId, LINE],
      [retrieved.callId, LINE],
    ]);
    // Nothing on my own line: Webex lists the three only with the line's lineOwnerId.
    expect(await f.client.listCalls({})).toEqual([]);
  });

  it('refuses a pickup on a line that is not mine, as Webex does', async () => {
    f.sim.scenario.ringColleague({ colleague: { name: 'Carol', number: '4004' }, from: { number: '+15550100' } });
    await expect(f.provider.execute({ type: 'pickup', line: 'not-my-line' })).rejects.toBeInstanceOf(ProviderError);
    expect(f.sim.listCalls()).toEqual([]);
  });

  it("reads the secondary line's own answer endpoints when a line is given", async () => {
    expect(await f.provider.answerEndpoints()).toHaveLength(2);
    const log = f.mark();
    const onLine = await f.provider.answerEndpoints(LINE);
    expect(onLine.map((e) => e.type)).toEqual(['CALLING_DEVICE']);
    expect(sortedPaths(log.read())).toEqual([
      `/telephony/config/people/me/settings/secondaryLines/${LINE}/availablePreferredAnswerEndpoints`,
      `/telephony/config/people/me/settings/secondaryLines/${LINE}/preferredAnswerEndpoint`,
    ]);
    expect(await f.lineProvider(LINE).answerEndpoints()).toEqual(onLine);
  });
});

describe('when Webex will not list my lines', () => {
  it('shows my own calls, warns once and does not ask again on every read', async () => {
    const warnings: string[] = [];
    const provider = createWebexProvider({
      baseUrl: f.sim.baseUrl,
      tokens: staticTokenSource(SIM_TOKEN, 'Webex'),
      log: { warn: (m) => void warnings.push(m) },
    });
    f.sim.faults.failNext({ path: '/telephony/config/people/me/endpoints', status: 403 });
    const mine = f.connectedCall();
    f.sim.scenario.ringUser({ from: { number: '+15550101' }, line: LINE });
    expect((await provider.snapshot()).calls.map((c) => c.id)).toEqual([mine]);
    const log = f.mark();
    await provider.snapshot();
    expect(log.read().map((r) => r.path)).toEqual(['/telephony/calls']);
    expect(warnings).toEqual([expect.stringMatching(/secondary lines/)]);
  });
});

describe('the answer endpoint chosen in settings', () => {
  it('is used on my own line but left to Webex on a secondary line it may not ring', async () => {
    const [, app] = await f.provider.answerEndpoints();
    const provider = createWebexProvider({
      baseUrl: f.sim.baseUrl,
      tokens: staticTokenSource(SIM_TOKEN, 'Webex'),
      answerEndpointId: () => app?.id,
    });
    const onLine = f.sim.scenario.ringUser({ from: { number: '+15550101' }, line: LINE });
    await provider.execute({ type: 'answer', callId: onLine, line: LINE });
    expect(f.sim.requests.at(-1)).toMatchObject({ path: '/telephony/calls/answer', status: 204 });
    expect(f.sim.requests.at(-1)?.body).toEqual({ callId: onLine, lineOwnerId: LINE });
    const mine = f.sim.scenario.ringUser({ from: { number: '+15550102' } });
    await provider.execute({ type: 'answer', callId: mine });
    expect(f.sim.requests.at(-1)).toMatchObject({ body: { callId: mine, endpointId: app?.id }, status: 204 });
  });
});

describe('when reading my lines fails for a moment', () => {
  it('fails the read rather than drop the secondary line’s calls, and reads the lines again next time', async () => {
    const onLine = f.sim.scenario.ringUser({ from: { number: '+15550101' }, line: LINE });
    let outage = true;
    const client: WebexClient = Object.create(f.client) as WebexClient;
    client.secondaryLines = async (signal) => {
      if (outage) throw new ProviderError({ code: 'NETWORK', message: 'Cannot reach Webex.', retryable: true });
      return f.client.secondaryLines(signal);
    };
    const provider = new WebexProvider(client);
    await expect(provider.snapshot()).rejects.toMatchObject({ code: 'NETWORK' });
    outage = false;
    expect((await provider.snapshot()).calls.map((c) => [c.id, c.line])).toEqual([[onLine, LINE]]);
  });
});

describe('a line added or removed while Switchboard runs', () => {
  const SECOND = 'reception-line';
  const REFRESH_MS = 5 * 60_000;
  let clock: number;
  let provider: WebexProvider;

  beforeEach(() => {
    clock = 1_000_000;
    provider = new WebexProvider(f.client, { now: () => clock });
  });

  const paths = (log: { read(): { path: string }[] }) => log.read().map((r) => r.path);

  it('watches a line added later once the lines are due again, without asking on every poll', async () => {
    await provider.snapshot();
    f.sim.scenario.addLine({ id: SECOND });
    const onSecond = f.sim.scenario.ringUser({ from: { number: '+15550101' }, line: SECOND });
    const log = f.mark();
    clock += REFRESH_MS - 1;
    const early = await provider.snapshot();
    expect(early.calls).toEqual([]);
    expect(paths(log)).not.toContain('/telephony/config/people/me/endpoints');
    clock += 1;
    const due = await provider.snapshot();
    expect(due.calls.map((c) => [c.id, c.line])).toEqual([[onSecond, SECOND]]);
    // The account (the dialer's Line choice) was read before the line came: the core is told to read it again.
    expect(due.accountChanged).toBe(true);
    expect(paths(log).filter((p) => p === '/telephony/config/people/me/endpoints')).toHaveLength(1);
    expect((await provider.snapshot()).accountChanged).toBeUndefined();
    expect((await provider.account()).lines?.map((l) => l.id)).toEqual(['', LINE, SECOND]);
  });

  it('drops a line removed later at once: Webex refuses it by name, the lines are read again and the read succeeds', async () => {
    const mine = f.connectedCall();
    f.connectedCall({ number: '+15550102' }, LINE);
    expect((await provider.snapshot()).calls).toHaveLength(2);
    f.sim.scenario.removeLine(LINE);
    const after = await provider.snapshot();
    expect(after.calls.map((c) => [c.id, c.line])).toEqual([[mine, undefined]]);
    expect(after.accountChanged).toBe(true);
    expect((await provider.account()).lines).toBeUndefined();
  });

  it('keeps the lines it knows when reading them again fails for a moment, and tries again a minute later', async () => {
    let outage = false;
    const client: WebexClient = Object.create(f.client) as WebexClient;
    client.secondaryLines = async (signal) => {
      if (outage) throw new ProviderError({ code: 'NETWORK', message: 'Cannot reach Webex.', retryable: true });
      return f.client.secondaryLines(signal);
    };
    provider = new WebexProvider(client, { now: () => clock });
    const onLine = f.sim.scenario.ringUser({ from: { number: '+15550101' }, line: LINE });
    await provider.snapshot();
    clock += REFRESH_MS;
    outage = true;
    expect((await provider.snapshot()).calls.map((c) => c.id)).toEqual([onLine]);
    outage = false;
    f.sim.scenario.addLine({ id: SECOND });
    const log = f.mark();
    clock += 59_999;
    await provider.snapshot();
    expect(paths(log)).not.toContain('/telephony/config/people/me/endpoints');
    clock += 1;
    expect((await provider.snapshot()).accountChanged).toBe(true);
    expect(paths(log)).toContain('/telephony/config/people/me/endpoints');
  });
});

// A snapshot dropped while it reads my secondary lines (the core's restart after sleep aborts it) must
// not take the fresh snapshot down with it: the fresh one reads the lines itself.
describe('a snapshot dropped while it reads my lines', () => {
  it('leaves the next snapshot to read the lines itself, and that one shows the secondary line’s calls', async () => {
    const onLine = f.sim.scenario.ringUser({ from: { number: '+15550101' }, line: LINE });
    let hang = true;
    const client: WebexClient = Object.create(f.client) as WebexClient;
    // The first read of my lines hangs on a dead connection until its snapshot is aborted.
    client.secondaryLines = (signal) => {
      if (!hang) return f.client.secondaryLines(signal);
      hang = false;
      return new Promise((_resolve, reject) => {
        signal?.addEventListener('abort', () => reject(new ProviderError({ code: 'NETWORK', message: 'The request was cancelled.' })), {
          once: true,
        });
      });
    };
    const provider = new WebexProvider(client);

    const dropped = new AbortController();
    const first = provider.snapshot(dropped.signal);
    const firstFailed = expect(first).rejects.toMatchObject({ code: 'NETWORK' });
    dropped.abort();
    const fresh = await provider.snapshot(new AbortController().signal);

    expect(fresh.calls.map((c) => [c.id, c.line])).toEqual([[onLine, LINE]]);
    await firstFailed;
  });
});
