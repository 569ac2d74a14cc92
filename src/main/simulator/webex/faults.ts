/**
 * Fault injection for the API surface (never /_sim): latency, failNext (an error status without
 * applying the command), dropNext and hangNext (no answer, optionally after applying), and token
 * expiry. The server asks take() once per request, at arrival, so "next" follows arrival order.
 */
import { FaultQueue } from '../kit/fault-queue';
import type { TokenRegistry } from './tokens';
import type { FaultMatch, WebexFaults } from './types';

export type PlannedFault =
  | { kind: 'fail'; status: number; retryAfterSeconds?: number }
  | { kind: 'drop'; afterApplying: boolean }
  | { kind: 'hang'; afterApplying: boolean };

export class FaultPlan implements WebexFaults {
  private readonly planned = new FaultQueue<PlannedFault>();
  private latencyMs = 0;

  constructor(private readonly tokens: TokenRegistry) {}

  get currentLatencyMs(): number {
    return this.latencyMs;
  }

  latency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('latency must be a number of milliseconds, 0 or more');
    this.latencyMs = ms;
  }

  failNext(init: FaultMatch & { count?: number; status: number; retryAfterSeconds?: number }): void {
    if (!Number.isInteger(init.status) || init.status < 400 || init.status > 599)
      throw new RangeError('failNext needs an error status 400-599');
    const fault: PlannedFault = { kind: 'fail', status: init.status };
    if (init.retryAfterSeconds !== undefined) fault.retryAfterSeconds = init.retryAfterSeconds;
    this.planned.add(fault, init);
  }

  dropNext(init: FaultMatch & { count?: number; afterApplying?: boolean } = {}): void {
    this.planned.add({ kind: 'drop', afterApplying: init.afterApplying ?? false }, init);
  }

  hangNext(init: FaultMatch & { count?: number; afterApplying?: boolean } = {}): void {
    this.planned.add({ kind: 'hang', afterApplying: init.afterApplying ?? false }, init);
  }

  expireToken(): void {
    this.tokens.expireAll();
  }

  clear(): void {
    this.planned.clear();
    this.latencyMs = 0;
    this.tokens.restoreExpired();
  }

  /** The fault planned for this request, consumed; undefined when none matches. */
  take(method: string, path: string): PlannedFault | undefined {
    return this.planned.take(method, path);
  }
}
