/**
 * The demo's cast: who calls when the user picks "Simulate incoming call", and the colleagues that make
 * pick up and barge in work out of the box. Data for the simulator's scenario API only.
 */
import type { DemoCallKind } from '../../shared/demo-calls';
import type { RingUserInit, WebexSimulator } from '../simulator/webex/index';

const CALLERS: Record<DemoCallKind, RingUserInit> = {
  plain: { from: { name: 'Alice Smith', number: '+15550100101', callType: 'external' } },
  forwardedBusy: {
    from: { name: 'Carol White', number: '+15550100103', callType: 'external' },
    redirections: [{ reason: 'busy', by: { name: 'Bob Jones', number: '2002', callType: 'location' } }],
  },
  callQueue: {
    from: { name: 'Dan Brown', number: '+15550100104', callType: 'external' },
    redirections: [{ reason: 'callQueue', by: { name: 'Support', number: '5000', callType: 'location' } }],
  },
  parkRecall: {
    from: { name: 'Erin Green', number: '+15550100105', callType: 'external' },
    recall: { party: { name: 'Reception park', number: '5021', callType: 'location' } },
  },
};

export function demoCall(kind: DemoCallKind): RingUserInit {
  return structuredClone(CALLERS[kind]);
}

/** A colleague on a call, so Barge in has a target in the demo. */
export function seedDemo(simulator: WebexSimulator): void {
  simulator.scenario.colleagueInCall({
    colleague: { name: 'Frank Miller', number: '2005', callType: 'location' },
    remote: { name: 'Grace Hall', number: '+15550100107', callType: 'external' },
  });
}
