/**
 * A Webex sign-in without a scope an operation needs (403, docs/wire/webex-calling.md §1, §7): the refusal
 * names that scope and says how to add it, and when the call list is refused the status line says so.
 * Against the simulator answering 403 in Webex's error body.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSwitchboardCore } from '../../../../src/main/core/switchboard-core';
import { describeWebexError } from '../../../../src/main/providers/webex/errors';
import type { WebexClient } from '../../../../src/main/providers/webex/client';
import { closeAfterEach } from '../../../support/close-after-each';
import { eventually } from '../../../support/eventually';
import { HandTimers } from '../../../support/hand-timers';
import { type SimFixture, startSimFixture } from './sim-fixture';
import { refusal } from '../../../support/provider-refusal';

let f: SimFixture;

beforeEach(async () => {
  f = await startSimFixture();
});

afterEach(async () => {
  await f.close();
});

const advice = (scope: string) => [
  `your sign-in lacks the ${scope} scope`,
  `Add ${scope} to your Webex integration's scopes and sign in again`,
];

describe('a 403 names the scope the operation needs', () => {
  const operations: [string, string, string, (client: WebexClient, callId: string) => Promise<unknown>][] = [
    ['spark:calls_read', 'GET', '/telephony/calls', (c) => c.listCalls()],
    ['spark:calls_read', 'GET', '/telephony/calls/history', (c) => c.history()],
    ['spark:calls_read', 'GET', '/telephony/conference', (c) => c.conferenceDetails()],
    ['spark:calls_write', 'POST', '/telephony/calls/hold', (c, id) => c.hold(id)],
    ['spark:calls_write', 'POST', '/telephony/calls/dial', (c) => c.dial({ destination: '+15550199' })],
    ['spark:calls_write', 'DELETE', '/telephony/conference', (c) => c.releaseConference()],
    ['spark:telephony_config_read', 'GET', '/telephony/config/people/me/endpoints', (c) => c.secondaryLines()],
    ['spark:people_read', 'GET', '/people/me', (c) => c.me()],
  ];

  it.each(operations)('%s for %s %s', async (scope, method, path, run) => {
    const callId = f.connectedCall();
    f.sim.faults.failNext({ method, path, status: 403 });
    const error = await refusal(() => run(f.client, callId));
    expect(error).toMatchObject({ code: 'PROVIDER', status: 403, missingPermission: scope });
    const shown = error.toAppError().message;
    for (const words of advice(scope)) expect(shown).toContain(words);
    expect(shown).toContain('not a Webex Calling user');
    expect(shown).toMatch(/\(tracking ID ROUTER_[\w-]+\)$/);
    // Nothing was applied: the call is as it was.
    expect(f.sim.listCalls().find((c) => c.id === callId)?.state).toBe('connected');
  });

  it('an operation Switchboard does not know blames no scope', () => {
    const error = describeWebexError(403, { message: 'Forbidden' }, new Headers(), { method: 'GET', path: '/locations' });
    expect(error.missingPermission).toBeUndefined();
    expect(error.message).toMatch(/may lack the calling permissions/);
  });
});

describe('the status line', () => {
  const started = closeAfterEach();

  it('names the scope when the call list is refused, and clears once the read works', async () => {
    const clock = new HandTimers();
    const core = started(createSwitchboardCore({ provider: f.provider, timers: clock, providerName: 'Webex' }));
    f.sim.faults.failNext({ method: 'GET', path: '/telephony/calls', status: 403 });
    await core.start();
    expect(core.status()).toMatchObject({
      health: 'degraded',
      detail: expect.stringContaining(advice('spark:calls_read').join('. ')),
    });
    clock.advanceToNext();
    await eventually(() => expect(core.status().health).toBe('polling'));
    expect(core.status().detail ?? '').not.toContain('spark:calls_read');
  });
});
