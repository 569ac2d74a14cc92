/**
 * The in-process scenario driver: what the world outside the API does (someone rings the user's
 * number, the far end answers, hangs up or is busy, keys are pressed during a gather). Drives the
 * simulated user directly; no HTTP.
 */
import type { Catapult } from './catapult';
import type { BandwidthScenario } from './types';

export function createScenario(sim: Catapult): BandwidthScenario {
  return {
    ringIn: (init) => sim.calls.ringIn(init).id,
    farEndAnswers: (callId) => sim.calls.farEndAnswers(callId),
    farEndHangsUp: (callId) => sim.calls.farEndHangsUp(callId),
    farEndBusy: (callId) => sim.calls.farEndBusy(callId),
    setFarEnd: (number, behaviour) => sim.calls.setFarEnd(number, behaviour),
    pressDigits: (callId, keys) => sim.gathers.press(callId, keys),
    callEvents: (callId) => [...sim.calls.get(callId).events],
    audioOn: (target) => sim.audio.current(target),
  };
}
