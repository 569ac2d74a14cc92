/**
 * Secondary lines in the simulator: my endpoints say which lines they carry, each line has its own
 * answer endpoints, a call on a line is listed and commanded only through its lineOwnerId, and
 * /people/me gives the extension only as calling data.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebexSimulator } from '../../../../src/main/simulator/webex';
import type { WireCall, WireCallEvent, WireMeEndpoint, WirePerson } from '../../../../src/main/simulator/webex/wire';
import { CALL_NOT_FOUND_CODE } from '../../../../src/main/simulator/webex/wire';
import { api, command, errorCodeOf, startSim } from './sim-test-kit';

const LINE = 'front-desk-line';
let sim: WebexSimulator;

beforeEach(async () => {
  sim = await startSim({ me: { extension: '4142' }, secondaryLines: [{ id: LINE }] });
});
afterEach(async () => {
  await sim.close();
});

async function endpoints(path: string): Promise<WireMeEndpoint[]> {
  const result = await api(sim, 'GET', path);
  expect(result.status).toBe(200);
  return (result.body as { endpoints: WireMeEndpoint[] }).endpoints;
}

async function callsOn(line?: string): Promise<WireCall[]> {
  const result = await api(sim, 'GET', line === undefined ? '/telephony/calls' : `/telephony/calls?lineOwnerId=${line}`);
  expect(result.status).toBe(200);
  return (result.body as { items: WireCall[] }).items;
}

describe('people/me', () => {
  it('gives the extension only with callingData=true', async () => {
    expect((await api(sim, 'GET', '/people/me')).body).not.toHaveProperty('extension');
    expect(((await api(sim, 'GET', '/people/me?callingData=true')).body as WirePerson).extension).toBe('4142');
  });
});

describe('which lines and where they ring', () => {
  it('lists the secondary line on the desk phone among my endpoints', async () => {
    const mine = await endpoints('/telephony/config/people/me/endpoints');
    expect(mine.map((e) => [e.type, e.secondaryLines])).toEqual([
      ['CALLING_DEVICE', [{ id: LINE, memberType: 'VIRTUAL_LINE' }]],
      ['APPLICATION', undefined],
    ]);
  });

  it("answers a secondary line's own answer endpoints (only the desk phone), and 404 for a line that is not mine", async () => {
    const all = await endpoints('/telephony/config/people/me/settings/availablePreferredAnswerEndpoints');
    const onLine = await endpoints(`/telephony/config/people/me/settings/secondaryLines/${LINE}/availablePreferredAnswerEndpoints`);
    expect(all).toHaveLength(2);
    expect(onLine.map((e) => e.id)).toEqual([all[0]?.id]);
    expect(
      (await api(sim, 'GET', `/telephony/config/people/me/settings/secondaryLines/${LINE}/preferredAnswerEndpoint`)).body,
    ).toBeUndefined();
    expect(
      (await api(sim, 'GET', '/telephony/config/people/me/settings/secondaryLines/other/availablePreferredAnswerEndpoints')).status,
    ).toBe(404);
  });
});

describe('calls on a secondary line', () => {
  it('are listed only with their lineOwnerId, and events name the line as actor', async () => {
    const events: WireCallEvent[] = [];
    sim.onEvent((event) => events.push(event));
    const mine = sim.scenario.ringUser({ from: { number: '+15550100' } });
    const onLine = sim.scenario.ringUser({ from: { number: '+15550101' }, line: LINE });
    expect((await callsOn()).map((c) => c.id)).toEqual([mine]);
    expect((await callsOn(LINE)).map((c) => c.id)).toEqual([onLine]);
    expect(events.find((e) => e.data.callId === onLine)?.actorId).toBe(LINE);
    expect((await api(sim, 'GET', '/telephony/calls?lineOwnerId=not-mine')).status).toBe(400);
  });

  it('are found by a command only through their line', async () => {
    const onLine = sim.scenario.ringUser({ from: { number: '+15550101' }, line: LINE });
    const without = await command(sim, 'answer', { callId: onLine });
    expect(without.status).toBe(400);
    expect(errorCodeOf(without)).toBe(CALL_NOT_FOUND_CODE);
    expect((await command(sim, 'answer', { callId: onLine, lineOwnerId: LINE })).status).toBe(204);
    expect((await command(sim, 'hold', { callId: onLine, lineOwnerId: LINE })).status).toBe(204);
    expect((await callsOn(LINE))[0]?.state).toBe('held');
  });

  it('refuses to answer on an endpoint that does not carry the line', async () => {
    const [, app] = await endpoints('/telephony/config/people/me/settings/availablePreferredAnswerEndpoints');
    const onLine = sim.scenario.ringUser({ from: { number: '+15550101' }, line: LINE });
    expect((await command(sim, 'answer', { callId: onLine, lineOwnerId: LINE, endpointId: app?.id })).status).toBe(400);
  });

  it('a dial on the line puts the call there', async () => {
    const dialled = await command(sim, 'dial', { destination: '2002', lineOwnerId: LINE });
    expect(dialled.status).toBe(201);
    const { callId } = dialled.body as { callId: string };
    expect((await callsOn(LINE)).map((c) => c.id)).toEqual([callId]);
    expect(await callsOn()).toEqual([]);
  });
});

describe('an administrator adds or removes a line (scenario, over /_sim)', () => {
  async function simPost(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(sim.baseUrl.replace(/\/v1$/, `/_sim${path}`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  }

  it('lists an added line on the desk phone from then on, and refuses a removed one by name', async () => {
    expect(await simPost('/add-line', { id: 'reception', memberType: 'PLACE' })).toEqual({
      status: 200,
      body: { lineOwnerId: 'reception' },
    });
    const [desk] = await endpoints('/telephony/config/people/me/endpoints');
    expect(desk?.secondaryLines).toEqual([
      { id: LINE, memberType: 'VIRTUAL_LINE' },
      { id: 'reception', memberType: 'PLACE' },
    ]);
    const onLine = sim.scenario.ringUser({ from: { number: '+15550101' }, line: LINE });
    expect((await simPost('/remove-line', { lineOwnerId: LINE })).status).toBe(204);
    expect((await endpoints('/telephony/config/people/me/endpoints'))[0]?.secondaryLines).toEqual([
      { id: 'reception', memberType: 'PLACE' },
    ]);
    // Its ringing call is no longer mine to see, and is not one I missed.
    expect(sim.listCalls().map((c) => c.id)).not.toContain(onLine);
    expect(sim.history()).toEqual([]);
    expect((await api(sim, 'GET', `/telephony/calls?lineOwnerId=${LINE}`)).status).toBe(400);
    expect((await simPost('/add-line', { id: 'reception' })).status).toBe(400);
  });
});
