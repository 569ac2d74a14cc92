/**
 * What every provider's fault run must show (test/support/fault-ledger.ts): nothing the user was told
 * succeeded is lost, nothing applied or sent twice, nothing refused yet applied, no wrong state or
 * message after a failure — and the run really met both sides of an unknown outcome, with at least
 * `minCommands` commands. Not a test itself.
 */
import { expect } from 'vitest';
import { describeReport, type FaultRunReport } from '../../support/fault-ledger';

export function expectCleanRun(report: FaultRunReport, minCommands: number): void {
  const summary = describeReport(report);
  console.log(summary);

  expect(report.lost, summary).toEqual([]);
  expect(report.duplicated, summary).toEqual([]);
  expect(report.refusedButApplied, summary).toEqual([]);
  expect(report.wrongState, summary).toEqual([]);
  expect(report.commands).toBeGreaterThan(minCommands);
  expect(report.unknown.applied).toBeGreaterThan(0);
  expect(report.unknown.total - report.unknown.applied).toBeGreaterThan(0);
}
