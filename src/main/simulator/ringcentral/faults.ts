/**
 * Planned HTTP faults: each is consumed by the first request it matches (method and a path substring).
 * Only bookkeeping; the server decides what a fault does to the answer.
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
  private planned: PlannedFault[] = [];

  add(fault: PlannedFault): void {
    this.planned.push(fault);
  }

  take(method: string, path: string): PlannedFault | undefined {
    const index = this.planned.findIndex((f) => matches(f.match, method, path));
    if (index < 0) return undefined;
    return this.planned.splice(index, 1)[0];
  }

  clear(): void {
    this.planned = [];
  }
}
