/**
 * Webex under faults, end to end (test/support/webex-fault-run.ts): a scripted user handles 60 calls
 * through the real core and provider against the simulator while faults hit about 60 % of the commands.
 * Nothing the user was told succeeded is lost, nothing is applied twice, and after every failure the
 * call list shows what really happened. The long run is in `npm run bench`.
 */
import { describe, expect, it } from 'vitest';
import { describeReport } from '../../support/fault-ledger';
import { runWebexFaults } from '../../support/webex-fault-run';

describe('Webex fault run', () => {
  it('loses no command, sends none twice and shows the truth after every failure', async () => {
    const report = await runWebexFaults({ calls: 60, seed: 11, commandTimeoutMs: 150 });
    const summary = describeReport(report);
    console.log(summary);

    expect(report.lost, summary).toEqual([]);
    expect(report.duplicated, summary).toEqual([]);
    expect(report.refusedButApplied, summary).toEqual([]);
    expect(report.wrongState, summary).toEqual([]);
    // The run really exercised both sides of an unknown outcome and the refresh.
    expect(report.commands).toBeGreaterThan(100);
    expect(report.unknown.applied).toBeGreaterThan(0);
    expect(report.unknown.total - report.unknown.applied).toBeGreaterThan(0);
    expect(report.faults['token refreshes']).toBeGreaterThan(0);
  });
});
