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

/** The sections, by provider id: a provider without settings has no entry. */
export const providerSettingsSchema = z.strictObject({
  webex: webexSettingsSchema,
});
export type ProviderSettings = z.infer<typeof providerSettingsSchema>;

export const DEFAULT_PROVIDER_SETTINGS: ProviderSettings = {
  webex: DEFAULT_WEBEX_SETTINGS,
};

/** A partial update: each section in part. */
export const providerSettingsPatchSchema = z.strictObject({
  webex: webexSettingsSchema.partial().optional(),
});
