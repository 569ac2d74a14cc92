/**
 * The scenario driver: what callers, the far end and the user's own phone do, for tests and a demo
 * account, and the calls that ended before it started (the call log's past). Throws SimRefusal when the state does not allow the step (e.g. remoteAnswers on a call that
 * is not ringing out). No HTTP here.
 */
import type { SimCallLog } from './call-log';
import type { CallSessions } from './call-sessions';
import { notFound } from './errors';
import type { RingCentralScenario, SimColleague, SimEndpoint, SimMe } from './types';

export function createScenario(
  calls: CallSessions,
  callLog: SimCallLog,
  me: SimMe,
  colleagues: readonly SimColleague[],
  reset: () => void,
): RingCentralScenario {
  return {
    ringUser(init) {
      const myself: SimEndpoint = { phoneNumber: me.phoneNumber, name: me.name, extensionId: me.extensionId };
      let to: SimEndpoint = myself;
      if (init.queue)
        to = {
          phoneNumber: init.queue.phoneNumber,
          name: init.queue.name,
          ...(init.queue.extensionNumber ? { extensionNumber: init.queue.extensionNumber } : {}),
        };
      if (init.forwardedBy)
        to = {
          name: init.forwardedBy.name,
          extensionId: init.forwardedBy.extensionId,
          ...(init.forwardedBy.phoneNumber ? { phoneNumber: init.forwardedBy.phoneNumber } : {}),
          ...(init.forwardedBy.extensionNumber ? { extensionNumber: init.forwardedBy.extensionNumber } : {}),
        };
      return calls.ringUser(init.from, to, { queueCall: init.queue !== undefined, setup: init.setup }).id;
    },
    remoteAnswers: (id) => calls.remoteAnswers(id),
    remoteHangsUp: (id) => calls.remoteHangsUp(id),
    answerOnDevice: (id) => calls.answerOnDevice(id),
    toVoicemail: (id) => calls.toVoicemail(id),
    remoteHolds: (id) => calls.remoteHold(id, true),
    remoteResumes: (id) => calls.remoteHold(id, false),
    proceeds: (id) => calls.proceed(id),
    colleagueInCall(extensionNumber, remote) {
      const colleague = colleagues.find((c) => c.extensionNumber === extensionNumber);
      if (!colleague) throw notFound(`Extension [${extensionNumber}]`);
      return calls.colleagueInCall({ ...colleague, accountId: me.accountId }, remote).id;
    },
    pastCall: (init) => callLog.logPast(init),
    reset,
  };
}
