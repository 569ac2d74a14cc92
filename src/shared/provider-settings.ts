/**
 * Each provider's own settings section (`settings.providers.<id>`): its schema and defaults. One entry
 * per provider with settings; the provider's descriptor (src/main/providers/<id>/descriptor.ts) points
 * at its entry here, so main and the renderer read the same shape. Pure zod: no Node, no DOM, no electron.
 */
import { z } from 'zod';

export const webexSettingsSchema = z.strictObject({
  clientId: z.string().max(256),
  /** The API base; only changed for testing against a simulator or proxy. */
  baseUrl: z.url({ protocol: /^https?$/ }),
  /** Answer and dial on this device (an endpoint id), or '' for the user's primary device. */
  answerEndpointId: z.string().max(512),
});
export type WebexSettings = z.infer<typeof webexSettingsSchema>;

export const DEFAULT_WEBEX_SETTINGS: WebexSettings = { clientId: '', baseUrl: 'https://webexapis.com/v1', answerEndpointId: '' };

/** A Bandwidth number: E.164, or '' until the user names it. */
const e164OrEmpty = z.string().regex(/^(\+[1-9]\d{6,14})?$/, 'a number in international form, such as +19195551212');
/** Where the person actually talks: a phone number (E.164) or a SIP URI, or '' for none. */
const phoneOrSip = z
  .string()
  .max(256)
  .regex(/^((\+[1-9]\d{6,14})|(sips?:[^\s@]+@[^\s@]+))?$/i, 'a number in international form (+19195551212) or a sip: address');

export const bandwidthSettingsSchema = z.strictObject({
  /** The Bandwidth number Switchboard watches and dials from (E.164). */
  number: e164OrEmpty,
  /** Optional: my phone (E.164 or SIP URI). Answered calls are transferred there; dialling rings it first. */
  myPhone: phoneOrSip,
  /** The API base; only changed for testing against a simulator or proxy. */
  baseUrl: z.url({ protocol: /^https?$/ }),
});
export type BandwidthSettings = z.infer<typeof bandwidthSettingsSchema>;

export const DEFAULT_BANDWIDTH_SETTINGS: BandwidthSettings = { number: '', myPhone: '', baseUrl: 'https://api.catapult.inetwork.com/v1' };

/** RingCentral's production server; brand accounts use https://platform.ringcentral.biz (docs/wire/ringcentral-and-bandwidth.md §A1). */
export const RINGCENTRAL_PRODUCTION_SERVER = 'https://platform.ringcentral.com';
export const RINGCENTRAL_BIZ_SERVER = 'https://platform.ringcentral.biz';

export const ringCentralSettingsSchema = z.strictObject({
  /** The RingCentral app's client id (a PKCE app: no secret). */
  clientId: z.string().max(256),
  /** The platform server: production, the .biz brand server, or a development server. */
  server: z.url({ protocol: /^https?$/ }),
  /** Answer, dial and listen on this device (a device id), or '' for the first online desk phone or softphone. */
  deviceId: z.string().max(64),
});
export type RingCentralSettings = z.infer<typeof ringCentralSettingsSchema>;

export const DEFAULT_RINGCENTRAL_SETTINGS: RingCentralSettings = { clientId: '', server: RINGCENTRAL_PRODUCTION_SERVER, deviceId: '' };

/** The sections, by provider id: a provider without settings has no entry. */
export const providerSettingsSchema = z.strictObject({
  webex: webexSettingsSchema,
  ringcentral: ringCentralSettingsSchema,
  bandwidth: bandwidthSettingsSchema,
});
export type ProviderSettings = z.infer<typeof providerSettingsSchema>;

export const DEFAULT_PROVIDER_SETTINGS: ProviderSettings = {
  webex: DEFAULT_WEBEX_SETTINGS,
  ringcentral: DEFAULT_RINGCENTRAL_SETTINGS,
  bandwidth: DEFAULT_BANDWIDTH_SETTINGS,
};

/** A partial update: each section in part. */
export const providerSettingsPatchSchema = z.strictObject({
  webex: webexSettingsSchema.partial().optional(),
  ringcentral: ringCentralSettingsSchema.partial().optional(),
  bandwidth: bandwidthSettingsSchema.partial().optional(),
});
