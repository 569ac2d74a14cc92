/**
 * Each provider's own settings section (`settings.providers.<id>`): its schema and defaults. One entry
 * per provider with settings; the provider's descriptor (src/main/providers/<id>/descriptor.ts) points
 * at its entry here, so main and the renderer read the same shape. Pure zod: no Node, no DOM, no electron.
 *
 * No section holds a free address: any window may write settings, so an API or sign-in host here would
 * let a window send the user's tokens elsewhere. Webex's and Bandwidth's APIs are fixed; RingCentral
 * offers a choice between its two servers. Other hosts (simulators, proxies) come only from the
 * environment (SWITCHBOARD_*_BASE_URL, SWITCHBOARD_RINGCENTRAL_SERVER), read by each descriptor.
 */
import { z } from 'zod';

/** Says why an address key is refused, rather than zod's bare "unrecognized key". */
function noAddressKeys(envName: string) {
  return {
    error: (issue: { code?: string; keys?: readonly string[] }) =>
      issue.code === 'unrecognized_keys' && issue.keys?.some((key) => key === 'baseUrl' || key === 'server')
        ? `the API address is fixed and cannot be changed from a window (a development server is named by ${envName})`
        : undefined,
  };
}

export const webexSettingsSchema = z.strictObject(
  {
    clientId: z.string().max(256),
    /** Answer and dial on this device (an endpoint id), or '' for the user's primary device. */
    answerEndpointId: z.string().max(512),
  },
  noAddressKeys('SWITCHBOARD_WEBEX_BASE_URL'),
);
export type WebexSettings = z.infer<typeof webexSettingsSchema>;

export const DEFAULT_WEBEX_SETTINGS: WebexSettings = { clientId: '', answerEndpointId: '' };

/** A Bandwidth number: E.164, or '' until the user names it. */
const e164OrEmpty = z.string().regex(/^(\+[1-9]\d{6,14})?$/, 'a number in international form, such as +19195551212');
/** Where the person actually talks: a phone number (E.164) or a SIP URI, or '' for none. */
const phoneOrSip = z
  .string()
  .max(256)
  .regex(/^((\+[1-9]\d{6,14})|(sips?:[^\s@]+@[^\s@]+))?$/i, 'a number in international form (+19195551212) or a sip: address');

export const bandwidthSettingsSchema = z.strictObject(
  {
    /** The Bandwidth number Switchboard watches and dials from (E.164). */
    number: e164OrEmpty,
    /** Optional: my phone (E.164 or SIP URI). Answered calls are transferred there; dialling rings it first. */
    myPhone: phoneOrSip,
  },
  noAddressKeys('SWITCHBOARD_BANDWIDTH_BASE_URL'),
);
export type BandwidthSettings = z.infer<typeof bandwidthSettingsSchema>;

export const DEFAULT_BANDWIDTH_SETTINGS: BandwidthSettings = { number: '', myPhone: '' };

/** RingCentral's production server; brand accounts use https://platform.ringcentral.biz (docs/wire/ringcentral-and-bandwidth.md §A1). */
const RINGCENTRAL_PRODUCTION_SERVER = 'https://platform.ringcentral.com';
const RINGCENTRAL_BIZ_SERVER = 'https://platform.ringcentral.biz';

/** The servers a user may choose between, by the name the setting stores. */
export const RINGCENTRAL_SERVERS = { production: RINGCENTRAL_PRODUCTION_SERVER, biz: RINGCENTRAL_BIZ_SERVER } as const;
export const RINGCENTRAL_SERVER_CHOICES = ['production', 'biz'] as const;
export type RingCentralServerChoice = (typeof RINGCENTRAL_SERVER_CHOICES)[number];

/** How the account screen names each server choice (main's descriptor and the renderer's tests read these). */
export const RINGCENTRAL_SERVER_OPTIONS: readonly { value: RingCentralServerChoice; label: string }[] = [
  { value: 'production', label: 'RingCentral (platform.ringcentral.com)' },
  { value: 'biz', label: 'Brand partner account (platform.ringcentral.biz)' },
];

export const ringCentralSettingsSchema = z.strictObject({
  /** The RingCentral app's client id (a PKCE app: no secret). */
  clientId: z.string().max(256),
  /** The platform server: production (most accounts) or the .biz server of brand partners' accounts. */
  server: z.enum(RINGCENTRAL_SERVER_CHOICES, {
    error: () =>
      `choose ${RINGCENTRAL_SERVER_CHOICES.join(' or ')}: other servers cannot be set from a window (a development server is named by SWITCHBOARD_RINGCENTRAL_SERVER)`,
  }),
  /** Answer, dial and listen on this device (a device id), or '' for the first online desk phone or softphone. */
  deviceId: z.string().max(64),
});
export type RingCentralSettings = z.infer<typeof ringCentralSettingsSchema>;

export const DEFAULT_RINGCENTRAL_SETTINGS: RingCentralSettings = { clientId: '', server: 'production', deviceId: '' };

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
