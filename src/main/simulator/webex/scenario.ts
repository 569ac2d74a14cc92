/**
 * The scenario driver: what the other side, colleagues and the user's own devices do, for tests and
 * the demo account. Throws SimRefusal (an Error) when asked for something the state does not allow,
 * e.g. remoteAnswers on a call that is not connecting. No HTTP here.
 */
import type { FaultPlan } from './faults';
import type { SimulatedWebex } from './simulated-webex';
import type { DestinationBehaviour, WebexScenario } from './types';

export function createScenario(sim: SimulatedWebex, faults: FaultPlan): WebexScenario {
  return {
    ringUser: (init) => sim.ringUser(init),
    remoteAnswers: (callId) => sim.remoteAnswers(callId),
    remoteHolds: (callId) => sim.machine.remoteHolds(callId),
    remoteResumes: (callId) => sim.machine.remoteResumes(callId),
    remoteHangsUp: (callId) => sim.remoteHangsUp(callId),
    answeredElsewhere: (callId) => sim.machine.answeredElsewhere(callId),
    answerOnDevice: (callId) => sim.answerOnDevice(callId),
    ringColleague: (init) => sim.colleagueFeatures.ringColleague(init.colleague, init.from),
    colleagueInCall: (init) => sim.colleagueFeatures.colleagueInCall(init.colleague, init.remote),
    setDestinationBehaviour: (number: string, behaviour: DestinationBehaviour) => sim.machine.setBehaviour(number, behaviour),
    setRecordingMode: (mode) => sim.setRecordingMode(mode),
    setMuteCapable: (callId, capable) => sim.machine.setMuteCapable(callId, capable),
    parked: () => sim.parking.list(),
    parkedCallersHangUp: () => sim.parking.reset(),
    addLine: (init) => sim.addLine(init),
    removeLine: (lineOwnerId) => sim.removeLine(lineOwnerId),
    mediaOf: (callId) => sim.conference.mediaOf(callId),
    hostMedia: () => sim.conference.hostMedia(),
    reset: () => {
      sim.reset();
      faults.clear();
    },
  };
}
