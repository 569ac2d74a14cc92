/**
 * The Bandwidth Catapult v1 Voice provider's assembly entry: gate, client and provider for one account
 * and number. The runtime reaches this folder through descriptor.ts and credentials-token.ts; wire
 * shapes (wire.ts) stay inside this folder. Only what is used outside the folder is exported here.
 */
export { createBandwidthBackend } from './assemble';
