/**
 * The user's settings: one schema, parsed in main on every write (IPC and file) so a malformed value
 * never lands. The renderer imports the types only (`import type`). No Node, no DOM, no electron.
 */
import { z } from 'zod';
import { PROVIDER_IDS, REDIRECT_REASONS } from './domain';
import { DEFAULT_PROVIDER_SETTINGS, type ProviderSettings, providerSettingsPatchSchema, providerSettingsSchema } from './provider-settings';
import { LINK_DIAL_MODES } from './link-dial-policy';

/** What a global shortcut can do. */
export const SHORTCUT_ACTIONS = [
  'answer',
  'decline',
  'hangup',
  'toggleMute',
  'toggleHold',
  'dialSelection',
  'showPanel',
  'toggleConferenceMute',
] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];

export const DEFAULT_SHORTCUTS: Record<ShortcutAction, string> = {
  answer: 'CommandOrControl+Shift+A',
  decline: 'CommandOrControl+Shift+D',
  hangup: 'CommandOrControl+Shift+H',
  toggleMute: 'CommandOrControl+Shift+M',
  toggleHold: 'CommandOrControl+Shift+O',
  dialSelection: 'CommandOrControl+Shift+C',
  showPanel: 'CommandOrControl+Shift+S',
  toggleConferenceMute: 'CommandOrControl+Shift+K',
};

/** Why a call reaches me: a redirect reason, a park recall, or a plain direct call. */
export const POPUP_REASONS = ['direct', 'parkRecall', ...REDIRECT_REASONS] as const;
export type PopupReason = (typeof POPUP_REASONS)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM, 24-hour');
/** An Electron accelerator, or '' for "no shortcut". Kept loose here; the shell reports what fails to register. */
const accelerator = z
  .string()
  .max(64)
  .regex(/^$|^[A-Za-z0-9+\-=[\]\\;',./`]+$/, 'not a keyboard shortcut');

export const settingsSchema = z.strictObject({
  /** The provider to use (or, with `demo`, whose simulator to try). */
  provider: z.enum(PROVIDER_IDS, { error: () => `unknown provider: use one of ${PROVIDER_IDS.join(', ')}` }),
  /** Run the provider's built-in simulator instead of a real account (until the first sign-in). */
  demo: z.boolean(),
  /** One section per provider (provider-settings.ts). */
  providers: providerSettingsSchema,
  popup: z.strictObject({
    /** Per reason: show the popup or not. */
    reasons: z.record(z.enum(POPUP_REASONS), z.boolean()),
    quietHours: z.strictObject({ enabled: z.boolean(), start: hhmm, end: hhmm }),
    /** "My desk phone rings — never pop": show only the tray and notification hint. */
    neverPop: z.boolean(),
    /** Also show an OS notification as a hint. */
    notification: z.boolean(),
  }),
  doNotDisturb: z.boolean(),
  shortcuts: z.record(z.enum(SHORTCUT_ACTIONS), accelerator),
  startAtLogin: z.boolean(),
  theme: z.enum(['system', 'light', 'dark']),
  /** Numbers from links and the selection: always ask first, ask for feature codes and international numbers, or dial at once. */
  linkDial: z.enum(LINK_DIAL_MODES),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  provider: 'webex',
  demo: true,
  providers: DEFAULT_PROVIDER_SETTINGS,
  popup: {
    reasons: Object.fromEntries(POPUP_REASONS.map((r) => [r, true])) as Record<PopupReason, boolean>,
    quietHours: { enabled: false, start: '19:00', end: '08:00' },
    neverPop: false,
    notification: true,
  },
  doNotDisturb: false,
  shortcuts: { ...DEFAULT_SHORTCUTS },
  startAtLogin: false,
  theme: 'system',
  linkDial: 'askUnusual',
};

/** A partial update from the settings screen: each section may be given in part. */
export const settingsPatchSchema = z.strictObject({
  provider: settingsSchema.shape.provider.optional(),
  demo: z.boolean().optional(),
  providers: providerSettingsPatchSchema.optional(),
  popup: z
    .strictObject({
      reasons: z.partialRecord(z.enum(POPUP_REASONS), z.boolean()).optional(),
      quietHours: settingsSchema.shape.popup.shape.quietHours.partial().optional(),
      neverPop: z.boolean().optional(),
      notification: z.boolean().optional(),
    })
    .optional(),
  doNotDisturb: z.boolean().optional(),
  shortcuts: z.partialRecord(z.enum(SHORTCUT_ACTIONS), accelerator).optional(),
  startAtLogin: z.boolean().optional(),
  theme: settingsSchema.shape.theme.optional(),
  linkDial: settingsSchema.shape.linkDial.optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Applies a patch and re-validates the whole result. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): z.ZodSafeParseResult<Settings> {
  const merged = {
    ...current,
    ...stripUndefined(patch),
    providers: mergeProviderSections(current.providers, patch.providers ?? {}),
    popup: {
      ...current.popup,
      ...stripUndefined({ neverPop: patch.popup?.neverPop, notification: patch.popup?.notification }),
      reasons: { ...current.popup.reasons, ...stripUndefined(patch.popup?.reasons ?? {}) },
      quietHours: { ...current.popup.quietHours, ...stripUndefined(patch.popup?.quietHours ?? {}) },
    },
    shortcuts: { ...current.shortcuts, ...stripUndefined(patch.shortcuts ?? {}) },
  };
  return settingsSchema.safeParse(merged);
}

function mergeProviderSections(
  current: ProviderSettings,
  patch: Partial<Record<keyof ProviderSettings, object | undefined>>,
): ProviderSettings {
  const merged: Record<string, object> = { ...current };
  for (const [id, section] of Object.entries(patch)) {
    if (section) merged[id] = { ...(merged[id] ?? {}), ...stripUndefined(section) };
  }
  return merged as ProviderSettings;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
