/**
 * Bandwidth under faults, end to end (test/support/bandwidth-fault-run.ts): a scripted user handles 60
 * calls through the real core, provider, client and rate gate against the Catapult simulator while
 * faults hit about 60 % of the commands. Nothing the user was told succeeded is lost, nothing is applied or
 * sent twice, and after every failure the call list and the bridge show what really happened. The long
 * run is in `npm run bench`.
 */
import { describe, expect, it } from 'vitest';
import { runBandwidthFaults } from '../../support/bandwidth-fault-run';
import { describeReport } from '../../support/fault-ledger';

describe('Bandwidth fault run', () => {
  it('loses no command, sends none twice and shows the truth after every failure', async () => {
    const report = await runBandwidthFaults({ calls: 60, seed: 11, commandTimeoutMs: 150 });
    const summary = describeReport(report);
    console.log(summary);

    expect(report.lost, summary).toEqual([]);
    expect(report.duplicated, summary).toEqual([]);
    expect(report.refusedButApplied, summary).toEqual([]);
    expect(report.wrongState, summary).toEqual([]);
    // The run really exercised both sides of an unknown outcome.
    expect(report.commands).toBeGreaterThan(80);
    expect(report.unknown.applied).toBeGreaterThan(0);
    expect(report.unknown.total - report.unknown.applied).toBeGreaterThan(0);
  });
});
