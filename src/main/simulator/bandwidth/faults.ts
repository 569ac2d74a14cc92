/**
 * Fault injection for the Catapult API: failNext (a status and Catapult error without applying the
 * request), dropNext (a connection reset) and latency. The server asks take() once per request, at
 * arrival, so "next" follows arrival order. No HTTP I/O here.
 */
import type { BandwidthFaults, FaultMatch } from './types';

export type PlannedFault =
  { kind: 'fail'; status: number; code?: string; message?: string; resetInMs: number } | { kind: 'drop'; afterApplying: boolean };

interface Planned {
  fault: PlannedFault;
  match: FaultMatch;
  remaining: number;
}

export class FaultPlan implements BandwidthFaults {
  private planned: Planned[] = [];
  latencyMs = 0;

  failNext(init: FaultMatch & { status: number; code?: string; message?: string; count?: number; resetInMs?: number }): void {
    if (!Number.isInteger(init.status) || init.status < 400 || init.status > 599)
      throw new RangeError('failNext needs an error status 400-599');
    this.plan({ kind: 'fail', status: init.status, code: init.code, message: init.message, resetInMs: init.resetInMs ?? 1000 }, init);
  }

  dropNext(init: FaultMatch & { count?: number; afterApplying?: boolean } = {}): void {
    this.plan({ kind: 'drop', afterApplying: init.afterApplying ?? false }, init);
  }

  latency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('latency must be 0 or more milliseconds');
    this.latencyMs = ms;
  }

  clear(): void {
    this.planned = [];
    this.latencyMs = 0;
  }

  take(method: string, path: string): PlannedFault | undefined {
    const planned = this.planned.find((p) => p.remaining > 0 && matches(p.match, method, path));
    if (!planned) return undefined;
    planned.remaining -= 1;
    if (planned.remaining === 0) this.planned = this.planned.filter((p) => p !== planned);
    return planned.fault;
  }

  private plan(fault: PlannedFault, init: FaultMatch & { count?: number }): void {
    const count = init.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a whole number, 1 or more');
    this.planned.push({ fault, match: { method: init.method, path: init.path }, remaining: count });
  }
}

function matches(match: FaultMatch, method: string, path: string): boolean {
  if (match.method !== undefined && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path === undefined) return true;
  if (typeof match.path === 'string') return match.path === path;
  match.path.lastIndex = 0;
  return match.path.test(path);
}
