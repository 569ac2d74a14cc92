/** The fake Webex OAuth server: mountable handler, standalone server and the test controls. */
export {
  createWebexOAuthHandler,
  WEBEX_SIMULATOR_SCOPES,
  type Consent,
  type WebexOAuthControls,
  type WebexOAuthHandler,
  type WebexOAuthOptions,
} from './webex-oauth-handler';
export { startWebexOAuthServer, type WebexOAuthServer } from './webex-oauth-server';
export type { LedgerCounters } from './token-ledger';
