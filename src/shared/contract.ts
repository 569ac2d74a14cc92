/**
 * The IPC contract, defined once: one table (`CHANNELS`) names every Bridge function with its channel,
 * its kind (invoke or push), the argument schema of an invoke and the result or payload type; the
 * `Bridge` type, main's channel → schema lookup, the push channel list, the preload and the browser
 * preview's bridge are derived from it. Main parses every argument with these schemas at the boundary.
 * The preload bundles this module (zod included: see electron.vite.config.ts); the renderer imports
 * from here with `import type` only, so zod stays out of the windows' bundles.
 */
import { z } from 'zod';
import type { AnswerEndpoint, Call, CallTimelineEvent, Conference, HistoryEntry, Party, Recording, Status } from './domain';
import { HISTORY_TYPES, REJECT_REASONS } from './domain';
import { DEMO_CALL_KINDS } from './demo-calls';
import type { AccountState } from './account';
import type { ProviderId } from './domain';
import type { ProviderInfo } from './providers';
import { normalizeDestination, normalizeDtmf } from './dial-string';
import type { AppError, Result } from './result';
import { type Settings, type ShortcutAction, settingsPatchSchema } from './settings';
import { REPLY_MAX_LENGTH, SENTENCE_MAX_LENGTH } from './command-limits';
import { audioAddressFault } from './audio-address';

const id = z.string().min(1, 'an id is required').max(512);

/**
 * Marks a zod issue raised by a normaliser of src/shared/dial-string.ts: its message is already the
 * user's sentence ("\"call mom\" is not a number: …"), so the boundary says it as it is.
 */
export const USER_WORDED = 'userWorded';

/** Runs a shared normaliser as part of the parse: the command main receives carries its normal form. */
function normalisedBy(normalise: (text: string) => Result<string>) {
  return (value: string, ctx: z.RefinementCtx<string>): string => {
    const normal = normalise(value);
    if (normal.ok) return normal.value;
    ctx.issues.push({ code: 'custom', message: normal.error.message, input: value, params: { [USER_WORDED]: true } });
    return z.NEVER;
  };
}

/** A number or address to call, in the normal form the providers send (see normalizeDestination). */
const destination = z.string().min(1, 'a destination is required').max(256).transform(normalisedBy(normalizeDestination));
const dtmfDigits = z.string().min(1).max(64).transform(normalisedBy(normalizeDtmf));
const line = id.optional();
const callRef = { callId: id, line };

/** RingCentral's reply patterns (docs/wire/ringcentral-and-bandwidth.md §A2). */
export const REPLY_PATTERNS = [
  'WillCallYouBack',
  'CallMeBack',
  'OnMyWay',
  'OnTheOtherLine',
  'WillCallYouBackLater',
  'CallMeBackLater',
  'InAMeeting',
  'OnTheOtherLineNoCall',
] as const;
export const REPLY_TIME_UNITS = ['Minute', 'Hour', 'Day'] as const;

/** A sentence to speak (Bandwidth allows at most 1,000 characters). */
const sentence = z.string().trim().min(1, 'write something to say').max(SENTENCE_MAX_LENGTH, 'a sentence is at most 1,000 characters');
const speech = {
  sentence,
  gender: z.enum(['female', 'male']).optional(),
  locale: z
    .string()
    .regex(/^[a-z]{2}_[A-Z]{2}$/, 'a locale such as en_US')
    .optional(),
  voice: z
    .string()
    .regex(/^[A-Za-z-]{1,32}$/, 'a voice name such as Susan')
    .optional(),
};
/** The rule the windows' audio fields share (src/shared/audio-address.ts): https only. */
const audioUrl = z.string().refine((text) => audioAddressFault(text) === null, 'an https address of an audio file');

/**
 * Every call-control command, one variant per action. `line` is the line owner (Webex lineOwnerId).
 * Parsed once, at the boundary (src/main/runtime/command-invocation.ts): destinations, targets and
 * DTMF digits come out normalised, so the core and the providers take `CallCommand` as it is.
 */
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
  /** Blind transfer of an answered call to a number; Bandwidth can whisper a sentence to whoever answers. */
  z.strictObject({ type: z.literal('transfer'), ...callRef, destination, whisper: sentence.optional() }),
  /** Attended transfer: connect two of my calls; without ids the provider picks my only two calls. */
  z.strictObject({ type: z.literal('attendedTransfer'), callId: id.optional(), otherCallId: id.optional(), line }),
  /** Mute transfer: transfer only once the destination answers. */
  z.strictObject({ type: z.literal('muteTransfer'), ...callRef, destination }),
  z.strictObject({ type: z.literal('park'), ...callRef, destination: destination.optional(), groupPark: z.boolean().optional() }),
  z.strictObject({ type: z.literal('retrieve'), destination: destination.optional(), endpointId: id.optional(), line }),
  z.strictObject({ type: z.literal('pickup'), target: destination.optional(), endpointId: id.optional(), line }),
  z.strictObject({ type: z.literal('bargeIn'), target: destination, endpointId: id.optional(), line }),
  z.strictObject({ type: z.literal('push'), ...callRef }),
  z.strictObject({ type: z.literal('dtmf'), ...callRef, digits: dtmfDigits }),
  z.strictObject({ type: z.literal('mute'), ...callRef }),
  z.strictObject({ type: z.literal('unmute'), ...callRef }),
  z.strictObject({ type: z.literal('startRecording'), ...callRef }),
  z.strictObject({ type: z.literal('stopRecording'), ...callRef }),
  z.strictObject({ type: z.literal('pauseRecording'), ...callRef }),
  z.strictObject({ type: z.literal('resumeRecording'), ...callRef }),
  // ---- RingCentral ----
  /** Answer a ringing call with a text message, or one of RingCentral's patterns (with a time). */
  z
    .strictObject({
      type: z.literal('reply'),
      ...callRef,
      text: z.string().trim().min(1, 'write a message').max(REPLY_MAX_LENGTH, 'a reply is at most 150 characters').optional(),
      pattern: z
        .strictObject({
          pattern: z.enum(REPLY_PATTERNS),
          time: z.number().int().min(1).max(999).optional(),
          timeUnit: z.enum(REPLY_TIME_UNITS).optional(),
        })
        .optional(),
    })
    .refine((c) => (c.text === undefined) !== (c.pattern === undefined), 'give either a message or a pattern'),
  /** Let a call-queue call go on to the next agent. */
  z.strictObject({ type: z.literal('ignore'), ...callRef }),
  /** Move an answered call to another of my phones (a call-flip number, e.g. "*2"). */
  z.strictObject({ type: z.literal('flip'), ...callRef, flipId: z.string().regex(/^\*?[0-9]{1,2}$/, 'a call-flip number such as *2') }),
  /** Listen to a colleague's call (supervise): the colleague's extension number. */
  z.strictObject({ type: z.literal('listen'), target: destination, endpointId: id.optional(), line }),
  // ---- Bandwidth ----
  /** Speak a sentence into the call (text to speech). */
  z.strictObject({ type: z.literal('speak'), ...callRef, ...speech }),
  /** Play an audio file into the call. */
  z.strictObject({ type: z.literal('playAudio'), ...callRef, url: audioUrl, loop: z.boolean().optional() }),
  z.strictObject({ type: z.literal('stopAudio'), ...callRef }),
  /** Collect digits the caller presses, after an optional spoken prompt. */
  z.strictObject({
    type: z.literal('gather'),
    ...callRef,
    prompt: sentence.optional(),
    maxDigits: z.number().int().min(1).max(30).optional(),
    terminatingDigits: z
      .string()
      .regex(/^[0-9*#]{1,5}$/, 'terminating digits are 0-9, * and #')
      .optional(),
    timeoutSeconds: z.number().int().min(1).max(30).optional(),
  }),
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
  /** Take a participant out of the conference (their call ends or goes on without the others). */
  z.strictObject({ type: z.literal('removeParticipant'), ...participantRef }),
  /** Hold / resume one participant (Bandwidth members: they hear nothing and are not heard). */
  z.strictObject({ type: z.literal('holdParticipant'), ...participantRef }),
  z.strictObject({ type: z.literal('resumeParticipant'), ...participantRef }),
  /** Start an empty conference of my own (Bandwidth); people are then dialled into it. */
  z.strictObject({ type: z.literal('startConference') }),
  /** Dial a number into the named conference (Bandwidth members join by a call made for them). */
  z.strictObject({ type: z.literal('dialIntoConference'), ...conferenceRef, destination }),
  /** Speak or play into the whole conference, or to one participant when `callId` is given. */
  z.strictObject({ type: z.literal('speakToConference'), ...conferenceRef, callId: id.optional(), ...speech }),
  z.strictObject({ type: z.literal('playToConference'), ...conferenceRef, callId: id.optional(), url: audioUrl }),
  /** Connect two of my calls in a bridge (shown as a conference of type "bridge"). */
  z.strictObject({
    type: z.literal('bridge'),
    callIds: z
      .array(id)
      .length(2, 'a bridge connects two calls')
      .refine((ids) => ids[0] !== ids[1], 'a bridge connects two different calls'),
  }),
]);
export type ConferenceCommand = z.infer<typeof conferenceCommandSchema>;
export type ConferenceCommandType = ConferenceCommand['type'];

/** What a command gives back: the new call it created (dial, retrieve, pickup, barge-in, mute transfer) or where a call was parked. */
export interface CommandOutcome {
  callId?: string;
  parkedAt?: Party;
  /** The gather a Collect digits command started (its digits arrive on the call's `gather`). */
  gatherId?: string;
  /** The conference (or bridge) a command created. */
  conferenceId?: string;
}

export const recordingsQuerySchema = z.strictObject({ callId: id });
export const transcriptionRequestSchema = z.strictObject({ recordingId: id });
export const timelineQuerySchema = z.strictObject({ callId: id });

export const historyQuerySchema = z.strictObject({ type: z.enum(HISTORY_TYPES).optional() });
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

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
  /** Why it waits for the user (a feature code, an international number, or the user's setting). */
  reason?: string;
}

/** The panel view main asks to bring forward (tray "Settings", "Sign in…"). */
export interface ViewRequest {
  view: 'calls' | 'history' | 'settings';
  /** Put the keyboard focus on the account section (signing in). */
  focusAccount?: boolean;
}

/** What "Save diagnostics…" did: saved the report where the user chose, or nothing (the dialog was cancelled). */
export type DiagnosticsSaved = { saved: true; path: string } | { saved: false };

export interface Notice {
  kind: 'error' | 'info';
  message: string;
  callId?: string;
  error?: AppError;
}

/** A type witness: never read at run time, it only carries a channel's result or payload type. */
function carries<T>(): T {
  return undefined as T;
}

/** The schema of channels whose Bridge function takes no argument. */
export const NO_ARGS = z.undefined();

/** A request/answer channel: main parses the one argument with `args`; `result` is a type witness. */
export interface InvokeSpec<C extends string = string, A extends z.ZodType = z.ZodType, R = unknown> {
  readonly kind: 'invoke';
  readonly channel: C;
  readonly args: A;
  readonly result: R;
}

/** A main → window event; `payload` is a type witness. */
export interface PushSpec<C extends string = string, P = unknown> {
  readonly kind: 'push';
  readonly channel: C;
  readonly payload: P;
}

function invoke<const C extends string, A extends z.ZodType, R>(channel: C, args: A, result: R): InvokeSpec<C, A, R> {
  return { kind: 'invoke', channel, args, result };
}

function push<const C extends string, P>(channel: C, payload: P): PushSpec<C, P> {
  return { kind: 'push', channel, payload };
}

/**
 * THE channel table, keyed by the Bridge function's name. Adding a channel is one entry here: the
 * `Bridge` type, main's channel → schema lookup, the push channel list, the preload's
 * `window.switchboard` and the browser preview's bridge are all derived from it.
 */
export const CHANNELS = {
  listCalls: invoke('calls:list', NO_ARGS, carries<Call[]>()),
  command: invoke('call:command', callCommandSchema, carries<Result<CommandOutcome>>()),
  // Conferences: every one in progress (there may be several), and the commands that name one.
  conferences: invoke('conferences:list', NO_ARGS, carries<Conference[]>()),
  conferenceCommand: invoke('conference:command', conferenceCommandSchema, carries<Result<null>>()),
  history: invoke('history:list', historyQuerySchema, carries<Result<HistoryEntry[]>>()),
  status: invoke('status:get', NO_ARGS, carries<Status>()),
  answerEndpoints: invoke('endpoints:list', NO_ARGS, carries<Result<AnswerEndpoint[]>>()),
  reconcile: invoke('status:reconcile', NO_ARGS, carries<Result<null>>()),
  settings: invoke('settings:get', NO_ARGS, carries<Settings>()),
  updateSettings: invoke('settings:set', settingsPatchSchema, carries<Result<Settings>>()),
  appState: invoke('app:state', NO_ARGS, carries<AppState>()),
  simulateIncomingCall: invoke('demo:simulate', demoSimulateSchema, carries<Result<null>>()),
  openWindow: invoke('window:open', windowRequestSchema, carries<Result<null>>()),
  // Escape hides the window it was pressed in: no argument, main hides the sender (no window hides another).
  hideWindow: invoke('window:hide', NO_ARGS, carries<Result<null>>()),
  account: invoke('account:get', NO_ARGS, carries<AccountState>()),
  signIn: invoke('account:signIn', NO_ARGS, carries<Result<null>>()),
  cancelSignIn: invoke('account:cancelSignIn', NO_ARGS, carries<Result<null>>()),
  pasteToken: invoke('account:pasteToken', pasteTokenSchema, carries<Result<null>>()),
  setClientSecret: invoke('account:setClientSecret', clientSecretSchema, carries<Result<null>>()),
  signInWithCredentials: invoke('account:signInWithCredentials', credentialsSchema, carries<Result<null>>()),
  signOut: invoke('account:signOut', NO_ARGS, carries<Result<null>>()),
  // A call's recordings (with transcriptions) and event timeline, where the provider keeps them.
  recordings: invoke('recordings:list', recordingsQuerySchema, carries<Result<Recording[]>>()),
  requestTranscription: invoke('transcription:request', transcriptionRequestSchema, carries<Result<null>>()),
  timeline: invoke('call:timeline', timelineQuerySchema, carries<Result<CallTimelineEvent[]>>()),
  // A redacted report for a support ticket, saved where the user chooses (a save dialog in the app).
  saveDiagnostics: invoke('diagnostics:save', NO_ARGS, carries<Result<DiagnosticsSaved>>()),
  onCallsChanged: push('calls:changed', carries<Call[]>()),
  onConferencesChanged: push('conferences:changed', carries<Conference[]>()),
  onHistoryChanged: push('history:changed', carries<HistoryEntry[]>()),
  onStatusChanged: push('status:changed', carries<Status>()),
  onSettingsChanged: push('settings:changed', carries<Settings>()),
  onAppChanged: push('app:changed', carries<AppState>()),
  onDialRequested: push('dial:requested', carries<DialRequest>()),
  onNotice: push('notice', carries<Notice>()),
  onAccountChanged: push('account:changed', carries<AccountState>()),
  onViewRequested: push('view:requested', carries<ViewRequest>()),
} as const;

// ---- Everything below is derived from CHANNELS; nothing here names a channel. ----

type Table = typeof CHANNELS;
export type BridgeFunctionName = keyof Table;
type Entry = Table[BridgeFunctionName];
type InvokeEntry = Extract<Entry, { kind: 'invoke' }>;
type PushEntry = Extract<Entry, { kind: 'push' }>;

export type CommandChannel = InvokeEntry['channel'];
export type PushChannel = PushEntry['channel'];
type InvokeEntryOf<C extends CommandChannel> = Extract<InvokeEntry, { channel: C }>;
/** What a handler receives: the argument after the boundary parse (normalised). */
export type CommandArgs<C extends CommandChannel> = z.output<InvokeEntryOf<C>['args']>;
/** What a window sends: the argument before the boundary parse. */
export type CommandInput<C extends CommandChannel> = z.input<InvokeEntryOf<C>['args']>;
export type CommandResult<C extends CommandChannel> = InvokeEntryOf<C>['result'];
export type PushEvents = { [E in PushEntry as E['channel']]: E['payload'] };

export type Unsubscribe = () => void;

type BridgeFunctionOf<E> =
  E extends InvokeSpec<string, infer A, infer R>
    ? [z.input<A>] extends [undefined]
      ? () => Promise<R>
      : (argument: z.input<A>) => Promise<R>
    : E extends PushSpec<string, infer P>
      ? (listener: (payload: P) => void) => Unsubscribe
      : never;

/** What the renderer sees as `window.switchboard`: one function per channel and nothing else. */
export type Bridge = { [K in BridgeFunctionName]: BridgeFunctionOf<Table[K]> };

/** Whether an invoke channel's Bridge function passes an argument on (the others send none at all). */
export function takesArgument(spec: InvokeSpec): boolean {
  return spec.args !== NO_ARGS;
}

const ENTRIES = Object.entries(CHANNELS) as [BridgeFunctionName, Entry][];

/** Main's channel → argument schema lookup, for every invoke channel. */
export const COMMAND_SCHEMAS = Object.fromEntries(
  ENTRIES.flatMap(([, spec]) => (spec.kind === 'invoke' ? [[spec.channel, spec.args]] : [])),
) as { readonly [E in InvokeEntry as E['channel']]: E['args'] };

export const PUSH_CHANNELS: readonly PushChannel[] = ENTRIES.flatMap(([, spec]) => (spec.kind === 'push' ? [spec.channel] : []));
