/**
 * Catapult refusing the API credentials access to what was asked for (403 that is neither a state refusal
 * nor the call-creation rate limit, docs/wire/ringcentral-and-bandwidth.md §B6): the refusal says what
 * Bandwidth said, names the resource and says what to check; when the call list is refused the status
 * line says so. Against the simulator answering 403 in Catapult's error body.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSwitchboardCore } from '../../../../src/main/core/switchboard-core';
import { createBandwidthBackend } from '../../../../src/main/providers/bandwidth/assemble';
import type { BandwidthClient } from '../../../../src/main/providers/bandwidth/client';
import { startBandwidthSimulator } from '../../../../src/main/simulator/bandwidth/index';
import { closeAfterEach } from '../../../support/close-after-each';
import { HandTimers } from '../../../support/hand-timers';
import { type Rig, startRig } from './client-kit';
import { refusal } from '../../../support/provider-refusal';

const CALLER = '+14045550123';
const ADVICE = 'your API token and secret lack access to it. Check the user id, API token and secret in Settings';

describe('a 403 on Catapult names what the credentials cannot reach', () => {
  let rig: Rig;
  afterEach(async () => {
    await rig?.sim.close();
  });

  const operations: [string, string, RegExp, (client: BandwidthClient, rig: Rig) => Promise<unknown>][] = [
    ['calls', 'GET', /\/calls$/, (c) => c.listCalls()],
    ['calls', 'POST', /\/calls$/, (c, r) => c.createCall({ from: r.sim.numbers[0] ?? '', to: CALLER })],
    ['conferences', 'POST', /\/conferences$/, (c, r) => c.createConference({ from: r.sim.numbers[0] ?? '' })],
    ['recordings', 'GET', /\/recordings$/, (c) => c.recordings()],
  ];

  it.each(operations)('access to %s (%s)', async (resource, method, path, run) => {
    rig = await startRig();
    rig.sim.faults.failNext({ method, path, status: 403 });
    const error = await refusal(() => run(rig.client, rig));
    expect(error).toMatchObject({ code: 'PROVIDER', status: 403, missingPermission: `access to ${resource}` });
    const shown = error.toAppError().message;
    expect(shown).toContain(`Bandwidth refused access to ${resource}: ${ADVICE}`);
    // What Catapult itself said, with its code.
    expect(shown).toContain('Bandwidth said: The user does not have access to this resource [access-denied]');
    expect(rig.sim.journal).toEqual([]);
  });

  it('a body of its own words is kept; a state refusal or the call rate limit is no access problem', async () => {
    rig = await startRig();
    rig.sim.faults.failNext({
      method: 'GET',
      path: /\/calls$/,
      status: 403,
      code: 'forbidden',
      message: 'Voice API not enabled for this account',
    });
    expect((await refusal(() => rig.client.listCalls())).message).toContain(
      'Bandwidth said: Voice API not enabled for this account [forbidden]',
    );
    const id = rig.sim.scenario.ringIn({ from: CALLER });
    rig.sim.faults.failNext({ method: 'POST', status: 403, code: 'call-invalid-state', message: 'no' });
    const state = await refusal(() => rig.client.answer(id));
    expect(state).toMatchObject({ code: 'NOT_ALLOWED', missingPermission: undefined });
  });
});

describe('the status line', () => {
  const started = closeAfterEach();

  it('says the credentials cannot read the calls while Catapult refuses, and clears once it does not', async () => {
    const clock = new HandTimers();
    const sim = started(await startBandwidthSimulator({ timers: clock, rateLimit: null, callRateLimit: null }));
    const backend = createBandwidthBackend({
      credentials: { userId: sim.userId, apiToken: sim.apiToken, apiSecret: sim.apiSecret },
      number: sim.numbers[0] ?? '',
      baseUrl: sim.baseUrl,
      timers: clock,
      gate: { intervalMs: 0, callIntervalMs: 0 },
    });
    const core = started(createSwitchboardCore({ provider: backend.provider, timers: clock, providerName: 'Bandwidth' }));
    sim.faults.failNext({ method: 'GET', path: /\/calls$/, status: 403 });
    await core.start();
    expect(core.status()).toMatchObject({
      health: 'degraded',
      detail: expect.stringContaining(`Bandwidth refused access to calls: ${ADVICE}`),
    });
    await core.reconcile();
    expect(core.status().health).toBe('polling');
    expect(core.status().detail ?? '').not.toContain('refused access');
  });
});
