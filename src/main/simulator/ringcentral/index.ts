/**
 * The RingCentral simulator: a loopback HTTP + WebSocket server that plays RingCentral OAuth, the
 * extension/device/presence reads, Call Control and the WebSocket notification gateway, with a scenario
 * driver and fault injection. The test double for every RingCentral test and a future demo account.
 * Public surface only.
 */
export { startRingCentralSimulator, DEFAULT_DEVICES } from './server';
export { EXPIRED_TOKEN_CODE, NOT_FOUND_CODE, WRONG_STATE_CODE } from './errors';
export type {
  ErrorShape,
  FaultMatch,
  JournalEntry,
  PastCallInit,
  RecordedRequest,
  RingCentralFaults,
  RingCentralScenario,
  RingCentralSimulator,
  RingCentralSimulatorOptions,
  RingUserInit,
  SimColleague,
  SimDevice,
  SimFrame,
  SimMe,
  SimParty,
  SimPermission,
  SimSession,
} from './types';
