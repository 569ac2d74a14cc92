/**
 * The scripted user of a fault run (webex-fault-run.ts, bandwidth-fault-run.ts): what every provider's
 * run does the same way around a command — plan its fault, wait for its Result on the hand clock, write
 * it into the ledger (fault-ledger.ts), and after a failure compare what the panel shows with what the
 * simulator holds; look at the panel; press a button again while the call still offers it. What is the
 * provider's own (its faults, the wire paths a fault aims at, how its simulator says what is true)
 * comes in as functions. Also what every run starts from (startFaultRun) and the faults every simulator
 * plans alike (wire and simulator faults). No vitest here (the bench uses it too).
 */
import type { SwitchboardCore } from '../../src/main/core/switchboard-core';
import type { Action, Call } from '../../src/shared/domain';
import type { Result } from '../../src/shared/result';
import { FaultLedger, faultPicker } from './fault-ledger';
import { HandClock } from './hand-clock';
import { seededRandom } from './seeded-random';

export interface FaultRunOptions {
  /** Incoming calls the user handles (two at a time). */
  calls: number;
  seed?: number;
  /** The real per-attempt command timeout a hang runs into (default 250 ms). */
  commandTimeoutMs?: number;
}

/** One thing after a failure that must show what the simulator holds: its name, as shown, as true. */
export interface Compared {
  what: string;
  shown: string;
  truth: string;
}

/**
 * What every fault run starts from: its randomness from `seed` (default 11), one hand clock, the picker
 * of the fault each command meets among `faults`, and the ledger of what the user of `provider` was told.
 */
export function startFaultRun<Kind extends string>(provider: string, faults: readonly Kind[], seed = 11) {
  const random = seededRandom(seed);
  return { random, hand: new HandClock(), pick: faultPicker(faults, random), ledger: new FaultLedger(provider) };
}

export interface ScriptedUserDeps<Target, Kind extends string> {
  hand: HandClock;
  core: SwitchboardCore;
  ledger: FaultLedger;
  /** The fault the next command of an operation meets (fault-ledger.ts faultPicker). */
  pick: (operation: string) => Kind | 'none';
  /** Sets the simulator up to inflict `kind` on the request made at `target`. */
  inject: (kind: Kind, target: Target) => void;
  /** Takes away whatever fault the command did not consume. */
  clearFaults: () => void;
  /** How far the clock moves when the user looks at the panel (a poll interval). */
  lookMs: number;
  /** Each call as the panel shows it and as the simulator has it ('gone' when ended or absent). */
  shown: (callId: string) => string;
  truth: (callId: string) => string;
  /** The rest a failure about these calls must not leave wrong (the conference, the bridge). */
  alsoCompare: (callIds: string[]) => Compared;
}

export interface ScriptedUser<Target> {
  call(id: string): Call | undefined;
  offers(id: string, action: Action): boolean;
  /** The user looks at the panel: the clock moves a poll interval (polls run), then the list is read afresh. */
  look(): Promise<void>;
  /** One command the user issues, with its planned fault; after a failure the list must show the truth. */
  act(key: string, target: Target, send: () => Promise<Result<unknown>>, about: string[]): Promise<Result<unknown>>;
  /** A user whose command failed presses the button again while the call still offers it (twice at most). */
  callCommand(action: CallButton, id: string, target: Target, about: string[]): Promise<void>;
  /**
   * The user turns something on and off again on a call (mute then unmute, start then stop recording),
   * each press only while the call offers it; the call must show the truth of both after a failure.
   */
  toggle(on: CallButton, off: CallButton, id: string, targets: { on: Target; off: Target }, about: string[]): Promise<void>;
  /** The user answers a call that rings alone and, once it offers digits, sends them (a PIN). */
  answerAndSendDigits(id: string, targets: { answer: Target; dtmf: Target }): Promise<void>;
}

/** The buttons of a call whose command names only the call. */
export type CallButton =
  'answer' | 'decline' | 'hold' | 'resume' | 'hangup' | 'mute' | 'unmute' | 'startRecording' | 'stopRecording' | 'park';

export function scriptedUser<Target, Kind extends string>(deps: ScriptedUserDeps<Target, Kind>): ScriptedUser<Target> {
  const { hand, core, ledger } = deps;
  const call = (id: string): Call | undefined => core.calls().find((c) => c.id === id);
  const offers = (id: string, action: Action): boolean => call(id)?.actions.includes(action) ?? false;

  const look = async (): Promise<void> => {
    hand.clock.advance(deps.lookMs);
    for (let i = 0; i < 5; i++) if ((await hand.settle(core.reconcile())).ok) return;
  };

  const act = async (key: string, target: Target, send: () => Promise<Result<unknown>>, about: string[]): Promise<Result<unknown>> => {
    const kind = deps.pick(key.split(' ')[0] ?? key);
    if (kind !== 'none') {
      ledger.planned(kind);
      deps.inject(kind, target);
    }
    const result = await hand.settle(send());
    deps.clearFaults();
    const entry = ledger.record(key, kind, result);
    // A refusal changed nothing, and the core answers it at once: what earlier commands did shows
    // with the next read (a poll). An unknown outcome is answered only after the core re-read.
    if (entry.outcome === 'refused') await look();
    if (!result.ok) {
      for (const id of about) ledger.compare(entry, `call ${id}`, deps.shown(id), deps.truth(id));
      const rest = deps.alsoCompare(about);
      ledger.compare(entry, rest.what, rest.shown, rest.truth);
    }
    return result;
  };

  const callCommand: ScriptedUser<Target>['callCommand'] = async (action, id, target, about) => {
    for (let attempt = 0; attempt < 3 && offers(id, action); attempt++) {
      const result = await act(`${action} ${id}`, target, () => core.command({ type: action, callId: id }), about);
      if (result.ok) return;
      await look();
    }
  };

  const toggle: ScriptedUser<Target>['toggle'] = async (on, off, id, targets, about) => {
    if (!offers(id, on)) return;
    await callCommand(on, id, targets.on, about);
    await look();
    if (offers(id, off)) {
      await callCommand(off, id, targets.off, about);
      await look();
    }
  };

  const answerAndSendDigits: ScriptedUser<Target>['answerAndSendDigits'] = async (id, targets) => {
    await callCommand('answer', id, targets.answer, [id]);
    await look();
    // Digits sent twice would be heard twice (a PIN, a menu choice): never resent, even when unsure.
    if (offers(id, 'dtmf')) {
      await act(`dtmf ${id}`, targets.dtmf, () => core.command({ type: 'dtmf', callId: id, digits: '1234#' }), [id]);
      await look();
    }
  };

  return { call, offers, look, act, callCommand, toggle, answerAndSendDigits };
}

/** The faults every simulator plans alike, on the request a command makes: a 5xx, a hang or a reset, before or after applying. */
export const WIRE_FAULTS = [
  '500',
  '503',
  'hang before applying',
  'hang after applying',
  'reset before applying',
  'reset after applying',
] as const;
export type WireFault = (typeof WIRE_FAULTS)[number];

export function isWireFault(kind: string): kind is WireFault {
  return (WIRE_FAULTS as readonly string[]).includes(kind);
}

/** The part of a simulator's fault API (its `faults`) the wire faults need. */
export interface WireFaultPlanner<At> {
  failNext(init: At & { status: number }): void;
  hangNext(init: At & { afterApplying: boolean }): void;
  dropNext(init: At & { afterApplying: boolean }): void;
}

/** Plans `kind` on the next request that matches `at`. */
export function injectWireFault<At extends object>(faults: WireFaultPlanner<At>, kind: WireFault, at: At): void {
  switch (kind) {
    case '500':
    case '503':
      faults.failNext({ ...at, status: Number(kind) });
      break;
    case 'hang before applying':
    case 'hang after applying':
      faults.hangNext({ ...at, afterApplying: kind === 'hang after applying' });
      break;
    case 'reset before applying':
    case 'reset after applying':
      faults.dropNext({ ...at, afterApplying: kind === 'reset after applying' });
      break;
  }
}

/** The faults every simulator plans alike off the command's own request: a slow answer, a failing read of the call list. */
export const SIMULATOR_FAULTS = ['slow answer', 'failing read'] as const;
export type SimulatorFault = (typeof SIMULATOR_FAULTS)[number];

export function isSimulatorFault(kind: string): kind is SimulatorFault {
  return (SIMULATOR_FAULTS as readonly string[]).includes(kind);
}

/** The part of a simulator's fault API (its `faults`) the simulator faults need. */
export interface SimulatorFaultPlanner<At> {
  failNext(init: At & { status: number }): void;
  latency(ms: number): void;
}

/** Plans `kind`: every answer `slowMs` late, or the next read of the call list (`read`) a 502. */
export function injectSimulatorFault<At extends object>(
  faults: SimulatorFaultPlanner<At>,
  kind: SimulatorFault,
  aim: { slowMs: number; read: At },
): void {
  switch (kind) {
    case 'slow answer':
      faults.latency(aim.slowMs);
      break;
    case 'failing read':
      faults.failNext({ ...aim.read, status: 502 });
      break;
  }
}

/**
 * The command requests that reached the simulator and were not turned away unapplied (a 429 or a 401
 * is legitimately sent again): the ledger's `deliveredKeys`, before they are named.
 */
export function deliveredCommands<R extends { method: string; status: number }>(requests: readonly R[]): R[] {
  return requests.filter((r) => r.method !== 'GET' && r.status !== 429 && r.status !== 401);
}
