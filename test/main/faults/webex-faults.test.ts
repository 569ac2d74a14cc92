/**
 * Webex under faults, end to end (test/support/webex-fault-run.ts): a scripted user handles 60 calls
 * through the real core and provider against the simulator while faults hit about 60 % of the commands.
 * Nothing the user was told succeeded is lost, nothing is applied twice, and after every failure the
 * call list shows what really happened. The long run is in `npm run bench`.
 */
import { describe, expect, it } from 'vitest';
import { runWebexFaults } from '../../support/webex-fault-run';
import { expectCleanRun } from './clean-run';

describe('Webex fault run', () => {
  it('loses no command, sends none twice and shows the truth after every failure', async () => {
    const report = await runWebexFaults({ calls: 60, seed: 11, commandTimeoutMs: 150 });
    expectCleanRun(report, 100);
    // … and the token refresh.
    expect(report.faults['token refreshes']).toBeGreaterThan(0);
  });
});
