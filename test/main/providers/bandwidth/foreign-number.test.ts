/**
 * Catapult answers 401 `number-access-denied` when a call is placed from a number that is not the
 * account's. The API credentials are fine, so this must not read as "signed out": the user is told the
 * number is wrong, the command is not sent again, and the next request works as before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../../src/main/provider-api/provider-error';
import { BandwidthClient } from '../../../../src/main/providers/bandwidth/client';
import { type Rig, startRig } from './client-kit';

let rig: Rig;

afterEach(async () => {
  await rig?.sim.close();
});

describe('a call placed from a number that is not the account’s', () => {
  it('is refused as a wrong number, sent once, and the credentials keep working', async () => {
    rig = await startRig();
    const refused = await rig.client.createCall({ from: '+19995550000', to: '+14045550123' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ProviderError);
    expect(refused).toMatchObject({ code: 'BAD_INPUT' });
    expect((refused as ProviderError).message).toContain('Check your Bandwidth number in Settings');
    expect(rig.sim.requests.filter((r) => r.method === 'POST')).toHaveLength(1);

    await expect(rig.client.createCall({ from: rig.sim.numbers[0] ?? '', to: '+14045550123' })).resolves.toMatch(/^c-/);
  });

  it('wrong credentials are still refused as such', async () => {
    rig = await startRig();
    const bad = new BandwidthClient({
      baseUrl: rig.sim.baseUrl,
      credentials: { userId: rig.sim.userId, apiToken: rig.sim.apiToken, apiSecret: 'not-the-secret' },
      gate: rig.gate,
      timers: rig.clock,
    });
    await expect(bad.listCalls()).rejects.toMatchObject({ code: 'AUTH' });
  });
});
