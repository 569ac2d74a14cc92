/**
 * Planned HTTP faults: each is consumed by the request it matches (method and a path substring) — the
 * first, or the `nth` counted from when it was planned; the ones before it pass untouched. Only
 * bookkeeping; the server decides what a fault does to the answer.
 */
import type { FaultMatch } from './types';

export type PlannedFault =
  | { kind: 'rateLimit'; match: FaultMatch; retryAfterSec: number | null }
  | { kind: 'serverError'; match: FaultMatch; status: number }
  | { kind: 'slow'; match: FaultMatch; ms: number }
  | { kind: 'reset'; match: FaultMatch; afterApplying: boolean };

export function matches(match: FaultMatch, method: string, path: string): boolean {
  return (match.method === undefined || match.method.toUpperCase() === method) && (match.path === undefined || path.includes(match.path));
}

export class FaultPlan {
  /** Each planned fault with how many matching requests it has let through so far. */
  private planned: { fault: PlannedFault; passed: number }[] = [];

  add(fault: PlannedFault): void {
    this.planned.push({ fault, passed: 0 });
  }

  take(method: string, path: string): PlannedFault | undefined {
    for (const [index, entry] of this.planned.entries()) {
      if (!matches(entry.fault.match, method, path)) continue;
      if (entry.passed + 1 < (entry.fault.match.nth ?? 1)) {
        entry.passed += 1;
        continue;
      }
      this.planned.splice(index, 1);
      return entry.fault;
    }
    return undefined;
  }

  clear(): void {
    this.planned = [];
  }
}
