/**
 * The Bandwidth Catapult v1 Voice provider: public surface only. Wire shapes (wire.ts) stay inside
 * this folder; the rest of the app sees the Provider and domain types.
 */
export { CATAPULT_BASE_URL, createBandwidthBackend } from './assemble';
export type { BandwidthBackend, BandwidthBackendOptions } from './assemble';
export { BandwidthClient } from './client';
export type { BandwidthClientOptions, BandwidthCredentials, CallFilter, TransferOrder } from './client';
export { BandwidthProvider, toCatapultDestination } from './provider';
export type { BandwidthProviderOptions } from './provider';
export { RateGate, RateLimitRefusal } from './rate-gate';
export type { GateActivity, GateLane, RateGateOptions } from './rate-gate';
export { describeBandwidthError } from './errors';
export {
  MAX_DTMF,
  MAX_SENTENCE,
  MAX_GATHER_DIGITS,
  checkAudio,
  checkDestination,
  checkDtmf,
  checkGather,
  checkOwnNumber,
  checkSentence,
} from './input-rules';
export { actionsFor } from './actions';
export { toCall, toHistoryEntry } from './mapping';
export { bandwidthDescriptor, environmentCredentials } from './descriptor';
export { createBandwidthAccount } from './account';
export { encodeCredentials, decodeCredentials } from './credentials-token';
export type { CredentialsToken } from './credentials-token';
export { SignedInBandwidthProvider } from './signed-in-provider';
export { AUTO_ANSWER_NOTICE } from './provider';
export { ConferenceBook } from './conference-book';
