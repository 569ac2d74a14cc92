/**
 * The IPC fuzz: malformed payloads (test/support/fuzz-payloads.ts) on every invoke channel from every
 * window, through the path IPC and the preview take (runtime/command-invocation.ts) into the real
 * bridge handlers (runtime/bridge-handlers.ts) of a real session running the Webex demo on its
 * simulator over loopback. Every request the provider sends goes through a recording fetch, so what
 * reached the simulator can be checked: every number and tone on the wire is in its normal form.
 * Bandwidth's demo paces its requests (about one a second): its session runs on a hand clock
 * (test/support/hand-timers.ts, through the session's `timers`), moved on whenever nothing is on the wire.
 * Collects every violation as a sentence naming the seed and payload index, so a failure reproduces.
 * Used by test/main/runtime/ipc-fuzz.test.ts and bench/ipc-fuzz.ts.
 */
import { memorySecretVault } from '../../../src/main/auth/secrets';
import type { FetchFn } from '../../../src/main/provider-api/http-client';
import type { CommandHandlers } from '../../../src/main/runtime/bridge-handlers';
import { invokeCommand } from '../../../src/main/runtime/command-invocation';
import { createMemorySettings } from '../../../src/main/runtime/memory-settings';
import { type Session, startSession } from '../../../src/main/runtime/session';
import { COMMAND_SCHEMAS, type CommandChannel, type CommandInput, WINDOW_NAMES, type WindowName } from '../../../src/shared/contract';
import { normalizeDestination, normalizeDtmf } from '../../../src/shared/dial-string';
import type { ProviderId } from '../../../src/shared/domain';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { mayInvoke } from '../../../src/shared/window-channels';
import { DIAL_STRING_ATTACKS, DTMF_ATTACKS, Fuzz, HOSTILE_IDS, mutate } from '../../support/fuzz-payloads';
import { HandTimers } from '../../support/hand-timers';
import { countingFetch, type Wire, wireDriver } from '../../support/wire-clock';
import { sessionBridgeHandlers } from '../../support/test-bridge-handlers';

export interface FuzzOptions {
  /** Random payloads per window and channel (each window sends on every channel, its own or not). */
  perChannel: number;
  /** Whose demo runs (default Webex). */
  provider?: ProviderId;
  /**
   * Command types the attack corpus leaves out: RingCentral allows ten call-outs a minute (a dial,
   * pick-up, barge-in or retrieve is one), so its run keeps to commands on calls it already has.
   */
  skipAttackTypes?: readonly string[];
  seed?: number;
}

export interface FuzzReport {
  seed: number;
  /** Every payload sent. */
  payloads: number;
  /** Refused as BAD_INPUT at the boundary (malformed, or a channel the window may not use). */
  refused: number;
  /** Well-formed payloads the handlers ran (their answers are checked as safe too). */
  handled: number;
  /** Requests the provider sent to the simulator, and those that carried a number or tones. */
  wireRequests: number;
  wireNumbers: number;
  wireTones: number;
  /** Everything that went wrong, one sentence each (at most 50 kept), and how many in all. */
  problems: string[];
  problemCount: number;
  unhandledRejections: number;
  elapsedMs: number;
}

/** What a refusal's words may not contain: controls, line separators, bidi and zero-width characters. */
const UNSAFE_TEXT = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;
const MAX_MESSAGE = 300;
/** A sentence: a refusal naming the request, the user's own input quoted, or a capitalised sentence. */
const SENTENCE = /^(Invalid request for "[a-z:A-Z]+": .+|Refused "[a-z:A-Z]+": .+|".*|[A-Z].*)$/s;

interface Recorded {
  method: string;
  url: string;
  body: string;
}

/**
 * Node's fetch, recording each request. Anything but loopback fails as a network error: nothing may
 * leave the machine (a pasted token, say, is checked with the real provider, which the fuzz must not reach).
 */
function recordingFetch(requests: Recorded[], wire: Wire): FetchFn {
  return countingFetch(wire, async (input, init) => {
    const request = new Request(input as RequestInfo, init as RequestInit);
    const body = request.body ? await request.clone().text() : '';
    const host = new URL(request.url).hostname;
    if (host !== '127.0.0.1' && host !== 'localhost') throw new TypeError('fetch failed: the fuzz allows loopback only');
    requests.push({ method: request.method, url: request.url, body });
    return fetch(request);
  });
}

function short(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    return text === undefined ? String(value) : text.length > 120 ? `${text.slice(0, 120)}…` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function prototypeShape(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((proto) => Reflect.ownKeys(proto).map(String).sort().join(','))
    .join('|');
}

/** Waits on real I/O (the demo's loopback simulator) without vitest, so the bench can run it too. */
async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`The fuzz could not set up: ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Well-formed arguments per channel, which the fuzz mutates; ids name the demo's real calls where they matter. */
function templates(ids: { ringing: string; connected: string }): { [C in CommandChannel]: readonly CommandInput<C>[] } {
  const call = ids.connected;
  return {
    'calls:list': [undefined],
    'conferences:list': [undefined],
    'status:get': [undefined],
    'settings:get': [undefined],
    'app:state': [undefined],
    'endpoints:list': [undefined],
    'status:reconcile': [undefined],
    'account:get': [undefined],
    'account:signIn': [undefined],
    'account:cancelSignIn': [undefined],
    'account:signOut': [undefined],
    'diagnostics:save': [undefined],
    'window:hide': [undefined],
    'call:command': [
      { type: 'dial', destination: '+15550100' },
      { type: 'answer', callId: ids.ringing },
      { type: 'decline', callId: ids.ringing, reason: 'busy' },
      { type: 'hold', callId: call, line: 'line-1' },
      { type: 'divert', callId: ids.ringing, destination: '5021' },
      { type: 'transfer', callId: call, destination: '5021' },
      { type: 'attendedTransfer', callId: call, otherCallId: ids.ringing },
      { type: 'park', callId: call, groupPark: true },
      { type: 'pickup', target: '5021' },
      { type: 'dtmf', callId: call, digits: '12#' },
      { type: 'reply', callId: ids.ringing, pattern: { pattern: 'OnMyWay', time: 5, timeUnit: 'Minute' } },
      { type: 'flip', callId: call, flipId: '*2' },
      { type: 'speak', callId: call, sentence: 'Hello', locale: 'en_US' },
      { type: 'playAudio', callId: call, url: 'https://example.com/a.mp3' },
      { type: 'gather', callId: call, maxDigits: 4, terminatingDigits: '#' },
    ],
    'conference:command': [
      { type: 'merge', callIds: [call, ids.ringing] },
      { type: 'muteParticipant', conferenceId: 'conf-1', callId: call },
      { type: 'release', conferenceId: 'conf-1' },
      { type: 'dialIntoConference', conferenceId: 'conf-1', destination: '+15550100' },
      { type: 'speakToConference', conferenceId: 'conf-1', sentence: 'Hi' },
      { type: 'bridge', callIds: [call, ids.ringing] },
    ],
    'history:list': [{}, { type: 'missed' }],
    'settings:set': [{ doNotDisturb: true }, { theme: 'dark' }, { popup: { neverPop: false, reasons: { direct: true } } }],
    'demo:simulate': [{ kind: 'plain' }],
    'window:open': [{ name: 'panel' }],
    'account:pasteToken': [{ token: 'a-pasted-token' }],
    'account:setClientSecret': [{ secret: 'a-secret' }],
    'account:signInWithCredentials': [{ values: { userId: 'u-1', apiToken: 't' } }],
    'recordings:list': [{ callId: call }],
    'transcription:request': [{ recordingId: 'rec-1' }],
    'call:timeline': [{ callId: call }],
  };
}

/** Commands that carry a number or tones, built around one attack string, in an order that keeps the demo's calls alive longest. */
function attackCommands(ids: { ringing: string; connected: string }): unknown[] {
  const commands: unknown[] = [];
  for (const digits of DTMF_ATTACKS) commands.push({ type: 'dtmf', callId: ids.connected, digits });
  for (const s of DIAL_STRING_ATTACKS) {
    commands.push(
      { type: 'dial', destination: s },
      { type: 'pickup', target: s },
      { type: 'bargeIn', target: s },
      { type: 'retrieve', destination: s },
      { type: 'listen', target: s },
    );
  }
  for (const s of DIAL_STRING_ATTACKS) {
    commands.push(
      { type: 'park', callId: ids.connected, destination: s },
      { type: 'muteTransfer', callId: ids.connected, destination: s },
      { type: 'transfer', callId: ids.connected, destination: s },
    );
  }
  for (const s of DIAL_STRING_ATTACKS) {
    commands.push({ type: 'toVoicemail', callId: ids.ringing, destination: s }, { type: 'divert', callId: ids.ringing, destination: s });
  }
  return commands;
}

/** Whether the payload itself holds the text "[object …]" (so a refusal may echo it). */
function saysObject(payload: unknown): boolean {
  try {
    return (JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? '').includes('[object ');
  } catch {
    return false;
  }
}

/** Checks one answer; returns what is wrong with it, or undefined. */
function checkAnswer(result: unknown, mustRefuse: boolean, payload: unknown): string | undefined {
  const failed = typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === false;
  if (mustRefuse && !failed) return `was not refused: ${short(result)}`;
  if (!failed) return undefined;
  const { error } = result as { error?: { code?: unknown; message?: unknown } };
  if (typeof error !== 'object' || error === null) return `refused without an error: ${short(result)}`;
  const extra = Object.keys(error).filter((k) => !['code', 'message', 'retryable', 'trackingId'].includes(k));
  if (extra.length > 0) return `the refusal carries more than its code and words: ${extra.join(', ')}`;
  if (mustRefuse && error.code !== 'BAD_INPUT') return `refused as ${String(error.code)}, not BAD_INPUT`;
  const { message } = error;
  if (typeof message !== 'string' || message.length === 0) return 'refused without words';
  if (message.length > MAX_MESSAGE) return `the refusal is ${message.length} characters long`;
  if (UNSAFE_TEXT.test(message)) return `the refusal carries control or bidi characters: ${short(message)}`;
  // "[object …]" in the words is an object stringified — unless the payload itself said it (an echo).
  if (message.includes('[object ') && !saysObject(payload)) return `the refusal dumps an object: ${short(message)}`;
  if (mustRefuse && !SENTENCE.test(message)) return `the refusal is not a sentence: ${short(message)}`;
  return undefined;
}

/** The fields that carry a number or tones on each provider's wire (bodies, query strings). */
interface WireFields {
  numbers: Set<string>;
  tones: Set<string>;
  /** The normal form of a number as the wire spells it (default: as it is). */
  unwrap?: (value: string) => string;
}
const WEBEX_AND_RINGCENTRAL_FIELDS: WireFields = {
  numbers: new Set(['destination', 'target', 'phoneNumber', 'extensionNumber', 'parkOrbit']),
  tones: new Set(['dtmf']),
};
const WIRE_FIELDS: Record<ProviderId, WireFields> = {
  webex: WEBEX_AND_RINGCENTRAL_FIELDS,
  ringcentral: WEBEX_AND_RINGCENTRAL_FIELDS,
  // Catapult: a call's from and to, a transfer's destination; the tones a call sends. It takes a SIP
  // address with its scheme (providers/bandwidth/provider.ts toCatapultDestination): the rest must be normal.
  bandwidth: {
    numbers: new Set(['to', 'from', 'transferTo']),
    tones: new Set(['dtmfOut']),
    unwrap: (value) => (/^sip:[^@]+@/.test(value) ? value.slice('sip:'.length) : value),
  },
};

/** Every number and tone the simulator received, checked to be in its normal form. */
function checkWire(requests: readonly Recorded[], fields: WireFields, problem: (text: string) => void): { numbers: number; tones: number } {
  const { numbers: NUMBER_FIELDS, tones: TONE_FIELDS, unwrap = (value: string) => value } = fields;
  let numbers = 0;
  let tones = 0;
  const check = (key: string, value: unknown) => {
    if (NUMBER_FIELDS.has(key)) {
      numbers += 1;
      const spelt = typeof value === 'string' ? unwrap(value) : undefined;
      const normal = spelt === undefined ? undefined : normalizeDestination(spelt);
      if (!normal?.ok || normal.value !== spelt) problem(`the simulator received a number not in its normal form: ${key}=${short(value)}`);
    } else if (TONE_FIELDS.has(key)) {
      tones += 1;
      const normal = typeof value === 'string' ? normalizeDtmf(value) : undefined;
      if (!normal?.ok || normal.value !== value) problem(`the simulator received tones not in their normal form: ${short(value)}`);
    }
  };
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (typeof inner === 'object' && inner !== null) walk(inner);
        else check(key, inner);
      }
    }
  };
  for (const { method, url, body } of requests) {
    if (UNSAFE_TEXT.test(url) || / /.test(url)) problem(`the request line carries raw input: ${method} ${short(url)}`);
    for (const [key, value] of new URL(url).searchParams) check(key, value);
    if (body === '') continue;
    try {
      walk(JSON.parse(body));
    } catch {
      // Not JSON: a form (an OAuth token request), which carries no number.
    }
  }
  return { numbers, tones };
}

interface Rig {
  session: Session;
  handlers: CommandHandlers;
  /** How often each channel's handler ran. */
  ran: Map<CommandChannel, number>;
  requests: Recorded[];
  /** Resolves what the work resolves to, moving the hand clock (when there is one) whenever nothing is on the wire. */
  drive<T>(work: Promise<T>): Promise<T>;
  close(): Promise<void>;
}

async function startRig(provider: ProviderId, clock?: HandTimers): Promise<Rig> {
  const requests: Recorded[] = [];
  const wire: Wire = { inFlight: 0 };
  const settings = createMemorySettings(DEFAULT_SETTINGS);
  const drive: Rig['drive'] = clock ? wireDriver(clock, wire) : (work) => work;
  const session = await drive(
    startSession({
      settings,
      env: { SWITCHBOARD_PROVIDER: `demo:${provider}` },
      vault: memorySecretVault('The fuzz keeps nothing.'),
      openBrowser: async () => undefined,
      fetch: recordingFetch(requests, wire),
      redirectPort: 0,
      signInTimeoutMs: 2_000,
      ...(clock ? { timers: clock } : {}),
    }),
  );
  // The save dialog is the shell's; here the user cancels it, so the fuzz writes no file.
  const real = sessionBridgeHandlers(session, settings).handlers;
  const ran = new Map<CommandChannel, number>();
  const handlers = Object.fromEntries(
    Object.entries(real).map(([channel, handler]) => [
      channel,
      (args: unknown, from: WindowName) => {
        ran.set(channel as CommandChannel, (ran.get(channel as CommandChannel) ?? 0) + 1);
        return (handler as (a: unknown, f: WindowName) => unknown)(args, from);
      },
    ]),
  ) as CommandHandlers;
  return { session, handlers, ran, requests, drive, close: () => session.close() };
}

/** Rings two demo calls and answers one: a ringing and a connected call for commands to name. */
async function demoCalls(rig: Rig): Promise<{ ringing: string; connected: string }> {
  const { core } = rig.session;
  /** Re-reads (through the paced queue on the hand clock) until the list shows it. */
  const untilShown = async (check: () => boolean, what: string) => {
    for (let i = 0; i < 20 && !check(); i += 1) await rig.drive(core.reconcile());
    await until(check, what);
  };
  await rig.drive(rig.session.simulateIncomingCall('plain'));
  await untilShown(() => core.calls().some((c) => c.state === 'alerting'), 'the demo call did not ring');
  const first = core.calls().find((c) => c.state === 'alerting')!.id;
  await rig.drive(invokeCommand(rig.handlers, 'call:command', { type: 'answer', callId: first }, 'panel'));
  await untilShown(() => core.calls().some((c) => c.id === first && c.state === 'connected'), 'the demo call was not answered');
  await rig.drive(rig.session.simulateIncomingCall('callQueue'));
  await untilShown(() => core.calls().some((c) => c.state === 'alerting'), 'the second demo call did not ring');
  return { ringing: core.calls().find((c) => c.state === 'alerting')!.id, connected: first };
}

export async function runIpcFuzz({
  perChannel,
  provider = 'webex',
  skipAttackTypes = [],
  seed = 20261201,
}: FuzzOptions): Promise<FuzzReport> {
  const problems: string[] = [];
  let problemCount = 0;
  const problem = (text: string) => {
    problemCount += 1;
    if (problems.length < 50) problems.push(text);
  };
  let unhandledRejections = 0;
  const onUnhandled = (reason: unknown) => {
    unhandledRejections += 1;
    problem(`an unhandled rejection: ${reason instanceof Error ? reason.message : short(reason)}`);
  };
  process.on('unhandledRejection', onUnhandled);
  const shapeBefore = prototypeShape();
  // Bandwidth paces every request (about one a second): its session runs on a hand clock.
  const rig = await startRig(provider, provider === 'bandwidth' ? new HandTimers() : undefined);
  const f = new Fuzz(seed);
  let payloads = 0;
  let refused = 0;
  let handled = 0;
  const started = performance.now();

  async function send(from: WindowName, channel: CommandChannel, payload: unknown): Promise<void> {
    const index = payloads;
    payloads += 1;
    const where = `seed ${seed} #${index} ${from} → ${channel} ${short(payload)}`;
    let wellFormed = false;
    try {
      wellFormed = mayInvoke(from, channel) && COMMAND_SCHEMAS[channel].safeParse(payload).success;
    } catch (error) {
      problem(`${where}: the schema itself threw (${error instanceof Error ? error.message : String(error)})`);
    }
    const ranBefore = rig.ran.get(channel) ?? 0;
    let result: unknown;
    try {
      result = await rig.drive(invokeCommand(rig.handlers, channel, payload, from));
    } catch (error) {
      problem(`${where}: threw ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const wrong = checkAnswer(result, !wellFormed, payload);
    if (wrong) problem(`${where}: ${wrong}`);
    if (wellFormed) handled += 1;
    else {
      refused += 1;
      if ((rig.ran.get(channel) ?? 0) !== ranBefore) problem(`${where}: the handler ran for a refused payload`);
    }
  }

  try {
    const ids = await demoCalls(rig);
    // Numbers and tones first: the attacks that parse reach the simulator, which shows what it got.
    const attacks = attackCommands(ids).filter((c) => !skipAttackTypes.includes((c as { type: string }).type));
    for (const command of attacks) await send('panel', 'call:command', command);
    for (const command of attacks) await send('popup', 'call:command', command);
    const table = templates(ids);
    const extras = [...HOSTILE_IDS, ids.connected, ids.ringing, ...DIAL_STRING_ATTACKS];
    for (const from of WINDOW_NAMES) {
      for (const channel of Object.keys(COMMAND_SCHEMAS) as CommandChannel[]) {
        const own = table[channel] as readonly unknown[];
        for (let i = 0; i < perChannel; i += 1) {
          let payload = mutate(f, f.pick(own), extras);
          // A well-formed payload on a channel with no argument would sign in, sign out or re-read for real: keep those malformed.
          if (payload === undefined && own[0] === undefined) payload = null;
          await send(from, channel, payload);
        }
      }
    }
    // A rejection nobody handled is reported once the promise jobs have run: give them a few turns.
    for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
  } finally {
    await rig.drive(rig.close());
    process.off('unhandledRejection', onUnhandled);
  }
  const wire = checkWire(rig.requests, WIRE_FIELDS[provider], problem);
  if (prototypeShape() !== shapeBefore) problem('a built-in prototype gained or lost a property');
  if (({} as Record<string, unknown>).polluted !== undefined || ({} as Record<string, unknown>).isAdmin !== undefined) {
    problem('Object.prototype was polluted');
  }
  return {
    seed,
    payloads,
    refused,
    handled,
    wireRequests: rig.requests.length,
    wireNumbers: wire.numbers,
    wireTones: wire.tones,
    problems,
    problemCount,
    unhandledRejections,
    elapsedMs: performance.now() - started,
  };
}
