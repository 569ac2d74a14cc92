/**
 * The IPC contract, defined once: command channels with their argument schemas and result types, push
 * events with their payloads, and the `Bridge` the preload implements and the renderer consumes.
 * Main parses every argument with these schemas; the renderer should import from here with
 * `import type` only, so zod stays out of its bundles.
 */
import { z } from 'zod';
import type {
  AnswerEndpoint,
  Call,
  Conference,
  HistoryEntry,
  Party,
  Status,
} from './domain';
import { HISTORY_TYPES, REJECT_REASONS } from './domain';
import type { AccountState } from './account';
import type { ProviderId } from './domain';
import type { ProviderInfo } from './providers';
import type { AppError, Result } from './result';
import { type Settings, type SettingsPatch, type ShortcutAction, settingsPatchSchema } from './settings';

const id = z.string().min(1, 'an id is required').max(512);
const destination = z.string().min(1, 'a destination is required').max(256);
const line = id.optional();
const callRef = { callId: id, line };

/** Every call-control command, one variant per action. `line` is the line owner (Webex lineOwnerId). */
export const callCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('dial'), destination, endpointId: id.optional(), line }),
  z.strictObject({ type: z.literal('answer'), ...callRef, endpointId: id.optional() }),
  z.strictObject({ type: z.literal('decline'), ...callRef, reason: z.enum(REJECT_REASONS).optional() }),
  z.strictObject({ type: z.literal('hangup'), ...callRef }),
  z.strictObject({ type: z.literal('hold'), ...callRef }),
  z.strictObject({ type: z.literal('resume'), ...callRef }),
  /** Redirect a ringing call elsewhere before answering it. */
  z.strictObject({ type: z.literal('divert'), ...callRef, destination }),
  /** Send to voicemail: mine when no destination, else that user's. */
  z.strictObject({ type: z.literal('toVoicemail'), ...callRef, destination: destination.optional() }),
  /** Blind transfer of an answered call to a number. */
  z.strictObject({ type: z.literal('transfer'), ...callRef, destination }),
  /** Attended transfer: connect two of my calls; without ids the provider picks my only two calls. */
  z.strictObject({ type: z.literal('attendedTransfer'), callId: id.optional(), otherCallId: id.optional(), line }),
  /** Mute transfer: transfer only once the destination answers. */
  z.strictObject({ type: z.literal('muteTransfer'), ...callRef, destination }),
  z.strictObject({ type: z.literal('park'), ...callRef, destination: destination.optional(), groupPark: z.boolean().optional() }),
  z.strictObject({ type: z.literal('retrieve'), destination: destination.optional(), endpointId: id.optional(), line }),
  z.strictObject({ type: z.literal('pickup'), target: destination.optional(), endpointId: id.optional(), line }),
  z.strictObject({ type: z.literal('bargeIn'), target: destination, endpointId: id.optional(), line }),
  z.strictObject({ type: z.literal('push'), ...callRef }),
  z.strictObject({ type: z.literal('dtmf'), ...callRef, digits: z.string().min(1).max(64) }),
  z.strictObject({ type: z.literal('mute'), ...callRef }),
  z.strictObject({ type: z.literal('unmute'), ...callRef }),
  z.strictObject({ type: z.literal('startRecording'), ...callRef }),
  z.strictObject({ type: z.literal('stopRecording'), ...callRef }),
  z.strictObject({ type: z.literal('pauseRecording'), ...callRef }),
  z.strictObject({ type: z.literal('resumeRecording'), ...callRef }),
]);
export type CallCommand = z.infer<typeof callCommandSchema>;
export type CallCommandType = CallCommand['type'];

/**
 * Every conference-control command. Merge creates a conference (`line` is the line owner, Webex
 * lineOwnerId, of the calls it joins); every other command names the conference it acts on by its
 * `conferenceId` (there may be several at once). Host commands act on me in that conference;
 * participant commands name my call with that participant.
 */
const conferenceRef = { conferenceId: id };
const participantRef = { conferenceId: id, callId: id };
export const conferenceCommandSchema = z.discriminatedUnion('type', [
  /** Join my calls into a new conference; without ids, all my answered calls that offer Merge. */
  z.strictObject({
    type: z.literal('merge'),
    callIds: z
      .array(id)
      .min(2, 'a conference needs at least two calls')
      .max(32)
      .refine((ids) => new Set(ids).size === ids.length, 'a call can join only once')
      .optional(),
    line,
  }),
  /** Add one of my calls to the named conference. */
  z.strictObject({ type: z.literal('addParticipant'), ...participantRef }),
  z.strictObject({ type: z.literal('muteHost'), ...conferenceRef }),
  z.strictObject({ type: z.literal('unmuteHost'), ...conferenceRef }),
  z.strictObject({ type: z.literal('muteParticipant'), ...participantRef }),
  z.strictObject({ type: z.literal('unmuteParticipant'), ...participantRef }),
  z.strictObject({ type: z.literal('deafen'), ...participantRef }),
  z.strictObject({ type: z.literal('undeafen'), ...participantRef }),
  z.strictObject({ type: z.literal('holdConference'), ...conferenceRef }),
  z.strictObject({ type: z.literal('resumeConference'), ...conferenceRef }),
  /** End the conference: me and every participant. */
  z.strictObject({ type: z.literal('release'), ...conferenceRef }),
  /** Leave a three-way call and keep the other two connected (an attended transfer of their calls). */
  z.strictObject({ type: z.literal('leave'), ...conferenceRef }),
]);
export type ConferenceCommand = z.infer<typeof conferenceCommandSchema>;
export type ConferenceCommandType = ConferenceCommand['type'];

/** What a command gives back: the new call it created (dial, retrieve, pickup, barge-in, mute transfer) or where a call was parked. */
export interface CommandOutcome {
  callId?: string;
  parkedAt?: Party;
}

export const historyQuerySchema = z.strictObject({ type: z.enum(HISTORY_TYPES).optional() });
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

const noArgs = z.undefined();

/** The demo's "Simulate incoming call" menu. */
export const DEMO_CALL_KINDS = ['plain', 'forwardedBusy', 'callQueue', 'parkRecall'] as const;
export type DemoCallKind = (typeof DEMO_CALL_KINDS)[number];
export const demoSimulateSchema = z.strictObject({ kind: z.enum(DEMO_CALL_KINDS) });

export const WINDOW_NAMES = ['panel', 'popup', 'conference'] as const;
export type WindowName = (typeof WINDOW_NAMES)[number];
export const windowRequestSchema = z.strictObject({ name: z.enum(WINDOW_NAMES) });

/** A personal access token pasted into settings (checked with the provider before use). */
export const pasteTokenSchema = z.strictObject({ token: z.string().min(1, 'paste a token').max(4096) });
/** The OAuth integration's client secret; null forgets it. */
export const clientSecretSchema = z.strictObject({ secret: z.string().max(512).nullable() });
/** A 'credentials' sign-in: the provider's form fields by key (ProviderInfo.credentialFields). */
export const credentialsSchema = z.strictObject({ values: z.record(z.string().max(64), z.string().max(4096)) });

/** What the shell knows that the renderer shows: shortcut failures, demo mode, version. */
export interface AppState {
  demo: boolean;
  /** The provider running now (in the demo: the one whose simulator runs). */
  provider: ProviderId;
  /** Every provider the app knows of, as plain data from its descriptor. */
  providers: ProviderInfo[];
  version: string;
  platform: string;
  /** Shortcuts the OS refused to register (taken by another app): shown in settings, never silently lost. */
  shortcutFailures: ShortcutAction[];
}

/** A number to dial that arrived from a link or the selection and waits for the user's confirmation. */
export interface DialRequest {
  destination: string;
  source: 'link' | 'selection';
}

/** The panel view main asks to bring forward (tray "Settings", "Sign in…"). */
export interface ViewRequest {
  view: 'calls' | 'history' | 'settings';
  /** Put the keyboard focus on the account section (signing in). */
  focusAccount?: boolean;
}

export interface Notice {
  kind: 'error' | 'info';
  message: string;
  callId?: string;
  error?: AppError;
}

/**
 * Invoke channels. `args` is the schema main parses the single argument with; `result` is a type
 * witness only (never read at run time).
 */
export const commands = {
  'calls:list': { args: noArgs, result: null as unknown as Call[] },
  'call:command': { args: callCommandSchema, result: null as unknown as Result<CommandOutcome> },
  // Conferences: every one in progress (there may be several), and the commands that name one.
  'conferences:list': { args: noArgs, result: null as unknown as Conference[] },
  'conference:command': { args: conferenceCommandSchema, result: null as unknown as Result<null> },
  'history:list': { args: historyQuerySchema, result: null as unknown as Result<HistoryEntry[]> },
  'status:get': { args: noArgs, result: null as unknown as Status },
  'endpoints:list': { args: noArgs, result: null as unknown as Result<AnswerEndpoint[]> },
  'status:reconcile': { args: noArgs, result: null as unknown as Result<null> },
  'settings:get': { args: noArgs, result: null as unknown as Settings },
  'settings:set': { args: settingsPatchSchema, result: null as unknown as Result<Settings> },
  'app:state': { args: noArgs, result: null as unknown as AppState },
  'demo:simulate': { args: demoSimulateSchema, result: null as unknown as Result<null> },
  'window:open': { args: windowRequestSchema, result: null as unknown as Result<null> },
  'window:hide': { args: windowRequestSchema, result: null as unknown as Result<null> },
  'account:get': { args: noArgs, result: null as unknown as AccountState },
  'account:signIn': { args: noArgs, result: null as unknown as Result<null> },
  'account:cancelSignIn': { args: noArgs, result: null as unknown as Result<null> },
  'account:pasteToken': { args: pasteTokenSchema, result: null as unknown as Result<null> },
  'account:setClientSecret': { args: clientSecretSchema, result: null as unknown as Result<null> },
  'account:signInWithCredentials': { args: credentialsSchema, result: null as unknown as Result<null> },
  'account:signOut': { args: noArgs, result: null as unknown as Result<null> },
} as const;
export type CommandChannel = keyof typeof commands;
export type CommandArgs<C extends CommandChannel> = z.infer<(typeof commands)[C]['args']>;
export type CommandResult<C extends CommandChannel> = (typeof commands)[C]['result'];

/** Push events from main to the windows that show them. */
export interface PushEvents {
  'calls:changed': Call[];
  'conferences:changed': Conference[];
  'history:changed': HistoryEntry[];
  'status:changed': Status;
  'settings:changed': Settings;
  'app:changed': AppState;
  'dial:requested': DialRequest;
  'notice': Notice;
  'account:changed': AccountState;
  'view:requested': ViewRequest;
}
export type PushChannel = keyof PushEvents;
export const PUSH_CHANNELS: readonly PushChannel[] = [
  'calls:changed',
  'conferences:changed',
  'history:changed',
  'status:changed',
  'settings:changed',
  'app:changed',
  'dial:requested',
  'notice',
  'account:changed',
  'view:requested',
];

export type Unsubscribe = () => void;

/** What the renderer sees as `window.switchboard`: one function per channel and nothing else. */
export interface Bridge {
  listCalls(): Promise<Call[]>;
  command(command: CallCommand): Promise<Result<CommandOutcome>>;
  conferences(): Promise<Conference[]>;
  conferenceCommand(command: ConferenceCommand): Promise<Result<null>>;
  history(query: HistoryQuery): Promise<Result<HistoryEntry[]>>;
  status(): Promise<Status>;
  answerEndpoints(): Promise<Result<AnswerEndpoint[]>>;
  reconcile(): Promise<Result<null>>;
  settings(): Promise<Settings>;
  updateSettings(patch: SettingsPatch): Promise<Result<Settings>>;
  appState(): Promise<AppState>;
  simulateIncomingCall(request: { kind: DemoCallKind }): Promise<Result<null>>;
  openWindow(request: { name: WindowName }): Promise<Result<null>>;
  hideWindow(request: { name: WindowName }): Promise<Result<null>>;
  onCallsChanged(listener: (calls: Call[]) => void): Unsubscribe;
  onConferencesChanged(listener: (conferences: Conference[]) => void): Unsubscribe;
  onHistoryChanged(listener: (history: HistoryEntry[]) => void): Unsubscribe;
  onStatusChanged(listener: (status: Status) => void): Unsubscribe;
  onSettingsChanged(listener: (settings: Settings) => void): Unsubscribe;
  onAppChanged(listener: (state: AppState) => void): Unsubscribe;
  onDialRequested(listener: (request: DialRequest) => void): Unsubscribe;
  onNotice(listener: (notice: Notice) => void): Unsubscribe;
  account(): Promise<AccountState>;
  signIn(): Promise<Result<null>>;
  cancelSignIn(): Promise<Result<null>>;
  pasteToken(request: { token: string }): Promise<Result<null>>;
  setClientSecret(request: { secret: string | null }): Promise<Result<null>>;
  signInWithCredentials(request: { values: Record<string, string> }): Promise<Result<null>>;
  signOut(): Promise<Result<null>>;
  onAccountChanged(listener: (account: AccountState) => void): Unsubscribe;
  onViewRequested(listener: (request: ViewRequest) => void): Unsubscribe;
}

/** Which channel each Bridge function uses: the preload and the type test both read this table. */
export const BRIDGE_CHANNELS = {
  listCalls: 'calls:list',
  command: 'call:command',
  conferences: 'conferences:list',
  conferenceCommand: 'conference:command',
  history: 'history:list',
  status: 'status:get',
  answerEndpoints: 'endpoints:list',
  reconcile: 'status:reconcile',
  settings: 'settings:get',
  updateSettings: 'settings:set',
  appState: 'app:state',
  simulateIncomingCall: 'demo:simulate',
  openWindow: 'window:open',
  hideWindow: 'window:hide',
  onCallsChanged: 'calls:changed',
  onConferencesChanged: 'conferences:changed',
  onHistoryChanged: 'history:changed',
  onStatusChanged: 'status:changed',
  onSettingsChanged: 'settings:changed',
  onAppChanged: 'app:changed',
  onDialRequested: 'dial:requested',
  onNotice: 'notice',
  account: 'account:get',
  signIn: 'account:signIn',
  cancelSignIn: 'account:cancelSignIn',
  pasteToken: 'account:pasteToken',
  setClientSecret: 'account:setClientSecret',
  signInWithCredentials: 'account:signInWithCredentials',
  signOut: 'account:signOut',
  onAccountChanged: 'account:changed',
  onViewRequested: 'view:requested',
} as const satisfies Record<keyof Bridge, CommandChannel | PushChannel>;
