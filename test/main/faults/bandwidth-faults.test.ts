/**
 * Bandwidth under faults, end to end (test/support/bandwidth-fault-run.ts): a scripted user handles 60
 * calls through the real core, provider, client and rate gate against the Catapult simulator while
 * faults hit about 60 % of the commands. Nothing the user was told succeeded is lost, nothing is applied or
 * sent twice, and after every failure the call list and the bridge show what really happened. The long
 * run is in `npm run bench`.
 */
import { describe, it } from 'vitest';
import { runBandwidthFaults } from '../../support/bandwidth-fault-run';
import { expectCleanRun } from './clean-run';

describe('Bandwidth fault run', () => {
  it('loses no command, sends none twice and shows the truth after every failure', async () => {
    const report = await runBandwidthFaults({ calls: 60, seed: 11, commandTimeoutMs: 150 });
    expectCleanRun(report, 80);
  });
});
