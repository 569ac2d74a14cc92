/**
 * A command Catapult never answers, on the hand clock: the client gives up at exactly its command
 * timeout (the HTTP client's timeout runs on the client's Timers), says TIMEOUT, and never sends it
 * again — the hold may have been applied, and it was. Against the simulator.
 */
import { afterEach, expect, it } from 'vitest';
import { ProviderError } from '../../../../src/main/provider-api/provider-error';
import { BandwidthClient } from '../../../../src/main/providers/bandwidth/client';
import { eventually } from '../../../support/eventually';
import { type Rig, startRig } from './client-kit';

let rig: Rig;

/** A few turns of the event loop: enough for a settled promise's callbacks, far less than any real timeout. */
async function turns(n = 20): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
afterEach(async () => {
  await rig?.sim.close();
});

it('a hung command times out at exactly its timeout on the clock, as TIMEOUT, and is never sent again', async () => {
  rig = await startRig();
  const { sim, clock, gate } = rig;
  const client = new BandwidthClient({
    baseUrl: sim.baseUrl,
    credentials: { userId: sim.userId, apiToken: sim.apiToken, apiSecret: sim.apiSecret },
    gate,
    timers: clock,
    commandTimeoutMs: 3_000,
  });
  const id = sim.scenario.ringIn({ from: '+14045550123' });
  const path = `/users/${sim.userId}/calls/${id}`;
  sim.faults.hangNext({ method: 'POST', path, afterApplying: true });
  const sent = () => sim.requests.filter((r) => r.method === 'POST' && r.path === path);

  let settled = false;
  const answer = client.answer(id).then(
    () => undefined,
    (error: unknown) => error,
  );
  void answer.finally(() => (settled = true));
  await eventually(() => expect(sent()).toHaveLength(1));
  clock.advance(2_999);
  await turns();
  expect(settled).toBe(false);
  clock.advance(1);
  // At once, on the clock: not after 3 s of real time.
  await turns();
  expect(settled).toBe(true);
  const error = await answer;
  expect(error).toBeInstanceOf(ProviderError);
  expect(error).toMatchObject({ code: 'TIMEOUT' });
  // Applied though never answered; and nothing went out again, however long we wait.
  expect(sim.journal.filter((e) => e.path === path)).toHaveLength(1);
  clock.advance(60_000);
  await turns();
  expect(sent()).toHaveLength(1);
});
