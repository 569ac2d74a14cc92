/**
 * Fault injection for the Catapult API: failNext (a status and Catapult error without applying the
 * request), dropNext (a connection reset), hangNext (no answer at all) and latency. The server asks take() once per request, at
 * arrival, so "next" follows arrival order. No HTTP I/O here.
 */
import { FaultQueue } from '../kit/fault-queue';
import type { BandwidthFaults, FaultMatch } from './types';

export type PlannedFault =
  | { kind: 'fail'; status: number; code?: string; message?: string; resetInMs: number | null }
  | { kind: 'drop'; afterApplying: boolean }
  | { kind: 'hang'; afterApplying: boolean };

export class FaultPlan implements BandwidthFaults {
  private readonly planned = new FaultQueue<PlannedFault>();
  latencyMs = 0;

  failNext(init: FaultMatch & { status: number; code?: string; message?: string; count?: number; resetInMs?: number | null }): void {
    if (!Number.isInteger(init.status) || init.status < 400 || init.status > 599)
      throw new RangeError('failNext needs an error status 400-599');
    this.planned.add(
      {
        kind: 'fail',
        status: init.status,
        code: init.code,
        message: init.message,
        resetInMs: init.resetInMs === undefined ? 1000 : init.resetInMs,
      },
      init,
    );
  }

  dropNext(init: FaultMatch & { count?: number; afterApplying?: boolean } = {}): void {
    this.planned.add({ kind: 'drop', afterApplying: init.afterApplying ?? false }, init);
  }

  hangNext(init: FaultMatch & { count?: number; afterApplying?: boolean } = {}): void {
    this.planned.add({ kind: 'hang', afterApplying: init.afterApplying ?? false }, init);
  }

  latency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('latency must be 0 or more milliseconds');
    this.latencyMs = ms;
  }

  clear(): void {
    this.planned.clear();
    this.latencyMs = 0;
  }

  take(method: string, path: string): PlannedFault | undefined {
    return this.planned.take(method, path);
  }
}
