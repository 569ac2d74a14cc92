/**
 * The Webex Calling simulator: a loopback HTTP server that plays the Webex Call Control API with a
 * state machine, a scenario driver, fault injection and telephony_calls events. It is the test double
 * for every Webex test and the in-process demo account. Public surface only.
 */
export { startWebexSimulator } from './server';
export { CALL_NOT_FOUND_CODE } from './wire';
export { STATE_FORBIDS_CODE, INVALID_REQUEST_CODE } from './errors';
export { HISTORY_LIMIT_PER_TYPE } from './call-history';
export type {
  AppliedCommand,
  DestinationBehaviour,
  FaultMatch,
  RecordedRequest,
  RecordingMode,
  RedirectReasonWire,
  RecordingStateWire,
  RejectActionWire,
  RingUserInit,
  SimCallType,
  SimLineInit,
  SimMe,
  SimMedia,
  SimParty,
  SimStateSnapshot,
  WebexFaults,
  WebexScenario,
  WebexSimulator,
  WebexSimulatorOptions,
} from './types';
