/**
 * RingCentral under faults, the long run (test/main/integration/ringcentral-fault-run.ts; npm test runs
 * a short one): a scripted user works 500 calls through the real core, provider and simulator while
 * every kind of fault hits the requests their commands make. Prints commands issued and how they ended,
 * faults injected by kind, requests the simulator received and applied, and what was lost, sent twice,
 * or shown untruthfully.
 */
import { runRingCentralFaultRun } from '../test/main/integration/ringcentral-fault-run';

export async function runRingCentralFaultBenchmark(calls = 500): Promise<void> {
  const started = performance.now();
  const report = await runRingCentralFaultRun({ calls, seed: 2026 });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const faults = Object.entries(report.faultsInjected);
  const failures = Object.entries(report.failures)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  console.log('');
  console.log(
    `RingCentral fault run (${report.calls} calls, ${(report.simulatedMs / 60_000).toFixed(0)} simulated minutes, ${seconds} s):`,
  );
  console.log(`  commands issued:                ${report.commandsIssued} (${report.commandsOk} ok; failed: ${failures || 'none'})`);
  console.log(
    `  faults injected:                ${faults.reduce((n, [, k]) => n + k, 0)} (${faults.map(([kind, n]) => `${kind} ${n}`).join(', ')})`,
  );
  console.log(`  calls rung while push was down: ${report.ringsDuringDrop}`);
  console.log(`  merges failed with only some calls joined: ${report.partialMerges}`);
  console.log(
    `  pressed:                        ${Object.entries(report.operations)
      .map(([op, n]) => `${op} ${n}`)
      .join(', ')}`,
  );
  console.log(
    `  sent again after a 429:         ${report.rateLimitResends} (shortest wait ${report.shortestRateLimitWaitMs / 1000} s); tokens refreshed after a 401: ${report.tokenRefreshes}`,
  );
  console.log(`  command requests received:      ${report.requestsReceived} (${report.requestsApplied} applied)`);
  console.log(`  lost: ${report.lost}, sent twice: ${report.duplicated}, other findings: ${report.findings.length}`);
  for (const finding of report.findings.slice(0, 10)) console.log(`    ${finding.kind}: ${finding.detail}`);
}
