/**
 * An app that lacks a RingCentral permission (403 CMN-401, docs/wire/ringcentral-and-bandwidth.md §A5):
 * every refusal names the permission that operation needs and says to add it to the app, and when the
 * call feed is refused — the subscription, the WebSocket token or the read of the call list — the status
 * line says which permission is missing. Against the simulator with permissions taken away.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { SwitchboardCore } from '../../../../src/main/core/switchboard-core';
import { describeRingCentralError } from '../../../../src/main/providers/ringcentral/errors';
import type { RingCentralSimulator, SimPermission } from '../../../../src/main/simulator/ringcentral';
import { eventually } from '../../../support/eventually';
import { HandTimers } from '../../../support/hand-timers';
import { DESK_PHONE, type RcFixture, startRcCore, startRcFixture } from './rc-fixture';
import { refusal } from '../../../support/provider-refusal';

const advice = (permission: string) => [
  `your app lacks the ${permission} permission`,
  `Add the ${permission} permission to your RingCentral app`,
];

describe('a refusal names the permission the operation needs', () => {
  let f: RcFixture;
  beforeEach(async () => {
    f = await startRcFixture();
  });
  afterEach(async () => f.close());

  const operations: [SimPermission, string, (f: RcFixture) => Promise<unknown>][] = [
    [
      'CallControl',
      'answering a call',
      (x) => {
        const call = x.ringing();
        return x.client.answer(call.sid, call.pid, DESK_PHONE);
      },
    ],
    ['ReadCallLog', 'reading the call history', (x) => x.client.callLog({ dateFrom: '2026-01-01T00:00:00Z', perPage: 10 })],
    ['ReadAccounts', 'listing the phones', (x) => x.client.devices()],
    ['ReadPresence', 'reading the active calls', (x) => x.client.presence()],
  ];

  test.each(operations)('%s, for %s', async (permission, _what, run) => {
    f.sim.faults.revokePermission(permission);
    const error = await refusal(() => run(f));
    expect(error).toMatchObject({ code: 'PROVIDER', status: 403, missingPermission: permission });
    const shown = error.toAppError().message;
    for (const words of advice(permission)) expect(shown).toContain(words);
    expect(shown).toContain(error.trackingId);
  });

  test('in the legacy error body too, and no other permission is blamed', async () => {
    f.sim.setErrorShape('legacy');
    f.sim.faults.revokePermission('ReadCallLog');
    const error = await refusal(() => f.client.callLog({ dateFrom: '2026-01-01T00:00:00Z', perPage: 10 }));
    expect(error.message).toContain(advice('ReadCallLog')[1]);
    expect(error.message).not.toContain('CallControl');
  });
});

describe('describeRingCentralError without permissionName in the body', () => {
  const refused = { errors: [{ errorCode: 'CMN-401', message: 'In order to call this API endpoint, application needs permission' }] };

  test.each([
    ['GET', '/restapi/v1.0/account/~/extension/~/call-log', 'ReadCallLog'],
    ['POST', '/restapi/v1.0/account/~/telephony/sessions/s-1/parties/p-1/hold', 'CallControl'],
    ['GET', '/restapi/v1.0/account/~/extension/~/device', 'ReadAccounts'],
    ['POST', '/restapi/v1.0/subscription/', 'CallControl'],
    ['POST', '/restapi/oauth/wstoken', 'WebSocketsSubscriptions'],
  ])('%s %s names %s', (method, path, permission) => {
    const error = describeRingCentralError(403, refused, new Headers(), { method, path });
    expect(error.missingPermission).toBe(permission);
    expect(error.message).toBe(`RingCentral refused: ${advice(permission).join('. ')}.`);
  });

  test('a name in the body that is no permission name is not repeated; an unknown operation blames none', () => {
    const odd = { errors: [{ errorCode: 'CMN-401', permissionName: '<b>Everything</b>' }] };
    expect(
      describeRingCentralError(403, odd, new Headers(), { method: 'GET', path: '/restapi/v1.0/account/~/extension/~/presence' }),
    ).toMatchObject({ missingPermission: 'ReadPresence' });
    const unknown = describeRingCentralError(403, refused, new Headers(), { method: 'GET', path: '/restapi/v1.0/dictionary/country' });
    expect(unknown.missingPermission).toBeUndefined();
    expect(unknown.message).toContain('your RingCentral app lacks a permission this needs');
  });
});

describe('the status line says which permission the call feed lacks', () => {
  let sim: RingCentralSimulator;
  let core: SwitchboardCore;
  let timers: HandTimers;

  async function start(revoke: (sim: RingCentralSimulator) => void): Promise<void> {
    timers = new HandTimers();
    ({ sim, core } = await startRcCore(timers, { prepare: revoke }));
  }

  /** Moves the clock in small steps until `check` passes (network answers arrive between the steps). */
  async function until(check: () => void, stepMs = 200): Promise<void> {
    await eventually(() => {
      timers.advance(stepMs);
      check();
    });
  }

  afterEach(async () => {
    core.stop();
    await sim.close();
  });

  test('CallControl: the subscription is refused; the status says so, and still does after the next reads', async () => {
    await start((s) => s.faults.revokePermission('CallControl'));
    await eventually(() => expect(core.status().health).toBe('polling'));
    const detail = () => core.status().detail ?? '';
    await eventually(() => expect(detail()).toContain('RingCentral refused: your app lacks the CallControl permission'));
    expect(detail()).toContain('Add the CallControl permission to your RingCentral app');
    expect(detail()).toContain('Live updates from RingCentral are unavailable');
    const presenceReads = () => sim.requests.filter((r) => r.path.endsWith('/presence')).length;
    const reads = presenceReads();
    await until(() => expect(presenceReads()).toBeGreaterThan(reads + 1));
    expect(core.status()).toMatchObject({ health: 'polling', detail: expect.stringContaining('lacks the CallControl permission') });
  });

  test('WebSocketsSubscriptions: the WebSocket token is refused; the status names that permission', async () => {
    await start((s) => s.faults.denyWebSockets(true));
    await eventually(() =>
      expect(core.status()).toMatchObject({
        health: 'polling',
        detail: expect.stringContaining('your app lacks the WebSocketsSubscriptions permission'),
      }),
    );
  });

  test('ReadPresence: the read of the call list is refused; the status names that permission', async () => {
    await start((s) => s.faults.revokePermission('ReadPresence'));
    await eventually(() =>
      expect(core.status()).toMatchObject({
        health: 'degraded',
        detail: expect.stringContaining(
          'your app lacks the ReadPresence permission. Add the ReadPresence permission to your RingCentral app',
        ),
      }),
    );
  });
});
