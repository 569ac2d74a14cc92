/**
 * The Bandwidth Catapult v1 Voice simulator: a loopback server playing the Catapult API (calls,
 * gathers, recordings, conferences, bridges, rate limits) with a scenario driver and fault injection.
 * The test double for every Bandwidth test. Public surface only.
 */
export { startBandwidthSimulator } from './server';
export { DTMF_PATTERN, MAX_DTMF } from './calls';
export type { FarEndBehaviour, DtmfLogEntry } from './calls';
export type { AudioLogEntry } from './audio';
export type {
  AppliedCommand,
  BandwidthFaults,
  BandwidthScenario,
  BandwidthSimulator,
  BandwidthSimulatorOptions,
  FaultMatch,
  RecordedRequest,
} from './types';
export type * from './wire-types';
