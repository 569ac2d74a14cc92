/**
 * The public shape of the Bandwidth Catapult simulator: options, the in-process scenario driver, fault
 * injection and the handle startBandwidthSimulator() returns. Types only: no behaviour here.
 */
import type { Timers } from '../../foundation/timers';
import type { AppliedCommandBase } from '../kit/applied-command';
import type { AudioLogEntry } from './audio';
import type { DtmfLogEntry, FarEndBehaviour } from './calls';
import type { AudioRequest, BridgeWire, CallEventWire, CallWire } from './wire-types';

export interface BandwidthSimulatorOptions {
  userId?: string;
  apiToken?: string;
  apiSecret?: string;
  /** The user's own numbers (calls are placed from these, inbound calls ring them). */
  numbers?: string[];
  /** Clock and timers for every delay (default: real ones). */
  timers?: Timers;
  /** Requests per user: `capacity` at once, one more per `intervalMs` (default 1 per 1000 ms); null turns it off. */
  rateLimit?: { capacity: number; intervalMs: number } | null;
  /** Call creations: at most `count` in any `windowMs` (default 10 in 10 s); null turns it off. */
  callRateLimit?: { count: number; windowMs: number } | null;
  /** An outbound call's far end answers after this long (default 1500 ms). */
  farEndAnswerMs?: number;
  /** Default callTimeout in seconds (default 60). */
  callTimeoutS?: number;
  /** A transcription completes this long after it starts (default 5000 ms). */
  transcriptionMs?: number;
  maxConferenceMembers?: number;
  /** Keep every request in `requests` and every applied one in `journal` (default true); a long-running demo turns it off so memory stays flat. */
  recordRequests?: boolean;
  port?: number;
}

export interface RecordedRequest {
  method: string;
  /** The path after /v1. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  headers: Record<string, string>;
  status: number;
  /** The simulator's clock when the request arrived. */
  at: number;
}

/** A state-changing request the simulator carried out (simulator/kit/applied-command.ts). */
export interface AppliedCommand extends AppliedCommandBase {
  /** The Location header of a create (the new call's, bridge's… URL). */
  location?: string;
  /** The simulator's clock when it was applied. */
  at: number;
}

export interface FaultMatch {
  method?: string;
  /** The path after /v1: exact, or a pattern. */
  path?: string | RegExp;
}

export interface BandwidthFaults {
  /**
   * The next matching request(s) fail with this status and Catapult error, without being applied. A 429
   * carries X-RateLimit-Reset = now + resetInMs (default 1000); resetInMs null leaves the header out.
   */
  failNext(init: FaultMatch & { status: number; code?: string; message?: string; count?: number; resetInMs?: number | null }): void;
  /** Every answer waits this long first. */
  latency(ms: number): void;
  /** The connection is reset instead of answered (optionally after applying the request). */
  dropNext(init?: FaultMatch & { count?: number; afterApplying?: boolean }): void;
  /** Never answer (the socket stays open until close()); with afterApplying the request is applied first. */
  hangNext(init?: FaultMatch & { count?: number; afterApplying?: boolean }): void;
  clear(): void;
}

export interface BandwidthScenario {
  /** Someone calls the user's number: returns the new inbound call's id (state `started`). */
  ringIn(init: { from: string; to?: string; autoAnswer?: boolean }): string;
  farEndAnswers(callId: string): void;
  farEndHangsUp(callId: string): void;
  farEndBusy(callId: string): void;
  /** How the far end at `number` behaves when called from now on. */
  setFarEnd(number: string, behaviour: FarEndBehaviour): void;
  /** The far end presses keys (heard by a running gather). */
  pressDigits(callId: string, keys: string): void;
  callEvents(callId: string): CallEventWire[];
  /** What plays on `call:c-…`, `conference:…`, `member:…` or `bridge:…` now. */
  audioOn(target: string): AudioRequest | undefined;
}

export interface BandwidthSimulator {
  /** e.g. http://127.0.0.1:41234/v1 */
  baseUrl: string;
  userId: string;
  apiToken: string;
  apiSecret: string;
  numbers: string[];
  requests: RecordedRequest[];
  /** Every state-changing request applied, in order; stays empty with recordRequests false. */
  journal: readonly AppliedCommand[];
  scenario: BandwidthScenario;
  faults: BandwidthFaults;
  calls(): CallWire[];
  /** A bridge as GET /bridges/{id} answers it; undefined for an unknown id. */
  bridge(id: string): BridgeWire | undefined;
  dtmfLog(): DtmfLogEntry[];
  audioLog(): AudioLogEntry[];
  close(): Promise<void>;
}
