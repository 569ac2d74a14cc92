/**
 * The RingCentral demo's cast: who calls when the user picks "Simulate incoming call", a colleague on a
 * call so Listen has a target out of the box, and a few calls from earlier today so the History tab does
 * not start empty. Data for the RingCentral simulator's scenario API only.
 */
import type { DemoCallKind } from '../../shared/demo-calls';
import type { PastCallInit, RingCentralSimulator, RingUserInit, SimColleague } from '../simulator/ringcentral/index';

/** The token the demo's simulator accepts from the start. */
export const RINGCENTRAL_DEMO_TOKEN = 'rc-demo-access-token';

export const RINGCENTRAL_DEMO_COLLEAGUES: SimColleague[] = [
  { extensionId: '400201', extensionNumber: '102', name: 'Bob Jones' },
  { extensionId: '400205', extensionNumber: '105', name: 'Frank Miller' },
];

const CALLERS: Record<DemoCallKind, RingUserInit> = {
  plain: { from: { phoneNumber: '+15550100101', name: 'Alice Smith' } },
  forwardedBusy: {
    from: { phoneNumber: '+15550100103', name: 'Carol White' },
    forwardedBy: { name: 'Bob Jones', extensionId: '400201', extensionNumber: '102' },
  },
  callQueue: {
    from: { phoneNumber: '+15550100104', name: 'Dan Brown' },
    queue: { name: 'Support', phoneNumber: '+16505550150', extensionNumber: '5000' },
  },
  // RingCentral has no park recall the simulator plays: the caller rings as a plain call.
  parkRecall: { from: { phoneNumber: '+15550100105', name: 'Erin Green' } },
};

export function ringCentralDemoCall(kind: DemoCallKind): RingUserInit {
  return structuredClone(CALLERS[kind]);
}

const MINUTE = 60_000;

/**
 * Earlier calls for the History tab: one missed, one answered, one placed (to a colleague). Callers the
 * "Simulate incoming call" cast does not use, so a history entry is never taken for a ringing call.
 */
function ringCentralDemoHistory(now: number): PastCallInit[] {
  return [
    {
      direction: 'Inbound',
      answered: false,
      remote: { phoneNumber: '+15550100108', name: 'Henry Ford' },
      startedAt: now - 12 * MINUTE,
      durationSec: 20,
    },
    {
      direction: 'Inbound',
      answered: true,
      remote: { phoneNumber: '+15550100109', name: 'Ivy Chen' },
      startedAt: now - 55 * MINUTE,
      durationSec: 245,
    },
    {
      direction: 'Outbound',
      answered: true,
      remote: { extensionNumber: '102', name: 'Bob Jones' },
      startedAt: now - 130 * MINUTE,
      durationSec: 95,
    },
  ];
}

/** Frank Miller (105) on a call, so Listen has a target in the demo; and earlier calls in the call log. */
export function seedRingCentralDemo(simulator: RingCentralSimulator, now: number = Date.now()): void {
  simulator.scenario.colleagueInCall('105', { phoneNumber: '+15550100107', name: 'Grace Hall' });
  for (const call of ringCentralDemoHistory(now)) simulator.scenario.pastCall(call);
}
