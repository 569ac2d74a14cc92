/**
 * A RingCentral command refused with 429 and no Retry-After waits at least 30 s (hand-driven clock)
 * before its one resend, and meanwhile the user is told nothing false: no "not confirmed" notice while
 * the command is still on its way, only its own Result, and then the call as it really is. Real core,
 * provider and simulator over loopback.
 */
import { expect, test } from 'vitest';
import { realTimers } from '../../../../src/main/foundation/timers';
import { createSwitchboardCore, type CommandFailedNotice } from '../../../../src/main/core/switchboard-core';
import { staticTokenSource } from '../../../../src/main/provider-api/token-source';
import { createRingCentralProvider } from '../../../../src/main/providers/ringcentral/index';
import { startRingCentralSimulator } from '../../../../src/main/simulator/ringcentral';
import { closeAfterEach } from '../../../support/close-after-each';
import { eventually } from '../../../support/eventually';
import { HandTimers } from '../../../support/hand-timers';
import { RC_TOKEN } from './rc-fixture';

const started = closeAfterEach();

test('a hold refused with 429 without Retry-After is sent once more after 30 s, with no "not confirmed" notice meanwhile', async () => {
  const timers = new HandTimers();
  const sim = started(await startRingCentralSimulator({ timers }));
  // The clock moves by whole seconds whether or not the 429 has reached the client yet: the request's
  // timeout stays on real time, so a slow loopback answer is never taken for a hang.
  const { provider } = createRingCentralProvider({
    server: sim.baseUrl,
    tokens: staticTokenSource(RC_TOKEN, 'RingCentral'),
    timers,
    timeoutTimers: realTimers,
  });
  const core = started(createSwitchboardCore({ provider, timers, providerName: 'RingCentral', pendingTimeoutMs: 8_000 }));
  const notices: CommandFailedNotice[] = [];
  core.on('commandFailed', (notice) => notices.push(notice));
  await core.start();
  await eventually(() => expect(core.status().health).toBe('live'));
  const sid = sim.scenario.ringUser({ from: { phoneNumber: '+15550100', name: 'Ada Lovelace' } });
  sim.scenario.answerOnDevice(sid);
  await eventually(() => expect(core.calls().find((c) => c.id === sid)?.state).toBe('connected'));

  sim.faults.rateLimit({ path: '/hold' }, null);
  const holds = () => sim.journal.filter((e) => e.operation === 'hold');
  const result = core.command({ type: 'hold', callId: sid });
  await eventually(() => expect(holds()).toHaveLength(1));
  // Well past the 8 s a sent command may wait for its effect, but still inside RingCentral's 30 s penalty.
  for (let s = 0; s < 29; s++) timers.advance(1_000);
  expect(notices).toEqual([]);
  expect(core.calls().find((c) => c.id === sid)).toMatchObject({ state: 'connected', pending: 'hold' });
  await eventually(() => {
    timers.advance(1_000);
    expect(holds()).toHaveLength(2);
  });

  expect(await result).toMatchObject({ ok: true });
  expect(holds().map((e) => [e.status, e.applied])).toEqual([
    [429, false],
    [200, true],
  ]);
  expect((holds()[1]?.at ?? 0) - (holds()[0]?.at ?? 0)).toBeGreaterThanOrEqual(30_000);
  await eventually(() => expect(core.calls().find((c) => c.id === sid)?.state).toBe('held'));
  timers.advance(60_000);
  expect(notices).toEqual([]);
});
