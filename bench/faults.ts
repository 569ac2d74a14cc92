/**
 * The fault runs of test/main/faults at length: for Webex and Bandwidth, a scripted user handles 500
 * calls through the real core, provider and simulator while faults hit about 60 % of the commands. Prints
 * per provider the commands issued and their outcomes, the faults injected, and the totals that must
 * stay 0: commands lost, sent or applied twice, refused but applied, wrong state shown.
 */
import { runBandwidthFaults } from '../test/support/bandwidth-fault-run';
import { describeReport, type FaultRunReport } from '../test/support/fault-ledger';
import { runWebexFaults } from '../test/support/webex-fault-run';

export async function runFaultBenchmarks(calls = 500): Promise<FaultRunReport[]> {
  console.log('');
  console.log(`Fault runs (${calls} calls per provider, faults on about 60 % of the commands)`);
  const reports: FaultRunReport[] = [];
  for (const run of [runWebexFaults, runBandwidthFaults]) {
    const started = Date.now();
    const report = await run({ calls, seed: 2026 });
    reports.push(report);
    console.log(describeReport(report));
    console.log(`  took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return reports;
}
