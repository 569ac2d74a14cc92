/**
 * The Bandwidth demo's cast: who calls the demo number when the user picks "Simulate incoming call".
 * Catapult carries no names or redirections, so every kind is a caller's number. Data for the
 * Bandwidth simulator's scenario API only.
 */
import type { DemoCallKind } from '../../shared/demo-calls';

/** The number the demo's simulator owns (and the demo's credentials name). */
export const BANDWIDTH_DEMO_NUMBER = '+19195550100';

const CALLERS: Record<DemoCallKind, string> = {
  plain: '+15550100101',
  forwardedBusy: '+15550100103',
  callQueue: '+15550100104',
  parkRecall: '+15550100105',
};

export function bandwidthDemoCaller(kind: DemoCallKind): { from: string; to: string } {
  return { from: CALLERS[kind], to: BANDWIDTH_DEMO_NUMBER };
}
